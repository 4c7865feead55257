import type { KnowledgeSource } from '../engine.js';
import { indexKnowledge } from '../engine.js';
import type { Logger } from '../log.js';
import { formatProblem, loadKnowledgeBase } from './load.js';

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
  readonly debounceMs?: number;
}

/**
 * STUB (contract only; the authoring work adds watching): load `dir` once.
 * Throws an Error listing every problem when the first load fails: there is nothing to serve.
 */
export async function openKnowledge(dir: string, logger: Logger, _options: OpenKnowledgeOptions = {}): Promise<ReloadingKnowledge> {
  const first = await loadKnowledgeBase(dir);
  if (!first.ok) throw new Error(`The knowledge base in ${dir} is invalid:\n${first.problems.map(formatProblem).join('\n')}`);
  let current = indexKnowledge(first.kb);
  return {
    current: () => current,
    async reload() {
      const next = await loadKnowledgeBase(dir);
      if (!next.ok) {
        logger.error({ problems: next.problems.map(formatProblem) }, 'knowledge reload refused; keeping the previous version');
        return false;
      }
      current = indexKnowledge(next.kb);
      return true;
    },
    close() {},
  };
}
