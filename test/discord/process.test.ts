import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAME } from '../../src/discord/commands.js';
import { FATAL } from '../../src/discord/texts.js';
import { FakeDiscord, type JsonObject } from './fake-discord/server.js';
import { runBotProcess, type BotExit, type RunOptions, PROCESS_TEST_TIMEOUT_MS } from './spawn-bot.js';

/** Run an entry point the way `npm start` does, with only the settings given (no .env from the repo). */
function run(
  script: string,
  env: Record<string, string>,
  options: Omit<RunOptions, 'script'> = {},
): Promise<BotExit> {
  return runBotProcess(env, { ...options, script });
}

describe('npm start and npm run deploy-commands as processes', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await FakeDiscord.start({ heartbeatIntervalMs: 500, logUnknownRoutes: false });
  });
  afterAll(async () => {
    await discord?.stop();
  });

  it.concurrent('GIVEN no DISCORD_TOKEN THEN it says what to set and exits 1', async () => {
    const result = await run('src/discord/main.ts', {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(FATAL.missingToken);
  });

  it.concurrent(
    'GIVEN a token Discord refuses (401) THEN it says to copy a fresh token, exits 1 and never prints it',
    async () => {
      const token = 'not-the-right-token.XXXX.YYYY';
      const result = await run('src/discord/main.ts', {
        DISCORD_TOKEN: token,
        DISCORD_API_BASE: discord.apiBase,
        LOG_LEVEL: 'trace',
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(FATAL.tokenRefused);
      expect(result.stderr + result.stdout).not.toContain(token);
    },
  );

  it.concurrent(
    'GIVEN the gateway closes with 4014 (Message Content intent not enabled) THEN it says where to enable it and exits 1',
    async () => {
      const strict = await FakeDiscord.start({ disallowedIntents: GatewayIntentBits.MessageContent });
      try {
        const result = await run('src/discord/main.ts', {
          DISCORD_TOKEN: strict.token,
          DISCORD_API_BASE: strict.apiBase,
        });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(FATAL.disallowedIntents);
        expect(result.stderr).not.toContain(strict.token);
      } finally {
        await strict.stop();
      }
    },
  );

  it.concurrent(
    'GIVEN the gateway closes with 4004 THEN it exits 1 saying the token was refused',
    async () => {
      const strict = await FakeDiscord.start({ gatewayToken: 'another-token' });
      try {
        const result = await run('src/discord/main.ts', {
          DISCORD_TOKEN: strict.token,
          DISCORD_API_BASE: strict.apiBase,
        });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(FATAL.tokenRefused);
      } finally {
        await strict.stop();
      }
    },
  );

  it.concurrent(
    'WHEN a running bot gets SIGTERM THEN it closes the connection and exits 0 within 5 s',
    async () => {
      const result = await run(
        'src/discord/main.ts',
        { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase },
        { when: /bot is ready/, then: (child) => child.kill('SIGTERM') },
      );
      expect(result.firedAt).toBeDefined();
      expect(result.code).toBe(0);
      expect(Date.now() - (result.firedAt ?? 0)).toBeLessThan(5_000);
    },
  );

  it.concurrent(
    'GIVEN a running bot WHEN the gateway later closes with 4004 THEN it exits 1 saying what to fix',
    async () => {
      const own = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
      try {
        const result = await run(
          'src/discord/main.ts',
          { DISCORD_TOKEN: own.token, DISCORD_API_BASE: own.apiBase },
          { when: /bot is ready/, then: () => own.closeGateway(4004) },
        );
        expect(result.firedAt).toBeDefined();
        expect(result.code).toBe(1);
        expect(result.stderr).toContain(FATAL.tokenRefused);
        expect(result.stderr).not.toContain(own.token);
      } finally {
        await own.stop();
      }
    },
  );

  it.concurrent(
    'deploy-commands registers the six commands in DISCORD_GUILD_ID with valid names, descriptions and options',
    async () => {
      const result = await run('src/discord/deploy-commands.ts', {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        DISCORD_GUILD_ID: discord.guild.id,
      });
      expect(result.stderr.replace(/npm warn.*\n/g, '')).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Registered 6 commands in guild/);
      const registered = discord.registeredCommands.get(discord.guild.id) ?? [];
      expect(registered.map((c) => c['name']).sort()).toEqual([
        'ask',
        'compare',
        'config',
        'help',
        'role',
        'roles',
      ]);
      for (const command of registered) {
        expect(String(command['name'])).toMatch(COMMAND_NAME);
        expect(String(command['description']).length).toBeGreaterThanOrEqual(1);
        expect(String(command['description']).length).toBeLessThanOrEqual(100);
        for (const option of (command['options'] as JsonObject[] | undefined) ?? []) {
          expect(String(option['name'])).toMatch(COMMAND_NAME);
          expect(String(option['description']).length).toBeLessThanOrEqual(100);
        }
      }
      const compare = registered.find((c) => c['name'] === 'compare');
      const options = (compare?.['options'] as JsonObject[]).map((o) => [
        o['name'],
        o['required'] ?? false,
        o['autocomplete'] ?? false,
      ]);
      expect(options).toEqual([
        ['first', true, true],
        ['second', true, true],
        ['topic', false, false],
      ]);
      const ask = registered.find((c) => c['name'] === 'ask');
      expect((ask?.['options'] as JsonObject[])[0]?.['max_length']).toBe(500);
      // Without DISCORD_CLIENT_ID the application id came from GET /applications/@me.
      expect(discord.requests.some((r) => r.method === 'GET' && r.route === '/applications/@me')).toBe(true);
    },
  );

  it.concurrent('start:sharded runs the same bot as shard 0 of 1 and stops on SIGTERM', async () => {
    const own = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
    try {
      const result = await run(
        'src/discord/sharded.ts',
        { DISCORD_TOKEN: own.token, DISCORD_API_BASE: own.apiBase },
        { when: /bot is ready/, then: (child) => child.kill('SIGTERM'), timeoutMs: 30_000 },
      );
      expect(result.stderr).toContain('shard launched');
      expect(result.code).toBe(0);
      const identify = own.sentByBot(2)[0]?.payload.d as JsonObject | undefined;
      expect(identify?.['shard']).toEqual([0, 1]);
    } finally {
      await own.stop();
    }
  });

  it.concurrent('deploy-commands registers globally when DISCORD_GUILD_ID is not set', async () => {
    const result = await run('src/discord/deploy-commands.ts', {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_CLIENT_ID: discord.applicationId,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/globally/);
    expect(discord.registeredCommands.get('global')).toHaveLength(6);
  });
});
