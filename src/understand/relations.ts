/**
 * Relations from the ladder facts: "the person they report to", "their boss", "an ops coordinator's
 * manager" (up: the role's reportsTo) and "the coordinators who report to them" (down: the roles that
 * report to it). The phrase is resolved to the role id the ladder facts name, or to the title they give
 * when the knowledge base has no such role; never read as a role of its own ("person", "boss").
 */
import type { KnowledgeBase, RoleId } from '../knowledge/model.js';
import { POSSESSED_BOSS, RELATION_DOWN, RELATION_UP } from './lexicon.js';
import type { Token } from './normalize.js';
import { PhraseSet } from './phrases.js';

const UP = new PhraseSet(RELATION_UP);
const DOWN = new PhraseSet(RELATION_DOWN);

export interface RelationSpan {
  readonly start: number;
  readonly end: number;
  readonly direction: 'up' | 'down';
  /** "X's manager": the role the relation is anchored on ends right before `start`. */
  readonly possessive: boolean;
  /** "the person X reports to": the role the relation is anchored on lies in [from, to). */
  readonly anchorZone?: { readonly from: number; readonly to: number };
  /** Tokens of the phrase besides [start, end) ("reports to"), never part of a role either. */
  readonly alsoSkip?: { readonly from: number; readonly to: number };
}

const PERSON_OPENERS = new PhraseSet([
  'the person',
  'the one',
  'whoever',
  'the people',
  'the boss',
  'the manager',
]);
const REPORTS_TO = new PhraseSet([
  'reports to',
  'report to',
  'answers to',
  'answer to',
  'works for',
  'work for',
]);
const ARTICLES = new Set(['the', 'a', 'an']);
/** Words that end the noun phrase after "who manages the ...". */
const ANCHOR_ENDS = new Set(['for', 'in', 'at', 'with', 'on', 'to', 'and', 'or', 'but']);
/** "who manages the ops coordinators": the person over the role that follows. */
const WHO = new Set(['who', "who's", 'whos', 'whoever']);
const MANAGE_VERBS = new Set([
  'manages',
  'manage',
  'supervises',
  'supervise',
  'oversees',
  'oversee',
  'leads',
  'lead',
]);
/** Most words between "the person" and "reports to" ("the person an ops coordinator reports to"). */
const MAX_ANCHOR_WORDS = 5;

/**
 * The noun phrase from `from` on, up to a break, a preposition or a joiner: the anchor is the noun
 * phrase right there ("who manages the budget FOR a COO" is not about the COO).
 */
function nounPhraseAfter(tokens: readonly Token[], from: number): { from: number; to: number } {
  let to = from;
  const last = Math.min(tokens.length, from + MAX_ANCHOR_WORDS);
  while (to < last && tokens[to]?.breakBefore !== true && !ANCHOR_ENDS.has(tokens[to]?.norm ?? '')) to += 1;
  return { from, to };
}

