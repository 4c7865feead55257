/**
 * `npm run bench [-- N... | bundled | ask]`: one JSON line per knowledge-base size (default 1,000,
 * 10,000 and 50,000 synthetic articles), then one for the bundled knowledge base, then the cold-start
 * wall time of `npm run ask`. Sizes alone replace the default sizes; `bundled` or `ask` (alone or
 * beside sizes) runs only the parts named. Each measurement runs in a fresh process with the bot's Node flags, so memory and
 * start-up figures are its own: one writes the files, one starts cold (no cache), one starts warm
 * (cache present) and answers the questions, runs the naive baseline and edits one article.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineSample, coldLoad, warmRun, writeSynthetic } from '../bench/run.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../config/env.js';
import { BOT_NODE_FLAGS } from '../config/runtime.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** Newest modification time of the TypeScript sources the build compiles (as src/cli/launch.mjs). */
function newestSource(): number {
  let newest = 0;
  for (const dir of ['src', 'commands']) {
    if (!existsSync(join(root, dir))) continue;
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * How the children run: the compiled bench (dist/src/cli/bench.js), built first when it is missing
 * or stale, or this file under tsx when the build fails.
 */
function childCommand(): { readonly args: readonly string[]; readonly compiled: boolean } {
  if (self.endsWith('.js')) return { args: [self], compiled: true };
  const compiled = join(root, 'dist', 'src', 'cli', 'bench.js');
  const fresh = (): boolean => existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource();
  if (!fresh()) {
    process.stderr.write('careerbot bench: dist/ is missing or older than src/; building it first\n');
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
    if (built.status !== 0 || !fresh()) {
      process.stderr.write('careerbot bench: the build failed; measuring the TypeScript under tsx instead\n');
      return { args: ['--import', 'tsx', self], compiled: false };
    }
  }
  return { args: [compiled], compiled: true };
}

let runner: ReturnType<typeof childCommand> | undefined;

/** Run one step of the bench in a fresh process; its stdout is one JSON value. */
function step(args: readonly string[]): Record<string, unknown> {
  runner ??= childCommand();
  const out = execFileSync(process.execPath, ['--expose-gc', ...BOT_NODE_FLAGS, ...runner.args, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  return out.trim() === '' ? {} : (JSON.parse(out) as Record<string, unknown>);
}

/** Cold then warm start of the knowledge directory `dir`, each in its own process. */
function measure(dir: string, cacheDir: string, n: number | undefined): Record<string, unknown> {
  const cold = step(['--cold', dir, cacheDir]);
  const warm = step(['--warm', dir, cacheDir, ...(n === undefined ? [] : [String(n)])]);
  return { ...cold, ...warm };
}

/** The bench's figures in the order the README lists them. */
function line(head: Record<string, unknown>, m: Record<string, unknown>): string {
  const keys = [
    'load_ms',
    'warm_load_ms',
    'index_ms',
    'rss_mb',
    'heap_mb',
    'p50_us',
    'p99_us',
    'questions_per_s',
    'accuracy',
    'reload_ms',
    'baseline',
  ];
  const out: Record<string, unknown> = { ...head };
  for (const key of keys) if (key in m) out[key] = m[key];
  for (const [key, value] of Object.entries(m)) if (!(key in out)) out[key] = value;
  return `${JSON.stringify(out)}\n`;
}

async function child(argv: readonly string[]): Promise<void> {
  const [mode, a = '', b = '', c] = argv;
  if (mode === '--write') writeSynthetic(b, Number(a));
  else if (mode === '--cold') process.stdout.write(JSON.stringify(await coldLoad(a, b)));
  else if (mode === '--warm')
    process.stdout.write(JSON.stringify(await warmRun(a, b, c === undefined ? undefined : Number(c))));
}

const PARTS = new Set(['bundled', 'ask']);

function main(argv: readonly string[]): void {
  const parts = argv.filter((a) => PARTS.has(a));
  const given = argv.filter((a) => !PARTS.has(a)).map(Number);
  const sizes = argv.length > 0 ? given : [1_000, 10_000, 50_000];
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 2)
      throw new Error(`Not a size: ${String(n)}. Usage: npm run bench -- [N... | bundled | ask]`);
  }
  const runs = (part: string): boolean => parts.length === 0 || parts.includes(part);
  process.stderr.write(
    `careerbot bench: ${sizes.length > 0 ? `${sizes.join(', ')} synthetic articles` : 'no synthetic articles'}, ${runs('bundled') ? 'then the bundled knowledge base' : 'not the bundled knowledge base'}. The naive baseline is measured on a fixed sample of the questions (${sizes.map((n) => `${baselineSample(n)} at ${n}`).join(', ')}): it takes seconds per question at large sizes.\n`,
  );
  runner = childCommand();
  process.stderr.write(
    `careerbot bench: measuring ${runner.compiled ? 'the compiled code (dist/), as npm start runs it' : 'the TypeScript under tsx (about 44 MB more RSS than npm start)'}\n`,
  );
  for (const n of sizes) {
    const work = mkdtempSync(join(tmpdir(), `careerbot-bench-${n}-`));
    try {
      const dir = join(work, 'knowledge');
      step(['--write', String(n), dir]);
      process.stdout.write(line({ n }, measure(dir, join(work, 'cache'), n)));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  if (runs('bundled')) bundled();
  if (runs('ask')) askColdStart();
}

/** The bundled knowledge base, copied so the live-reload edit never touches the real files. */
function bundled(): void {
  const work = mkdtempSync(join(tmpdir(), 'careerbot-bench-bundled-'));
  try {
    const dir = join(work, 'knowledge');
    // Dated an hour ago like the synthetic files (see writeSynthetic).
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true, preserveTimestamps: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo, hourAgo);
    }
    const { accuracy: _unlabelled, ...figures } = measure(dir, join(work, 'cache'), undefined);
    process.stdout.write(line({ kb: 'bundled' }, { ...figures, accuracy: 'see npm run eval' }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `npm run ask` from cold, its cache warmed by one run first (as after any earlier start). */
function askColdStart(): void {
  const ask = (): number => {
    const t = performance.now();
    const r = spawnSync('npm', ['run', '-s', 'ask', '--', 'COO vs head of ops salary?'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`npm run ask failed: ${r.stderr}`);
    return performance.now() - t;
  };
  ask();
  const runs = Array.from({ length: 5 }, ask).sort((x, y) => x - y);
  const [min = 0, , median = 0, , max = 0] = runs.map(Math.round);
  process.stdout.write(`${JSON.stringify({ cold_start_ask_ms: { median, min, max } })}\n`);
}

const argv = process.argv.slice(2);
if (argv[0]?.startsWith('--') === true) {
  child(argv).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
} else {
  try {
    main(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
