import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { openKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord, snowflake, type FakeUser, type JsonObject } from './fake-discord/server.js';
import { LogCapture, visibleText } from './harness.js';

/**
 * Load: the local server sends 2,000 questions over 10 s from 200 users across 20 guild channels and
 * DMs, to the real bot in this process (cooldowns off). Every question must get exactly one reply.
 *
 * discord.js paces REST at 50 requests/s (Discord's global limit), so against real Discord a 2,000-question
 * burst drains in about 40 s whatever the bot does. This run lifts that client-side pacing so it measures
 * the bot itself (understanding, rendering, the client, the gateway) and stays short enough for CI.
 *
 * The figures are written to LOAD_FIGURES_FILE when it is set (the README's numbers come from there).
 */

const QUESTIONS = 2_000;
const DURATION_MS = 10_000;
const USERS = 200;
const CHANNELS = 20;
/** Channels 0..9 are answer channels (every message is a question); 10..19 need a mention. */
const ANSWER_CHANNELS = 10;
/** One question in five is a DM. */
const DM_EVERY = 5;
const REPLY_DEADLINE_MS = 20_000;

const ASKED = [
  'COO vs head of ops salary?',
  'what degree does an ops manager need?',
  'and skills?',
  'head of operations duties',
  'what does a chief operating officer do',
  'operations manager vs COO work environment',
  'what about salary?',
  'which roles do you know?',
  'how much does a astronaut make', // unknown role: still one reply
  'COO requirements',
] as const;

