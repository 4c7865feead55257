import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generate, syntheticQuestions } from '../../src/bench/generate.js';
import { writeSynthetic } from '../../src/bench/run.js';
import { engineReader } from '../../src/cli/eval-run.js';
import { createEngine, deriveKnowledge, fixedKnowledge } from '../../src/engine/engine.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { evaluate } from '../../src/understand/evaluate.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the synthetic knowledge base of the benchmark', () => {
  it('is the same for the same seed, and different for another', () => {
    const a = generate(50, 40);
    const b = generate(50, 40);
    expect(b.files).toEqual(a.files);
    expect(b.questions).toEqual(a.questions);
    expect(generate(50, 40, 7).files).not.toEqual(a.files);
  });

  it('GIVEN 200 articles written to disk THEN the real loader accepts every file and the engine reads its labelled questions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careerbot-bench-'));
    dirs.push(dir);
    writeSynthetic(dir, 200);
    const loaded = await loadKnowledgeBase(dir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.kb.comparisons).toHaveLength(200);
    const engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(loaded.kb)) });
    const questions = syntheticQuestions(200, 200).map((q) => ({
      ...q,
      intent: q.intent as 'compare',
      roles: [...q.roles],
      topics: [...q.topics],
    }));
    const report = evaluate(engineReader(engine), questions);
    // The bench's accuracy target is 99%; the labels must be readable by the engine they measure.
    expect(report.accuracy).toBeGreaterThanOrEqual(0.97);
  });
});
