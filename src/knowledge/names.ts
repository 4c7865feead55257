import { editDistance } from '../text/distance.js';

/**
 * Name keys and spelling suggestions shared by the loader (alias clashes, ladder links, topic headings).
 * Pure functions, no state.
 */

/** Keys that would reach Object.prototype if ever used as a property name: refused everywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The key two names are compared by: case, dots, hyphens, underscores, apostrophes and spacing are
 * ignored, so "C.O.O." = "coo" and "operations co-ordinator" = "Operations Coordinator".
 */
export function nameKey(name: string): string {
  // normalize() is costly and only matters outside ASCII; this runs for every name of every article.
  const text = /[^\u0020-\u007e]/u.test(name) ? name.normalize('NFKC') : name;
  return text.toLowerCase().replace(/[\s.\-_'’]+/gu, '');
}

/** Lower case with single spaces: how headings and topic words are compared. */
export function simplify(text: string): string {
  const plain = /[^\u0020-\u007e]/u.test(text) ? text.normalize('NFKC') : text;
  return plain.toLowerCase().trim().replace(/\s+/gu, ' ');
}

/**
 * The candidate closest to `input` when it looks like a misspelling of it (at most a third of the
 * letters wrong, and at least one right), else undefined. Candidates are [spelling, answer] pairs so a
 * match on a topic word can suggest the topic's name.
 */
export function closest(input: string, candidates: Iterable<readonly [string, string]>): string | undefined {
  const wanted = simplify(input);
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const [spelling, answer] of candidates) {
    const distance = editDistance(wanted, simplify(spelling), bestDistance - 1);
    if (distance < bestDistance && distance < wanted.length) {
      best = answer;
      bestDistance = distance;
    }
  }
  return best;
}

/** "did you mean "x"?" or undefined. */
export function didYouMean(
  input: string,
  candidates: Iterable<readonly [string, string]>,
): string | undefined {
  const suggestion = closest(input, candidates);
  return suggestion === undefined ? undefined : `did you mean "${suggestion}"?`;
}
