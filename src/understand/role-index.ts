/**
 * The role index: every title and alias of the knowledge base, keyed for exact lookup of the n-grams
 * of a question, plus a character-trigram index over alias words so typos are corrected against a
 * small candidate set. Nothing here scans every role per question.
 */
import type { KnowledgeBase, RoleId } from '../knowledge/model.js';
import { editDistance } from '../text/distance.js';
import { tokenKey, trigrams } from './keys.js';
import { COMPARE_CUES, JOINERS, ROLE_HEADS, STOPWORDS } from './lexicon.js';
import { stem } from './natural.js';
import { clean, tokenize, type Token } from './normalize.js';
import { compileTopics, type TopicMatcher } from './topics.js';

/** Fuzzy matching settings, in one place. */
export const FUZZY = Object.freeze({
  /** Shorter words match exactly only: one edit turns CEO into COO and HR into PR. */
  minLength: 5,
  /** One typo for words of 5-7 letters ("manger"): two would make "manage" and "mange" the same word. */
  maxEditsShort: 1,
  /** From this length two typos are allowed ("opperations", "cordinator" have room for them). */
  longLength: 8,
  maxEditsLong: 2,
  /** Most alias words scored per typed word: the trigram count orders them, so the best come first. */
  maxCandidates: 24,
  /** Trigram buckets larger than this are skipped (e.g. "ion" at 50,000 articles): they carry no signal. */
  maxBucket: 5_000,
  /** A corrected word alone names a role only when this long; shorter corrections must sit in a longer alias. */
  minSingleWordLength: 7,
  /** Confidence of a match that needed corrections, before subtracting per edit. */
  fuzzyConfidence: 0.85,
  perEditPenalty: 0.05,
});

/** Role lists kept per word are capped: they feed suggestions, which need a handful, not thousands. */
const MAX_ROLES_PER_WORD = 16;

/** Words that end titles but are too common alone to name a role ("head to the office", "lead time"). */
const NOT_BARE = new Set([
  'head',
  'heads',
  'lead',
  'leads',
  'chief',
  'chiefs',
  'associate',
  'partner',
  'owner',
]);

/** Built once per knowledge base; read-only afterwards. */
export interface RoleIndex {
  readonly size: number;
  /** Role ordinal -> id. */
  readonly roleIds: readonly RoleId[];
  /** Alias key (token keys joined by spaces) -> role ordinal(s). */
  readonly exact: ReadonlyMap<string, number | readonly number[]>;
  readonly maxAliasTokens: number;
  /** Token keys of alias words (function words excluded), for typo correction and partial mentions. */
  readonly vocab: ReadonlyMap<string, number>;
  readonly vocabWords: readonly string[];
  /** Trigram -> vocab word ordinals. */
  readonly grams: ReadonlyMap<string, readonly number[]>;
  /** Short alias words (acronyms) by length and first letter, for "did you mean" on unknown acronyms. */
  readonly short: ReadonlyMap<string, readonly string[]>;
  /** Last word of a multi-word title ("manager") -> roles (capped) and how many roles share it. */
  readonly heads: ReadonlyMap<string, { readonly roles: readonly number[]; readonly count: number }>;
  /** Alias word -> roles using it (capped). */
  readonly wordRoles: ReadonlyMap<string, readonly number[]>;
  readonly topics: TopicMatcher;
}

function keysOf(name: string): string[] {
  return tokenize(clean(name))
    .filter((t) => t.norm !== 'or' && t.norm !== 'and')
    .map((t) => tokenKey(t.norm));
}

/** "head of operations" <-> "operations head"; "operations manager" -> "manager of operations". */
function orderVariants(keys: readonly string[]): string[][] {
  const out: string[][] = [[...keys]];
  const of = keys.indexOf('of');
  if (of > 0 && of < keys.length - 1 && keys.lastIndexOf('of') === of) {
    out.push([...keys.slice(of + 1), ...keys.slice(0, of)]);
  } else if (keys.length === 2 && of === -1) {
    const [a, b] = keys as [string, string];
    out.push([b, 'of', a]);
  }
  return out;
}

