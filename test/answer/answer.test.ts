import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnswer } from '../../src/answer/answer.js';
import { buildAnswerContext } from '../../src/answer/context.js';
import type { Answer } from '../../src/answer/model.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { messages } from '../../src/messages.js';
import { renderText } from '../../src/render/text.js';
import { bundledKb, kbOf, query, role, source } from './fixtures.js';

const COO = 'chief-operating-officer';
const HOO = 'head-of-operations';
const COORD = 'operations-coordinator';
const MGR = 'operations-manager';
const COO_ARTICLE = 'Head of Operations vs. COO: What Are the Differences?';
const OPS_ARTICLE = 'Operations Coordinator vs. Operations Manager: What Are the Differences?';

function expectKind<K extends Answer['kind']>(answer: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(answer.kind).toBe(kind);
  return answer as Extract<Answer, { kind: K }>;
}

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await bundledKb();
});

describe('compare on the bundled knowledge base', () => {
  it('GIVEN COO vs head of operations salary THEN both figures, $21,949 and 19.8% more for the COO, and the source', () => {
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: [COO, HOO], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
      'compare',
    );
    expect(answer.direct).toBe(true);
    expect(answer.salary?.higher?.id).toBe(COO);
    expect(answer.salary?.lower?.id).toBe(HOO);
    expect(answer.salary?.difference).toBe(21949);
    expect(answer.salary?.percent).toBe(19.8);
    // The COO is linked to Chief Executives (11-1011.00): its BLS figures come with their own sources.
    expect(answer.sources.map((s) => s.title)).toEqual([
      COO_ARTICLE,
      'BLS Occupational Employment and Wage Statistics, May 2024',
      'O*NET 29.3 (USDOL/ETA, CC BY 4.0)',
    ]);
    const text = renderText(answer);
    for (const s of [
      '$132,974',
      '$111,025',
      '$21,949',
      '19.8%',
      'average',
      'USD',
      `Sources: ${COO_ARTICLE}`,
    ]) {
      expect(text).toContain(s);
    }
  });

  it('GIVEN the roles in the other order THEN the same difference, still the COO on top', () => {
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: [HOO, COO], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
      'compare',
    );
    expect(answer.salary?.higher?.id).toBe(COO);
    expect(answer.salary?.difference).toBe(21949);
    expect(answer.roles.map((r) => r.id)).toEqual([HOO, COO]);
  });

  it('GIVEN operations coordinator vs manager salary THEN $20,286 and 36.5% more for the manager', () => {
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: [COORD, MGR], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
      'compare',
    );
    expect(answer.salary?.higher?.id).toBe(MGR);
    expect(answer.salary?.difference).toBe(75844 - 55558);
    expect(answer.salary?.percent).toBe(36.5);
    expect(renderText(answer)).toContain('$55,558');
  });

  it('GIVEN two topics THEN one side-by-side block per topic with each role and what the article says differs', () => {
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: [COORD, MGR], topics: ['duties', 'environment'] }),
        buildAnswerContext(kb),
      ),
      'compare',
    );
    expect(answer.blocks.map((b) => b.topic.id)).toEqual(['duties', 'environment']);
    for (const block of answer.blocks) {
      expect(block.perRole.map((p) => p.role.id)).toEqual([COORD, MGR]);
      for (const p of block.perRole) expect(p.facts.length).toBeGreaterThan(0);
    }
    expect(answer.blocks[1]?.difference).toMatch(/on-site/);
    expect(answer.salary).toBeUndefined();
    expect(answer.otherTopics.map((t) => t.id)).not.toContain('duties');
    expect(answer.otherTopics.map((t) => t.id)).toContain('salary');
    const text = renderText(answer);
    expect(text).toContain('Operations Coordinator:');
    expect(text).toContain(`${messages.whatDiffers}:`);
  });

  it('GIVEN three roles THEN all of them, salaries ranked highest first', () => {
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: [MGR, HOO, COO], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
      'compare',
    );
    expect(answer.roles.map((r) => r.id)).toEqual([MGR, HOO, COO]);
    expect(answer.direct).toBe(false);
    expect(answer.salary?.figures.map((f) => f.role.id)).toEqual([COO, HOO, MGR]);
    expect(answer.salary?.higher?.id).toBe(COO);
    expect(answer.salary?.lower?.id).toBe(MGR);
    const text = renderText(answer);
    expect(text.indexOf('$132,974')).toBeLessThan(text.indexOf('$111,025'));
    expect(text.indexOf('$111,025')).toBeLessThan(text.indexOf('$75,844'));
    expect(text).toContain(messages.notDirectMany);
  });

  it('GIVEN roles from different articles THEN composed from each role, direct false, both sources named', () => {
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: [COORD, COO], topics: ['duties'] }),
        buildAnswerContext(kb),
      ),
      'compare',
    );
    expect(answer.direct).toBe(false);
    expect(answer.blocks[0]?.difference).toBeUndefined();
    expect(answer.sources.map((s) => s.title).sort()).toEqual([COO_ARTICLE, OPS_ARTICLE].sort());
    const text = renderText(answer);
    expect(text).toContain(messages.notDirectPair(['Operations Coordinator', 'Chief Operating Officer']));
    expect(text).toContain(COO_ARTICLE);
    expect(text).toContain(OPS_ARTICLE);
  });
});

