/**
 * First stage of understanding: raw chat text -> clean, comparable text and tokens.
 * Everything here is linear in the input; the input is cut to MAX_INPUT_CHARS before any regex runs.
 */
import { clip } from '../text/truncate.js';

/**
 * Longest input we read, in UTF-16 code units. A career question fits in a few hundred characters; cutting
 * first bounds the work every later regex and lookup can do, whatever a stranger pastes.
 */
export const MAX_INPUT_CHARS = 1_000;

const DISCORD_MARKUP =
  /<(?:@[!&]?\d{1,25}|#\d{1,25}|a?:\w{1,40}:\d{1,25}|\/[\w -]{1,40}:\d{1,25}|t:-?\d{1,20}(?::\w)?)>/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const INVISIBLE = /[\p{Cf}\p{Co}\p{Cs}\uFE0E\uFE0F\u20E3]/gu;
const CONTROL = /\p{Cc}/gu;
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}]/gu;
const MARKDOWN = /[*_~`|>\\[\](){}<#]/g;
const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
// "c.o.o." / "C.O.O" -> "coo": dotted abbreviations become the plain acronym.
const DOTTED_ACRONYM = /\b\p{L}(?:\.\p{L}){1,5}\b\.?/gu;
// "co-ordinator", "co ordinator" -> "coordinator" (British spelling).
const CO_PREFIX = /\bco[- ](?=ordinat|operat)/gi;
const SPACES = /\s+/g;

/** British and variant spellings that mean the same word, applied to whole lower-case tokens. */
const SPELLING_VARIANTS: Readonly<Record<string, string>> = Object.freeze({
  organisation: 'organization',
  organisations: 'organizations',
  organise: 'organize',
  organising: 'organizing',
  specialise: 'specialize',
  specialised: 'specialized',
  analyse: 'analyze',
  programme: 'program',
  programmes: 'programs',
  centre: 'center',
  labour: 'labor',
  travelling: 'traveling',
  travelled: 'traveled',
  traveller: 'traveler',
  licence: 'license',
  behaviour: 'behavior',
  colour: 'color',
  favourite: 'favorite',
  honour: 'honor',
  versus: 'vs',
});

/**
 * Text as typed, made safe and plain: cut, NFKC (fullwidth letters become ASCII), invisible characters,
 * Discord mentions and custom emoji, emoji, URLs and markdown removed; case kept (unknown role
 * mentions are reported as typed). Idempotent.
 */
export function clean(text: string): string {
  let s = clip(text, MAX_INPUT_CHARS);
  s = s.normalize('NFKC');
  s = clip(s, MAX_INPUT_CHARS);
  s = s.replace(CONTROL, ' ');
  s = s.replace(DISCORD_MARKUP, ' ');
  s = s.replace(URL, ' ');
  s = s.replace(INVISIBLE, '');
  s = s.replace(EMOJI, ' ');
  s = s.replace(MARKDOWN, ' ');
  s = s.replace(APOSTROPHES, "'");
  s = s.replace(DASHES, '-');
  s = s.replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''));
  s = s.replace(CO_PREFIX, (m) => m.slice(0, 2));
  s = s.replace(SPACES, ' ').trim();
  return s;
}

/** Lower case and spelling variants for one token (already cleaned). */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  return SPELLING_VARIANTS[lower] ?? lower;
}

/** One word of the input: as typed (cleaned) and normalized. */
export interface Token {
  readonly raw: string;
  /** Lower case, spelling variants applied. */
  readonly norm: string;
  /** True when punctuation (, ; ? ! . :) separates this token from the previous one. */
  readonly breakBefore: boolean;
}

// Words (letters/digits with inner apostrophes or hyphens), or "&" and "/" which read as "and"/"or".
const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[&/,;?!.:]/gu;

/** Tokens of cleaned text. Hyphenated words are split ("head-of-ops" -> head, of, ops). */
export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  let pendingBreak = false;
  for (const match of cleaned.matchAll(TOKEN)) {
    const piece = match[0];
    if (piece === '&' || piece === '/') {
      tokens.push({ raw: piece, norm: piece === '&' ? 'and' : 'or', breakBefore: pendingBreak });
      pendingBreak = false;
      continue;
    }
    if (/^[,;?!.:]$/.test(piece)) {
      pendingBreak = true;
      continue;
    }
    for (const part of piece.split('-')) {
      if (part === '') continue;
      tokens.push({ raw: part, norm: normalizeWord(part), breakBefore: pendingBreak });
      pendingBreak = false;
    }
  }
  return tokens;
}

/** The comparable form of a text: cleaned, lower case, variant spellings unified. Idempotent. */
export function normalize(text: string): string {
  const cleaned = clean(text);
  const lowered = cleaned.toLowerCase();
  // Lower-casing can produce characters NFKC or the cleaners would change again; one more pass makes
  // the result a fixed point, so normalize(normalize(x)) === normalize(x).
  const stable = clean(lowered).toLowerCase();
  return stable
    .split(' ')
    .map((w) => SPELLING_VARIANTS[w] ?? w)
    .join(' ');
}
