/**
 * Scanning a question for known roles: longest name n-grams first (as typed, then with abbreviations
 * expanded and typos inside names corrected), a head noun shared across "or"/"and" ("ops managers or
 * coordinators"), then bare title heads ("coordinators") when nothing qualifies them. Cost depends on
 * the question, not on the number of roles.
 */
import type { RoleId } from '../knowledge/model.js';
import { editDistance } from '../text/distance.js';
import { forEachOneEdit, FUZZY, nearestWords, WORD_KIND } from './fuzzy.js';
import { tokenKey } from './keys.js';
import {
  ABBREVIATIONS,
  COMPARE_CUES,
  FIELD_AGENTS,
  CHAT_SHORTHAND,
  GENERIC_PEOPLE,
  NOUN_SLOT_AFTER,
  NOUN_SLOT_BEFORE,
  SHORTHAND_JOBS,
  JOINERS,
  NON_ROLE_ACRONYMS,
  PLAIN_QUALIFIERS,
  RANK_WORDS,
  ROLE_HEADS,
  LIST_NOUNS,
  STOPWORDS,
} from './lexicon.js';
import type { English } from './english/words.js';
import type { Token } from './normalize.js';
import { isTopicWord } from './topics.js';
import { soundAlikes } from './spelling.js';
import { stem } from './natural.js';
import { lookupName, roleIdsOf, STANDING, type RoleIndex } from './role-index.js';

/** Words that end titles but are too common alone to name a role ("head to the office", "lead time"). */
const NOT_BARE = new Set([
  'head',
  'lead',
  'chief',
  'associate',
  'partner',
  'owner',
  'master',
  'member',
  'staff',
]);

/** Verbs whose object names a driver: "DRIVE a semi truck". */
const DRIVE_VERBS = new Set(['drive', 'drives', 'driving', 'drove']);

/** Prepositions of place: "ON a poster", "IN a hangar". */
const PLACE_BEFORE = new Set(['on', 'in', 'at', 'under', 'inside', 'behind', 'near', 'from']);

/** Words before a field that make it the job: "get INTO plumbing", "STUDY nursing" (and "a career IN"). */
const FIELD_BEFORE = new Set(['into', 'study', 'studying', 'pursue', 'pursuing']);

/** Words after which a person word is said to someone: "thanks MATE", "hey BRO". */
const VOCATIVE_BEFORE = new Set([
  'cheers',
  'thanks',
  'thank',
  'thx',
  'ty',
  'ta',
  'hi',
  'hey',
  'hello',
  'bye',
  'yo',
  'ok',
  'okay',
  'sorry',
]);

/** Most spellings tried per n-gram when several of its words have alternatives. */
const MAX_COMBINATIONS = 16;

/** A known role named in the question. */
export interface RoleMention {
  /** One role, or several when the words fit several (a shared name or a bare head: ambiguous). */
  readonly roles: readonly RoleId[];
  /** Token span [start, end). */
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly kind: 'alias' | 'fuzzy' | 'ellipsis' | 'head';
  /** The name's standing (STANDING), for names; undefined for bare heads. */
  readonly standing?: number;
}

/** Words that belong to some role name but name no role on their own ("ops?", "operations"). */
export interface PartialMention {
  readonly start: number;
  readonly end: number;
  readonly candidates: readonly RoleId[];
}

export interface RoleScan {
  readonly mentions: readonly RoleMention[];
  readonly partials: readonly PartialMention[];
  /** Per token: part of a known role mention. */
  readonly covered: readonly boolean[];
}

/** A word that qualifies a following title ("PROJECT manager", "OFFICE manager"): anything but glue. */
/** An agent noun ("standers", "cuddler"), as a job title's last word often is. */
const AGENT_NOUN = /(?:er|or|ist|ian)s?$/u;

export function isQualifier(token: Token | undefined, english?: English): boolean {
  if (token === undefined) return false;
  // "RANK plumbers and electricians": a ranking verb is no part of a title; nor is any word that is
  // only ever a verb ("will ai REPLACE translators").
  const w = token.norm;
  if (STOPWORDS.has(w) || COMPARE_CUES.has(w) || RANK_WORDS.has(w) || /^\d+$/.test(w)) return false;
  return english?.isVerbOnly(w) !== true;
}

