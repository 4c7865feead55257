/**
 * Fuzzy matching of one typed word against a vocabulary: a character-trigram index narrows the
 * vocabulary to a few candidates, the project's edit distance (src/text/distance.ts) checks them. Used
 * by the spelling correction (every content word) and by the role scanner (words inside role names).
 */
import { editDistance } from '../text/distance.js';
import { trigrams } from './keys.js';

/** What a vocabulary word is used for, as bits: a word can be several. */
/** `title`: a word of a role's own title or curated alias (not only of alternate or reported titles). */
export const WORD_KIND = Object.freeze({ role: 1, topic: 2, cue: 4, title: 8 });

/** Fuzzy-matching settings, in one place. */
export const FUZZY = Object.freeze({
  /** Shorter words match exactly only: one edit turns CEO into COO and HR into PR. */
  minLength: 5,
  /** Words of 4 letters may be corrected to topic and cue words ("whta" -> "what"), never to role words. */
  minCueLength: 4,
  /** One typo for words shorter than this ("manger"); two would make "manage" and "mange" the same word. */
  longLength: 8,
  maxEditsShort: 1,
  maxEditsLong: 2,
  /** From this length two edits are allowed towards topic and cue words (a small vocabulary: "slaray"). */
  cueTwoEditLength: 6,
  /** Most vocabulary words scored per typed word: the trigram count orders them, so the best come first. */
  maxCandidates: 32,
  /** Trigram buckets larger than this are skipped (e.g. "ion" at 50,000 articles): they carry no signal. */
  maxBucket: 5_000,
  /** A corrected word alone names a role only when this long; shorter corrections must sit in a longer alias. */
  minSingleWordLength: 7,
  /** Confidence of a match that needed corrections, before subtracting per edit. */
  fuzzyConfidence: 0.85,
  perEditPenalty: 0.05,
});

/**
 * Trigram -> the ordinals of the words having it, in vocabulary order, as ranges of one typed array
 * rather than one list per trigram (reading the role-index cache back makes one array, not thousands).
 * Trigrams whose bucket is over FUZZY.maxBucket are left out: the search would skip them.
 */
export interface GramIndex {
  /** Trigram -> its bucket's number. */
  readonly buckets: ReadonlyMap<string, number>;
  /** Bucket b is `ordinals` from `starts[b]` up to `starts[b + 1]`. */
  readonly starts: Int32Array;
  readonly ordinals: Int32Array;
}

/** Words with their kinds, and a trigram index over those long enough to be corrected towards. */
export interface Vocabulary {
  readonly kinds: ReadonlyMap<string, number>;
  /** Ordinal -> word, for the words in `grams`. */
  readonly words: readonly string[];
  /** Ordinal -> the word's kinds, so a search for one kind never ranks the others. */
  readonly wordKinds: Uint8Array;
  readonly grams: GramIndex;
  /**
   * `grams` with only the topic and cue words (a few hundred of the 65,000 words at the bundled base),
   * so a search for those kinds alone does not walk every role word's bucket.
   */
  readonly cueGrams: GramIndex;
}

const CUE_KINDS = WORD_KIND.topic | WORD_KIND.cue;

/** The buckets with at most FUZZY.maxBucket words (and at least one), flattened. */
function gramIndex(lists: ReadonlyMap<string, readonly number[]>): GramIndex {
  const buckets = new Map<string, number>();
  const kept: (readonly number[])[] = [];
  let total = 0;
  for (const [g, list] of lists) {
    if (list.length === 0 || list.length > FUZZY.maxBucket) continue;
    buckets.set(g, kept.length);
    kept.push(list);
    total += list.length;
  }
  const starts = new Int32Array(kept.length + 1);
  const ordinals = new Int32Array(total);
  let at = 0;
  kept.forEach((list, b) => {
    starts[b] = at;
    ordinals.set(list, at);
    at += list.length;
  });
  starts[kept.length] = at;
  return { buckets, starts, ordinals };
}

