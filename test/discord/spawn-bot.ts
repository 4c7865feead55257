import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

export interface BotExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout and stderr interleaved as they arrived. */
  readonly output: string;
  readonly stdout: string;
  readonly stderr: string;
  /** When `when` first matched stderr (ms since epoch). */
  readonly firedAt: number | undefined;
  readonly exitedAt: number;
}

export interface RunOptions {
  readonly when?: RegExp;
  /** `stderr()` is everything the process wrote to stderr so far. */
  readonly then?: (child: ChildProcess, stderr: () => string) => void;
  readonly timeoutMs?: number;
  /** The entry point, relative to the project (default src/discord/main.ts, run through tsx). */
  readonly script?: string;
  /** Run exactly this command line instead (e.g. the compiled build, as `npm start` does). */
  readonly argv?: readonly string[];
}

/**
 * How long a test that runs bot processes may take. A process needs about 5 s to be ready on the
 * shared 2-core machine (tsx compiling, discord.js loading), and several run at once.
 */
export const PROCESS_TEST_TIMEOUT_MS = 90_000;

/** The articles without the open data, copied once per test file: processes start faster on it. */
let articlesOnly: string | undefined;
function articlesOnlyDir(): string {
  if (articlesOnly === undefined) {
    articlesOnly = join(mkdtempSync(join(tmpdir(), 'careerbot-run-knowledge-')), 'knowledge');
    cpSync(DEFAULT_KNOWLEDGE_DIR, articlesOnly, {
      recursive: true,
      filter: (source) => !source.includes('open-data'),
    });
  }
  return articlesOnly;
}

/** Settings of the developer's own environment that must not leak into a test process. */
const OWN_SETTINGS =
  /^(?:DISCORD_|ANSWER_CHANNEL_IDS|COOLDOWN_|LOG_LEVEL|KNOWLEDGE_DIR|DATABASE_FILE|RECORD_GAPS|MESSAGE_CONTENT|HEALTH_)/;

/**
 * Run an entry point the way `npm start` does, with only the settings given: the test's own DISCORD_*
 * and related variables are removed, the cwd has no .env, and the database is a fresh temporary file
 * unless DATABASE_FILE is given; the knowledge base is the articles without the open data unless
 * KNOWLEDGE_DIR is given (these tests are about the process, not the answers). `then` runs once `when` matches what the process wrote to stderr
 * (e.g. /bot is ready/).
 */
export function runBotProcess(env: Record<string, string>, options: RunOptions = {}): Promise<BotExit> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !OWN_SETTINGS.test(k)));
  const temp = env['DATABASE_FILE'] === undefined ? mkdtempSync(join(tmpdir(), 'careerbot-run-')) : undefined;
  const argv = options.argv ?? ['--import', TSX, `${ROOT}${options.script ?? 'src/discord/main.ts'}`];
  const child = spawn(process.execPath, [...argv], {
    cwd: fileURLToPath(new URL('./fixtures/', import.meta.url)),
    env: {
      ...clean,
      RECORD_GAPS: 'false',
      KNOWLEDGE_DIR: articlesOnlyDir(),
      ...(temp ? { DATABASE_FILE: join(temp, 'careerbot.db') } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  let stderr = '';
  let firedAt: number | undefined;
  child.stdout.on('data', (c: Buffer) => {
    output += String(c);
    stdout += String(c);
  });
  child.stderr.on('data', (c: Buffer) => {
    output += String(c);
    stderr += String(c);
    if (firedAt === undefined && options.when?.test(stderr)) {
      firedAt = Date.now();
      options.then?.(child, () => stderr);
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL');
        reject(new Error(`the bot did not exit in time.\noutput:\n${output}`));
      },
      options.timeoutMs ?? PROCESS_TEST_TIMEOUT_MS - 5_000,
    );
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (temp) rmSync(temp, { recursive: true, force: true });
      resolve({ code, signal, output, stdout, stderr, firedAt, exitedAt: Date.now() });
    });
  });
}

/** Poll `done` until it holds or `timeoutMs` passes; resolves with whether it held. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
