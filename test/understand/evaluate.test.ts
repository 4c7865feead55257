import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { engineReader, OWN_SETS } from '../../src/cli/eval-run.js';
import { createEngine, fixedKnowledge } from '../../src/engine/engine.js';
import { evaluate, parseQuestionSet, type LabelledQuestion } from '../../src/understand/evaluate.js';
import { bundledKnowledge, fullKnowledge } from '../understand/kb-fixture.js';

/** The questions of an own set: its files, in order. */
async function ownSet(files: readonly string[]): Promise<LabelledQuestion[]> {
  const out: LabelledQuestion[] = [];
  for (const file of files) out.push(...parseQuestionSet(await readFile(file, 'utf8'), file));
  return out;
}

const failuresOf = (report: ReturnType<typeof evaluate>): string =>
  report.failures
    .map((f) => `${f.question.text} -> ${f.got.intent} ${f.got.roles.join(',')} ${f.got.topics.join(',')}`)
    .join('\n');

describe('labelled question sets', () => {
  it('has at least 400 questions on the articles-only base, in every family of the issue', async () => {
    const questions = await ownSet(OWN_SETS.articlesOnly);
    expect(questions.length).toBeGreaterThanOrEqual(1000);
    const categories = new Set(questions.map((q) => q.category));
    for (const c of [
      'compare',
      'role',
      'typos',
      'plurals-and-order',
      'abbreviations',
      'follow-up',
      'ladder',
      'unknown-and-negative',
      'noisy-input',
      'typos-everywhere',
      'paraphrase-topics',
      'focus',
      'not-a-role',
      'rankings',
      'relations-and-moves',
      'repairs-and-follow-ups',
      'out-of-scope',
      'classic',
    ]) {
      expect(categories).toContain(c);
    }
  });

  it('is at least 98% fully correct (intent, roles in order, topics as a set) on the articles-only base', async () => {
    const questions = await ownSet(OWN_SETS.articlesOnly);
    const engine = createEngine({ knowledge: fixedKnowledge(await bundledKnowledge()) });
    const report = evaluate(engineReader(engine), questions);
    expect(report.accuracy, failuresOf(report)).toBeGreaterThanOrEqual(0.98);
  });

  it('is at least 98% fully correct on the occupations set with the bundled open data', async () => {
    const full = await fullKnowledge();
    if (full === undefined) return;
    const questions = await ownSet(OWN_SETS.full);
    expect(questions.length).toBeGreaterThanOrEqual(500);
    const report = evaluate(engineReader(createEngine({ knowledge: fixedKnowledge(full) })), questions);
    expect(report.accuracy, failuresOf(report)).toBeGreaterThanOrEqual(0.98);
  });

  it('names the line of a malformed question', () => {
    expect(() => parseQuestionSet('{"category":"x"}\nnot json', 'set.jsonl')).toThrow(/set\.jsonl:1/);
  });
});
