/**
 * `npm run eval [-- FILE.jsonl ...] [--knowledge DIR] [--articles-only | --full]`: run labelled question
 * sets through the whole engine and print, per set, every failure and the accuracy per category.
 *
 * Without files it runs the own sets (OWN_SETS in eval-run.ts): test/eval/questions.jsonl with the
 * round-2 test/eval/round2/tune-articles.jsonl as one set (labelled for the articles-only knowledge
 * base, so it runs on a copy of DIR without open-data/), and test/eval/occupations.jsonl with
 * test/eval/round2/tune-occupations.jsonl (on DIR as it is, open data included; skipped when DIR has no
 * open-data/). Files given by hand run one set each on DIR as it is unless --articles-only says
 * otherwise. DIR defaults to knowledge/. Exits 1 when a set is below the pass mark.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine, deriveKnowledge, fixedKnowledge } from '../engine/engine.js';
import { loadKnowledgeBase } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import { evaluate, parseQuestionSet } from '../understand/evaluate.js';
import {
  articlesOnlyCopy,
  engineReader,
  formatReport,
  OPEN_DATA_DIR,
  OWN_SETS,
  setName,
} from './eval-run.js';

/** Below this share of fully correct questions the run fails. */
const PASS_MARK = 0.98;
const USAGE = 'usage: npm run eval [-- FILE.jsonl ...] [--knowledge DIR] [--articles-only | --full]';

interface Run {
  /** One set: these files' questions, in order. */
  readonly files: readonly string[];
  readonly articlesOnly: boolean;
  /** The own occupations set: skipped when the knowledge has no open data. */
  readonly needsOpenData?: boolean;
}

function parseArgs(argv: readonly string[]): { dir: string; runs: Run[] } | string {
  let dir = 'knowledge';
  let mode: 'articles-only' | 'full' | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') continue;
    if (arg === '--knowledge') {
      const next = argv[i + 1];
      if (next === undefined) return `--knowledge needs a directory; ${USAGE}`;
      dir = next;
      i += 1;
    } else if (arg === '--articles-only') mode = 'articles-only';
    else if (arg === '--full') mode = 'full';
    else if (arg.startsWith('--')) return `unknown option ${arg}; ${USAGE}`;
    else files.push(arg);
  }
  if (files.length > 0)
    return { dir, runs: files.map((file) => ({ files: [file], articlesOnly: mode === 'articles-only' })) };
  const runs: Run[] = [];
  if (mode !== 'full') runs.push({ files: OWN_SETS.articlesOnly, articlesOnly: true });
  if (mode !== 'articles-only') runs.push({ files: OWN_SETS.full, articlesOnly: false, needsOpenData: true });
  return { dir, runs };
}

async function runOne(dir: string, run: Run): Promise<boolean> {
  const copy = run.articlesOnly ? await articlesOnlyCopy(dir) : undefined;
  try {
    const loaded = await loadKnowledgeBase(copy?.dir ?? dir);
    if (!loaded.ok) {
      for (const p of loaded.problems) console.error(formatProblem(p));
      return false;
    }
    const questions = [];
    for (const file of run.files) questions.push(...parseQuestionSet(await readFile(file, 'utf8'), file));
    const engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(loaded.kb)) });
    const report = evaluate(engineReader(engine), questions);
    const base = run.articlesOnly ? `${dir} without ${OPEN_DATA_DIR}/` : dir;
    const name = run.files.map(setName).join(' + ');
    console.log(formatReport(`${name} on ${base}`, report));
    console.log('');
    if (report.accuracy < PASS_MARK) {
      console.error(
        `eval: ${run.files.join(' + ')}: ${(report.accuracy * 100).toFixed(1)}% is below the ${PASS_MARK * 100}% pass mark`,
      );
      return false;
    }
    return true;
  } finally {
    await copy?.dispose();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  let ok = true;
  for (const run of args.runs) {
    if (run.needsOpenData === true && !existsSync(join(args.dir, OPEN_DATA_DIR))) {
      console.log(
        `== ${run.files.map(setName).join(' + ')}: skipped, ${args.dir} has no ${OPEN_DATA_DIR}/\n`,
      );
      continue;
    }
    if (!(await runOne(args.dir, run))) ok = false;
  }
  return ok ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
