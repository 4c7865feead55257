import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createEngine, fixedKnowledge } from '../../src/engine/engine.js';
import { engineReader } from '../../src/cli/eval-run.js';
import { evaluate, parseQuestionSet } from '../../src/understand/evaluate.js';
import { bundledKnowledge } from '../understand/kb-fixture.js';

describe('labelled question set', () => {
  it('has at least 220 questions across every category, follow-ups and unknown roles included', async () => {
    const questions = parseQuestionSet(
      await readFile('test/eval/questions.jsonl', 'utf8'),
      'questions.jsonl',
    );
    expect(questions.length).toBeGreaterThanOrEqual(220);
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
    ]) {
      expect(categories).toContain(c);
    }
  });

  it('is at least 97% fully correct (intent, roles in order, topics as a set) on the bundled knowledge base', async () => {
    const questions = parseQuestionSet(
      await readFile('test/eval/questions.jsonl', 'utf8'),
      'questions.jsonl',
    );
    const engine = createEngine({ knowledge: fixedKnowledge(await bundledKnowledge()) });
    const report = evaluate(engineReader(engine), questions);
    const failures = report.failures.map(
      (f) => `${f.question.text} -> ${f.got.intent} ${f.got.roles.join(',')} ${f.got.topics.join(',')}`,
    );
    expect(report.accuracy, failures.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('names the line of a malformed question', () => {
    expect(() => parseQuestionSet('{"category":"x"}\nnot json', 'set.jsonl')).toThrow(/set\.jsonl:1/);
  });
});