/** One spelling of a token for name lookup, and what it cost. */
interface Spelling {
  readonly key: string;
  readonly edits: number;
  /** An expansion or a correction made inside a name only ("manger" -> "manager"). */
  readonly inName: boolean;
  /** May stand alone as a one-word name. */
  readonly alone: boolean;
  /** A correction of a short word ("hed"): needs an exact word of the name beside it. */
  readonly short: boolean;
}

/**
 * The role word a typed word most likely meant inside a name, or undefined: only words of
 * FUZZY.minLength or more, never function words, never another form of the same word ("manage" is not
 * "manager").
 */
export function correctWord(key: string, index: RoleIndex): { word: string; edits: number } | undefined {
  if (((index.vocab.kinds.get(key) ?? 0) & WORD_KIND.role) !== 0) return { word: key, edits: 0 };
  if (key.length < FUZZY.minLength || STOPWORDS.has(key)) return undefined;
  return inNameFixes(key, index)[0];
}

function inNameFixes(key: string, index: RoleIndex): { word: string; edits: number }[] {
  const maxEdits = key.length >= FUZZY.longLength ? FUZZY.maxEditsLong : FUZZY.maxEditsShort;
  const keyStem = stem(key);
  // A typo keeps its first letter: changing it would name another role by resemblance ("cuddler" is
  // not a puddler).
  const found = nearestWords(index.vocab, key, maxEdits, WORD_KIND.role).filter(
    (near) => near.word !== key && near.word[0] === key[0] && stem(near.word) !== keyStem,
  );
  // Words too short for the trigram index ("ops", "hed"): every spelling one edit away.
  if (key.length <= FUZZY.minCueLength) {
    forEachOneEdit(key, (variant) => {
      if (variant[0] !== key[0] || variant.length < 2 || variant === key) return;
      const kinds = index.vocab.kinds.get(variant) ?? 0;
      if ((kinds & WORD_KIND.role) === 0) return;
      if (!found.some((f) => f.word === variant)) found.push({ word: variant, edits: 1, kinds });
    });
  }
  return found.slice(0, 3);
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
/** Most role words a vowelless word is read as. */
const MAX_UNVOWELLED = 3;

/**
 * The role words (first letter kept) whose consonants are exactly a vowelless typed word of three to
 * six letters ("chf" -> "chief", "crdntr" -> "coordinator"); none when more than a few fit. A linear
 * look over the role words, run only for such words.
 */
function unvowelled(typed: string, index: RoleIndex): string[] {
  if (typed.length < 3 || typed.length > 6 || !/^[a-z]+$/u.test(typed)) return [];
  for (const c of typed) if (VOWELS.has(c)) return [];
  const out: string[] = [];
  const { words, wordKinds } = index.vocab;
  for (let w = 0; w < words.length; w += 1) {
    const word = words[w] ?? '';
    if (word[0] !== typed[0] || word.length <= typed.length || ((wordKinds[w] ?? 0) & WORD_KIND.role) === 0)
      continue;
    let k = 0;
    let fits = true;
    for (const c of word) {
      if (VOWELS.has(c)) continue;
      if (c !== typed[k]) {
        fits = false;
        break;
      }
      k += 1;
    }
    if (!fits || k !== typed.length) continue;
    out.push(word);
    if (out.length > MAX_UNVOWELLED) return [];
  }
  return out;
}

/** The name-lookup key of a phrase ("truck drivers" -> "truck driver"). */
function keyOfPhrase(phrase: string): string {
  return phrase.split(' ').map(tokenKey).join(' ');
}

function isRoleWord(index: RoleIndex, key: string): boolean {
  return ((index.vocab.kinds.get(key) ?? 0) & WORD_KIND.role) !== 0;
}

/**
 * What a short typed word may be with its commonest slips undone: zeros typed for o's ("c00" ->
 * "coo"), a repeated letter typed once more ("opps" -> "ops", "cooo" -> "coo"). Only words of letters
 * (and zeros).
 */
export function typedVariants(word: string): { readonly word: string; readonly certain: boolean }[] {
  if (word.length < 3 || word.length > 6 || !/^[a-z0]+$/u.test(word) || !/[a-z]/u.test(word)) return [];
  const out: { word: string; certain: boolean }[] = [];
  const letters = word.replaceAll('0', 'o');
  if (letters !== word) out.push({ word: letters, certain: true });
  // One letter less in each run of a repeated letter: "opps" -> "ops" (or "oops"?), "cooo" -> "coo"
  // (no English word has a letter three times over: that one is certain).
  for (let k = 1; k < letters.length; k += 1) {
    if (letters[k] !== letters[k - 1] || letters[k] === letters[k + 1]) continue;
    const variant = letters.slice(0, k) + letters.slice(k + 1);
    const tripled = letters[k - 2] === letters[k];
    if (variant.length >= 2 && !out.some((v) => v.word === variant))
      out.push({ word: variant, certain: tripled });
  }
  return out;
}

function spellingsOf(token: Token, index: RoleIndex, nearRoleWord: () => boolean): Spelling[] {
  const key = tokenKey(token.norm);
  const out: Spelling[] = [{ key, edits: token.edits ?? 0, inName: false, alone: true, short: false }];
  const expansion = ABBREVIATIONS[key] ?? ABBREVIATIONS[token.norm];
  if (expansion !== undefined)
    out.push({ key: keyOfPhrase(expansion), edits: 0, inName: true, alone: true, short: false });
  // "ops MANAGEMENT" inside a name reads as its agent ("manager"), never alone.
  const agent = FIELD_AGENTS[key];
  if (agent !== undefined) out.push({ key: agent, edits: 1, inName: true, alone: false, short: false });
  // "NPs", "PAs": an acronym in capitals with a plural s is the acronym.
  if (/^[A-Z]{2,4}s$/u.test(token.raw)) {
    const acronym = token.raw.slice(0, -1).toLowerCase();
    if (acronym !== key) out.push({ key: acronym, edits: 0, inName: true, alone: true, short: false });
  }
  // "opps", "c00": a letter typed twice, or zeros for o's, towards an abbreviation or a name.
  for (const { word: variant, certain } of typedVariants(token.norm)) {
    const expanded = ABBREVIATIONS[variant];
    if (expanded !== undefined)
      out.push({ key: keyOfPhrase(expanded), edits: 1, inName: true, alone: false, short: false });
    else if (lookupName(index, tokenKey(variant)) !== undefined || isRoleWord(index, tokenKey(variant)))
      // Zeros for o's and a tripled letter are no guess ("c00", "cooo" are "coo"); a short word with a
      // doubled letter less may be another ("oops" is no "ops").
      out.push({
        key: tokenKey(variant),
        edits: 1,
        inName: true,
        alone: true,
        short: variant.length < 4 && !certain,
      });
  }
  // The word as typed, when spelling correction changed it: "flite" was read as "flute", but inside
  // a name it may be "flight" (spelt by sound).
  if (token.typed !== undefined) {
    for (const variant of soundAlikes(token.typed)) {
      const k = tokenKey(variant);
      const near = isRoleWord(index, k) ? [{ word: k, edits: 0 }] : inNameFixes(k, index);
      for (const f of near) {
        if (f.word === key || out.some((o) => o.key === f.word)) continue;
        out.push({
          key: f.word,
          edits: (token.edits ?? 1) + 1 + f.edits,
          inName: true,
          alone: false,
          short: false,
        });
      }
    }
  }
  if (STOPWORDS.has(key) || /\d/.test(key) || key.length < 3) return out;
  const kinds = index.vocab.kinds.get(key) ?? 0;
  // Txt-speak without vowels ("chf operatins oficer"): the role words with just those consonants.
  if (kinds === 0 && expansion === undefined && !CHAT_SHORTHAND.has(key)) {
    for (const word of unvowelled(token.norm, index))
      out.push({ key: word, edits: 1, inName: true, alone: false, short: true });
  }
  if ((kinds & (WORD_KIND.role | WORD_KIND.topic | WORD_KIND.cue)) !== 0) return out;
  // Inside a name, even a real word may be a typo ("ops manger"); the whole name must then match.
  const isWord = index.english.isWord(key);
  if (isWord && !nearRoleWord()) return out;
  const short = key.length < FUZZY.minLength;
  const fixes = inNameFixes(key, index);
  if (token.norm !== key && token.norm.length <= FUZZY.minCueLength) {
    for (const f of inNameFixes(token.norm, index)) if (!fixes.some((x) => x.word === f.word)) fixes.push(f);
  }
  for (const near of fixes.slice(0, 4)) {
    const alone = !isWord && !short && near.word.length >= FUZZY.minSingleWordLength;
    out.push({ key: near.word, edits: near.edits, inName: true, alone, short });
  }
  return out;
}

interface Match {
  readonly end: number;
  readonly ordinals: readonly number[];
  readonly standing: number;
  readonly edits: number;
  readonly words: readonly string[];
}

/**
 * Find the known roles named in a question: longest name n-grams first (exact, then with expansions
 * and corrections), shared heads across "or"/"and", then bare title heads when nothing qualifies them.
 * Tokens flagged `skip` (e.g. a relation phrase) are never part of a role.
 */
export function scanRoles(tokens: readonly Token[], index: RoleIndex, skip?: readonly boolean[]): RoleScan {
  const n = tokens.length;
  const keys = tokens.map((t) => tokenKey(t.norm));
  const spellings: (Spelling[] | undefined)[] = new Array<Spelling[] | undefined>(n);
  // Inside a name, a real word may be a typo ("ops manger") only next to a word of some role name.
  const nearRoleWord = (j: number): boolean => {
    for (let d = -2; d <= 2; d += 1) {
      const key = keys[j + d];
      if (d === 0 || key === undefined || STOPWORDS.has(key)) continue;
      if (((index.vocab.kinds.get(key) ?? 0) & WORD_KIND.role) !== 0) return true;
      // "opps mangers": a slip of an abbreviation next to it counts too.
      if (typedVariants(tokens[j + d]?.norm ?? '').some((v) => ABBREVIATIONS[v.word] !== undefined))
        return true;
      // "operatins manger": a misspelt role word right beside it, which is no English word itself.
      const beside = Math.abs(d) === 1 && key.length >= FUZZY.minLength && !index.english.isWord(key);
      if (beside && correctWord(key, index) !== undefined) return true;
    }
    return false;
  };
  const spell = (j: number): Spelling[] => {
    let s = spellings[j];
    if (s === undefined) {
      const token = tokens[j];
      s = token === undefined ? [] : spellingsOf(token, index, () => nearRoleWord(j));
      // "get into PLUMBING", "a career in NURSING": a field right after a way in names its job.
      const agent = FIELD_AGENTS[keys[j] ?? ''];
      const before = tokens[j - 1]?.norm ?? '';
      const way =
        FIELD_BEFORE.has(before) ||
        (before === 'in' && (LIST_NOUNS.has(tokens[j - 2]?.norm ?? '') || tokens[j - 2]?.norm === 'work'));
      if (agent !== undefined && way && tokens[j]?.breakBefore !== true)
        s = s.map((x) => (x.key === agent ? { ...x, alone: true } : x));
      spellings[j] = s;
    }
    return s;
  };
  const covered: boolean[] = new Array<boolean>(n).fill(false);
  const mentions: RoleMention[] = [];
  const usable = (j: number): boolean => skip?.[j] !== true;

  /**
   * A one-word name stands for its roles only as typed for them: an O*NET short name that is also a word
   * ("DO", "RN", "PA") needs capitals, and a name qualified by a word that is no part of it ("PROMPT
   * engineer", "chief VIBES officer") is a title the knowledge base does not know, not this name.
   */
  const oneWordNameFits = (i: number, standing: number): boolean => {
    const token = tokens[i];
    if (token === undefined) return false;
    const key = keys[i] ?? '';
    if (standing >= STANDING.alternate && key.length <= 3) {
      const everyday = STOPWORDS.has(key) || NON_ROLE_ACRONYMS.has(key) || CHAT_SHORTHAND.has(key);
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      const nounSlot =
        SHORTHAND_JOBS.has(key) &&
        ((prev !== undefined && !token.breakBefore && NOUN_SLOT_BEFORE.has(prev.norm)) ||
          (next !== undefined && !next.breakBefore && NOUN_SLOT_AFTER.has(next.norm)) ||
          // "rn pay?": first in its sentence, right before a topic word.
          ((i === 0 || token.breakBefore) && next !== undefined && isTopicWord(index.topics, next.norm)));
      // "NPs", "PAs": capitals with a plural s are typed as the acronym.
      const capitals = token.raw === token.raw.toUpperCase() || /^[A-Z]{2,5}s$/u.test(token.raw);
      if (everyday && !capitals && !nounSlot) return false;
    }
    // "my BROTHER", "cheers MATE": people in general are no weak one-word name (Clergy lists
    // "Brother", ship crews "Mate").
    // A word of an occupation's own title ("Captains, MATES, and Pilots") only when not said to the
    // bot ("cheers MATE").
    if (GENERIC_PEOPLE.has(key)) {
      if (standing >= STANDING.alternate) return false;
      const said = tokens[i - 1];
      if (standing >= STANDING.conjunct && said !== undefined && VOCATIVE_BEFORE.has(said.norm)) return false;
    }
    // "saw this ON A POSTER": after a preposition of place and an article, a weak one-word name is a
    // thing (bill posters are people; a poster at the bus stop is not).
    const article = tokens[i - 1];
    if (
      standing >= STANDING.alternate &&
      article !== undefined &&
      !token.breakBefore &&
      (article.norm === 'a' || article.norm === 'an' || article.norm === 'the') &&
      PLACE_BEFORE.has(tokens[i - 2]?.norm ?? '')
    )
      return false;
    // "plumbing as a TRADE": words for jobs in general are no one-word name.
    if (LIST_NOUNS.has(key) || LIST_NOUNS.has(token.norm)) return false;
    // "an 18-WHEELER": a weak one-word name right after a number is part of a compound.
    const prior = tokens[i - 1];
    if (
      standing >= STANDING.alternate &&
      prior !== undefined &&
      !token.breakBefore &&
      /^\d+$/u.test(prior.norm)
    )
      return false;
    // "CHIEF vibes officer": a modifier word named as a role only when it ends its phrase.
    const after = tokens[i + 1];
    if ((NOT_BARE.has(key) || PLAIN_QUALIFIERS.has(key)) && after !== undefined && !after.breakBefore) {
      const kinds = index.vocab.kinds.get(tokenKey(after.norm)) ?? 0;
      if (isQualifier(after, index.english) && (kinds & (WORD_KIND.topic | WORD_KIND.cue)) === 0)
        return false;
    }
    const before = tokens[i - 1];
    // A name that is not the whole own title is weak: "GHOST hunter" is no Hunters and Trappers.
    const weak = standing >= STANDING.conjunct;
    if (weak && before !== undefined && !token.breakBefore && usable(i - 1) && covered[i - 1] !== true) {
      const q = before.norm;
      if (isQualifier(before, index.english) && !PLAIN_QUALIFIERS.has(q) && !/'s?$/u.test(before.raw))
        return false;
    }
    return true;
  };

  const matchAt = (i: number): Match | undefined => {
    if (!usable(i)) return undefined;
    // Only words that start some name can start a match; no longer than the longest such name.
    let startsName = 0;
    for (const s of spell(i)) {
      startsName = Math.max(startsName, index.firstWords.get(s.key) ?? 0);
      const space = s.key.indexOf(' ');
      if (space >= 0) startsName = Math.max(startsName, index.firstWords.get(s.key.slice(0, space)) ?? 0);
    }
    if (startsName === 0) return undefined;
    const longest = Math.min(index.maxAliasTokens, n - i, startsName);
    for (let len = longest; len >= 1; len -= 1) {
      let blocked = false;
      for (let j = i; j < i + len; j += 1) {
        if (!usable(j) || (j > i && tokens[j]?.breakBefore === true)) blocked = true;
        if (tokens[j]?.struck !== tokens[i]?.struck || tokens[j]?.link !== tokens[i]?.link) blocked = true;
      }
      if (blocked) continue;
      const exactWords = keys.slice(i, i + len);
      const hit = lookupName(index, exactWords.join(' '));
      if (hit !== undefined && (len > 1 || oneWordNameFits(i, hit.standing))) {
        let edits = 0;
        for (let j = i; j < i + len; j += 1) edits += tokens[j]?.edits ?? 0;
        return { end: i + len, ordinals: hit.ordinals, standing: hit.standing, edits, words: exactWords };
      }
      const fuzzy = fuzzyAt(i, len);
      if (fuzzy !== undefined) return fuzzy;
    }
    return undefined;
  };

  // Every combination of spellings (bounded), at least one of them an expansion or in-name correction.
  const fuzzyAt = (i: number, len: number): Match | undefined => {
    const options: Spelling[][] = [];
    let combinations = 1;
    for (let j = i; j < i + len; j += 1) {
      const s = spell(j);
      options.push(s);
      combinations *= s.length;
    }
    if (combinations <= 1) return undefined;
    let best: Match | undefined;
    let tried = 0;
    const walk = (
      k: number,
      words: string[],
      edits: number,
      changed: boolean,
      lone: boolean,
      short: boolean,
      anchored: boolean,
    ): void => {
      if (tried >= MAX_COMBINATIONS) return;
      if (k === options.length) {
        if (!changed) return;
        tried += 1;
        if (len === 1 && !lone) return;
        const hit = lookupName(index, words.join(' '));
        if (hit === undefined || (best !== undefined && best.edits <= edits)) return;
        // Short words corrected ("hed", "opps") need an exact word of the name beside them, or a
        // curated name of three words or more that only one role has ("hed of opps": head of ops).
        const longCurated =
          len >= 3 &&
          edits <= Math.max(FUZZY.maxEditsLong, len) &&
          hit.ordinals.length === 1 &&
          hit.standing <= STANDING.alias;
        if (short && !anchored && !longCurated) return;
        best = { end: i + len, ordinals: hit.ordinals, standing: hit.standing, edits, words: [...words] };
        return;
      }
      const first = options[k]?.[0];
      for (const s of options[k] ?? []) {
        words.push(s.key);
        const exactContent = s === first && !STOPWORDS.has(s.key);
        walk(
          k + 1,
          words,
          edits + s.edits,
          changed || s.inName,
          lone && s.alone,
          short || s.short,
          anchored || exactContent,
        );
        words.pop();
      }
    };
    walk(0, [], 0, false, true, false, false);
    return best;
  };

  let i = 0;
  while (i < n) {
    const m = matchAt(i);
    if (m === undefined) {
      i += 1;
      continue;
    }
    const confidence =
      m.edits === 0 ? 1 : Math.max(0.5, FUZZY.fuzzyConfidence - FUZZY.perEditPenalty * m.edits);
    mentions.push({
      roles: roleIdsOf(index, m.ordinals),
      start: i,
      end: m.end,
      confidence: m.ordinals.length > 1 ? Math.min(confidence, 0.4) : confidence,
      kind: m.edits === 0 ? 'alias' : 'fuzzy',
      standing: m.standing,
    });
    for (let j = i; j < m.end; j += 1) covered[j] = true;
    // "UX or UI designer": the head is shared back across the joiner ("UX designer").
    const back = i - 2;
    const backJoiner = tokens[i - 1];
    if (
      m.words.length >= 2 &&
      back >= 0 &&
      backJoiner !== undefined &&
      JOINERS.has(backJoiner.norm) &&
      !backJoiner.breakBefore &&
      covered[back] !== true &&
      usable(back) &&
      !STOPWORDS.has(keys[back] ?? '')
    ) {
      // "tool AND die makers" is one name whose "and" the names leave out: no head to share.
      const whole = lookupName(index, [keys[back] ?? '', ...m.words].join(' '));
      const shared =
        whole === undefined
          ? lookupName(index, [keys[back] ?? '', ...m.words.slice(1)].join(' '))
          : undefined;
      if (shared !== undefined) {
        mentions.push({
          roles: roleIdsOf(index, shared.ordinals),
          start: back,
          end: back + 1,
          confidence: shared.ordinals.length > 1 ? 0.4 : 0.9,
          kind: 'ellipsis',
          standing: shared.standing,
        });
        covered[back] = true;
      }
    }
    i = m.end;
    // "operations managers or coordinators": the qualifier is shared across the joiner.
    const joiner = tokens[i];
    const next = i + 1;
    if (
      m.words.length >= 2 &&
      joiner !== undefined &&
      JOINERS.has(joiner.norm) &&
      next < n &&
      usable(next) &&
      matchAt(next) === undefined
    ) {
      const word = keys[next] ?? '';
      const shared = lookupName(index, [...m.words.slice(0, -1), word].join(' '));
      const ordinals = shared?.ordinals ?? sharedHeadRoles(index, m.words.slice(0, -1), word);
      if (ordinals !== undefined && ordinals.length === 1) {
        mentions.push({
          roles: roleIdsOf(index, ordinals),
          start: next,
          end: next + 1,
          confidence: 0.9,
          kind: 'ellipsis',
          standing: shared?.standing ?? STANDING.alias,
        });
        covered[next] = true;
        i = next + 1;
      }
    }
  }

  // "to DRIVE a semi truck", "driving buses": what someone drives names the driver.
  for (let k = 0; k + 1 < n; k += 1) {
    if (!DRIVE_VERBS.has(tokens[k]?.norm ?? '')) continue;
    let s = k + 1;
    while (s < n && ['a', 'an', 'the'].includes(tokens[s]?.norm ?? '')) s += 1;
    for (let len = Math.min(2, n - s); len >= 1; len -= 1) {
      let free = true;
      for (let j = s; j < s + len; j += 1)
        if (covered[j] === true || !usable(j) || (j > k + 1 && tokens[j]?.breakBefore === true)) free = false;
      if (!free) continue;
      const hit = lookupName(index, [...keys.slice(s, s + len), 'driver'].join(' '));
      if (hit === undefined) continue;
      mentions.push({
        roles: roleIdsOf(index, hit.ordinals),
        start: s,
        end: s + len,
        confidence: hit.ordinals.length > 1 ? 0.4 : 0.9,
        kind: 'alias',
        standing: hit.standing,
      });
      for (let j = s; j < s + len; j += 1) covered[j] = true;
      break;
    }
  }

  // Bare heads: "coordinators", "the manager" -- only when no other word qualifies them.
  for (let k = 0; k < n; k += 1) {
    const token = tokens[k];
    const key = keys[k] ?? '';
    if (covered[k] === true || token === undefined || !usable(k) || NOT_BARE.has(key)) continue;
    if (!ROLE_HEADS.has(key) && !index.english.isPerson(key)) continue;
    // "do in ENGINEERING", "NURSING": a field or an activity is no bare head.
    if (!ROLE_HEADS.has(key) && key.length > 5 && key.endsWith('ing')) continue;
    // "asking for a FRIEND" is no "Friend of the Court": people in general are never a bare head.
    if (!ROLE_HEADS.has(key) && GENERIC_PEOPLE.has(key)) continue;
    const head = index.heads.get(key);
    if (head === undefined) continue;
    const before = tokens[k - 1];
    if (covered[k - 1] !== true && !token.breakBefore && isQualifier(before, index.english) && usable(k - 1))
      continue;
    // "an 18-WHEELER": a number before it makes a compound.
    if (before !== undefined && !token.breakBefore && /^\d+$/u.test(before.norm)) continue;
    // "saw this ON A POSTER": a thing in a place, not a person.
    if (
      before !== undefined &&
      !token.breakBefore &&
      ['a', 'an', 'the'].includes(before.norm) &&
      PLACE_BEFORE.has(tokens[k - 2]?.norm ?? '')
    )
      continue;
    const after = tokens[k + 1];
    if (
      after !== undefined &&
      !after.breakBefore &&
      after.norm === 'of' &&
      isQualifier(tokens[k + 2], index.english)
    )
      continue;
    // "PROFESSIONAL cuddler": a word qualifying the next one is not a head.
    if (after !== undefined && !after.breakBefore && usable(k + 1) && isQualifier(after, index.english)) {
      // A word of some topic or cue phrase does not, unless a person noun follows it ("professional
      // LINE standers"); a topic word of its own never does ("professional SALARY").
      const kinds = index.vocab.kinds.get(tokenKey(after.norm)) ?? 0;
      if ((kinds & (WORD_KIND.topic | WORD_KIND.cue)) === 0) continue;
      const third = tokens[k + 2];
      const personAfter =
        third !== undefined && !third.breakBefore && index.english.isPerson(tokenKey(third.norm));
      if (!isTopicWord(index.topics, after.norm) && (personAfter || AGENT_NOUN.test(third?.norm ?? '')))
        continue;
    }
    mentions.push({
      roles: roleIdsOf(index, head),
      start: k,
      end: k + 1,
      confidence: head.length === 1 ? 0.7 : 0.4,
      kind: 'head',
    });
    covered[k] = true;
  }
  mentions.sort((a, b) => a.start - b.start);
  // "what EXTRA training do paramedics need": beside a role named outright, a weak one-word name that
  // is also an adjective (actors list "Extra") describes something.
  const named = mentions.filter(
    (m) => m.end - m.start > 1 || (m.standing ?? STANDING.alternate) < STANDING.alternate,
  );
  const kept =
    named.length === 0
      ? [...mentions]
      : mentions.filter((m) => {
          if (m.end - m.start !== 1 || m.kind === 'head' || (m.standing ?? 0) < STANDING.alternate)
            return true;
          const key = keys[m.start] ?? '';
          const adjective = index.english.isAdjective(key) && !ROLE_HEADS.has(key);
          if (adjective) for (let j = m.start; j < m.end; j += 1) covered[j] = false;
          return !adjective;
        });
  mentions.length = 0;
  mentions.push(...kept);

  const partials: PartialMention[] = [];
  for (let k = 0; k < n; k += 1) {
    if (covered[k] === true || !usable(k)) continue;
    const key = keys[k] ?? '';
    const kinds = index.vocab.kinds.get(key) ?? 0;
    if ((kinds & WORD_KIND.title) === 0 || (kinds & (WORD_KIND.topic | WORD_KIND.cue)) !== 0) continue;
    if (STOPWORDS.has(tokens[k]?.norm ?? '')) continue;
    // "OCCUPATIONS like firefighter": a word for jobs in general names none of them.
    if (LIST_NOUNS.has(tokens[k]?.norm ?? '')) continue;
    // "a REAL career", "HIGH school": an everyday adjective is no part-named role.
    if (index.english.isAdjective(key)) continue;
    partials.push({ start: k, end: k + 1, candidates: roleIdsOf(index, index.wordRoles.get(key) ?? []) });
  }
  return { mentions, partials, covered };
}

/** Roles named "<qualifier> <word>" whose qualifier shares a word with `qualifier`. */
function sharedHeadRoles(index: RoleIndex, qualifier: readonly string[], word: string): number[] | undefined {
  const head = index.heads.get(word);
  if (head === undefined) return undefined;
  const related = new Set<number>();
  for (const q of qualifier) for (const r of index.wordRoles.get(q) ?? []) related.add(r);
  const roles = head.filter((r) => related.has(r));
  return roles.length === 1 ? roles : undefined;
}

/**
 * Known roles that look like an unknown mention, for "did you mean": roles sharing a word with it, and
 * for acronyms the known acronyms one letter away (CEO -> COO). Never used to answer, only to offer.
 */
export function nearestRoles(words: readonly string[], index: RoleIndex, limit = 3): RoleId[] {
  const found: number[] = [];
  const add = (roles: readonly number[] | undefined): void => {
    for (const r of roles ?? []) {
      if (found.length >= limit * 4) return;
      if (!found.includes(r)) found.push(r);
    }
  };
  for (const raw of words) {
    const key = tokenKey(raw.toLowerCase());
    if (STOPWORDS.has(key)) continue;
    if (index.vocab.kinds.has(key)) add(index.wordRoles.get(key));
    else if (key.length < FUZZY.minLength) {
      for (const w of index.short.get(`${key.length}${key[0] ?? ''}`) ?? []) {
        if (editDistance(key, w, 1) <= 1) add(index.wordRoles.get(w));
      }
    } else {
      const [near] = nearestWords(index.vocab, key, FUZZY.maxEditsShort, WORD_KIND.role);
      if (near !== undefined) add(index.wordRoles.get(near.word));
    }
    add(index.heads.get(key));
  }
  return roleIdsOf(index, found).slice(0, limit);
}
