/**
 * The parse cache: every article that parsed without a problem, in one sealed file per knowledge
 * directory (CACHE_DIR/knowledge-<hash of the directory>.v8, see sealed-file.ts), so a second start
 * reads one file instead of parsing thousands. The payload is a string table (each distinct string
 * once: role ids, titles, aliases and texts repeated across articles are stored and read back once)
 * and two typed arrays that refer to it, which node:v8 reads back as memory copies; decoding builds the
 * articles directly, with no JSON tree, no string pool and no schema run again: the payload's hash
 * vouches for its bytes, and decoding checks every reference and count as it goes. Only an
 * optimization: a missing, corrupt, foreign or outdated cache is ignored and rebuilt, never trusted.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedArticle, ParsedRole, Section } from './article.js';
import { articleId } from './article.js';
import type { Problem } from './problem.js';
import type { RoleEntry } from './schema.js';
import { directoryKey, readSealed, sealedFileFor, sealedFilePattern, writeSealed } from './sealed-file.js';

/**
 * Part of every cache key: bump it whenever parsing gives different results for the same bytes
 * (a new field, another message), so caches written by another version of the loader are ignored.
 */
export const LOADER_VERSION = 'careerbot-loader-5';

const FORMAT = 'careerbot-parse-cache';
const PREFIX = 'knowledge';

/** What a file looked like when it was parsed: the fast check (stat) and the sure one (hash). */
export interface FileStamp {
  /** Path relative to the knowledge directory, with `/`. */
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** sha256 of the file's bytes, base64. */
  readonly hash: string;
}

/** A file that parsed without a problem, with its warnings. */
export interface CachedFile extends FileStamp {
  readonly article: ParsedArticle;
  /** Always empty: a file with problems is parsed again each time, so they are reported each time. */
  readonly problems: readonly [];
  readonly warnings: readonly Problem[];
}

export type CacheRead =
  | {
      readonly status: 'read';
      readonly files: ReadonlyMap<string, CachedFile>;
      readonly checkedAt: number;
      /** The part written after the files (the built knowledge base), when there is one. */
      readonly extra?: ReadExtra;
    }
  | { readonly status: 'missing' }
  | { readonly status: 'ignored'; readonly reason: string };

export { hashBytes } from './sealed-file.js';

/** One cache file per knowledge directory, named after its absolute path. */
export function cacheFileFor(cacheDir: string, dir: string): string {
  return sealedFileFor(cacheDir, PREFIX, dir);
}

