import { describe, expect, it } from 'vitest';
import type { GapEntry } from '../../src/gaps/entry.js';
import { nameKey } from '../../src/knowledge/names.js';
import {
  formatGapSummary,
  formatLeastHelpful,
  parseGapLines,
  printable,
  summarizeGaps,
} from '../../src/gaps/summary.js';

const entry = (partial: Partial<GapEntry>): GapEntry => ({
  ts: '2025-01-01T00:00:00.000Z',
  intent: 'unknown',
  unknownRoles: [],
  candidates: [],
  topics: ['overview'],
  text: 'q',
  ...partial,
});

describe('summarizeGaps', () => {
  it('GIVEN spellings of one role THEN they count as one, named by the most used spelling, with its topics ranked', () => {
    const summary = summarizeGaps([
      entry({ unknownRoles: ['Data Engineer'], topics: ['salary'] }),
      entry({ unknownRoles: ['data engineer'], topics: ['salary'] }),
      entry({ unknownRoles: ['data-engineer'], topics: ['skills'] }),
      entry({ unknownRoles: ['data engineer'], topics: ['salary'], ts: '2025-02-01T00:00:00.000Z' }),
    ]);
    expect(summary.missingRoles).toEqual([
      {
        name: 'data engineer',
        count: 4,
        topics: [
          { name: 'salary', count: 3 },
          { name: 'skills', count: 1 },
        ],
        lastAsked: '2025-02-01T00:00:00.000Z',
      },
    ]);
    expect([summary.first, summary.last]).toEqual(['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z']);
  });

  it('GIVEN a role named twice in one question THEN it counts once', () => {
    const summary = summarizeGaps([entry({ unknownRoles: ['Florist', 'florist'] })]);
    expect(summary.missingRoles[0]?.count).toBe(1);
  });

  it('GIVEN clarify questions THEN they are grouped by the roles offered, not listed as missing', () => {
    const summary = summarizeGaps([
      entry({ intent: 'clarify', candidates: ['a', 'b'] }),
      entry({ intent: 'clarify', candidates: ['a', 'b'] }),
      entry({ intent: 'clarify', candidates: ['c', 'd'] }),
    ]);
    expect(summary.clarifyCandidates).toEqual([
      { name: 'a / b', count: 2 },
      { name: 'c / d', count: 1 },
    ]);
    expect(summary.missingRoles).toEqual([]);
    expect([summary.unknown, summary.clarify]).toEqual([0, 3]);
  });

  it('GIVEN unknown questions naming no role THEN they are counted by topic', () => {
    const summary = summarizeGaps([entry({ topics: ['salary'] }), entry({ topics: ['salary', 'skills'] })]);
    expect(summary.noRole).toBe(2);
    expect(summary.noRoleTopics).toEqual([
      { name: 'salary', count: 2 },
      { name: 'skills', count: 1 },
    ]);
  });

  it('GIVEN roles the knowledge base has since learned THEN they are marked, by the same name key as the loader', () => {
    const known = new Map([[nameKey('Chief Operating Officer'), 'Chief Operating Officer']]);
    const summary = summarizeGaps([entry({ unknownRoles: ['chief  operating-officer'] })], 0, known);
    expect(summary.missingRoles[0]?.nowKnownAs).toBe('Chief Operating Officer');
  });
});

describe('parseGapLines', () => {
  it('keeps valid lines and counts the rest', () => {
    const good = JSON.stringify(entry({ text: 'ok' }));
    const parsed = parseGapLines(`${good}\n\nnot json\n{"ts":1}\n${good}\n`);
    expect(parsed.entries).toHaveLength(2);
    expect(parsed.skipped).toBe(2);
  });
});

describe('formatGapSummary', () => {
  it('says so when nothing was recorded', () => {
    expect(formatGapSummary(summarizeGaps([]), 10)).toBe('No unanswered questions recorded.\n');
  });
  it('lists at most --top roles and says how many more there are', () => {
    const entries = ['a', 'b', 'c'].map((r) => entry({ unknownRoles: [`${r}-role`] }));
    const text = formatGapSummary(summarizeGaps(entries), 2);
    expect(text).toContain('1. a-role');
    expect(text).not.toContain('c-role');
    expect(text).toContain('and 1 more');
  });
});

describe('printable', () => {
  it('quotes, escapes control and bidirectional characters, and bounds the length', () => {
    expect(printable('plain')).toBe('"plain"');
    expect(printable('a "b" \\ c')).toBe('"a \\"b\\" \\\\ c"');
    const shown = printable(`\u001b[2J\u202Egotcha\u2028${'x'.repeat(500)}`, 50);
    for (const c of ['\u001b', '\u202E', '\u2028']) expect(shown).not.toContain(c);
    expect(Array.from(JSON.parse(shown) as string)).toHaveLength(50);
  });
});

describe('formatLeastHelpful', () => {
  it('ranks what it is given, with counts, and says none when there is nothing', () => {
    expect(formatLeastHelpful([], { helpful: 0, notHelpful: 0 }, 5)).toContain('  none');
    const text = formatLeastHelpful(
      [
        {
          text: 'coo salary',
          kind: 'role',
          roles: ['coo'],
          topics: ['salary'],
          helpful: 1,
          notHelpful: 4,
          lastVoted: 'x',
        },
      ],
      { helpful: 1, notHelpful: 4 },
      5,
    );
    expect(text).toMatch(/1\. "coo salary"\s+4 \/ 1\s+\(role; "coo"; "salary"\)/);
  });
});
