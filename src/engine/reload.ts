import { type FSWatcher, watch } from 'node:fs';
import type { KnowledgeSource } from './engine.js';
import { deriveKnowledge } from './engine.js';
import type { Logger } from '../log.js';
import { formatProblem, loadKnowledgeBase } from '../knowledge/load.js';

/** A knowledge source that can be reloaded (file changes, SIGHUP) without a restart. */
export interface ReloadingKnowledge extends KnowledgeSource {
  /** Load again; on invalid content log the problems, keep serving the previous version, resolve false. */
  reload(): Promise<boolean>;
  /** Stop watching. */
  close(): void;
}

export interface OpenKnowledgeOptions {
  /** Watch the directory and reload on changes (bot, chat). Default false (ask, tests). */
  readonly watch?: boolean;
  /** Quiet time after the last change before reloading: an editor's save or a copy is several events. */
  readonly debounceMs?: number;
  /** Told after every reload whether the new version was taken (metrics). */
  readonly onReload?: (ok: boolean) => void;
}

export const DEFAULT_RELOAD_DEBOUNCE_MS = 200;

/**
 * Load the knowledge base in `dir` and keep it current. With `watch`, changes anywhere under `dir`
 * are reloaded after a quiet `debounceMs`; `reload()` does the same on demand (SIGHUP). A reload
 * validates everything first and swaps in the new version in one assignment, so a question is always
 * answered from one whole, valid version; invalid content is logged problem by problem and the
 * previous version stays in service.
 * Throws an Error listing every problem when the first load fails: there is nothing to serve.
 */
export async function openKnowledge(
  dir: string,
  logger: Logger,
  options: OpenKnowledgeOptions = {},
): Promise<ReloadingKnowledge> {
  const first = await loadKnowledgeBase(dir);
  if (!first.ok)
    throw new Error(
      `The knowledge base in ${dir} is invalid:\n${first.problems.map(formatProblem).join('\n')}`,
    );
  let current = deriveKnowledge(first.kb);
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // One reload at a time; a change during a reload asks for one more afterwards.
  let running: Promise<boolean> | undefined;
  let again = false;

  const loadOnce = async (): Promise<boolean> => {
    const started = performance.now();
    const next = await loadKnowledgeBase(dir);
    if (!next.ok) {
      for (const problem of next.problems) logger.error({ dir }, formatProblem(problem));
      logger.error(
        { dir, problems: next.problems.length },
        'knowledge reload refused: the files above are invalid; still serving the previous version',
      );
      return false;
    }
    for (const warning of next.warnings) logger.warn({ dir }, formatProblem(warning));
    current = deriveKnowledge(next.kb);
    logger.info(
      {
        dir,
        roles: next.kb.roles.size,
        comparisons: next.kb.comparisons.length,
        ms: Math.round(performance.now() - started),
      },
      'knowledge reloaded',
    );
    return true;
  };

  const reload = async (): Promise<boolean> => {
    if (running !== undefined) {
      again = true;
      return running;
    }
    running = (async () => {
      let ok = false;
      try {
        do {
          again = false;
          ok = await loadOnce();
        } while (again && !closed);
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

  if (options.watch === true) {
    const debounceMs = options.debounceMs ?? DEFAULT_RELOAD_DEBOUNCE_MS;
    try {
      watcher = watch(dir, { recursive: true, persistent: false }, () => {
        if (closed) return;
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          void reload();
        }, debounceMs);
        timer.unref();
      });
      watcher.on('error', (error) =>
        logger.error({ err: error, dir }, 'watching the knowledge directory failed; use SIGHUP to reload'),
      );
      logger.debug({ dir, debounceMs }, 'watching the knowledge directory for changes');
    } catch (error) {
      logger.error({ err: error, dir }, 'cannot watch the knowledge directory; use SIGHUP to reload');
    }
  }

  return {
    current: () => current,
    reload,
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      watcher?.close();
    },
  };
}
