/**
 * First stage of understanding: raw chat text -> clean, comparable text and tokens.
 * Everything here is linear in the input; the input is cut to MAX_INPUT_CHARS before any regex runs.
 */
import { lookupTable } from '../text/table.js';
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
const SPELLING_VARIANTS: Readonly<Record<string, string>> = lookupTable({
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
  // Contractions typed without the apostrophe, and chat shorthand, read as the words they stand for.
  whats: "what's",
  wats: "what's",
  wat: 'what',
  wut: 'what',
  wot: 'what',
  wht: 'what',
  al: 'all',
  becum: 'become',
  bcum: 'become',
  sumthing: 'something',
  gud: 'good',
  gd: 'good',
  hows: "how's",
  whos: "who's",
  thats: "that's",
  im: "i'm",
  ive: "i've",
  youre: "you're",
  theyre: "they're",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  arent: "aren't",
  u: 'you',
  ur: 'your',
  r: 'are',
  n: 'and',
  b4: 'before',
  abt: 'about',
  yr: 'year',
  yrs: 'years',
  wk: 'week',
  wks: 'weeks',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
});

/**
 * Text as typed, made safe and plain: cut, NFKC (fullwidth letters become ASCII), invisible characters,
 * Discord mentions and custom emoji, emoji, URLs and markdown removed; case kept (unknown role
 * mentions are reported as typed). Idempotent.
 */
/** A currency sign standing for money on its own ("crna $?", "coo $$$"), not before an amount. */
const LONE_CURRENCY = /(^|\s)[$£€]+(?=[\s?!.,]|$)/gu;

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
  s = s.replace(LONE_CURRENCY, '$1money');
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
  /** Lower case, spelling variants applied (and, after spelling correction, the corrected word). */
  readonly norm: string;
  /** True when punctuation (, ; ? ! . : or a dash) separates this token from the previous one. */
  readonly breakBefore: boolean;
  /** True when a sentence ends before this token (. ? ! ; or a line break). */
  readonly sentenceBefore?: boolean;
  /** The last word before a question mark. */
  readonly questionEnd?: boolean;
  /** Inside ~~strike-through~~: the writer took it back. */
  readonly struck?: boolean;
  /** A word of a link's address ("/roles/head-of-operations"): may name a role, nothing else. */
  readonly link?: boolean;
  /** The word as normalized before spelling correction, when it was corrected. */
  readonly typed?: string;
  /** Edits the spelling correction made (0 or absent when none). */
  readonly edits?: number;
}

// Words (letters/digits with inner apostrophes or hyphens), "&" and "/" which read as "and"/"or",
// punctuation, and a dash standing alone between words (a clause break).
const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[&/,;?!.:]|(?<=\s)-+(?=\s)/gu;
const SENTENCE_END = new Set(['.', '?', '!', ';']);

/** Tokens of cleaned text. Hyphenated words are split ("head-of-ops" -> head, of, ops). */
export function tokenize(cleaned: string): Token[] {
  const tokens: Token[] = [];
  let pendingBreak = false;
  let pendingSentence = false;
  const push = (raw: string, norm: string): void => {
    const token: Token = pendingSentence
      ? { raw, norm, breakBefore: true, sentenceBefore: true }
      : { raw, norm, breakBefore: pendingBreak };
    tokens.push(token);
    pendingBreak = false;
    pendingSentence = false;
  };
  for (const match of cleaned.matchAll(TOKEN)) {
    const piece = match[0];
    if (piece === '&' || piece === '/') {
      push(piece, piece === '&' ? 'and' : 'or');
      continue;
    }
    if (/^(?:[,;?!.:]|-+)$/.test(piece)) {
      const last = tokens[tokens.length - 1];
      if (piece === '?' && last !== undefined && !pendingBreak)
        tokens[tokens.length - 1] = { ...last, questionEnd: true };
      pendingBreak = true;
      if (SENTENCE_END.has(piece) && tokens.length > 0) pendingSentence = true;
      continue;
    }
    for (const part of piece.split('-')) {
      if (part === '') continue;
      push(part, unitOf(part, tokens[tokens.length - 1]) ?? normalizeWord(part));
    }
  }
  return tokens;
}

