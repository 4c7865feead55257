/**
 * Focus: which of the roles a message names the question is about, and which are context: the asker's
 * own job ("I'm an ops coordinator"), someone else's ("my dad was a COO", "interviewed with a head of
 * ops"), a role taken back ("not the COO", "forget the coordinator", "~~COO~~", "COO... sorry no") or
 * a role in a statement beside the actual question ("my linkedin says X. what do Y earn?").
 */
import { tokenKey } from './keys.js';
import {
  GENERIC_PEOPLE,
  JOINERS,
  MEET_VERBS,
  NEGATION_PREFIXES,
  NEGATION_SUFFIXES,
  OPENERS,
  PIVOT_PHRASES,
  QUESTION_WORDS,
  RELATIVE_VERBS,
  SELF_PHRASES,
  TAKE_BACK_PHRASES,
} from './lexicon.js';
import type { Token } from './normalize.js';
import { PhraseSet } from './phrases.js';

const NEGATIONS = new PhraseSet(NEGATION_PREFIXES);
const SELF = new PhraseSet(SELF_PHRASES);
const TAKE_BACK = new PhraseSet(TAKE_BACK_PHRASES);
const PIVOT = new PhraseSet(PIVOT_PHRASES);

/** Why a role is or is not what the question asks about. */
export type FocusStatus = 'focus' | 'aside' | 'self' | 'other' | 'negated';

export interface Span {
  readonly start: number;
  readonly end: number;
}

const ARTICLES = new Set(['a', 'an', 'the']);
/** Verbs right after a role that make it where a move starts: "can a nurse BECOME an ops coordinator". */
const MOVE_VERBS = new Set([
  'become',
  'becomes',
  'becoming',
  'transition',
  'transitions',
  'switch',
  'switches',
]);
/** Words that correct a role just typed when they stand between it and the next ("X, sorry, Y"). */
const CORRECTION_MARKS = new Set(['sorry', 'meant', 'mean', 'rather', 'oops', 'correction', 'sry', 'soz']);
const CORRECTION_WORDS = new Set([...CORRECTION_MARKS, 'i', 'or', 'no', 'actually', 'wait', 'make', 'that']);
/** What a job is called: "my colleague's TITLE is head of ops". */
const JOB_WORDS = new Set(['job', 'role', 'title', 'position', 'occupation']);
const POSSESSIVES = new Set(['my', 'our', 'his', 'her', 'their']);
/** Words that start a question or a request: the question words, auxiliaries and request verbs. */
const WH_STARTS: ReadonlySet<string> = new Set([
  ...QUESTION_WORDS,
  ...['do', 'does', 'did', 'is', 'are', 'can', 'could', 'should', 'would', 'will'],
  ...['tell', 'compare', 'show', 'list', 'give', 'rank', 'sort'],
]);

/** Sentence number of each token. */
function sentencesOf(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  let s = 0;
  tokens.forEach((t, i) => {
    if (i > 0 && t.sentenceBefore === true) s += 1;
    out.push(s);
  });
  return out;
}

/** Does the sentence ask something (a question mark, a question word first, a topic word)? */
function asking(
  tokens: readonly Token[],
  from: number,
  to: number,
  topicAt: (k: number) => boolean,
): boolean {
  let lead = from;
  while (lead < to - 1 && OPENERS.has(tokens[lead]?.norm ?? '')) lead += 1;
  if (WH_STARTS.has(tokens[lead]?.norm ?? '')) return true;
  for (let k = from; k < to; k += 1) if (tokens[k]?.questionEnd === true) return true;
  // "i'm putting together a driver SAFETY talk.": a statement about the speaker asks nothing, topic
  // word or not.
  if (STATEMENT_STARTS.has(tokens[lead]?.norm ?? '')) return false;
  // Nor does a long sentence without a question ("the security guard at our OFFICE says he used to be
  // a coo"); a short one with a topic word is a terse question ("coo salary.").
  if (to - from >= MIN_STATEMENT_WORDS) return false;
  for (let k = from; k < to; k += 1) if (topicAt(k)) return true;
  return false;
}

/**
 * The status of each span (known or unknown role mentions, in token order). `topicAt` says whether a
 * token is a topic word (a sentence with one asks something).
 */
