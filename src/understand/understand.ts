/**
 * Understanding, top to bottom: clean and tokenize -> find roles (known, partial, unknown) -> find
 * topics -> read the intent cues -> resolve against the conversation -> Query and the next state.
 * Pure: the same text, state and knowledge always give the same result.
 */
import type { KnowledgeBase, RoleId, TopicId } from '../knowledge/model.js';
import { COMPARE_CUES, REFERENCES, SMALLTALK } from './lexicon.js';
import { clean, tokenize, type Token } from './normalize.js';
import {
  EMPTY_CONVERSATION,
  queryOf,
  type ConversationState,
  type LadderAsk,
  type Query,
  type QueryDraft,
  type SmalltalkKind,
} from './query.js';
import { nearestRoles, scanRoles, type RoleIndex, type RoleMention, type RoleScan } from './role-index.js';
import { detectTopics } from './topics.js';
import { findUnknownRoles, type UnknownMention } from './unknown-roles.js';

export type { RoleIndex } from './role-index.js';
export { buildIndex } from './role-index.js';

/** Most roles offered when a question names none ("what about salary?" in a fresh conversation). */
export const MAX_OFFERED = 8;

/** The words of a question, as a lookup-friendly view. */
interface Words {
  readonly tokens: readonly Token[];
  readonly norms: readonly string[];
  /** " word word word " for whole-word phrase checks without regular expressions. */
  readonly padded: string;
  has(word: string): boolean;
  phrase(text: string): boolean;
}

function wordsOf(tokens: readonly Token[]): Words {
  const norms = tokens.map((t) => t.norm);
  const set = new Set(norms);
  const padded = ` ${norms.join(' ')} `;
  return {
    tokens,
    norms,
    padded,
    has: (w) => set.has(w),
    phrase: (text) => padded.includes(` ${text} `),
  };
}

/** Everything the cues say about the question, before the conversation is consulted. */
interface Reading {
  readonly words: Words;
  readonly scan: RoleScan;
  readonly unknown: readonly UnknownMention[];
  readonly topics: readonly TopicId[];
  /** True when a topic was named, not merely suggested by a question word ("what is", "what about"). */
  readonly topicNamed: boolean;
  readonly ladder: LadderAsk | undefined;
  readonly compares: boolean;
  readonly followUpCue: boolean;
  readonly smalltalk: SmalltalkKind | undefined;
  readonly list: boolean;
  readonly help: boolean;
  readonly pick: number | undefined;
}

const HELP_PHRASES = [
  'help',
  'what can you do',
  'what do you do',
  'how does this work',
  'how do you work',
  'how do i use this',
  'how do i use you',
  'commands',
  'who are you',
  'what are you',
  'usage',
  'what can i ask',
  'what should i ask',
  'menu',
];
const LIST_NOUNS = [
  'roles',
  'role',
  'jobs',
  'job',
  'careers',
  'positions',
  'titles',
  'comparisons',
  'articles',
  'professions',
  'occupations',
];
const LIST_VERBS = [
  'which',
  'what',
  'list',
  'know',
  'cover',
  'covered',
  'have',
  'available',
  'all',
  'show',
  'support',
  'supported',
];
const LIST_PHRASES = [
  'what can i compare',
  'what can you compare',
  'what do you know about',
  'what do you know',
];
const SMALLTALK_OTHER = [
  'how are you',
  'how r u',
  "what's up",
  'whats up',
  'lol',
  'cool',
  'nice',
  'great',
  'ok',
  'okay',
  'good bot',
  'awesome',
];
const FOLLOW_UP_STARTS = [
  'and',
  'what about',
  'how about',
  'what of',
  'same for',
  'also',
  'now',
  'ok and',
  'then',
];
/** Words anywhere in a message that mark it as continuing the conversation ("the head of ops then"). */
const FOLLOW_UP_WORDS = new Set(['then', 'instead', 'too', 'also', 'either']);
const AFTER_PHRASES = [
  'after',
  'next step',
  'next steps',
  'next role',
  'next move',
  'next level',
  'promoted from',
  'promotion from',
  'progress from',
  'move up from',
  'lead to',
  'leads to',
  'beyond',
  'comes next',
  'career progression',
  'where can',
  'go from here',
];
const INTO_PHRASES = [
  'become',
  'becoming',
  'get into',
  'break into',
  'get a job as',
  'how to be',
  'path to',
  'path into',
  'transition into',
  'move into',
  'get to be',
  'route into',
  'qualify as',
];
const PATH_WORDS = ['path', 'pathway', 'route', 'ladder', 'progression', 'journey', 'roadmap'];
/** Verbs of moving up: "promoted to", "move up to", "go from ... to". */
const MOVE_WORDS = [
  'promoted',
  'promotion',
  'move',
  'moving',
  'go',
  'get',
  'progress',
  'transition',
  'step',
  'jump',
  'advance',
];
/** Interjections that open a message without changing it ("ok, what about..."). */
const OPENERS = new Set([
  'ok',
  'okay',
  'so',
  'hmm',
  'well',
  'alright',
  'right',
  'cool',
  'great',
  'nice',
  'thanks',
  'oh',
  'um',
  'uh',
]);
const ORDINALS: Readonly<Record<string, number>> = Object.freeze({
  first: 0,
  '1': 0,
  '1st': 0,
  one: 0,
  second: 1,
  '2': 1,
  '2nd': 1,
  two: 1,
  third: 2,
  '3': 2,
  '3rd': 2,
  three: 2,
  fourth: 3,
  '4': 3,
  '4th': 3,
  four: 3,
  fifth: 4,
  '5': 4,
  five: 4,
});

