/**
 * The open-data cache: the result of `loadOpenData` (validated occupations, wages, projections and
 * roles) stored in CACHE_DIR, one file per knowledge directory (open-data-<hash of the directory>.v8),
 * so a start reads one file (about 0.1 s) instead of parsing and validating about 4 MB of TSV with zod
 * (about 0.5 s). Only an optimization: a missing, corrupt, foreign or outdated cache is ignored and
 * rebuilt, never trusted.
 *
 * The key is every open-data file's name, size, mtime and sha256 (hashing the few MB costs a few ms,
 * and makes an edit within the same mtime tick safe), the curated role ids the occupations were
 * checked against, and OPEN_DATA_CACHE_VERSION. The file is a sealed file (src/knowledge/sealed-file.ts):
 * node:v8 keeps Maps and shared objects (an occupation's wages are the same object as the wages table's
 * entry). Only results without problems are cached.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoleId } from '../model.js';
import { readSealed, sealedFileFor, sealedFilePattern, writeSealed } from '../sealed-file.js';
import { loadOpenData, OPEN_DATA_FILES, type OpenDataResult } from './load.js';

/**
 * Part of every key: bump it whenever `loadOpenData` gives a different result for the same bytes (a
 * new field, another message, another role id), so caches written by another version are ignored.
 */
export const OPEN_DATA_CACHE_VERSION = 'careerbot-open-data-1';

const FORMAT = 'careerbot-open-data-cache';
const PREFIX = 'open-data';

export type OpenDataCacheStatus = 'off' | 'read' | 'missing' | 'ignored';

export interface CachedOpenData {
  readonly result: OpenDataResult;
  /** `off` without a cache folder. */
  readonly cache: OpenDataCacheStatus;
  /** Why the cache was ignored. */
  readonly ignored?: string;
  /** Whether a cache was written now; absent when none had to be. */
  readonly written?: boolean;
  /** Why the cache could not be written. */
  readonly writeError?: string;
}

/** The cache file of one open-data folder, named after its absolute path. */
export function openDataCacheFileFor(cacheDir: string, openDir: string): string {
  return sealedFileFor(cacheDir, PREFIX, openDir);
}

/** Name, size, mtime and hash of every file the loader reads, and the ids it checks against. */
function keyOf(openDir: string, taken: ReadonlySet<RoleId>): string {
  const hash = createHash('sha256').update(OPEN_DATA_CACHE_VERSION);
  for (const name of Object.values(OPEN_DATA_FILES).sort()) {
    let fd: number;
    try {
      fd = openSync(join(openDir, name), 'r');
    } catch {
      hash.update(`\u0000${name}\u0000missing`);
      continue;
    }
    try {
      const { size, mtimeMs } = fstatSync(fd);
      hash.update(`\u0000${name}\u0000${size}\u0000${mtimeMs}\u0000`).update(readFileSync(fd));
    } finally {
      closeSync(fd);
    }
  }
  for (const id of [...taken].sort()) hash.update(`\u0000id\u0000${id}`);
  return hash.digest('base64');
}

/** A light check of the shape: the payload's hash already vouches for its bytes. */
function isResult(value: unknown): value is OpenDataResult {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<OpenDataResult>;
  const data = r.openData;
  return (
    Array.isArray(r.roles) &&
    Array.isArray(r.problems) &&
    r.problems.length === 0 &&
    Array.isArray(r.warnings) &&
    data !== undefined &&
    data.occupations instanceof Map &&
    data.wages instanceof Map &&
    data.projections instanceof Map &&
    data.occupations.size === r.roles.length
  );
}

/**
 * `loadOpenData`, through the cache in `cacheDir` when there is one: the same result either way.
 * Never throws for the cache: one that cannot be read is ignored, one that cannot be written is reported.
 */
export async function loadOpenDataCached(
  openDir: string,
  taken: ReadonlySet<RoleId>,
  cacheDir: string | undefined,
): Promise<CachedOpenData> {
  if (cacheDir === undefined) return { result: await loadOpenData(openDir, taken), cache: 'off' };
  const file = openDataCacheFileFor(cacheDir, openDir);
  let key: string;
  try {
    key = keyOf(openDir, taken);
  } catch {
    // A file that cannot be read: the loader reports it.
    return { result: await loadOpenData(openDir, taken), cache: 'off' };
  }
  const expect = {
    format: FORMAT,
    version: OPEN_DATA_CACHE_VERSION,
    dir: openDir,
    key,
    changed: 'the open-data files or the curated roles changed',
  };
  const read = readSealed(file, expect, isResult);
  if ('value' in read) return { result: read.value, cache: 'read' };
  const result = await loadOpenData(openDir, taken);
  const status =
    'missing' in read
      ? ({ cache: 'missing' } as const)
      : ({ cache: 'ignored', ignored: read.ignored } as const);
  if (result.problems.length > 0 || result.openData === undefined) return { result, ...status };
  const writeError = writeSealed(file, expect, result, sealedFilePattern(PREFIX));
  return {
    result,
    ...status,
    written: writeError === undefined,
    ...(writeError === undefined ? {} : { writeError }),
  };
}
