/**
 * `npm run bench [-- N...]`: one JSON line per knowledge-base size (default 1,000, 10,000 and 50,000
 * articles), each measured in a fresh process so memory figures are its own, then the cold-start
 * wall time of `npm run ask` on the bundled knowledge base.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runBench } from '../bench/run.js';
import { BOT_NODE_FLAGS } from '../config/runtime.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--one') {
    process.stdout.write(`${JSON.stringify(await runBench(Number(argv[1])))}\n`);
    return;
  }
  const sizes = argv.length > 0 ? argv.map(Number) : [1_000, 10_000, 50_000];
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`Not a size: ${String(n)}. Usage: npm run bench -- [N...]`);
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        ...BOT_NODE_FLAGS,
        '--import',
        'tsx',
        fileURLToPath(import.meta.url),
        '--one',
        String(n),
      ],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      },
    );
    process.stdout.write(out);
  }
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = spawnSync('npm', ['run', '-s', 'ask', '--', 'COO vs head of ops salary?'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`npm run ask failed: ${r.stderr}`);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({ cold_start_ask_ms: { median: Math.round(runs[2]!), min: Math.round(runs[0]!), max: Math.round(runs[4]!) } })}\n`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
