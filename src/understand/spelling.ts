/**
 * Spelling correction for every content word of a question, against the words the knowledge base
 * actually uses (role, topic and cue words), guarded by WordNet: a real English word is never changed,
 * short words and acronyms stay exact, and an ambiguous typo is left alone rather than guessed.
 */
import type { English } from './english/words.js';
import { forEachOneEdit, FUZZY, nearestWords, WORD_KIND, type Near, type Vocabulary } from './fuzzy.js';
import { tokenKey } from './keys.js';
import { ABBREVIATIONS, SITE_NAMES, STOPWORDS } from './lexicon.js';
import type { Token } from './normalize.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const PLAIN_WORD = /^[a-z]+$/;

/** What a typed word was corrected to. */
export interface Correction {
  readonly word: string;
  readonly edits: number;
}

/** Every letter of `typed` appears in `word`, in order: the typo only left letters out ("lawer"). */
export function leftLettersOut(typed: string, word: string): boolean {
  if (word.length <= typed.length) return false;
  let i = 0;
  for (let j = 0; j < word.length && i < typed.length; j += 1) if (word[j] === typed[i]) i += 1;
  return i === typed.length;
}

/**
 * The one best candidate, or undefined on a tie. A changed first letter counts as one more edit
 * (typing rarely gets the first letter wrong: "sallery" is "salary", not "gallery"), then the nearest
 * wins, then the one keeping the first letter, then the one the typed word only left letters out of
 * (the commonest typo: "educaton" is "education", not "educator"; "lawer" is "lawyer", not "layer").
 */
function pick(candidates: readonly Near[], typed: string): Near | undefined {
  const cost = (c: Near): number => c.edits + (c.word[0] === typed[0] ? 0 : 1);
  const best = Math.min(...candidates.map(cost));
  const nearest = candidates.filter((c) => cost(c) === best);
  const sameStart = nearest.filter((c) => c.word[0] === typed[0]);
  let pool = sameStart.length > 0 ? sameStart : nearest;
  const distinctKeys = (list: readonly Near[]): number => new Set(list.map((c) => tokenKey(c.word))).size;
  if (distinctKeys(pool) > 1) {
    const typedKey = tokenKey(typed);
    const dropped = pool.filter(
      (c) => leftLettersOut(typed, c.word) || leftLettersOut(typedKey, tokenKey(c.word)),
    );
    if (dropped.length > 0) pool = dropped;
  }
  return distinctKeys(pool) === 1 ? pool[0] : undefined;
}

/** A two- or three-letter word missing one letter of a topic or cue word ("hw" -> "how"). */
function shortCorrection(word: string, vocab: Vocabulary): Correction | undefined {
  const found = new Set<string>();
  for (let i = 0; i <= word.length; i += 1) {
    for (const letter of LETTERS) {
      const candidate = word.slice(0, i) + letter + word.slice(i);
      const kinds = vocab.kinds.get(candidate) ?? 0;
      if ((kinds & (WORD_KIND.topic | WORD_KIND.cue)) !== 0) found.add(candidate);
    }
  }
  // "hom" is "home", not "whom": a typo keeps the first letter when a candidate does.
  const sameStart = [...found].filter((c) => c[0] === word[0]);
  if (found.size > 1 && sameStart.length === 1) return { word: sameStart[0] ?? '', edits: 1 };
  if (found.size !== 1) return undefined;
  const [only] = found;
  return only === undefined ? undefined : { word: only, edits: 1 };
}

/**
 * The vocabulary word a typed word stands for, or undefined when it is fine as it is (known, a real
 * word, an acronym, too short) or cannot be told (no near word, or several equally near).
 */
