import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { listArticlesInWorker, type Listing } from './file-list.js';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ParsedArticle } from './article.js';
import { buildKnowledgeBase, type BuildResult, type BuildState } from './build.js';
import { buildCacheKey, builtPart, readBuild } from './build-cache.js';
import {
  cacheFileFor,
  hashBytes,
  readParseCache,
  writeParseCache,
  type CachedFile,
  type CacheExpectation,
  type FileStamp,
  type ReadExtra,
} from './cache.js';
import type { KnowledgeBase, Topic } from './model.js';
import { parseFiles, type ParseJob } from './parse-files.js';
import type { Problem } from './problem.js';
import { parseTopics } from './topics.js';
import { parseTopicsCached } from './topics-cache.js';
import { loadOpenDataCached, type OpenDataCacheStatus } from './open-data/cache.js';
import { OPEN_DATA_DIR, type OpenDataResult } from './open-data/load.js';
import { withOpenData } from './open-data/merge.js';
import { PROJECT_ROOT } from '../config/paths.js';

export { formatProblem, type Problem } from './problem.js';
export { parseArticle } from './article.js';
export { buildKnowledgeBase } from './build.js';
export { parseTopics } from './topics.js';

/** One article file as the last load saw it; `article` is absent when its front matter is unusable. */
export interface LoadedFile extends FileStamp {
  readonly article?: ParsedArticle;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/**
 * What a load read, for the next one (live reload): every article file by path, parsed, with the
 * stamp it was parsed from. Never changed; a reload makes a new one, sharing the unchanged files.
 */
export interface LoadedFiles {
  /** The topic vocabulary the articles were read with; under another one everything is read again. */
  readonly vocabulary: string;
  /** When the stamps were taken: a file changed in the same instant may keep its size and mtime. */
  readonly checkedAt: number;
  readonly files: ReadonlyMap<string, LoadedFile>;
  /** The open data as last loaded, and what it was loaded from. */
  readonly openData?: OpenDataMemo;
  /** What the last build left for the next one: an edit re-merges only the roles it touches. */
  readonly build?: BuildState;
}

/** The open-data result with the stamp of its files and the curated role ids it was checked against. */
export interface OpenDataMemo {
  readonly stamp: string;
  readonly taken: ReadonlySet<string>;
  readonly result: OpenDataResult;
}

/** How a load got its articles: from memory, the parse cache, or by parsing. */
export interface LoadStats {
  readonly files: number;
  /** Files read and parsed now. */
  readonly parsed: number;
  /** Files whose earlier parse was used (unchanged stamp, or changed stamp but the same bytes). */
  readonly reused: number;
  /**
   * Roles merged from their articles: all of them, or after an edit only the ones it touched; 0 when
   * the built knowledge base was read from the parse cache (`buildCache: 'read'`).
   */
  readonly merged?: number;
  /** `off` without a cache folder; `memory` when a previous load was reused instead. */
  readonly cache: 'off' | 'memory' | 'missing' | 'read' | 'ignored';
  /** Why the cache was ignored. */
  readonly cacheIgnored?: string;
  /**
   * The built knowledge base stored with the parse cache (src/knowledge/build-cache.ts): `read` when
   * the start used it instead of merging the articles; absent when the parse cache was not read.
   */
  readonly buildCache?: 'read' | 'missing' | 'ignored';
  /** Why it was not used. */
  readonly buildCacheIgnored?: string;
  /** Set when the files were listed and stat'ed in a worker while the parse cache was read. */
  readonly listedInWorker?: true;
  /** Why the cache could not be written. */
  readonly cacheWriteError?: string;
  readonly cacheWritten: boolean;
  /**
   * Set when the articles and the build served are the cache just written, read back (after many
   * parses: the strings are then copies, each once, instead of slices that keep every file's text).
   */
  readonly readBack?: true;
  /**
   * The open-data cache (src/knowledge/open-data/cache.ts): `memory` when the previous load's open
   * data was reused; absent without open-data/.
   */
  readonly openDataCache?: OpenDataCacheStatus | 'memory';
  /** Why the open-data cache was ignored or could not be written. */
  readonly openDataCacheNote?: string;
}

export type LoadResult = (
  | { readonly ok: true; readonly kb: KnowledgeBase; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] }
) & { readonly loaded: LoadedFiles; readonly stats: LoadStats };

