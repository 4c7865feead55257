import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { engineReader } from '../../src/cli/eval-run.js';
import { createEngine, fixedKnowledge } from '../../src/engine/engine.js';
import { evaluate, parseQuestionSet } from '../../src/understand/evaluate.js';
import { bundledKnowledge, fullKnowledge } from '../understand/kb-fixture.js';

const failuresOf = (report: ReturnType<typeof evaluate>): string =>
  report.failures
    .map((f) => `${f.question.text} -> ${f.got.intent} ${f.got.roles.join(',')} ${f.got.topics.join(',')}`)
    .join('\n');

describe('labelled question sets', () => {
  it('has at least 400 questions on the articles-only base, in every family of the issue', async () => {
    const questions = parseQuestionSet(
      await readFile('test/eval/questions.jsonl', 'utf8'),
      'questions.jsonl',
    );
    expect(questions.length).toBeGreaterThanOrEqual(400);
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
    ]) {
      expect(categories).toContain(c);
    }
  });

  it('is at least 98% fully correct (intent, roles in order, topics as a set) on the articles-only base', async () => {
    const questions = parseQuestionSet(
      await readFile('test/eval/questions.jsonl', 'utf8'),
      'questions.jsonl',
    );
    const engine = createEngine({ knowledge: fixedKnowledge(await bundledKnowledge()) });
    const report = evaluate(engineReader(engine), questions);
    expect(report.accuracy, failuresOf(report)).toBeGreaterThanOrEqual(0.98);
  });

  it('is at least 98% fully correct on the occupations set with the bundled open data', async () => {
    const full = await fullKnowledge();
    if (full === undefined) return;
    const questions = parseQuestionSet(
      await readFile('test/eval/occupations.jsonl', 'utf8'),
      'occupations.jsonl',
    );
    expect(questions.length).toBeGreaterThanOrEqual(100);
    const report = evaluate(engineReader(createEngine({ knowledge: fixedKnowledge(full) })), questions);
    expect(report.accuracy, failuresOf(report)).toBeGreaterThanOrEqual(0.98);
  });

  it('names the line of a malformed question', () => {
    expect(() => parseQuestionSet('{"category":"x"}\nnot json', 'set.jsonl')).toThrow(/set\.jsonl:1/);
  });
});
