/**
 * The one edit distance of the project: optimal string alignment (Levenshtein plus a swap of two
 * neighbouring letters as one edit, "wrods" -> "words"). Used by the loader's "did you mean" hints and by
 * the understanding's spelling correction. Plain text helper: imports nothing.
 */

/** The table's rows are kept between calls (so a call allocates nothing) for `b` up to this long. */
const KEPT_LENGTH = 1_024;
let keptRows = new Int32Array(3 * 65);

/**
 * Edits between `a` and `b`, giving up (returning `limit + 1`) as soon as the distance must exceed
 * `limit`; without a limit, the exact distance.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const n = b.length;
  const width = n + 1;
  // Three rows of the table: the one before the previous (for swaps), the previous and the current.
  let rows = keptRows;
  if (rows.length < 3 * width) {
    rows = new Int32Array(3 * width);
    if (n <= KEPT_LENGTH) keptRows = rows;
  }
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= n; j += 1) rows[previous + j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    rows[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j += 1) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(
        (rows[previous + j] ?? 0) + 1,
        (rows[current + j - 1] ?? 0) + 1,
        (rows[previous + j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        value = Math.min(value, (rows[before + j - 2] ?? 0) + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return rows[previous + n] ?? limit + 1;
}
