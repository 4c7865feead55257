import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord/server.js';
import { runBotProcess, PROCESS_TEST_TIMEOUT_MS } from './spawn-bot.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Newest modification time of what the build compiles. */
function newestSource(): number {
  let newest = 0;
  for (const dir of ['src', 'commands']) {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
      if (entry.isFile() && entry.name.endsWith('.ts'))
        newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * `npm start` runs the compiled JavaScript that `npm install` (prepare) and `npm run build` make, not
 * TypeScript through tsx. The test runs package.json's start command with a module hook that records
 * every module loaded.
 */
describe('npm start', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  let discord: FakeDiscord;
  let dir: string;
  beforeAll(async () => {
    const main = join(ROOT, 'dist', 'src', 'discord', 'main.js');
    // A checkout edited since the last build: build it, as npm install would have.
    if (!existsSync(main) || statSync(main).mtimeMs < newestSource())
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
        {
          cwd: ROOT,
          stdio: 'ignore',
        },
      );
    discord = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
    dir = mkdtempSync(join(tmpdir(), 'careerbot-start-'));
  }, 180_000);
  afterAll(async () => {
    await discord?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the compiled build: tsx is never loaded, and the commands come from dist/commands', async () => {
    const loaded = join(dir, 'loaded.txt');
    writeFileSync(
      join(dir, 'hooks.mjs'),
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(loaded)}, result.url + '\\n');
  return result;
}\n`,
    );
    writeFileSync(
      join(dir, 'register.mjs'),
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`,
    );
    const start = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts['start'];
    const [node, ...args] = (start ?? '').split(' ');
    expect(node).toBe('node');
    const argv = args.map((a) => (a.startsWith('-') ? a : join(ROOT, a)));

    const result = await runBotProcess(
      {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        NODE_OPTIONS: `--import=${pathToFileURL(join(dir, 'register.mjs')).href}`,
      },
      {
        argv,
        when: /bot is ready/,
        then: (child) => {
          const reply = discord.nextMessage(discord.dmChannelId('300000000000000091'));
          discord.sendDirectMessage({
            content: 'coo salary',
            author: { id: '300000000000000091', username: 'op' },
          });
          void reply.then(
            () => child.kill('SIGTERM'),
            () => child.kill('SIGTERM'),
          );
        },
      },
    );
    expect(result.code, result.output).toBe(0);
    expect(discord.messagesPostedTo(discord.dmChannelId('300000000000000091'))).toHaveLength(1);
    const urls = readFileSync(loaded, 'utf8').trim().split('\n');
    expect(urls.some((u) => u.includes('/node_modules/tsx/'))).toBe(false);
    const ours = urls.filter((u) => u.startsWith(pathToFileURL(ROOT).href) && !u.includes('/node_modules/'));
    expect(ours.filter((u) => u.endsWith('.ts'))).toEqual([]);
    expect(ours).toContain(pathToFileURL(join(ROOT, 'dist', 'src', 'discord', 'main.js')).href);
    expect(ours).toContain(pathToFileURL(join(ROOT, 'dist', 'commands', 'ask.js')).href);
    expect(result.stderr).toContain('invite link');
  });
});
