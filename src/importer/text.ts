/** Small text helpers shared by the importer stages: words, sentences, titles, ids. */

/** Words that stay lower case inside a title and are skipped when reading initials. */
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  '&',
]);

/** Abbreviations that end with a full stop but do not end a sentence. */
const NO_BREAK_BEFORE = new Set([
  'vs',
  'e.g',
  'i.e',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'approx',
  'inc',
  'u.s',
  'etc',
]);

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower-case words and numbers of a text, for matching ("officer’s" gives "officer", "s"). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** kebab-case id: "Café Manager" -> "cafe-manager". */
export function toId(title: string): string {
  return words(title).join('-');
}

export function isSmallWord(word: string): boolean {
  return SMALL_WORDS.has(word.toLowerCase());
}

/**
 * Proper case for a role title: "Head Of Operations" -> "Head of Operations", "coo" stays as given
 * unless listed in `upper` (abbreviations), which are written in capitals.
 */
export function properCase(title: string, upper: ReadonlySet<string> = new Set()): string {
  return collapseSpaces(title)
    .split(' ')
    .map((word, i) => {
      const lower = word.toLowerCase();
      if (upper.has(lower)) return word.toUpperCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      // Keep deliberate inner capitals ("iOS", "DevOps").
      if (/\p{Lu}/u.test(word.slice(1)) && word !== word.toUpperCase()) return word;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join(' ');
}

/** Plural forms of one word, as articles write them ("coos", "boxes", "secretaries"). */
export function pluralForms(word: string): string[] {
  if (/(?:[sxz]|ch|sh)$/.test(word)) return [`${word}es`];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ies`];
  return [`${word}s`];
}

/**
 * Split a paragraph into sentences at ". ", "! ", "? " followed by a capital, a digit or a quote,
 * but not after "vs.", "e.g." or single initials.
 */
export function splitSentences(paragraph: string): string[] {
  const text = collapseSpaces(paragraph);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end] ?? '')) end++;
    if (text[end] !== ' ') continue;
    const next = text[end + 1] ?? '';
    if (!/[\p{Lu}\p{N}"'“‘(]/u.test(next)) continue;
    if (ch === '.') {
      const space = text.lastIndexOf(' ', i);
      const lastWord = text.slice(Math.max(start, space + 1), i).toLowerCase();
      if (NO_BREAK_BEFORE.has(lastWord) || /^\p{L}$/u.test(lastWord)) continue;
    }
    out.push(text.slice(start, end).trim());
    start = end + 1;
    i = end;
  }
  const rest = text.slice(start).trim();
  if (rest.length > 0) out.push(rest);
  return out;
}

/**
 * Find where the text spells out an abbreviation: "coo" -> "chief operating officer" (initials,
 * skipping small words such as "of"). Returns the words as written, or undefined.
 */
export function findExpansion(abbreviation: string, text: string): string | undefined {
  const letters = abbreviation.toLowerCase();
  const tokens = text.split(/[^\p{L}\p{N}'’-]+/u).filter((t) => t.length > 0);
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] ?? '';
    if (isSmallWord(first) || first.toLowerCase() === letters) continue;
    let matched = 0;
    let j = i;
    while (j < tokens.length && matched < letters.length) {
      const token = tokens[j] ?? '';
      if (isSmallWord(token) && matched > 0) {
        j++;
        continue;
      }
      if (token.length < 2 || token.charAt(0).toLowerCase() !== letters.charAt(matched)) break;
      matched++;
      j++;
    }
    if (matched === letters.length) {
      return tokens
        .slice(i, j)
        .join(' ')
        .replace(/['’]s$/, '');
    }
  }
  return undefined;
}

/**
 * A name with its abbreviation in parentheses split off: "Nurse Practitioner (NP)" -> "Nurse
 * Practitioner" and "NP". Anything else in parentheses stays part of the name.
 */
export function splitAbbreviation(name: string): { name: string; abbreviation?: string } {
  const match = /^(.*\S)\s*\(\s*(\p{Lu}[\p{Lu}\p{Ll}.&/]{0,7}?)s?\s*\)$/u.exec(name.trim());
  if (match?.[1] === undefined || match[2] === undefined) return { name: collapseSpaces(name) };
  const abbreviation = match[2];
  // An abbreviation is mostly capitals ("NP", "UX", "C.N.A."); "(Remote)" is not one.
  const capitals = abbreviation.replace(/\P{Lu}/gu, '').length;
  if (capitals < 2 || capitals < abbreviation.replace(/\P{L}/gu, '').length - 1)
    return { name: collapseSpaces(name) };
  return { name: collapseSpaces(match[1]), abbreviation };
}

/** Initials of a title, with and without small words: "Head of Operations" -> ["ho", "hoo"]. */
export function initials(title: string): string[] {
  const all = words(title);
  const significant = all.filter((w) => !SMALL_WORDS.has(w));
  const a = significant.map((w) => w.charAt(0)).join('');
  const b = all.map((w) => w.charAt(0)).join('');
  return a === b ? [a] : [a, b];
}

/** Map over the two sides of a comparison, keeping it a pair. */
export function mapPair<T, U>(pair: readonly [T, T], f: (item: T, index: 0 | 1) => U): [U, U] {
  return [f(pair[0], 0), f(pair[1], 1)];
}

/** Remove any of `chars` from the end (a loop, not a regular expression: no backtracking). */
export function trimTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * Word index of a character offset, for pairing things found by regular expressions with role
 * mentions (which count words). Built once per text, so many lookups stay linear.
 */
export function wordIndexer(text: string): (offset: number) => number {
  const starts: number[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) starts.push(match.index);
  return (offset) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}
