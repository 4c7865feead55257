import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { cachedNameIndex } from '../../src/engine/index-cache.js';
import { deriveKnowledge, fixedKnowledge } from '../../src/engine/knowledge.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { renderText } from '../../src/render/text.js';
import { buildNameIndex } from '../../src/understand/role-index.js';
import { bundledKnowledge, fixtureRole, kbWithRoles } from '../understand/kb-fixture.js';

let work: string | undefined;
afterEach(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

function setup(): { cacheDir: string; dir: string } {
  work = mkdtempSync(join(tmpdir(), 'careerbot-index-cache-'));
  return { cacheDir: join(work, 'cache'), dir: join(work, 'knowledge') };
}

const QUESTIONS = ['coo vs head of ops salary?', 'wat dos an ops cordinator do', 'what does a barista earn?'];

/** What a user reads for each question, with the index from `names`. */
function answers(kb: KnowledgeBase, names = buildNameIndex(kb)): string[] {
  const engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(kb, names)) });
  return QUESTIONS.map((q) => renderText(engine.ask('test', q).answer));
}

describe('role-index cache', () => {
  it('GIVEN a first start WHEN the same knowledge base starts again THEN the index is read back, equal to a built one, and every answer is the same', async () => {
    const { kb } = await bundledKnowledge();
    const { cacheDir, dir } = setup();
    const first = cachedNameIndex(kb, { cacheDir, dir });
    expect(first.cache).toBe('missing');
    expect(readdirSync(cacheDir).some((n) => n.startsWith('role-index-'))).toBe(true);
    const second = cachedNameIndex(kb, { cacheDir, dir });
    expect(second.cache).toBe('read');
    expect(second.names).toEqual(buildNameIndex(kb));
    expect(answers(kb, second.names)).toEqual(answers(kb));
  });

  it('GIVEN a cached index WHEN a role is added with a new alias THEN the cache is not used and the new name is understood', async () => {
    const { kb } = await bundledKnowledge();
    const { cacheDir, dir } = setup();
    cachedNameIndex(kb, { cacheDir, dir });
    const grown = kbWithRoles(kb, [fixtureRole('barista', 'Barista', ['coffee maker'])]);
    const next = cachedNameIndex(grown, { cacheDir, dir });
    expect(next.cache).toBe('ignored');
    expect(next.ignored).toMatch(/role names/);
    const engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(grown, next.names)) });
    expect(engine.ask('t', 'what does a coffee maker earn?').query).toMatchObject({ roles: ['barista'] });
    expect(cachedNameIndex(grown, { cacheDir, dir }).cache).toBe('read');
  });

  it('GIVEN a damaged or foreign cache file THEN it is ignored and rebuilt, and the answers are unchanged', async () => {
    const { kb } = await bundledKnowledge();
    const { cacheDir, dir } = setup();
    cachedNameIndex(kb, { cacheDir, dir });
    const file = join(cacheDir, readdirSync(cacheDir).find((n) => n.startsWith('role-index-')) ?? '');
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] ?? 0) ^ 0xff;
    for (const bytes of [flipped, good.subarray(0, good.length / 2), Buffer.from('{"format":"x"}\n')]) {
      writeFileSync(file, bytes);
      const read = cachedNameIndex(kb, { cacheDir, dir });
      expect(read.cache).toBe('ignored');
      expect(answers(kb, read.names)).toEqual(answers(kb));
      expect(cachedNameIndex(kb, { cacheDir, dir }).cache).toBe('read');
    }
  });

  it('GIVEN no cache folder (CACHE_DIR=off) THEN the index is built and nothing is written', async () => {
    const { kb } = await bundledKnowledge();
    const { cacheDir, dir } = setup();
    expect(cachedNameIndex(kb, { cacheDir: undefined, dir }).cache).toBe('off');
    expect(() => readdirSync(cacheDir)).toThrow();
  });
});