/** Words before "hr" that make it hours ("per hr", "an hr", "40 hrs"), not HR. */
const BEFORE_HOURS = new Set(['per', 'an', 'a']);

/** "hr", "hrs" as the unit of time after "per", "an" or a number; undefined otherwise. */
function unitOf(part: string, previous: Token | undefined): string | undefined {
  const word = part.toLowerCase();
  if ((word !== 'hr' && word !== 'hrs') || previous === undefined) return undefined;
  const number = /^\d+$/u.test(previous.norm);
  if (!number && !BEFORE_HOURS.has(previous.norm)) return undefined;
  return word === 'hr' ? 'hour' : 'hours';
}

/** A message read into tokens, with what its markup said. */
export interface Message {
  readonly tokens: readonly Token[];
  /** A lone asterisk before or after the text ("*coordinator", "ops manager*"): a correction. */
  readonly starred: boolean;
}

// ~~struck~~ text and links; bounded so no pattern can backtrack over a long paste.
const STRUCK_OR_LINK = /~~([^~]{1,300})~~|\b(?:https?:\/\/|www\.)[^\s()<>[\]]{1,500}/giu;
const ARROW = /->|=>|\u2192|\u27f6/gu;
const LINE_BREAK = /[\r\n]/gu;
/** An emoji before a question word ends a sentence: "he used to be a coo 😂 what education ...". */
const EMOJI_THEN_QUESTION =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\uFE0F] ?(what|how|which|who|where|why|when|is|are|do|does|can)\b/giu;
const SLUG_NOISE = /^(?:\d+|html?|php|aspx?|jsp|www|com|org|net|io|index|amp)$/u;