export function focusOf(
  tokens: readonly Token[],
  spans: readonly Span[],
  topicAt: (k: number) => boolean,
): FocusStatus[] {
  const norms = tokens.map((t) => t.norm);
  const status: FocusStatus[] = spans.map(() => 'focus');

  // Everything before "scratch that", "sorry no", "I meant" is taken back.
  let takeBackAt = -1;
  // "civil engineer I mean" ends on the marker: the role before it is the one meant.
  for (let k = 0; k < norms.length; k += 1) {
    const length = TAKE_BACK.lengthAt(norms, k);
    // "..., i mean the person above": a take-back that names no role after it explains a word; the
    // roles before it stand.
    if (length > 0 && k + length < norms.length && spans.some((s) => s.start >= k + length)) takeBackAt = k;
    // "..., but I want to know what heads of ops do": the roles before the turn are context.
    const pivot = PIVOT.lengthAt(norms, k);
    if (pivot > 0 && spans.some((s) => s.start >= k + pivot)) takeBackAt = Math.max(takeBackAt, k);
  }

  // "an operations manager, SORRY, operations coordinator": a role corrected by the next, in passing.
  const correctedInPassing = (i: number): boolean => {
    const span = spans[i];
    const next = spans[i + 1];
    if (span === undefined || next === undefined) return false;
    const between = norms.slice(span.end, next.start).filter((w) => !ARTICLES.has(w));
    return (
      between.length > 0 &&
      between.length <= 3 &&
      between.every((w) => CORRECTION_WORDS.has(w)) &&
      between.some((w) => CORRECTION_MARKS.has(w))
    );
  };

  spans.forEach((span, i) => {
    const first = tokens[span.start];
    if (first === undefined) return;
    if (first.struck === true || span.start < takeBackAt || correctedInPassing(i)) {
      status[i] = 'negated';
      return;
    }
    // Skip the article and what precedes the role inside its clause: "not (the) COO".
    let before = span.start;
    if (before > 0 && ARTICLES.has(norms[before - 1] ?? '') && first.breakBefore !== true) before -= 1;
    const clauseOpen = (k: number): boolean => tokens[k]?.breakBefore !== true;
    const lastOfSpan = tokens[span.end - 1];
    const after = tokens[span.end];
    const endsBefore = (set: PhraseSet): boolean =>
      set.lengthBefore(norms, before) > 0 || set.lengthBefore(norms, span.start) > 0;
    // "IF NOT a vet, what other jobs are like it": the role the alternatives are for.
    const negationAt = before - NEGATIONS.lengthBefore(norms, before);
    const conditional = norms[negationAt - 1] === 'if' || norms[span.start - 2] === 'if';
    if (
      (endsBefore(NEGATIONS) && !conditional) ||
      (after !== undefined && NEGATION_SUFFIXES.has(after.norm)) ||
      (after !== undefined && after.norm === 'but' && (tokens[span.end + 1]?.norm ?? '') === 'nvm')
    ) {
      status[i] = 'negated';
      return;
    }
    // "not COO vs head of ops": a negation carries over a list joined inside one clause.
    const previous = spans[i - 1];
    if (previous !== undefined && status[i - 1] === 'negated' && tokens[previous.start]?.struck !== true) {
      const between = norms.slice(previous.end, span.start).filter((w) => !ARTICLES.has(w));
      let open = true;
      for (let k = previous.end; k <= span.start; k += 1) if (!clauseOpen(k)) open = false;
      if (open && between.length <= 1 && between.every((w) => JOINERS.has(w) || w === 'versus')) {
        status[i] = 'negated';
        return;
      }
    }
    // "can a NURSE become an ops coordinator?": where a move starts from is context.
    const moves = after !== undefined && !after.breakBefore && MOVE_VERBS.has(after.norm);
    if (moves && spans.some((s, j) => j > i && s.start > span.end && s.start <= span.end + 3)) {
      status[i] = 'other';
      return;
    }
    // "ops coordinator HERE, what skills ...": the speaker introducing themself, first in the message.
    const introduces =
      span.start === 0 && after !== undefined && after.norm === 'here' && tokens[span.end + 1]?.norm !== 'is';
    if (endsBefore(SELF) || (after !== undefined && after.norm === 'myself') || introduces) {
      status[i] = 'self';
      return;
    }
    // "my manager's an ops manager", "my dad was a COO", "my ops manager".
    const prev = norms[before - 1] ?? '';
    const prevRaw = tokens[before - 1]?.raw ?? '';
    if (POSSESSIVES.has(norms[span.start - 1] ?? '')) {
      status[i] = 'other';
      return;
    }
    // "my boss (the COO) wants...", "my sister, a head of ops, says": a role set beside a person the
    // asker knows names that person's job.
    if (isGenericPerson(prev) && POSSESSIVES.has(norms[before - 2] ?? '') && !RELATIVE_VERBS.has(prev)) {
      status[i] = 'other';
      return;
    }
    // "my husband HAS BEEN an ops manager", "my dad USED TO BE a COO": the verb, with its auxiliaries.
    const verbWords = RELATIVE_VERBS.has(prev)
      ? 1
      : prev === 'been' && HAVE_FORMS.has(norms[before - 2] ?? '')
        ? 2
        : prev === 'be' && norms[before - 2] === 'to' && norms[before - 3] === 'used'
          ? 3
          : 0;
    const relativeVerb = verbWords > 0 || /'s$/u.test(prevRaw);
    const owner = relativeVerb ? before - 1 - verbWords : -1;
    if (owner >= 1) {
      const ownerWord = tokenKey(norms[owner] ?? '');
      const jobWord = JOB_WORDS.has(ownerWord);
      // "my dad was a COO"; "my colleague's title is head of ops", "her boss's job is COO".
      const someoneElses = jobWord && /'s?$/u.test(tokens[owner - 1]?.raw ?? '') && owner - 1 !== before - 1;
      if ((POSSESSIVES.has(norms[owner - 1] ?? '') && !jobWord) || someoneElses) {
        status[i] = 'other';
        return;
      }
    }
    // "my friend who's an ops manager", "the guy who is a COO": a relative clause about a person.
    const relative =
      prev === "who's"
        ? before - 2
        : RELATIVE_VERBS.has(prev) && norms[before - 2] === 'who'
          ? before - 3
          : -1;
    if (relative >= 0 && isGenericPerson(norms[relative] ?? '')) {
      status[i] = 'other';
      return;
    }
    if (prev === 'with' && MEET_VERBS.has(norms[before - 2] ?? '')) {
      status[i] = 'other';
      return;
    }
    if (lastOfSpan === undefined) return;
  });

  // A role in a statement beside a question that names a role of its own is context.
  const sentence = sentencesOf(tokens);
  const sentenceCount = (sentence[sentence.length - 1] ?? 0) + 1;
  if (sentenceCount > 1) {
    const bounds: [number, number][] = [];
    for (let s = 0; s < sentenceCount; s += 1) {
      const from = sentence.indexOf(s);
      const to = sentence.lastIndexOf(s) + 1;
      bounds.push([from, to]);
    }
    const asks = bounds.map(([from, to]) => asking(tokens, from, to, topicAt));
    const questionHasFocus = spans.some(
      (span, i) => status[i] === 'focus' && asks[sentence[span.start] ?? 0] === true,
    );
    if (questionHasFocus) {
      spans.forEach((span, i) => {
        if (status[i] === 'focus' && asks[sentence[span.start] ?? 0] !== true) status[i] = 'aside';
      });
    }
  }
  return status;
}

