/**
 * The intent cues of a question, read from its words before the conversation is consulted: small talk,
 * help, the role list, requests the bot cannot fulfil, rankings, comparisons, follow-ups and repairs,
 * and the career-ladder reading. Pure functions of the tokens.
 */
import {
  AFTER_PHRASES,
  ALL_ROLES_PHRASES,
  COMPARE_CUES,
  FOLLOW_UP_STARTS,
  FOLLOW_UP_WORDS,
  GROUP_PHRASES,
  HANDING_VERBS,
  HELP_PHRASES,
  INTO_PHRASES,
  IN_SCOPE_VERBS,
  JOB_LISTING_PHRASES,
  JOB_SEARCH_WORDS,
  NEAR_ME_PHRASES,
  STATISTIC_CUES,
  LIST_NOUNS,
  LIST_PHRASES,
  LIST_VERBS,
  MOVE_WORDS,
  MY_JOB_PHRASES,
  OPENERS,
  ORDINALS,
  OUT_OF_SCOPE_PHRASES,
  PATH_WORDS,
  RANK_PHRASES,
  RANK_WORDS,
  REFERENCES,
  REPAIR_PHRASES,
  REQUEST_OPENERS,
  SMALLTALK,
  SMALLTALK_OTHER,
  TASK_OBJECTS,
  TASK_VERBS,
  GENERIC_PEOPLE,
  POSSESSED_BOSS,
} from './lexicon.js';
import type { Token } from './normalize.js';
import { PhraseSet } from './phrases.js';
import type { LadderAsk, SmalltalkKind } from './query.js';

const HELP = new PhraseSet(HELP_PHRASES);
const LIST = new PhraseSet(LIST_PHRASES);
const SMALLTALK_PHRASES = new PhraseSet(SMALLTALK_OTHER);
const FOLLOW_UP = new PhraseSet(FOLLOW_UP_STARTS);
const AFTER = new PhraseSet(AFTER_PHRASES);
const INTO = new PhraseSet(INTO_PHRASES);
const RANKS = new PhraseSet(RANK_PHRASES);
const ALL_ROLES = new PhraseSet(ALL_ROLES_PHRASES);
const GROUP = new PhraseSet(GROUP_PHRASES);
const MY_JOB = new PhraseSet(MY_JOB_PHRASES);
const REPAIR = new PhraseSet(REPAIR_PHRASES);
const NEAR_ME = new PhraseSet(NEAR_ME_PHRASES);
const JOB_LISTINGS = new PhraseSet(JOB_LISTING_PHRASES);
/** What "make" earns: "make A LIVING", "make GOOD MONEY". */
const EARNING = new PhraseSet([
  'a living',
  'a good living',
  'a decent living',
  'money',
  'good money',
  'decent money',
  'bank',
  'six figures',
]);
const STATISTICS = new PhraseSet(STATISTIC_CUES);
const REQUEST = new PhraseSet(REQUEST_OPENERS);
const TASKS = new PhraseSet(TASK_OBJECTS);
const OWN_TASKS = new PhraseSet(TASK_OBJECTS.flatMap((o) => [`my ${o}`, `a ${o}`, `an ${o}`]));
const OUT_OF_SCOPE = new PhraseSet(OUT_OF_SCOPE_PHRASES);
const SMALL_WORDS = new Set([...SMALLTALK.greeting, ...SMALLTALK.thanks, ...SMALLTALK.bye]);

/** The words of a question, as a lookup-friendly view. */
export interface Words {
  readonly tokens: readonly Token[];
  readonly norms: readonly string[];
  has(word: string): boolean;
  /** Whether the phrase occurs as whole words. */
  phrase(text: string): boolean;
  /** Start positions (token indexes) of a phrase. */
  find(text: string): number[];
}