function smalltalkOf(words: Words): SmalltalkKind | undefined {
  const w = words.norms;
  if (w.some((x) => SMALLTALK.thanks.has(x)) || words.phrase('thank you')) return 'thanks';
  if (w.some((x) => SMALLTALK.bye.has(x)) || words.phrase('see you') || words.phrase('see ya')) return 'bye';
  if (w.some((x) => SMALLTALK.greeting.has(x)) || words.phrase('good morning') || words.phrase('good day')) {
    return 'greeting';
  }
  if (SMALLTALK_OTHER.some((p) => words.phrase(p))) return 'other';
  return undefined;
}

function ladderOf(words: Words, mentions: readonly RoleMention[]): LadderAsk | undefined {
  const first = mentions[0];
  const second = mentions[1];
  if (first !== undefined && second !== undefined) {
    const before = words.norms.slice(0, first.start);
    const between = words.norms.slice(first.end, second.start);
    const toSecond = between.includes('to') || between.includes('into');
    const fromTo = toSecond && (before.includes('from') || MOVE_WORDS.some((w) => words.has(w)));
    if (fromTo || PATH_WORDS.some((w) => words.has(w))) return 'path';
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
  if (AFTER_PHRASES.some((p) => words.phrase(p))) return 'after';
  if (INTO_PHRASES.some((p) => words.phrase(p))) return 'into';
  return undefined;
}

/** Which offered candidate a reply like "the first one", "2" or "last" picks. */
function pickOf(words: Words, offered: readonly string[]): number | undefined {
  if (offered.length === 0 || words.norms.length > 6) return undefined;
  if (words.has('last')) return offered.length - 1;
  for (const w of words.norms) {
    const i = ORDINALS[w];
    if (i !== undefined && i < offered.length) return i;
  }
  return undefined;
}

function read(text: string, state: ConversationState, index: RoleIndex): Reading {
  const tokens = tokenize(clean(text));
  const words = wordsOf(tokens);
  const scan = scanRoles(tokens, index);
  const unknown = findUnknownRoles(tokens, scan, index);
  const roleTokens = scan.covered.slice();
  for (const u of unknown) for (let k = u.start; k < u.end; k += 1) roleTokens[k] = true;
  for (const p of scan.partials) for (let k = p.start; k < p.end; k += 1) roleTokens[k] = true;
  const { topics, named: topicNamed } = detectTopics(tokens, roleTokens, index.topics);
  let skip = 0;
  while (skip < words.norms.length - 1 && OPENERS.has(words.norms[skip] ?? '')) skip += 1;
  const lead = words.norms.slice(skip, skip + 3).join(' ');
  return {
    words,
    scan,
    unknown,
    topics,
    topicNamed,
    ladder: ladderOf(words, scan.mentions),
    compares:
      words.norms.some((w) => COMPARE_CUES.has(w)) || words.phrase('stack up') || words.phrase('measure up'),
    followUpCue:
      FOLLOW_UP_STARTS.some((p) => lead === p || lead.startsWith(`${p} `)) ||
      words.norms.some((w) => REFERENCES.has(w) || FOLLOW_UP_WORDS.has(w)),
    smalltalk: smalltalkOf(words),
    list:
      LIST_PHRASES.some((p) => words.phrase(p)) ||
      (LIST_NOUNS.some((w) => words.has(w)) && LIST_VERBS.some((w) => words.has(w))),
    help: tokens.length === 0 || HELP_PHRASES.some((p) => words.phrase(p)),
    pick: pickOf(words, state.offered),
  };
}

function unique(ids: readonly RoleId[]): RoleId[] {
  return [...new Set(ids)];
}

type Draft = QueryDraft;

/** The query for known roles, once the conversation has been taken into account. */
function roleQuery(
  reading: Reading,
  roles: readonly RoleId[],
  confidence: number,
  followUp: boolean,
  topics: readonly TopicId[],
): Draft {
  let ladder = reading.ladder;
  if (ladder === 'path' && roles.length < 2) ladder = undefined;
  // A ladder question's own words ("where can I go next") are not a topic unless one is named.
  let chosen = ladder !== undefined && !reading.topicNamed && !followUp ? [] : topics;
  if (ladder === 'into' && !chosen.includes('requirements'))
    chosen = ['requirements', ...chosen.filter((t) => t !== 'overview')];
  return {
    intent: roles.length >= 2 ? 'compare' : 'role',
    roles,
    topics: chosen,
    confidence: followUp ? confidence * 0.9 : confidence,
    ladder,
    followUp,
  };
}

function decide(reading: Reading, state: ConversationState, kb: KnowledgeBase, index: RoleIndex): Draft {
  const { scan, unknown, topics, topicNamed } = reading;
  const resolved = scan.mentions.filter((m) => m.roles.length === 1);
  const ambiguous = scan.mentions.filter((m) => m.roles.length > 1);
  const named = unique(resolved.flatMap((m) => m.roles));
  const confidence = Math.min(1, ...scan.mentions.map((m) => m.confidence));
  const carriedTopics = topicNamed || state.topics.length === 0 ? topics : state.topics;

  // A reply to "which did you mean?".
  if (reading.pick !== undefined && named.length === 0 && unknown.length === 0) {
    const role = state.offered[reading.pick];
    if (role !== undefined) return roleQuery(reading, [role], 0.9, true, carriedTopics);
  }
  if (named.length === 1 && unknown.length === 0 && state.offered.includes(named[0] ?? '')) {
    return roleQuery(reading, named, confidence, true, carriedTopics);
  }

  if (unknown.length > 0) {
    const words = unknown.flatMap((u) => reading.words.tokens.slice(u.start, u.end).map((t) => t.raw));
    const near = nearestRoles(words, index);
    return {
      intent: 'unknown',
      roles: named,
      topics: !topicNamed && reading.followUpCue && state.topics.length > 0 ? state.topics : topics,
      confidence: 0.3,
      unknownRoles: unknown.map((u) => u.text).filter((t) => t.length > 0),
      candidates: near,
      followUp: false,
    };
  }

  if (ambiguous.length > 0) {
    const candidates = unique(ambiguous.flatMap((m) => m.roles)).slice(0, MAX_OFFERED);
    return { intent: 'clarify', roles: named, topics, confidence: 0.4, candidates };
  }

  if (named.length > 0) {
    // "how does that compare to coordinators?": add to what the conversation is about.
    if (
      named.length === 1 &&
      state.roles.length > 0 &&
      reading.compares &&
      !state.roles.includes(named[0] ?? '')
    ) {
      return roleQuery(reading, unique([...state.roles, ...named]), confidence, true, carriedTopics);
    }
    // "what about the COO?": switch role, keep the topic.
    const keepTopics =
      !topicNamed && reading.followUpCue && state.roles.length > 0 && state.topics.length > 0;
    return roleQuery(reading, named, confidence, keepTopics, keepTopics ? state.topics : topics);
  }

  // No role named at all.
  if (reading.smalltalk === 'thanks' || reading.smalltalk === 'bye') {
    return { intent: 'smalltalk', confidence: 1, smalltalk: reading.smalltalk };
  }
  if (reading.help && !topicNamed) return { intent: 'help', confidence: 1 };
  if (reading.list) return { intent: 'list', confidence: 1 };
  if (scan.partials.length > 0) {
    const candidates = unique(scan.partials.flatMap((p) => p.candidates)).slice(0, MAX_OFFERED);
    return { intent: 'clarify', topics, confidence: 0.3, candidates };
  }
  const asksSomething = topicNamed || reading.ladder !== undefined || reading.compares;
  if (state.roles.length > 0 && (asksSomething || reading.followUpCue)) {
    return roleQuery(reading, state.roles, 0.9, true, carriedTopics);
  }
  if (topicNamed) {
    const candidates = firstRoles(kb, MAX_OFFERED);
    return { intent: 'clarify', topics, confidence: 0.2, candidates };
  }
  if (reading.smalltalk !== undefined)
    return { intent: 'smalltalk', confidence: 1, smalltalk: reading.smalltalk };
  return { intent: 'help', confidence: reading.help ? 1 : 0.3 };
}

/** The first `limit` role ids, without copying the whole map (it may hold 100,000 roles). */
function firstRoles(kb: KnowledgeBase, limit: number): RoleId[] {
  const out: RoleId[] = [];
  for (const id of kb.roles.keys()) {
    if (out.length >= limit) break;
    out.push(id);
  }
  return out;
}

function nextState(query: Query, state: ConversationState): ConversationState {
  switch (query.intent) {
    case 'role':
    case 'compare':
      return { roles: query.roles, topics: query.topics, offered: [] };
    case 'clarify':
      return { roles: state.roles, topics: query.topics, offered: query.candidates };
    case 'unknown':
      return {
        roles: query.roles.length > 0 ? query.roles : state.roles,
        topics: query.topics,
        offered: query.candidates,
      };
    default:
      return state;
  }
}

/**
 * Text + conversation + knowledge -> what was asked, and what the conversation remembers next. Pure and
 * total: any input gives a Query valid against QuerySchema.
 */
export function understand(
  text: string,
  state: ConversationState,
  kb: KnowledgeBase,
  index: RoleIndex,
): { query: Query; state: ConversationState } {
  const safeState = state ?? EMPTY_CONVERSATION;
  const reading = read(typeof text === 'string' ? text : '', safeState, index);
  const query = queryOf(decide(reading, safeState, kb, index));
  return { query, state: nextState(query, safeState) };
}
