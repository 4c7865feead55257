/**
 * Resolution: what the cues, the roles in focus and the conversation together say was asked, as a
 * query draft, and what the conversation remembers next. Pure.
 */
import type { KnowledgeBase, RoleId, TopicId } from '../knowledge/model.js';
import type { Words } from './cues.js';
import type { FocusStatus } from './focus.js';
import {
  MAX_RECENT,
  type ConversationState,
  type LadderAsk,
  type Query,
  type QueryDraft,
  type SmalltalkKind,
} from './query.js';
import type { RoleIndex } from './role-index.js';
import type { RoleMention } from './role-scan.js';
import { nearestRoles } from './role-scan.js';
import type { RankCue } from './cues.js';
import type { UnknownMention } from './unknown-roles.js';

/** Most roles offered when a question names none ("what about salary?" in a fresh conversation). */
export const MAX_OFFERED = 8;

export interface Focused<M> {
  readonly mention: M;
  readonly status: FocusStatus;
}

/** Everything read from one message before the conversation is consulted. */
export interface Reading {
  readonly words: Words;
  readonly mentions: readonly Focused<RoleMention>[];
  readonly unknown: readonly Focused<UnknownMention>[];
  readonly partials: readonly { readonly candidates: readonly RoleId[] }[];
  readonly topics: readonly TopicId[];
  /** True when a topic was named, not merely suggested by a question word ("what is", "how much"). */
  readonly topicNamed: boolean;
  /** The ladder reading for the roles in focus. */
  readonly ladder: LadderAsk | undefined;
  readonly compares: boolean;
  readonly followUpCue: boolean;
  readonly repair: boolean;
  readonly myJob: boolean;
  readonly rank: RankCue;
  readonly smalltalk: SmalltalkKind | undefined;
  readonly list: boolean;
  readonly help: boolean;
  readonly outOfScope: boolean;
  readonly pick: number | undefined;
  /** Unknown words of an unknown mention, for "did you mean". */
  readonly unknownWords: readonly string[];
  /** A place the question named ("in Texas"), as typed. */
  readonly place: string | undefined;
  /** Hourly pay was asked for. */
  readonly hourly: boolean;
  /** "X vs Y" between words that are neither roles nor topic words ("__proto__ vs toString pay"). */
  readonly comparesOtherThings?: boolean;
}

function unique(ids: readonly RoleId[]): RoleId[] {
  return [...new Set(ids)];
}

/**
 * The known and unknown mentions to read the question from: those in focus; when none is, the context
 * that can stand in (a role in a statement beside the question, the asker's own job, someone else's),
 * never a role taken back.
 */
function chosen(
  known: readonly Focused<RoleMention>[],
  unknown: readonly Focused<UnknownMention>[],
  myJob: boolean,
): { known: RoleMention[]; unknown: UnknownMention[] } {
  const pick = (s: FocusStatus): { known: RoleMention[]; unknown: UnknownMention[] } => ({
    known: known.filter((f) => f.status === s).map((f) => f.mention),
    unknown: unknown.filter((f) => f.status === s).map((f) => f.mention),
  });
  const order: FocusStatus[] = myJob
    ? ['focus', 'self', 'aside', 'other']
    : ['focus', 'aside', 'self', 'other'];
  for (const s of order) {
    const found = pick(s);
    if (found.known.length + found.unknown.length > 0) return found;
  }
  return { known: [], unknown: [] };
}

/** The roles a group reference ("which of these", "the two", "their pay") points at. */
function groupRoles(state: ConversationState): RoleId[] {
  if (state.roles.length >= 2) return [...state.roles];
  const recent = state.recent ?? [];
  return recent.length >= 2 ? recent.slice(-2) : [...state.roles];
}

