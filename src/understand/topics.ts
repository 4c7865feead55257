/**
 * Topic detection: which of the knowledge base's topics a question asks about, from the words and
 * phrases in knowledge/topics.yaml, compared after Porter stemming.
 */
import type { Topic, TopicId } from '../knowledge/model.js';
import {
  AUX_BASE,
  DETERMINERS,
  LIGHT_WORDS,
  NOT_TOPIC_ALONE,
  PRONOUNS,
  QUANTITY_CUES,
  RATE_PHRASE_WORDS,
  RATE_WORDS,
  TOPIC_FILLERS,
  GENERIC_PEOPLE,
} from './lexicon.js';
import { stem } from './natural.js';
import { clean, tokenize, type Token } from './normalize.js';

/** Stand-in for a role or pronoun, so "what does a COO do" and "what do they do" read alike. */
const SOMEONE = '<someone>';

/** Topic words compiled for lookup. Built once per knowledge base. */
export interface TopicMatcher {
  /** Stem of a one-word topic word -> topic ids. */
  readonly words: ReadonlyMap<string, readonly TopicId[]>;
  /**
   * One-word topic words as written, for stems two topics share ("hours" is the environment and
   * "hourly" pay, both stem to "hour"): the word as typed decides.
   */
  readonly exact: ReadonlyMap<string, readonly TopicId[]>;
  /** Multi-word phrases as stem sequences, grouped by first stem. */
  readonly phrases: ReadonlyMap<
    string,
    readonly {
      readonly topic: TopicId;
      readonly stems: readonly string[];
      readonly weak: boolean;
      /** Only words of a rate ("per year"): see `RATE_WORDS`. */
      readonly rate: boolean;
    }[]
  >;
}

/** A word that names a topic on its own ("salary", "duties", "travel"), after stemming. */
export function isTopicWord(matcher: TopicMatcher, norm: string): boolean {
  return !NOT_TOPIC_ALONE.has(norm) && matcher.words.has(stem(norm));
}

