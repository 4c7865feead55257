import type { Logger } from '../log.js';
import { openStore, type Store } from '../store/database.js';
import { gapsStore, type GapsStore } from './log.js';
import type { Query } from '../understand/query.js';
import { gapEntry } from './entry.js';

export interface GapRecorderOptions {
  readonly enabled: boolean;
  /** The open database (the bot); otherwise `databaseFile` is opened on the first gap (ask, chat). */
  readonly store?: Store;
  readonly databaseFile?: string;
}

/**
 * Record questions that ended in `unknown` or `clarify` in the database's gaps table (no user or
 * conversation ids), for `npm run kb:gaps`. Each is one small transaction, so shards and a terminal
 * chat can record at once without losing any. Never throws: a failed write is logged and dropped.
 */
export function createGapRecorder(
  options: GapRecorderOptions,
  logger: Logger,
): (text: string, query: Query) => void {
  if (!options.enabled || (options.store === undefined && options.databaseFile === undefined))
    return () => {};
  let gaps: GapsStore | undefined;
  let failures = 0;
  return (text, query) => {
    try {
      const entry = gapEntry(text, query);
      if (entry === undefined) return;
      // Opened on first use: a terminal question that is answered never loads the database.
      gaps ??= gapsStore(options.store ?? openStore(options.databaseFile ?? ''));
      gaps.add(entry);
    } catch (error) {
      failures++;
      // The first failure is worth an error; a full disk would otherwise flood the log.
      const level = failures === 1 ? 'error' : 'debug';
      logger[level](
        { err: error, database: options.store?.path ?? options.databaseFile },
        'could not record an unanswered question; dropped',
      );
    }
  };
}
