/**
 * Role-like phrases that name no known role ("software engineer", "CEO", "a plumber"), found by the
 * shape of the sentence, never by resemblance to a known title. Reported as typed so the answer can
 * say plainly which role it does not know.
 */
import { tokenKey } from './keys.js';
import { COMPARE_CUES, NON_ROLE_ACRONYMS, ROLE_ACRONYMS, ROLE_HEADS, STOPWORDS } from './lexicon.js';
import { stem } from './natural.js';
import type { Token } from './normalize.js';
import type { RoleIndex, RoleScan } from './role-index.js';

/** Longest unknown mention reported, in characters (the Query contract). */
export const MAX_MENTION_CHARS = 80;
/** Most words taken either side of a head noun or joiner. */
const MAX_RUN = 3;

/** Head words too common alone to be a role: they need a qualifier ("head of marketing", "team lead"). */
const NEEDS_QUALIFIER = new Set([
  'head',
  'heads',
  'lead',
  'leads',
  'chief',
  'chiefs',
  'associate',
  'partner',
  'owner',
  'master',
]);
/** Words before "a/an/the <role>" in role questions: "what does a", "become a", "salary for a". */
const TEMPLATE_BEFORE = new Set([
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
]);
/** Words after "a/an/the <role>" in role questions: "a plumber make", "a nurse do". */
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
]);
const ARTICLES = new Set(['a', 'an', 'the']);
const VS_LIKE = new Set(['vs', 'v', 'versus', 'or', 'than']);

export interface UnknownMention {
  /** As typed (cleaned), at most MAX_MENTION_CHARS. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Unknown role mentions, in order. The "a/an <word>" role-question templates are only trusted when the
 * question names no known role ("COO salary for a startup" is about the COO).
 */
export function findUnknownRoles(
  tokens: readonly Token[],
  scan: RoleScan,
  index: RoleIndex,
): UnknownMention[] {
  const n = tokens.length;
  const taken: boolean[] = scan.covered.slice();
  const spans: { start: number; end: number }[] = [];

  // Topic words are content before a head noun ("OFFICE manager", "TRAVEL nurse") but not elsewhere.
  const isWord = (k: number): boolean => {
    const t = tokens[k];
    if (t === undefined || taken[k] === true) return false;
    return !STOPWORDS.has(t.norm) && !COMPARE_CUES.has(t.norm) && !/^\d+$/.test(t.norm);
  };
  const isContent = (k: number): boolean => isWord(k) && !index.topics.stems.has(stem(tokens[k]?.norm ?? ''));
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
  const take = (start: number, end: number): void => {
    if (end <= start) return;
    for (let k = start; k < end; k += 1) taken[k] = true;
    spans.push({ start, end });
  };

  // Head nouns: "software engineer", "director of operations", "HR manager", "plumbers".
  for (let k = 0; k < n; k += 1) {
    const t = tokens[k];
    if (t === undefined || !ROLE_HEADS.has(tokenKey(t.norm)) || !isWord(k)) continue;
    const start = t.breakBefore ? k : runBefore(k, isWord);
    let end = k + 1;
    const after = tokens[k + 1];
    if (after !== undefined && after.norm === 'of' && !after.breakBefore && isContent(k + 2))
      end = runAfter(k + 2);
    if (NEEDS_QUALIFIER.has(tokenKey(t.norm)) && start === k && end === k + 1) continue;
    take(start, end);
  }
  // Acronyms: CEO, CFO, VP... (exactly; a known acronym was already matched by the index).
  const shouting = isShouting(tokens);
  for (let k = 0; k < n; k += 1) {
    const t = tokens[k];
    if (t === undefined || taken[k] === true) continue;
    const key = tokenKey(t.norm);
    const shaped = !shouting && /^[A-Z]{2,5}s?$/.test(t.raw) && !NON_ROLE_ACRONYMS.has(key);
    if ((ROLE_ACRONYMS.has(key) || shaped) && isContent(k)) take(k, k + 1);
  }

  // Either side of "vs"/"or"/"than" next to a role: "pilot vs astronaut", "COO or a barista".
  for (let k = 0; k < n; k += 1) {
    const t = tokens[k];
    if (t === undefined || !VS_LIKE.has(t.norm)) continue;
    const leftIsRole = k > 0 && scan.covered[k - 1] === true;
    let right = k + 1;
    while (right < n && ARTICLES.has(tokens[right]?.norm ?? '')) right += 1;
    const rightIsRole = scan.covered[right] === true;
    const strong = t.norm !== 'or';
    if ((strong || rightIsRole) && k > 0 && isContent(k - 1) && !t.breakBefore) take(runBefore(k - 1), k);
    if ((strong || leftIsRole) && isContent(right) && tokens[right]?.breakBefore !== true)
      take(right, runAfter(right));
  }

  // Role-question templates, when no known role was named: "how much does a plumber make".
  if (scan.mentions.length === 0) {
    for (let k = 1; k < n; k += 1) {
      const t = tokens[k];
      if (t === undefined || !ARTICLES.has(t.norm) || !TEMPLATE_BEFORE.has(tokens[k - 1]?.norm ?? ''))
        continue;
      if (!isContent(k + 1) || tokens[k + 1]?.breakBefore === true) continue;
      const end = runAfter(k + 1);
      const follower = tokens[end];
      const closes =
        follower === undefined ||
        follower.breakBefore ||
        TEMPLATE_AFTER.has(follower.norm) ||
        index.topics.stems.has(stem(follower.norm));
      if (closes) take(k + 1, end);
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
