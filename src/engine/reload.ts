import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import { join, sep } from 'node:path';
import type { KnowledgeSource } from './engine.js';
import { deriveKnowledge } from './engine.js';
import { cachedNameIndex, type IndexCacheStatus } from './index-cache.js';
import type { Logger } from '../log.js';
import {
  formatProblem,
  loadKnowledgeBase,
  type LoadedFiles,
  type LoadProgress,
  type LoadStats,
} from '../knowledge/load.js';
import { terminalProgress } from '../knowledge/progress.js';

/** A knowledge source that can be reloaded (file changes, SIGHUP) without a restart. */
export interface ReloadingKnowledge extends KnowledgeSource {
  /**
   * Load again; on invalid content log the problems, keep serving the previous version, resolve false.
   * With `changed` (paths relative to the directory, as the watcher reports them) only those files
   * are looked at; without it every file's stamp is checked. Either way only changed files are parsed.
   */
  reload(changed?: readonly string[]): Promise<boolean>;
  /** Stop watching. */
  close(): void;
  /** How the first load went, timed in its parts (the benchmark reports these). */
  readonly startup: Startup;
}

/** The first load of openKnowledge, timed: reading and merging the files, then the index. */
export interface Startup {
  readonly loadMs: number;
  /** Deriving the index and the rest (the role-index cache read, or the name index built and written). */
  readonly indexMs: number;
  /** Starting the watcher (0 without `watch`). */
  readonly watchMs: number;
  readonly stats: LoadStats;
  readonly indexCache: IndexCacheStatus;
}

export interface OpenKnowledgeOptions {
  /** Watch the directory and reload on changes (bot, chat). Default false (ask, tests). */
  readonly watch?: boolean;
  /** Quiet time after the last change before reloading: an editor's save or a copy is several events. */
  readonly debounceMs?: number;
  /** Folder of the parse cache (CACHE_DIR); without it every start parses every file. */
  readonly cacheDir?: string | undefined;
  /** Parsing progress of the first load; default: a line on stderr when it is a terminal. */
  readonly onProgress?: ((progress: LoadProgress) => void) | undefined;
  /** Told after every reload whether the new version was taken (metrics). */
  readonly onReload?: (ok: boolean) => void;
}

export const DEFAULT_RELOAD_DEBOUNCE_MS = 200;

/**
 * Load the knowledge base in `dir` and keep it current. With `watch`, changes anywhere under `dir`
 * are reloaded after a quiet `debounceMs`; `reload()` does the same on demand (SIGHUP). A reload
 * parses only the files that changed, reusing every other parsed article from the previous load,
 * validates the whole knowledge base and swaps in the new version in one assignment, so a question
 * is always answered from one whole, valid version; invalid content is logged problem by problem and
 * the previous version stays in service.
 * Throws an Error listing every problem when the first load fails: there is nothing to serve.
 */
