/**
 * The pieces of `npm run eval` that tests use too: a knowledge directory without its open data, the
 * reader that scores what `npm run ask -- --jsonl` reports, and the printed report.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import type { Engine } from '../engine/engine.js';
import { renderJson } from '../render/json.js';
import type { EvalReport, QuestionReader } from '../understand/evaluate.js';

/**
 * The own labelled sets `npm run eval` runs by default, as two sets: the articles-only one (run on a
 * copy of the knowledge without open-data/) and the occupations one (run with the open data). Each is
 * the concatenation of its files, in order: the first labelled set and the questions of later rounds tuned on (their tune parts).
 */
export const OWN_SETS = Object.freeze({
  articlesOnly: Object.freeze([
    'test/eval/questions.jsonl',
    'test/eval/round2/tune-articles.jsonl',
    'test/eval/round3/tune-articles.jsonl',
    'test/eval/round5/tune-articles.jsonl',
    'test/eval/round6/tune-articles.jsonl',
    'test/eval/round7/tune-articles.jsonl',
  ]),
  full: Object.freeze([
    'test/eval/occupations.jsonl',
    'test/eval/round2/tune-occupations.jsonl',
    'test/eval/round3/tune-occupations.jsonl',
    'test/eval/round5/tune-occupations.jsonl',
    'test/eval/round6/tune-occupations.jsonl',
    'test/eval/round7/tune-occupations.jsonl',
  ]),
});

/** The open-data folder of a knowledge directory (occupations from BLS and O*NET). */
export const OPEN_DATA_DIR = 'open-data';

/**
 * A temporary copy of `dir` without its `open-data/` folder: the articles-only knowledge base the
 * hidden checks also use. Call `dispose` when done.
 */
export async function articlesOnlyCopy(dir: string): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const copy = await mkdtemp(join(tmpdir(), 'careerbot-articles-only-'));
  await cp(dir, copy, {
    recursive: true,
    filter: (source) => {
      const rel = relative(dir, source).split(sep);
      return rel[0] !== OPEN_DATA_DIR;
    },
  });
  return { dir: copy, dispose: () => rm(copy, { recursive: true, force: true }) };
}

/**
 * Read questions through the engine and score what `--jsonl` reports: the intent, the roles the answer
 * is about (the query's roles when the answer is about none, e.g. unknown), and the sections shown
 * (the asked topics for answers without sections).
 */
export function engineReader(engine: Engine): QuestionReader {
  return (conversationId, text) => {
    const turn = engine.ask(conversationId, text);
    const json = renderJson(turn);
    const roles = json.roles.length > 0 ? json.roles.map((r) => r.id) : turn.query.roles;
    const topics = json.sections.length > 0 ? json.sections : turn.query.topics;
    return { intent: json.intent, roles, topics };
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The report as printed: every failure, then accuracy per category and overall. */
export function formatReport(title: string, report: EvalReport): string {
  const lines: string[] = [];
  for (const f of report.failures) {
    const q = f.question;
    lines.push(`FAIL [${q.category}] ${q.conversation}: ${JSON.stringify(q.text)}`);
    lines.push(`  expected ${q.intent} [${q.roles.join(', ')}] {${q.topics.join(', ')}}`);
    lines.push(`  got      ${f.got.intent} [${f.got.roles.join(', ')}] {${f.got.topics.join(', ')}}`);
  }
  lines.push('', `== ${title}`);
  const row = (name: string, correct: number, total: number): string =>
    `${name.padEnd(28)} ${String(correct).padStart(4)}/${String(total).padEnd(4)} ${pct(total === 0 ? 0 : correct / total)}`;
  for (const c of report.categories) lines.push(row(c.category, c.correct, c.total));
  lines.push(row('overall', report.correct, report.total));
  return lines.join('\n');
}

/** "test/eval/questions.jsonl" -> "questions". */
export function setName(file: string): string {
  return basename(file).replace(/\.jsonl$/, '');
}