/** For a bare head with several roles ("the coordinator"), the one sharing a name word with the conversation's roles. */
function byConversation(
  mention: RoleMention,
  context: readonly RoleId[],
  kb: KnowledgeBase,
): RoleId | undefined {
  if (mention.kind !== 'head' || context.length === 0) return undefined;
  const words = new Set<string>();
  for (const id of context) {
    const role = kb.roles.get(id);
    if (role === undefined) continue;
    for (const name of [role.title, ...role.aliases])
      for (const w of name.toLowerCase().split(/\W+/u)) if (w.length > 2) words.add(w);
  }
  const fits = mention.roles.filter((id) => {
    if (context.includes(id)) return false;
    const role = kb.roles.get(id);
    return (
      role !== undefined &&
      [role.title, ...role.aliases].some((n) =>
        n
          .toLowerCase()
          .split(/\W+/u)
          .some((w) => words.has(w)),
      )
    );
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** The query for known roles, once the conversation has been taken into account. */
function roleDraft(
  reading: Reading,
  roles: readonly RoleId[],
  confidence: number,
  followUp: boolean,
  asked: readonly TopicId[],
  rank?: 'all' | 'listed',
): QueryDraft {
  let topics = asked;
  let ladder = reading.ladder;
  if (ladder === 'path' && roles.length < 2) ladder = undefined;
  if (rank !== undefined || topics.includes('related')) ladder = undefined;
  // "is a COO similar to a head of ops?": between named roles, likeness is a comparison.
  if (roles.length >= 2 && topics.includes('related')) topics = topics.filter((t) => t !== 'related');
  // A ladder question's own words ("where can I go next") are not a topic unless one is named; moving
  // into a role or along a path asks what it takes unless a topic says otherwise ("the raise from...").
  // A ladder question is a new question in a conversation too: "and after that, what's next?" does not
  // carry the topic of "how do I become one?".
  let chosenTopics = ladder !== undefined && !reading.topicNamed ? weakLadderTopics(reading, ladder) : topics;
  if (ladder === 'into' && !chosenTopics.includes('requirements'))
    chosenTopics = ['requirements', ...chosenTopics.filter((t) => t !== 'overview')];
  return {
    intent: roles.length >= 2 || rank !== undefined ? 'compare' : 'role',
    roles,
    topics: chosenTopics,
    confidence: followUp ? confidence * 0.9 : confidence,
    ladder,
    rank,
    followUp,
  };
}

/** Topics of a ladder question with no topic named: "how much" still asks about pay; a path asks what it takes. */
function weakLadderTopics(reading: Reading, ladder: LadderAsk): TopicId[] {
  if (reading.topics.includes('salary') && reading.words.phrase('how much')) return ['salary'];
  return ladder === 'path' ? ['requirements'] : [];
}

export function decide(
  reading: Reading,
  state: ConversationState,
  kb: KnowledgeBase,
  index: RoleIndex,
): QueryDraft {
  const { topics, topicNamed } = reading;
  const { known: mentions, unknown: unknownNow } = chosen(reading.mentions, reading.unknown, reading.myJob);
  const context = unique([
    ...state.roles,
    ...mentions.filter((m) => m.roles.length === 1).flatMap((m) => m.roles),
  ]);
  const resolvedMentions = mentions.map((m) => {
    if (m.roles.length <= 1) return m;
    const picked = byConversation(m, context, kb);
    return picked === undefined ? m : { ...m, roles: [picked] };
  });
  // "what does a manager do": a bare title head, alone in a fresh conversation, does not say which
  // kind is meant, even when the knowledge base knows only one.
  const bareAlone =
    state.roles.length === 0 &&
    reading.mentions.length === 1 &&
    resolvedMentions.length === 1 &&
    resolvedMentions[0]?.kind === 'head';
  const resolved = bareAlone ? [] : resolvedMentions.filter((m) => m.roles.length === 1);
  const ambiguous = bareAlone ? resolvedMentions : resolvedMentions.filter((m) => m.roles.length > 1);
  const named = unique(resolved.flatMap((m) => m.roles));
  const confidence = Math.min(1, ...resolved.map((m) => m.confidence));
  const carriedTopics = topicNamed || state.topics.length === 0 ? topics : state.topics;

  if (reading.outOfScope) return { intent: 'help', confidence: 1, outOfScope: true };

  // A reply to "which did you mean?".
  if (reading.pick !== undefined && named.length === 0 && unknownNow.length === 0) {
    const role = state.offered[reading.pick];
    if (role !== undefined) return roleDraft(reading, [role], 0.9, true, carriedTopics);
  }
  if (named.length === 1 && unknownNow.length === 0 && state.offered.includes(named[0] ?? '')) {
    return roleDraft(reading, named, confidence, true, carriedTopics);
  }

  // Rankings over everything known ("which of your roles pays the most?") or a named group of roles.
  const rankTopics =
    topics.length > 0 && !(topics.length === 1 && topics[0] === 'overview') ? topics : ['salary'];
  const groupRanking = reading.rank.ordered && ambiguous.length === 1;
  if ((reading.rank.all || groupRanking) && named.length === 0 && unknownNow.length === 0) {
    const group = ambiguous[0]?.roles ?? [];
    return roleDraft(reading, group, 1, false, rankTopics, 'all');
  }
  // "which of these pays more?", "compare their pay": the roles just discussed.
  if (reading.rank.group && named.length === 0 && unknownNow.length === 0 && ambiguous.length === 0) {
    const group = groupRoles(state);
    // "rank them", "who earns the least out of the four" with nothing discussed yet: every known role.
    if (group.length < 2 && reading.rank.ordered) return roleDraft(reading, [], 1, false, rankTopics, 'all');
    if (group.length >= 2) {
      const groupTopics = topicNamed
        ? topics
        : state.topics.length > 0 && !reading.rank.ordered
          ? state.topics
          : rankTopics;
      return roleDraft(reading, group, 0.9, true, groupTopics, reading.rank.ordered ? 'listed' : undefined);
    }
  }

  if (unknownNow.length > 0) {
    const near = nearestRoles(reading.unknownWords, index);
    return {
      intent: 'unknown',
      roles: named,
      topics: !topicNamed && reading.followUpCue && state.topics.length > 0 ? state.topics : topics,
      confidence: 0.3,
      unknownRoles: unknownNow.map((u) => u.text).filter((t) => t.length > 0),
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
      return roleDraft(reading, unique([...state.roles, ...named]), confidence, true, carriedTopics);
    }
    // "what about the COO?", "*coordinator", "sorry, I meant the COO": switch role, keep the topic.
    const keepTopics =
      !topicNamed &&
      (reading.followUpCue || reading.repair) &&
      state.roles.length > 0 &&
      state.topics.length > 0;
    // "which pays least: X or Y?", "X, Y or Z: who earns more?": the named roles, ranked. Between two
    // roles a comparative keeps the order they were named in ("X or Y, which pays more?").
    const ranked = named.length >= 3 ? reading.rank.ordered : named.length === 2 && reading.rank.superlative;
    const rank = ranked ? 'listed' : undefined;
    return roleDraft(reading, named, confidence, keepTopics, keepTopics ? state.topics : topics, rank);
  }

  // No role named at all. "ty. and the salary gap?": thanks with a question about the roles discussed.
  const asksAboutContext = topicNamed && state.roles.length > 0;
  if ((reading.smalltalk === 'thanks' || reading.smalltalk === 'bye') && !asksAboutContext) {
    return { intent: 'smalltalk', confidence: 1, smalltalk: reading.smalltalk };
  }
  if (reading.help && !topicNamed) return { intent: 'help', confidence: 1 };
  if (reading.list) return { intent: 'list', confidence: 1 };
  if (reading.partials.length > 0) {
    const candidates = unique(reading.partials.flatMap((p) => p.candidates)).slice(0, MAX_OFFERED);
    return { intent: 'clarify', topics, confidence: 0.3, candidates };
  }
  const asksSomething = topicNamed || reading.ladder !== undefined || reading.compares;
  if (state.roles.length > 0 && (asksSomething || reading.followUpCue)) {
    return roleDraft(reading, state.roles, 0.9, true, carriedTopics);
  }
  // "__proto__ vs toString pay" names two things, neither a role nor a job title: not understood, not
  // a choice among every role.
  if (reading.comparesOtherThings === true) return { intent: 'help', confidence: 0.3, unmatched: true };
  if (topicNamed) {
    return { intent: 'clarify', topics, confidence: 0.2, candidates: firstRoles(kb, MAX_OFFERED) };
  }
  if (reading.smalltalk !== undefined)
    return { intent: 'smalltalk', confidence: 1, smalltalk: reading.smalltalk };
  return reading.help
    ? { intent: 'help', confidence: 1 }
    : { intent: 'help', confidence: 0.3, unmatched: true };
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

function remember(recent: readonly RoleId[] | undefined, roles: readonly RoleId[]): RoleId[] {
  const out = (recent ?? []).filter((r) => !roles.includes(r));
  out.push(...roles);
  return out.slice(-MAX_RECENT);
}

/** What the conversation remembers after a query. */
export function nextState(query: Query, state: ConversationState): ConversationState {
  switch (query.intent) {
    case 'role':
    case 'compare':
      if (query.roles.length === 0) return state;
      return {
        roles: query.roles,
        topics: query.topics,
        offered: [],
        recent: remember(state.recent, query.roles.slice(0, MAX_RECENT)),
      };
    case 'clarify':
      return { ...state, topics: query.topics, offered: query.candidates };
    case 'unknown':
      return {
        roles: query.roles.length > 0 ? query.roles : state.roles,
        topics: query.topics,
        offered: query.candidates,
        recent: remember(state.recent, query.roles),
      };
    default:
      return state;
  }
}