/** The words of a link that may name something: the last path segment with letters ("head-of-operations"). */
function linkWords(url: string): string {
  const cut = url.search(/[?#]/u);
  const path = (cut < 0 ? url : url.slice(0, cut)).replace(/^(?:https?:\/\/)?[^/]*/iu, '');
  const segments = path.split('/').filter((s) => /\p{L}/u.test(s));
  const last = segments[segments.length - 1] ?? '';
  let decoded = last;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    // A malformed escape is read as typed.
  }
  return decoded
    .split(/[-_+.\s]+/u)
    .filter((w) => w !== '' && !SLUG_NOISE.test(w.toLowerCase()))
    .join(' ');
}

/**
 * A chat message read for understanding: cut, cleaned and tokenized like `clean` + `tokenize`, keeping
 * what the markup says: ~~struck~~ words are flagged, a link's address is read for the role it names,
 * "->" reads as "to", a line break ends a sentence, and a lone asterisk marks a correction.
 */
// A star, then an afterthought: one of these words and at most three more ("lol", "lol fat fingers").
const AFTERTHOUGHT =
  "\\*[\\s,.!]+(?:lol|lmao|haha|sorry|oops|my bad|typo|ugh|autocorrect|fat fingers)(?:[\\s,]+[\\p{L}']+){0,3}[\\s.!]*$";
const STAR_THEN_AFTERTHOUGHT = new RegExp(`\\w${AFTERTHOUGHT}`, 'iu');
const AFTERTHOUGHT_TAIL = new RegExp(AFTERTHOUGHT, 'iu');

/** Two or three words each corrected with a star: "salary* coordinator*". */
const STARRED_WORDS = /^(?:[\p{L}'-]+\*[\s,]*){2,3}$/u;

export function readMessage(text: string): Message {
  const input = clip(text, MAX_INPUT_CHARS).normalize('NFKC');
  const trimmed = input.trim();
  const stars = (trimmed.match(/\*/gu) ?? []).length;
  // "*coordinator", "coordinator*", and with a laugh or an apology after it: "operations* lol".
  const oneStar =
    stars === 1 && (trimmed.startsWith('*') || trimmed.endsWith('*') || STAR_THEN_AFTERTHOUGHT.test(trimmed));
  // "salary* coordinator* lol fat fingers": each starred word corrects a word of its own.
  const withoutTail = trimmed.replace(AFTERTHOUGHT_TAIL, '*');
  const severalWords = stars >= 2 && stars <= 3 && STARRED_WORDS.test(withoutTail);
  const starred = oneStar || severalWords;
  // "operations* lol": the afterthought is no part of the correction; several starred words are
  // kept apart, so that they never read as one title ("salary coordinator").
  const corrected = severalWords
    ? withoutTail.replace(/\*[\s,]*/gu, ', ')
    : starred
      ? input.replace(AFTERTHOUGHT_TAIL, '*')
      : input;
  const prepared = corrected
    .replace(ARROW, ' to ')
    .replace(LINE_BREAK, ' . ')
    .replace(EMOJI_THEN_QUESTION, ' . $1');
  const tokens: Token[] = [];
  const addPiece = (piece: string, flags: { struck?: boolean; link?: boolean }, isolate: boolean): void => {
    const pieceTokens = tokenize(clean(piece));
    pieceTokens.forEach((t, i) => {
      let token: Token = t;
      if (isolate && i === 0) token = { ...token, breakBefore: true };
      if (flags.struck === true) token = { ...token, struck: true };
      if (flags.link === true) token = { ...token, link: true };
      tokens.push(token);
    });
  };
  let last = 0;
  let afterSpecial = false;
  for (const match of prepared.matchAll(STRUCK_OR_LINK)) {
    const index = match.index;
    addPiece(prepared.slice(last, index), {}, afterSpecial);
    if (match[1] !== undefined) addPiece(match[1], { struck: true }, true);
    else addPiece(linkWords(match[0]), { link: true }, true);
    last = index + match[0].length;
    afterSpecial = true;
  }
  addPiece(prepared.slice(last), {}, afterSpecial);
  return { tokens, starred };
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

// A name that needs nothing of `clean` but lower case: plain ASCII, no markup, no link, no emoji.
const PLAIN_NAME = /^[\x20-\x7e]*$/u;
const NEEDS_CLEAN = /[<>*_~`|\\[\]{}#]|https?:|www\./iu;

/** A word of a plain name: letters and digits with single inner apostrophes ("driver's"); outer ones dropped. */
function pushPiece(out: string[], lower: string, from: number, to: number): void {
  let a = from;
  let b = to;
  while (a < b && lower.charCodeAt(a) === 39) a += 1;
  while (b > a && lower.charCodeAt(b - 1) === 39) b -= 1;
  if (a >= b) return;
  const piece = lower.slice(a, b);
  if (piece.includes("''")) {
    for (const w of piece.split(/'{2,}/u)) if (w !== '') pushWord(out, w);
  } else pushWord(out, piece);
}
// The same table as a Map, for the name fast path: a lookup by a freshly sliced string is several
// times cheaper in a Map than as a property of a dictionary object (which first internalizes the key).
const VARIANT_MAP: ReadonlyMap<string, string> = new Map(Object.entries(SPELLING_VARIANTS));

function pushWord(out: string[], word: string): void {
  const norm = VARIANT_MAP.get(word) ?? word;
  if (norm !== 'or' && norm !== 'and') out.push(norm);
}

/**
 * The normalized words of a role name, as `tokenize(clean(name))` gives them, without "and"/"or":
 * the same result on a fast path for plain ASCII names (all 65,000 O*NET titles), so a knowledge base
 * of thousands of names indexes in well under a second.
 */
export function nameWords(name: string): string[] {
  if (!PLAIN_NAME.test(name) || NEEDS_CLEAN.test(name)) {
    return tokenize(clean(name))
      .map((t) => t.norm)
      .filter((w) => w !== 'or' && w !== 'and');
  }
  let text = name;
  if (text.includes('.')) text = text.replace(DOTTED_ACRONYM, (m) => m.replace(/\./g, ''));
  if (/co[- ]/iu.test(text)) text = text.replace(CO_PREFIX, (m) => m.slice(0, 2));
  const out: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i += 1) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const wordChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;
    if (wordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      pushPiece(out, lower, start, i);
      start = -1;
    }
  }
  return out;
}
