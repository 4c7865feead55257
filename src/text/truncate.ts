/**
 * Shortening text, for every layer: input bounds (understanding), quotes and Discord limits (renderers).
 * Lengths are UTF-16 code units, as JavaScript and Discord count them; a surrogate pair is never split.
 */

const ELLIPSIS = '…';

/** At most `max` code units, cut hard (no ellipsis): for bounding input before any other work. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  const end = /[\uD800-\uDBFF]/u.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * At most `max` code units, cut at a word boundary when there is one in the last half and ending with
 * an ellipsis: for text people read.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  if (max === 1) return ELLIPSIS;
  let cut = clip(text, max - 1);
  const space = cut.search(/\s\S*$/u);
  if (space >= Math.floor(max / 2)) cut = cut.slice(0, space);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}