/** Parsing progress, for a terminal that shows it. */
export interface LoadProgress {
  readonly parsed: number;
  readonly toParse: number;
}

export interface LoadOptions {
  /** Folder of the parse cache (CACHE_DIR); without it nothing is cached on disk. */
  readonly cacheDir?: string | undefined;
  /** The previous load of the same directory: its parsed files are reused when unchanged. */
  readonly previous?: LoadedFiles | undefined;
  /**
   * With `previous`: only these paths (relative to the directory) may have changed, so nothing else
   * is looked at. A path that is not a Markdown file under articles/ makes the whole directory checked.
   */
  readonly changed?: readonly string[] | undefined;
  readonly onProgress?: ((progress: LoadProgress) => void) | undefined;
  /** Size of the parse cache from which a first start lists and stats in a worker (default 4 MiB). */
  readonly listInWorkerFrom?: number | undefined;
  /** Parsed files from which a start serves the parse cache it wrote, read back (default 1,000). */
  readonly readBackFrom?: number | undefined;
}

/** Files larger than this are refused before they are parsed. */
export const MAX_FILE_BYTES = 256 * 1024;

/** The taxonomy shipped with careerbot, used when a knowledge directory has no topics.yaml. */
export const BUNDLED_TOPICS_FILE = join(PROJECT_ROOT, 'knowledge', 'topics.yaml');

/** Files parsed between two yields to the event loop, so a running bot stays responsive. */
const BATCH_SIZE = 200;
/** Files stat'ed between two yields. */
const STAT_BATCH_SIZE = 2_000;
/** How often progress is reported, in parsed files. */
const PROGRESS_EVERY = 250;
/**
 * A file modified this close to the moment its stamp was taken may change again within the same
 * mtime tick without changing size: its stamp is not trusted, its bytes are hashed (as git does).
 */
const RACY_MS = 3_000;

type ReadResult = { readonly text: string } | { readonly problem: Problem } | { readonly missing: true };

/** Read the topics file, refusing it when it is too large. */
function readTopicsFile(path: string, file: string): ReadResult {
  let stat: Stats | undefined;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) return { missing: true };
    if (stat.size > MAX_FILE_BYTES) return { problem: tooLarge(file, stat.size) };
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: { file, message: `cannot be read: ${(error as Error).message}` } };
  }
}

function tooLarge(file: string, size: number): Problem {
  return {
    file,
    message: `is ${Math.ceil(size / 1024)} KiB; knowledge files may be at most ${MAX_FILE_BYTES / 1024} KiB`,
    hint: 'split it into several articles',
  };
}

/** Every .md file under `dir`/articles, as paths relative to `dir` with `/`. */
async function markdownFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = ['articles'];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    for (const entry of await readdir(join(dir, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(path);
    }
  }
  return found;
}

/**
 * A parse cache this large (about 2,000 articles) is read for long enough that listing and stating
 * the files in a worker meanwhile saves more than starting the worker costs.
 */
const LISTING_WORKER_FROM = 4 * 2 ** 20;

function largeCache(cacheDir: string, dir: string, from = LISTING_WORKER_FROM): boolean {
  try {
    return statSync(cacheFileFor(cacheDir, dir)).size >= from;
  } catch {
    return false;
  }
}

/** A path the watcher reported that an incremental reload can handle on its own. */
const isArticlePath = (file: string): boolean =>
  file.startsWith('articles/') && file.endsWith('.md') && !file.split('/').includes('..');

/** push(...items) without the argument-count limit of a spread. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Name, size and mtime of every file in the open-data folder, or undefined when one changed too
 * recently to be told apart from a change in the same mtime tick.
 */
