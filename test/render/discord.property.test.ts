import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAnswer } from '../../src/answer/answer.js';
import { buildAnswerContext } from '../../src/answer/context.js';
import type { Salary } from '../../src/knowledge/model.js';
import { renderDiscord } from '../../src/render/discord.js';
import { checkDiscordLimits } from '../../src/render/limits.js';
import type { LadderAsk, Query } from '../../src/understand/query.js';
import { kbOf, query, role, source, TOPICS } from '../answer/fixtures.js';
import { allStrings, maskedLinks, TEST_BUTTONS, unsafeMentions } from './payload.js';

/** Topic buttons and the feedback row, as the bot renders an answer that takes votes. */
const FEEDBACK_BUTTONS = {
  ...TEST_BUTTONS,
  actions: [
    { label: 'Helpful', customId: 'f|h|AAAAAAAAAAAA' },
    { label: 'Not helpful', customId: 'f|n|AAAAAAAAAAAA' },
  ],
};

/** Full-Unicode text up to 4,000 characters, salted with what attackers type. */
const hostile = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 400) }) },
        fc.constantFrom(
          '@everyone',
          '@here',
          '<@123456789012345678>',
          '<@!123456789012345678>',
          '<@&123456789012345678>',
          '<#123456789012345678>',
          '[click](https://evil.example)',
          '[a](<https://x.y>)',
          '**bold** __u__ `code` ~~s~~ ||spoiler|| > quote # h1',
          '\u202Eevil\u202C',
          '\u200B@\u200Beveryone',
          '\\@everyone',
          '\\<@123456789012345678>',
          '@@everyone',
          '<<@1>>',
          ' ',
          '\n',
        ),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('').slice(0, maxLength));

const src = (title: string) => source(title);

const salary = fc.record({
  amount: fc.double({ min: 1, max: 1e9, noNaN: true }),
  currency: fc.constantFrom('USD', 'EUR', 'XXQ'),
  period: fc.constantFrom('year', 'hour') as fc.Arbitrary<Salary['period']>,
  kind: fc.constantFrom('average', 'median') as fc.Arbitrary<Salary['kind']>,
});

/** A random knowledge base of 1 to 4 roles whose every text is hostile. */
const randomKb = fc
  .array(
    fc.record({
      title: hostile(600),
      summary: hostile(4000),
      fact: hostile(4000),
      sourceTitle: hostile(3000),
      salaries: fc.array(salary, { maxLength: 2 }),
      ladder: hostile(300),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((specs) =>
    kbOf(
      specs.map((s, i) =>
        role({
          id: `r${i}`,
          title: s.title || `Role ${i}`,
          summary: s.summary,
          src: src(s.sourceTitle),
          facts: Object.fromEntries(TOPICS.map((t) => [t.id, [s.fact]])),
          salaries: s.salaries,
          reportsTo: [[s.ladder]],
          stepTowards: [[s.ladder]],
          comesFrom: [[`r${(i + 1) % specs.length}`, `r${(i + 1) % specs.length}`]],
        }),
      ),
      specs.length >= 2
        ? [
            {
              id: 'r0-vs-r1',
              title: specs[0]?.title ?? '',
              roles: ['r0', 'r1'],
              differences: Object.fromEntries(TOPICS.map((t) => [t.id, specs[1]?.fact ?? ''])),
              source: src(specs[1]?.sourceTitle ?? ''),
            },
          ]
        : [],
    ),
  );

const randomQuery: fc.Arbitrary<Query> = fc
  .record({
    intent: fc.constantFrom(
      'compare',
      'role',
      'list',
      'help',
      'smalltalk',
      'clarify',
      'unknown',
    ) as fc.Arbitrary<Query['intent']>,
    roles: fc.subarray(['r0', 'r1', 'r2', 'r3']),
    topics: fc.subarray(
      TOPICS.map((t) => t.id),
      { minLength: 1 },
    ),
    unknownRoles: fc.array(hostile(4000), { maxLength: 3 }),
    candidates: fc.subarray(['r0', 'r1', 'r2', 'r3']),
    ladder: fc.constantFrom(undefined, 'into', 'after', 'path') as fc.Arbitrary<LadderAsk | undefined>,
  })
  .map(({ ladder, ...q }) => query(ladder === undefined ? q : { ...q, ladder }));

describe('any rendered Discord payload', () => {
  it('is within every limit and pings no one, whatever the knowledge and the question', () => {
    fc.assert(
      fc.property(randomKb, randomQuery, (kb, q) => {
        const payload = renderDiscord(buildAnswer(q, buildAnswerContext(kb)), FEEDBACK_BUTTONS);
        expect(checkDiscordLimits(payload)).toEqual([]);
        expect(payload.allowed_mentions).toEqual({ parse: [] });
        for (const text of allStrings(payload)) expect(unsafeMentions(text)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('never echoes a mention, masked link or more than a short quote of an unknown role the user typed', () => {
    const kb = kbOf([role({ id: 'r0', title: 'Planner', src: src('Article') })]);
    fc.assert(
      fc.property(fc.array(hostile(4000), { minLength: 1, maxLength: 3 }), (typed) => {
        const payload = renderDiscord(
          buildAnswer(query({ intent: 'unknown', unknownRoles: typed }), buildAnswerContext(kb)),
          TEST_BUTTONS,
        );
        expect(checkDiscordLimits(payload)).toEqual([]);
        for (const text of allStrings(payload)) {
          expect(unsafeMentions(text)).toEqual([]);
          expect(maskedLinks(text)).toEqual([]);
        }
        // Each quote is at most 60 characters before escaping: at most 3 x (2 x 60 + quotes) of user text.
        expect(payload.embeds[0]?.description?.length ?? 0).toBeLessThan(3 * 130 + 400);
      }),
      { numRuns: 200 },
    );
  });
});