/** The head noun of a title in "qualifier head" order. */
function headOf(keys: readonly string[]): string | undefined {
  if (keys.length < 2) return undefined;
  const of = keys.indexOf('of');
  const head = of > 0 ? keys[of - 1] : keys[keys.length - 1];
  return head !== undefined && !STOPWORDS.has(head) ? head : undefined;
}

function pushCapped(map: Map<string, number[]>, key: string, role: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [role]);
  else if (list[list.length - 1] !== role && list.length < MAX_ROLES_PER_WORD && !list.includes(role))
    list.push(role);
}

/** Build the index for a knowledge base. Linear in the number of aliases. */
export function buildIndex(kb: KnowledgeBase): RoleIndex {
  const roleIds: RoleId[] = [];
  const exact = new Map<string, number | number[]>();
  const vocab = new Map<string, number>();
  const vocabWords: string[] = [];
  const wordRoles = new Map<string, number[]>();
  const headRoles = new Map<string, number[]>();
  const headCount = new Map<string, number>();
  let maxAliasTokens = 1;

  for (const role of kb.roles.values()) {
    const ordinal = roleIds.length;
    roleIds.push(role.id);
    const seenHeads = new Set<string>();
    for (const name of [role.title, ...role.aliases]) {
      const keys = keysOf(name);
      if (keys.length === 0) continue;
      for (const variant of orderVariants(keys)) {
        const key = variant.join(' ');
        const had = exact.get(key);
        if (had === undefined) exact.set(key, ordinal);
        else if (typeof had === 'number') {
          if (had !== ordinal) exact.set(key, [had, ordinal]);
        } else if (!had.includes(ordinal)) had.push(ordinal);
        if (variant.length > maxAliasTokens) maxAliasTokens = variant.length;
      }
      for (const k of keys) {
        if (STOPWORDS.has(k)) continue;
        if (!vocab.has(k)) {
          vocab.set(k, vocabWords.length);
          vocabWords.push(k);
        }
        pushCapped(wordRoles, k, ordinal);
      }
      const head = headOf(keys);
      if (head !== undefined && !seenHeads.has(head)) {
        seenHeads.add(head);
        pushCapped(headRoles, head, ordinal);
        headCount.set(head, (headCount.get(head) ?? 0) + 1);
      }
    }
  }

  const grams = new Map<string, number[]>();
  const short = new Map<string, string[]>();
  vocabWords.forEach((word, i) => {
    if (word.length < FUZZY.minLength) {
      const bucket = `${word.length}${word[0] ?? ''}`;
      const list = short.get(bucket) ?? [];
      list.push(word);
      short.set(bucket, list);
      return;
    }
    for (const g of new Set(trigrams(word))) {
      const list = grams.get(g);
      if (list === undefined) grams.set(g, [i]);
      else list.push(i);
    }
  });

  const heads = new Map<string, { roles: number[]; count: number }>();
  for (const [head, roles] of headRoles)
    heads.set(head, { roles, count: headCount.get(head) ?? roles.length });

  return {
    size: roleIds.length,
    roleIds,
    exact,
    maxAliasTokens,
    vocab,
    vocabWords,
    grams,
    short,
    heads,
    wordRoles,
    topics: compileTopics(kb.topics),
  };
}

/** A typed word corrected to an alias word. */
interface Correction {
  readonly word: string;
  readonly edits: number;
}

/**
 * The alias word a typed word most likely meant, or undefined. Only words of FUZZY.minLength or more,
 * never function or topic words, never another form of the same word ("manage" is not "manager").
 */