function openDataStamp(openDir: string, checkedAt: number): string | undefined {
  const parts: string[] = [];
  try {
    for (const name of readdirSync(openDir).sort()) {
      const stat = statSync(join(openDir, name));
      if (stat.mtimeMs >= checkedAt - RACY_MS) return undefined;
      parts.push(`${name}\u0000${stat.size}\u0000${stat.mtimeMs}`);
    }
  } catch {
    return undefined;
  }
  return parts.join('\n');
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

/** The vocabulary's identity in cache keys. */
function vocabularyKey(topics: readonly Topic[]): string {
  return hashBytes(Buffer.from(JSON.stringify(topics.map((t) => [t.id, t.name, t.words]))));
}

/** Whether `articles` are the articles of `known` (the parse cache as read), the same objects in the same order. */
function sameArticles(articles: readonly ParsedArticle[], known: ReadonlyMap<string, LoadedFile>): boolean {
  if (articles.length !== known.size) return false;
  let i = 0;
  for (const file of known.values()) if (file.article !== articles[i++]) return false;
  return true;
}

const clean = (file: LoadedFile): file is CachedFile =>
  file.article !== undefined && file.problems.length === 0;

/** From this many freshly parsed files, a start serves the parse cache it wrote, read back. */
const READ_BACK_FROM = 1_000;

/**
 * The files and the build as a warm start reads them from the cache just written for `files` (every
 * one clean, the build stored with them); undefined when the cache does not give them back whole.
 */
function readBackWritten(
  cacheDir: string,
  expected: CacheExpectation,
  files: ReadonlyMap<string, LoadedFile>,
  topics: readonly Topic[],
  dir: string,
): { files: Map<string, LoadedFile>; articles: ParsedArticle[]; built: BuildResult } | undefined {
  const read = readParseCache(cacheDir, expected);
  if (read.status !== 'read' || read.extra === undefined || read.files.size !== files.size) return undefined;
  const again = new Map<string, LoadedFile>();
  const articles: ParsedArticle[] = [];
  for (const file of files.keys()) {
    const cached = read.files.get(file);
    if (cached === undefined) return undefined;
    again.set(file, cached);
    articles.push(cached.article);
  }
  const built = read.extra.read((reader) => readBuild(reader, dir, topics, articles));
  return built === undefined ? undefined : { files: again, articles, built };
}

/**
 * Read, validate and merge every knowledge file under `dir`: `topics.yaml` (or the bundled one) and
 * `articles/**\/*.md`. Collects every problem instead of stopping at the first; never throws for bad
 * content. Articles parsed before (by `previous`, or in the parse cache of `cacheDir`) are reused when
 * their file is unchanged, so only new and changed files are parsed.
 */
export async function loadKnowledgeBase(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const checkedAt = Date.now();
  const problems: Problem[] = [];
  const warnings: Problem[] = [];

  // A directory without its own taxonomy uses the bundled one.
  let topicsName = 'topics.yaml';
  let topicsRead = readTopicsFile(join(dir, topicsName), topicsName);
  if ('missing' in topicsRead) {
    topicsName = BUNDLED_TOPICS_FILE;
    topicsRead = readTopicsFile(BUNDLED_TOPICS_FILE, topicsName);
  }
  const topicsResult = parseTopicsCached('text' in topicsRead ? topicsRead.text : '', topicsName, {
    cacheDir: options.cacheDir,
    dir,
  });
  if ('text' in topicsRead) {
    append(problems, topicsResult.problems);
    append(warnings, topicsResult.warnings);
  } else {
    problems.push('problem' in topicsRead ? topicsRead.problem : { file: topicsName, message: 'not found' });
  }

  // With a broken topics.yaml, headings are still checked against the bundled taxonomy, so the
  // report lists the real heading problems rather than one per section.
  let vocabularyTopics = topicsResult.topics;
  if (topicsResult.problems.length > 0 && topicsName !== BUNDLED_TOPICS_FILE) {
    const bundled = readTopicsFile(BUNDLED_TOPICS_FILE, BUNDLED_TOPICS_FILE);
    if ('text' in bundled) vocabularyTopics = parseTopics(bundled.text, BUNDLED_TOPICS_FILE).topics;
  }
  const expected: CacheExpectation = { dir, vocabulary: vocabularyKey(vocabularyTopics) };

  // What is known already: the previous load in memory, else the parse cache on disk.
  const previous = options.previous?.vocabulary === expected.vocabulary ? options.previous : undefined;
  let known: ReadonlyMap<string, LoadedFile> = new Map();
  let knownAt = 0;
  let cache: LoadStats['cache'] = 'off';
  let cacheIgnored: string | undefined;
  let cachedBuild: ReadExtra | undefined;
  let listing: Promise<Listing | undefined> | undefined;
  if (previous !== undefined) {
    known = previous.files;
    knownAt = previous.checkedAt;
    cache = 'memory';
  } else if (options.cacheDir !== undefined) {
    // A first start of a large directory lists and stats its files in a worker meanwhile.
    if (largeCache(options.cacheDir, dir, options.listInWorkerFrom)) listing = listArticlesInWorker(dir);
    const read = readParseCache(options.cacheDir, expected);
    cache = read.status;
    if (read.status === 'read') {
      known = read.files;
      knownAt = read.checkedAt;
      cachedBuild = read.extra;
    } else if (read.status === 'ignored') cacheIgnored = read.reason;
  }

  // Which files to look at: all of them, or only the ones the watcher named.
  const targeted =
    previous !== undefined && options.changed !== undefined && options.changed.every(isArticlePath);
  let paths: string[];
  let sorted = false;
  const listed = listing === undefined ? undefined : await listing;
  if (targeted) {
    // The previous load's paths are in order already: only a new one calls for sorting again.
    paths = [...previous.files.keys()];
    const fresh = (options.changed ?? []).filter((file) => !previous.files.has(file));
    sorted = fresh.length === 0;
    for (const file of new Set(fresh)) paths.push(file);
  } else if (listed !== undefined) {
    paths = listed.paths.slice();
    sorted = true;
  } else {
    try {
      paths = await markdownFiles(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const message = code === 'ENOENT' ? 'folder not found' : `cannot be read: ${(error as Error).message}`;
      return {
        ok: false,
        problems: [
          ...problems,
          { file: 'articles/', message, hint: `knowledge articles go in ${join(dir, 'articles')}` },
        ],
        loaded: { vocabulary: expected.vocabulary, checkedAt, files: new Map() },
        stats: {
          files: 0,
          parsed: 0,
          reused: 0,
          cache,
          ...(cacheIgnored === undefined ? {} : { cacheIgnored }),
          cacheWritten: false,
        },
      };
    }
  }
  if (!sorted) paths.sort();
  const mustCheck = targeted ? new Set(options.changed) : undefined;

  // Stamps first: they decide what must be read.
  const outcome: (LoadedFile | undefined)[] = new Array<LoadedFile | undefined>(paths.length);
  const toRead: { readonly index: number; readonly size: number; readonly mtimeMs: number }[] = [];
  let reused = 0;
  for (let i = 0; i < paths.length; i++) {
    if (i > 0 && i % STAT_BATCH_SIZE === 0) await yieldToEventLoop();
    const file = paths[i] ?? '';
    const before = known.get(file);
    if (mustCheck !== undefined && !mustCheck.has(file) && before !== undefined) {
      outcome[i] = before;
      reused++;
      continue;
    }
    let size = Number.NaN;
    let mtimeMs = Number.NaN;
    if (listed !== undefined) {
      size = listed.sizes[i] ?? Number.NaN;
      mtimeMs = listed.mtimes[i] ?? Number.NaN;
    } else {
      try {
        const stat = statSync(join(dir, file), { throwIfNoEntry: false });
        if (stat !== undefined) ({ size, mtimeMs } = stat);
      } catch {
        // unreadable: as if gone
      }
    }
    if (Number.isNaN(size)) {
      // Deleted: a named file is simply gone; a listed one vanished between listing and reading.
      if (mustCheck === undefined) problems.push({ file, message: 'disappeared while being read' });
      continue;
    }
    if (
      before !== undefined &&
      before.size === size &&
      before.mtimeMs === mtimeMs &&
      before.mtimeMs < knownAt - RACY_MS
    ) {
      outcome[i] = before;
      reused++;
    } else toRead.push({ index: i, size, mtimeMs });
  }

  let parsed = 0;
  let done = 0;
  const report = (): void => options.onProgress?.({ parsed: done, toParse: toRead.length });
  const jobs: ParseJob[] = [];
  const jobIndex: number[] = [];
  for (const stat of toRead) {
    const { index } = stat;
    const file = paths[index] ?? '';
    if (stat.size > MAX_FILE_BYTES) {
      outcome[index] = {
        file,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        hash: '',
        problems: [tooLarge(file, stat.size)],
        warnings: [],
      };
      continue;
    }
    jobs.push({ file, size: stat.size, mtimeMs: stat.mtimeMs, knownHash: known.get(file)?.hash });
    jobIndex.push(index);
  }
  if (jobs.length > 0) report();
  await parseFiles(
    dir,
    vocabularyTopics,
    jobs,
    (n, result) => {
      const job = jobs[n];
      const index = jobIndex[n];
      if (job === undefined || index === undefined) return;
      const stamp = { file: job.file, size: job.size, mtimeMs: job.mtimeMs };
      const before = known.get(job.file);
      switch (result.kind) {
        case 'gone':
          // A file named by the watcher was deleted; a listed one vanished between listing and reading.
          if (mustCheck === undefined)
            outcome[index] = {
              ...stamp,
              hash: '',
              problems: [{ file: job.file, message: 'disappeared while being read' }],
              warnings: [],
            };
          break;
        case 'unreadable':
          outcome[index] = {
            ...stamp,
            hash: '',
            problems: [{ file: job.file, message: result.message }],
            warnings: [],
          };
          break;
        case 'same':
          // Touched or checked out again, not changed: the earlier parse stands, under the new stamp.
          if (before !== undefined) outcome[index] = { ...before, ...stamp, hash: result.hash };
          reused++;
          break;
        case 'clean':
          // Without a cache to read back (CACHE_DIR=off), a copy: a parse made in this thread is slices
          // of its file's text, and a slice keeps the whole text alive.
          outcome[index] = options.cacheDir === undefined ? structuredClone(result.cached) : result.cached;
          parsed++;
          break;
        case 'problems': {
          const { article, problems: found, warnings: noted } = result.result;
          outcome[index] = {
            ...stamp,
            hash: result.hash,
            ...(article === undefined ? {} : { article }),
            problems: found,
            warnings: noted,
          };
          parsed++;
        }
      }
      if (++done % PROGRESS_EVERY === 0) report();
    },
    { batch: BATCH_SIZE, pause: yieldToEventLoop },
  );
  if (jobs.length > 0) report();
  const changed = toRead.length > 0;

  let files = new Map<string, LoadedFile>();
  let articles: ParsedArticle[] = [];
  for (const file of outcome) {
    if (file === undefined) continue;
    files.set(file.file, file);
    append(problems, file.problems);
    append(warnings, file.warnings);
    if (file.article !== undefined) articles.push(file.article);
  }

  // The merged result stored with the cache, when every article is the cached one, in order.
  let built: BuildResult | undefined;
  let buildCache: LoadStats['buildCache'];
  let buildCacheIgnored: string | undefined;
  if (cache === 'read' && previous === undefined && problems.length === 0) {
    if (cachedBuild === undefined) buildCache = 'missing';
    else if (cachedBuild.key !== buildCacheKey(topicsResult.topics)) {
      buildCache = 'ignored';
      buildCacheIgnored = 'the topics or the code that builds changed';
    } else if (!sameArticles(articles, known)) {
      buildCache = 'ignored';
      buildCacheIgnored = 'the articles changed';
    } else {
      const cachedArticles = articles;
      built = cachedBuild.read((reader) => readBuild(reader, dir, topicsResult.topics, cachedArticles));
      buildCache = built === undefined ? 'ignored' : 'read';
      if (built === undefined) buildCacheIgnored = 'corrupt (does not decode)';
    }
  }
  built ??= buildKnowledgeBase(dir, topicsResult.topics, articles, previous?.build);

  let cacheWritten = false;
  let readBack = false;
  let cacheWriteError: string | undefined;
  if (
    options.cacheDir !== undefined &&
    (changed || files.size !== known.size || cache !== 'read' || buildCache !== 'read') &&
    previous === undefined
  ) {
    const entries: CachedFile[] = [];
    for (const file of files.values()) if (clean(file)) entries.push(file);
    // The build is stored when it was made from exactly the articles stored, in their order.
    const whole = entries.length === articles.length && built.state?.articles === articles;
    const extra = whole ? builtPart(topicsResult.topics, built) : undefined;
    if (changed || files.size !== known.size || cache !== 'read' || extra !== undefined) {
      cacheWriteError = writeParseCache(options.cacheDir, expected, entries, checkedAt, extra);
      cacheWritten = cacheWriteError === undefined;
    }
    // After many parses, serve what a warm start would: the cache just written, read back. Its strings
    // are copies, each once (a parsed value is a slice of its file and keeps the whole text alive),
    // and the knowledge base is the same, built from the same articles.
    if (cacheWritten && extra !== undefined && parsed >= (options.readBackFrom ?? READ_BACK_FROM)) {
      const again = readBackWritten(options.cacheDir, expected, files, topicsResult.topics, dir);
      if (again !== undefined) {
        ({ files, articles } = again);
        built = { ...again.built, merged: built.merged };
        readBack = true;
      }
    }
  }
  append(problems, built.problems);
  append(warnings, built.warnings);
  // Open data (open-data/): occupations beside the curated roles; a directory without it is articles only.
  // A reload reuses the previous result while its files and the curated role ids are unchanged.
  const openDir = join(dir, OPEN_DATA_DIR);
  let openData: OpenDataMemo | undefined;
  let openDataCache: LoadStats['openDataCache'];
  let openDataCacheNote: string | undefined;
  if (existsSync(openDir)) {
    const taken = new Set(built.kb?.roles.keys());
    const stamp = openDataStamp(openDir, checkedAt);
    const before = options.previous?.openData;
    if (
      before !== undefined &&
      stamp !== undefined &&
      before.stamp === stamp &&
      sameSet(before.taken, taken)
    ) {
      openData = before;
      openDataCache = 'memory';
    } else {
      const read = await loadOpenDataCached(openDir, taken, options.cacheDir);
      openData = { stamp: stamp ?? '', taken, result: read.result };
      openDataCache = read.cache;
      openDataCacheNote = read.ignored ?? read.writeError;
    }
  }
  const stats: LoadStats = {
    files: files.size,
    parsed,
    reused,
    merged: built.merged,
    cache,
    ...(cacheIgnored === undefined ? {} : { cacheIgnored }),
    ...(buildCache === undefined ? {} : { buildCache }),
    ...(buildCacheIgnored === undefined ? {} : { buildCacheIgnored }),
    ...(listed === undefined ? {} : { listedInWorker: true as const }),
    ...(cacheWriteError === undefined ? {} : { cacheWriteError }),
    cacheWritten,
    ...(readBack ? { readBack } : {}),
    ...(openDataCache === undefined ? {} : { openDataCache }),
    ...(openDataCacheNote === undefined ? {} : { openDataCacheNote }),
  };
  const open = openData?.result;
  if (open !== undefined) {
    append(problems, open.problems);
    append(warnings, open.warnings);
  }
  const loaded: LoadedFiles = {
    vocabulary: expected.vocabulary,
    checkedAt,
    files,
    ...(openData === undefined ? {} : { openData }),
    ...(built.state === undefined ? {} : { build: built.state }),
  };
  if (problems.length > 0 || built.kb === undefined) return { ok: false, problems, loaded, stats };
  const merged = withOpenData(built.kb, open);
  append(warnings, merged.warnings);
  return { ok: true, kb: merged.kb, warnings, loaded, stats };
}
