/**
 * Resolution: what the cues, the roles in focus and the conversation together say was asked, as a
 * query draft, and what the conversation remembers next. Pure.
 */
import type { KnowledgeBase, RoleId, TopicId } from '../knowledge/model.js';
import { wordsOf, type Words } from './cues.js';
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
import { lookupName, roleIdsOf } from './role-index.js';
import type { RankCue } from './cues.js';
import type { UnknownMention } from './unknown-roles.js';
import { isTopicWord } from './topics.js';
import { tokenKey } from './keys.js';
import { ABBREVIATIONS, ROLE_HEADS, STOPWORDS } from './lexicon.js';
import { nameWords as nameWordsOf } from './normalize.js';
import { stem } from './natural.js';

/** Words a message of role names alone may have besides the names ("NOT coordinators, managers"). */
const NAME_FILLERS: ReadonlySet<string> = new Set(
  'a an the not no sorry i mean meant but rather instead oops actually for about'.split(' '),
);

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
  readonly partials: readonly { readonly start: number; readonly candidates: readonly RoleId[] }[];
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
  /** The message was marked as a correction with an asterisk ("operations*"). */
  readonly starred?: boolean;
  /** Only statements about the speaker, no question ("hi! im a student exploring careers"). */
  readonly introduction?: boolean;
  /** "the second one": which of the conversation's roles (see `groupRoles`) the question points at. */
  readonly pointed?: number | undefined;
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
  norms: readonly string[] = [],
  overAll = false,
): { known: RoleMention[]; unknown: UnknownMention[] } {
  const pick = (s: FocusStatus): { known: RoleMention[]; unknown: UnknownMention[] } => ({
    known: known.filter((f) => f.status === s).map((f) => f.mention),
    unknown: unknown.filter((f) => f.status === s).map((f) => f.mention),
  });
  // "my boss is a COO. what does a head of ops earn compared to HIM?": the one person's role the
  // pronoun stands for joins the comparison.
  const focus = pick('focus');
  const people = known.filter((f) => f.status === 'other' || f.status === 'self');
  if (
    focus.known.length === 1 &&
    focus.unknown.length === 0 &&
    people.length === 1 &&
    comparedToPronoun(norms)
  ) {
    const [person] = people;
    if (person !== undefined && person.mention.start < (focus.known[0]?.start ?? 0))
      return { known: [person.mention, ...focus.known], unknown: [] };
  }
  // "startup founder here, which of your roles is cheapest?": a question over every role is not about
  // the asker's own job or someone else's.
  const order: FocusStatus[] = overAll
    ? ['focus', 'aside']
    : myJob
      ? ['focus', 'self', 'aside', 'other']
      : ['focus', 'aside', 'self', 'other'];
  for (const s of order) {
    const found = pick(s);
    if (found.known.length + found.unknown.length > 0) return found;
  }
  return { known: [], unknown: [] };
}

const COMPARED_TO = new Set(['than', 'vs', 'versus', 'to', 'with']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'theirs', 'his', 'hers', 'mine']);

/** "... compared to him", "more than her", "vs them": a comparison with a person named before. */
function comparedToPronoun(norms: readonly string[]): boolean {
  for (let k = 1; k < norms.length; k += 1) {
    if (!OBJECT_PRONOUNS.has(norms[k] ?? '') || !COMPARED_TO.has(norms[k - 1] ?? '')) continue;
    const verb = norms[k - 2] ?? '';
    if (norms[k - 1] !== 'to' && norms[k - 1] !== 'with') return true;
    if (verb === 'compared' || verb === 'compare' || verb === 'relative' || verb === 'next') return true;
  }
  return false;
}

/** Most roles a title word may name and still be a group to rank ("ops roles"); more is every role. */
const MAX_TITLED_GROUP = 64;

/** The roles whose own title or alias has the one part-named word of the question, if few enough. */
function titledGroup(reading: Reading, index: RoleIndex): RoleId[] {
  const [partial, ...more] = reading.partials;
  if (partial === undefined || more.length > 0) return [];
  const word = reading.words.tokens[partial.start]?.norm ?? '';
  const key = ABBREVIATIONS[word] ?? word;
  const ordinals = index.titleWordRoles.get(tokenKey(key)) ?? [];
  return ordinals.length > 1 && ordinals.length <= MAX_TITLED_GROUP ? roleIdsOf(index, ordinals) : [];
}