export function wordsOf(tokens: readonly Token[]): Words {
  const norms = tokens.map((t) => t.norm);
  const set = new Set(norms);
  const padded = ` ${norms.join(' ')} `;
  const find = (text: string): number[] => {
    const parts = text.split(' ');
    const out: number[] = [];
    if (!padded.includes(` ${text} `)) return out;
    for (let i = 0; i + parts.length <= norms.length; i += 1) {
      let ok = true;
      for (let j = 0; j < parts.length && ok; j += 1) if (norms[i + j] !== parts[j]) ok = false;
      if (ok) out.push(i);
    }
    return out;
  };
  return {
    tokens,
    norms,
    has: (w) => set.has(w),
    phrase: (text) => padded.includes(` ${text} `),
    find,
  };
}

/** A word typed stretched ("heyy", "hiii", "byeee"), as the word: its last letter once. */
function unstretched(w: string): string {
  let end = w.length;
  while (end > 1 && w[end - 1] === w[end - 2]) end -= 1;
  return w.slice(0, end);
}

export function smalltalkOf(words: Words): SmalltalkKind | undefined {
  const w = words.norms.map((x) => {
    const short = unstretched(x);
    return short !== x && SMALL_WORDS.has(short) ? short : x;
  });
  if (w.some((x) => SMALLTALK.thanks.has(x)) || words.phrase('thank you')) return 'thanks';
  if (w.some((x) => SMALLTALK.bye.has(x)) || words.phrase('see you') || words.phrase('see ya')) return 'bye';
  if (w.some((x) => SMALLTALK.greeting.has(x)) || words.phrase('good morning') || words.phrase('good day')) {
    return 'greeting';
  }
  if (SMALLTALK_PHRASES.contains(w)) return 'other';
  return undefined;
}

/** Index of the first word after openers ("ok", "so", "hmm") and polite request openers. */
function leadIndex(words: Words, from = 0, requests = false): number {
  let i = from;
  for (;;) {
    while (i < words.norms.length - 1 && OPENERS.has(words.norms[i] ?? '')) i += 1;
    if (!requests) return i;
    const n = REQUEST.lengthAt(words.norms, i);
    if (n === 0) return i;
    i += n;
  }
}

export function isHelp(words: Words): boolean {
  return words.tokens.length === 0 || HELP.contains(words.norms);
}

/** "THE job", "this role": one job already under discussion, not the list of them. */
const DEFINITE = new Set(['the', 'this', 'that']);
const SINGULAR_LIST_NOUNS = new Set([
  'job',
  'role',
  'career',
  'position',
  'title',
  'profession',
  'occupation',
]);

export function isList(words: Words): boolean {
  const { norms } = words;
  const listNoun = norms.some(
    (w, i) => LIST_NOUNS.has(w) && !(SINGULAR_LIST_NOUNS.has(w) && DEFINITE.has(norms[i - 1] ?? '')),
  );
  return LIST.contains(norms) || (listNoun && norms.some((w) => LIST_VERBS.has(w)));
}

const OBJECT_MARKERS = new Set([
  'me',
  'my',
  'a',
  'an',
  'the',
  'some',
  'this',
  'that',
  'these',
  'up',
  'our',
  'to',
  'for',
  'out',
]);

/** Words before a noun, never before a verb: a task verb after one is a noun ("a POST", "my DRAFT"). */
const NOUN_MARKERS = new Set(['a', 'an', 'the', 'this', 'that', 'my', 'your', 'his', 'her', 'their', 'our']);

const OWNERS = new Set(['my', 'our']);
const ASKING_BOT = new Set(['you', 'u', 'pls', 'please', 'plz']);

/** Words after a verb that take its object: "check IT", "look it OVER". */
const VERB_OBJECTS = new Set(['it', 'them', 'over', 'up', 'through']);

/** Task verbs too common mid-sentence to start a request after "and" ("and make more"). */
const LIGHT_TASK_VERBS = new Set(['get', 'make', 'do', 'find', 'call', 'text', 'post', 'mark', 'rate']);

/** "ANYONE hiring ...": somebody unnamed who might be. */
const ANYONE = new Set(['anyone', 'anybody', 'someone', 'somebody', 'any']);

/**
 * "is Acme Logistics hiring ops coordinators?", "is anyone hiring coos right now?": a job search, for
 * one employer or any. "are companies hiring ops managers?" and "the hiring scene" ask the outlook.
 */
