import type { Logger } from '../log.js';
import type { Query } from '../understand/query.js';

export interface GapRecorderOptions {
  readonly file: string;
  readonly enabled: boolean;
}

/** STUB (contract only; the authoring work makes it real): records unanswered questions, no user ids. */
export function createGapRecorder(
  _options: GapRecorderOptions,
  _logger: Logger,
): (text: string, query: Query) => void {
  return () => {};
}