/**
 * The vocabulary with typed arrays of its own: read back from a cache file, they are views into the
 * file's bytes and would keep the whole file in memory.
 */
export function ownedVocabulary(vocab: Vocabulary): Vocabulary {
  const own = (index: GramIndex): GramIndex => ({
    buckets: index.buckets,
    starts: index.starts.slice(),
    ordinals: index.ordinals.slice(),
  });
  return {
    ...vocab,
    wordKinds: vocab.wordKinds.slice(),
    grams: own(vocab.grams),
    cueGrams: own(vocab.cueGrams),
  };
}

/** A light check of a vocabulary's shape (read back from a cache file). */
export function isVocabulary(value: unknown): value is Vocabulary {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Partial<Vocabulary>;
  const isGramIndex = (g: Partial<GramIndex> | undefined): boolean =>
    g !== undefined &&
    g.buckets instanceof Map &&
    g.starts instanceof Int32Array &&
    g.ordinals instanceof Int32Array &&
    g.starts.length === g.buckets.size + 1 &&
    g.starts[g.buckets.size] === g.ordinals.length;
  return (
    v.kinds instanceof Map &&
    Array.isArray(v.words) &&
    v.wordKinds instanceof Uint8Array &&
    v.wordKinds.length === v.words.length &&
    isGramIndex(v.grams) &&
    isGramIndex(v.cueGrams)
  );
}

/** Collects words and their kinds, then indexes them. */
export class VocabularyBuilder {
  readonly #kinds = new Map<string, number>();

  add(word: string, kind: number): void {
    if (word === '') return;
    this.#kinds.set(word, (this.#kinds.get(word) ?? 0) | kind);
  }

