import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticFiles } from '../../src/bench/generate.js';
import { cacheFileFor } from '../../src/knowledge/cache.js';
import { formatProblem, loadKnowledgeBase, type LoadResult } from '../../src/knowledge/load.js';
import { readSealed, writeSealed, type SealedExpectation } from '../../src/knowledge/sealed-file.js';

const root = join(import.meta.dirname, '..', '..');
const merge = join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'merge');
const MANAGER_VS_LEAD = 'articles/operations-manager-vs-warehouse-lead.md';

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

const hourAgo = (): Date => new Date(Date.now() - 3_600_000);

/** Files dated an hour ago: a stamp that recent is trusted (see RACY_MS in load.ts). */
function age(dir: string): void {
  for (const entry of readdirSync(join(dir, 'articles'), { withFileTypes: true, recursive: true }))
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), hourAgo(), hourAgo());
}

/** Three knowledge directories: the merge fixture, the bundled articles (no open data), 400 synthetic ones. */
function directories(): { readonly name: string; readonly dir: string; readonly cacheDir: string }[] {
  work = mkdtempSync(join(tmpdir(), 'careerbot-build-cache-'));
  const base = work;
  const make = (name: string, fill: (dir: string) => void) => {
    const dir = join(base, name);
    fill(dir);
    age(dir);
    return { name, dir, cacheDir: join(base, `${name}-cache`) };
  };
  return [
    make('merge', (dir) => cpSync(merge, dir, { recursive: true })),
    make('bundled', (dir) => {
      cpSync(join(root, 'knowledge', 'articles'), join(dir, 'articles'), { recursive: true });
      cpSync(join(root, 'knowledge', 'topics.yaml'), join(dir, 'topics.yaml'));
    }),
    make('synthetic', (dir) => {
      mkdirSync(join(dir, 'articles'), { recursive: true });
      for (const file of syntheticFiles(400)) writeFileSync(join(dir, 'articles', file.name), file.text);
    }),
  ];
}

/** Everything a user can be told, in the order the engine meets it, and what a reload starts from. */
function everything(result: LoadResult): unknown {
  if (!result.ok) return { problems: result.problems.map(formatProblem) };
  const { kb } = result;
  const state = result.loaded.build;
  return {
    order: [...kb.roles.keys()],
    roles: [...kb.roles.values()],
    comparisons: kb.comparisons,
    pairs: [...kb.comparisonsByPair.entries()],
    conflicts: kb.conflicts,
    warnings: result.warnings.map(formatProblem),
    state:
      state === undefined
        ? undefined
        : {
            topicsKey: state.topicsKey,
            owners: [...state.owners.entries()],
            ladderRefs: [...state.ladderRefs.entries()],
            conflicts: [...state.conflicts.entries()],
            salaryWarnings: [...state.salaryWarnings.entries()],
            articleAt: [...state.articleAt.entries()],
            pairWarnings: state.pairWarnings,
            articles: state.articles,
          },
  };
}

/** The parse cache's payload, read back, changed and sealed again under the same header. */
function tamper(cacheDir: string, dir: string, change: (payload: Record<string, unknown>) => unknown): void {
  const file = cacheFileFor(cacheDir, dir);
  const bytes = readFileSync(file);
  const header = JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(10))) as SealedExpectation;
  const read = readSealed(
    file,
    { ...header, changed: '' },
    (v): v is Record<string, unknown> => typeof v === 'object',
  );
  if (!('value' in read)) throw new Error('the cache cannot be read');
  expect(writeSealed(file, header, change(read.value), /^$/u)).toBeUndefined();
}