/** The roles a group reference ("which of these", "the two", "their pay") points at. */
export function groupRoles(state: ConversationState): RoleId[] {
  if (state.roles.length >= 2) return [...state.roles];
  const recent = state.recent ?? [];
  return recent.length >= 2 ? recent.slice(-2) : [...state.roles];
}

/**
 * The role named by one part-named word of the message and the head of the role discussed
 * ("mechanical" + "engineers" of Civil Engineers -> Mechanical Engineers); undefined when none or several.
 */
function siblingOf(
  reading: Reading,
  current: RoleId,
  kb: KnowledgeBase,
  index: RoleIndex,
): RoleId | undefined {
  const { tokens } = reading.words;
  if (reading.mentions.length > 0 || reading.unknown.length > 0 || tokens.length > MAX_SIBLING_MESSAGE)
    return undefined;
  const title = kb.roles.get(current)?.title;
  if (title === undefined) return undefined;
  const head = nameWordsOf(title.split(',')[0] ?? title)
    .map(tokenKey)
    .pop();
  if (head === undefined || !ROLE_HEADS.has(head)) return undefined;
  const found = new Set<RoleId>();
  for (const t of tokens) {
    const word = tokenKey(t.norm);
    if (STOPWORDS.has(word) || word === head || isTopicWord(index.topics, t.norm) || !/^[a-z]+$/u.test(word))
      continue;
    const hit = lookupName(index, `${word} ${head}`);
    for (const id of hit === undefined ? [] : roleIdsOf(index, hit.ordinals))
      if (id !== current) found.add(id);
  }
  const [only, ...more] = found;
  return more.length === 0 ? only : undefined;
}

/** Longest message read for a sibling of the role discussed ("how does that compare with mechanical?"). */
const MAX_SIBLING_MESSAGE = 8;

/** Shortest start of a word that counts as the word in an occupation's title ("TECH" of technologists). */
const MIN_TITLE_PREFIX = 4;

/**
 * Of the occupations O*NET lists a shared name for, the one whose own title has its words ("surgical
 * tech" is Surgical Technologists, though the surgical assistants list it too; "mail carrier" is
 * Postal Service Mail Carriers, not Couriers), else the one that is not an "All Other" catch-all.
 * Undefined when none or several fit: the question offers them.
 */
function byOwnTitle(mention: RoleMention, words: Words, kb: KnowledgeBase): RoleId | undefined {
  if (mention.kind === 'head') return undefined;
  const asked = words.tokens
    .slice(mention.start, mention.end)
    .map((t) => tokenKey(t.norm))
    .filter((w) => !STOPWORDS.has(w) && w.length >= 2);
  if (asked.length === 0) return undefined;
  const occupations = mention.roles.map((id) => kb.roles.get(id));
  if (occupations.some((r) => r === undefined || r.origin !== 'open-data')) return undefined;
  const fits = (title: string): boolean => {
    const own = nameWordsOf(title).map(tokenKey);
    return asked.every((w) =>
      own.some(
        (o) =>
          o === w ||
          stem(o) === stem(w) ||
          (w.length >= MIN_TITLE_PREFIX && (o.startsWith(w) || w.startsWith(o))),
      ),
    );
  };
  // One word ("analyst") says too little to choose by, and a name many list ("project manager":
  // construction, engineering, project management) is offered.
  if (asked.length < 2 || mention.roles.length > MAIN_SENSE_AMONG) return undefined;
  const titled = occupations.filter((r) => r !== undefined && fits(r.title));
  if (titled.length === 1) return titled[0]?.id;
  if (titled.length > 1) return undefined;
  // A name of two words or more is specific enough for the one occupation that is no catch-all
  // ("phlebotomy technician"); one word ("analyst") is not.
  const specific = occupations.filter((r) => r !== undefined && !r.title.includes('All Other'));
  if (specific.length === 1 && occupations.length > 1) return specific[0]?.id;
  // "high school teacher": a name of two words or more that one occupation has many variants of
  // ("High School English Teacher", "High School Math Teacher"...) is its main sense.
  // Only between a few: among the 36 occupations listing "Assistant Professor", the one with the most
  // such names is no main sense.
  return mainSense(mention.roles, asked, kb);
}

/** Least lead, in names having the words, of the main sense over the next (and least count). */
const MAIN_SENSE_LEAD = 1.5;
const MAIN_SENSE_NAMES = 3;
const MAIN_SENSE_AMONG = 3;