/** The comparable form of one word in a topic context. */
function wordForm(norm: string): string | undefined {
  if (DETERMINERS.has(norm) || TOPIC_FILLERS.has(norm)) return undefined;
  if (PRONOUNS.has(norm)) return SOMEONE;
  const base = AUX_BASE[norm] ?? norm;
  return stem(base.replace(/'s$/, ''));
}

function forms(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const f = wordForm(t.norm);
    if (f !== undefined) out.push(f);
  }
  return out;
}

/** Compile the taxonomy's words and phrases; the topic's id and name count as words too. */
export function compileTopics(topics: readonly Topic[]): TopicMatcher {
  const words = new Map<string, TopicId[]>();
  const exact = new Map<string, TopicId[]>();
  const phrases = new Map<string, { topic: TopicId; stems: string[]; weak: boolean; rate: boolean }[]>();
  for (const topic of topics) {
    for (const text of [topic.id, topic.name, ...topic.words]) {
      const tokens = tokenize(clean(text));
      const f = forms(tokens);
      const first = f[0];
      if (first === undefined) continue;
      if (f.length === 1) {
        const list = words.get(first) ?? [];
        if (!list.includes(topic.id)) list.push(topic.id);
        words.set(first, list);
        // The word kept, not a determiner before it ("an hour" is "hour" as typed).
        const norm = tokens.find((t) => wordForm(t.norm) !== undefined)?.norm ?? '';
        const same = exact.get(norm) ?? [];
        if (!same.includes(topic.id)) same.push(topic.id);
        exact.set(norm, same);
      } else {
        const list = phrases.get(first) ?? [];
        list.push({
          topic: topic.id,
          stems: f,
          weak: f.every((x) => WEAK_STEMS.has(x)),
          rate: tokens.every((t) => RATE_WORDS.has(t.norm) || RATE_PHRASE_WORDS.has(t.norm)),
        });
        phrases.set(first, list);
      }
    }
  }
  return { words, exact, phrases };
}

/**
 * Question words that name a topic only when nothing stronger does: "how much" is pay in "how much for
 * a COO?" but not in "how much travel?"; "what is"/"about" ask for an overview unless a topic is named.
 */
/** "THOSE folks", "THESE people": a person word after one of these points at the role. */
const POINTING_PEOPLE: ReadonlySet<string> = new Set(['those', 'these', 'such']);
const JOINER_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'vs', 'v', 'versus', '&']);
/** Words between two roles that leave one "someone" for phrases: joiners and passing corrections. */
const BETWEEN_ROLES: ReadonlySet<string> = new Set([
  ...JOINER_WORDS,
  ...['sorry', 'i', 'mean', 'meant', 'rather', 'oops', 'a', 'an', 'the'],
]);
const WEAK_STEMS: ReadonlySet<string> = new Set(
  ['what', 'who', 'how', 'much', 'be', 'about', 'where', 'when', 'which', 'general'].map((w) => stem(w)),
);
const MOVE_STEMS: ReadonlySet<string> = new Set(
  ['switch', 'switching', 'transition', 'pivot', 'branch', 'move', 'moving'].map((w) => stem(w)),
);
const LIGHT_STEMS: ReadonlySet<string> = new Set([...LIGHT_WORDS].map((w) => stem(w)));
const QUANTITY_STEMS: ReadonlySet<string> = new Set([...QUANTITY_CUES].map((w) => stem(w)));
const RATE_UNIT_STEMS: ReadonlySet<string> = new Set(['year', 'month', 'week'].map((w) => stem(w)));
const PREPOSITION_STEMS: ReadonlySet<string> = new Set(
  ['on', 'to', 'in', 'at', 'with', 'for', 'from', 'of'].map((w) => stem(w)),
);
/** Words before a pronoun that make it the one a question is asked of: "could THEY", "can I". */
const ASKING_AUXILIARIES: ReadonlySet<string> = new Set([
  'could',
  'can',
  'would',
  'should',
  'might',
  'will',
  'may',
  'do',
  'does',
  'did',
]);
const LADDER_TIME_STEMS: ReadonlySet<string> = new Set(['before', 'after', 'next'].map((w) => stem(w)));
/** One-word rates: "annual", and "year" left of "a year" once its determiner is dropped ("hours" is hours). */
const RATE_STEMS: ReadonlySet<string> = new Set(
  [...RATE_WORDS, 'year', 'years', 'month', 'months', 'week', 'weeks'].map((w) => stem(w)),
);

/**
 * Most words a phrase may skip between two of its own. None: with one, "what SKILLS do they need"
 * would read as "what do they need" (requirements).
 */
const PHRASE_GAP = 0;

/** Where a phrase starting at `start` ends (exclusive), or -1 when it is not there. */
function phraseAt(seq: readonly string[], start: number, stems: readonly string[]): number {
  let pos = start + 1;
  for (let k = 1; k < stems.length; k += 1) {
    let found = false;
    for (let skip = 0; skip <= PHRASE_GAP && pos + skip < seq.length; skip += 1) {
      if (seq[pos + skip] === stems[k]) {
        pos = pos + skip + 1;
        found = true;
        break;
      }
    }
    if (!found) return -1;
  }
  return pos;
}

/** Topics a question names. */
export interface TopicReading {
  /** In order of first mention; empty when none. */
  readonly topics: readonly TopicId[];
  /** False when only question words ("what is", "how much", "about") suggested them. */
  readonly named: boolean;
}

const THOUSANDS = /^\d+(?:\.\d+)?k$/u;
const LONG_NUMBER = /^\d{5,7}$/u;
const SHORT_NUMBER = /^\d{1,3}$/u;

/**
 * Whether the tokens state an amount of money: "90k", "140K", "95000", "90,000" (read as "90" "000").
 * A question that quotes one is about pay ("is 90k normal for an ops manager?").
 */