describe('the built knowledge base in the parse cache', () => {
  it('GIVEN a second start on unchanged files THEN the merged roles come from the cache, equal to a build without any cache (roles, order, warnings, the reload state)', async () => {
    for (const { name, dir, cacheDir } of directories()) {
      const first = await loadKnowledgeBase(dir, { cacheDir });
      expect(first.stats, name).toMatchObject({ cache: 'missing', cacheWritten: true });
      expect(first.stats.buildCache, name).toBeUndefined();
      const second = await loadKnowledgeBase(dir, { cacheDir });
      expect(second.stats, name).toMatchObject({ cache: 'read', buildCache: 'read', parsed: 0 });
      expect(second.stats.cacheWritten, name).toBe(false);
      const uncached = await loadKnowledgeBase(dir);
      expect(everything(second), name).toEqual(everything(uncached));
      expect(second.ok && second.kb.roles.size, name).toBeGreaterThan(1);
    }
  });

  it('GIVEN a start from the cached build WHEN an article is edited, added and removed THEN each live reload serves what a full load of the files gives', async () => {
    const [, , synthetic] = directories();
    if (synthetic === undefined) throw new Error('no synthetic directory');
    const { dir, cacheDir } = synthetic;
    await loadKnowledgeBase(dir, { cacheDir });
    const start = await loadKnowledgeBase(dir, { cacheDir });
    expect(start.stats.buildCache).toBe('read');
    await reloadsServeFullLoads(dir, start);
  });

  it('GIVEN a first start that parses many files THEN it serves the cache it wrote, read back: the same knowledge base and reload state as without a cache, and live reloads from it serve what a full load gives', async () => {
    for (const { name, dir, cacheDir } of directories()) {
      const first = await loadKnowledgeBase(dir, { cacheDir, readBackFrom: 1 });
      expect(first.stats, name).toMatchObject({ cache: 'missing', cacheWritten: true, readBack: true });
      expect(everything(first), name).toEqual(everything(await loadKnowledgeBase(dir)));
      // Below the threshold, the parses themselves are served.
      const few = await loadKnowledgeBase(dir, { cacheDir: `${cacheDir}-few` });
      expect(few.stats.readBack, name).toBeUndefined();
      if (name === 'synthetic') await reloadsServeFullLoads(dir, first);
    }
  });
});

/**
 * From `start` (a load of `dir`), an article edited, one added and one removed, each by live reload:
 * each reload gives what the same reloads from a start without any cache give, and tells users what
 * a full load of the files tells them.
 */
async function reloadsServeFullLoads(dir: string, start: LoadResult): Promise<void> {
  let last = start;
  // The same reloads from a start without any cache: the reload state must be the same too.
  let lastUncached = await loadKnowledgeBase(dir);
  const names = readdirSync(join(dir, 'articles')).sort();
  const [first = '', second = ''] = names;
  const step = async (file: string, change: () => void): Promise<void> => {
    change();
    const next = await loadKnowledgeBase(dir, { previous: last.loaded, changed: [file] });
    const nextUncached = await loadKnowledgeBase(dir, { previous: lastUncached.loaded, changed: [file] });
    expect(next.ok, file).toBe(true);
    expect(everything(next), file).toEqual(everything(nextUncached));
    // What a user is told is what a full load gives (a patch's state keeps its own order).
    const { state: _patched, ...told } = everything(next) as Record<string, unknown>;
    const { state: _full, ...full } = everything(await loadKnowledgeBase(dir)) as Record<string, unknown>;
    expect(told, file).toEqual(full);
    last = next;
    lastUncached = nextUncached;
  };
  const path = join(dir, 'articles', first);
  // A figure edited: the in-place patch, from the state read back.
  await step(`articles/${first}`, () =>
    writeFileSync(path, readFileSync(path, 'utf8').replace(/amount: (\d+)/u, 'amount: 1$1')),
  );
  // A new article naming new roles and an existing one.
  const added = 'articles/zz-new-role-vs-other.md';
  const text = readFileSync(join(dir, 'articles', second), 'utf8');
  const [, id = '', title = ''] = /- id: ([a-z-]+)\n\s+title: ([^\n]+)\n/u.exec(text) ?? [];
  await step(added, () =>
    writeFileSync(
      join(dir, added),
      text
        .replaceAll(id, 'zz-new-role')
        .replaceAll(title, 'Zz New Role')
        .replaceAll(title.toLowerCase(), 'zz new role')
        .replace(/aliases: \[[^\]]*\]/u, 'aliases: ["zz role"]'),
    ),
  );
  // An article removed.
  await step(`articles/${second}`, () => rmSync(join(dir, 'articles', second)));
  expect(last.ok).toBe(true);
}

