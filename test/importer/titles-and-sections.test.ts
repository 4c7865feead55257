import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/importer/import.js';
import { frontMatter, importFixture, part, section } from './helpers.js';

describe('an article whose own "A vs. B: Key Differences" heading leads into the topics', () => {
  const result = importFixture('data-analyst-vs-data-scientist.txt');

  it('reads every topic after that heading instead of taking it for the next article', () => {
    expect(section(part(result.text, 'Data Scientist'), 'Requirements')).toMatch(
      /^Data scientists usually need a master's degree or a PhD/,
    );
    expect(result.notices.filter((n) => n.kind === 'missing-section')).toEqual([]);
  });

  it('still drops the related articles and the footer after the article', () => {
    expect(result.text).not.toMatch(/Business Analyst|newsletter|All rights reserved/);
  });

  it('GIVEN a byline between the title and the introduction THEN the introduction is kept and the byline is not', () => {
    expect(section(part(result.text, 'Differences'), 'Overview')).toMatch(
      /^Data analysts and data scientists both work with data/,
    );
    expect(result.text).not.toContain('Careers Team');
  });

  it("GIVEN one role's career start named as the other role THEN the ladder names that role by its title", () => {
    expect(frontMatter(result.text).roles[1]?.ladder?.comes_from).toEqual(['Data Analyst']);
  });
});

describe('abbreviations in the title', () => {
  const result = importFixture('nurse-practitioner-vs-physician-assistant.md');
  const front = frontMatter(result.text);

  it('GIVEN "Nurse Practitioner (NP) vs. Physician Assistant (PA)" THEN the titles drop the parentheses and keep NP and PA (and the text’s NPs, PAs) as aliases', () => {
    expect(front.roles.map((r) => [r.id, r.title, r.aliases])).toEqual([
      ['nurse-practitioner', 'Nurse Practitioner', ['NP', 'NPs']],
      ['physician-assistant', 'Physician Assistant', ['PA', 'PAs']],
    ]);
    expect(result.path).toBe('articles/nurse-practitioner-vs-physician-assistant.md');
    expect(front.source.title).toBe(
      'Nurse Practitioner (NP) vs. Physician Assistant (PA): What Are the Differences?',
    );
  });

  it('reads the topics after "## 3. NP vs. PA: Key Differences", which names the roles by their abbreviations', () => {
    expect(section(part(result.text, 'Physician Assistant'), 'Work environment')).toMatch(
      /^PAs work in hospitals/,
    );
    expect(section(part(result.text, 'Differences'), 'Overview')).toMatch(
      /^Nurse practitioners and physician assistants are both advanced practice clinicians/,
    );
  });
});

describe('an article shouted in capitals', () => {
  const result = importFixture('paralegal-vs-legal-assistant.txt');

  it('GIVEN upper-case headings THEN their words are not taken for abbreviations in the titles', () => {
    expect(frontMatter(result.text).roles.map((r) => [r.id, r.title, r.aliases])).toEqual([
      ['paralegal', 'Paralegal', []],
      ['legal-assistant', 'Legal Assistant', []],
    ]);
    expect(result.title).toBe('Paralegal vs. Legal Assistant');
  });
});

describe('abbreviations in parentheses in the text', () => {
  it('GIVEN "Professional Scrum Master (PSM)", a certificate THEN PSM is no alias of Scrum Master', () => {
    const result = importFixture('scrum-master-vs-project-manager.md');
    expect(frontMatter(result.text).roles[0]?.aliases).toEqual([]);
  });
});

describe('question headings, one per role and topic', () => {
  const result = importFixture('dental-hygienist-vs-dental-assistant.md');
  const front = frontMatter(result.text);

  it('GIVEN "How Much Does a Dental Hygienist Make?" over "The average pay is $41.50 per hour." THEN the figure is the hygienist\'s', () => {
    expect(front.roles.map((r) => [r.id, r.salary?.amount, r.salary?.period])).toEqual([
      ['dental-hygienist', 41.5, 'hour'],
      ['dental-assistant', 22, 'hour'],
    ]);
    expect(section(part(result.text, 'Dental Assistant'), 'Salary')).toBe(
      'The average pay is $22 per hour, and most work full time.',
    );
  });

  it('GIVEN "What Does a Dental Hygienist Need?", "Where Do Dental Assistants Work?" and "Dental Hygienist Skills" THEN each is that role\'s topic', () => {
    expect(section(part(result.text, 'Dental Hygienist'), 'Requirements')).toBe(
      'An associate degree in dental hygiene and a state license.',
    );
    expect(section(part(result.text, 'Dental Assistant'), 'Work environment')).toBe(
      "Almost all work in dentists' offices.",
    );
    expect(section(part(result.text, 'Dental Hygienist'), 'Skills')).toBe(
      'Dental hygienists need manual dexterity and good communication.',
    );
    expect(front.roles[0]?.summary).toMatch(/^A dental hygienist cleans teeth/);
  });
});

