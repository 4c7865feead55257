/**
 * Autocomplete for role options: what the user has typed so far -> at most 25 roles, best first. The
 * role index hands over a bounded candidate set (roles whose own title or alias has the typed words,
 * the last one as a prefix; then roles whose alternate titles have them; then typo corrections), the
 * candidates are ordered by the name that matched, and fuse.js ranks only what matched by resemblance.
 * Never fuse.js over all 65,000 names on a keystroke.
 */
import Fuse from 'fuse.js';
import type { KnowledgeBase, Role } from '../knowledge/model.js';
import { FUZZY, nearestWords, WORD_KIND } from './fuzzy.js';
import { tokenKey } from './keys.js';
import { ABBREVIATIONS, STOPWORDS } from './lexicon.js';
import { nameWords } from './normalize.js';
import { buildIndex, keysOf, type RoleIndex } from './role-index.js';

/** An autocomplete choice: `name` is shown, `value` (the role id) is what the command receives. */
export interface RoleChoice {
  readonly name: string;
  readonly value: string;
}

/** Discord shows at most 25 choices; names and values are at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;
/** Most roles looked at per keystroke, and most vocabulary words one typed prefix may open. */
const MAX_CANDIDATES = 120;
const MAX_PREFIX_WORDS = 60;

/** For typo corrections only: fuse.js ranks those candidates by their titles. */
const FUSE_OPTIONS = Object.freeze({
  keys: ['title'],
  // 0.4 keeps "opps mgr" -> Operations Manager but drops unrelated roles.
  threshold: 0.4,
  ignoreLocation: true,
});

/** The autocomplete index of one knowledge base, built once by the engine. */
export interface RoleChoices {
  readonly kb: KnowledgeBase;
  readonly index: RoleIndex;
  /** Words of own titles and aliases, sorted, for the roles a typed prefix opens ("bar" -> barista). */
  readonly titleWords: readonly string[];
  /** Every role word (alternate titles too), sorted. */
  readonly words: readonly string[];
  /** What is offered before anything is typed: the curated roles first, then A-Z by title. */
  readonly first: readonly RoleChoice[];
}

function choice(role: Pick<Role, 'id' | 'title'>): RoleChoice {
  return { name: role.title.slice(0, MAX_CHOICE_LENGTH), value: role.id.slice(0, MAX_CHOICE_LENGTH) };
}

export function buildRoleChoices(kb: KnowledgeBase, index: RoleIndex = buildIndex(kb)): RoleChoices {
  const words: string[] = [];
  const titleWords: string[] = [];
  for (const [word, kinds] of index.vocab.kinds) {
    if ((kinds & WORD_KIND.role) !== 0) words.push(word);
    if ((kinds & WORD_KIND.title) !== 0) titleWords.push(word);
  }
  words.sort();
  titleWords.sort();
  // Before anything is typed: the curated roles first, then A-Z by title.
  const curated = (r: Role): number => (r.origin === 'open-data' ? 1 : 0);
  const first = [...kb.roles.values()]
    .sort((a, b) => curated(a) - curated(b) || a.title.localeCompare(b.title))
    .slice(0, MAX_CHOICES)
    .map(choice);
  return { kb, index, titleWords, words, first };
}

