/**
 * The parse cache: every article that parsed without a problem, as plain JSON, in one file per
 * knowledge directory (CACHE_DIR/knowledge-<hash of the directory>.jsonl), so a second start reads one
 * file instead of parsing thousands. Only an optimization: a missing, corrupt, foreign or outdated
 * cache is ignored and rebuilt, and what is read back is validated with zod like any outside input.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ParsedArticle, ParsedRole, Section } from './article.js';
import { articleId } from './article.js';
import type { Problem } from './problem.js';
import { RoleEntrySchema } from './schema.js';

/**
 * Part of every cache key: bump it whenever parsing gives different results for the same bytes
 * (a new field, another message), so caches written by another version of the loader are ignored.
 */
export const LOADER_VERSION = 'careerbot-loader-3';

const FORMAT = 'careerbot-parse-cache';

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
  | { readonly status: 'read'; readonly files: ReadonlyMap<string, CachedFile>; readonly checkedAt: number }
  | { readonly status: 'missing' }
  | { readonly status: 'ignored'; readonly reason: string };

/** The hash stored in a stamp. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}

/** One cache file per knowledge directory, named after its absolute path. */
export function cacheFileFor(cacheDir: string, dir: string): string {
  const key = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16);
  return join(cacheDir, `knowledge-${key}.jsonl`);
}

const line = z.number().int().min(0);
const nonEmpty = z.string().min(1);
const SectionSchema = z.strictObject({ topic: nonEmpty, text: nonEmpty });
const ProblemSchema = z.strictObject({
  file: z.string(),
  line: line.optional(),
  field: z.string().optional(),
  message: z.string(),
  hint: z.string().optional(),
});

/**
 * A role's front matter as the loader stored it, checked for shape: the full RoleEntrySchema (trims,
 * regexes, defaults) ran when the file was parsed, and costs several times more to run again.
 */
const StoredEntrySchema = z.strictObject({
  id: nonEmpty,
  title: nonEmpty,
  aliases: z.array(nonEmpty),
  summary: nonEmpty,
  salary: z
    .strictObject({
      amount: z.number().positive(),
      currency: nonEmpty,
      period: RoleEntrySchema.shape.salary.unwrap().shape.period,
      kind: RoleEntrySchema.shape.salary.unwrap().shape.kind,
    })
    .optional(),
  ladder: z
    .strictObject({
      reports_to: z.array(nonEmpty),
      step_towards: z.array(nonEmpty),
      comes_from: z.array(nonEmpty),
    })
    .optional(),
  soc: nonEmpty.optional(),
});

/** A role as stored: its position in `roles` gives its index. */
const StoredRoleSchema = z.strictObject({
  entry: StoredEntrySchema,
  titleLine: line,
  aliasLines: z.array(line),
  salaryLine: line,
  sections: z.array(SectionSchema),
});

/** An article as stored: the file it came from gives its id and its source's file. */
const StoredFileSchema = z.strictObject({
  file: z.string().min(1),
  size: z.number().int().min(0),
  mtimeMs: z.number().min(0),
  hash: z.string().min(1),
  warnings: z.array(ProblemSchema),
  article: z.strictObject({
    title: nonEmpty,
    source: z.strictObject({ title: nonEmpty, url: z.string().optional() }),
    roles: z.tuple([StoredRoleSchema, StoredRoleSchema]),
    differences: z.array(SectionSchema),
  }),
});

const HeaderSchema = z.object({
  format: z.literal(FORMAT),
  loader: z.string(),
  dir: z.string(),
  vocabulary: z.string(),
  checkedAt: z.number(),
  count: z.number().int().min(0),
});

type StoredFile = z.infer<typeof StoredFileSchema>;
type StoredRole = z.infer<typeof StoredRoleSchema>;

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

function toStored(cached: CachedFile): StoredFile {
  const { article } = cached;
  const role = (r: ParsedRole): StoredRole => ({
    entry: r.entry,
    titleLine: r.titleLine,
    aliasLines: [...r.aliasLines],
    salaryLine: r.salaryLine,
    sections: r.sections.map((s) => ({ topic: s.topic, text: s.text })),
  });
  return {
    file: cached.file,
    size: cached.size,
    mtimeMs: cached.mtimeMs,
    hash: cached.hash,
    warnings: [...cached.warnings],
    article: {
      title: article.title,
      source: { title: article.source.title, ...optional('url', article.source.url) },
      roles: [role(article.roles[0]), role(article.roles[1])],
      differences: article.differences.map((s) => ({ topic: s.topic, text: s.text })),
    },
  };
}

/**
 * Strings repeated across articles (role ids, titles, aliases, units, and a role's summary and
 * sections when several articles state the same) kept once: a role in ten articles would otherwise
 * hold ten copies of them for as long as the files are remembered.
 */
export function createStringPool(): (text: string) => string {
  const pool = new Map<string, string>();
  return (text) => {
    const known = pool.get(text);
    if (known !== undefined) return known;
    pool.set(text, text);
    return text;
  };
}

