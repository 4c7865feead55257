import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileFor, LOADER_VERSION } from '../../src/knowledge/cache.js';
import { writeSealed, type SealedExpectation } from '../../src/knowledge/sealed-file.js';
import { formatProblem, loadKnowledgeBase, type LoadResult } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'knowledge', 'merge');
const MANAGER_VS_LEAD = 'articles/operations-manager-vs-warehouse-lead.md';

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** A copy of a valid knowledge directory whose files were last changed an hour ago, and a cache folder. */
function setup(): { dir: string; cacheDir: string } {
  work = mkdtempSync(join(tmpdir(), 'careerbot-cache-'));
  const dir = join(work, 'knowledge');
  cpSync(fixture, dir, { recursive: true });
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of readdirSync(join(dir, 'articles')))
    utimesSync(join(dir, 'articles', name), hourAgo, hourAgo);
  return { dir, cacheDir: join(work, 'cache') };
}

function kbOf(result: LoadResult): KnowledgeBase {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.kb;
}

/** What a user can be told from a knowledge base: every role with its facts, salaries and ladder. */
function content(kb: KnowledgeBase): unknown {
  return { roles: [...kb.roles.values()], comparisons: kb.comparisons, conflicts: kb.conflicts };
}

/** The JSON header line of a sealed cache file, without its newline. */
const headerOf = (bytes: Buffer): string => bytes.toString('utf8', 0, bytes.indexOf(10));

/** Edit a file, keeping it an hour old unless told otherwise. */
function edit(
  path: string,
  change: (text: string) => string,
  mtime = new Date(Date.now() - 1_800_000),
): void {
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  utimesSync(path, mtime, mtime);
}

