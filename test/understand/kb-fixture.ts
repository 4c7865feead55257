import {
  createKnowledgeBase,
  type KnowledgeBase,
  type Role,
  type Source,
} from '../../src/knowledge/model.js';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { deriveKnowledge, type Knowledge } from '../../src/engine/engine.js';

const source: Source = { title: 'Fixture article', file: 'articles/fixture.md' };

/** A minimal role for hand-made knowledge bases (scale and edge-case tests). */
export function fixtureRole(id: string, title: string, aliases: readonly string[]): Role {
  return {
    id,
    title,
    aliases,
    summary: `${title} summary.`,
    facts: { overview: [{ text: `${title} summary.`, source }] },
    salaries: [],
    ladder: { reportsTo: [], stepTowards: [], comesFrom: [] },
    comparisons: [],
  };
}

/** A knowledge base with the bundled topics and the given roles. */
export function kbWithRoles(base: KnowledgeBase, roles: readonly Role[]): KnowledgeBase {
  return createKnowledgeBase({
    dir: 'fixture',
    topics: base.topics,
    roles: new Map(roles.map((r) => [r.id, r])),
    comparisons: [],
    conflicts: [],
  });
}

let bundled: Promise<Knowledge> | undefined;

/**
 * The bundled articles (knowledge/ without its open-data/), loaded once per test file and indexed.
 * These tests were written for the curated roles; the open data's 1,016 occupations change what
 * short questions match, and are tested on their own.
 */
export function bundledKnowledge(): Promise<Knowledge> {
  bundled ??= loadKnowledgeBase(articlesOnlyCopy()).then((result) => {
    if (!result.ok)
      throw new Error(`bundled knowledge base failed to load: ${JSON.stringify(result.problems)}`);
    return deriveKnowledge(result.kb);
  });
  return bundled;
}

/** A temporary copy of knowledge/ without open-data/ (what a directory of articles only looks like). */
export function articlesOnlyCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'careerbot-articles-')), 'knowledge');
  cpSync('knowledge', dir, { recursive: true, filter: (src) => !src.split(sep).includes('open-data') });
  return dir;
}
