import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnswer } from '../../src/answer/answer.js';
import { buildAnswerContext } from '../../src/answer/context.js';
import type { Answer } from '../../src/answer/model.js';
import type { KnowledgeBase, Topic } from '../../src/knowledge/model.js';
import { renderDiscord, type ButtonIds } from '../../src/render/discord.js';
import { DISCORD_LIMITS, checkDiscordLimits, type DiscordMessage } from '../../src/render/limits.js';
import { bundledKb, kbOf, query, role, source, TOPICS } from '../answer/fixtures.js';
import { allStrings, TEST_BUTTONS, unsafeMentions } from './payload.js';

/** The renderer as the bot uses it, with simple button ids (the real codec is tested in test/discord). */
const render = (answer: Answer, ids: ButtonIds = TEST_BUTTONS) => renderDiscord(answer, ids);

const COO = 'chief-operating-officer';
const HOO = 'head-of-operations';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await bundledKb();
});

describe('Discord rendering of a comparison', () => {
  it('GIVEN COO vs head of operations salary THEN both figures side by side, the difference, the source and topic buttons', () => {
    const payload = render(
      buildAnswer(
        query({ intent: 'compare', roles: [COO, HOO], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
    );
    expect(checkDiscordLimits(payload)).toEqual([]);
    const embed = payload.embeds[0];
    expect(embed?.title).toBe('Chief Operating Officer vs Head of Operations');
    expect(embed?.description).toContain('$21,949');
    expect(embed?.description).toContain('19.8%');
    const [coo, hoo] = embed?.fields ?? [];
    expect(coo).toMatchObject({ name: 'Salary: Chief Operating Officer', inline: true });
    expect(coo?.value).toContain('$132,974');
    expect(hoo?.value).toContain('$111,025');
    expect(embed?.footer?.text).toMatch(/^Sources?: Head of Operations vs\. COO: What Are the Differences\?/);
    expect(payload.allowed_mentions).toEqual({ parse: [] });

    const buttons = payload.components.flatMap((r) => r.components);
    expect(buttons.map((b) => b.label)).toEqual(
      expect.arrayContaining(['Overview', 'Duties', 'Requirements', 'Work environment', 'Skills']),
    );
    for (const b of buttons) expect(b).toMatchObject({ type: 2, style: 2 });
  });

  it('GIVEN an unknown role THEN buttons for the suggested roles and no figure', () => {
    const payload = render(
      buildAnswer(
        query({ intent: 'unknown', unknownRoles: ['CEO'], candidates: [COO] }),
        buildAnswerContext(kb),
      ),
    );
    expect(JSON.stringify(payload)).not.toContain('$');
    expect(payload.components[0]?.components[0]?.custom_id).toBe(`t|overview|${COO}`);
  });
});

describe('buttons', () => {
  it('GIVEN button ids too long for 100 characters THEN the button is left out', () => {
    const longIds = ['a'.repeat(60), 'b'.repeat(60)];
    const src = source('S');
    const small = kbOf(
      longIds.map((id) => role({ id, title: id.slice(0, 5), src, facts: { duties: ['x'] } })),
    );
    const payload = render(
      buildAnswer(query({ intent: 'compare', roles: longIds }), buildAnswerContext(small)),
    );
    expect(payload.components).toEqual([]);
    expect(checkDiscordLimits(payload)).toEqual([]);
  });

  it('GIVEN feedback actions THEN they get the last row of their own, after at most 4 rows of topics', () => {
    const many = kbOf(
      Array.from({ length: 30 }, (_, i) => role({ id: `r${i}`, title: `Role ${i}`, src: source('S') })),
    );
    const payload = render(
      buildAnswer(
        query({ intent: 'unknown', candidates: Array.from({ length: 30 }, (_, i) => `r${i}`) }),
        buildAnswerContext(many),
      ),
      {
        ...TEST_BUTTONS,
        actions: [
          { label: 'Helpful', customId: 'f|h|x' },
          { label: 'Not helpful', customId: 'f|n|x' },
        ],
      },
    );
    expect(checkDiscordLimits(payload)).toEqual([]);
    expect(payload.components).toHaveLength(DISCORD_LIMITS.rows);
    expect(payload.components.at(-1)?.components.map((b) => b.label)).toEqual(['Helpful', 'Not helpful']);
  });

  it('GIVEN no button ids THEN no buttons at all', () => {
    const payload = renderDiscord(
      buildAnswer(
        query({ intent: 'compare', roles: [COO, HOO], topics: ['salary'] }),
        buildAnswerContext(kb),
      ),
    );
    expect(payload.components).toEqual([]);
  });
});

/** Words of a given total length, so shortening has word boundaries to find. */
const words = (n: number, word = 'lorem'): string =>
  Array.from({ length: Math.ceil(n / (word.length + 1)) }, (_, i) => `${word}${i % 10}`)
    .join(' ')
    .slice(0, n);

/** Each shortened text ends with an ellipsis, right after a whole word of the original. */
function expectCutAtWord(shown: string, original: string): void {
  expect(shown.endsWith('\u2026')).toBe(true);
  const kept = shown.slice(0, -1);
  expect(original.startsWith(kept)).toBe(true);
  expect(original[kept.length]).toMatch(/\s/);
}

describe('limits, with a synthetic role far over every one of them', () => {
  const src = source(words(5000, 'source'));
  const manyTopics: Topic[] = [
    ...TOPICS,
    ...Array.from({ length: 40 }, (_, i) => ({ id: `extra-${i}`, name: words(200, 'label'), words: [] })),
  ];
  const huge = (i: number) =>
    role({
      id: `role-${i}`,
      title: words(1000, `title${i}x`),
      summary: words(10_000, 'summary'),
      src,
      facts: Object.fromEntries(manyTopics.map((t) => [t.id, [words(3000, 'fact')]])),
      salaries: [{ amount: 100_000 + i, currency: 'USD', period: 'year', kind: 'average' }],
    });
  const roles = Array.from({ length: 12 }, (_, i) => huge(i));
  const big = kbOf(roles, [], manyTopics);
  const ids = roles.map((r) => r.id);

  const payloads: [string, DiscordMessage][] = [
    [
      'compare of 12 roles on 6 topics',
      render(
        buildAnswer(
          query({ intent: 'compare', roles: ids, topics: TOPICS.map((t) => t.id) }),
          buildAnswerContext(big),
        ),
      ),
    ],
    [
      'compare of 2 roles',
      render(
        buildAnswer(
          query({ intent: 'compare', roles: ids.slice(0, 2), topics: ['duties', 'salary'] }),
          buildAnswerContext(big),
        ),
      ),
    ],
    ['role', render(buildAnswer(query({ intent: 'role', roles: ['role-0'] }), buildAnswerContext(big)))],
    [
      'role with topics',
      render(
        buildAnswer(
          query({ intent: 'role', roles: ['role-0'], topics: ['duties', 'skills'] }),
          buildAnswerContext(big),
        ),
      ),
    ],
    ['list', render(buildAnswer(query({ intent: 'list' }), buildAnswerContext(big)))],
    ['help', render(buildAnswer(query({ intent: 'help' }), buildAnswerContext(big)))],
    ['clarify', render(buildAnswer(query({ intent: 'clarify', candidates: ids }), buildAnswerContext(big)))],
    [
      'unknown',
      render(
        buildAnswer(
          query({ intent: 'unknown', unknownRoles: [words(4000, 'who')] }),
          buildAnswerContext(big),
        ),
      ),
    ],
    ['smalltalk', render({ kind: 'smalltalk', reply: words(5000, 'hello') } satisfies Answer)],
  ];

  it.each(payloads)('GIVEN %s THEN every limit holds', (_name, payload) => {
    expect(checkDiscordLimits(payload)).toEqual([]);
  });

  it('shortens the title, description, field names and values, and footer at a word boundary with an ellipsis', () => {
    const [, payload] = payloads[3] as [string, DiscordMessage];
    const embed = payload.embeds[0];
    expect(embed?.title?.length).toBe(Math.min(DISCORD_LIMITS.embedTitle, embed?.title?.length ?? Infinity));
    expectCutAtWord(embed?.title ?? '', roles[0]?.title ?? '');
    expectCutAtWord(embed?.description ?? '', roles[0]?.summary ?? '');
    const field = embed?.fields?.[0];
    expectCutAtWord(field?.value ?? '', words(3000, 'fact'));
    expect(embed?.footer?.text.endsWith('\u2026')).toBe(true);
    const [, compare] = payloads[0] as [string, DiscordMessage];
    expect(compare.embeds[0]?.fields?.[0]?.name.endsWith('\u2026')).toBe(true);
  });

  it('GIVEN more fields than 25 THEN the first 25 are kept', () => {
    const short = kbOf(
      Array.from({ length: 12 }, (_, i) =>
        role({
          id: `r${i}`,
          title: `Role ${i}`,
          src,
          facts: { duties: ['a'], skills: ['b'], environment: ['c'] },
        }),
      ),
    );
    const all = Array.from({ length: 12 }, (_, i) => `r${i}`);
    const payload = render(
      buildAnswer(
        query({ intent: 'compare', roles: all, topics: ['duties', 'skills', 'environment'] }),
        buildAnswerContext(short),
      ),
    );
    expect(checkDiscordLimits(payload)).toEqual([]);
    expect(payload.embeds[0]?.fields).toHaveLength(DISCORD_LIMITS.fields);
    expect(payload.embeds[0]?.fields?.[0]).toMatchObject({ name: 'Duties: Role 0', value: 'a' });
  });

  it('keeps at most 5 buttons per row and 5 rows, with labels within 80 characters', () => {
    const [, payload] = payloads[3] as [string, DiscordMessage];
    expect(payload.components.length).toBe(DISCORD_LIMITS.rows);
    for (const row of payload.components) expect(row.components.length).toBeLessThanOrEqual(5);
    const [, smalltalk] = payloads[8] as [string, DiscordMessage];
    expect(smalltalk.content?.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  });
});

describe('mentions in knowledge-base text', () => {
  it('GIVEN a fact containing @everyone, @here, user, role and channel mentions THEN none of them survives', () => {
    const src = source('Notes <@&42> @here');
    const noisy = kbOf([
      role({
        id: 'x',
        title: 'Ping @everyone',
        src,
        facts: {
          duties: ['Tell @everyone and @here, <@123456789012345678> <@!1234> <@&987654321> in <#5555>'],
        },
      }),
    ]);
    const payload = render(
      buildAnswer(query({ intent: 'role', roles: ['x'], topics: ['duties'] }), buildAnswerContext(noisy)),
    );
    for (const text of allStrings(payload)) expect(unsafeMentions(text)).toEqual([]);
  });
});
