/**
 * The role index: every name of every role, keyed for exact lookup of the n-grams of a question, with
 * the standing of each name (own title > curated alias > alternate or short title > reported title),
 * plus the vocabulary the spelling correction and the role scanner correct towards. Built once per
 * knowledge base by the engine (src/engine/knowledge.ts); read-only afterwards. Scanning a question is
 * role-scan.ts; fuzzy matching of one word is fuzzy.ts.
 */
import type { KnowledgeBase, RoleId } from '../knowledge/model.js';
import { english, type English } from './english/words.js';
import { VocabularyBuilder, WORD_KIND, type Vocabulary } from './fuzzy.js';
import { tokenKey } from './keys.js';
import { CUE_WORDS, STOPWORDS } from './lexicon.js';
import { clean, nameWords, tokenize } from './normalize.js';
import { reportsDownOf } from './relations.js';
import { compileTopics, type TopicMatcher } from './topics.js';

export { FUZZY } from './fuzzy.js';

/**
 * How strongly a name names its role, best first. A name shared by several roles goes to those at the
 * best standing only: "carpenter" is the Carpenters occupation (its own title) although O*NET also
 * lists it as an alternate title of cabinetmakers; "COO" is the curated role (an alias) although O*NET
 * lists it for chief executives. A curated role's title and aliases come before an occupation's own
 * title: "barista" is the imported article's Barista, not the Baristas occupation.
 */
/**
 * How a name belongs to its role, best first. `conjunct`: one person noun of an occupation's own title
 * that the occupation also lists as an alternate title ("Reporters" in "News Analysts, Reporters, and
 * Journalists"): it wins over the same words as another occupation's alternate title.
 */
export const STANDING = Object.freeze({
  title: 0,
  alias: 1,
  occupation: 2,
  conjunct: 3,
  alternate: 4,
  reported: 5,
});
const STANDINGS = 6;

/** Role lists kept per word are capped: they feed suggestions and partial mentions, not answers. */
const MAX_ROLES_PER_WORD = 64;

/** Built once per knowledge base; read-only afterwards. */
export interface RoleIndex {
  readonly size: number;
  /** Role ordinal -> id. */
  readonly roleIds: readonly RoleId[];
  /**
   * Name key (token keys joined by spaces) -> the roles it names at its best standing, each encoded as
   * `ordinal * 4 + standing` (one number, or several when the name is shared).
   */
  readonly exact: ReadonlyMap<string, number | readonly number[]>;
  readonly maxAliasTokens: number;
  /** First word of a name key -> the most words of a name starting with it (no name starts elsewhere). */
  readonly firstWords: ReadonlyMap<string, number>;
  /** Role, topic and cue words, for spelling correction and partial mentions. */
  readonly vocab: Vocabulary;
  /** Short role words (acronyms) by length and first letter, for "did you mean" on unknown acronyms. */
  readonly short: ReadonlyMap<string, readonly string[]>;
  /** Head noun of a multi-word name ("manager") -> the roles it ends (titles, aliases, alternates). */
  readonly heads: ReadonlyMap<string, readonly number[]>;
  /** Role word -> roles using it (capped). */
  readonly wordRoles: ReadonlyMap<string, readonly number[]>;
  /** Word of an own title or curated alias -> its roles (autocomplete looks here first). */
  readonly titleWordRoles: ReadonlyMap<string, readonly number[]>;
  readonly topics: TopicMatcher;
  readonly english: English;
  /** Role id -> roles whose ladder facts say they report to it ("the coordinators who report to them"). */
  readonly reportsDown: ReadonlyMap<RoleId, readonly RoleId[]>;
}

/** Token keys of a name, without the "and"/"or" of lists ("Welders, Cutters, and Brazers"). */
export function keysOf(name: string): string[] {
  return nameWords(name).map(tokenKey);
}

/**
 * The parts of a name with one parenthesis ("Licensed Practical Nurse (LPN)" -> "Licensed Practical
 * Nurse", "LPN"); none for a name without one, or with several.
 */
