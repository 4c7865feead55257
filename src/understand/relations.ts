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
}

/** Relation phrases in the tokens, longest first, not overlapping. */
export function findRelations(tokens: readonly Token[]): RelationSpan[] {
  const norms = tokens.map((t) => t.norm);
  const taken = new Array<boolean>(tokens.length).fill(false);
  const found: RelationSpan[] = [];
  for (const [set, direction] of [
    [UP, 'up'],
    [DOWN, 'down'],
  ] as const) {
    for (const [start, end] of set.all(norms)) {
      let free = true;
      for (let k = start; k < end; k += 1) if (taken[k] === true) free = false;
      if (!free) continue;
      for (let k = start; k < end; k += 1) taken[k] = true;
      found.push({ start, end, direction, possessive: false });
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
