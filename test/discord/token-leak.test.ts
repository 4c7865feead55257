import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { FATAL, TEXTS } from '../../src/discord/texts.js';
import type { KnowledgeSource } from '../../src/engine/engine.js';
import { openKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord, type FakeUser, type JsonObject } from './fake-discord/server.js';
import { buttonIds, startHarness, visibleText, type Harness } from './harness.js';
import { runBotProcess, PROCESS_TEST_TIMEOUT_MS } from './spawn-bot.js';

/**
 * The bot token never appears in anything the bot writes: logs at the most verbose level, stdout,
 * stderr, error messages, or what it sends to Discord (other than the Authorization header and the
 * gateway IDENTIFY, where it belongs). Login failures run as real processes; handler errors in-process.
 */

/** A token shaped like Discord's (base64 user id . timestamp . HMAC), random on every run. */
function randomToken(): string {
  const id = Buffer.from(String(100_000_000_000_000_000n + BigInt(randomBytes(6).readUIntBE(0, 6)))).toString(
    'base64url',
  );
  return `${id}.${randomBytes(4).toString('base64url')}.${randomBytes(20).toString('base64url')}`;
}

/** Every part of the token that is secret: the whole, and its HMAC (the last part). */
function secretsOf(token: string): string[] {
  return [token, token.split('.').at(-1) ?? token];
}

/** `npm start` as a process at LOG_LEVEL=trace. */
const startProcess = (env: Record<string, string>, options: Parameters<typeof runBotProcess>[1] = {}) =>
  runBotProcess({ LOG_LEVEL: 'trace', ...env }, options);

describe(
  'the token never leaks from a failing login (real processes, LOG_LEVEL=trace)',
  { timeout: PROCESS_TEST_TIMEOUT_MS },
  () => {
    it.concurrent(
      'GIVEN Discord refuses the token on REST (401) THEN the output says so and never contains it',
      async () => {
        const token = randomToken();
        const discord = await FakeDiscord.start({ logUnknownRoutes: false });
        try {
          const result = await startProcess({ DISCORD_TOKEN: token, DISCORD_API_BASE: discord.apiBase });
          expect(result.code).toBe(1);
          expect(result.stderr).toContain(FATAL.tokenRefused);
          // It did send the token where it belongs, and the server answered 401.
          expect(discord.requests.some((r) => r.authorization === `Bot ${token}` && r.status === 401)).toBe(
            true,
          );
          for (const secret of secretsOf(token)) expect(result.output).not.toContain(secret);
        } finally {
          await discord.stop();
        }
      },
    );

    it.concurrent(
      'GIVEN the gateway refuses the token at IDENTIFY (close 4004) THEN the output never contains it',
      async () => {
        const token = randomToken();
        const discord = await FakeDiscord.start({
          token,
          gatewayToken: randomToken(),
          logUnknownRoutes: false,
        });
        try {
          const result = await startProcess({ DISCORD_TOKEN: token, DISCORD_API_BASE: discord.apiBase });
          expect(result.code).toBe(1);
          expect(result.stderr).toContain(FATAL.tokenRefused);
          expect((discord.sentByBot(2)[0]?.payload.d as JsonObject | undefined)?.['token']).toBe(token);
          // The trace log really was verbose: it logged the gateway conversation, just not the token.
          expect(result.stderr).toMatch(/discord\.js/);
          for (const secret of secretsOf(token)) expect(result.output).not.toContain(secret);
        } finally {
          await discord.stop();
        }
      },
    );

    it.concurrent(
      'GIVEN a running bot WHEN the gateway later closes with 4004 THEN the output never contains the token',
      async () => {
        const token = randomToken();
        const discord = await FakeDiscord.start({ token, heartbeatIntervalMs: 500, logUnknownRoutes: false });
        try {
          const result = await startProcess(
            { DISCORD_TOKEN: token, DISCORD_API_BASE: discord.apiBase },
            { when: /bot is ready/, then: () => discord.closeGateway(4004) },
          );
          expect(result.code).toBe(1);
          expect(result.stderr).toContain(FATAL.tokenRefused);
          for (const secret of secretsOf(token)) expect(result.output).not.toContain(secret);
        } finally {
          await discord.stop();
        }
      },
    );
  },
);

