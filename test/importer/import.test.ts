import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyHeading } from '../../src/importer/article.js';
import { importArticle } from '../../src/importer/import.js';
import { findMoney } from '../../src/importer/salary.js';
import { createKnowledgeBase } from '../../src/knowledge/model.js';
import { occupationRole } from '../understand/kb-fixture.js';

import { FIXTURES, frontMatter, importFixture, part } from './helpers.js';

describe('importing a plain-text comparison article', () => {
  const result = importFixture('barista-vs-cafe-manager.txt');
  const front = frontMatter(result.text);

  it('names the file after both role ids and keeps the published title as the source', () => {
    expect(result.path).toBe('articles/barista-vs-cafe-manager.md');
    expect(front.title).toBe('Barista vs. Cafe Manager');
    expect(front.source.title).toBe('Barista vs. Cafe Manager: What Are the Differences?');
  });

  it('parses each role salary into an amount, currency, period and kind', () => {
    expect(front.roles.map((r) => [r.id, r.salary])).toEqual([
      ['barista', { amount: 28450, currency: 'USD', period: 'year', kind: 'average' }],
      ['cafe-manager', { amount: 47900, currency: 'USD', period: 'year', kind: 'average' }],
    ]);
  });

  it('gives each role the "What is" text as its summary and its own paragraphs per topic', () => {
    expect(front.roles[0]?.summary).toMatch(/^A barista prepares and serves espresso drinks/);
    const barista = part(result.text, 'Barista');
    expect(barista).toContain('## Duties\nA barista spends most of a shift at the espresso machine.');
    expect(barista).not.toContain('cafe manager plans the week');
    expect(part(result.text, 'Cafe Manager')).toContain('A cafe manager plans the week');
  });

  it('puts text about both roles under Differences', () => {
    const differences = part(result.text, 'Differences');
    expect(differences).toContain('Both a barista and a cafe manager need friendly customer service');
    expect(differences).toContain('## Salary\nThe average salary for a barista is $28,450 per year');
  });

  it('reads a plainly stated reporting line', () => {
    expect(front.roles[1]?.ladder?.reports_to).toEqual(['Cafe Owner']);
  });

  it('leaves out site chrome and reports the paragraph it could not place', () => {
    expect(result.text).not.toMatch(/Careers Hub|Previous|Florist|Bouncer/);
    expect(result.notices.map((n) => n.message)).toContain(
      'paragraph names neither role, left out: "Find out how the two jobs compare and what it takes to do each one."',
    );
  });
});

describe('importing a Markdown article with numbered and reworded headings', () => {
  const result = importFixture('data-engineer-vs-data-scientist.md');
  const front = frontMatter(result.text);

  it('understands "1. Duties", "2. Education and requirements:" and "5. Salary and outlook"', () => {
    expect(part(result.text, 'Data Engineer')).toContain(
      '## Requirements\nA data engineer typically holds a degree in computer science',
    );
    expect(result.notices.filter((n) => n.kind === 'missing-section')).toEqual([]);
  });

  it('reads "$118k a year" as 118000 a year', () => {
    expect(front.roles[0]?.salary).toEqual({
      amount: 118000,
      currency: 'USD',
      period: 'year',
      kind: 'average',
    });
    expect(front.roles[1]?.salary?.amount).toBe(124300);
  });

  it('strips Markdown emphasis and links and reads the ladder facts', () => {
    expect(result.text).not.toMatch(/\*\*|\]\(/);
    expect(front.roles[0]?.ladder?.comes_from).toEqual(['software developers']);
    expect(front.roles[1]?.ladder?.reports_to).toEqual(['Head of Analytics']);
  });
});

