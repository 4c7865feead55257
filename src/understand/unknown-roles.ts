/**
 * Role-like phrases that name no known role ("software engineer", "CEO", "a plumber", "wizard
 * salary"), found by the shape of the sentence and only for phrases that are job titles (ending in a
 * word naming a person's occupation), never by resemblance to a known title and never for ordinary
 * nouns ("my boss", "the team"). Reported as typed so the answer can say which role it does not know.
 */
import { tokenKey } from './keys.js';
import {
  COMPARE_CUES,
  LIST_NOUNS,
  NON_ROLE_ACRONYMS,
  OPENERS,
  QUESTION_WORDS,
  RANK_WORDS,
  ROLE_ACRONYMS,
  ROLE_HEADS,
  STOPWORDS,
  GENERIC_PEOPLE,
  REFERENCES,
} from './lexicon.js';
import type { Token } from './normalize.js';
import type { RoleIndex } from './role-index.js';
import type { RoleScan } from './role-scan.js';
import { isTopicWord } from './topics.js';

/** Longest unknown mention reported, in characters (the Query contract). */
export const MAX_MENTION_CHARS = 80;
/** Most words taken either side of a head noun or joiner. */
const MAX_RUN = 3;

/** Head words too common alone to be a role: they need a qualifier ("head of marketing", "team lead"). */
const NEEDS_QUALIFIER = new Set([
  'head',
  'lead',
  'chief',
  'associate',
  'partner',
  'owner',
  'master',
  'member',
]);
/** Words before "a/an/the <role>" in role questions: "what does a", "become a", "salary for a". */
const TEMPLATE_BEFORE = new Set([
  'to',
  'like',
  'does',
  'do',
  'become',
  'becoming',
  'as',
  'be',
  'being',
  'is',
  'for',
  'about',
  'of',
  'was',
  'are',
]);
/** Words after "<role>" in role questions: "a plumber make", "youtubers earn". */
const TEMPLATE_AFTER = new Set([
  'do',
  'does',
  'make',
  'makes',
  'earn',
  'earns',
  'need',
  'needs',
  'get',
  'gets',
  'work',
  'works',
  'have',
  'has',
  'require',
  'requires',
  'paid',
]);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Words that ask for jobs like the one just named, pointing back without a pronoun. */
const RELATED_WORDS = new Set(['similar', 'alike', 'related', 'comparable']);
/** Words after which one word is a verb, not a job: "that even COUNT", "would they MIND". */
const VERB_CONTEXT = new Set([
  ...['that', 'it', 'even', 'would', 'could', 'should', 'will', 'can', 'might', 'must', 'do', 'does', 'did'],
  ...['to', 'i', 'you', 'they', 'we', 'he', 'she', 'not', 'just', 'really', 'also'],
]);
/** "professional bridesmaid, how much can YOU make": the generic subject of a question about a title. */
const GENERIC_SUBJECTS = new Set(['you', 'u', 'i', 'one', 'someone', 'people']);
/** Words after an acronym that make it a department: "HR Q", "HR TEAM", "IT DEPT". */
const DEPARTMENT_AFTER = new Set(['q', 'question', 'questions', 'team', 'dept', 'department', 'side']);
/** "X a real CAREER": the nouns that call a phrase before them a job. */
const CAREER_NOUNS = new Set(['career', 'job', 'profession', 'occupation', 'living']);
const VS_LIKE = new Set(['vs', 'v', 'versus', 'or', 'than']);
/** Words of agents: "-er", "-ist", "-ian"... ("cuddler", "youtuber", "physicist"). */
const AGENT = /(?:er|or|ist|ista|ian|ant|eer|man|men|ess|ier)s?$/u;

