import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listArticles, listArticlesInWorker } from '../../src/knowledge/file-list.js';
import { formatProblem, loadKnowledgeBase, type LoadResult } from '../../src/knowledge/load.js';

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

describe('listing the article files', () => {
  it('GIVEN nested folders and files that are not articles THEN the worker lists what this thread lists: every .md file, sorted, with its size and mtime', async () => {
    work = mkdtempSync(join(tmpdir(), 'careerbot-list-'));
    const dir = work;
    mkdirSync(join(dir, 'articles', 'b', 'deeper'), { recursive: true });
    mkdirSync(join(dir, 'articles', 'folder.md'));
    const files = ['articles/z.md', 'articles/a.md', 'articles/b/c.md', 'articles/b/deeper/d.md'];
    files.forEach((file, i) => {
      writeFileSync(join(dir, file), 'x'.repeat(i + 1));
      const when = new Date(Date.UTC(2025, 0, 1 + i));
      utimesSync(join(dir, file), when, when);
    });
    writeFileSync(join(dir, 'articles', 'notes.txt'), 'not an article');
    writeFileSync(join(dir, 'articles', 'folder.md', 'inside.md'), 'yes');

    const here = listArticles(dir);
    expect(here.paths).toEqual([
      'articles/a.md',
      'articles/b/c.md',
      'articles/b/deeper/d.md',
      'articles/folder.md/inside.md',
      'articles/z.md',
    ]);
    here.paths.forEach((path, i) => {
      const stat = statSync(join(dir, path));
      expect([here.sizes[i], here.mtimes[i]], path).toEqual([stat.size, stat.mtimeMs]);
    });
    const there = await listArticlesInWorker(dir);
    expect(there).toBeDefined();
    expect(there?.paths).toEqual(here.paths);
    expect([...(there?.sizes ?? [])]).toEqual([...here.sizes]);
    expect([...(there?.mtimes ?? [])]).toEqual([...here.mtimes]);
  });

  it('GIVEN a directory without articles/ THEN the worker gives nothing and this thread says why', async () => {
    work = mkdtempSync(join(tmpdir(), 'careerbot-list-'));
    const dir = work;
    expect(await listArticlesInWorker(dir)).toBeUndefined();
    expect(() => listArticles(dir)).toThrow(/ENOENT/u);
  });

  it('GIVEN a first start that lists in a worker WHEN files were edited, added and deleted since the cache was written THEN it loads what a start without a cache loads', async () => {
    work = mkdtempSync(join(tmpdir(), 'careerbot-list-'));
    const dir = join(work, 'knowledge');
    const cacheDir = join(work, 'cache');
    cpSync(join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'merge'), dir, { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const [first, second] = [
      'operations-manager-vs-warehouse-lead.md',
      'operations-manager-vs-plant-supervisor.md',
    ];
    for (const name of [first, second]) utimesSync(join(dir, 'articles', name), hourAgo, hourAgo);
    const told = (result: LoadResult) =>
      result.ok
        ? { roles: [...result.kb.roles.values()], warnings: result.warnings.map(formatProblem) }
        : result.problems.map(formatProblem);
    const inWorker = { cacheDir, listInWorkerFrom: 0 };
    await loadKnowledgeBase(dir, inWorker);
    const warm = await loadKnowledgeBase(dir, inWorker);
    expect(warm.stats).toMatchObject({ cache: 'read', parsed: 0, buildCache: 'read', listedInWorker: true });
    expect(told(warm)).toEqual(told(await loadKnowledgeBase(dir)));

    const path = join(dir, 'articles', first);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('amount: 80000', 'amount: 81000'));
    writeFileSync(
      join(dir, 'articles', 'operations-manager-vs-dock-lead.md'),
      text
        .replaceAll('warehouse-lead', 'dock-lead')
        .replaceAll('Warehouse Lead', 'Dock Lead')
        .replace('[warehouse team lead]', '[dock team lead]'),
    );
    rmSync(join(dir, 'articles', second));
    const changed = await loadKnowledgeBase(dir, inWorker);
    expect(changed.stats).toMatchObject({ cache: 'read', parsed: 2, files: 2, listedInWorker: true });
    expect((await loadKnowledgeBase(dir, { cacheDir })).stats.listedInWorker).toBeUndefined();
    expect(told(changed)).toEqual(told(await loadKnowledgeBase(dir)));
    expect(changed.ok && changed.kb.roles.has('dock-lead')).toBe(true);
  });
});
