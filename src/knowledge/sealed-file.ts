/**
 * A sealed cache file: one JSON header line (format, version, the directory it belongs to, the key of
 * what it was built from, sha256 of the payload) and a node:v8 payload, which keeps Maps and shared
 * objects and reads back several times faster than JSON. Used by the open-data cache and the role-index
 * cache. Only an optimization: a missing, corrupt, foreign or outdated file is reported as such and
 * never trusted; writing is atomic (a temporary file renamed over the old one), so a crash or a second
 * process never leaves half a file.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** What a sealed file must say about itself to be used. */
export interface SealedExpectation {
  /** The kind of file (`careerbot-open-data-cache`); anything else is foreign. */
  readonly format: string;
  /** The writer's version; another one wrote a different shape. */
  readonly version: string;
  /** The directory the content belongs to (absolute). */
  readonly dir: string;
  /** The key of what the content was built from; another key means the sources changed. */
  readonly key: string;
  /** Why a file with another key is ignored, in words ("the open-data files changed"). */
  readonly changed: string;
}

export type SealedRead<T> = { readonly value: T } | { readonly missing: true } | { readonly ignored: string };

interface Header {
  readonly format: string;
  readonly version: string;
  readonly dir: string;
  readonly key: string;
  readonly payload: string;
}

/** A header line is far shorter than this (the key and the hash are 44 characters each). */
const HEADER_BYTES = 4096;

/** sha256 of some bytes, base64: a payload's seal, and a file's stamp in the parse cache. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** The part of a cache file's name that says which directory it belongs to. */
export function directoryKey(dir: string): string {
  return createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
}

/** The file in `cacheDir` for one directory's content of one kind: `<prefix>-<hash of dir>.v8`. */
export function sealedFileFor(cacheDir: string, prefix: string, dir: string): string {
  return join(cacheDir, `${prefix}-${directoryKey(dir)}.v8`);
}

/** The pattern of the files `sealedFileFor` names, for pruning. */
export const sealedFilePattern = (prefix: string): RegExp => new RegExp(`^${prefix}-[0-9a-f]{16}\\.v8$`, 'u');

/**
 * The value in `file` when its header matches `expect` and its payload its hash, and `isValue` accepts
 * what the payload holds (a light check of the shape: the hash already vouches for the bytes).
 */
export function readSealed<T>(
  file: string,
  expect: SealedExpectation,
  isValue: (value: unknown) => value is T,
): SealedRead<T> {
  // The header first: an outdated file (the usual case after an edit) is not read whole.
  let head: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    head = Buffer.alloc(HEADER_BYTES);
    head = head.subarray(0, readSync(fd, head, 0, HEADER_BYTES, 0));
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { ignored: `cannot be read: ${(error as Error).message}` };
  }
  const foreign = { ignored: `not a ${expect.format} file` } as const;
  const end = head.indexOf(10);
  let parsed: unknown;
  try {
    parsed = end < 0 ? undefined : JSON.parse(head.toString('utf8', 0, end));
  } catch {
    parsed = undefined;
  }
  const header = (parsed ?? {}) as Partial<Header>;
  const verdict =
    parsed === null || typeof parsed !== 'object' || header.format !== expect.format
      ? foreign
      : header.version !== expect.version
        ? { ignored: `written by ${String(header.version)}` }
        : header.dir !== resolve(expect.dir)
          ? { ignored: `for another directory (${String(header.dir)})` }
          : header.key !== expect.key
            ? { ignored: expect.changed }
            : undefined;
  let bytes: Buffer;
  try {
    if (verdict !== undefined) return verdict;
    bytes = readFileSync(fd);
  } catch (error) {
    return { ignored: `cannot be read: ${(error as Error).message}` };
  } finally {
    closeSync(fd);
  }
  // The header was read at an explicit position, which leaves the descriptor at 0: `bytes` is the file.
  const payload = bytes.subarray(end + 1);
  if (header.payload !== hashBytes(payload))
    return { ignored: 'corrupt (the payload does not match its hash)' };
  let value: unknown;
  try {
    value = deserialize(payload);
  } catch {
    return { ignored: 'corrupt (cannot be read back)' };
  }
  return isValue(value) ? { value } : { ignored: `not the expected content for ${expect.format}` };
}

/**
 * Write `value` to `file` under a header saying `expect`, atomically, then prune the files of the same
 * kind whose directory no longer exists. Returns the error message instead of throwing: a cache that
 * cannot be written only makes the next start slower.
 */
export function writeSealed(
  file: string,
  expect: Omit<SealedExpectation, 'changed'>,
  value: unknown,
  pattern: RegExp,
): string | undefined {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(resolve(file, '..'), { recursive: true });
    const payload = serialize(value);
    const header: Header = {
      format: expect.format,
      version: expect.version,
      dir: resolve(expect.dir),
      key: expect.key,
      payload: hashBytes(payload),
    };
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
    renameSync(temporary, file);
    pruneOrphanCaches(resolve(file, '..'), file, pattern);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return (error as Error).message;
  }
}

/**
 * Remove the caches of knowledge directories that no longer exist (temporary copies, tests), so the
 * folder does not grow without end. Reads only the header line of each; never throws.
 */
export function pruneOrphanCaches(cacheDir: string, keep: string, pattern: RegExp): void {
  try {
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      if (path === keep || !pattern.test(name)) continue;
      const fd = openSync(path, 'r');
      let head: string;
      try {
        const buffer = Buffer.alloc(HEADER_BYTES);
        head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0)).split('\n')[0] ?? '';
      } finally {
        closeSync(fd);
      }
      let dir: unknown;
      try {
        dir = (JSON.parse(head) as { dir?: unknown }).dir;
      } catch {
        dir = undefined;
      }
      if (typeof dir === 'string' && !existsSync(dir)) rmSync(path, { force: true });
    }
  } catch {
    // Pruning is housekeeping: a folder that cannot be listed or a file that cannot be read stays.
  }
}
