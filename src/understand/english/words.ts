/**
 * English word lists from WordNet (see generate.ts): is a word real English, and can it name a person.
 * The spelling correction never "corrects" a real word; an unknown role is only reported for a phrase
 * that names a person; a place named is noted. The lists are static data, read once per process (0.9 MB).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../config/paths.js';

/** Where words.txt and persons.txt live (read from the source tree, also when running from dist/). */
export const ENGLISH_DIR = join(PROJECT_ROOT, 'src', 'understand', 'english');

/** A sorted, newline-separated word list, searched in place: no array, no set, no parse at load. */
export interface WordList {
  has(word: string): boolean;
}

export function sortedWordList(text: string): WordList {
  return {
    has(word) {
      if (word === '' || word.includes('\n')) return false;
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const start = text.lastIndexOf('\n', mid - 1) + 1;
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        const line = text.slice(start, end);
        if (line === word) return true;
        if (line < word) lo = end + 1;
        else hi = start;
      }
      return false;
    },
  };
}

/** WordNet's inflection rules ("morphy"): the base forms a word may be an inflection of. */
const DETACH: readonly (readonly [string, string])[] = [
  ['ies', 'y'],
  ['ses', 's'],
  ['xes', 'x'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['men', 'man'],
  ['es', 'e'],
  ['es', ''],
  ['s', ''],
  ['ied', 'y'],
  ['ed', 'e'],
  ['ed', ''],
  ['ing', 'e'],
  ['ing', ''],
  ["'s", ''],
  ["'", ''],
];
/**
 * Comparatives: only for short adjectives ("bigger", "nicer", "tougher"); long ones take "more", so
 * "coordinater" is not a comparative of the adjective "coordinate".
 */
const MAX_COMPARATIVE_BASE = 6;
/** The comparative endings. */
const DETACH_ADJECTIVE: readonly (readonly [string, string])[] = [
  ['ier', 'y'],
  ['iest', 'y'],
  ['er', ''],
  ['er', 'e'],
  ['est', ''],
  ['est', 'e'],
];

const SUPERLATIVE = DETACH_ADJECTIVE.filter(([suffix]) => suffix.endsWith('est'));

/** The word itself, then every base form the inflection rules give (doubled final consonant undone too). */
export function baseForms(word: string, rules: readonly (readonly [string, string])[] = DETACH): string[] {
  const out = [word];
  for (const [suffix, base] of rules) {
    if (word.length <= suffix.length + 1 || !word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length + base.length < 3) continue;
    out.push(stem + base);
    const last = stem[stem.length - 1];
    if (base === '' && stem.length > 2 && last === stem[stem.length - 2] && !'aeiou'.includes(last ?? 'a'))
      out.push(stem.slice(0, -1));
  }
  return out;
}

export interface English {
  /** A real word, or an inflection of one ("earns", "travelled", "managers"). Lower case. */
  isWord(word: string): boolean;
  /** A word with a sense naming a person ("wizard", "physicist", "boss"), or an inflection of one. */
  isPerson(word: string): boolean;
  /** The proper name of a place, lower case, up to three words ("london", "new york", "us"). */
  isPlace(name: string): boolean;
  /** An adjective ("happy", "calm"), or a comparative of a short one. */
  isAdjective(word: string): boolean;
  /** A superlative of a short adjective ("fattest", "richest", "biggest"): a ranking word. */
  isSuperlative(word: string): boolean;
  /** Only ever a verb ("replace", "replacing"), never a noun or adjective: it qualifies no job title. */
  isVerbOnly(word: string): boolean;
}

/** Words people write that WordNet has no entry for, which are not typos either. */
const CHAT_WORDS = new Set(
  `gonna wanna gotta kinda sorta dunno lemme gimme innit yeah yep yup nope nah lmao lmfao tysm
   whats hows whos thats dont doesnt didnt isnt arent wasnt werent wont wouldnt couldnt shouldnt
   youre theyre ive youve weve theyd youd itll thatll theres heres
   aint anyways alot okay ok hiya cya linkedin youtube google amazon`
    .split(/\s+/)
    .filter(Boolean),
);

export function createEnglish(
  words: WordList,
  persons: WordList,
  places: WordList = sortedWordList(''),
  adjectives: WordList = sortedWordList(''),
  verbs: WordList = sortedWordList(''),
): English {
  const inList = (list: WordList, word: string): boolean => baseForms(word).some((w) => list.has(w));
  const comparative = (word: string): boolean =>
    baseForms(word, DETACH_ADJECTIVE)
      .slice(1)
      .some((w) => w.length <= MAX_COMPARATIVE_BASE && adjectives.has(w));
  return {
    isWord: (word) => CHAT_WORDS.has(word) || inList(words, word) || comparative(word),
    isPerson: (word) => inList(persons, word),
    isPlace: (name) => places.has(name),
    isAdjective: (word) => adjectives.has(word) || comparative(word),
    // A lemma of its own ("forest", "honest") is not a superlative of a shorter adjective.
    isSuperlative: (word) =>
      word.endsWith('est') &&
      !words.has(word) &&
      baseForms(word, SUPERLATIVE)
        .slice(1)
        .some((w) => w.length <= MAX_COMPARATIVE_BASE && adjectives.has(w)),
    // The word itself is no lemma of another kind ("hiring" is a noun too), and its base is a verb only.
    isVerbOnly: (word) =>
      verbs.has(word) ||
      (!words.has(word) &&
        baseForms(word)
          .slice(1)
          .some((w) => verbs.has(w))),
  };
}

let loaded: English | undefined;

/** The bundled WordNet lists, read on first use (static data, the same for every knowledge base). */
export function english(): English {
  loaded ??= createEnglish(
    sortedWordList(readFileSync(join(ENGLISH_DIR, 'words.txt'), 'latin1')),
    sortedWordList(readFileSync(join(ENGLISH_DIR, 'persons.txt'), 'latin1')),
    sortedWordList(readFileSync(join(ENGLISH_DIR, 'places.txt'), 'latin1')),
    sortedWordList(readFileSync(join(ENGLISH_DIR, 'adjectives.txt'), 'latin1')),
    sortedWordList(readFileSync(join(ENGLISH_DIR, 'verbs.txt'), 'latin1')),
  );
  return loaded;
}
