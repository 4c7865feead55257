/**
 * The role-index cache: the name part of the role index (src/understand/role-index.ts) kept between
 * starts in CACHE_DIR (role-index-<hash of the knowledge directory>.v8, a sealed file), because building
 * it over the 65,000 names of the bundled open data costs about half a second and reading it back about
 * a tenth of that. Only an optimization: a missing, corrupt, foreign or outdated file is ignored and the
 * index is built as without a cache.
 *
 * The key is a hash of everything the name index is built from (every role's id, origin and names, the
 * topic words: `nameIndexInput`) and of the code that builds it (every file of src/understand and
 * src/text as it runs, compiled or not, and the version of natural), so an edited knowledge base or an
 * edited normalizer never reads an index built by something else.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../knowledge/model.js';
import { readSealed, sealedFileFor, sealedFilePattern, writeSealed } from '../knowledge/sealed-file.js';
import { isVocabulary, ownedVocabulary } from '../understand/fuzzy.js';
import { buildNameIndex, nameIndexInput, type RoleNameIndex } from '../understand/role-index.js';

const FORMAT = 'careerbot-role-index-cache';
const PREFIX = 'role-index';
const VERSION = 'careerbot-role-index-2';

/** Where the cache is, and for which knowledge directory. */
export interface IndexCacheOptions {
  readonly cacheDir: string | undefined;
  readonly dir: string;
}

export type IndexCacheStatus = 'off' | 'read' | 'missing' | 'ignored';

export interface CachedNames {
  readonly names: RoleNameIndex;
  readonly cache: IndexCacheStatus;
  /** Why a cache file was ignored. */
  readonly ignored?: string;
  /** Why the cache could not be written. */
  readonly writeError?: string;
}

let codeHash: string | undefined;

/** A hash of the code that builds the name index, read once per process. */
function codeStamp(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256').update(VERSION);
  for (const folder of ['../understand/', '../text/']) {
    const root = fileURLToPath(new URL(folder, import.meta.url));
    const files = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort();
    for (const file of files)
      hash.update(`\u0000${file.slice(root.length)}\u0000`).update(readFileSync(file));
  }
  const require = createRequire(import.meta.url);
  const natural = require('natural/package.json') as { version?: unknown };
  hash.update(`\u0000natural\u0000${String(natural.version)}`);
  codeHash = hash.digest('base64');
  return codeHash;
}

/** The key of one knowledge base's name index. */
export function nameIndexKey(kb: KnowledgeBase): string {
  return createHash('sha256').update(codeStamp()).update(nameIndexInput(kb)).digest('base64');
}

const isMap = (v: unknown): boolean => v instanceof Map;

/** A light check of the shape: the payload's hash already vouches for its bytes. */
function isNameIndex(value: unknown): value is RoleNameIndex {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<RoleNameIndex>;
  return (
    typeof v.size === 'number' &&
    Array.isArray(v.roleIds) &&
    v.roleIds.length === v.size &&
    typeof v.maxAliasTokens === 'number' &&
    [v.exact, v.firstWords, v.short, v.heads, v.wordRoles, v.titleWordRoles].every(isMap) &&
    isVocabulary(v.vocab) &&
    v.topics !== undefined &&
    [v.topics.words, v.topics.exact, v.topics.phrases].every(isMap)
  );
}

/**
 * The name index of `kb`: read from the cache when it holds this knowledge base's, else built (and
 * the cache written). Never throws for the cache.
 */
export function cachedNameIndex(kb: KnowledgeBase, options: IndexCacheOptions): CachedNames {
  if (options.cacheDir === undefined) return { names: buildNameIndex(kb), cache: 'off' };
  const file = sealedFileFor(options.cacheDir, PREFIX, options.dir);
  const key = nameIndexKey(kb);
  const expect = {
    format: FORMAT,
    version: VERSION,
    dir: options.dir,
    key,
    changed: 'the role names, the topic words or the code changed',
  };
  const read = readSealed(file, expect, isNameIndex);
  if ('value' in read)
    return { names: { ...read.value, vocab: ownedVocabulary(read.value.vocab) }, cache: 'read' };
  const names = buildNameIndex(kb);
  const writeError = writeSealed(file, expect, names, sealedFilePattern(PREFIX));
  return {
    names,
    ...('missing' in read
      ? { cache: 'missing' as const }
      : { cache: 'ignored' as const, ignored: read.ignored }),
    ...(writeError === undefined ? {} : { writeError }),
  };
}