export function correctSpelling(token: Token, vocab: Vocabulary, english: English): Correction | undefined {
  const word = token.norm;
  if (!PLAIN_WORD.test(word) || STOPWORDS.has(word) || vocab.kinds.has(word)) return undefined;
  if (ABBREVIATIONS[word] !== undefined || SITE_NAMES.has(word)) return undefined;
  const key = tokenKey(word);
  if (key !== word && ((vocab.kinds.get(key) ?? 0) & WORD_KIND.role) !== 0) return undefined;
  // An acronym typed in capitals ("CFO") is a name, not a typo; so is an identifier ("toString").
  if (token.raw.length > 1 && token.raw === token.raw.toUpperCase()) return undefined;
  if (/\p{Ll}\p{Lu}/u.test(token.raw)) return undefined;
  if (english.isWord(word)) return undefined;
  if (word.length < FUZZY.minCueLength) return word.length >= 2 ? shortCorrection(word, vocab) : undefined;
  const cueMask = WORD_KIND.topic | WORD_KIND.cue;
  const cueEdits = word.length >= FUZZY.cueTwoEditLength ? FUZZY.maxEditsLong : FUZZY.maxEditsShort;
  const roleEdits = word.length >= FUZZY.longLength ? FUZZY.maxEditsLong : FUZZY.maxEditsShort;
  const candidates: Near[] = [];
  const consider = (found: readonly Near[]): void => {
    for (const c of found) {
      const i = candidates.findIndex((x) => x.word === c.word);
      if (i < 0) candidates.push(c);
      else if ((candidates[i]?.edits ?? 0) > c.edits) candidates[i] = c;
    }
  };
  consider(nearestWords(vocab, word, cueEdits, cueMask));
  // Short words share too few trigrams with a swap of two letters ("mcuh", "mkae"): try every
  // spelling one edit away against the topic and cue words.
  if (candidates.length === 0 && word.length <= FUZZY.minLength) {
    forEachOneEdit(word, (variant) => {
      const kinds = vocab.kinds.get(variant) ?? 0;
      if ((kinds & cueMask) !== 0 && variant.length >= FUZZY.minCueLength && variant !== word)
        consider([{ word: variant, edits: 1, kinds }]);
    });
  }
  if (word.length >= FUZZY.minLength) {
    // Towards a role word only keeping the first letter: another role is never reached by resemblance.
    const sameStart = (found: readonly Near[]): Near[] => found.filter((c) => c.word[0] === word[0]);
    consider(sameStart(nearestWords(vocab, word, roleEdits, WORD_KIND.role)));
    if (key !== word) consider(sameStart(nearestWords(vocab, key, roleEdits, WORD_KIND.role)));
  }
  let best = candidates.length > 0 ? pick(candidates, word) : undefined;
  // Spelt by sound ("operashuns", "educashun", "fisical", "farmacist"): the usual spelling of the
  // sound, then the same search; the rewrite counts as one edit more. Also when the near words tie.
  if (best === undefined) {
    for (const variant of soundAlikes(word)) {
      // The first letter of the respelt word ("farmacist" -> "pharmacist" starts with p).
      const found = nearestWords(vocab, variant, FUZZY.maxEditsShort, cueMask | WORD_KIND.role).filter(
        (c) => c.word[0] === variant[0],
      );
      const chosen = found.length > 0 ? pick(found, variant) : undefined;
      if (chosen !== undefined) {
        best = { ...chosen, edits: chosen.edits + 1 };
        break;
      }
    }
  }
  return best === undefined ? undefined : { word: best.word, edits: best.edits };
}

/** Spellings of a sound, as typed -> as usually written. */
const SOUND_SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/shuns?$/u, 'tion'],
  [/shun(?=s$)/u, 'tion'],
  [/shen(s?)$/u, 'tion$1'],
  [/ph/u, 'f'],
  [/f/u, 'ph'],
  [/kw/u, 'qu'],
  [/z$/u, 's'],
  [/ite(s?)$/u, 'ight$1'],
];

/** The word with one sound respelt, each way that applies ("operashuns" -> "operations"). */
export function soundAlikes(word: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacement] of SOUND_SPELLINGS) {
    if (!pattern.test(word)) continue;
    let variant = word.replace(pattern, replacement);
    if (word.endsWith('shuns') && variant.endsWith('tion')) variant += 's';
    if (variant !== word && !out.includes(variant)) out.push(variant);
  }
  return out;
}

/** The tokens with every correctable word corrected; `typed` keeps what was written. */
export function correctTokens(tokens: readonly Token[], vocab: Vocabulary, english: English): Token[] {
  return tokens.map((t) => {
    if (t.link === true) return t;
    const fix = correctSpelling(t, vocab, english);
    return fix === undefined ? t : { ...t, norm: fix.word, typed: t.norm, edits: fix.edits };
  });
}
