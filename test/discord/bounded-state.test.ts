import { ChannelType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { COOLDOWN_DEFAULT_MAX_USERS, Cooldown } from '../../src/discord/cooldown.js';
import { createEngine, type KnowledgeSource } from '../../src/engine/engine.js';
import { openKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import { CONVERSATION_DEFAULTS } from '../../src/understand/conversation.js';
import type { FakeUser } from './fake-discord/server.js';
import { startHarness, type Harness } from './harness.js';
import { until } from './spawn-bot.js';

/**
 * The bot runs for months: everything it remembers per person is capped. The unit tests cap small
 * custom maxima; these check the settings that ship, and the discord.js caches of the running bot.
 */

const USERS = 100_000;

describe('bounded state with the shipped settings', () => {
  let knowledge: KnowledgeSource;
  beforeAll(async () => {
    knowledge = await openKnowledge(DEFAULT_KNOWLEDGE_DIR, createLogger('silent'));
  });

  it(`GIVEN ${USERS.toLocaleString('en-US')} distinct users THEN the cooldown (as npm start configures it) tracks at most ${COOLDOWN_DEFAULT_MAX_USERS.toLocaleString('en-US')}`, () => {
    const cooldown = new Cooldown({ max: 5, windowMs: 10_000 });
    const now = Date.now();
    for (let i = 0; i < USERS; i++) expect(cooldown.take(`user-${i}`, now)).toBe('allow');
    expect(cooldown.size).toBe(COOLDOWN_DEFAULT_MAX_USERS);
    // The newest users are the ones remembered: a burst from one of them is still limited.
    const last = `user-${USERS - 1}`;
    const verdicts = [1, 2, 3, 4, 5].map((k) => cooldown.take(last, now + k));
    expect(verdicts).toEqual(['allow', 'allow', 'allow', 'allow', 'note']);
  });

  it(`GIVEN ${USERS.toLocaleString('en-US')} distinct conversations THEN the engine (as the bot creates it) remembers at most ${CONVERSATION_DEFAULTS.max.toLocaleString('en-US')}, the most recent`, () => {
    const engine = createEngine({ knowledge });
    for (let i = 0; i < USERS; i++) engine.ask(`dm:${i}`, i % 2 === 0 ? 'COO salary' : 'hi');
    expect(engine.conversationCount()).toBe(CONVERSATION_DEFAULTS.max);
    // The most recent conversation still has its context; the first one was forgotten.
    expect(engine.ask(`dm:${USERS - 2}`, 'and skills?').query.roles).toHaveLength(1);
    expect(engine.ask('dm:0', 'and skills?').query.roles).toEqual([]);
  }, 60_000);
});

describe('the running bot keeps no per-user discord.js cache', () => {
  const DM_USERS = 300;
  let h: Harness;
  beforeAll(async () => {
    // Heartbeats as far apart as Discord's own (about 41 s): answering 300 DMs on a loaded two-core
    // machine can hold the event loop past a short interval, and the reconnect that follows is a
    // gateway test's business, not this one's.
    h = await startHarness({
      discord: { heartbeatIntervalMs: 41_250 },
      bot: () => ({ dmSweepIntervalMs: 250, globalRequestsPerSecond: 10_000 }),
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const dmCount = (): number => h.bot.client.channels.cache.filter((c) => c.type === ChannelType.DM).size;

  it(`GIVEN ${DM_USERS} people DM the bot THEN it keeps none of their messages or users, and forgets their DM channels while still answering`, async () => {
    const users: FakeUser[] = Array.from({ length: DM_USERS }, (_, i) => ({
      id: (600_000_000_000_000_000n + BigInt(i)).toString(),
      username: `dm${i}`,
    }));
    const from = h.discord.requests.length;
    const asked = users.map((author) => h.discord.sendDirectMessage({ content: 'COO salary', author }).id);
    const answered = await until(
      () =>
        h.discord.requests.slice(from).filter((r) => r.method === 'POST' && r.status === 200).length >=
        DM_USERS,
      // A bound on waiting, not a speed target: under a full parallel suite on two cores 300 DMs have
      // taken more than 15 s; alone they take about one.
      60_000,
    );
    expect(answered).toBe(true);
    expect(asked).toHaveLength(DM_USERS);

    const messages = h.bot.client.channels.cache.reduce(
      (n, c) => n + ('messages' in c ? c.messages.cache.size : 0),
      0,
    );
    expect(messages).toBe(0);
    expect([...h.bot.client.users.cache.keys()]).toEqual([h.discord.botUser.id]);
    expect(await until(() => dmCount() === 0, 5_000)).toBe(true);

    // A DM channel that was forgotten still works: the next message from that person is answered.
    const first = users[0] as FakeUser;
    expect(await until(() => h.discord.connected, 30_000)).toBe(true);
    const reply = h.discord.nextMessage(h.discord.dmChannelId(first.id));
    h.discord.sendDirectMessage({ content: 'and skills?', author: first });
    expect((await reply).status).toBe(200);
  }, 90_000);
});