export function correctWord(key: string, index: RoleIndex): Correction | undefined {
  if (index.vocab.has(key)) return { word: key, edits: 0 };
  if (key.length < FUZZY.minLength || STOPWORDS.has(key)) return undefined;
  const keyStem = stem(key);
  if (index.topics.stems.has(keyStem)) return undefined;
  const maxEdits = key.length >= FUZZY.longLength ? FUZZY.maxEditsLong : FUZZY.maxEditsShort;
  const grams = trigrams(key);
  // One edit changes at most three padded trigrams, a swap of two letters ("cheif") four.
  const need = Math.max(1, grams.length - 4 * maxEdits);
  const counts = new Map<number, number>();
  for (const g of new Set(grams)) {
    const bucket = index.grams.get(g);
    if (bucket === undefined || bucket.length > FUZZY.maxBucket) continue;
    for (const w of bucket) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const ranked = [...counts].filter(([, c]) => c >= need).sort((a, b) => b[1] - a[1]);
  let best: Correction | undefined;
  for (const [w] of ranked.slice(0, FUZZY.maxCandidates)) {
    const word = index.vocabWords[w];
    if (word === undefined) continue;
    const edits = editDistance(key, word, maxEdits);
    if (edits > maxEdits || (best !== undefined && edits >= best.edits)) continue;
    if (stem(word) === keyStem) continue;
    best = { word, edits };
  }
  return best;
}

/** A known role named in the question. */
export interface RoleMention {
  /** One role, or several when the words fit several (ambiguous). */
  readonly roles: readonly RoleId[];
  /** Token span [start, end). */
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly kind: 'alias' | 'fuzzy' | 'ellipsis' | 'head';
}

/** Words that belong to some alias but name no role on their own ("ops?", "operations"). */
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

function lookup(index: RoleIndex, key: string): readonly number[] | undefined {
  const hit = index.exact.get(key);
  if (hit === undefined) return undefined;
  return typeof hit === 'number' ? [hit] : hit;
}

function ids(index: RoleIndex, ordinals: readonly number[]): RoleId[] {
  const out: RoleId[] = [];
  for (const o of ordinals) {
    const id = index.roleIds[o];
    if (id !== undefined && !out.includes(id)) out.push(id);
  }
  return out;
}

/** A word that qualifies a following title ("PROJECT manager", "OFFICE manager"): anything but glue. */
export function isQualifier(token: Token | undefined): boolean {
  if (token === undefined) return false;
  return !STOPWORDS.has(token.norm) && !COMPARE_CUES.has(token.norm) && !/^\d+$/.test(token.norm);
}

/**
 * Find the known roles named in a question: longest alias n-grams first (exact, then with typo
 * corrections), shared heads across "or"/"and" ("ops managers or coordinators"), then bare title
 * heads ("coordinators") when nothing qualifies them.
 */
export function scanRoles(tokens: readonly Token[], index: RoleIndex): RoleScan {
  const n = tokens.length;
  const keys = tokens.map((t) => tokenKey(t.norm));
  const fixes: (Correction | undefined)[] = keys.map((k) => correctWord(k, index));
  const covered: boolean[] = new Array<boolean>(n).fill(false);
  const mentions: RoleMention[] = [];

  const matchAt = (
    i: number,
  ): { end: number; roles: readonly number[]; edits: number; words: string[] } | undefined => {
    const longest = Math.min(index.maxAliasTokens, n - i);
    for (let len = longest; len >= 1; len -= 1) {
      let crossesBreak = false;
      for (let j = i + 1; j < i + len; j += 1) if (tokens[j]?.breakBefore === true) crossesBreak = true;
      if (crossesBreak) continue;
      const exactWords = keys.slice(i, i + len);
      const roles = lookup(index, exactWords.join(' '));
      if (roles !== undefined) return { end: i + len, roles, edits: 0, words: exactWords };
      let edits = 0;
      const fixed: string[] = [];
      for (let j = i; j < i + len; j += 1) {
        const fix = fixes[j];
        fixed.push(fix?.word ?? keys[j] ?? '');
        edits += fix?.edits ?? 0;
      }
      if (edits === 0) continue;
      if (len === 1 && (fixed[0] ?? '').length < FUZZY.minSingleWordLength) continue;
      const fuzzyRoles = lookup(index, fixed.join(' '));
      if (fuzzyRoles !== undefined) return { end: i + len, roles: fuzzyRoles, edits, words: fixed };
    }
    return undefined;
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
      roles: ids(index, m.roles),
      start: i,
      end: m.end,
      confidence,
      kind: m.edits === 0 ? 'alias' : 'fuzzy',
    });
    for (let j = i; j < m.end; j += 1) covered[j] = true;
    i = m.end;
    // "operations managers or coordinators": the qualifier is shared across the joiner.
    const joiner = tokens[i];
    const next = i + 1;
    if (
      m.words.length >= 2 &&
      joiner !== undefined &&
      JOINERS.has(joiner.norm) &&
      next < n &&
      matchAt(next) === undefined
    ) {
      const word = fixes[next]?.word ?? keys[next] ?? '';
      const shared = [...m.words.slice(0, -1), word].join(' ');
      const roles = lookup(index, shared) ?? sharedHeadRoles(index, m.words.slice(0, -1), word);
      if (roles !== undefined && roles.length > 0) {
        mentions.push({
          roles: ids(index, roles),
          start: next,
          end: next + 1,
          confidence: 0.9,
          kind: 'ellipsis',
        });
        covered[next] = true;
        i = next + 1;
      }
    }
  }

  // Bare heads: "coordinators", "the manager" -- only when no other word qualifies them.
  for (let k = 0; k < n; k += 1) {
    const token = tokens[k];
    const key = keys[k] ?? '';
    if (covered[k] === true || token === undefined || !ROLE_HEADS.has(key) || NOT_BARE.has(key)) continue;
    const head = index.heads.get(key);
    if (head === undefined) continue;
    const before = tokens[k - 1];
    if (covered[k - 1] !== true && !token.breakBefore && isQualifier(before)) continue;
    const after = tokens[k + 1];
    if (after !== undefined && !after.breakBefore && after.norm === 'of' && isQualifier(tokens[k + 2]))
      continue;
    mentions.push({
      roles: ids(index, head.roles),
      start: k,
      end: k + 1,
      confidence: head.count === 1 ? 0.7 : 0.4,
      kind: 'head',
    });
    covered[k] = true;
  }
  mentions.sort((a, b) => a.start - b.start);

  const partials: PartialMention[] = [];
  for (let k = 0; k < n; k += 1) {
    if (covered[k] === true) continue;
    const key = keys[k] ?? '';
    if (!index.vocab.has(key) || STOPWORDS.has(tokens[k]?.norm ?? '')) continue;
    const roles = index.wordRoles.get(key) ?? [];
    partials.push({ start: k, end: k + 1, candidates: ids(index, roles) });
  }
  return { mentions, partials, covered };
}

