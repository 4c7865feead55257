import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, deriveKnowledge, fixedKnowledge } from '../../src/engine/engine.js';
import { sameNames } from '../../src/engine/knowledge.js';
import { formatProblem, loadKnowledgeBase, type LoadResult } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'merge');
const PLANT = 'articles/operations-manager-vs-plant-supervisor.md';

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

const kbOf = (result: LoadResult): KnowledgeBase => {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.kb;
};

describe('deriving a new version from the one it replaces', () => {
  it('GIVEN an edit that keeps every name THEN the name index is reused; GIVEN a new alias THEN it is built again and finds the alias', async () => {
    work = mkdtempSync(join(tmpdir(), 'careerbot-derive-'));
    const dir = join(work, 'knowledge');
    cpSync(fixture, dir, { recursive: true });
    const first = await loadKnowledgeBase(dir);
    const before = deriveKnowledge(kbOf(first));
    const plant = join(dir, PLANT);
    const original = readFileSync(plant, 'utf8');

    writeFileSync(plant, original.replace('amount: 61000', 'amount: 62000'));
    const figure = await loadKnowledgeBase(dir, { previous: first.loaded, changed: [PLANT] });
    expect(sameNames(before.kb, kbOf(figure))).toBe(true);
    const after = deriveKnowledge(kbOf(figure), undefined, before);
    expect(after.index.exact).toBe(before.index.exact);
    const ask = (knowledge: typeof after, text: string) =>
      createEngine({ knowledge: fixedKnowledge(knowledge) }).ask('c', text);
    expect(ask(after, 'plant sup salary').query.roles).toEqual(['plant-supervisor']);
    expect(after.kb.roles.get('plant-supervisor')?.salaries[0]?.amount).toBe(62000);

    writeFileSync(plant, original.replace('[plant sup]', '[plant sup, floor boss]'));
    const alias = await loadKnowledgeBase(dir, { previous: figure.loaded, changed: [PLANT] });
    expect(sameNames(after.kb, kbOf(alias))).toBe(false);
    const renamed = deriveKnowledge(kbOf(alias), undefined, after);
    expect(renamed.index.exact).not.toBe(after.index.exact);
    expect(ask(renamed, 'floor boss salary').query.roles).toEqual(['plant-supervisor']);
    expect(ask(after, 'floor boss salary').query.roles).not.toEqual(['plant-supervisor']);
  });
});