export function mentionsAmount(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => {
    const raw = t.raw.toLowerCase();
    if (THOUSANDS.test(raw) || LONG_NUMBER.test(raw)) return true;
    return SHORT_NUMBER.test(raw) && tokens[i + 1]?.raw === '000';
  });
}

/**
 * Topic ids named in the question. Tokens flagged in `roleTokens` (role names, known or not) read as
 * "someone" so a role's words never count as topic words ("operations MANAGER" is not about managing,
 * "OFFICER" is not an office); tokens flagged in `ignore` (a topic taken back: "not duties") and the
 * words of a link are left out.
 */
export function detectTopics(
  tokens: readonly Token[],
  roleTokens: readonly boolean[],
  matcher: TopicMatcher,
  ignore?: readonly boolean[],
): TopicReading {
  const seq: string[] = [];
  /** The word as typed behind each stem of `seq`. */
  const surface: string[] = [];
  /**
   * Per "someone" of `seq`: a role, or a pronoun a question is asked of ("could THEY", "can I"), which
   * may start a phrase; "I just moved into a new flat" is no question of the asker.
   */
  const asked: boolean[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t === undefined || t.link === true || ignore?.[i] === true) continue;
    if (roleTokens[i] === true) {
      if (seq[seq.length - 1] !== SOMEONE) {
        seq.push(SOMEONE);
        surface.push('');
        asked[seq.length - 1] = true;
      }
      continue;
    }
    // "COOs and heads of operations" is one "someone" for phrases ("where do they work").
    // So is "an operations manager, sorry, operations coordinator" (a correction in passing).
    if (seq[seq.length - 1] === SOMEONE && BETWEEN_ROLES.has(t.norm)) {
      let j = i;
      while (j < tokens.length && j - i < 3 && BETWEEN_ROLES.has(tokens[j]?.norm ?? '')) j += 1;
      if (roleTokens[j] === true) continue;
    }
    // "what do THOSE FOLKS make": people pointed at stand for the role, as "they" does.
    const pointed = (k: number): boolean =>
      POINTING_PEOPLE.has(tokens[k - 1]?.norm ?? '') && GENERIC_PEOPLE.has(tokens[k]?.norm ?? '');
    if (pointed(i + 1)) continue;
    const f = pointed(i) ? SOMEONE : wordForm(t.norm);
    if (f !== undefined) {
      seq.push(f);
      surface.push(t.norm);
      asked[seq.length - 1] = f === SOMEONE && ASKING_AUXILIARIES.has(tokens[i - 1]?.norm ?? '');
    }
  }
  const strong: TopicId[] = [];
  const weak: TopicId[] = [];
  // Topics named so far only by the words of a rate ("per year"), and those named otherwise too.
  const byRate = new Set<TopicId>();
  const byWord = new Set<TopicId>();
  const add = (list: TopicId[], id: TopicId, rate = false): void => {
    if (list === strong) (rate ? byRate : byWord).add(id);
    if (!list.includes(id)) list.push(id);
  };
  // Words of a strong phrase are not read again on their own ("skill SET" is not a setting).
  const consumed = new Array<boolean>(seq.length).fill(false);
  type PhraseEntry = NonNullable<ReturnType<TopicMatcher['phrases']['get']>>[number];
  const matches: { readonly start: number; readonly end: number; readonly p: PhraseEntry }[] = [];
  for (let i = 0; i < seq.length; i += 1) {
    const s = seq[i];
    // A phrase may start with someone asked about: "could THEY move into" ("could" is a filler)
    // reads as "can they move into" does.
    if (s === undefined || (s === SOMEONE && asked[i] !== true)) continue;
    for (const p of matcher.phrases.get(s) ?? []) {
      const end = phraseAt(seq, i, p.stems);
      if (end < 0) continue;
      // "switching to ops coordination": a move INTO a named role asks about that role, not for jobs
      // related to it.
      if (p.topic === 'related' && seq[end] === SOMEONE && p.stems.some((x) => MOVE_STEMS.has(x))) continue;
      // "what do people do BEFORE becoming a coo": the jobs before or after, not the duties.
      if (p.topic === 'duties' && LADDER_TIME_STEMS.has(seq[end] ?? '')) continue;
      // "what can a head of ops move into AFTER a few years": the next step, not related jobs.
      if (p.topic === 'related' && LADDER_TIME_STEMS.has(seq[end] ?? '')) continue;
      // "a job OPENING up": one vacancy, not the yearly openings.
      if (surface[end - 1] === 'opening') continue;
      matches.push({ start: i, end, p });
    }
  }
  for (const m of matches) {
    // "work ON SITE": a phrase ending in a preposition ("work on") yields it to a phrase it starts.
    const last = m.end - 1;
    const yields =
      !m.p.weak &&
      PREPOSITION_STEMS.has(seq[last] ?? '') &&
      matches.some((o) => o !== m && !o.p.weak && o.start === last && o.end > m.end);
    if (yields) continue;
    // "what does X NEED to be good at": of two strong phrases sharing a word, the longer one speaks.
    // (Equally long: the one reaching further, "what do i need TO" yields to "need to be good AT".)
    const outweighed =
      !m.p.weak &&
      matches.some((o) => {
        if (o === m || o.p.weak || o.p.topic === m.p.topic || o.start >= m.end || m.start >= o.end)
          return false;
        const longer = o.end - o.start - (m.end - m.start);
        return longer > 0 || (longer === 0 && o.end > m.end);
      });
    if (outweighed) continue;
    add(m.p.weak ? weak : strong, m.p.topic, m.p.rate);
    if (!m.p.weak) for (let k = m.start; k < m.end; k += 1) consumed[k] = true;
  }
  for (let i = 0; i < seq.length; i += 1) {
    const s = seq[i];
    if (s === undefined || s === SOMEONE || consumed[i] === true) continue;
    const byStem = matcher.words.get(s);
    if (byStem === undefined || NOT_TOPIC_ALONE.has(surface[i] ?? '')) continue;
    // "a job OPENING up": one vacancy, not the yearly openings of the outlook.
    if (surface[i] === 'opening') continue;
    // "that PERSON'S work environment" is no "personality": a stem that names people counts as typed.
    if (GENERIC_PEOPLE.has(s) && !matcher.exact.has(surface[i] ?? '')) continue;
    const ids = byStem.length > 1 ? (matcher.exact.get(surface[i] ?? '') ?? byStem) : byStem;
    if (LIGHT_STEMS.has(s) && !nearQuantity(seq, i)) continue;
    // "in YEAR 12": a school year, not a rate of pay.
    if (RATE_UNIT_STEMS.has(s) && /^\d+$/u.test(surface[i + 1] ?? '')) continue;
    // "after a few YEARS": a plural unit is a duration, not a rate of pay ("a year", "per year" are).
    if (RATE_UNIT_STEMS.has(s) && /s$/u.test(surface[i] ?? '')) continue;
    for (const id of ids) add(WEAK_STEMS.has(s) ? weak : strong, id, RATE_STEMS.has(s));
  }
  if (strong.length === 0) return { topics: weak, named: false };
  // "openings per year": the rate is the unit of another topic's figure, not a question about pay.
  const unitOnly = (id: TopicId): boolean => byRate.has(id) && !byWord.has(id);
  const named = strong.filter((id) => !unitOnly(id) && id !== 'overview');
  const kept = named.length > 0 ? strong.filter((id) => !unitOnly(id)) : strong;
  const topics = kept.length > 1 ? kept.filter((id) => id !== 'overview') : kept;
  return { topics, named: true };
}

/** A quantity word within four words either side: "how MUCH do they make", "who makes MORE". */
function nearQuantity(seq: readonly string[], i: number): boolean {
  for (let j = Math.max(0, i - 4); j <= Math.min(seq.length - 1, i + 4); j += 1) {
    const w = seq[j];
    if (w !== undefined && QUANTITY_STEMS.has(w)) return true;
  }
  return false;
}