describe('importing a saved web page', () => {
  const result = importFixture('sommelier-vs-wine-buyer.html');
  const front = frontMatter(result.text);

  it('keeps the article and drops navigation, header, footer, sidebar, share bar, scripts and forms', () => {
    for (const chrome of [
      'Find Jobs',
      'Company Reviews',
      'Sign in',
      'Career Guide',
      'Share on',
      'Popular careers',
      'Privacy Policy',
      'Search jobs',
      'newsletter',
      'Editorial team',
      'font-family',
      'Previous',
    ]) {
      expect(result.text).not.toContain(chrome);
    }
    expect(part(result.text, 'Sommelier')).toContain(
      'A sommelier recommends pairings, decants bottles and trains the waiting staff on the list.',
    );
  });

  it('records the canonical address as the source and pounds as GBP', () => {
    expect(front.source).toEqual({
      title: 'Sommelier vs. Wine Buyer: What Are the Differences?',
      url: 'https://careers.example.com/sommelier-vs-wine-buyer',
    });
    expect(front.roles.map((r) => r.salary)).toEqual([
      { amount: 38500, currency: 'GBP', period: 'year', kind: 'average' },
      { amount: 45200, currency: 'GBP', period: 'year', kind: 'average' },
    ]);
  });

  it('prefers an address given by the operator', () => {
    const own = importArticle({
      fileName: 'page.html',
      content: readFileSync(join(FIXTURES, 'sommelier-vs-wine-buyer.html'), 'utf8'),
      url: 'https://example.org/mine',
    });
    expect(own.ok && frontMatter(own.text).source.url).toBe('https://example.org/mine');
  });
});

describe('importing a broken article', () => {
  it('GIVEN a lower-case abbreviation in the title THEN the role gets its spelled-out title and the abbreviation as alias', () => {
    const result = importFixture('head-of-sales-vs-cso.txt');
    const front = frontMatter(result.text);
    expect(front.roles.map((r) => [r.id, r.title, r.aliases])).toEqual([
      ['head-of-sales', 'Head of Sales', []],
      ['chief-sales-officer', 'Chief Sales Officer', ['CSO']],
    ]);
    expect(front.roles[1]?.ladder).toEqual({
      reports_to: ['Chief Executive Officer'],
      step_towards: ['CEO'],
    });
    expect(result.path).toBe('articles/head-of-sales-vs-chief-sales-officer.md');
  });

  it('GIVEN an unknown section and a missing one THEN both are reported and the unknown text is left out', () => {
    const result = importFixture('head-of-sales-vs-cso.txt');
    const messages = result.notices.map((n) => n.message);
    expect(messages).toContain('section "Fun Facts" is not one of the topics; 1 paragraph(s) left out');
    expect(messages).toContain('no "Work Environment" section');
    expect(result.text).not.toContain('Sales bells');
    expect(part(result.text, 'Chief Sales Officer')).toContain(
      '## Requirements\nA cso typically has a decade of sales leadership',
    );
  });

  it('GIVEN no salary section THEN no salary is written and the gap is reported for each role', () => {
    const result = importFixture('tutor-vs-teacher.txt');
    const front = frontMatter(result.text);
    expect(front.roles.map((r) => r.salary)).toEqual([undefined, undefined]);
    expect(result.notices.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        'no "Salary" section',
        'no salary figure found for Tutor',
        'no salary figure found for Teacher',
      ]),
    );
  });

  it('GIVEN no "A vs. B" title THEN nothing is produced and the message says what is missing', () => {
    const result = importArticle({
      fileName: 'notes.txt',
      content: 'Some notes\n\nNothing to compare here.',
    });
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('no title of the form "A vs. B') as unknown,
    });
  });
});

describe('reading salaries', () => {
  it.each([
    ['They earn $111,025 per year.', { amount: 111025, currency: 'USD', period: 'year', kind: 'average' }],
    ['Pay starts at $55k.', { amount: 55000, currency: 'USD', period: 'year', kind: 'starting' }],
    ['The median is £40,000 a year.', { amount: 40000, currency: 'GBP', period: 'year', kind: 'median' }],
    ['Most earn $25 per hour.', { amount: 25, currency: 'USD', period: 'hour', kind: 'average' }],
    [
      'An hourly wage of $18.75 is common.',
      { amount: 18.75, currency: 'USD', period: 'hour', kind: 'average' },
    ],
    ['About €3,100 per month.', { amount: 3100, currency: 'EUR', period: 'month', kind: 'average' }],
  ])('%s', (sentence, figure) => {
    expect(findMoney(sentence).map((m) => m.figure)).toEqual([figure]);
  });

  it('flags a range instead of picking one end of it', () => {
    const found = findMoney('Salaries run from $40,000 to $60,000 per year.');
    expect(found).toHaveLength(1);
    expect(found[0]?.range).toBe(true);
  });
});

