/**
 * `npm run eval [-- file.jsonl]`: run the labelled question set through the engine on the bundled
 * knowledge base; print accuracy per category and overall, and every failure. Exits 1 below 97%.
 */
import { readFile } from 'node:fs/promises';
import { createEngine, fixedKnowledge, deriveKnowledge } from '../engine/engine.js';
import { loadKnowledgeBase } from '../knowledge/load.js';
import { formatProblem } from '../knowledge/problem.js';
import { evaluate, parseQuestionSet } from '../understand/evaluate.js';

/** Below this share of fully correct questions the run fails. */
const PASS_MARK = 0.97;
const DEFAULT_SET = 'test/eval/questions.jsonl';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<number> {
  const file = process.argv.slice(2).find((a) => a !== '--') ?? DEFAULT_SET;
  const loaded = await loadKnowledgeBase('knowledge');
  if (!loaded.ok) {
    for (const p of loaded.problems) console.error(formatProblem(p));
    return 1;
  }
  const questions = parseQuestionSet(await readFile(file, 'utf8'), file);
  const engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(loaded.kb)) });
  const report = evaluate(engine, questions);
  for (const f of report.failures) {
    const q = f.question;
    console.log(`FAIL [${q.category}] ${JSON.stringify(q.text)}`);
    console.log(`  expected ${q.intent} [${q.roles.join(', ')}] {${q.topics.join(', ')}}`);
    console.log(`  got      ${f.got.intent} [${f.got.roles.join(', ')}] {${f.got.topics.join(', ')}}`);
  }
  console.log('');
  for (const c of report.categories) {
    console.log(
      `${c.category.padEnd(24)} ${String(c.correct).padStart(4)}/${String(c.total).padEnd(4)} ${pct(c.correct / c.total)}`,
    );
  }
  console.log(
    `${'overall'.padEnd(24)} ${String(report.correct).padStart(4)}/${String(report.total).padEnd(4)} ${pct(report.accuracy)}`,
  );
  if (report.accuracy < PASS_MARK) {
    console.error(`eval: ${pct(report.accuracy)} fully correct is below the ${pct(PASS_MARK)} pass mark`);
    return 1;
  }
  return 0;
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