/** Index of the first word >= `prefix` in a sorted list. */
function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((words[mid] ?? '') < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spellings a complete typed word is looked up by: as typed, and expanded ("mgr" -> "manager"). */
function spellings(word: string): string[] {
  const key = tokenKey(word);
  const expansion = ABBREVIATIONS[key] ?? ABBREVIATIONS[word];
  return expansion === undefined ? [key] : [key, ...expansion.split(' ').map(tokenKey)];
}

interface Typed {
  /** Complete words (every one must match). */
  readonly words: readonly string[];
  /** The word being typed: a prefix. */
  readonly prefix: string;
}

/** Roles whose names (in `map`, with words `sorted`) have every typed word and the prefix; bounded. */
function matching(
  typed: Typed,
  map: ReadonlyMap<string, readonly number[]>,
  sorted: readonly string[],
): number[] {
  const sets: Set<number>[] = typed.words.map((w) => {
    const set = new Set<number>();
    for (const s of spellings(w)) for (const r of map.get(s) ?? []) set.add(r);
    return set;
  });
  const open = new Set<number>();
  const prefixes = [typed.prefix, ...spellings(typed.prefix).slice(1)];
  for (const prefix of prefixes) {
    for (
      let i = lowerBound(sorted, prefix), k = 0;
      i < sorted.length && k < MAX_PREFIX_WORDS;
      i += 1, k += 1
    ) {
      const word = sorted[i] ?? '';
      if (!word.startsWith(prefix)) break;
      for (const r of map.get(word) ?? []) open.add(r);
    }
  }
  sets.push(open);
  const [smallest, ...rest] = sets.sort((a, b) => a.size - b.size);
  const out: number[] = [];
  for (const r of smallest ?? []) {
    if (rest.every((s) => s.has(r))) out.push(r);
    if (out.length >= MAX_CANDIDATES) break;
  }
  return out;
}

/**
 * How well a name fits what was typed, lower is better, or undefined when it does not have every
 * typed word: a name whose first word starts with the prefix beats one where a later word does, an
 * exact word beats a prefix, and shorter names come first.
 */
function fit(name: string, typed: Typed): number | undefined {
  const lower = name.toLowerCase();
  if (!lower.includes(typed.prefix.slice(0, 3)) && !typed.words.some((w) => lower.includes(w.slice(0, 3)))) {
    return undefined;
  }
  const keys = keysOf(name);
  for (const w of typed.words) {
    const options = spellings(w);
    if (!keys.some((k) => options.includes(k))) return undefined;
  }
  const prefixes = [typed.prefix, ...spellings(typed.prefix).slice(1)];
  let best: number | undefined;
  keys.forEach((k, i) => {
    if (STOPWORDS.has(k)) return;
    for (const p of prefixes) {
      if (!k.startsWith(p) && !(p.length > k.length && p.startsWith(k) && tokenKey(p) === k)) continue;
      const score = (k === tokenKey(p) ? 0 : 2) + (i === 0 ? 0 : 1);
      if (best === undefined || score < best) best = score;
    }
  });
  return best === undefined ? undefined : best * 1000 + Math.min(99, name.length);
}

/** Roles whose title or another name fits `typed`, best first; curated roles, then A-Z, while nothing is typed. */
export function suggestRoles(choices: RoleChoices, typedText: string): RoleChoice[] {
  const text = typedText.trim().slice(0, MAX_CHOICE_LENGTH);
  const words = text === '' ? [] : nameWords(text);
  const prefix = words[words.length - 1];
  if (prefix === undefined) return [...choices.first];
  const typed: Typed = { words: words.slice(0, -1), prefix };
  const { index, kb } = choices;
  const roleAt = (ordinal: number): Role | undefined => {
    const id = index.roleIds[ordinal];
    return id === undefined ? undefined : kb.roles.get(id);
  };

  const scored: { role: Role; score: number }[] = [];
  const seen = new Set<number>();
  const consider = (
    ordinals: readonly number[],
    names: (role: Role) => readonly (readonly string[])[],
  ): void => {
    for (const ordinal of ordinals) {
      if (seen.has(ordinal)) continue;
      const role = roleAt(ordinal);
      if (role === undefined) continue;
      let best: number | undefined;
      names(role).forEach((group, standing) => {
        if (best !== undefined) return;
        for (const name of group) {
          const f = fit(name, typed);
          // Own titles and aliases before alternate titles; then exact words, first words, short names.
          const score = f === undefined ? undefined : (standing >= 2 ? 10_000 : 0) + f + standing * 100;
          if (score !== undefined && (best === undefined || score < best)) best = score;
        }
      });
      if (best === undefined) continue;
      seen.add(ordinal);
      scored.push({ role, score: best });
    }
  };
  // Own titles and curated aliases first; alternate titles only while there is room.
  consider(matching(typed, index.titleWordRoles, choices.titleWords), (r) => [[r.title], r.aliases]);
  if (scored.length < MAX_CHOICES) {
    consider(matching(typed, index.wordRoles, choices.words), (r) => [
      [r.title],
      r.aliases,
      r.alternateTitles ?? [],
    ]);
  }
  scored.sort((a, b) => a.score - b.score || a.role.title.localeCompare(b.role.title));
  const out = scored.slice(0, MAX_CHOICES).map((s) => s.role);

  // Nothing fits as typed: typo corrections, ranked by resemblance.
  if (out.length === 0) {
    const near = new Set<number>();
    for (const w of words) {
      const key = tokenKey(w);
      if (key.length < 3) continue;
      const maxEdits = key.length >= FUZZY.longLength ? FUZZY.maxEditsLong : FUZZY.maxEditsShort;
      for (const n of nearestWords(index.vocab, key, maxEdits, WORD_KIND.role)) {
        for (const r of index.wordRoles.get(n.word) ?? []) if (near.size < MAX_CANDIDATES) near.add(r);
      }
    }
    const roles = [...near].flatMap((o) => roleAt(o) ?? []);
    const fuse = new Fuse(roles, FUSE_OPTIONS);
    const ranked = fuse.search(text, { limit: MAX_CHOICES }).map((r) => r.item);
    return [...new Set([...ranked, ...roles])].slice(0, MAX_CHOICES).map(choice);
  }
  return out.map(choice);
}
