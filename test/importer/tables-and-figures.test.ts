import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/importer/import.js';
import { findMoney } from '../../src/importer/salary.js';
import { frontMatter, importFixture, part, section } from './helpers.js';

describe('a salary table', () => {
  it('GIVEN a Markdown table of median salaries THEN each role gets its row, as a median, and the row reads as a sentence', () => {
    const result = importFixture('nurse-practitioner-vs-physician-assistant.md');
    expect(frontMatter(result.text).roles.map((r) => r.salary)).toEqual([
      { amount: 126260, currency: 'USD', period: 'year', kind: 'median' },
      { amount: 130020, currency: 'USD', period: 'year', kind: 'median' },
    ]);
    expect(section(part(result.text, 'Nurse Practitioner'), 'Salary')).toBe(
      'Nurse practitioner: median salary $126,260 per year.',
    );
    expect(result.text).not.toContain('| --- |');
  });

  it('GIVEN an HTML table with a header row THEN each row is one sentence under its role', () => {
    const html = `<html><body><article><h1>Welder vs. Machinist: What Are the Differences?</h1>
      <h2>What is a Welder?</h2><p>A welder joins metal parts with heat.</p>
      <h2>What is a Machinist?</h2><p>A machinist cuts metal parts on lathes and mills.</p>
      <h2>Salary</h2>
      <table><thead><tr><th>Job</th><th>Average pay</th></tr></thead>
      <tbody><tr><td>Welder</td><td>$47,000 per year</td></tr><tr><td>Machinist</td><td>$51,500 per year</td></tr></tbody></table>
      </article></body></html>`;
    const result = importArticle({ fileName: 'welder-vs-machinist.html', content: html });
    if (!result.ok) throw new Error(result.message);
    expect(frontMatter(result.text).roles.map((r) => r.salary?.amount)).toEqual([47000, 51500]);
    expect(section(part(result.text, 'Machinist'), 'Salary')).toBe(
      'Machinist: average pay $51,500 per year.',
    );
  });
});

describe('Markdown setext headings', () => {
  it('GIVEN "What is a Scrum Master?" underlined with dashes THEN it is the "What is" section', () => {
    const result = importFixture('scrum-master-vs-project-manager.md');
    expect(result.notices.filter((n) => n.kind === 'missing-section')).toEqual([]);
    expect(frontMatter(result.text).roles[0]?.summary).toMatch(/^A scrum master coaches an agile team/);
    expect(result.title).toBe('Scrum Master vs. Project Manager');
  });
});

describe('salary figures written in other ways', () => {
  it('GIVEN "125K per year" without a currency in an article of dollar figures THEN it is $125,000, and the assumption is reported', () => {
    const result = importFixture('data-analyst-vs-data-scientist.txt');
    expect(frontMatter(result.text).roles.map((r) => r.salary)).toEqual([
      { amount: 85000, currency: 'USD', period: 'year', kind: 'average' },
      { amount: 125000, currency: 'USD', period: 'year', kind: 'average' },
    ]);
    expect(result.notices.map((n) => n.message)).toContain(
      "Data Scientist: 125K has no currency; taken as USD, the currency of the article's other figures",
    );
  });

  it('GIVEN "between $45,000 and $65,000 a year, with an average of $56,000" THEN the average is recorded and the range reported', () => {
    const result = importFixture('paralegal-vs-legal-assistant.txt');
    expect(frontMatter(result.text).roles.map((r) => r.salary?.amount)).toEqual([56000, 48500]);
    expect(result.notices.map((n) => n.message)).toContain(
      'Paralegal: salary range from $45,000 not recorded (one figure per role); add it by hand',
    );
  });

  it.each([
    ['They make 85,000 a year.', 85000, 'USD', true],
    ['About 90 thousand dollars.', 90000, 'USD', false],
    ['Around 60,000 euros annually.', 60000, 'EUR', false],
    ['Pay is $55k, rising to 70k.', 55000, 'USD', false],
  ])('%s', (sentence, amount, currency, assumed) => {
    const first = findMoney(sentence, 'USD')[0];
    expect([first?.figure.amount, first?.figure.currency, first?.currencyAssumed]).toEqual([
      amount,
      currency,
      assumed,
    ]);
  });

  it('GIVEN no currency anywhere THEN "85K" is no figure, and a 401K plan never is', () => {
    expect(findMoney('They earn 85K a year.')).toEqual([]);
    expect(findMoney('Benefits include a 401K plan.', 'USD')).toEqual([]);
  });
});