/** Roles titled "<qualifier> <word>" whose qualifier shares a word with `qualifier`. */
function sharedHeadRoles(index: RoleIndex, qualifier: readonly string[], word: string): number[] | undefined {
  const head = index.heads.get(word);
  if (head === undefined) return undefined;
  const related = new Set<number>();
  for (const q of qualifier) for (const r of index.wordRoles.get(q) ?? []) related.add(r);
  const roles = head.roles.filter((r) => related.has(r));
  return roles.length === 1 ? roles : undefined;
}

/**
 * Known roles that look like an unknown mention, for "did you mean": roles sharing a word with it, and
 * for acronyms the known acronyms one letter away (CEO -> COO). Never used to answer, only to offer.
 */
export function nearestRoles(words: readonly string[], index: RoleIndex, limit = 3): RoleId[] {
  const found: number[] = [];
  const add = (roles: readonly number[] | undefined): void => {
    for (const r of roles ?? []) if (!found.includes(r)) found.push(r);
  };
  for (const raw of words) {
    const key = tokenKey(raw.toLowerCase());
    if (STOPWORDS.has(key)) continue;
    if (index.vocab.has(key)) add(index.wordRoles.get(key));
    else if (key.length < FUZZY.minLength) {
      for (const w of index.short.get(`${key.length}${key[0] ?? ''}`) ?? []) {
        if (editDistance(key, w, 1) <= 1) add(index.wordRoles.get(w));
      }
    } else {
      const fix = correctWord(key, index);
      if (fix !== undefined) add(index.wordRoles.get(fix.word));
    }
    const head = index.heads.get(key);
    if (head !== undefined) add(head.roles);
  }
  return ids(index, found.slice(0, limit));
}