describe('role', () => {
  it('GIVEN one role and no topic THEN its summary, the source and the other topics to ask', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'role', roles: [HOO] }), buildAnswerContext(kb)),
      'role',
    );
    expect(answer.summary).toBe(kb.roles.get(HOO)?.summary);
    expect(answer.blocks).toEqual([]);
    expect(answer.sources.map((s) => s.title)).toEqual([COO_ARTICLE]);
    expect(answer.otherTopics.map((t) => t.id)).toEqual(
      expect.arrayContaining(['duties', 'requirements', 'salary']),
    );
    expect(answer.otherTopics.map((t) => t.id)).not.toContain('overview');
  });

  it('GIVEN one role and the salary topic THEN the figure and no invented difference', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'role', roles: [COORD], topics: ['salary'] }), buildAnswerContext(kb)),
      'role',
    );
    expect(answer.salary?.figures.map((f) => f.salary.amount)).toEqual([55558]);
    expect(answer.salary?.difference).toBeUndefined();
    expect(renderText(answer)).toContain('$55,558 a year (average, USD)');
  });

  it('GIVEN a compare intent with only one known role THEN a role answer', () => {
    expect(buildAnswer(query({ intent: 'compare', roles: [COO] }), buildAnswerContext(kb)).kind).toBe('role');
  });
});

describe('career ladder, only what the sources state', () => {
  it('GIVEN what comes after COO THEN reports to and is often a step towards the Chief Executive Officer', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'role', roles: [COO], ladder: 'after' }), buildAnswerContext(kb)),
      'ladder',
    );
    const text = renderText(answer);
    expect(text).toContain('Chief Operating Officer reports to the Chief Executive Officer.');
    expect(text).toContain('Chief Operating Officer is often a step towards Chief Executive Officer.');
    expect(text).toContain(COO_ARTICLE);
  });

  it('GIVEN how to become an operations manager THEN project manager and supervisor, and who reports to it', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'role', roles: [MGR], ladder: 'into' }), buildAnswerContext(kb)),
      'ladder',
    );
    const text = renderText(answer);
    expect(text).toContain('People often move into Operations Manager from project manager.');
    expect(text).toContain('People often move into Operations Manager from supervisor.');
    expect(text).toContain('Operations Coordinator reports to the Operations Manager.');
    expect(answer.sources.map((s) => s.title)).toEqual([OPS_ARTICLE]);
  });

  it('GIVEN how to become a COO THEN says the sources name no way in, and gives what they require', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'role', roles: [COO], ladder: 'into' }), buildAnswerContext(kb)),
      'ladder',
    );
    expect(answer.steps).toEqual([]);
    expect(answer.requirements?.perRole.map((p) => p.role.id)).toEqual([COO]);
    const text = renderText(answer);
    expect(text).toContain(messages.ladderNothingInto('Chief Operating Officer'));
    expect(text).toContain("bachelor's degree");
  });

  it('GIVEN a path the sources do not connect THEN a gap, and no step that is not in the sources', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'role', roles: [COORD, COO], ladder: 'path' }), buildAnswerContext(kb)),
      'ladder',
    );
    expect(answer.gap).toBe(messages.ladderGap('Operations Coordinator', 'Chief Operating Officer'));
    const stated = new Set(
      [...kb.roles.values()].flatMap((r) =>
        [...r.ladder.reportsTo, ...r.ladder.stepTowards, ...r.ladder.comesFrom].map((l) =>
          l.title.toLowerCase(),
        ),
      ),
    );
    for (const step of answer.steps) {
      expect(stated.has(step.to.title.toLowerCase()) || kb.roles.has(step.to.id ?? '')).toBe(true);
    }
    const text = renderText(answer);
    expect(text).toContain('The sources do not describe a path');
    expect(text).not.toMatch(/Operations Coordinator is often a step towards/);
  });

  it('GIVEN a path the sources connect THEN each stated move, in order', () => {
    const src = source('Ladder article');
    const small = kbOf([
      role({ id: 'a', title: 'Analyst', src, stepTowards: [['Lead', 'b']] }),
      role({ id: 'b', title: 'Lead', src }),
      role({ id: 'c', title: 'Director', src, comesFrom: [['Lead', 'b']] }),
    ]);
    const answer = expectKind(
      buildAnswer(query({ intent: 'role', roles: ['a', 'c'], ladder: 'path' }), buildAnswerContext(small)),
      'ladder',
    );
    expect(answer.gap).toBeUndefined();
    expect(answer.steps.map((s) => [s.from.id, s.relation, s.to.title])).toEqual([
      ['a', 'stepTowards', 'Lead'],
      ['c', 'comesFrom', 'Lead'],
    ]);
  });
});