/** heapUsed after a full collection when the collector can be reached, else as it stands. */
function collectGarbage(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

interface Sent {
  readonly id: string;
  readonly channelId: string;
  readonly at: number;
}

describe('load: 2,000 questions over 10 s from 200 users in 20 channels and DMs', () => {
  let discord: FakeDiscord;
  let bot: RunningBot;
  const logs = new LogCapture();
  const gc = collectGarbage();
  const heap = (): number => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };

  beforeAll(async () => {
    discord = await FakeDiscord.start({
      heartbeatIntervalMs: 1_000,
      guilds: [
        {
          id: snowflake(),
          name: 'Load Club',
          channels: Array.from({ length: CHANNELS }, (_, i) => ({ id: snowflake(), name: `channel-${i}` })),
        },
      ],
    });
    const logger = createLogger('warn', logs);
    bot = await startBot({
      token: discord.token,
      apiBase: discord.apiBase,
      logger,
      knowledge: await openKnowledge(DEFAULT_KNOWLEDGE_DIR, logger),
      answerChannelIds: discord.guild.channels.slice(0, ANSWER_CHANNELS).map((c) => c.id),
      cooldown: { max: 0, windowMs: 0 },
      globalRequestsPerSecond: 100_000,
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await discord?.stop();
  });

  it('every question gets exactly one reply, none lost or duplicated, and memory settles', async () => {
    const users: FakeUser[] = Array.from({ length: USERS }, (_, i) => ({
      id: (500_000_000_000_000_000n + BigInt(i)).toString(),
      username: `user${i}`,
    }));
    const channels = discord.guild.channels;
    const mention = `<@${discord.botUser.id}>`;

    // Warm up (first answers compile regexes and fill caches), then take the baseline.
    for (const user of users.slice(0, 3)) {
      const reply = discord.nextMessage(discord.dmChannelId(user.id), { timeoutMs: 10_000 });
      discord.sendDirectMessage({ content: 'COO salary', author: user });
      await reply;
    }
    const heapBefore = heap();
    const rssBefore = process.memoryUsage().rss;
    const from = discord.requests.length;

    const sent: Sent[] = [];
    const send = (i: number): void => {
      // Users rotate across channels and DMs: every user asks in several places.
      const user = users[(i + Math.floor(i / USERS)) % USERS] as FakeUser;
      const content = ASKED[Math.floor(i / USERS) % ASKED.length] as string;
      let message: JsonObject;
      if (i % DM_EVERY === DM_EVERY - 1) {
        message = discord.sendDirectMessage({ content, author: user });
      } else {
        const c = i % CHANNELS;
        const channelId = (channels[c] as { id: string }).id;
        message =
          c < ANSWER_CHANNELS
            ? discord.sendGuildMessage({ channelId, content, author: user })
            : discord.sendGuildMessage({
                channelId,
                content: `${mention} ${content}`,
                author: user,
                mentionsBot: true,
              });
      }
      sent.push({ id: message['id'] as string, channelId: message['channel_id'] as string, at: Date.now() });
    };

    // Question i is due at i * 5 ms: the same 2,000 messages in the same order on every run.
    const start = Date.now();
    let peakHeap = 0;
    while (sent.length < QUESTIONS) {
      const due = Math.min(QUESTIONS, Math.floor(((Date.now() - start) * QUESTIONS) / DURATION_MS) + 1);
      while (sent.length < due) send(sent.length);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const sendMs = Date.now() - start;

    const replies = new Map<string, number[]>();
    let scanned = from;
    const tally = (): number => {
      for (; scanned < discord.requests.length; scanned++) {
        const r = discord.requests[scanned];
        if (!r || r.method !== 'POST' || r.status === 0 || !r.route.endsWith('/messages')) continue;
        const ref = (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'];
        if (typeof ref !== 'string') continue;
        replies.set(ref, [...(replies.get(ref) ?? []), r.index]);
      }
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      return replies.size;
    };
    const allAnswered = await until(() => tally() >= QUESTIONS, REPLY_DEADLINE_MS);
    const drainedMs = Date.now() - start;

    // Barrier: a last question in every channel used. Replies in one channel go out in order, so once
    // these are answered any late duplicate of an earlier reply would already have arrived.
    const barrierFrom = discord.requests.length;
    const used = [...new Set(sent.map((s) => s.channelId))];
    const barriers = used.map((channelId) => {
      const dmUser = users.find((u) => discord.dmChannelId(u.id) === channelId);
      const message = dmUser
        ? discord.sendDirectMessage({ content: 'thanks', author: dmUser })
        : discord.sendGuildMessage({
            channelId,
            content: `${mention} thanks`,
            author: users[0] as FakeUser,
            mentionsBot: true,
          });
      return message['id'] as string;
    });
    await until(
      () =>
        discord.requests
          .slice(barrierFrom)
          .filter((r) =>
            barriers.includes(
              (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] as string,
            ),
          ).length >= barriers.length,
      REPLY_DEADLINE_MS,
    );
    tally();

    const lost = sent.filter((s) => !replies.has(s.id));
    const duplicated = sent.filter((s) => (replies.get(s.id)?.length ?? 0) > 1);
    const wrongChannel = sent.filter((s) =>
      (replies.get(s.id) ?? []).some((index) => !discord.requests[index]?.route.includes(`/${s.channelId}/`)),
    );
    const failed = sent.filter((s) =>
      (replies.get(s.id) ?? []).some((index) => discord.requests[index]?.status !== 200),
    );
    const latencies = sent
      .map((s) => {
        const index = replies.get(s.id)?.[0];
        const at = index === undefined ? undefined : discord.requests[index]?.at;
        return at === undefined ? undefined : at - s.at;
      })
      .filter((x): x is number => x !== undefined)
      .sort((a, b) => a - b);
    const firstReply = discord.requests[replies.get(sent[0]?.id ?? '')?.[0] ?? -1];

    const heapAfter = heap();
    const rssAfter = process.memoryUsage().rss;
    const figures = {
      questions: sent.length,
      users: USERS,
      guild_channels: CHANNELS,
      dm_channels: used.length - CHANNELS,
      send_ms: sendMs,
      all_replied_ms: drainedMs,
      replies: [...replies.values()].reduce((n, list) => n + list.length, 0) - barriers.length,
      lost: lost.length,
      duplicated: duplicated.length,
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      max_ms: latencies.at(-1) ?? 0,
      heap_before_mb: mb(heapBefore),
      heap_peak_mb: mb(peakHeap),
      heap_after_mb: mb(heapAfter),
      rss_before_mb: mb(rssBefore),
      rss_after_mb: mb(rssAfter),
      gc: gc !== undefined,
      conversations: bot.engine.conversationCount(),
      cooldown_users: bot.cooldown.size,
      cached_channels: bot.client.channels.cache.size,
      cached_users: bot.client.users.cache.size,
      cached_messages: bot.client.channels.cache.reduce(
        (n, c) => n + ('messages' in c ? c.messages.cache.size : 0),
        0,
      ),
    };
    // Part of what stays is the local server's own record of every message, request and gateway payload
    // (it runs in this process): drop it and measure what the bot itself kept.
    discord.forgetHistory();
    const heapBotOnly = heap();
    const summary = JSON.stringify({ ...figures, heap_after_without_server_log_mb: mb(heapBotOnly) });
    const file = process.env['LOAD_FIGURES_FILE'];
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${summary}\n`);
    }

    expect(allAnswered, summary).toBe(true);
    expect(
      lost.map((s) => s.id),
      summary,
    ).toEqual([]);
    expect(
      duplicated.map((s) => s.id),
      summary,
    ).toEqual([]);
    expect(
      wrongChannel.map((s) => s.id),
      summary,
    ).toEqual([]);
    expect(
      failed.map((s) => s.id),
      summary,
    ).toEqual([]);
    expect(figures.replies, summary).toBe(QUESTIONS);
    expect(visibleText(firstReply?.body), summary).toContain('$132,974');
    expect(logs.lines, summary).toEqual([]);
    // Bounded state: one conversation per (channel, user) pair or DM, no cooldown state when it is off.
    expect(figures.conversations, summary).toBeLessThanOrEqual(USERS * (CHANNELS + 1) + 3);
    expect(figures.cooldown_users, summary).toBe(0);
    // discord.js keeps no messages and no users but the bot's own: they would grow with every author.
    expect(figures.cached_messages, summary).toBe(0);
    expect(figures.cached_users, summary).toBe(1);
    // Memory settles: what stays after a collection is small (the local server's own records of 4,000
    // messages and requests are part of it), and far below the peak the burst reached.
    expect(heapAfter - heapBefore, summary).toBeLessThan(64 * 2 ** 20);
    expect(heapBotOnly - heapBefore, summary).toBeLessThan(32 * 2 ** 20);
    if (gc) expect(heapAfter, summary).toBeLessThan(peakHeap);
  }, 60_000);
});
