/**
 * Understanding, top to bottom: read the message (clean, tokenize, markup) -> correct spelling against
 * the knowledge base's words -> find relations, known roles and unknown job titles -> tell the roles in
 * focus from context -> find topics -> read the intent cues -> resolve against the conversation ->
 * Query and the next state. Pure: the same text, state and knowledge always give the same result.
 */
import type { KnowledgeBase, RoleId } from '../knowledge/model.js';
import {
  asksAboutOwnJob,
  asksHourly,
  compares,
  followUpCue,
  isHelp,
  isList,
  isOutOfScope,
  isRepair,
  ladderOf,
  pickOf,
  pointedRoleOf,
  placeOf,
  rankOf,
  smalltalkOf,
  wordsOf,
} from './cues.js';
import {
  asideSentences,
  contextStatements,
  focusOf,
  MIN_STATEMENT_WORDS,
  onlyStatements,
  type FocusStatus,
} from './focus.js';
import { tokenKey } from './keys.js';
import { readMessage, type Token } from './normalize.js';
import { queryOf, EMPTY_CONVERSATION, type ConversationState, type Query } from './query.js';
import { findRelations, relatedRoles } from './relations.js';
import { decide, groupRoles, nextState, type Focused, type Reading } from './resolve.js';
import type { RoleIndex } from './role-index.js';
import { scanRoles, type RoleMention } from './role-scan.js';
import { correctTokens } from './spelling.js';
import { detectTopics, isTopicWord, mentionsAmount } from './topics.js';
import { findUnknownRoles, type UnknownMention } from './unknown-roles.js';
import { STOPWORDS } from './lexicon.js';

export type { RoleIndex } from './role-index.js';
export { buildIndex } from './role-index.js';
export { MAX_OFFERED } from './resolve.js';

/** "not duties, salary": topic words right after "not" are taken back. */
function negatedTopicTokens(tokens: readonly Token[], isTopic: (k: number) => boolean): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  for (let k = 0; k < tokens.length; k += 1) {
    if (tokens[k]?.norm !== 'not') continue;
    let j = k + 1;
    if (['the', 'a', 'an'].includes(tokens[j]?.norm ?? '')) j += 1;
    while (j < tokens.length && isTopic(j) && (j === k + 1 || tokens[j]?.breakBefore !== true)) {
      out[j] = true;
      j += 1;
    }
  }
  return out;
}

const VS = new Set(['vs', 'v']);
const QUALIFYING_COMPARATIVES = new Set(['less', 'more', 'fewer', 'better', 'worse', 'higher', 'lower']);

const QUALIFIER_OPENERS = new Set(['but', 'that', 'which', 'with', 'where', 'who']);
/** Most words between a qualifier's opener and its comparative ("that PAY more"). */
const MAX_QUALIFIER_LEAD = 3;

/**
 * A clause qualifying the jobs sought: from a comparative ("less dangerous", "better paid"), or from
 * the opener just before it ("but", "that": "that pay more"), to the end of the clause.
 */
function qualifierTokens(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let inside = false;
  tokens.forEach((t, k) => {
    if (t.breakBefore) inside = false;
    if (QUALIFYING_COMPARATIVES.has(t.norm) && !inside) {
      inside = true;
      for (let j = k - 1; j >= Math.max(0, k - MAX_QUALIFIER_LEAD); j -= 1) {
        if (tokens[j + 1]?.breakBefore === true) break;
        if (QUALIFIER_OPENERS.has(tokens[j]?.norm ?? '')) {
          for (let m = j; m < k; m += 1) out[m] = true;
          break;
        }
      }
    }
    out[k] = inside;
  });
  return out;
}

/** "X vs Y" where the words either side are content words that name no role and no topic. */
function comparesOtherThings(
  tokens: readonly Token[],
  named: readonly boolean[],
  isTopic: (k: number) => boolean,
): boolean {
  const other = (k: number): boolean => {
    const norm = tokens[k]?.norm ?? '';
    return norm !== '' && !STOPWORDS.has(norm) && !/^\d+$/u.test(norm) && named[k] !== true && !isTopic(k);
  };
  return tokens.some((t, k) => VS.has(t.norm) && other(k - 1) && other(k + 1));
}