export async function openKnowledge(
  dir: string,
  logger: Logger,
  options: OpenKnowledgeOptions = {},
): Promise<ReloadingKnowledge> {
  const started = performance.now();
  const first = await loadKnowledgeBase(dir, {
    cacheDir: options.cacheDir,
    onProgress: options.onProgress ?? terminalProgress(),
  });
  if (!first.ok)
    throw new Error(
      `The knowledge base in ${dir} is invalid:\n${first.problems.map(formatProblem).join('\n')}`,
    );
  if (first.stats.cacheIgnored !== undefined)
    logger.warn({ dir, reason: first.stats.cacheIgnored }, 'parse cache ignored and rebuilt');
  if (first.stats.cacheWriteError !== undefined)
    logger.warn(
      { dir, error: first.stats.cacheWriteError },
      'parse cache not written; the next start parses again',
    );
  if (first.stats.openDataCacheNote !== undefined)
    logger.debug({ dir, note: first.stats.openDataCacheNote }, 'open-data cache not used or not written');
  const loaded = performance.now();
  const names = cachedNameIndex(first.kb, { cacheDir: options.cacheDir, dir });
  if (names.ignored !== undefined) logger.debug({ dir, reason: names.ignored }, 'role-index cache ignored');
  if (names.writeError !== undefined)
    logger.warn(
      { dir, error: names.writeError },
      'role-index cache not written; the next start builds it again',
    );
  let current = deriveKnowledge(first.kb, names.names);
  const indexed = performance.now();
  // The parsed files of the latest load, valid or not: a reload after a fix parses only the fix.
  let files: LoadedFiles = first.loaded;
  let watcher: { close(): void } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // One reload at a time; changes during a reload are collected for one more afterwards.
  let running: Promise<boolean> | undefined;
  let pending: Set<string> | 'all' | undefined;

  const loadOnce = async (changed: readonly string[] | undefined): Promise<boolean> => {
    const started = performance.now();
    const next = await loadKnowledgeBase(dir, { previous: files, changed });
    files = next.loaded;
    if (!next.ok) {
      for (const problem of next.problems) logger.error({ dir }, formatProblem(problem));
      logger.error(
        { dir, problems: next.problems.length },
        'knowledge reload refused: the files above are invalid; still serving the previous version',
      );
      return false;
    }
    for (const warning of next.warnings) logger.warn({ dir }, formatProblem(warning));
    current = deriveKnowledge(next.kb, undefined, current);
    logger.info(
      {
        dir,
        roles: next.kb.roles.size,
        comparisons: next.kb.comparisons.length,
        parsed: next.stats.parsed,
        merged: next.stats.merged,
        ms: Math.round(performance.now() - started),
      },
      'knowledge reloaded',
    );
    return true;
  };

  const request = (changed: readonly string[] | undefined): void => {
    if (changed === undefined || pending === 'all') pending = 'all';
    else {
      pending ??= new Set();
      for (const file of changed) pending.add(file);
    }
  };

  const reload = async (changed?: readonly string[]): Promise<boolean> => {
    request(changed);
    if (running !== undefined) return running;
    running = (async () => {
      let ok = false;
      try {
        while (pending !== undefined && !closed) {
          const batch = pending === 'all' ? undefined : [...pending];
          pending = undefined;
          ok = await loadOnce(batch);
        }
      } catch (error) {
        logger.error({ err: error, dir }, 'knowledge reload failed; still serving the previous version');
        ok = false;
      } finally {
        running = undefined;
      }
      options.onReload?.(ok);
      return ok;
    })();
    return running;
  };

  let watchMs = 0;
  if (options.watch === true) {
    const watchStarted = performance.now();
    const debounceMs = options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS;
    let seen: Set<string> | 'all' = new Set();
    watcher = watchTree(
      dir,
      (filename) => {
        if (closed) return;
        // Without a name (some platforms, overflowing event queues, a new folder) every file is checked.
        if (filename === undefined || seen === 'all') seen = 'all';
        else seen.add(filename);
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          const changed = seen === 'all' ? undefined : [...seen];
          seen = new Set();
          void reload(changed);
        }, debounceMs);
        timer.unref();
      },
      (error) =>
        logger.error({ err: error, dir }, 'watching the knowledge directory failed; use SIGHUP to reload'),
    );
    logger.debug({ dir, debounceMs }, 'watching the knowledge directory for changes');
    watchMs = performance.now() - watchStarted;
  }

  return {
    startup: {
      loadMs: loaded - started,
      indexMs: indexed - loaded,
      watchMs,
      stats: first.stats,
      indexCache: names.cache,
    },
    current: () => current,
    reload,
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      watcher?.close();
    },
  };
}

/**
 * Watch `root` and every folder under it; `onChange` gets each changed path relative to `root` with
 * `/`, or undefined when every file must be checked. On Linux Node's recursive watch stats every file
 * and keeps one inotify watch and one Stats object per file (at 10,000 articles half a second and
 * about 40 MB at every start, and 50,000 watches exceed many systems' limit); inotify on a folder
 * reports its files by name already, so one watch per folder is enough. macOS and Windows watch a
 * tree natively.
 */
export function watchTree(
  root: string,
  onChange: (file: string | undefined) => void,
  onError: (error: unknown) => void,
): { close(): void } {
  if (process.platform === 'darwin' || process.platform === 'win32') {
    try {
      const native = watch(root, { recursive: true, persistent: false }, (_event, filename) =>
        onChange(filename === null ? undefined : filename.split(sep).join('/')),
      );
      native.on('error', onError);
      return native;
    } catch (error) {
      onError(error);
      return { close() {} };
    }
  }
  const folders = new Map<string, FSWatcher>();
  let closed = false;
  const unwatch = (rel: string): void => {
    for (const [folder, watcher] of folders) {
      if (folder === rel || folder.startsWith(`${rel}/`)) {
        watcher.close();
        folders.delete(folder);
      }
    }
  };
  const add = (rel: string): void => {
    if (closed || folders.has(rel)) return;
    const path = rel === '' ? root : join(root, rel);
    let watcher: FSWatcher;
    try {
      watcher = watch(path, { persistent: false }, (event, name) => {
        if (closed) return;
        if (name === null) {
          onChange(undefined);
          return;
        }
        const file = rel === '' ? name : `${rel}/${name}`;
        if (event === 'rename') {
          let stat;
          try {
            stat = statSync(join(root, file), { throwIfNoEntry: false });
          } catch {
            stat = undefined;
          }
          if (stat?.isDirectory() === true) {
            // A new folder: watched from now on; what it brought along is found by a full check.
            addTree(file);
            onChange(undefined);
            return;
          }
          if (stat === undefined && folders.has(file)) {
            unwatch(file);
            onChange(undefined);
            return;
          }
        }
        onChange(file);
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error);
      return;
    }
    watcher.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error);
    });
    folders.set(rel, watcher);
  };
  const addTree = (rel: string): void => {
    add(rel);
    let entries;
    try {
      entries = readdirSync(rel === '' ? root : join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries)
      if (entry.isDirectory()) addTree(rel === '' ? entry.name : `${rel}/${entry.name}`);
  };
  addTree('');
  if (!folders.has('')) onError(new Error(`cannot watch ${root}`));
  return {
    close() {
      closed = true;
      for (const watcher of folders.values()) watcher.close();
      folders.clear();
    },
  };
}