/**
 * Per token: it lies in a statement about the asker or someone they know, beside a question ("vet
 * salary? THINKING ABOUT APPLYING TO VET SCHOOL", "DOING A STATS DEGREE RN. job outlook for data
 * scientists?"): a sentence with no question mark that opens on the speaker ("I'm", "my", "we") or a
 * verb in -ing, in a message that has a question sentence too. All false when there is no such pair.
 */
export function contextStatements(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  const sentence = sentencesOf(tokens);
  const count = (sentence[sentence.length - 1] ?? 0) + 1;
  if (count < 2) return out;
  let questions = 0;
  const statement: boolean[] = [];
  for (let s = 0; s < count; s += 1) {
    const from = sentence.indexOf(s);
    const to = sentence.lastIndexOf(s) + 1;
    let lead = from;
    while (lead < to - 1 && OPENERS.has(tokens[lead]?.norm ?? '')) lead += 1;
    const first = tokens[lead]?.norm ?? '';
    let questionMark = false;
    for (let k = from; k < to; k += 1) if (tokens[k]?.questionEnd === true) questionMark = true;
    const isQuestion = questionMark || WH_STARTS.has(first);
    if (isQuestion) questions += 1;
    const gerund = first.length >= 5 && first.endsWith('ing') && !NOT_GERUNDS.has(first);
    statement.push(!isQuestion && (STATEMENT_STARTS.has(first) || gerund));
  }
  if (questions === 0) return out;
  tokens.forEach((_, k) => {
    out[k] = statement[sentence[k] ?? 0] === true;
  });
  return out;
}