function asksWhoIsHiring(words: Words): boolean {
  const { norms, tokens } = words;
  const at = norms.indexOf('hiring');
  if (at < 2 || STATISTICS.contains(norms)) return false;
  let start = at;
  while (start > 0 && tokens[start]?.sentenceBefore !== true) start -= 1;
  const lead = leadIndex(words, start);
  if (norms[lead] !== 'is' && norms[lead] !== 'are') return false;
  const between = tokens.slice(lead + 1, at);
  return (
    between.length > 0 &&
    between.length <= 4 &&
    between.some((t) => ANYONE.has(t.norm) || /^\p{Lu}\p{Ll}/u.test(t.raw))
  );
}

/**
 * A request for something the bot cannot do: a task for the bot ("write my CV", "find me a job",
 * "remind me tomorrow"), help with a CV or a letter, or a subject outside careers (the weather).
 */
export function isOutOfScope(words: Words, context: readonly boolean[] = []): boolean {
  // A subject outside careers in a statement beside the question is context: "i coordinate my kid's
  // FOOTBALL league for fun. what experience does an ops coordinator need?".
  for (let k = 0; k < words.norms.length; k += 1)
    if (context[k] !== true && OUT_OF_SCOPE.lengthAt(words.norms, k) > 0) return true;
  if (JOB_LISTINGS.contains(words.norms) && !STATISTICS.contains(words.norms)) return true;
  if (NEAR_ME.contains(words.norms) && words.norms.some((w) => JOB_SEARCH_WORDS.has(w))) return true;
  if (asksWhoIsHiring(words)) return true;
  const { norms, tokens } = words;
  // "can u tell my manager im quitting": a message for the bot to pass on to someone.
  for (let k = 0; k + 2 < norms.length; k += 1) {
    if (norms[k] !== 'tell' || !OWNERS.has(norms[k + 1] ?? '')) continue;
    // Asked of the bot ("can u tell", "pls tell", "tell my boss..." first), not "should i tell my boss".
    const asked = k === 0 || tokens[k]?.sentenceBefore === true || ASKING_BOT.has(norms[k - 1] ?? '');
    if (!asked) continue;
    const whom = norms[k + 2] ?? '';
    if (GENERIC_PEOPLE.has(whom) || POSSESSED_BOSS.has(whom) || whom === 'recruiter' || whom === 'hr')
      return true;
  }
  // An imperative at the start of a sentence, or joined to one by "and"/"then": "write a cover letter",
  // "can you apply to COO jobs for me", "give me questions and GRADE my answers".
  for (let s = 0; s < tokens.length; s += 1) {
    const joined = s > 0 && (norms[s - 1] === 'and' || norms[s - 1] === 'then');
    if (s > 0 && tokens[s]?.sentenceBefore !== true && !joined) continue;
    const i = leadIndex(words, s, true);
    const verb = norms[i] ?? '';
    const next = norms[i + 1] ?? '';
    // "give me interview questions", "send me a cover letter template".
    if (HANDING_VERBS.has(verb) && next === 'me') {
      for (let k = i + 2; k <= i + 4; k += 1) if (TASKS.lengthAt(norms, k) > 0) return true;
    }
    if (!TASK_VERBS.has(verb) || (joined && LIGHT_TASK_VERBS.has(verb))) continue;
    // "check this out", "check out this link": look at, not a task.
    if (verb === 'check' && (next === 'out' || norms[i + 2] === 'out')) continue;
    // "can you make a living as a dungeon master?": "you" is anyone, and the question is the pay.
    if (verb === 'make' && EARNING.lengthAt(norms, i + 1) > 0) continue;
    const objectFollows = OBJECT_MARKERS.has(next) || TASKS.lengthAt(norms, i + 1) > 0;
    if (objectFollows && !IN_SCOPE_VERBS.has(next)) return true;
  }
  // "check my resume", "help me with my cv": a task object that is the asker's own, with a task verb.
  let objectAt = -1;
  for (let k = 0; k < norms.length && objectAt < 0; k += 1)
    if (OWN_TASKS.lengthAt(norms, k) > 0) objectAt = k;
  // The verb acts on it: before it ("check my resume"), or after it with an object of its own ("my cv,
  // can you check IT"); "on my cv for a coo POST", "the final DRAFT" are nouns.
  const taskVerb = norms.some(
    (w, k) =>
      TASK_VERBS.has(w) &&
      w !== 'get' &&
      w !== 'make' &&
      w !== 'do' &&
      !NOUN_MARKERS.has(norms[k - 1] ?? '') &&
      (k < objectAt || OBJECT_MARKERS.has(norms[k + 1] ?? '') || VERB_OBJECTS.has(norms[k + 1] ?? '')),
  );
  return objectAt >= 0 && (taskVerb || words.phrase('help me'));
}