/** Relation phrases in the tokens, longest first, not overlapping. */
export function findRelations(tokens: readonly Token[]): RelationSpan[] {
  const norms = tokens.map((t) => t.norm);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const found: RelationSpan[] = [];
  // "the boss of an ops coordinator": a boss word, "of", then the anchor with its article ("the manager
  // of operations" is a role's name, not a relation).
  for (let k = 1; k + 3 < norms.length; k += 1) {
    if (!POSSESSED_BOSS.has(norms[k] ?? '') || !ARTICLES.has(norms[k - 1] ?? '')) continue;
    if (norms[k + 1] !== 'of' || !ARTICLES.has(norms[k + 2] ?? '')) continue;
    if (taken[k - 1] === true || taken[k] === true || taken[k + 1] === true) continue;
    for (let j = k - 1; j <= k + 1; j += 1) taken[j] = true;
    found.push({
      start: k - 1,
      end: k + 2,
      direction: 'up',
      possessive: false,
      anchorZone: { from: k + 2, to: Math.min(norms.length, k + 3 + MAX_ANCHOR_WORDS) },
    });
  }
  // "who manages the ops coordinators": "who", a managing verb, then the anchor with its article.
  for (let k = 0; k + 3 < norms.length; k += 1) {
    if (!WHO.has(norms[k] ?? '') || !MANAGE_VERBS.has(norms[k + 1] ?? '')) continue;
    if (!ARTICLES.has(norms[k + 2] ?? '') || taken[k] === true || taken[k + 1] === true) continue;
    // The anchor is the noun phrase right there: "who manages the budget for a COO" is not about the COO.
    taken[k] = true;
    taken[k + 1] = true;
    const anchorZone = { from: k + 2, to: nounPhraseAfter(tokens, k + 3).to };
    found.push({ start: k, end: k + 2, direction: 'up', possessive: false, anchorZone });
  }
  for (const [set, direction] of [
    [UP, 'up'],
    [DOWN, 'down'],
  ] as const) {
    for (const [start, end] of set.all(norms)) {
      let free = true;
      for (let k = start; k < end; k += 1) if (taken[k] === true) free = false;
      if (!free) continue;
      for (let k = start; k < end; k += 1) taken[k] = true;
      // "the folks who report to ops managers": an open "to" takes the noun phrase after it as anchor.
      if (direction === 'down' && norms[end - 1] === 'to' && end < norms.length) {
        found.push({ start, end, direction, possessive: false, anchorZone: nounPhraseAfter(tokens, end) });
      } else found.push({ start, end, direction, possessive: false });
    }
  }
  // "the person an ops coordinator reports to": the role between is the anchor.
  for (let i = 0; i < norms.length; i += 1) {
    const opener = PERSON_OPENERS.lengthAt(norms, i);
    if (opener === 0 || taken[i] === true) continue;
    const from = i + opener;
    for (let v = from + 1; v <= Math.min(norms.length - 1, from + MAX_ANCHOR_WORDS); v += 1) {
      const verb = REPORTS_TO.lengthAt(norms, v);
      if (verb === 0) continue;
      let free = true;
      for (let k = i; k < v + verb; k += 1) if (taken[k] === true) free = false;
      if (!free) break;
      for (let k = i; k < from; k += 1) taken[k] = true;
      for (let k = v; k < v + verb; k += 1) taken[k] = true;
      found.push({
        start: i,
        end: from,
        direction: 'up',
        possessive: false,
        anchorZone: { from, to: v },
        alsoSkip: { from: v, to: v + verb },
      });
      break;
    }
  }
  // "an ops coordinator's manager": a boss word right after a possessive.
  for (let k = 1; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (t === undefined || taken[k] === true || !POSSESSED_BOSS.has(t.norm)) continue;
    if (!/'s?$/u.test(tokens[k - 1]?.raw ?? '') || t.breakBefore) continue;
    taken[k] = true;
    found.push({ start: k, end: k + 1, direction: 'up', possessive: true });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** What a relation names: known roles, and titles the ladder facts give that no role has. */
export interface RelatedRoles {
  readonly roles: readonly RoleId[];
  readonly titles: readonly string[];
}

/** The roles `anchor` reports to (up) or that report to it (down), from the ladder facts. */
export function relatedRoles(
  kb: KnowledgeBase,
  reportsDown: ReadonlyMap<RoleId, readonly RoleId[]>,
  anchor: RoleId,
  direction: 'up' | 'down',
): RelatedRoles {
  if (direction === 'down') return { roles: reportsDown.get(anchor) ?? [], titles: [] };
  const roles: RoleId[] = [];
  const titles: string[] = [];
  for (const link of kb.roles.get(anchor)?.ladder.reportsTo ?? []) {
    if (link.roleId !== undefined && kb.roles.has(link.roleId)) {
      if (!roles.includes(link.roleId)) roles.push(link.roleId);
    } else if (!titles.includes(link.title)) titles.push(link.title);
  }
  return { roles, titles };
}

/** Role id -> the roles whose ladder facts say they report to it. Built once per knowledge base. */
export function reportsDownOf(kb: KnowledgeBase): Map<RoleId, RoleId[]> {
  const down = new Map<RoleId, RoleId[]>();
  for (const role of kb.roles.values()) {
    for (const link of role.ladder.reportsTo) {
      if (link.roleId === undefined) continue;
      const list = down.get(link.roleId) ?? [];
      if (!list.includes(role.id)) list.push(role.id);
      down.set(link.roleId, list);
    }
  }
  return down;
}
