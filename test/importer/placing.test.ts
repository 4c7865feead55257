import { describe, expect, it } from 'vitest';
import { roleMatcher } from '../../src/importer/roles.js';
import { frontMatter, importFixture, part, section } from './helpers.js';

describe('placing text the article writes about both roles at once', () => {
  const ux = importFixture('ux-designer-vs-ui-designer.html');

  it('GIVEN "Both UX and UI designers work in offices" as the only work-environment text THEN each role has it, once', () => {
    const sentence =
      'Both UX and UI designers work in offices or remotely, in agencies, startups and large technology companies.';
    expect(section(part(ux.text, 'UX Designer'), 'Work environment')).toBe(sentence);
    expect(section(part(ux.text, 'UI Designer'), 'Work environment')).toBe(sentence);
    expect(section(part(ux.text, 'Differences'), 'Work environment')).toBe('');
  });

  it('GIVEN "UX and UI designers" or "UI or UX designer" THEN both roles are named, not only the one written in full', () => {
    const matcher = roleMatcher([
      { id: 'ux-designer', title: 'UX Designer', aliases: [], asWritten: 'UX Designer' },
      { id: 'ui-designer', title: 'UI Designer', aliases: [], asWritten: 'UI Designer' },
    ]);
    expect(matcher.about('Both UX and UI designers work in offices.')).toBe('both');
    expect(matcher.about('Hire a UI or UX designer.')).toBe('both');
    expect(matcher.about('UI designers choose colours.')).toBe(1);
    expect(matcher.about('Both UX and product designers do research.')).toBe('none');
  });

  it('GIVEN a shared paragraph about the salaries THEN it stays under Differences beside each figure', () => {
    const result = importFixture('barista-vs-cafe-manager.txt');
    expect(section(part(result.text, 'Differences'), 'Salary')).toMatch(/^The average salary for a barista/);
    expect(section(part(result.text, 'Barista'), 'Salary')).toBe('');
  });

  it('GIVEN a paragraph that goes back to the first role after the second THEN its sentences stay one paragraph', () => {
    const result = importFixture('data-analyst-vs-data-scientist.txt');
    expect(section(part(result.text, 'Data Analyst'), 'Salary')).toBe(
      'Data analysts earn an average salary of $85,000 per year. Entry-level data analysts often start around $60,000.',
    );
  });
});

describe('an abbreviation in a title that the text spells out', () => {
  it('GIVEN "UX Designer" and "a user experience (UX) designer" THEN "user experience designer" is an alias', () => {
    const ux = importFixture('ux-designer-vs-ui-designer.html');
    expect(frontMatter(ux.text).roles.map((r) => [r.title, r.aliases])).toEqual([
      ['UX Designer', ['user experience designer']],
      ['UI Designer', ['user interface designer']],
    ]);
  });
});

describe('an FAQ at the end of the article', () => {
  it('GIVEN bold Markdown questions THEN each answer goes to its topic with its question, and "Which pays more" is salary', () => {
    const result = importFixture('nurse-practitioner-vs-physician-assistant.md');
    const differences = part(result.text, 'Differences');
    expect(section(differences, 'Requirements')).toBe(
      'Can an NP become a PA? Yes, but they need to complete an accredited PA program.',
    );
    expect(section(differences, 'Salary')).toContain(
      'Which pays more, NP or PA? PAs earn a little more than NPs, but the gap is small.',
    );
    expect(result.notices.map((n) => n.message).join('\n')).not.toMatch(/Frequently Asked Questions/);
  });

  it('GIVEN questions on the first line of their answers in plain text THEN a stated promotion becomes a ladder step and an off-topic question is reported', () => {
    const result = importFixture('paralegal-vs-legal-assistant.txt');
    expect(frontMatter(result.text).roles[1]?.ladder?.step_towards).toEqual(['Paralegal']);
    expect(result.notices.map((n) => n.message)).toContain(
      'section "Is a paralegal the same as a legal assistant?" is not one of the topics; 1 paragraph(s) left out',
    );
  });
});
