import { describe, expect, it } from 'vitest';
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

  it('GIVEN "Nurse Practitioner (NP) vs. Physician Assistant (PA)" THEN the titles drop the parentheses and keep NP and PA as aliases', () => {
    expect(front.roles.map((r) => [r.id, r.title, r.aliases])).toEqual([
      ['nurse-practitioner', 'Nurse Practitioner', ['NP']],
      ['physician-assistant', 'Physician Assistant', ['PA']],
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