export function compares(words: Words): boolean {
  return (
    words.norms.some((w) => COMPARE_CUES.has(w)) || words.phrase('stack up') || words.phrase('measure up')
  );
}

export function followUpCue(words: Words): boolean {
  const i = leadIndex(words);
  return (
    FOLLOW_UP.lengthAt(words.norms, i) > 0 ||
    words.norms.some((w) => REFERENCES.has(w) || FOLLOW_UP_WORDS.has(w))
  );
}

/** A short correction of the last message: "*coordinator", "oops, ops manager*", "sorry I meant the COO". */
export function isRepair(words: Words, starred: boolean): boolean {
  // Short: "wait no, not the coo, i meant head of ops" (10 words) still is one.
  if (words.norms.length > 12) return false;
  if (starred) return true;
  // An interjection or two may come first: "ah wait, I meant the COO", "oh oops, ops manager".
  const lead = leadIndex(words);
  for (let i = lead; i < Math.min(lead + 3, words.norms.length); i++)
    if (REPAIR.lengthAt(words.norms, i) > 0) return true;
  return false;
}

/** The asker refers to their own job: "what's the salary for MY JOB". */
export function asksAboutOwnJob(words: Words): boolean {
  return MY_JOB.contains(words.norms);
}

/** "the second one", "the latter": which of the roles just discussed a question points at. */
const POINTING_ORDINALS: Readonly<Record<string, number | 'last'>> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  former: 0,
  latter: 'last',
  last: 'last',
  // After a ranking: "that TOP one", "the BOTTOM one".
  top: 0,
  bottom: 'last',
};
/** Words before an ordinal that point back: "THE second one", "THAT top one". */
const POINTING_DETERMINERS = new Set(['the', 'that', 'this']);
const POINTED_NOUNS = new Set(['one', 'role', 'job', 'position', 'option']);

/**
 * The role of `count` discussed roles a question points at ("the second one, how much do they earn?",
 * "and the latter?"): "the" + an ordinal, with "one"/"role" after it unless it is "former"/"latter".
 */