/** Per token: inside an "if ..." clause that ends before the rest of the sentence. */
function conditionClauses(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  for (let k = 0; k < tokens.length; k += 1) {
    if (tokens[k]?.norm !== 'if') continue;
    let e = k + 1;
    while (e < tokens.length && tokens[e]?.breakBefore !== true) e += 1;
    if (e >= tokens.length) continue;
    for (let j = k; j < e; j += 1) out[j] = true;
    k = e - 1;
  }
  return out;
}

function read(text: string, state: ConversationState, kb: KnowledgeBase, index: RoleIndex): Reading {
  const message = readMessage(text);
  const tokens = correctTokens(message.tokens, index.vocab, index.english);
  const words = wordsOf(tokens);
  const isTopic = (k: number): boolean => isTopicWord(index.topics, tokens[k]?.norm ?? '');

  const relations = findRelations(tokens);
  const skip = new Array<boolean>(tokens.length).fill(false);
  for (const r of relations) {
    for (let k = r.start; k < r.end; k += 1) skip[k] = true;
    if (r.alsoSkip !== undefined) for (let k = r.alsoSkip.from; k < r.alsoSkip.to; k += 1) skip[k] = true;
  }
  const scan = scanRoles(tokens, index, skip);
  const found = findUnknownRoles(tokens, scan, index, skip);

  // Relations resolve against the role before them in the message, else the conversation's.
  const known: RoleMention[] = [...scan.mentions];
  const unknown: UnknownMention[] = [...found];
  const possessiveAnchors = new Set<RoleMention>();
  for (const r of relations) {
    const single = scan.mentions.filter((m) => m.roles.length === 1);
    const zone = r.anchorZone;
    const anchorMention = zone
      ? single.find((m) => m.start >= zone.from && m.end <= zone.to)
      : r.possessive
        ? single.find((m) => m.end === r.start)
        : single.filter((m) => m.end <= r.start).pop();
    const anchor: RoleId | undefined = anchorMention?.roles[0] ?? state.roles[state.roles.length - 1];
    if (anchor === undefined) continue;
    if ((r.possessive || zone !== undefined) && anchorMention !== undefined)
      possessiveAnchors.add(anchorMention);
    const related = relatedRoles(kb, index.reportsDown, anchor, r.direction);
    if (related.roles.length > 0) {
      known.push({ roles: related.roles, start: r.start, end: r.end, confidence: 0.9, kind: 'alias' });
    } else if (related.titles.length > 0) {
      unknown.push({ text: related.titles[0] ?? '', start: r.start, end: r.end });
    }
  }
  known.sort((a, b) => a.start - b.start);
  unknown.sort((a, b) => a.start - b.start);

  const spans = [...known, ...unknown].sort((a, b) => a.start - b.start);
  const statuses = focusOf(tokens, spans, isTopic);
  const statusOf = new Map<object, FocusStatus>();
  spans.forEach((s, i) => statusOf.set(s, statuses[i] ?? 'focus'));
  const focusedKnown: Focused<RoleMention>[] = known.map((m) => ({
    mention: m,
    status: possessiveAnchors.has(m) ? 'other' : (statusOf.get(m) ?? 'focus'),
  }));
  const focusedUnknown: Focused<UnknownMention>[] = unknown.map((m) => ({
    mention: m,
    status: statusOf.get(m) ?? 'focus',
  }));

  const named = scan.covered.slice();
  for (const s of spans) for (let k = s.start; k < s.end; k += 1) named[k] = true;
  const roleTokens = named.slice();
  for (const p of scan.partials) for (let k = p.start; k < p.end; k += 1) roleTokens[k] = true;
  // Topics of a statement beside the question ("vet salary? thinking about applying to vet school")
  // are context, unless the question names none of its own.
  const negated = negatedTopicTokens(tokens, isTopic);
  // Statements about the speaker, and long sentences that ask nothing ("the security guard at our
  // office says he used to be a coo"), beside a question: their topics are context.
  const longAsides = asideSentences(tokens, MIN_STATEMENT_WORDS);
  const aboutSpeaker = contextStatements(tokens);
  const statements = aboutSpeaker.map((s, k) => s || longAsides[k] === true);
  let reading = detectTopics(tokens, roleTokens, index.topics, negated);
  if (statements.includes(true)) {
    const asked = detectTopics(
      tokens,
      roleTokens,
      index.topics,
      negated.map((n, k) => n || statements[k] === true),
    );
    if (asked.named) reading = asked;
  }
  // "jobs like an electrician but less dangerous": with related jobs asked, a comparative qualifies
  // the jobs sought; its topic words are not a second question.
  if (reading.topics.includes('related') && reading.topics.length > 1) {
    // So do the asker's own background ("with my dental hygienist EXPERIENCE") and asides that ask
    // nothing ("vet SCHOOL is too long. what's related to veterinarian?").
    const qualified = qualifierTokens(tokens);
    const asides = asideSentences(tokens);
    const owned = ownBackground(tokens, roleTokens);
    // "alternatives to BECOMING a dentist", "if i TRAINED as an electrician, what trades could i switch
    // to": the way in is where the question starts from, not a second question.
    const moves = tokens.map((t) => BECOMING_WORDS.has(t.norm));
    // "if PA SCHOOL doesn't work out, what's close to physician assistant?": the condition is context.
    const conditions = conditionClauses(tokens);
    const context = negated.map(
      (n, k) =>
        n ||
        qualified[k] === true ||
        statements[k] === true ||
        asides[k] === true ||
        owned[k] === true ||
        moves[k] === true ||
        conditions[k] === true,
    );
    if (context.includes(true)) {
      const related = detectTopics(tokens, roleTokens, index.topics, context);
      if (related.topics.includes('related')) reading = related;
    }
  }
  // "personality wise", "pay-wise": the topic marked with "wise" is the one asked about.
  const marked = tokens.map((_, k) => tokens[k + 1]?.norm === 'wise' && tokens[k + 1]?.breakBefore !== true);
  if (marked.includes(true)) {
    const only = detectTopics(
      tokens,
      roleTokens,
      index.topics,
      tokens.map((_, k) => !marked[k]),
    );
    if (only.named) reading = only;
  }
  // "the scope of pharmacists in the coming years": with the years ahead, "scope" is the prospects
  // (Indian English), not the duties; "the scope of the job and the outlook" asks both.
  if (reading.topics.includes('outlook') && reading.topics.includes('duties')) {
    const scope = tokens.map((t) => t.norm === 'scope');
    const ahead = tokens.some((t) => t.norm === 'coming' || t.norm === 'future');
    if (scope.includes(true) && ahead) {
      const prospects = detectTopics(
        tokens,
        roleTokens,
        index.topics,
        negated.map((n, k) => n || scope[k] === true),
      );
      if (prospects.topics.includes('outlook') && !prospects.topics.includes('duties')) reading = prospects;
    }
  }
  // "is 90k normal for an ops manager?", "do they really clear 140,000?": an amount asks about pay.
  if (!reading.named && mentionsAmount(tokens)) reading = { topics: ['salary'], named: true };
  const { topics, named: topicNamed } = reading;
  const focusSpans = focusedKnown.filter((f) => f.status === 'focus').map((f) => f.mention);
  const unknownWords = unknown.flatMap((u) => tokens.slice(u.start, u.end).map((t) => t.raw));
  return {
    words,
    mentions: focusedKnown,
    unknown: focusedUnknown,
    partials: scan.partials,
    topics,
    topicNamed,
    ladder: ladderOf(words, focusSpans.length > 0 ? focusSpans : known),
    compares: compares(words),
    followUpCue: followUpCue(words),
    repair: isRepair(words, message.starred),
    starred: message.starred,
    myJob: asksAboutOwnJob(words),
    rank: rankOf(words, (w) => index.english.isSuperlative(w)),
    smalltalk: smalltalkOf(words),
    introduction: onlyStatements(tokens),
    list: isList(words),
    help: isHelp(words),
    outOfScope: isOutOfScope(words, aboutSpeaker),
    pick: pickOf(words, state.offered),
    pointed: pointedRoleOf(words, groupRoles(state).length),
    unknownWords,
    place: placeOf(words, (name) => index.english.isPlace(name), named),
    hourly: asksHourly(words),
    comparesOtherThings: comparesOtherThings(tokens, named, isTopic),
  };
}