/**
 * Tokens of sentences that ask nothing, in a message where another sentence asks ("love animals but
 * vet school is too long. what's related to veterinarian?"): no question mark, no question word first,
 * at least `minWords` words.
 */
export function asideSentences(tokens: readonly Token[], minWords = 1): boolean[] {
  const sentence = sentencesOf(tokens);
  const count = (sentence[sentence.length - 1] ?? 0) + 1;
  const out = new Array<boolean>(tokens.length).fill(false);
  if (count < 2) return out;
  const asks = new Array<boolean>(count).fill(false);
  // A short sentence ("coo salary.") is a terse question, not an aside.
  const words = new Array<number>(count).fill(0);
  for (const s of sentence) words[s] = (words[s] ?? 0) + 1;
  words.forEach((w, s) => {
    if (w < minWords) asks[s] = true;
  });
  for (let k = 0; k < tokens.length; k += 1) {
    const s = sentence[k] ?? 0;
    if (tokens[k]?.questionEnd === true) asks[s] = true;
    if (k === 0 || sentence[k - 1] !== s) {
      let lead = k;
      while (sentence[lead + 1] === s && OPENERS.has(tokens[lead]?.norm ?? '')) lead += 1;
      if (WH_STARTS.has(tokens[lead]?.norm ?? '')) asks[s] = true;
    }
  }
  if (!asks.includes(true) || asks.every(Boolean)) return out;
  return tokens.map((_, k) => !asks[sentence[k] ?? 0]);
}

/**
 * A message that only says something about the speaker and asks nothing ("hi! im a uni student
 * exploring careers"): no question mark, no sentence starting with a question or request word, and
 * at least one sentence about the speaker.
 */
export function onlyStatements(tokens: readonly Token[]): boolean {
  if (tokens.some((t) => t.questionEnd === true)) return false;
  const sentence = sentencesOf(tokens);
  let about = false;
  for (let k = 0; k < tokens.length; k += 1) {
    if (k > 0 && sentence[k] === sentence[k - 1]) continue;
    let lead = k;
    while (sentence[lead + 1] === sentence[k] && OPENERS.has(tokens[lead]?.norm ?? '')) lead += 1;
    const first = tokens[lead]?.norm ?? '';
    if (WH_STARTS.has(first)) return false;
    if (STATEMENT_STARTS.has(first)) about = true;
  }
  return about;
}

/** Fewest words of a sentence that, asking nothing, is a statement even with a topic word in it. */
export const MIN_STATEMENT_WORDS = 6;

const HAVE_FORMS = new Set(['has', 'have', 'had', "'s", "he's", "she's"]);

/** Words in -ing that are not verbs in -ing. */
const NOT_GERUNDS = new Set([
  'bring',
  'thing',
  'things',
  'string',
  'spring',
  'morning',
  'evening',
  'nothing',
]);

/** First words of a sentence about the speaker or someone they know. */
const STATEMENT_STARTS = new Set([
  'i',
  "i'm",
  "i've",
  "i'd",
  'my',
  'we',
  "we're",
  'our',
  'he',
  "he's",
  'she',
  "she's",
  'currently',
  'just',
]);

/** Words that, with a possessive before them, are a person the asker knows ("my boss", "my sister"). */
export function isGenericPerson(norm: string): boolean {
  return GENERIC_PEOPLE.has(norm) || GENERIC_PEOPLE.has(tokenKey(norm));
}
