import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem, loadKnowledgeBase, type LoadResult } from '../../src/knowledge/load.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'merge');
const PLANT = 'articles/operations-manager-vs-plant-supervisor.md';
const ASSOCIATE = 'articles/warehouse-associate-vs-plant-supervisor.md';

const ASSOCIATE_TEXT = `---
title: Warehouse Associate vs. Plant Supervisor
source:
  title: Test source C
roles:
  - id: warehouse-associate
    title: Warehouse Associate
    aliases: [warehouse worker]
    summary: Picks and packs orders.
    salary: { amount: 36000, currency: USD, period: year, kind: average }
  - id: plant-supervisor
    title: Plant Supervisor
    aliases: []
    summary: Looks after one plant floor.
    salary: { amount: 59000, currency: USD, period: year, kind: average }
---

# Warehouse Associate

## Duties
Picks orders from the shelves.
`;

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** Everything a user can be told, in the order the engine meets it (role order decides ties). */
function told(result: LoadResult): unknown {
  if (!result.ok) return { problems: result.problems.map(formatProblem) };
  const { kb } = result;
  return {
    order: [...kb.roles.keys()],
    roles: [...kb.roles.values()],
    comparisons: kb.comparisons,
    pairs: [...kb.comparisonsByPair.keys()],
    conflicts: kb.conflicts,
    warnings: result.warnings.map(formatProblem),
  };
}

describe('an incremental build', () => {
  it('GIVEN edits one file at a time (a figure, a new role that a ladder link names, a new alias, a removal) THEN each re-merges only the roles it touches and gives what a full load gives', async () => {
    work = mkdtempSync(join(tmpdir(), 'careerbot-build-'));
    const dir = join(work, 'knowledge');
    cpSync(fixture, dir, { recursive: true });
    let last = await loadKnowledgeBase(dir);
    const step = async (file: string, change: () => void): Promise<LoadResult> => {
      change();
      const incremental = await loadKnowledgeBase(dir, { previous: last.loaded, changed: [file] });
      expect(told(incremental)).toEqual(told(await loadKnowledgeBase(dir)));
      last = incremental;
      return incremental;
    };
    const plant = join(dir, PLANT);
    const original = readFileSync(plant, 'utf8');

    // A figure: the two roles of the article, nothing else.
    let result = await step(PLANT, () =>
      writeFileSync(plant, original.replace('amount: 75844', 'amount: 76000')),
    );
    expect(result.stats.merged).toBe(2);
    expect(result.ok && result.kb.roles.get('operations-manager')?.salaries.map((s) => s.amount)).toEqual([
      76000, 80000,
    ]);

    // A new role whose title the ladder link of a role in another article names: the link points at it.
    result = await step(ASSOCIATE, () => writeFileSync(join(dir, ASSOCIATE), ASSOCIATE_TEXT));
    expect(result.ok && result.kb.roles.get('warehouse-lead')?.ladder.comesFrom).toMatchObject([
      { title: 'warehouse associate', roleId: 'warehouse-associate' },
    ]);
    // Its two roles merged again, and the role whose link names it given the link.
    expect(result.stats.merged).toBe(3);
    expect(result.ok && result.kb.conflicts.map((c) => c.roleId)).toEqual([
      'operations-manager',
      'plant-supervisor',
    ]);

    // A new alias.
    result = await step(PLANT, () =>
      writeFileSync(plant, original.replace('[plant sup]', '[plant sup, floor boss]')),
    );
    expect(result.ok && result.kb.roles.get('plant-supervisor')?.aliases).toEqual([
      'plant sup',
      'floor boss',
    ]);

    // The new role removed: gone, and the link is a plain title again.
    result = await step(ASSOCIATE, () => rmSync(join(dir, ASSOCIATE)));
    expect(result.ok && result.kb.roles.has('warehouse-associate')).toBe(false);
    expect(result.ok && result.kb.roles.get('warehouse-lead')?.ladder.comesFrom).toEqual([
      expect.not.objectContaining({ roleId: expect.anything() }),
    ]);
  });

  it('GIVEN an edit that makes an alias clash THEN the problems are those of a full load; WHEN fixed THEN the content is back', async () => {
    work = mkdtempSync(join(tmpdir(), 'careerbot-build-'));
    const dir = join(work, 'knowledge');
    cpSync(fixture, dir, { recursive: true });
    const first = await loadKnowledgeBase(dir);
    const plant = join(dir, PLANT);
    const original = readFileSync(plant, 'utf8');

    writeFileSync(plant, original.replace('[plant sup]', '[plant sup, warehouse team lead]'));
    const clash = await loadKnowledgeBase(dir, { previous: first.loaded, changed: [PLANT] });
    expect(clash.ok).toBe(false);
    expect(told(clash)).toEqual(told(await loadKnowledgeBase(dir)));
    expect(JSON.stringify(told(clash))).toContain('already claimed by role');

    writeFileSync(plant, original);
    const fixed = await loadKnowledgeBase(dir, { previous: clash.loaded, changed: [PLANT] });
    expect(told(fixed)).toEqual(told(first));
  });
});
