import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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

/**
 * Run `npm start` (node --import tsx src/discord/main.ts) with only the settings given: the test's own
 * DISCORD_* and related variables are removed and the cwd has no .env. `then` runs once `when` matches
 * what the bot wrote to stderr (e.g. /bot is ready/).
 */
export function runBotProcess(
  env: Record<string, string>,
  options: { when?: RegExp; then?: (child: ChildProcess) => void; timeoutMs?: number } = {},
): Promise<BotExit> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(?:DISCORD_|ANSWER_CHANNEL_IDS|COOLDOWN_|LOG_LEVEL|KNOWLEDGE_DIR|GAPS_FILE|RECORD_GAPS)/.test(k),
    ),
  );
  const child = spawn(process.execPath, ['--import', TSX, `${ROOT}src/discord/main.ts`], {
    cwd: fileURLToPath(new URL('./fixtures/', import.meta.url)),
    env: { ...clean, RECORD_GAPS: 'false', ...env },
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
      options.then?.(child);
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bot did not exit in time.\noutput:\n${output}`));
    }, options.timeoutMs ?? 25_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
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