/** Words of getting into a job, which beside related jobs only say where the asker starts from. */
const BECOMING_WORDS = new Set(['become', 'becoming', 'became', 'trained', 'train', 'qualified', 'qualify']);

/** Words before "one(s)" that pick one of several, not a kind of job ("the second one", "which ones"). */
const NOT_KIND_WORDS = new Set([
  ...['the', 'a', 'an', 'which', 'what', 'this', 'that', 'these', 'those', 'any', 'every', 'each', 'no'],
  ...['first', 'second', 'third', 'last', 'other', 'same', 'new', 'old', 'only', 'some', 'all', 'good'],
  ...['best', 'better', 'right', 'big', 'and', 'or', 'vs', 'of', 'to', 'for', 'with', 'in', 'on'],
]);

/**
 * The message with "ones"/"one" after a describing word spelled as the head noun of the role just
 * discussed ("elementary school ones" -> "elementary school teachers" after "Kindergarten Teachers"),
 * or undefined when there is no such phrase.
 */
function withHeadNoun(text: string, state: ConversationState, kb: KnowledgeBase): string | undefined {
  const last = state.roles[state.roles.length - 1];
  const role = last === undefined ? undefined : kb.roles.get(last);
  if (role === undefined) return undefined;
  const head = role.title.split(',')[0]?.trim().split(/\s+/u).pop();
  if (head === undefined || head.length < 3) return undefined;
  const singular = tokenKey(head.toLowerCase());
  let changed = false;
  const words = text.split(' ');
  for (let k = 1; k < words.length; k += 1) {
    const word = words[k] ?? '';
    let cut = word.length;
    while (cut > 0 && '?!.,'.includes(word[cut - 1] ?? '')) cut -= 1;
    const bare = word.slice(0, cut);
    const one = bare.toLowerCase();
    if (one !== 'one' && one !== 'ones') continue;
    const before = (words[k - 1] ?? '').toLowerCase();
    if (!/^\p{L}+$/u.test(before) || NOT_KIND_WORDS.has(before)) continue;
    words[k] = (one === 'ones' ? head.toLowerCase() : singular) + word.slice(bare.length);
    changed = true;
  }
  const out = words.join(' ');
  return changed ? out : undefined;
}