describe('the parse cache', () => {
  it('GIVEN a second start on unchanged files THEN every article comes from the cache, the same as parsed', async () => {
    const { dir, cacheDir } = setup();
    const first = await loadKnowledgeBase(dir, { cacheDir });
    expect(first.stats).toMatchObject({ cache: 'missing', parsed: 2, reused: 0, cacheWritten: true });
    const second = await loadKnowledgeBase(dir, { cacheDir });
    expect(second.stats).toMatchObject({ cache: 'read', parsed: 0, reused: 2, cacheWritten: false });
    expect(content(kbOf(second))).toEqual(content(kbOf(first)));
    // Warnings of cached files are reported again, word for word.
    expect(second.ok && second.warnings.map(formatProblem)).toEqual(
      first.ok && first.warnings.map(formatProblem),
    );
    expect(second.ok && second.warnings.length).toBeGreaterThan(0);
  });

  it('GIVEN a new file THEN only it is parsed (a miss)', async () => {
    const { dir, cacheDir } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    const text = readFileSync(join(dir, MANAGER_VS_LEAD), 'utf8')
      .replaceAll('warehouse-lead', 'dock-lead')
      .replaceAll('Warehouse Lead', 'Dock Lead')
      .replace('[warehouse team lead]', '[dock team lead]');
    writeFileSync(join(dir, 'articles', 'operations-manager-vs-dock-lead.md'), text);
    const result = await loadKnowledgeBase(dir, { cacheDir });
    expect(result.stats).toMatchObject({ cache: 'read', parsed: 1, reused: 2, files: 3 });
    expect(kbOf(result).roles.get('dock-lead')?.title).toBe('Dock Lead');
  });

  it('GIVEN an edited file (stale entry) THEN it is parsed again and the edit is what loads', async () => {
    const { dir, cacheDir } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    edit(join(dir, MANAGER_VS_LEAD), (text) => text.replace('amount: 80000', 'amount: 81000'));
    const result = await loadKnowledgeBase(dir, { cacheDir });
    expect(result.stats).toMatchObject({ parsed: 1, reused: 1 });
    const salaries = kbOf(result)
      .roles.get('operations-manager')
      ?.salaries.map((s) => s.amount);
    expect(salaries).toEqual([75844, 81000]);
    // The cache was rewritten with the edit: a third start parses nothing and still sees it.
    const third = await loadKnowledgeBase(dir, { cacheDir });
    expect(third.stats).toMatchObject({ parsed: 0, reused: 2 });
    expect(
      kbOf(third)
        .roles.get('operations-manager')
        ?.salaries.map((s) => s.amount),
    ).toEqual([75844, 81000]);
  });

  it('GIVEN a file touched but not changed THEN its bytes match the cache and nothing is parsed', async () => {
    const { dir, cacheDir } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    const now = new Date();
    utimesSync(join(dir, MANAGER_VS_LEAD), now, now);
    const result = await loadKnowledgeBase(dir, { cacheDir });
    expect(result.stats).toMatchObject({ parsed: 0, reused: 2 });
  });

  it('GIVEN an edit that keeps size and mtime, made just after the cache was written THEN the bytes decide', async () => {
    const { dir, cacheDir } = setup();
    const path = join(dir, MANAGER_VS_LEAD);
    const recent = new Date(Date.now() - 1_000);
    utimesSync(path, recent, recent);
    await loadKnowledgeBase(dir, { cacheDir });
    // Same length, same mtime: only the hash can tell (a stamp this recent is not trusted).
    edit(path, (text) => text.replace('amount: 80000', 'amount: 80001'), recent);
    const result = await loadKnowledgeBase(dir, { cacheDir });
    expect(result.stats.parsed).toBe(1);
    expect(
      kbOf(result)
        .roles.get('operations-manager')
        ?.salaries.map((s) => s.amount),
    ).toEqual([75844, 80001]);
  });

  it('GIVEN a deleted file THEN its roles and comparison are gone', async () => {
    const { dir, cacheDir } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    rmSync(join(dir, MANAGER_VS_LEAD));
    const result = await loadKnowledgeBase(dir, { cacheDir });
    expect(result.stats).toMatchObject({ files: 1, parsed: 0, reused: 1, cacheWritten: true });
    const kb = kbOf(result);
    expect(kb.roles.has('warehouse-lead')).toBe(false);
    expect(kb.comparisons.map((c) => c.id)).toEqual(['operations-manager-vs-plant-supervisor']);
  });

  it('GIVEN a corrupt cache THEN it is ignored, everything parsed, and a good cache written', async () => {
    const { dir, cacheDir } = setup();
    const first = await loadKnowledgeBase(dir, { cacheDir });
    const file = cacheFileFor(cacheDir, dir);
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 40] = (flipped[flipped.length - 40] ?? 0) ^ 0xff;
    for (const corrupt of [
      good.subarray(0, good.length / 2),
      Buffer.from('not json at all'),
      flipped,
      Buffer.concat([good, Buffer.from('{"extra":true}\n')]),
    ]) {
      writeFileSync(file, corrupt);
      const result = await loadKnowledgeBase(dir, { cacheDir });
      expect(result.stats).toMatchObject({ cache: 'ignored', parsed: 2, cacheWritten: true });
      expect(content(kbOf(result))).toEqual(content(kbOf(first)));
      expect((await loadKnowledgeBase(dir, { cacheDir })).stats).toMatchObject({ cache: 'read', parsed: 0 });
    }
  });

  it('GIVEN a cache whose hash matches but whose content is not a list of parsed articles THEN it is ignored', async () => {
    const { dir, cacheDir } = setup();
    const first = await loadKnowledgeBase(dir, { cacheDir });
    const file = cacheFileFor(cacheDir, dir);
    const header = JSON.parse(headerOf(readFileSync(file))) as SealedExpectation;
    const sealed = (value: unknown): void => {
      expect(writeSealed(file, header, value, /^$/u)).toBeUndefined();
    };
    const strings = ['articles/x.md'];
    for (const value of [
      { not: 'a cache' },
      { checkedAt: 0, count: 1, strings, codes: new Int32Array([0, 10]), numbers: new Float64Array() },
      { checkedAt: 0, count: 1, strings, codes: new Int32Array([7, 7, 7, 7]), numbers: new Float64Array() },
    ]) {
      sealed(value);
      const result = await loadKnowledgeBase(dir, { cacheDir });
      expect(result.stats).toMatchObject({ cache: 'ignored', parsed: 2, cacheWritten: true });
      expect(content(kbOf(result))).toEqual(content(kbOf(first)));
    }
  });

  it('GIVEN a cache from another loader version, another directory or other topics THEN it is not trusted', async () => {
    const { dir, cacheDir } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    const file = cacheFileFor(cacheDir, dir);
    const good = readFileSync(file);
    const withHeader = (change: (header: string) => string): Buffer => {
      const head = headerOf(good);
      return Buffer.concat([Buffer.from(change(head)), good.subarray(Buffer.byteLength(head))]);
    };

    writeFileSync(
      file,
      withHeader((h) => h.replace(`"version":"${LOADER_VERSION}"`, '"version":"careerbot-loader-1"')),
    );
    const older = await loadKnowledgeBase(dir, { cacheDir });
    expect(older.stats).toMatchObject({
      cache: 'ignored',
      cacheIgnored: 'written by careerbot-loader-1',
      parsed: 2,
    });

    writeFileSync(
      file,
      withHeader((h) => h.replace(/"dir":"[^"]*"/u, '"dir":"/somewhere/else"')),
    );
    expect((await loadKnowledgeBase(dir, { cacheDir })).stats).toMatchObject({ cache: 'ignored', parsed: 2 });

    // Other topics give headings other meanings: every article is read again under the new ones.
    const topics = readFileSync(join(import.meta.dirname, '..', '..', 'knowledge', 'topics.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'topics.yaml'),
      topics.replace('      - overview\n', '      - overview\n      - the gist\n'),
    );
    const retopiced = await loadKnowledgeBase(dir, { cacheDir });
    expect(retopiced.stats).toMatchObject({
      cache: 'ignored',
      cacheIgnored: 'the topics changed',
      parsed: 2,
    });
  });

  it('GIVEN the JSON cache of an older loader beside the directory THEN it is removed when the new cache is written', async () => {
    const { dir, cacheDir } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    const legacy = cacheFileFor(cacheDir, dir).replace(/\.v8$/u, '.jsonl');
    writeFileSync(legacy, '{"format":"careerbot-parse-cache","loader":"careerbot-loader-3"}\n');
    rmSync(cacheFileFor(cacheDir, dir));
    expect((await loadKnowledgeBase(dir, { cacheDir })).stats).toMatchObject({ cacheWritten: true });
    expect(readdirSync(cacheDir)).not.toContain(legacy.slice(cacheDir.length + 1));
  });

  it('GIVEN no cache folder at all, or one deleted THEN everything works, parsing every file', async () => {
    const { dir, cacheDir } = setup();
    const without = await loadKnowledgeBase(dir);
    expect(without.stats).toMatchObject({ cache: 'off', parsed: 2, cacheWritten: false });
    await loadKnowledgeBase(dir, { cacheDir });
    rmSync(cacheDir, { recursive: true });
    const again = await loadKnowledgeBase(dir, { cacheDir });
    expect(again.stats).toMatchObject({ cache: 'missing', parsed: 2 });
    expect(content(kbOf(again))).toEqual(content(kbOf(without)));
  });

  it('GIVEN the cache of a directory since deleted THEN the next cache written removes it, and keeps the others', async () => {
    const { dir, cacheDir } = setup();
    const gone = join(work ?? '', 'gone');
    const kept = join(work ?? '', 'kept');
    cpSync(dir, gone, { recursive: true });
    cpSync(dir, kept, { recursive: true });
    await loadKnowledgeBase(gone, { cacheDir });
    await loadKnowledgeBase(kept, { cacheDir });
    rmSync(gone, { recursive: true });
    await loadKnowledgeBase(dir, { cacheDir });
    const names = readdirSync(cacheDir);
    expect(names.filter((n) => n.startsWith('knowledge-')).sort()).toEqual(
      [cacheFileFor(cacheDir, dir), cacheFileFor(cacheDir, kept)]
        .map((f) => f.slice(cacheDir.length + 1))
        .sort(),
    );
    // The parsed topics of each directory are kept beside its articles, and pruned with them.
    expect(names.filter((n) => n.startsWith('topics-'))).toHaveLength(2);
  });

  it('GIVEN a file with problems THEN it is never cached, and its problems are reported at every start', async () => {
    const { dir, cacheDir } = setup();
    edit(join(dir, MANAGER_VS_LEAD), (text) => text.replace('## Duties', '## Dutys'));
    const first = await loadKnowledgeBase(dir, { cacheDir });
    const second = await loadKnowledgeBase(dir, { cacheDir });
    expect(second.stats).toMatchObject({ cache: 'read', parsed: 1, reused: 1 });
    const problems = (r: LoadResult): string[] => (r.ok ? [] : r.problems.map(formatProblem));
    expect(problems(second)).toEqual(problems(first));
    expect(problems(second)).toEqual([
      expect.stringMatching(/warehouse-lead\.md:\d+ ## Dutys: unknown topic "Dutys"/u),
    ]);
  });
});

describe('a reload with open data', () => {
  it('GIVEN unchanged open-data files THEN the previous open data is reused; WHEN one changes THEN it is read again', async () => {
    work = mkdtempSync(join(tmpdir(), 'careerbot-cache-'));
    const dir = join(work, 'knowledge');
    cpSync(join(import.meta.dirname, '..', '..', 'knowledge'), dir, { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of readdirSync(join(dir, 'open-data')))
      utimesSync(join(dir, 'open-data', name), hourAgo, hourAgo);
    const first = await loadKnowledgeBase(dir);
    const file = 'articles/head-of-operations-vs-chief-operating-officer.md';
    const again = await loadKnowledgeBase(dir, { previous: first.loaded, changed: [file] });
    expect(first.loaded.openData).toBeDefined();
    expect(again.loaded.openData).toBe(first.loaded.openData);
    expect(kbOf(again).roles.size).toBe(kbOf(first).roles.size);

    const readme = join(dir, 'open-data', 'README.md');
    writeFileSync(readme, `${readFileSync(readme, 'utf8')}\n`);
    const changed = await loadKnowledgeBase(dir, { previous: again.loaded });
    expect(changed.loaded.openData).not.toBe(first.loaded.openData);
    expect(kbOf(changed).roles.size).toBe(kbOf(first).roles.size);
  });
});