/** The JSON cache of loader versions up to careerbot-loader-3, removed when a sealed one is written. */
function legacyCacheFileFor(cacheDir: string, dir: string): string {
  return join(cacheDir, `knowledge-${directoryKey(dir)}.jsonl`);
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * Parsed files as the cache stores them: each distinct string once in `strings`, everything else a
 * stream of integers in `codes` (string references, counts, line numbers; -1 for an absent optional
 * string) and the non-integers (mtimes, salary amounts) in `numbers`.
 */
export interface EncodedFiles {
  readonly count: number;
  readonly strings: readonly string[];
  readonly codes: Int32Array;
  readonly numbers: Float64Array;
}

/**
 * What a later part of the payload (the built knowledge base, src/knowledge/build-cache.ts) is written
 * with: the same string table and number streams as the files.
 */
export interface CacheWriter {
  string(text: string): void;
  optionalString(text: string | undefined): void;
  int(value: number): void;
  number(value: number): void;
}

/** What a later part is read back with: every read checked, a bad one throws `Malformed`. */
export interface CacheReader {
  int(): number;
  /** A non-negative count no larger than what is left. */
  count(): number;
  str(): string;
  optionalStr(): string | undefined;
  num(): number;
}

/** Writes parsed files into one string table and two number streams. */
class Encoder implements CacheWriter {
  readonly #strings: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #codes: number[] = [];
  readonly #numbers: number[] = [];
  #count = 0;

  string(text: string): void {
    let at = this.#index.get(text);
    if (at === undefined) {
      at = this.#strings.length;
      this.#strings.push(text);
      this.#index.set(text, at);
    }
    this.#codes.push(at);
  }

  optionalString(text: string | undefined): void {
    if (text === undefined) this.#codes.push(-1);
    else this.string(text);
  }

  int(value: number): void {
    this.#codes.push(value);
  }

  number(value: number): void {
    this.#codes.push(this.#numbers.length);
    this.#numbers.push(value);
  }

  strings(list: readonly string[]): void {
    this.int(list.length);
    for (const text of list) this.string(text);
  }

  sections(list: readonly Section[]): void {
    this.int(list.length);
    for (const section of list) {
      this.string(section.topic);
      this.string(section.text);
    }
  }

  role(role: ParsedRole): void {
    const { entry } = role;
    this.string(entry.id);
    this.string(entry.title);
    this.strings(entry.aliases);
    this.string(entry.summary);
    const { salary, ladder } = entry;
    if (salary === undefined) this.int(0);
    else {
      this.int(1);
      this.number(salary.amount);
      this.string(salary.currency);
      this.string(salary.period);
      this.string(salary.kind);
    }
    if (ladder === undefined) this.int(0);
    else {
      this.int(1);
      this.strings(ladder.reports_to);
      this.strings(ladder.step_towards);
      this.strings(ladder.comes_from);
    }
    this.optionalString(entry.soc);
    this.int(role.titleLine);
    this.int(role.aliasLines.length);
    for (const line of role.aliasLines) this.int(line);
    this.int(role.salaryLine);
    this.sections(role.sections);
  }

  file(cached: CachedFile): void {
    this.#count++;
    this.string(cached.file);
    this.int(cached.size);
    this.number(cached.mtimeMs);
    this.string(cached.hash);
    this.int(cached.warnings.length);
    for (const w of cached.warnings) {
      this.string(w.message);
      this.int(w.line ?? -1);
      this.optionalString(w.field);
      this.optionalString(w.hint);
    }
    const { article } = cached;
    this.string(article.title);
    this.string(article.source.title);
    this.optionalString(article.source.url);
    this.role(article.roles[0]);
    this.role(article.roles[1]);
    this.sections(article.differences);
  }

  /** Where the next code goes: the end of the files, when a later part starts. */
  get position(): number {
    return this.#codes.length;
  }

  done(): EncodedFiles {
    return {
      count: this.#count,
      strings: this.#strings,
      codes: Int32Array.from(this.#codes),
      numbers: Float64Array.from(this.#numbers),
    };
  }
}

/** Parsed files in the cache's form. */
export function encodeFiles(files: Iterable<CachedFile>): EncodedFiles {
  const encoder = new Encoder();
  for (const file of files) encoder.file(file);
  return encoder.done();
}

/** A payload that does not decode: the cache is ignored. */
export class Malformed extends Error {}

/** One frozen empty list for every empty list read back (most files have no warnings, many roles no aliases). */
const NONE: readonly never[] = Object.freeze([]);
const NO_PROBLEMS = NONE as readonly never[] as readonly [];

const PERIODS: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day', 'hour']);
const KINDS: ReadonlySet<string> = new Set(['average', 'median', 'starting']);

/**
 * The files of `encoded`, built straight from the table. Every reference and count is checked as it
 * is read (a bad one throws Malformed).
 */
function decodeFiles(
  encoded: EncodedFiles,
  onFile: (file: CachedFile) => void,
  end = encoded.codes.length,
): void {
  const { strings, codes, numbers } = encoded;
  let at = 0;
  const int = (): number => {
    if (at >= end) throw new Malformed('cut short');
    return codes[at++] as number;
  };
  const str = (): string => {
    const text = strings[int()];
    if (typeof text !== 'string') throw new Malformed('not a text');
    return text;
  };
  const optionalStr = (): string | undefined => {
    const i = int();
    if (i === -1) return undefined;
    at--;
    return str();
  };
  const num = (): number => {
    const value = numbers[int()];
    if (value === undefined) throw new Malformed('not a number');
    return value;
  };
  const count = (): number => {
    const n = int();
    if (n < 0 || n > end - at) throw new Malformed('not a count');
    return n;
  };
  // RoleEntry's lists are typed mutable (z.infer); nothing changes a parsed article's lists.
  const list = (): string[] => {
    const n = count();
    if (n === 0) return NONE as readonly string[] as string[];
    const out = new Array<string>(n);
    for (let i = 0; i < out.length; i++) out[i] = str();
    return out;
  };
  const sections = (source: Section['source']): readonly Section[] => {
    const n = count();
    if (n === 0) return NONE;
    const out = new Array<Section>(n);
    for (let i = 0; i < out.length; i++) {
      const topic = str();
      out[i] = { topic, text: str(), source };
    }
    return out;
  };
  const oneOf = <T extends string>(allowed: ReadonlySet<string>): T => {
    const text = str();
    if (!allowed.has(text)) throw new Malformed('not an allowed value');
    return text as T;
  };
  const role = (index: 0 | 1, source: Section['source']): ParsedRole => {
    const id = str();
    const title = str();
    const aliases = list();
    const summary = str();
    let salary: RoleEntry['salary'];
    if (int() === 1) {
      const amount = num();
      const currency = str();
      salary = { amount, currency, period: oneOf(PERIODS), kind: oneOf(KINDS) };
    }
    let ladder: RoleEntry['ladder'];
    if (int() === 1) {
      const reportsTo = list();
      const stepTowards = list();
      ladder = { reports_to: reportsTo, step_towards: stepTowards, comes_from: list() };
    }
    const soc = optionalStr();
    const entry: RoleEntry = {
      id,
      title,
      aliases,
      summary,
      ...optional('salary', salary),
      ...optional('ladder', ladder),
      ...optional('soc', soc),
    };
    const titleLine = int();
    const lines = count();
    let aliasLines: readonly number[] = NONE;
    if (lines > 0) {
      const read = new Array<number>(lines);
      for (let i = 0; i < lines; i++) read[i] = int();
      aliasLines = read;
    }
    const salaryLine = int();
    return { entry, index, titleLine, aliasLines, salaryLine, sections: sections(source) };
  };
  for (let n = 0; n < encoded.count; n++) {
    const file = str();
    const size = int();
    const mtimeMs = num();
    const hash = str();
    const noted = count();
    const read = new Array<Problem>(noted);
    for (let i = 0; i < noted; i++) {
      const message = str();
      const line = int();
      const field = optionalStr();
      const hint = optionalStr();
      read[i] = {
        file,
        message,
        ...optional('line', line === -1 ? undefined : line),
        ...optional('field', field),
        ...optional('hint', hint),
      };
    }
    const warnings: readonly Problem[] = noted === 0 ? NONE : read;
    const title = str();
    const sourceTitle = str();
    const url = optionalStr();
    const source = { title: sourceTitle, file, ...optional('url', url) };
    const first = role(0, source);
    const second = role(1, source);
    onFile({
      file,
      size,
      mtimeMs,
      hash,
      problems: NO_PROBLEMS,
      warnings,
      article: {
        id: articleId(file),
        file,
        title,
        source,
        roles: [first, second],
        differences: sections(source),
      },
    });
  }
  if (at !== end) throw new Malformed('padded');
}

/** A reader of `encoded`'s codes from `start` to the end (a later part of the payload). */
function readerOf(encoded: EncodedFiles, start: number): CacheReader & { readonly done: () => boolean } {
  const { strings, codes, numbers } = encoded;
  let at = start;
  const int = (): number => {
    if (at >= codes.length) throw new Malformed('cut short');
    return codes[at++] as number;
  };
  const str = (): string => {
    const text = strings[int()];
    if (typeof text !== 'string') throw new Malformed('not a text');
    return text;
  };
  return {
    int,
    count: () => {
      const n = int();
      if (n < 0 || n > codes.length - at) throw new Malformed('not a count');
      return n;
    },
    str,
    optionalStr: () => {
      if (codes[at] !== -1) return str();
      at++;
      return undefined;
    },
    num: () => {
      const value = numbers[int()];
      if (value === undefined) throw new Malformed('not a number');
      return value;
    },
    done: () => at === codes.length,
  };
}

export interface CacheExpectation {
  readonly dir: string;
  /** A hash of the topic vocabulary the articles were read with: headings mean other topics under another one. */
  readonly vocabulary: string;
}

interface Payload extends EncodedFiles {
  readonly checkedAt: number;
  /** A later part written after the files (`CacheExtra`): where its codes start, and its key. */
  readonly extra?: { readonly at: number; readonly key: string };
}

/**
 * A part of the payload after the files, made from them (the built knowledge base): written with the
 * files' table, valid under its own key only.
 */
export interface CacheExtra {
  readonly key: string;
  write(writer: CacheWriter): void;
}

/** The later part as read: its key, and a reading of it (undefined when it does not decode whole). */
export interface ReadExtra {
  readonly key: string;
  read<T>(decode: (reader: CacheReader) => T): T | undefined;
}

/** A light check of the shape: the payload's hash vouches for its bytes, decoding for the rest. */
function isPayload(value: unknown): value is Payload {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<Payload>;
  const extra = v.extra as unknown as Partial<NonNullable<Payload['extra']>> | null | undefined;
  return (
    typeof v.checkedAt === 'number' &&
    (extra === undefined ||
      (typeof extra === 'object' &&
        extra !== null &&
        typeof extra.key === 'string' &&
        Number.isInteger(extra.at))) &&
    typeof v.count === 'number' &&
    Number.isInteger(v.count) &&
    v.count >= 0 &&
    Array.isArray(v.strings) &&
    v.codes instanceof Int32Array &&
    v.numbers instanceof Float64Array
  );
}

const expectation = (cacheDir: string, expected: CacheExpectation) => ({
  file: cacheFileFor(cacheDir, expected.dir),
  expect: {
    format: FORMAT,
    version: LOADER_VERSION,
    dir: expected.dir,
    key: expected.vocabulary,
    changed: 'the topics changed',
  },
});

/** Read the cache of `dir`; anything unexpected makes it ignored, never trusted. */
export function readParseCache(cacheDir: string, expected: CacheExpectation): CacheRead {
  const { file, expect } = expectation(cacheDir, expected);
  const read = readSealed(file, expect, isPayload);
  if ('missing' in read) return { status: 'missing' };
  if ('ignored' in read) return { status: 'ignored', reason: read.ignored };
  const payload = read.value;
  const files = new Map<string, CachedFile>();
  const end = payload.extra?.at ?? payload.codes.length;
  if (end < 0 || end > payload.codes.length)
    return { status: 'ignored', reason: 'not a parsed article list' };
  try {
    decodeFiles(payload, (cached) => files.set(cached.file, cached), end);
  } catch (error) {
    if (!(error instanceof Malformed)) throw error;
    return { status: 'ignored', reason: `not a parsed article list (${error.message})` };
  }
  if (files.size !== payload.count) return { status: 'ignored', reason: 'a file is listed twice' };
  const extra = payload.extra;
  return {
    status: 'read',
    files,
    checkedAt: payload.checkedAt,
    ...(extra === undefined
      ? {}
      : {
          extra: {
            key: extra.key,
            read<T>(decode: (reader: CacheReader) => T): T | undefined {
              const reader = readerOf(payload, extra.at);
              try {
                const value = decode(reader);
                return reader.done() ? value : undefined;
              } catch (error) {
                if (error instanceof Malformed) return undefined;
                throw error;
              }
            },
          },
        }),
  };
}

/**
 * Write the cache of `dir` atomically (sealed-file.ts), so a crash or a second process never leaves
 * half a cache. Returns the error message instead of throwing: a cache that cannot be written only
 * makes the next start slower.
 */
export function writeParseCache(
  cacheDir: string,
  expected: CacheExpectation,
  files: Iterable<CachedFile>,
  checkedAt: number,
  extra?: CacheExtra,
): string | undefined {
  const { file, expect } = expectation(cacheDir, expected);
  const list = [...files];
  let encoder = new Encoder();
  for (const cached of list) encoder.file(cached);
  let at: number | undefined;
  if (extra !== undefined) {
    at = encoder.position;
    try {
      extra.write(encoder);
    } catch {
      // A part that cannot be written (something it does not know how to store): the files alone.
      at = undefined;
      encoder = new Encoder();
      for (const cached of list) encoder.file(cached);
    }
  }
  const payload: Payload = {
    checkedAt,
    ...encoder.done(),
    ...(at === undefined || extra === undefined ? {} : { extra: { at, key: extra.key } }),
  };
  const error = writeSealed(file, expect, payload, sealedFilePattern(PREFIX));
  if (error === undefined) rmSync(legacyCacheFileFor(cacheDir, expected.dir), { force: true });
  return error;
}