describe('the built knowledge base in the parse cache, when it is stale or bad', () => {
  it('GIVEN an edited file THEN the stored build is not used, the edit is served, and the next start reads the build written with it', async () => {
    const [mergeDir] = directories();
    if (mergeDir === undefined) throw new Error('no merge directory');
    const { dir, cacheDir } = mergeDir;
    await loadKnowledgeBase(dir, { cacheDir });
    const path = join(dir, MANAGER_VS_LEAD);
    writeFileSync(path, readFileSync(path, 'utf8').replace('amount: 80000', 'amount: 81000'));
    utimesSync(path, hourAgo(), hourAgo());
    const edited = await loadKnowledgeBase(dir, { cacheDir });
    expect(edited.stats).toMatchObject({
      parsed: 1,
      buildCache: 'ignored',
      buildCacheIgnored: 'the articles changed',
      cacheWritten: true,
    });
    const amounts = (result: LoadResult) =>
      result.ok ? result.kb.roles.get('operations-manager')?.salaries.map((s) => s.amount) : undefined;
    expect(amounts(edited)).toEqual([75844, 81000]);
    const next = await loadKnowledgeBase(dir, { cacheDir });
    expect(next.stats).toMatchObject({ parsed: 0, buildCache: 'read', cacheWritten: false });
    expect(amounts(next)).toEqual([75844, 81000]);
    expect(everything(next)).toEqual(everything(await loadKnowledgeBase(dir)));
  });

  it('GIVEN a stored build cut short, with a bad count, made by other code, or absent THEN it is ignored, the knowledge base is the one built without a cache, and a good one is written', async () => {
    const [, , synthetic] = directories();
    if (synthetic === undefined) throw new Error('no synthetic directory');
    const { dir, cacheDir } = synthetic;
    await loadKnowledgeBase(dir, { cacheDir });
    const uncached = everything(await loadKnowledgeBase(dir));
    const extraOf = (payload: Record<string, unknown>) => payload.extra as { at: number; key: string };
    const cases: [string, (payload: Record<string, unknown>) => unknown, Record<string, unknown>][] = [
      [
        'cut short',
        (p) => ({ ...p, codes: (p.codes as Int32Array).slice(0, (p.codes as Int32Array).length - 3) }),
        { buildCache: 'ignored', buildCacheIgnored: 'corrupt (does not decode)' },
      ],
      [
        'bad count',
        (p) => {
          const codes = (p.codes as Int32Array).slice();
          codes[extraOf(p).at] = 1 << 30;
          return { ...p, codes };
        },
        { buildCache: 'ignored', buildCacheIgnored: 'corrupt (does not decode)' },
      ],
      [
        'a reference to no article',
        (p) => {
          // The first role's aliases, stored as those of an article, pointing past the last one.
          const codes = (p.codes as Int32Array).slice();
          const at = extraOf(p).at;
          codes[at + 3] = 1;
          codes[at + 4] = 1 << 29;
          return { ...p, codes };
        },
        { buildCache: 'ignored', buildCacheIgnored: 'corrupt (does not decode)' },
      ],
      [
        'other code',
        (p) => ({ ...p, extra: { ...extraOf(p), key: 'written by another build' } }),
        { buildCache: 'ignored', buildCacheIgnored: 'the topics or the code that builds changed' },
      ],
      [
        'absent (an older cache)',
        (p) => {
          const { extra, ...rest } = p;
          return { ...rest, codes: (p.codes as Int32Array).slice(0, extraOf({ extra }).at) };
        },
        { buildCache: 'missing' },
      ],
    ];
    for (const [name, change, stats] of cases) {
      tamper(cacheDir, dir, change);
      const result = await loadKnowledgeBase(dir, { cacheDir });
      expect(result.stats, name).toMatchObject({ cache: 'read', parsed: 0, cacheWritten: true, ...stats });
      expect(everything(result), name).toEqual(uncached);
      const again = await loadKnowledgeBase(dir, { cacheDir });
      expect(again.stats, name).toMatchObject({ buildCache: 'read', cacheWritten: false });
      expect(everything(again), name).toEqual(uncached);
    }
  });

  it('GIVEN a knowledge base with problems THEN no build is stored, and the problems are reported at every start', async () => {
    const [mergeDir] = directories();
    if (mergeDir === undefined) throw new Error('no merge directory');
    const { dir, cacheDir } = mergeDir;
    const path = join(dir, MANAGER_VS_LEAD);
    // A role titled differently in two articles: a problem of the merge, not of one file.
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('    title: Operations Manager\n', '    title: Operations Boss\n'),
    );
    utimesSync(path, hourAgo(), hourAgo());
    const first = await loadKnowledgeBase(dir, { cacheDir });
    expect(first.ok).toBe(false);
    const second = await loadKnowledgeBase(dir, { cacheDir });
    expect(second.stats).toMatchObject({ cache: 'read', parsed: 0, buildCache: 'missing' });
    expect(everything(second)).toEqual(everything(first));
  });
});