describe('other ways of writing the title', () => {
  const article = (title: string) => `${title}

What is a Web Developer?
A web developer builds websites. Web developers work with designers.

What is a System Administrator?
A system administrator keeps servers running.

Salary
The average salary for a web developer is $80,000 per year. The average salary for a system administrator is $70,000 per year.
`;
  const read = (title: string) => {
    const result = importArticle({ fileName: 'a.txt', content: article(title) });
    if (!result.ok) throw new Error(result.message);
    const front = frontMatter(result.text);
    return front.roles.map((r) => [r.id, r.title, r.aliases, r.salary?.amount]);
  };
  const expected = [
    ['web-developer', 'Web Developer', [], 80000],
    ['system-administrator', 'System Administrator', [], 70000],
  ];

  it.each([
    "What's the Difference Between a Web Developer and a System Administrator?",
    'Difference Between Web Developer and System Administrator',
    'Web Developer or System Administrator: Which Career Is Right for You?',
    'Web Developer vs System Administrator – Differences & Similarities',
  ])('GIVEN the title "%s" THEN the two roles are read', (title) => {
    expect(read(title)).toEqual(expected);
  });

  it('GIVEN a title in the plural and a text naming the roles in the singular THEN the roles are singular, with no plural alias', () => {
    expect(read('Web Developers vs. System Administrators: What Are the Differences?')).toEqual(expected);
  });

  it('GIVEN a plural title word the text never writes in the singular THEN it is kept ("Head of Sales")', () => {
    const result = importFixture('head-of-sales-vs-cso.txt');
    expect(frontMatter(result.text).roles[0]?.title).toBe('Head of Sales');
  });

  it('GIVEN "What Is the Difference Between ...?" inside the article THEN its text is about both roles, not the first', () => {
    const result = importArticle({
      fileName: 'a.txt',
      content: `${article('Web Developer vs. System Administrator: What Are the Differences?')}
What Is the Difference Between a Web Developer and a System Administrator?
A web developer writes code for users, and a system administrator runs the machines it runs on.
`,
    });
    if (!result.ok) throw new Error(result.message);
    expect(section(part(result.text, 'Differences'), 'Overview')).toBe(
      'A web developer writes code for users, and a system administrator runs the machines it runs on.',
    );
  });
});

describe('a saved page without <article> or <main>, with a table of contents and an FAQ in <details>', () => {
  const result = importFixture('financial-analyst-vs-accountant.html');
  const front = frontMatter(result.text);

  it('GIVEN a "Table of Contents" above the article THEN the article is read, and the contents lines are not', () => {
    expect(front.roles.map((r) => r.summary)).toEqual([
      expect.stringMatching(/^A financial analyst studies financial statements/),
      expect.stringMatching(/^An accountant prepares and examines financial records/),
    ]);
    expect(result.text).not.toMatch(/Table of Contents|What is a financial analyst\?/i);
  });

  it('leaves out the cookie notice, author box, "Related:" line, feedback widget, newsletter box, sidebar and footer', () => {
    for (const chrome of [
      'cookies',
      'Sam Lee',
      'Related:',
      'How to Become',
      'helpful',
      'weekly email',
      'Popular jobs',
      'CareerBase 2025',
    ])
      expect(result.text).not.toContain(chrome);
  });

  it('GIVEN a salary table with the roles as columns THEN each role gets its figure', () => {
    expect(front.roles.map((r) => r.salary?.amount)).toEqual([91580, 79880]);
  });

  it('GIVEN FAQ questions in <summary> THEN each answer is placed by its question, with it', () => {
    expect(section(part(result.text, 'Financial Analyst'), 'Requirements')).toContain(
      'Do financial analysts need to be CPAs? No. A CPA license is for accountants; financial analysts more often earn the CFA.',
    );
    expect(section(part(result.text, 'Differences'), 'Salary')).toContain(
      'Which pays more, a financial analyst or an accountant? Financial analysts earn more on average.',
    );
  });
});

describe("abbreviations written in title case, in the source series' layout", () => {
  it('GIVEN "Lpn vs. Cna" and a text first spelling them out in the plural THEN the roles are "Licensed Practical Nurse" and "Certified Nursing Assistant"', () => {
    const result = importFixture('lpn-vs-cna.txt');
    expect(frontMatter(result.text).roles.map((r) => [r.id, r.title, r.aliases])).toEqual([
      ['licensed-practical-nurse', 'Licensed Practical Nurse', ['LPN']],
      ['certified-nursing-assistant', 'Certified Nursing Assistant', ['CNA']],
    ]);
    expect(section(part(result.text, 'Licensed Practical Nurse'), 'Work environment')).toMatch(
      /^Both LPNs and CNAs work in nursing homes/,
    );
  });
});
