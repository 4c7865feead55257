/**
 * The open-data cache: the result of `loadOpenData` (validated occupations, wages, projections and
 * roles) stored in CACHE_DIR, one file per knowledge directory (open-data-<hash of the directory>.v8),
 * so a start reads one file (about 0.1 s) instead of parsing and validating about 4 MB of TSV with zod
 * (about 0.5 s). Only an optimization: a missing, corrupt, foreign or outdated cache is ignored and
 * rebuilt, never trusted.
 *
 * The key is every open-data file's name, size, mtime and sha256 (hashing the few MB costs a few ms,
 * and makes an edit within the same mtime tick safe), the curated role ids the occupations were
 * checked against, and OPEN_DATA_CACHE_VERSION. The file is a JSON header line (format, version,
 * directory, key, sha256 of the payload) and the payload: the result written with node:v8, which keeps
 * Maps and shared objects (an occupation's wages are the same object as the wages table's entry) and
 * reads back faster than JSON. Only results without problems are cached.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RoleId } from '../model.js';
import { loadOpenData, OPEN_DATA_FILES, type OpenDataResult } from './load.js';
import { pruneOrphanCaches } from '../cache.js';

/**
 * Part of every key: bump it whenever `loadOpenData` gives a different result for the same bytes (a
 * new field, another message, another role id), so caches written by another version are ignored.
 */
export const OPEN_DATA_CACHE_VERSION = 'careerbot-open-data-1';

const FORMAT = 'careerbot-open-data-cache';
const NAME = /^open-data-[0-9a-f]{16}\.v8$/u;

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
  const key = createHash('sha256').update(resolve(openDir)).digest('hex').slice(0, 16);
  return join(cacheDir, `open-data-${key}.v8`);
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

interface Header {
  readonly format: string;
  readonly version: string;
  readonly dir: string;
  readonly key: string;
  readonly payload: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

type Read = { readonly result: OpenDataResult } | { readonly missing: true } | { readonly ignored: string };

/** The cached result for `key`, checked: header, key, payload hash, and the shape of what it holds. */
function readCache(file: string, openDir: string, key: string): Read {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { ignored: `cannot be read: ${(error as Error).message}` };
  }
  const end = bytes.indexOf(10);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8', 0, end < 0 ? bytes.length : end));
  } catch {
    return { ignored: 'not an open-data cache' };
  }
  if (parsed === null || typeof parsed !== 'object') return { ignored: 'not an open-data cache' };
  const header = parsed as Partial<Header>;
  if (header.format !== FORMAT) return { ignored: 'not an open-data cache' };
  if (header.version !== OPEN_DATA_CACHE_VERSION) return { ignored: `written by ${String(header.version)}` };
  if (header.dir !== resolve(openDir)) return { ignored: `for another directory (${String(header.dir)})` };
  if (header.key !== key) return { ignored: 'the open-data files or the curated roles changed' };
  const payload = bytes.subarray(end + 1);
  if (header.payload !== sha256(payload)) return { ignored: 'corrupt (the payload does not match its hash)' };
  let value: unknown;
  try {
    value = deserialize(payload);
  } catch {
    return { ignored: 'corrupt (cannot be read back)' };
  }
  return isResult(value) ? { result: value } : { ignored: 'not an open-data result' };
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

/** Write the cache atomically (temporary file renamed over the old one); the error message, if any. */
function writeCache(
  cacheDir: string,
  file: string,
  openDir: string,
  key: string,
  result: OpenDataResult,
): string | undefined {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const payload = serialize(result);
    const header: Header = {
      format: FORMAT,
      version: OPEN_DATA_CACHE_VERSION,
      dir: resolve(openDir),
      key,
      payload: sha256(payload),
    };
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
    renameSync(temporary, file);
    pruneOrphanCaches(cacheDir, file, NAME);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return (error as Error).message;
  }
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
  const read = readCache(file, openDir, key);
  if ('result' in read) return { result: read.result, cache: 'read' };
  const result = await loadOpenData(openDir, taken);
  const status =
    'missing' in read
      ? ({ cache: 'missing' } as const)
      : ({ cache: 'ignored', ignored: read.ignored } as const);
  if (result.problems.length > 0 || result.openData === undefined) return { result, ...status };
  const writeError = writeCache(cacheDir, file, openDir, key, result);
  return {
    result,
    ...status,
    written: writeError === undefined,
    ...(writeError === undefined ? {} : { writeError }),
  };
}