/** Words after "my" up to the end of its noun phrase: "with MY dental hygienist EXPERIENCE". */
function ownBackground(tokens: readonly Token[], roleTokens: readonly boolean[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  for (let k = 0; k < tokens.length; k += 1) {
    if (tokens[k]?.norm !== 'my') continue;
    let j = k + 1;
    while (j < tokens.length && roleTokens[j] === true) j += 1;
    if (j < tokens.length && tokens[j]?.breakBefore !== true) out[j] = true;
  }
  return out;
}

/**
 * Text + conversation + knowledge -> what was asked, and what the conversation remembers next. Pure and
 * total: any input gives a Query valid against QuerySchema. A bug throws: the surface apologizes.
 */
export function understand(
  text: string,
  state: ConversationState,
  kb: KnowledgeBase,
  index: RoleIndex,
): { query: Query; state: ConversationState } {
  const safeState = state ?? EMPTY_CONVERSATION;
  const said = typeof text === 'string' ? text : '';
  let reading = read(said, safeState, kb, index);
  let draft = decide(reading, safeState, kb, index);
  // "and elementary school ONES?" after kindergarten teachers: the same kind of job, other words.
  if (reading.mentions.length === 0 && reading.unknown.length === 0) {
    const spelled = withHeadNoun(said, safeState, kb);
    if (spelled !== undefined) {
      const again = read(spelled, safeState, kb, index);
      const named = again.mentions.filter((m) => m.status === 'focus' && m.mention.roles.length === 1);
      if (named.length > 0 && !named.some((m) => safeState.roles.includes(m.mention.roles[0] ?? ''))) {
        reading = again;
        draft = decide(again, safeState, kb, index);
      }
    }
  }
  // Where and how pay is asked matter to answers about roles: "in Texas" (US national figures), "per hour".
  const asksAboutRoles = ['role', 'compare', 'clarify', 'unknown'].includes(draft.intent);
  const query = queryOf(
    asksAboutRoles ? { ...draft, place: reading.place, hourly: reading.hourly || undefined } : draft,
  );
  return { query, state: nextState(query, safeState) };
}
