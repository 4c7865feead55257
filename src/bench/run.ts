import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { createEngine, fixedKnowledge, deriveKnowledge } from '../engine/engine.js';
import { formatProblem, loadKnowledgeBase } from '../knowledge/load.js';
import { renderDiscord } from '../render/discord.js';
import { generate, makeQuestions, type SyntheticQuestion } from './generate.js';

/** One line of `npm run bench`. */
export interface BenchFigures {
  readonly n: number;
  readonly load_ms: number;
  readonly index_ms: number;
  readonly heap_mb: number;
  readonly rss_mb: number;
  readonly p50_us: number;
  readonly p99_us: number;
  readonly questions_per_s: number;
  readonly accuracy: number;
  /** p99 of the warm-up pass, which includes JIT compilation: what the first minutes of a bot see. */
  readonly first_pass_p99_us: number;
  readonly baseline: { p50_us: number; p99_us: number; questions_per_s: number; accuracy: number };
}

const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (x: number): number => Math.round(x * 10) / 10;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function timings(us: number[], totalMs: number, correct: number) {
  us.sort((x, y) => x - y);
  return {
    p50_us: round(percentile(us, 50)),
    p99_us: round(percentile(us, 99)),
    questions_per_s: Math.round((us.length / totalMs) * 1000),
    accuracy: Math.round((correct / us.length) * 10_000) / 10_000,
  };
}

/**
 * Generate N articles in a temporary directory, load them through the real loader, then answer the
 * question set through the engine and the Discord renderer (the bot's path), and the naive baseline.
 */
export async function runBench(n: number, questionCount = 2_000, baselineCount = 200): Promise<BenchFigures> {
  const synthetic = generate(n, questionCount);
  const dir = await mkdtemp(join(tmpdir(), `careerbot-bench-${n}-`));
  try {
    await mkdir(join(dir, 'articles'));
    for (const file of synthetic.files) await writeFile(join(dir, 'articles', file.name), file.text);

    const t0 = performance.now();
    const loaded = await loadKnowledgeBase(dir);
    const t1 = performance.now();
    if (!loaded.ok)
      throw new Error(
        `synthetic knowledge base rejected:\n${loaded.problems.slice(0, 5).map(formatProblem).join('\n')}`,
      );
    const knowledge = deriveKnowledge(loaded.kb);
    const t2 = performance.now();
    globalThis.gc?.();
    const memory = process.memoryUsage();

    const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
    const ask = (q: SyntheticQuestion) => {
      const turn = engine.ask(q.conversation, q.text);
      renderDiscord(turn.answer);
      return turn.query;
    };
    // A running bot is warm: one pass over a different question set first, so JIT compilation of
    // each code path is not counted as answering time. That pass's own p99 is reported too.
    const warmUs: number[] = [];
    for (const q of makeQuestions(synthetic.roles.slice(0, n), questionCount, 7)) {
      const s = process.hrtime.bigint();
      ask({ ...q, conversation: `warm-${q.conversation}` });
      warmUs.push(Number(process.hrtime.bigint() - s) / 1000);
    }
    warmUs.sort((x, y) => x - y);

    const us: number[] = [];
    let correct = 0;
    const start = performance.now();
    for (const q of synthetic.questions) {
      const s = process.hrtime.bigint();
      const query = ask(q);
      us.push(Number(process.hrtime.bigint() - s) / 1000);
      if (
        query.intent === q.intent &&
        query.roles.join() === q.roles.join() &&
        sameSet(query.topics, q.topics)
      )
        correct++;
    }
    const ours = timings(us, performance.now() - start, correct);

    // Naive baseline: fuse.js over every title and alias, searched with the whole question.
    const names = [...loaded.kb.roles.values()].flatMap((r) =>
      [r.title, ...r.aliases].map((name) => ({ name, id: r.id })),
    );
    const fuse = new Fuse(names, {
      keys: ['name'],
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
    });
    const sample = synthetic.questions.slice(0, baselineCount);
    const bus: number[] = [];
    let bcorrect = 0;
    const bstart = performance.now();
    for (const q of sample) {
      const s = process.hrtime.bigint();
      const hits = fuse.search(q.text);
      const ids = [...new Set(hits.map((h) => h.item.id))].slice(0, q.roles.length);
      bus.push(Number(process.hrtime.bigint() - s) / 1000);
      if (q.roles.length === 0 ? hits.length === 0 : sameSet(ids, q.roles)) bcorrect++;
    }
    const baseline = timings(bus, performance.now() - bstart, bcorrect);

    return {
      n,
      load_ms: Math.round(t1 - t0),
      index_ms: Math.round(t2 - t1),
      heap_mb: mb(memory.heapUsed),
      rss_mb: mb(memory.rss),
      ...ours,
      first_pass_p99_us: round(percentile(warmUs, 99)),
      baseline,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
