import type { LoadProgress } from './load.js';

/** A first start parses at least this many files before progress is worth showing. */
export const SHOW_PROGRESS_FROM = 1_000;
/** At most one update per this many milliseconds: a terminal redraw costs more than a parse. */
const REDRAW_MS = 100;

/**
 * Progress of a long parse on one terminal line ("parsing knowledge files: 12,000 / 50,000"), or
 * undefined when `stream` is not a terminal (a log file or a pipe wants no carriage returns).
 */
export function terminalProgress(
  stream: NodeJS.WriteStream = process.stderr,
  label = 'parsing knowledge files',
): ((progress: LoadProgress) => void) | undefined {
  if (stream.isTTY !== true) return undefined;
  let drawn = 0;
  let shown = false;
  return ({ parsed, toParse }) => {
    if (toParse < SHOW_PROGRESS_FROM) return;
    const now = Date.now();
    const last = parsed >= toParse;
    if (!last && now - drawn < REDRAW_MS) return;
    if (last && !shown) return;
    drawn = now;
    shown = true;
    const percent = Math.floor((parsed / toParse) * 100);
    stream.write(
      `\r${label}: ${parsed.toLocaleString('en-US')} / ${toParse.toLocaleString('en-US')} (${percent}%)${last ? '\n' : ''}`,
    );
    if (last) shown = false;
  };
}