export function parentheticalParts(name: string): string[] {
  const open = name.indexOf('(');
  const close = name.indexOf(')', open + 1);
  if (open < 0 || close < 0 || name.indexOf('(', open + 1) >= 0) return [];
  const outer = `${name.slice(0, open)} ${name.slice(close + 1)}`.replace(/\s+/gu, ' ').trim();
  const inner = name.slice(open + 1, close).trim();
  return [outer, inner].filter((part) => part.length > 0);
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

/** The head noun of a name in "qualifier head" order. */
function headOf(keys: readonly string[]): string | undefined {
  if (keys.length < 2) return undefined;
  const of = keys.indexOf('of');
  const head = of > 0 ? keys[of - 1] : keys[keys.length - 1];
  return head !== undefined && !STOPWORDS.has(head) ? head : undefined;
}

/** Roles are indexed one after another, all names of a role together: a repeat can only be the last. */
function pushUnique(map: Map<string, number[]>, key: string, role: number, cap: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [role]);
  else if (list[list.length - 1] !== role && list.length < cap) list.push(role);
}

/** Keep, for a key, only the roles at the best standing seen. */
function addExact(
  exact: Map<string, number | number[]>,
  key: string,
  ordinal: number,
  standing: number,
): void {
  const code = ordinal * STANDINGS + standing;
  const had = exact.get(key);
  if (had === undefined) {
    exact.set(key, code);
    return;
  }
  const list = typeof had === 'number' ? [had] : had;
  const best = (list[0] ?? 0) % STANDINGS;
  if (standing > best) return;
  if (standing < best) {
    exact.set(key, code);
    return;
  }
  if (Math.floor((list[list.length - 1] ?? -STANDINGS) / STANDINGS) === ordinal) return;
  list.push(code);
  if (typeof had === 'number') exact.set(key, list);
}

/**
 * The part of the index built from the roles' names and the topic words alone (the topic matcher
 * included): plain Maps, arrays, strings and numbers, so the engine can keep it in a cache file between starts (src/engine/index-cache.ts).
 */
export type RoleNameIndex = Omit<RoleIndex, 'english' | 'reportsDown'>;

/**
 * Everything `buildNameIndex` reads from a knowledge base, as one string: equal strings give equal
 * name indexes (with the same code), so its hash keys the cache.
 */
export function nameIndexInput(kb: KnowledgeBase): string {
  const parts: string[] = [];
  for (const role of kb.roles.values()) {
    parts.push(
      role.id,
      role.origin ?? '',
      role.title,
      role.aliases.join('\u0001'),
      (role.alternateTitles ?? []).join('\u0001'),
      (role.reportedTitles ?? []).join('\u0001'),
    );
  }
  for (const topic of kb.topics) parts.push(topic.id, topic.name, topic.words.join('\u0001'));
  return parts.join('\u0000');
}

/** Build the index for a knowledge base; `names` when its name part is at hand already (a cache). */
export function buildIndex(
  kb: KnowledgeBase,
  words: English = english(),
  names: RoleNameIndex = buildNameIndex(kb),
): RoleIndex {
  return { ...names, english: words, reportsDown: reportsDownOf(kb) };
}

/** Most occupation titles a conjunct may appear in (its own included) and still win its name. */
const MAX_CONJUNCT_TITLES = 2;

/**
 * Per occupation, the parts of its title (joined by commas, "and" or "or") that are names of its own,
 * as strong as its title: "News Analysts, Reporters, and Journalists" wins "reporter", which it and a
 * residual occupation both list as alternate titles, and "will ai replace translators" names
 * Interpreters and Translators though a word stands before it. A part wins only when the occupation lists it as an
 * alternate title itself, no other title has those words as a whole part ("Dispatchers, Except
 * Police, ...") and no other occupation sharing the name has them in its title at all ("Wholesale and
 * Retail Buyers" keeps "buyer" shared), the words appear in at most two titles ("technicians" is in
 * dozens), and the occupation is not a residual "All Other" one.
 */