describe('reading headings', () => {
  it.each([
    ['Job Duties', 'duties'],
    ['DUTIES:', 'duties'],
    ['## 2. Education and requirements:', 'requirements'],
    ['Work Environment', 'environment'],
    ['Skills', 'skills'],
    ['5) Salary and outlook', 'salary'],
  ])('%s is the %s section', (heading, topic) => {
    expect(classifyHeading(heading)).toEqual({ kind: 'topic', topic });
  });

  it('reads "What is a COO?" as the COO section', () => {
    expect(classifyHeading('What is a COO?')).toEqual({ kind: 'what-is', name: 'coo' });
  });
});

describe('hostile input', () => {
  it('never throws on arbitrary text, Markdown or HTML, and anything it produces is front matter plus Markdown', () => {
    const arbitrary = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 4000 }),
      fc
        .array(
          fc.constantFrom(
            'Barista vs. Cook: What Are the Differences?',
            'What is a Cook?',
            'Salary',
            '# Skills',
            '$40k',
            '<nav>',
            '</p>',
            '<h1>',
            '---js',
            '&amp;',
            'A cook earns $12 an hour.',
            '\n\n',
            ' ',
          ),
          { maxLength: 200 },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(arbitrary, fc.constantFrom('a.txt', 'a.md', 'a.html'), (content, fileName) => {
        const result = importArticle({ fileName, content });
        if (result.ok) expect(result.text.startsWith('---\ntitle: ')).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an oversized input instead of parsing it', () => {
    const result = importArticle({ fileName: 'big.html', content: 'x'.repeat(3 * 1024 * 1024) });
    expect(result.ok).toBe(false);
  });
});

describe('pages the HTML parser would choke on', () => {
  // Speed is the bench's business; these check that such pages get an outcome, not a hang.
  it('refuses a page with thousands of unclosed elements, saying what to do', () => {
    const result = importArticle({
      fileName: 'evil.html',
      content: `<h1>A vs. B: What Are the Differences?</h1>${'<div>'.repeat(5000)}x`,
    });
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('unclosed elements; save the page again') as unknown,
    });
  });

  it('reads one very long paragraph to an outcome', () => {
    const result = importArticle({
      fileName: 'long.txt',
      content: `A vs. B\n\nWhat is a A?\n\n${'A a b. '.repeat(40_000)}`,
    });
    expect(result).toMatchObject({ ok: true, path: 'articles/a-vs-b.md' });
    if (result.ok) expect(result.text).toContain('A a b.');
  });
});

describe('importing into a knowledge base with the open data', () => {
  const kbOf = (roles: ReturnType<typeof occupationRole>[]) =>
    createKnowledgeBase({
      dir: 'fixture',
      topics: [],
      roles: new Map(roles.map((r) => [r.id, r])),
      comparisons: [],
      conflicts: [],
    });
  const imported = (kb: ReturnType<typeof kbOf>) => {
    const result = importArticle(
      {
        fileName: 'barista-vs-bartender.txt',
        content: readFileSync(join(FIXTURES, 'barista-vs-bartender.txt'), 'utf8'),
      },
      kb,
    );
    if (!result.ok) throw new Error(result.message);
    return frontMatter(result.text).roles.map((r) => [r.id, r.soc]);
  };

  it('GIVEN a new role whose title O*NET lists for one occupation THEN it is linked to it (soc); a title listed for two links to none', () => {
    const kb = kbOf([
      occupationRole('baristas', 'Baristas', { alternates: ['Coffee Maker'], soc: '35-3023.01' }),
      occupationRole('bartenders', 'Bartenders', { alternates: ['Bar Manager'], soc: '35-3011.00' }),
      occupationRole('food-servers', 'Food Servers, Nonrestaurant', {
        alternates: ['Bartender'],
        soc: '35-3041.00',
      }),
    ]);
    expect(imported(kb)).toEqual([
      ['barista', '35-3023.01'],
      ['bartender', undefined],
    ]);
  });

  it('GIVEN no occupation listing the title THEN no soc', () => {
    expect(imported(kbOf([occupationRole('chefs', 'Chefs and Head Cooks', { soc: '35-1011.00' })]))).toEqual([
      ['barista', undefined],
      ['bartender', undefined],
    ]);
  });
});
