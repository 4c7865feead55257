/**
 * Token keys: the form in which role names are compared. Applied the same way to aliases and to the
 * question, so it need only be consistent, not linguistically perfect.
 */

/** Strip a possessive and a plural ending: "coordinator's" -> "coordinator", "COOs" -> "coo", "heads" -> "head". */
export function tokenKey(norm: string): string {
  let w = norm;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("'")) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && (w.endsWith('sses') || w.endsWith('shes') || w.endsWith('ches'))) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) {
    return w.slice(0, -1);
  }
  return w;
}

/** Padded character trigrams of a word ("ops" -> "$op", "ops", "ps$"). */
export function trigrams(word: string): string[] {
  const padded = `$${word}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i += 1) out.push(padded.slice(i, i + 3));
  return out;
}