function occupationConjuncts(kb: KnowledgeBase): Map<RoleId, string[]> {
  const out = new Map<RoleId, string[]>();
  const occupations = [...kb.roles.values()].filter((r) => r.origin === 'open-data');
  const padded = new Map<RoleId, string>();
  const alternateOwners = new Map<string, RoleId[]>();
  for (const role of occupations) {
    padded.set(role.id, ` ${keysOf(role.title).join(' ')} `);
    for (const name of role.alternateTitles ?? []) {
      const key = keysOf(name).join(' ');
      const owners = alternateOwners.get(key) ?? [];
      if (owners[owners.length - 1] !== role.id) owners.push(role.id);
      alternateOwners.set(key, owners);
    }
  }
  // "News Analysts, Reporters, and Journalists" -> its parts, split at commas, "and" and "or".
  const partsOf = (title: string): string[] => {
    const parts: string[] = [];
    let words: string[] = [];
    for (const word of title.replaceAll(',', ' , ').split(' ')) {
      if (word === ',' || word === 'and' || word === 'or') {
        if (words.length > 0) parts.push(words.join(' '));
        words = [];
      } else if (word !== '') words.push(word);
    }
    if (words.length > 0) parts.push(words.join(' '));
    return parts;
  };
  // How many titles have these words as a whole part ("Dispatchers, Except Police, ..." has "dispatchers").
  const partTitles = new Map<string, number>();
  for (const role of occupations) {
    for (const key of new Set(partsOf(role.title).map((p) => keysOf(p).join(' '))))
      partTitles.set(key, (partTitles.get(key) ?? 0) + 1);
  }
  for (const role of occupations) {
    if (/\ball other\b/iu.test(role.title)) continue;
    const parts = partsOf(role.title);
    if (parts.length < 2) continue;
    for (const part of parts) {
      const key = keysOf(part).join(' ');
      const owners = alternateOwners.get(key) ?? [];
      if (!owners.includes(role.id) || (partTitles.get(key) ?? 0) > 1) continue;
      const words = ` ${key} `;
      if (owners.some((o) => o !== role.id && (padded.get(o) ?? '').includes(words))) continue;
      let titles = 0;
      for (const title of padded.values()) if (title.includes(words)) titles += 1;
      if (titles > MAX_CONJUNCT_TITLES) continue;
      const list = out.get(role.id) ?? [];
      list.push(part);
      out.set(role.id, list);
    }
  }
  return out;
}