export interface UnknownMention {
  /** As typed (cleaned), at most MAX_MENTION_CHARS. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A topic word, unless it names a person and is not itself listed ("time TRAVELLER" stems like
 * "travel" but is a person; "bachelor's" is a degree).
 */
function topicNotPerson(norm: string, index: RoleIndex): boolean {
  if (!isTopicWord(index.topics, norm)) return false;
  return index.topics.exact.has(norm) || !index.english.isPerson(tokenKey(norm));
}

/** "streamer" is one who streams: the word without its agent ending (or with an "e") is a word too. */
function agentOfWord(key: string, index: RoleIndex): boolean {
  const match = AGENT.exec(key);
  if (match === null) return false;
  const base = key.slice(0, match.index);
  if (base.length < 3) return false;
  // "dancER" is one who dances, "editOR" one who edits; only "-er" drops an "e".
  const dropsE = match[0].startsWith('er') || match[0].startsWith('ier');
  // "flipPer", "shopPer": a doubled consonant before "-er" is one in the word.
  const last = base[base.length - 1] ?? '';
  const undoubled = match[0].startsWith('er') && last === base[base.length - 2] && !'aeiou'.includes(last);
  return (
    index.english.isWord(base) ||
    (dropsE && index.english.isWord(`${base}e`)) ||
    (undoubled && index.english.isWord(base.slice(0, -1)))
  );
}

/** A word naming a person outright (no agent-shaped guess: "AFTER" is no one who afts). */
function isPersonWord(norm: string, index: RoleIndex): boolean {
  const key = tokenKey(norm);
  return isJobWord(norm, index) && (ROLE_HEADS.has(key) || index.english.isPerson(key));
}

/** A word that can end a job title: an occupation noun, a word naming a person, an agent noun. */
export function isJobWord(norm: string, index: RoleIndex): boolean {
  const key = tokenKey(norm);
  if (GENERIC_PEOPLE.has(key) || GENERIC_PEOPLE.has(norm) || STOPWORDS.has(norm)) return false;
  // "nursing", "teaching": a field or an activity, not a person (WordNet's "nursing" -> "nurse").
  if (key.length > 5 && key.endsWith('ing')) return false;
  // "a bachelor's", "a master's": a degree (a topic word) once the possessive is off.
  if (topicNotPerson(norm, index) || topicNotPerson(key, index)) return false;
  if (ROLE_HEADS.has(key) || index.english.isPerson(key)) return true;
  // An agent ending on a word English knows as something else is no title ("shop FLOOR", "WHATEVER"),
  // unless it is one made from a word ("STREAMer", "cuddLER").
  if (key.length < 5 || !AGENT.test(key)) return false;
  return !index.english.isWord(key) || agentOfWord(key, index);
}

/**
 * Unknown role mentions, in order. Tokens taken by known roles or flagged in `skip` (relation phrases,
 * link words) are never part of one. The role-question templates are only trusted when the question
 * names no known role ("COO salary for a startup" is about the COO).
 */
export function findUnknownRoles(
  tokens: readonly Token[],
  scan: RoleScan,
  index: RoleIndex,
  skip?: readonly boolean[],
): UnknownMention[] {
  const n = tokens.length;
  const taken: boolean[] = scan.covered.map((c, k) => c || skip?.[k] === true || tokens[k]?.link === true);
  const spans: { start: number; end: number }[] = [];

  const isWord = (k: number): boolean => {
    const t = tokens[k];
    if (t === undefined || taken[k] === true) return false;
    return (
      !STOPWORDS.has(t.norm) && !COMPARE_CUES.has(t.norm) && !RANK_WORDS.has(t.norm) && !/^\d+$/.test(t.norm)
    );
  };
  // Topic words are content before a head noun ("OFFICE manager", "TRAVEL nurse") but not elsewhere.
  const isContent = (k: number): boolean => isWord(k) && !topicNotPerson(tokens[k]?.norm ?? '', index);
  const runBefore = (k: number, accept: (k: number) => boolean = isContent): number => {
    let s = k;
    while (s > 0 && k - s < MAX_RUN && tokens[s]?.breakBefore !== true && accept(s - 1)) s -= 1;
    return s;
  };
  const runAfter = (k: number): number => {
    let e = k;
    while (e < n && e - k < MAX_RUN && isContent(e) && (e === k || tokens[e]?.breakBefore !== true)) e += 1;
    return e;
  };
  // "ai whisperer job": the run ends before a generic "job"/"role"/"career" word.
  const trimGeneric = (start: number, end: number): number => {
    let e = end;
    while (e > start && LIST_NOUNS.has(tokens[e - 1]?.norm ?? '')) e -= 1;
    return e;
  };
  const jobLike = (start: number, end: number): boolean =>
    end > start && isJobWord(tokens[end - 1]?.norm ?? '', index);
  const take = (start: number, end: number): void => {
    if (end <= start) return;
    for (let k = start; k < end; k += 1) if (taken[k] === true) return;
    for (let k = start; k < end; k += 1) taken[k] = true;
    spans.push({ start, end });
  };

  // "a PILOT project", "the DRIVER seat": a head noun right before another ordinary noun modifies it.
  const modifiesNext = (k: number): boolean => {
    const next = tokens[k + 1];
    if (next === undefined || next.breakBefore || !isContent(k + 1)) return false;
    const word = next.norm;
    if (LIST_NOUNS.has(word) || TEMPLATE_AFTER.has(word) || isJobWord(word, index)) return false;
    return index.english.isWord(word) && !index.english.isAdjective(word) && !/'s?$/u.test(t(k).raw);
  };
  const t = (k: number): Token => tokens[k] ?? { raw: '', norm: '', breakBefore: false };

  // Head nouns: "software engineer", "director of operations", "HR manager", "plumbers".
  for (let k = 0; k < n; k += 1) {
    const t = tokens[k];
    if (t === undefined || !ROLE_HEADS.has(tokenKey(t.norm)) || !isWord(k)) continue;
    if (GENERIC_PEOPLE.has(tokenKey(t.norm))) continue;
    let start = t.breakBefore ? k : runBefore(k, isWord);
    // "what JOBS lead to...": a generic job word does not qualify a title.
    while (start < k && LIST_NOUNS.has(tokens[start]?.norm ?? '')) start += 1;
    let end = k + 1;
    const after = tokens[k + 1];
    if (after !== undefined && after.norm === 'of' && !after.breakBefore && isContent(k + 2))
      end = runAfter(k + 2);
    // "nurse PRACTITIONER", "truck driver TRAINER": the title goes on while person words follow.
    while (
      end < n &&
      end - k <= MAX_RUN &&
      tokens[end]?.breakBefore !== true &&
      isContent(end) &&
      isPersonWord(tokens[end]?.norm ?? '', index)
    )
      end += 1;
    if (NEEDS_QUALIFIER.has(tokenKey(t.norm)) && start === k && end === k + 1) continue;
    if (start === k && end === k + 1 && modifiesNext(k)) continue;
    // "the COORDINATOR side": the bare head of known roles is the role scan's to read (it saw a word
    // qualified by it), never a job the knowledge base lacks.
    if (start === k && end === k + 1 && index.heads.has(tokenKey(t.norm))) continue;
    // "the main DRIVERS behind a salary", "key drivers of pay": what causes something, not people.
    if (isFactorSense(tokens, start, k)) continue;
    take(start, end);
  }
  // Acronyms: CEO, CFO, VP... (exactly; a known acronym was already matched by the index).
  const shouting = isShouting(tokens);
  for (let k = 0; k < n; k += 1) {
    const t = tokens[k];
    if (t === undefined || taken[k] === true) continue;
    const key = tokenKey(t.norm);
    const shaped = !shouting && /^[A-Z]{2,5}s?$/u.test(t.raw) && !NON_ROLE_ACRONYMS.has(key);
    // "HR q:", "HR team here": a department saying who asks, not a role.
    const next = tokens[k + 1];
    if (next !== undefined && !next.breakBefore && DEPARTMENT_AFTER.has(next.norm)) continue;
    if ((ROLE_ACRONYMS.has(key) || shaped) && isContent(k)) take(k, k + 1);
  }

  // Either side of "vs"/"or"/"than" next to a role: "pilot vs astronaut", "COO or a barista".
  const isRoleAt = (k: number): boolean =>
    scan.covered[k] === true || spans.some((s) => s.start <= k && k < s.end);
  for (let k = 0; k < n; k += 1) {
    const t = tokens[k];
    if (t === undefined || !VS_LIKE.has(t.norm)) continue;
    let right = k + 1;
    while (right < n && ARTICLES.has(tokens[right]?.norm ?? '')) right += 1;
    const leftStart = k > 0 && isContent(k - 1) && !t.breakBefore ? runBefore(k - 1) : k;
    const rightEnd =
      isContent(right) && tokens[right]?.breakBefore !== true ? trimGeneric(right, runAfter(right)) : right;
    const leftRole = k > 0 && isRoleAt(k - 1);
    const rightRole = isRoleAt(right);
    const strong = t.norm !== 'or';
    // "chemicals or HEAVY machinery": beside a weak "or", one word English also knows as an adjective
    // describes what follows it; it is no job.
    // "would that even COUNT or do they...": after a pronoun, modal or adverb one word is a verb.
    const oneVerb = (s: number, e: number): boolean =>
      !strong &&
      e === s + 1 &&
      s > 0 &&
      tokens[s]?.breakBefore !== true &&
      VERB_CONTEXT.has(tokens[s - 1]?.norm ?? '');
    const oneAdjective = (s: number, e: number): boolean =>
      !strong &&
      e === s + 1 &&
      index.english.isAdjective(tokenKey(tokens[s]?.norm ?? '')) &&
      !ROLE_HEADS.has(tokenKey(tokens[s]?.norm ?? ''));
    const leftJob = jobLike(leftStart, k) && !oneAdjective(leftStart, k) && !oneVerb(leftStart, k);
    const rightJob = jobLike(right, rightEnd) && !oneAdjective(right, rightEnd) && !oneVerb(right, rightEnd);
    // Next to a role, a job-like phrase on the other side is a role too ("COO vs CEO", "bouncer vs doorman").
    if (leftStart < k && (leftJob || (strong && rightRole) || (rightJob && strong))) take(leftStart, k);
    if (rightEnd > right && (rightJob || (strong && leftRole) || (leftJob && strong))) take(right, rightEnd);
  }

  /** From `from` on: a word pointing back ("that", "it", "they") and a topic word. */
  const pointsBackWithTopic = (from: number): boolean => {
    let pointer = false;
    let topic = false;
    for (let m = from; m < n; m += 1) {
      const w = tokens[m]?.norm ?? '';
      if (REFERENCES.has(w) || GENERIC_SUBJECTS.has(w)) pointer = true;
      if (isTopicWord(index.topics, w)) topic = true;
      // "asmr streamer, what careers are SIMILAR?": similar to it, said without "it".
      if (RELATED_WORDS.has(w)) pointer = true;
    }
    return pointer && topic;
  };

  if (scan.mentions.length === 0) {
    // Role-question templates: "how much does a plumber make", "how much do youtubers make".
    for (let k = 1; k < n; k += 1) {
      const t = tokens[k];
      if (t === undefined) continue;
      const article = ARTICLES.has(t.norm) && TEMPLATE_BEFORE.has(tokens[k - 1]?.norm ?? '');
      const bare = (t.norm === 'do' || t.norm === 'are') && !article;
      if (!article && !bare) continue;
      if (!isWord(k + 1) || tokens[k + 1]?.breakBefore === true) continue;
      // "an AI ethicist": a topic word may qualify the job word after it.
      let wide = k + 1;
      while (
        wide < n &&
        wide - (k + 1) < MAX_RUN &&
        isWord(wide) &&
        (wide === k + 1 || tokens[wide]?.breakBefore !== true)
      )
        wide += 1;
      wide = trimGeneric(k + 1, wide);
      const end = jobLike(k + 1, wide)
        ? wide
        : isContent(k + 1)
          ? trimGeneric(k + 1, runAfter(k + 1))
          : k + 1;
      if (end <= k + 1) continue;
      const follower = tokens[end];
      // "a plumber MAKE", "youtubers EARN": a role-question verb after the phrase; else it must be a job title.
      const verbAfter = follower !== undefined && !follower.breakBefore && TEMPLATE_AFTER.has(follower.norm);
      const closes =
        follower === undefined ||
        follower.breakBefore ||
        verbAfter ||
        isTopicWord(index.topics, follower.norm) ||
        LIST_NOUNS.has(follower.norm);
      if (!closes) continue;
      if (article ? verbAfter || jobLike(k + 1, end) : verbAfter && jobLike(k + 1, end)) take(k + 1, end);
    }
    // "the outlook FOR nft flippers", "the salary OF pokemon trainers": a topic word, then "for"/"of",
    // then a job title to the end of the sentence.
    for (let k = 1; k + 1 < n; k += 1) {
      const t = tokens[k];
      if (t === undefined || (t.norm !== 'for' && t.norm !== 'of')) continue;
      if (!isTopicWord(index.topics, tokens[k - 1]?.norm ?? '')) continue;
      let s = k + 1;
      while (s < n && ARTICLES.has(tokens[s]?.norm ?? '')) s += 1;
      if (tokens[s]?.breakBefore === true) continue;
      let e = s;
      while (e < n && e - s < MAX_RUN && isWord(e) && (e === s || tokens[e]?.breakBefore !== true)) e += 1;
      const ends = e >= n || tokens[e]?.breakBefore === true;
      if (ends && jobLike(s, e)) take(s, e);
    }
    // "is twitch streamer a real career?", "is being a youtuber a good job": a title called a career.
    for (let j = 2; j < n; j += 1) {
      if (!CAREER_NOUNS.has(tokens[j]?.norm ?? '')) continue;
      let a = j - 1;
      if (!ARTICLES.has(tokens[a]?.norm ?? '')) a -= 1;
      if (a < 1 || !ARTICLES.has(tokens[a]?.norm ?? '') || tokens[a]?.breakBefore === true) continue;
      const start = runBefore(a);
      if (start < a && jobLike(start, a)) take(start, a);
    }
    // A job title leading a sentence before a topic word: "wizard salary", "ai whisperer job outlook".
    for (let k = 0; k < n; k += 1) {
      const t = tokens[k];
      if (t === undefined || (k > 0 && t.breakBefore !== true)) continue;
      let s = k;
      while (s < n && OPENERS.has(tokens[s]?.norm ?? '')) s += 1;
      for (let j = s; j < Math.min(n, s + MAX_RUN) && isWord(j); j += 1) {
        if (j > s && tokens[j]?.breakBefore === true) break;
        if (!jobLike(s, j + 1)) continue;
        let next = j + 1;
        while (next < n && LIST_NOUNS.has(tokens[next]?.norm ?? '')) next += 1;
        const follower = tokens[next];
        // A question word after it starts a question ("help, what can you do"), it names no topic.
        const asks = follower !== undefined && QUESTION_WORDS.has(follower.norm);
        if (follower !== undefined && !asks && isTopicWord(index.topics, follower.norm)) {
          take(s, j + 1);
          break;
        }
        // "professional bridesmaid, what does THAT pay?": the title alone, then a question about it.
        if (follower?.breakBefore === true && pointsBackWithTopic(next)) {
          take(s, j + 1);
          break;
        }
      }
    }
  }

  spans.sort((a, b) => a.start - b.start);
  return spans.map(({ start, end }) => ({
    start,
    end,
    text: tokens
      .slice(start, end)
      .map((x) => x.raw)
      .join(' ')
      .slice(0, MAX_MENTION_CHARS)
      .trim(),
  }));
}

/** Words before "driver(s)" that make it a cause: "the MAIN drivers", "a KEY driver". */
const FACTOR_BEFORE = new Set([
  'main',
  'key',
  'big',
  'bigger',
  'biggest',
  'major',
  'primary',
  'top',
  'real',
  'chief',
]);
/** Words after it that do: "drivers BEHIND the pay", "drivers OF salary". */
const FACTOR_AFTER = new Set(['behind', 'of', 'for']);

/** "driver" in the sense of a cause ("the main drivers behind a coo's salary"), at token k. */
function isFactorSense(tokens: readonly Token[], start: number, k: number): boolean {
  const key = tokenKey(tokens[k]?.norm ?? '');
  if (key !== 'driver') return false;
  const after = tokens[k + 1];
  if (after !== undefined && !after.breakBefore && FACTOR_AFTER.has(after.norm)) return true;
  for (let j = start; j < k; j += 1) if (FACTOR_BEFORE.has(tokens[j]?.norm ?? '')) return true;
  const before = tokens[k - 1];
  return start === k && before !== undefined && FACTOR_BEFORE.has(before.norm);
}

/** Mostly capital letters: acronyms cannot be told from shouting, so only known acronym shapes count. */
function isShouting(tokens: readonly Token[]): boolean {
  let upper = 0;
  let words = 0;
  for (const t of tokens) {
    if (!/\p{L}/u.test(t.raw)) continue;
    words += 1;
    if (t.raw.length > 1 && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase()) upper += 1;
  }
  return words >= 3 && upper * 2 > words;
}
