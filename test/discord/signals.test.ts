import { describe, expect, it } from 'vitest';
import { FATAL } from '../../src/discord/texts.js';
import { FakeDiscord } from './fake-discord/server.js';
import { runBotProcess, until, PROCESS_TEST_TIMEOUT_MS } from './spawn-bot.js';

/**
 * How `npm start` ends, as a real process against the local server: signals end it cleanly (exit 0,
 * the gateway closed with 1000 so Discord shows the bot offline at once), and a close it cannot recover
 * from ends it with a message and exit 1, without reconnecting in a loop.
 */

describe(
  'npm start ending: signals and unrecoverable gateway closes',
  { timeout: PROCESS_TEST_TIMEOUT_MS },
  () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      it.concurrent(
        `GIVEN a READY bot WHEN it gets ${signal} THEN it closes the gateway with 1000 and exits 0 within 5 s`,
        async () => {
          const discord = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
          try {
            const result = await runBotProcess(
              { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase },
              { when: /bot is ready/, then: (child) => child.kill(signal) },
            );
            expect(result.firedAt, result.output).toBeDefined();
            // The server saw READY before the signal: the bot was really up.
            expect(discord.gateway.some((g) => g.payload.t === 'READY')).toBe(true);
            expect(result.code, result.output).toBe(0);
            expect(result.signal).toBeNull();
            expect(result.exitedAt - (result.firedAt ?? 0)).toBeLessThan(5_000);
            expect(result.stderr).toContain(`"signal":"${signal}"`);
            // It logged out: the connection was closed by the bot with a normal close, not dropped.
            expect(await until(() => discord.closes.length > 0, 2_000)).toBe(true);
            expect(discord.closes.map((c) => c.code)).toEqual([1000]);
          } finally {
            await discord.stop();
          }
        },
      );
    }

    it.concurrent(
      'GIVEN a READY bot WHEN the gateway closes with 4004 THEN it exits 1 saying the token was refused, and never reconnects',
      async () => {
        const discord = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
        try {
          const result = await runBotProcess(
            { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase },
            { when: /bot is ready/, then: () => discord.closeGateway(4004) },
          );
          expect(result.firedAt, result.output).toBeDefined();
          expect(result.code, result.output).toBe(1);
          expect(result.stderr).toContain(`careerbot: ${FATAL.tokenRefused}`);
          expect(result.stdout).toBe('');
          // One connection, one IDENTIFY, no RESUME: it did not try again with a refused token.
          expect(discord.sentByBot(2)).toHaveLength(1);
          expect(discord.sentByBot(6)).toHaveLength(0);
          expect(new Set(discord.gateway.map((g) => g.connection)).size).toBe(1);
          expect(discord.closes.map((c) => c.code)).toEqual([4004]);
        } finally {
          await discord.stop();
        }
      },
    );

    it.concurrent(
      'GIVEN a READY bot WHEN the gateway closes with 4014 (intent disabled later) THEN it exits 1 saying where to enable it',
      async () => {
        const discord = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
        try {
          const result = await runBotProcess(
            { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase },
            { when: /bot is ready/, then: () => discord.closeGateway(4014) },
          );
          expect(result.code, result.output).toBe(1);
          expect(result.stderr).toContain(FATAL.disallowedIntents);
          expect(discord.sentByBot(2)).toHaveLength(1);
          expect(discord.sentByBot(6)).toHaveLength(0);
        } finally {
          await discord.stop();
        }
      },
    );
  },
);