describe('salaries that cannot honestly be compared', () => {
  const a = source('Article A');
  const b = source('Article B');

  it('GIVEN two sources that disagree on a salary THEN each figure with its source and no single difference', () => {
    const split = kbOf([
      {
        ...role({ id: 'x', title: 'Planner', src: a }),
        salaries: [
          { amount: 50000, currency: 'USD', period: 'year', kind: 'average', source: a },
          { amount: 60000, currency: 'USD', period: 'year', kind: 'average', source: b },
        ],
      },
      role({
        id: 'y',
        title: 'Scheduler',
        src: a,
        salaries: [{ amount: 40000, currency: 'USD', period: 'year', kind: 'average' }],
      }),
    ]);
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: ['x', 'y'], topics: ['salary'] }),
        buildAnswerContext(split),
      ),
      'compare',
    );
    expect(answer.salary?.difference).toBeUndefined();
    expect(answer.salary?.incomparable).toBe(messages.salarySourcesDisagree(['Planner']));
    const text = renderText(answer);
    expect(text).toContain('$50,000 a year (average, USD), according to "Article A"');
    expect(text).toContain('$60,000 a year (average, USD), according to "Article B"');
  });

  it('GIVEN an hourly and a yearly figure THEN says why no difference is worked out', () => {
    const mixed = kbOf([
      role({
        id: 'x',
        title: 'Planner',
        src: a,
        salaries: [{ amount: 30, currency: 'USD', period: 'hour', kind: 'average' }],
      }),
      role({
        id: 'y',
        title: 'Scheduler',
        src: a,
        salaries: [{ amount: 40000, currency: 'USD', period: 'year', kind: 'average' }],
      }),
    ]);
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: ['x', 'y'], topics: ['salary'] }),
        buildAnswerContext(mixed),
      ),
      'compare',
    );
    expect(answer.salary?.difference).toBeUndefined();
    expect(renderText(answer)).toContain('not on the same basis');
  });

  it('GIVEN a role with no salary THEN says so instead of a difference', () => {
    const none = kbOf([
      role({ id: 'x', title: 'Planner', src: a }),
      role({
        id: 'y',
        title: 'Scheduler',
        src: a,
        salaries: [{ amount: 40000, currency: 'USD', period: 'year', kind: 'average' }],
      }),
    ]);
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'compare', roles: ['x', 'y'], topics: ['salary'] }),
        buildAnswerContext(none),
      ),
      'compare',
    );
    expect(answer.salary?.incomparable).toBe(messages.salaryMissing(['Planner']));
  });
});

describe('list, help, smalltalk, clarify, unknown', () => {
  it('GIVEN list THEN every role and both comparisons', () => {
    const answer = expectKind(buildAnswer(query({ intent: 'list' }), buildAnswerContext(kb)), 'list');
    expect(answer.roles.map((r) => r.id).sort()).toEqual([COO, HOO, COORD, MGR].sort());
    expect(answer.comparisons).toHaveLength(2);
    expect(renderText(answer)).toContain('- Head of Operations');
  });

  it('GIVEN help THEN example questions and every slash command', () => {
    const text = renderText(buildAnswer(query({ intent: 'help' }), buildAnswerContext(kb)));
    expect(text).toContain('COO vs head of ops salary?');
    for (const cmd of ['/ask', '/compare', '/role', '/roles', '/help']) expect(text).toContain(cmd);
  });

  it('GIVEN thanks THEN a short reply in kind pointing to help', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'smalltalk', smalltalk: 'thanks' }), buildAnswerContext(kb)),
      'smalltalk',
    );
    expect(answer.reply).toBe(messages.smalltalk.thanks);
    expect(answer.reply).toContain('/help');
  });

  it('GIVEN clarify THEN the candidates as a question', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'clarify', candidates: [COORD, MGR] }), buildAnswerContext(kb)),
      'clarify',
    );
    expect(answer.question).toBe('Did you mean Operations Coordinator or Operations Manager?');
  });

  it('GIVEN an unknown role THEN names it, offers the nearest roles and the topics, and states no figure', () => {
    const answer = expectKind(
      buildAnswer(
        query({ intent: 'unknown', unknownRoles: ['CEO'], candidates: [COO], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
      'unknown',
    );
    expect(answer.suggestions.map((s) => s.id)).toEqual([COO]);
    const text = renderText(answer);
    expect(text).toContain(`I don't know the role "CEO".`);
    expect(text).toContain('Chief Operating Officer');
    expect(text).toContain('salary');
    expect(text).not.toMatch(/\$|\d{2},\d{3}/);
  });

  it('GIVEN an unknown role and no candidates THEN offers a few known roles, the curated ones first', () => {
    const answer = expectKind(
      buildAnswer(query({ intent: 'unknown', unknownRoles: ['software engineer'] }), buildAnswerContext(kb)),
      'unknown',
    );
    expect(answer.suggestions.length).toBeLessThanOrEqual(8);
    expect(
      answer.suggestions
        .slice(0, 4)
        .map((s) => s.id)
        .sort(),
    ).toEqual([COO, HOO, COORD, MGR].sort());
  });
});