function fromStored(stored: StoredFile, share: (text: string) => string): CachedFile {
  const file = share(stored.file);
  const { article } = stored;
  const source = { title: article.source.title, file, ...optional('url', article.source.url) };
  const sections = (list: readonly z.infer<typeof SectionSchema>[]): Section[] =>
    list.map((s) => ({ topic: share(s.topic), text: share(s.text), source }));
  const role = (r: StoredRole, index: 0 | 1): ParsedRole => {
    const { entry } = r;
    const salary = entry.salary;
    const ladder = entry.ladder;
    return {
      entry: {
        id: share(entry.id),
        title: share(entry.title),
        aliases: entry.aliases.map(share),
        summary: share(entry.summary),
        ...optional(
          'salary',
          salary && {
            amount: salary.amount,
            currency: share(salary.currency),
            period: salary.period,
            kind: salary.kind,
          },
        ),
        ...optional(
          'ladder',
          ladder && {
            reports_to: ladder.reports_to.map(share),
            step_towards: ladder.step_towards.map(share),
            comes_from: ladder.comes_from.map(share),
          },
        ),
        ...optional('soc', entry.soc),
      },
      index,
      titleLine: r.titleLine,
      aliasLines: r.aliasLines,
      salaryLine: r.salaryLine,
      sections: sections(r.sections),
    };
  };
  return {
    file,
    size: stored.size,
    mtimeMs: stored.mtimeMs,
    hash: stored.hash,
    problems: [],
    warnings: stored.warnings.map((w) => ({
      file,
      message: w.message,
      ...optional('line', w.line),
      ...optional('field', w.field),
      ...optional('hint', w.hint),
    })),
    article: {
      id: articleId(file),
      file,
      title: article.title,
      source,
      roles: [role(article.roles[0], 0), role(article.roles[1], 1)],
      differences: sections(article.differences),
    },
  };
}

/** A file as one JSON text of the cache. */
export type StoredText = string & { readonly __stored: unique symbol };

/** The cache's JSON text for one file. */
export function storedText(cached: CachedFile): StoredText {
  return JSON.stringify(toStored(cached)) as StoredText;
}

/**
 * The file as the cache will give it back, from its JSON text: fresh strings that share nothing with
 * the text they were cut from (a parsed value is a slice of its file, and a slice keeps the whole
 * file alive).
 */
export function fromStoredText(text: StoredText, share: (text: string) => string): CachedFile {
  return fromStored(JSON.parse(text) as StoredFile, share);
}

export interface CacheExpectation {
  readonly dir: string;
  /** A hash of the topic vocabulary the articles were read with: headings mean other topics under another one. */
  readonly vocabulary: string;
}

/** Read and validate the cache of `dir`; anything unexpected makes it ignored, never trusted. */
export function readParseCache(cacheDir: string, expected: CacheExpectation): CacheRead {
  let text: string;
  try {
    text = readFileSync(cacheFileFor(cacheDir, expected.dir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'ignored', reason: `cannot be read: ${(error as Error).message}` };
  }
  // JSON lines: a header, then one file per line, parsed one by one so that no whole-file tree is
  // ever held (at 50,000 articles that tree alone would be hundreds of MB of short-lived objects).
  const lines = text.split('\n');
  const parse = (line: string | undefined): unknown => {
    try {
      return JSON.parse(line ?? '');
    } catch {
      return undefined;
    }
  };
  const header = HeaderSchema.safeParse(parse(lines[0]));
  if (!header.success) return { status: 'ignored', reason: 'not a careerbot parse cache' };
  const { data } = header;
  if (data.loader !== LOADER_VERSION) return { status: 'ignored', reason: `written by ${data.loader}` };
  if (data.dir !== resolve(expected.dir))
    return { status: 'ignored', reason: `for another directory (${data.dir})` };
  if (data.vocabulary !== expected.vocabulary) return { status: 'ignored', reason: 'the topics changed' };
  if (lines.length !== data.count + 2 || lines[lines.length - 1] !== '') {
    return { status: 'ignored', reason: 'cut short or padded' };
  }
  const share = createStringPool();
  const files = new Map<string, CachedFile>();
  for (let i = 1; i <= data.count; i++) {
    const stored = StoredFileSchema.safeParse(parse(lines[i]));
    if (!stored.success) return { status: 'ignored', reason: `line ${i + 1} is not a parsed article` };
    const cached = fromStored(stored.data, share);
    files.set(cached.file, cached);
  }
  return { status: 'read', files, checkedAt: data.checkedAt };
}

/**
 * Remove the caches of knowledge directories that no longer exist (temporary copies, tests), so the
 * folder does not grow without end. Reads only the first line of each; never throws.
 */
export function pruneOrphanCaches(cacheDir: string, keep: string, pattern: RegExp): void {
  try {
    for (const name of readdirSync(cacheDir)) {
      const path = join(cacheDir, name);
      if (path === keep || !pattern.test(name)) continue;
      const fd = openSync(path, 'r');
      let head: string;
      try {
        const buffer = Buffer.alloc(4096);
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

/**
 * Write the cache of `dir` atomically (a temporary file renamed over the old one), so a crash or a
 * second process never leaves half a cache. Returns the error message instead of throwing: a cache
 * that cannot be written only makes the next start slower.
 */
export function writeParseCache(
  cacheDir: string,
  expected: CacheExpectation,
  files: Iterable<CachedFile | StoredText>,
  checkedAt: number,
): string | undefined {
  const target = cacheFileFor(cacheDir, expected.dir);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const parts: string[] = [];
    for (const item of files) parts.push(typeof item === 'string' ? item : storedText(item));
    const header = JSON.stringify({
      format: FORMAT,
      loader: LOADER_VERSION,
      dir: resolve(expected.dir),
      vocabulary: expected.vocabulary,
      checkedAt,
      count: parts.length,
    });
    parts.unshift(header);
    parts.push('');
    writeFileSync(temporary, parts.join('\n'));
    renameSync(temporary, target);
    pruneOrphanCaches(cacheDir, target, /^knowledge-[0-9a-f]{16}\.jsonl$/u);
    return undefined;
  } catch (error) {
    rmSync(temporary, { force: true });
    return (error as Error).message;
  }
}