/** The role most of whose names have every asked word, well ahead of the next one. */
function mainSense(ids: readonly RoleId[], asked: readonly string[], kb: KnowledgeBase): RoleId | undefined {
  const counted = ids
    .map((id) => ({ id, count: namesOf(kb, id).filter((name) => hasAll(name, asked)).length }))
    .sort((a, b) => b.count - a.count);
  const [top, next] = counted;
  if (top === undefined || next === undefined || top.count < MAIN_SENSE_NAMES) return undefined;
  return top.count >= MAIN_SENSE_LEAD * next.count ? top.id : undefined;
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
      (hasWordOf(role.title, words) || role.aliases.some((alias) => hasWordOf(alias, words)))
    );
  });
  return fits.length === 1 ? fits[0] : undefined;
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * `name.toLowerCase().split(/\W+/u).some((w) => words.has(w))` for words made of word characters,
 * without splitting: a bare head can name hundreds of occupations with dozens of names each.
 */
function hasWordOf(name: string, words: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  for (const w of words) {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      const end = at + w.length;
      if (
        (at === 0 || !isWordChar(lower.charCodeAt(at - 1))) &&
        (end === lower.length || !isWordChar(lower.charCodeAt(end)))
      )
        return true;
    }
  }
  return false;
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
  const { known: mentions, unknown: unknownNow } = chosen(
    reading.mentions,
    reading.unknown,
    reading.myJob,
    reading.words.norms,
    reading.rank.all && !reading.myJob,
  );
  const context = unique([
    ...state.roles,
    ...mentions.filter((m) => m.roles.length === 1).flatMap((m) => m.roles),
  ]);
  const resolvedMentions = mentions.map((m) => {
    if (m.roles.length <= 1) return m;
    const picked = byConversation(m, context, kb);
    if (picked !== undefined) return { ...m, roles: [picked] };
    const titled = byOwnTitle(m, reading.words, kb);
    return titled === undefined ? m : { ...m, roles: [titled], confidence: Math.max(m.confidence, 0.8) };
  });
  // "what does a manager do": a bare title head, alone in a fresh conversation, does not say which
  // kind is meant, even when the knowledge base knows only one.
  // A word of the role's name elsewhere ("a coordinator IN OPERATIONS") says which.
  const head = resolvedMentions.length === 1 ? resolvedMentions[0] : undefined;
  const qualified =
    head !== undefined && reading.partials.some((p) => p.candidates.some((c) => head.roles.includes(c)));
  const bareAlone =
    state.roles.length === 0 && reading.mentions.length === 1 && head?.kind === 'head' && !qualified;
  const resolved = bareAlone ? [] : resolvedMentions.filter((m) => m.roles.length === 1);
  const ambiguous = bareAlone ? resolvedMentions : resolvedMentions.filter((m) => m.roles.length > 1);
  const named = unique(resolved.flatMap((m) => m.roles));
  const confidence = Math.min(1, ...resolved.map((m) => m.confidence));
  const carriedTopics = topicNamed || state.topics.length === 0 ? topics : state.topics;

  if (reading.outOfScope) return { intent: 'help', confidence: 1, outOfScope: true };

  // A reply to "which did you mean?": "the first one", or words of one offered role's names ("high
  // school" after teachers were offered: the one with "High School Teacher" among its titles).
  if (reading.pick !== undefined && named.length === 0 && unknownNow.length === 0) {
    const role = state.offered[reading.pick];
    if (role !== undefined) return roleDraft(reading, [role], 0.9, true, carriedTopics);
  }
  // A word read as an unknown title may still describe an offered role: "CHIEF. autocorrect is killing
  // me" after "cheap operating officer" offered the chief operating officer.
  if (state.offered.length > 0 && named.length === 0) {
    // "school bus, my mum's thinking about it": the first phrase describes, the rest is talk.
    const cut = reading.words.tokens.findIndex((t, k) => k > 0 && t.breakBefore);
    const described =
      describedChoice(reading.words, state.offered, kb, index) ??
      (cut > 0
        ? describedChoice(wordsOf(reading.words.tokens.slice(0, cut)), state.offered, kb, index)
        : undefined);
    // Its words describe the role ("high SCHOOL"), not a topic: the topic of the question stays.
    const keep = state.topics.length > 0 ? state.topics : carriedTopics;
    const fits = described !== undefined && (unknownNow.length === 0 || state.offered.includes(described));
    if (fits) return roleDraft(reading, [described], 0.8, true, keep);
  }
  // "the second one, how much do they earn?" after two roles were discussed.
  if (reading.pointed !== undefined && state.offered.length === 0 && named.length === 0) {
    const role = groupRoles(state)[reading.pointed];
    if (role !== undefined && unknownNow.length === 0)
      return roleDraft(reading, [role], 0.9, true, carriedTopics);
  }
  if (named.length === 1 && unknownNow.length === 0 && state.offered.includes(named[0] ?? '')) {
    return roleDraft(reading, named, confidence, true, carriedTopics);
  }

  // "operations* lol" after a question about the head of operations: the asker fixes their own typo of
  // a word of the role just read; the question stands as it was read.
  if (
    reading.starred === true &&
    named.length === 0 &&
    unknownNow.length === 0 &&
    state.roles.length > 0 &&
    fixesOwnTypo(reading.words, state.roles, kb)
  ) {
    return roleDraft(reading, state.roles, 0.9, true, state.topics.length > 0 ? state.topics : topics);
  }

  // Rankings over everything known ("which of your roles pays the most?") or a named group of roles.
  const rankTopics =
    topics.length > 0 && !(topics.length === 1 && topics[0] === 'overview') ? topics : ['salary'];
  const groupRanking = reading.rank.ordered && ambiguous.length === 1;
  // "is the COO the best paid of the lot?": one role against all of them is the ranking of all.
  const oneAgainstAll = reading.rank.allSaid && named.length === 1;
  if (
    (reading.rank.all || groupRanking) &&
    (named.length === 0 || oneAgainstAll) &&
    unknownNow.length === 0
  ) {
    // "which OPS role pays most": a word of some roles' own titles narrows the ranking to those roles.
    const group = ambiguous[0]?.roles ?? titledGroup(reading, index);
    return roleDraft(reading, group, 1, false, rankTopics, 'all');
  }
  // "which of these pays more?", "compare their pay": the roles just discussed.
  // "which is better paid then?" after two roles were asked about one by one: those two, without a
  // pointer. (After "X vs Y" the pair is still the conversation's roles and is kept as it is.)
  const choiceAfterTwo =
    !reading.rank.group && reading.rank.ordered && state.roles.length < 2 && groupRoles(state).length >= 2;
  if (
    (reading.rank.group || choiceAfterTwo) &&
    named.length === 0 &&
    unknownNow.length === 0 &&
    ambiguous.length === 0
  ) {
    const group = groupRoles(state);
    // "rank them", "who earns the least out of the four" with nothing discussed yet: every known role.
    if (group.length < 2 && reading.rank.ordered) return roleDraft(reading, [], 1, false, rankTopics, 'all');
    if (group.length >= 2) {
      const groupTopics = topicNamed
        ? topics
        : state.topics.length > 0 && !reading.rank.ordered
          ? state.topics
          : rankTopics;
      // Between two roles a comparative keeps their order, as when they are named ("X or Y, which pays more?").
      const ranked = choiceAfterTwo ? reading.rank.superlative || group.length >= 3 : reading.rank.ordered;
      return roleDraft(reading, group, 0.9, true, groupTopics, ranked ? 'listed' : undefined);
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
    const spans = ambiguous.map((m) =>
      reading.words.tokens.slice(m.start, m.end).map((t) => tokenKey(t.norm)),
    );
    const candidates = bestFirst(unique(ambiguous.flatMap((m) => m.roles)), spans.flat(), kb).slice(
      0,
      MAX_OFFERED,
    );
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
    // A message that is only a role's name ("electrician?") right after an answer switches role too.
    // So does "not coordinators, managers": names, one of them taken back.
    const onlyNames = reading.words.norms.every(
      (w, k) =>
        NAME_FILLERS.has(w) || reading.mentions.some((f) => f.mention.start <= k && k < f.mention.end),
    );
    const keepTopics =
      !topicNamed &&
      // After "what's the outlook?" was answered with a choice of roles, "for dental hygienists" says which.
      (reading.followUpCue ||
        reading.repair ||
        (onlyNames && (state.roles.length > 0 || state.offered.length > 0))) &&
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
  // "hi! im a uni student exploring careers": a greeting and an introduction ask nothing yet.
  if (reading.smalltalk === 'greeting' && reading.introduction === true && reading.partials.length === 0)
    return { intent: 'smalltalk', confidence: 1, smalltalk: 'greeting' };
  // "what jobs are similar?" after a role was discussed asks for jobs like it, not for the list.
  const relatedToContext = topics.includes('related') && topicNamed && state.roles.length > 0;
  if (reading.list && !relatedToContext) return { intent: 'list', confidence: 1 };
  // "how does that compare with MECHANICAL?" after civil engineers, "what about electrical?": a word
  // that makes a sibling of the role discussed, with its head ("mechanical engineers").
  const current = state.roles[state.roles.length - 1];
  const sibling = current === undefined ? undefined : siblingOf(reading, current, kb, index);
  if (sibling !== undefined && unknownNow.length === 0 && !state.roles.includes(sibling)) {
    const keep = !topicNamed && state.topics.length > 0 ? state.topics : carriedTopics;
    const roles = reading.compares ? [...state.roles, sibling] : [sibling];
    return roleDraft(reading, roles, 0.8, true, keep);
  }
  if (reading.partials.length > 0) {
    const asked = reading.partials.map((p) => tokenKey(reading.words.tokens[p.start]?.norm ?? ''));
    const offered = bestFirst(unique(reading.partials.flatMap((p) => p.candidates)), asked, kb);
    return { intent: 'clarify', topics, confidence: 0.3, candidates: offered.slice(0, MAX_OFFERED) };
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

/** Words around a starred correction that are not part of it ("operations* LOL", "SORRY operations*"). */
const CORRECTION_NOISE = new Set([
  'lol',
  'lmao',
  'haha',
  'sorry',
  'oops',
  'whoops',
  'typo',
  'i',
  'meant',
  'mean',
]);

/** Every other word of the message is a word of the names of the roles just discussed. */
function fixesOwnTypo(words: Words, roles: readonly RoleId[], kb: KnowledgeBase): boolean {
  const nameWords = new Set<string>();
  for (const id of roles)
    for (const name of namesOf(kb, id)) for (const w of name.toLowerCase().split(/\W+/u)) nameWords.add(w);
  const content = words.norms.filter((w) => !CORRECTION_NOISE.has(w));
  return content.length > 0 && content.every((w) => nameWords.has(w));
}

/** Longest reply read as a description of one offered role. */
const MAX_DESCRIPTION_WORDS = 4;
/** Longest reply read as a description at all, talk included. */
const MAX_REPLY_WORDS = 8;
/** Words of a reply that describe nothing: "ones", "sorry", "said", "kind". */
const REPLY_FILLERS: ReadonlySet<string> = new Set(
  'ones sorry said meant mean kind type sort oops lol please pls thanks regular normal ordinary standard plain usual'.split(
    ' ',
  ),
);

/**
 * The offered role whose title, alias or alternate title has every content word of a short reply; when
 * none of the offered roles has them, the roles sharing the offered roles' person word ("teacher"),
 * at most MAX_DESCRIBED_POOL of them. Undefined when no single role leads. Runs only on a short reply
 * to an offer that names no role.
 */
function describedChoice(
  words: Words,
  offered: readonly RoleId[],
  kb: KnowledgeBase,
  index: RoleIndex,
): RoleId | undefined {
  // "civil ONES", "high school, SORRY should have SAID": the describing words, without the talk.
  // "regular high school ones, NOT special ed": what follows a negation is what is not meant.
  const negation = words.norms.findIndex((w) => w === 'not' || w === 'no');
  const said = negation > 0 ? words.norms.slice(0, negation) : words.norms;
  const described = said.filter((w) => !STOPWORDS.has(w) && !REPLY_FILLERS.has(w) && /^[a-z]+$/u.test(w));
  if (described.length === 0 || described.length > MAX_DESCRIPTION_WORDS) return undefined;
  if (words.norms.length > MAX_REPLY_WORDS) return undefined;
  // "and skills?": a topic asked, not a description of a role.
  if (described.every((w) => isTopicWord(index.topics, w))) return undefined;
  const content = described.map(tokenKey);
  const fitting = (ids: readonly RoleId[]): RoleId[] =>
    ids.filter((id) => namesOf(kb, id).some((name) => hasAll(name, content)));
  const offeredFits = fitting(offered);
  // The offer showed only the first few roles sharing a head ("teachers"): look at the rest of them.
  const head = sharedHead(offered, kb, index);
  const pool = head === undefined ? undefined : index.titleWordRoles.get(head);
  const poolFits =
    pool === undefined || pool.length > MAX_DESCRIBED_POOL ? [] : fitting(roleIdsOf(index, pool));
  // A role whose own title has the words ("Kindergarten Teachers") wins over one that only lists them
  // among its alternate titles ("Pre-Kindergarten Teacher" of preschool teachers).
  const titled = unique([...offeredFits, ...poolFits]).filter((id) => {
    const title = kb.roles.get(id)?.title;
    return title !== undefined && hasAll(title, content);
  });
  if (titled.length > 0) return leading(titled, content, kb);
  if (offeredFits.length > 0) return leading(offeredFits, content, kb);
  return leading(poolFits, content, kb);
}

/**
 * The one role that fits, or of several ("High School Teacher" is also a special education title) the
 * one most of whose names have the words, the main sense, when one leads.
 */
function leading(fits: readonly RoleId[], content: readonly string[], kb: KnowledgeBase): RoleId | undefined {
  if (fits.length <= 1) return fits[0];
  const counted = fits
    .map((id) => ({ id, count: namesOf(kb, id).filter((name) => hasAll(name, content)).length }))
    .sort((a, b) => b.count - a.count);
  const [top, next] = counted;
  return top !== undefined && next !== undefined && top.count > next.count ? top.id : undefined;
}

function namesOf(kb: KnowledgeBase, id: RoleId): string[] {
  const role = kb.roles.get(id);
  return role === undefined ? [] : [role.title, ...role.aliases, ...(role.alternateTitles ?? [])];
}

/** Whether a name has every one of the words, given as token keys. */
function hasAll(name: string, keys: readonly string[]): boolean {
  // Most names lack the words altogether: a substring check first, words only for the few left.
  const lower = name.toLowerCase();
  if (!keys.every((k) => lower.includes(k))) return false;
  const nameWords = new Set(nameWordsOf(name).map(tokenKey));
  return keys.every((k) => nameWords.has(k));
}

/** Most roles sharing a head that a description is matched against (a bounded look, per reply). */
const MAX_DESCRIBED_POOL = 128;

/** The one word naming a person ("teacher") that every offered role's title has, if one. */
function sharedHead(offered: readonly RoleId[], kb: KnowledgeBase, index: RoleIndex): string | undefined {
  let shared: Set<string> | undefined;
  for (const id of offered) {
    const title = kb.roles.get(id)?.title;
    if (title === undefined) return undefined;
    const keys = new Set(nameWordsOf(title).map(tokenKey));
    shared = shared === undefined ? keys : new Set([...shared].filter((k) => keys.has(k)));
  }
  const candidates = [...(shared ?? [])].filter(
    (k) => !STOPWORDS.has(k) && (ROLE_HEADS.has(k) || index.english.isPerson(k)),
  );
  return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * Candidates for an ambiguous name, best first: curated roles, then occupations whose own title has the
 * asked words ("Mechanical Engineers" for "engineer", before "Computer Programmers", which lists
 * "Engineer" among its alternate titles), then the ones more people work in (BLS employment). Stable
 * otherwise.
 */
function bestFirst(ids: readonly RoleId[], asked: readonly string[], kb: KnowledgeBase): RoleId[] {
  const words = asked.filter((w) => !STOPWORDS.has(w));
  const rank = (id: RoleId): [number, number] => {
    const role = kb.roles.get(id);
    if (role === undefined) return [3, 0];
    if (role.origin !== 'open-data') return [0, 0];
    const own = new Set(nameWordsOf(role.title).map(tokenKey));
    const occupation = role.soc === undefined ? undefined : kb.openData?.occupations.get(role.soc);
    // O*NET's refinements of one SOC occupation ("Transportation Engineers" of Civil Engineers) share
    // its figures: the occupation itself comes first.
    const employed =
      (occupation?.projection?.employmentBase ?? 0) / (role.soc?.endsWith('.00') === true ? 1 : 2);
    return [words.some((w) => own.has(w)) ? 1 : 2, -employed];
  };
  const ranked = ids.map((id, at) => ({ id, at, rank: rank(id) }));
  ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.at - b.at);
  return ranked.map((r) => r.id);
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