/** The name part of the index. Linear in the number of names. */
export function buildNameIndex(kb: KnowledgeBase): RoleNameIndex {
  const roleIds: RoleId[] = [];
  const exact = new Map<string, number | number[]>();
  const vocab = new VocabularyBuilder();
  const wordRoles = new Map<string, number[]>();
  const titleWordRoles = new Map<string, number[]>();
  const heads = new Map<string, number[]>();
  const shortWords = new Set<string>();
  let maxAliasTokens = 1;
  const firstWords = new Map<string, number>();
  const conjuncts = occupationConjuncts(kb);

  const addName = (name: string, ordinal: number, standing: number): void => {
    // "Licensed Practical Nurse (LPN)": the name without its parenthesis, and what it holds, are
    // names too ("licensed practical nurse", "LPN"), a step weaker: another occupation that lists the
    // part itself ("Cybersecurity Analyst") keeps it.
    const partStanding = Math.min(standing + 1, STANDING.reported);
    for (const part of parentheticalParts(name)) addOneName(part, ordinal, partStanding);
    addOneName(name, ordinal, standing);
  };
  const addOneName = (name: string, ordinal: number, standing: number): void => {
    const keys = keysOf(name);
    if (keys.length === 0) return;
    const variants = standing <= STANDING.occupation ? orderVariants(keys) : [keys];
    for (const variant of variants) {
      addExact(exact, variant.join(' '), ordinal, standing);
      if (variant.length > maxAliasTokens) maxAliasTokens = variant.length;
      const first = variant[0] ?? '';
      if ((firstWords.get(first) ?? 0) < variant.length) firstWords.set(first, variant.length);
    }
    if (standing === STANDING.reported) return;
    const own = standing <= STANDING.occupation;
    for (const k of keys) {
      if (STOPWORDS.has(k)) continue;
      // A role's alternate titles repeat its words: a word already noted for this role is done.
      const roles = wordRoles.get(k);
      if (!own && roles !== undefined && roles[roles.length - 1] === ordinal) continue;
      vocab.add(k, own ? WORD_KIND.role | WORD_KIND.title : WORD_KIND.role);
      if (k.length < 5) shortWords.add(k);
      pushUnique(wordRoles, k, ordinal, MAX_ROLES_PER_WORD);
      if (own) pushUnique(titleWordRoles, k, ordinal, Number.POSITIVE_INFINITY);
    }
    const head = headOf(keys);
    if (head !== undefined) pushUnique(heads, head, ordinal, Number.POSITIVE_INFINITY);
  };

  for (const role of kb.roles.values()) {
    const ordinal = roleIds.length;
    roleIds.push(role.id);
    addName(role.title, ordinal, role.origin === 'open-data' ? STANDING.occupation : STANDING.title);
    // "Kindergarten Teachers, Except Special Education": people say the part before the exception.
    const except = role.origin === 'open-data' ? role.title.indexOf(', Except') : -1;
    if (except > 0) addName(role.title.slice(0, except), ordinal, STANDING.conjunct);
    for (const alias of role.aliases) addName(alias, ordinal, STANDING.alias);
    for (const name of conjuncts.get(role.id) ?? []) addName(name, ordinal, STANDING.conjunct);
    for (const name of role.alternateTitles ?? []) addName(name, ordinal, STANDING.alternate);
    for (const name of role.reportedTitles ?? []) addName(name, ordinal, STANDING.reported);
  }

  for (const topic of kb.topics) {
    for (const text of [topic.id, topic.name, ...topic.words]) {
      for (const t of tokenize(clean(text))) vocab.add(t.norm, WORD_KIND.topic);
    }
  }
  for (const w of CUE_WORDS) vocab.add(w, WORD_KIND.cue);

  const short = new Map<string, string[]>();
  for (const word of shortWords) {
    const bucket = `${word.length}${word[0] ?? ''}`;
    const list = short.get(bucket) ?? [];
    list.push(word);
    short.set(bucket, list);
  }

  return {
    size: roleIds.length,
    roleIds,
    exact,
    maxAliasTokens,
    firstWords,
    vocab: vocab.build(),
    short,
    heads,
    wordRoles,
    titleWordRoles,
    topics: compileTopics(kb.topics),
  };
}

/** A name's roles at its best standing, as ordinals, and that standing; undefined when no role has it. */
export function lookupName(
  index: RoleIndex,
  key: string,
): { readonly ordinals: readonly number[]; readonly standing: number } | undefined {
  const hit = index.exact.get(key);
  if (hit === undefined) return undefined;
  if (typeof hit === 'number') return { ordinals: [Math.floor(hit / STANDINGS)], standing: hit % STANDINGS };
  return { ordinals: hit.map((c) => Math.floor(c / STANDINGS)), standing: (hit[0] ?? 0) % STANDINGS };
}

/** Role ids for ordinals, without duplicates, in order. */
export function roleIdsOf(index: RoleIndex, ordinals: readonly number[]): RoleId[] {
  const out: RoleId[] = [];
  const seen = new Set<number>();
  for (const o of ordinals) {
    if (seen.has(o)) continue;
    seen.add(o);
    const id = index.roleIds[o];
    if (id !== undefined) out.push(id);
  }
  return out;
}