export function pointedRoleOf(words: Words, count: number): number | undefined {
  if (count < 2) return undefined;
  const { norms } = words;
  for (let i = 1; i < norms.length; i += 1) {
    const at = POINTING_ORDINALS[norms[i] ?? ''];
    if (at === undefined || !POINTING_DETERMINERS.has(norms[i - 1] ?? '')) continue;
    const bare = norms[i] === 'former' || norms[i] === 'latter';
    // "the first ONE'S duties": the possessive of the noun.
    const next = norms[i + 1]?.replace(/'s$/u, '');
    const ends = next === undefined || words.tokens[i + 1]?.breakBefore === true;
    if (!bare && !(next !== undefined && POINTED_NOUNS.has(next)) && !(ends && norms[i] !== 'last')) continue;
    const k = at === 'last' ? count - 1 : at;
    if (k < count) return k;
  }
  return undefined;
}

/** Which offered candidate a reply like "the first one", "2" or "last" picks. */
export function pickOf(words: Words, offered: readonly string[]): number | undefined {
  if (offered.length === 0 || words.norms.length > 6) return undefined;
  if (words.has('last')) return offered.length - 1;
  for (const w of words.norms) {
    const i = ORDINALS[w];
    if (i !== undefined && i < offered.length) return i;
  }
  return undefined;
}

/** What a ranking question asks. */
export interface RankCue {
  /** An order is asked for: "the most", "highest paid", "rank", "which pays more". */
  readonly ordered: boolean;
  /**
   * The order is asked with a superlative or a ranking word ("the least", "highest paid", "rank"), not
   * only a comparative ("which pays more"): between two named roles, only this ranks them.
   */
  readonly superlative: boolean;
  /** Over everything the bot knows: "your roles", "the jobs you know", "here". */
  readonly all: boolean;
  /** Said in so many words ("of all", "of the lot", "every role"), not only a list noun ("job"). */
  readonly allSaid: boolean;
  /** Over the roles just discussed: "which of these", "the two", "both", "their". */
  readonly group: boolean;
}

const POLITE_AFTER_MOST = new Set(['grateful', 'thankful', 'appreciative', 'obliged', 'kind', 'welcome']);
const WHICH_OF = new PhraseSet([
  'which of these',
  'which of those',
  'which of the following',
  'which of the three',
  'which of the four',
]);
/** Words before "becoming" that weigh the move rather than ask the way: "WORTH becoming". */
const WEIGHING = new Set(['worth', 'regret', 'consider', 'considering', 'against']);
const INTO_POINTERS = new Set(['it', 'that', 'this', 'one', 'them', 'there']);
const CHOICE_WORDS = new Set(['which', 'who', "who's", 'whose', 'whom']);
const COMPARATIVES = new Set([
  'more',
  'better',
  'higher',
  'lower',
  'less',
  'bigger',
  'harder',
  'tougher',
  'easier',
]);

/** Pronouns that point at roles already discussed when an order is asked for ("rank THEM"). */
const GROUP_POINTERS = new Set(['them', 'they', 'these', 'those', 'their']);

/**
 * The ranking a question asks for. `isSuperlative` tells superlatives of adjectives the lists do not
 * name ("the FATTEST paycheck", "the RICHEST").
 */
export function rankOf(words: Words, isSuperlative: (word: string) => boolean = () => false): RankCue {
  const { norms } = words;
  // "I would be MOST grateful": politeness, not a ranking.
  const polite = (k: number): boolean => norms[k] === 'most' && POLITE_AFTER_MOST.has(norms[k + 1] ?? '');
  const superlative =
    norms.some((w, k) => (RANK_WORDS.has(w) && !polite(k)) || isSuperlative(w)) || RANKS.contains(norms);
  // "which pays more", and "which of these: X, Y, Z?" (the best of a list, by the topic asked).
  const choice =
    (norms.some((w) => CHOICE_WORDS.has(w)) && norms.some((w) => COMPARATIVES.has(w))) ||
    WHICH_OF.contains(norms);
  // "how do they stack up": an order when three or more are named (two keep the order named).
  const ordered = superlative || choice || words.phrase('stack up') || words.phrase('stacks up');
  const allSaid = superlative && ALL_ROLES.contains(norms);
  const all = allSaid || (superlative && norms.some((w) => LIST_NOUNS.has(w)));
  // "how do their work settings compare", "how do they differ": a comparison of the roles discussed.
  const pointer = norms.some((w) => GROUP_POINTERS.has(w));
  const group = GROUP.contains(norms) || ((ordered || compares(words)) && pointer);
  return { ordered, superlative, all, allSaid, group };
}

const LEADS = new Set(['lead', 'leads', 'leading']);

/** "lead(s) to (a/the) <role>": the phrase ends right before the role's name. */
function leadsInto(norms: readonly string[], roleStart: number): boolean {
  let k = roleStart - 1;
  if (['a', 'an', 'the'].includes(norms[k] ?? '')) k -= 1;
  // "lead into BEING an ops coordinator", "leads to becoming one".
  if (norms[k] === 'being' || norms[k] === 'becoming') k -= 1;
  return (norms[k] === 'to' || norms[k] === 'into') && LEADS.has(norms[k - 1] ?? '');
}

/** The career-ladder reading, given the spans of the roles the question is about. */
export function ladderOf(
  words: Words,
  mentions: readonly { readonly start: number; readonly end: number }[],
): LadderAsk | undefined {
  const first = mentions[0];
  const second = mentions[1];
  if (first !== undefined && second !== undefined) {
    const before = words.norms.slice(0, first.start);
    const between = words.norms.slice(first.end, second.start);
    const toSecond = between.includes('to') || between.includes('into');
    const fromTo = toSecond && (before.includes('from') || [...MOVE_WORDS].some((w) => words.has(w)));
    if (fromTo || [...PATH_WORDS].some((w) => words.has(w))) return 'path';
  }
  if (
    mentions.length === 0 &&
    !words.has('they') &&
    !words.has('that') &&
    !words.has('this') &&
    !words.has('it')
  ) {
    return undefined;
  }
  // "who does the COO report to?": the line above a role is where it leads.
  if (first !== undefined && mentions.length === 1) {
    const reporting = reportingOf(words.norms, first);
    if (reporting !== undefined) return reporting;
  }
  // "what jobs lead to operations manager?": leading TO the role asked about is the way into it.
  if (first !== undefined && leadsInto(words.norms, first.start)) return 'into';
  if (AFTER.contains(words.norms)) return 'after';
  // Moving into a role names it after the verb: "how do I become a COO", "get into it".
  // "is it still WORTH becoming a travel agent": whether to, not how to.
  const into = INTO.all(words.norms).some(
    ([start, end]) =>
      !WEIGHING.has(words.norms[start - 1] ?? '') &&
      // "how much money do i BECOME" (bekommen: get), a question of pay.
      !words.norms.slice(Math.max(0, start - 4), start).includes('much') &&
      (mentions.some((m) => m.start >= end && m.start <= end + 3) ||
        words.norms.slice(end, end + 2).some((w) => INTO_POINTERS.has(w))),
  );
  return into ? 'into' : undefined;
}

const REPORT_VERBS = new Set(['report', 'reports', 'answer', 'answers']);
const WHO_WORDS = new Set(['who', 'whom', 'which', 'what']);

/**
 * "who does an ops coordinator report to" -> 'after': the role above it is where the ladder facts say
 * it reports. Only as the whole question: a question word first, nothing after. ("who reports to the
 * COO" is a relation, read in src/understand/relations.ts.)
 */
function reportingOf(
  norms: readonly string[],
  mention: { readonly start: number; readonly end: number },
): LadderAsk | undefined {
  const lead = norms.findIndex((w) => WHO_WORDS.has(w));
  if (lead < 0 || lead > mention.start) return undefined;
  const after = norms
    .slice(mention.end)
    .filter((w) => w !== 'usually' && w !== 'normally' && w !== 'typically');
  return after.length >= 2 && REPORT_VERBS.has(after[0] ?? '') && after[1] === 'to' && after.length <= 3
    ? 'after'
    : undefined;
}

const PLACE_PREPOSITIONS = new Set(['in', 'across', 'around', 'near', 'throughout', 'within']);
const MAX_PLACE_WORDS = 3;

/**
 * A place the question names ("in London", "across the US", "in new york"), as typed; undefined when
 * none. Only proper names of places count (WordNet's), never "in the office".
 */
export function placeOf(
  words: Words,
  isPlace: (name: string) => boolean,
  taken: readonly boolean[],
): string | undefined {
  const { norms, tokens } = words;
  for (let i = 0; i < norms.length; i += 1) {
    if (!PLACE_PREPOSITIONS.has(norms[i] ?? '')) continue;
    let start = i + 1;
    if (norms[start] === 'the') start += 1;
    for (let len = MAX_PLACE_WORDS; len >= 1; len -= 1) {
      const end = start + len;
      if (end > norms.length) continue;
      let free = true;
      for (let k = start; k < end; k += 1)
        if (taken[k] === true || (k > start && tokens[k]?.breakBefore === true)) free = false;
      if (!free || !isPlace(norms.slice(start, end).join(' '))) continue;
      return tokens
        .slice(start, end)
        .map((t) => t.raw)
        .join(' ');
    }
  }
  return undefined;
}

const HOURLY = new PhraseSet([
  'hourly',
  'per hour',
  'an hour',
  'a hour',
  'by the hour',
  'hourly rate',
  'hourly wage',
]);

/** The question asks for hourly pay ("hourly wage", "per hour"). */
export function asksHourly(words: Words): boolean {
  return HOURLY.contains(words.norms);
}