describe('the token never leaks from failing handlers (in-process, unscrubbed trace log)', () => {
  const token = randomToken();
  let h: Harness;
  let broken = false;
  const written: string[] = [];
  const alex: FakeUser = { id: '300000000000000051', username: 'alex' };

  beforeAll(async () => {
    const real = await openKnowledge(DEFAULT_KNOWLEDGE_DIR, createLogger('silent'));
    // A knowledge source that starts failing on demand, as a corrupt reload or a bug would.
    const knowledge: KnowledgeSource = {
      current() {
        if (broken) throw new Error('knowledge unavailable: the index is corrupt');
        return real.current();
      },
    };
    // The harness logs at trace to memory with no scrubbing: what the bot itself emits is checked.
    h = await startHarness({ discord: { token }, bot: () => ({ knowledge }) });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('WHEN every handler fails THEN users get apologies, errors are logged, and neither logs, stdout, stderr nor anything sent to Discord contains the token', async () => {
    const capture = (chunk: unknown): boolean => {
      written.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const dm = h.discord.dmChannelId(alex.id);

    // A working answer first, with its topic buttons, so the button can fail later.
    const answered = await (async () => {
      const reply = h.discord.nextMessage(dm);
      h.discord.sendDirectMessage({ content: 'COO vs head of ops salary', author: alex });
      return reply;
    })();
    const button = buttonIds(answered.body)[0];
    expect(button).toBeDefined();

    broken = true;
    const apology = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({ content: 'and skills?', author: alex });
    expect(visibleText((await apology).body)).toBe(TEXTS.apology);

    const command = h.discord.runCommand({
      name: 'role',
      options: [{ name: 'name', type: 3, value: 'coo' }],
      user: alex,
      dm: true,
    });
    expect(visibleText((await h.discord.interactionCallback(command)).body)).toContain(TEXTS.apology);

    const typed = h.discord.autocomplete({
      name: 'compare',
      options: [{ name: 'first', type: 3, value: 'ops', focused: true }],
      user: alex,
      dm: true,
    });
    const choices = (await h.discord.interactionCallback(typed)).body?.['data'] as JsonObject;
    expect(choices['choices']).toEqual([]);

    const click = h.discord.clickButton({
      messageId: h.discord.createdId(answered),
      customId: button ?? '',
      user: alex,
    });
    expect(visibleText((await h.discord.interactionCallback(click)).body)).toContain(TEXTS.apology);
    stdout.mockRestore();
    stderr.mockRestore();

    const errors = h.logs.lines
      .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message?: string } })
      .filter((l) => l.level >= 50);
    expect(errors.map((e) => e.msg)).toEqual(
      expect.arrayContaining([
        'answering a message failed',
        'slash command failed',
        'autocomplete failed',
        'topic button failed',
      ]),
    );
    expect(errors.every((e) => e.err?.message === 'knowledge unavailable: the index is corrupt')).toBe(true);

    // Where the token belongs: the Authorization header and IDENTIFY. Nowhere else.
    const sent = JSON.stringify(h.discord.requests.map((r) => ({ route: r.route, body: r.json })));
    const gatewayOtherThanAuth = JSON.stringify(
      h.discord.gateway.filter((g) => g.direction === 'in' && g.payload.op !== 2 && g.payload.op !== 6),
    );
    const everything = [h.logs.text, written.join(''), sent, gatewayOtherThanAuth].join('\n');
    // The log really was verbose (discord.js's own debug lines, including its login line).
    expect(h.logs.text).toMatch(/Provided token/);
    for (const secret of secretsOf(token)) expect(everything).not.toContain(secret);
  });
});