  build(): Vocabulary {
    const words: string[] = [];
    const kindList: number[] = [];
    const grams = new Map<string, number[]>();
    for (const [word, kinds] of this.#kinds) {
      if (word.length < FUZZY.minCueLength) continue;
      const ordinal = words.length;
      words.push(word);
      kindList.push(kinds);
      for (const g of new Set(trigrams(word))) {
        const list = grams.get(g);
        if (list === undefined) grams.set(g, [ordinal]);
        else list.push(ordinal);
      }
    }
    const wordKinds = Uint8Array.from(kindList);
    const cueGrams = new Map<string, number[]>();
    for (const [g, bucket] of grams) {
      if (bucket.length > FUZZY.maxBucket) continue;
      cueGrams.set(
        g,
        bucket.filter((w) => ((wordKinds[w] ?? 0) & CUE_KINDS) !== 0),
      );
    }
    return { kinds: this.#kinds, words, wordKinds, grams: gramIndex(grams), cueGrams: gramIndex(cueGrams) };
  }
}

/** A vocabulary word a typed word may stand for. */
export interface Near {
  readonly word: string;
  readonly edits: number;
  readonly kinds: number;
}

/**
 * Scratch space of `nearestWords`, reused by every call so a question allocates no count table: per
 * vocabulary ordinal, the trigrams it shares with the typed word (all zero between calls), and the
 * ordinals counted, in the order first counted. Grown to the largest vocabulary seen.
 */
let sharedCounts = new Int32Array(0);
let counted = new Int32Array(0);
const ranked: number[] = [];

/** One search and its answer. */
interface Search {
  readonly vocab: Vocabulary;
  readonly typed: string;
  readonly maxEdits: number;
  readonly mask: number;
  readonly found: readonly Near[];
}

/**
 * The last searches made: the spelling correction and the role scanner ask the same search for the
 * same typo'd word of a question. Keyed by the vocabulary itself, so a reloaded knowledge base never
 * reads another's.
 */
const recentSearches: Search[] = [];
const RECENT_SEARCHES = 8;

/**
 * Vocabulary words of a kind in `mask` within `maxEdits` of `typed`, all at the smallest distance found
 * (several when the typo is ambiguous). Empty when none.
 */
export function nearestWords(
  vocab: Vocabulary,
  typed: string,
  maxEdits: number,
  mask: number,
): readonly Near[] {
  for (const s of recentSearches)
    if (s.typed === typed && s.vocab === vocab && s.maxEdits === maxEdits && s.mask === mask) return s.found;
  const found = Object.freeze(searchWords(vocab, typed, maxEdits, mask));
  if (recentSearches.length >= RECENT_SEARCHES) recentSearches.shift();
  recentSearches.push({ vocab, typed, maxEdits, mask, found });
  return found;
}

function searchWords(vocab: Vocabulary, typed: string, maxEdits: number, mask: number): Near[] {
  const grams = trigrams(typed);
  // One edit changes at most three padded trigrams, a swap of two letters four.
  const need = Math.max(1, grams.length - 4 * maxEdits);
  const size = vocab.words.length;
  if (sharedCounts.length < size) {
    sharedCounts = new Int32Array(size);
    counted = new Int32Array(size);
  }
  const counts = sharedCounts;
  let countedLength = 0;
  const { buckets, starts, ordinals } = (mask & ~CUE_KINDS) === 0 ? vocab.cueGrams : vocab.grams;
  const { wordKinds } = vocab;
  for (let g = 0; g < grams.length; g += 1) {
    const gram = grams[g] ?? '';
    if (grams.indexOf(gram) < g) continue; // each distinct trigram once
    const bucket = buckets.get(gram);
    if (bucket === undefined) continue;
    const end = starts[bucket + 1] ?? 0;
    for (let p = starts[bucket] ?? 0; p < end; p += 1) {
      const w = ordinals[p] ?? 0;
      if (((wordKinds[w] ?? 0) & mask) === 0) continue;
      const c = counts[w] ?? 0;
      if (c === 0) counted[countedLength++] = w;
      counts[w] = c + 1;
    }
  }
  // The candidates sharing enough trigrams, most shared first (ties in the order first counted).
  ranked.length = 0;
  for (let k = 0; k < countedLength; k += 1) {
    const w = counted[k] ?? 0;
    if ((counts[w] ?? 0) >= need) ranked.push(w);
  }
  ranked.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0));
  for (let k = 0; k < countedLength; k += 1) counts[counted[k] ?? 0] = 0;
  const considered = Math.min(ranked.length, FUZZY.maxCandidates);
  let best: Near[] = [];
  let bestEdits = maxEdits + 1;
  for (let k = 0; k < considered; k += 1) {
    const w = ranked[k] ?? 0;
    const word = vocab.words[w];
    if (word === undefined) continue;
    const kinds = vocab.wordKinds[w] ?? 0;
    if ((kinds & mask) === 0) continue;
    const edits = editDistance(typed, word, Math.min(maxEdits, bestEdits));
    if (edits > maxEdits || edits > bestEdits) continue;
    if (edits < bestEdits) {
      best = [];
      bestEdits = edits;
    }
    best.push({ word, edits, kinds });
  }
  return best;
}

const EDIT_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Calls `visit` with every string one deletion, swap, substitution or insertion away from a short word,
 * in a fixed order; a string reached in several ways is visited each time, and the word itself may be.
 */
export function forEachOneEdit(word: string, visit: (variant: string) => void): void {
  for (let i = 0; i <= word.length; i += 1) {
    const head = word.slice(0, i);
    if (i < word.length) visit(head + word.slice(i + 1));
    if (i + 1 < word.length) visit(head + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2));
    const tail = word.slice(i);
    const rest = word.slice(i + 1);
    for (const c of EDIT_LETTERS) {
      visit(head + c + tail);
      if (i < word.length) visit(head + c + rest);
    }
  }
}

/** Every string one deletion, swap, substitution or insertion away from a short word. */
export function oneEditAway(word: string): Set<string> {
  const out = new Set<string>();
  forEachOneEdit(word, (variant) => out.add(variant));
  out.delete(word);
  return out;
}
