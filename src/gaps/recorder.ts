import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../log.js';
import type { Query } from '../understand/query.js';
import { gapEntry } from './entry.js';

export interface GapRecorderOptions {
  readonly file: string;
  readonly enabled: boolean;
  /** Rotate when the file would grow past this many bytes. Default 1 MiB. */
  readonly maxBytes?: number;
  /** Files kept in all, the current one included (gaps.jsonl, gaps.jsonl.1, ...). Default 3. */
  readonly maxFiles?: number;
}

export const DEFAULT_GAPS_MAX_BYTES = 1024 * 1024;
export const DEFAULT_GAPS_MAX_FILES = 3;

/** The rotated files of a gaps log, newest first: gaps.jsonl.1, gaps.jsonl.2, ... */
export function rotatedFiles(file: string, maxFiles: number): string[] {
  return Array.from({ length: Math.max(0, maxFiles - 1) }, (_, i) => `${file}.${i + 1}`);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * Record questions that ended in `unknown` or `clarify` as JSON lines (no user or conversation ids),
 * for `npm run kb:gaps`. Appends synchronously (a line is small); rotates at `maxBytes` and keeps
 * `maxFiles` files, so the log stays within maxBytes x maxFiles. Never throws: a failed write is
 * logged and the entry dropped.
 */
export function createGapRecorder(
  options: GapRecorderOptions,
  logger: Logger,
): (text: string, query: Query) => void {
  if (!options.enabled) return () => {};
  const maxBytes = Math.max(256, options.maxBytes ?? DEFAULT_GAPS_MAX_BYTES);
  const maxFiles = Math.max(1, options.maxFiles ?? DEFAULT_GAPS_MAX_FILES);
  let size: number | undefined;
  let failures = 0;

  const rotate = (): void => {
    const rotated = rotatedFiles(options.file, maxFiles);
    if (rotated.length === 0) {
      rmSync(options.file, { force: true });
      return;
    }
    rmSync(rotated[rotated.length - 1] ?? '', { force: true });
    for (let i = rotated.length - 1; i > 0; i--) {
      const from = rotated[i - 1] ?? '';
      if (sizeOf(from) > 0) renameSync(from, rotated[i] ?? '');
    }
    renameSync(options.file, rotated[0] ?? '');
  };

  return (text, query) => {
    try {
      const entry = gapEntry(text, query);
      if (entry === undefined) return;
      const line = `${JSON.stringify(entry)}\n`;
      const bytes = Buffer.byteLength(line);
      if (size === undefined) {
        mkdirSync(dirname(options.file), { recursive: true });
        size = sizeOf(options.file);
      }
      if (size > 0 && size + bytes > maxBytes) {
        rotate();
        size = 0;
      }
      appendFileSync(options.file, line, 'utf8');
      size += bytes;
    } catch (error) {
      size = undefined;
      failures++;
      // The first failure is worth an error; a full disk would otherwise flood the log.
      const level = failures === 1 ? 'error' : 'debug';
      logger[level]({ err: error, file: options.file }, 'could not record an unanswered question; dropped');
    }
  };
}
