import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../src/config/env.js';
import { createEngine } from '../../../src/engine/engine.js';
import { deriveKnowledge, fixedKnowledge } from '../../../src/engine/knowledge.js';
import { formatProblem, loadKnowledgeBase, type LoadResult } from '../../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../../src/knowledge/model.js';
import { openDataCacheFileFor, OPEN_DATA_CACHE_VERSION } from '../../../src/knowledge/open-data/cache.js';
import { renderText } from '../../../src/render/text.js';

/** The open-data cache on a copy of the bundled knowledge base (articles and open data). */

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

function setup(): { dir: string; cacheDir: string; cacheFile: string } {
  work = mkdtempSync(join(tmpdir(), 'careerbot-open-data-cache-'));
  const dir = join(work, 'knowledge');
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const cacheDir = join(work, 'cache');
  return { dir, cacheDir, cacheFile: openDataCacheFileFor(cacheDir, join(dir, 'open-data')) };
}

function kbOf(result: LoadResult): KnowledgeBase {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.kb;
}

const QUESTIONS = [
  'how much does a dentist make?',
  'actuary vs financial manager pay',
  'what degree does a vet need?',
  'how much do orthodontists earn?',
  'engineer salary',
  'outlook for carpenters',
];

/** What a user reads for each question. */
function answers(kb: KnowledgeBase): string[] {
  const engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(kb)) });
  return QUESTIONS.map((q) => renderText(engine.ask('test', q).answer));
}

const dentistMedian = (kb: KnowledgeBase): unknown =>
  kb.openData?.occupations.get('29-1021.00')?.wages?.annual.median;

describe('open-data cache', () => {
  it('GIVEN a first start WHEN the bot starts again THEN the open data comes from the cache and every answer is the same as without it', async () => {
    const { dir, cacheDir, cacheFile } = setup();
    const first = await loadKnowledgeBase(dir, { cacheDir });
    expect(first.stats.openDataCache).toBe('missing');
    expect(readdirSync(cacheDir)).toContain(cacheFile.slice(cacheDir.length + 1));
    const second = await loadKnowledgeBase(dir, { cacheDir });
    expect(second.stats.openDataCache).toBe('read');
    const uncached = await loadKnowledgeBase(dir);
    expect(uncached.stats.openDataCache).toBe('off');

    const cachedKb = kbOf(second);
    const plainKb = kbOf(uncached);
    expect(dentistMedian(cachedKb)).toEqual({ kind: 'value', value: 172790 });
    expect(cachedKb.roles.size).toBe(plainKb.roles.size);
    expect([...cachedKb.roles.values()]).toEqual([...plainKb.roles.values()]);
    expect(cachedKb.openData).toEqual(plainKb.openData);
    const fromCache = answers(cachedKb);
    expect(fromCache[0]).toContain('$172,790');
    expect(fromCache).toEqual(answers(plainKb));
  });

  it('GIVEN a cached start WHEN a figure is edited in the TSV (same size) THEN the edit is served, not the cached figure', async () => {
    const { dir, cacheDir } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    const oews = join(dir, 'open-data', 'oews.tsv');
    const text = readFileSync(oews, 'utf8');
    expect(text).toContain('\t172790\t');
    writeFileSync(oews, text.replace('\t172790\t', '\t172791\t'));
    const edited = await loadKnowledgeBase(dir, { cacheDir });
    expect(edited.stats.openDataCache).toBe('ignored');
    expect(dentistMedian(kbOf(edited))).toEqual({ kind: 'value', value: 172791 });
    // The rebuilt cache holds the edit.
    const again = await loadKnowledgeBase(dir, { cacheDir });
    expect(again.stats.openDataCache).toBe('read');
    expect(dentistMedian(kbOf(again))).toEqual({ kind: 'value', value: 172791 });
  });

  it('GIVEN a cache whose bytes were damaged, cut short, or written by another version THEN it is ignored and rebuilt, never trusted', async () => {
    const { dir, cacheDir, cacheFile } = setup();
    await loadKnowledgeBase(dir, { cacheDir });
    const good = readFileSync(cacheFile);

    const flipped = Buffer.from(good);
    const at = flipped.length - 1000;
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    const damaged: Buffer[] = [
      flipped,
      good.subarray(0, good.length - 5000),
      Buffer.from('garbage\n'),
      Buffer.alloc(0),
    ];
    const header = good.toString('utf8', 0, good.indexOf(10));
    damaged.push(
      Buffer.from(
        good
          .toString('latin1')
          .replace(header, header.replace(OPEN_DATA_CACHE_VERSION, 'careerbot-open-data-0')),
        'latin1',
      ),
    );
    for (const bytes of damaged) {
      writeFileSync(cacheFile, bytes);
      const result = await loadKnowledgeBase(dir, { cacheDir });
      expect(result.stats.openDataCache).toBe('ignored');
      expect(dentistMedian(kbOf(result))).toEqual({ kind: 'value', value: 172790 });
      expect((await loadKnowledgeBase(dir, { cacheDir })).stats.openDataCache).toBe('read');
    }
  });

  it('GIVEN an invalid open-data file THEN the problem is reported at every start and nothing is cached', async () => {
    const { dir, cacheDir, cacheFile } = setup();
    const zones = join(dir, 'open-data', 'onet_job_zones.tsv');
    writeFileSync(zones, readFileSync(zones, 'utf8').replace(/\t[1-5]\t/, '\t9\t'));
    for (let i = 0; i < 2; i++) {
      const result = await loadKnowledgeBase(dir, { cacheDir });
      expect(result.ok).toBe(false);
      expect(result.stats.openDataCache).toBe('missing');
    }
    expect(readdirSync(cacheDir)).not.toContain(cacheFile.slice(cacheDir.length + 1));
  });

  it('GIVEN no cache folder (CACHE_DIR=off) THEN the open data is loaded and nothing is written', async () => {
    const { dir, cacheDir } = setup();
    const result = await loadKnowledgeBase(dir, { cacheDir: undefined });
    expect(result.stats.openDataCache).toBe('off');
    expect(dentistMedian(kbOf(result))).toEqual({ kind: 'value', value: 172790 });
    expect(() => readdirSync(cacheDir)).toThrow();
  });
});
