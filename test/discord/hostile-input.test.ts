import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/discord/commands.js';
import { MAX_INPUT_CHARS } from '../../src/understand/normalize.js';
import type { FakeUser, JsonObject, RecordedRequest } from './fake-discord/server.js';
import { allowedMentions, startHarness, visibleText, type Harness } from './harness.js';

/**
 * What strangers paste: very long messages full of mentions, markup and regex bait, through the real
 * bot in-process. Each is answered once, quickly, and pings nobody.
 */

const LENGTH = 100_000;

/** `unit` repeated to exactly `length` characters. */
const fill = (unit: string, length: number): string =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const PASTES: Record<string, string> = {
  'a question followed by 100,000 characters of mentions and @everyone': fill(
    'COO vs head of ops salary @everyone @here <@&123456789012345678> <@300000000000000099> [click](https://evil.example) ',
    LENGTH,
  ),
  'one 100,000-character word': fill('a', LENGTH),
  'an unclosed mention 100,000 characters long': `<@${fill('1', LENGTH - 2)}`,
  'dotted acronyms and dashes for 100,000 characters': fill('c.o.o.-', LENGTH),
  'URL bait with no spaces for 100,000 characters': `www.${fill('x.', LENGTH - 4)}`,
  '100,000 characters of emoji, zero-width joiners and combining marks': fill(
    '👩‍👩‍👧\u200de\u0301\u0300',
    LENGTH,
  ),
};

/** No ping can come from this body: no @everyone/@here or raw user/role mention in what is shown. */
function expectNoPings(request: RecordedRequest): void {
  expect(allowedMentions(request)).toEqual({ parse: [], replied_user: false });
  const text = visibleText(request.body);
  expect(text).not.toMatch(/@(?:everyone|here)\b/);
  expect(text).not.toMatch(/<@[!&]?\d+>/);
  expect(text.length).toBeLessThanOrEqual(6_000);
}

describe('hostile input through the bot', () => {
  let h: Harness;
  let askCareers: string;
  let n = 0;
  const nextUser = (): FakeUser => ({
    id: String(300_000_000_000_000_200n + BigInt(++n)),
    username: `paster${n}`,
  });

  beforeAll(async () => {
    h = await startHarness({ bot: (d) => ({ answerChannelIds: [d.channel('ask-careers').id] }) });
    askCareers = h.discord.channel('ask-careers').id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  // How fast a paste is read is the bench's business; here: what is past the limit is never read.
  it(`understanding reads at most MAX_INPUT_CHARS (${MAX_INPUT_CHARS}) characters of any paste`, () => {
    for (const [what, text] of Object.entries(PASTES)) {
      expect(h.bot.engine.ask(`paste-${what}`, text).answer.kind, what).toBeTypeOf('string');
    }
    const late = `${'lorem ipsum '.repeat(Math.ceil(MAX_INPUT_CHARS / 12) + 10)} COO vs head of ops salary?`;
    expect(h.bot.engine.ask('late-question', late).query.roles).toEqual([]);
    expect(h.bot.engine.ask('early-question', `COO vs head of ops salary? ${late}`).query.roles).toHaveLength(
      2,
    );
    expect(MAX_INPUT_CHARS).toBeLessThanOrEqual(4_000);
  });

  for (const [what, text] of Object.entries(PASTES)) {
    it(`GIVEN a DM of ${what} THEN it is answered exactly once, pinging nobody`, async () => {
      const author = nextUser();
      const dm = h.discord.dmChannelId(author.id);
      const from = h.discord.requests.length;
      const asked = h.discord.sendDirectMessage({ content: text, author });
      const reply = await h.discord.nextMessage(dm, { from });
      expect(reply.status).toBe(200);
      expect((reply.body?.['message_reference'] as JsonObject)['message_id']).toBe(asked['id']);
      expectNoPings(reply);
      // Exactly once: the next message in the same DM gets the next reply, and there were two in all.
      const next = h.discord.nextMessage(dm, { from: reply.index + 1 });
      h.discord.sendDirectMessage({ content: 'thanks', author });
      await next;
      expect(h.discord.messagesPostedTo(dm)).toHaveLength(2);
    });
  }

  it('GIVEN a 100,000-character "@everyone" question in an answer channel THEN the answer holds the salaries and pings nobody', async () => {
    const from = h.discord.requests.length;
    const asked = h.discord.sendGuildMessage({
      channelId: askCareers,
      content: PASTES['a question followed by 100,000 characters of mentions and @everyone'] ?? '',
      mentionEveryone: true,
      author: nextUser(),
    });
    const reply = await h.discord.nextMessage(askCareers, { from });
    expect((reply.body?.['message_reference'] as JsonObject)['message_id']).toBe(asked['id']);
    expect(visibleText(reply.body)).toContain('$132,974');
    expect(visibleText(reply.body)).toContain('$111,025');
    expectNoPings(reply);
  });

  it('every slash command string option has a max length, so Discord itself refuses longer input', async () => {
    const commands = await loadCommands();
    const strings = commands.flatMap((c) =>
      (c.data.toJSON().options ?? [])
        .filter((o) => o.type === 3)
        .map((o) => ({
          where: `/${c.data.name} ${o.name}`,
          max: 'max_length' in o ? o.max_length : undefined,
        })),
    );
    expect(strings.length).toBeGreaterThanOrEqual(4);
    for (const option of strings) {
      // Options with fixed choices (topic) cannot be longer than their longest choice.
      const command = commands.find((c) => option.where.startsWith(`/${c.data.name} `));
      const json = command?.data.toJSON().options?.find((o) => option.where.endsWith(` ${o.name}`));
      const choices = json && 'choices' in json ? json.choices : undefined;
      if (choices && choices.length > 0) continue;
      expect(option.max, option.where).toBeDefined();
      expect(option.max ?? Infinity, option.where).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    }
  });
});
