import type { OpenData } from './open-data/model.js';

/**
 * The knowledge base as the rest of the program sees it: validated, merged, read-only.
 * Built by `loadKnowledgeBase` (load.ts) from the files in knowledge/; never mutated afterwards,
 * so a reload is a swap of one value for another.
 */

/** Topic ids are strings from the taxonomy (knowledge/topics.yaml); these six always exist. */
export const CORE_TOPICS = ['overview', 'duties', 'requirements', 'environment', 'skills', 'salary'] as const;
export type CoreTopicId = (typeof CORE_TOPICS)[number];

/** Display names of the core topics, as the bundled topics.yaml has them (slash choices, imported headings). */
export const CORE_TOPIC_NAMES: Readonly<Record<CoreTopicId, string>> = Object.freeze({
  overview: 'Overview',
  duties: 'Duties',
  requirements: 'Requirements',
  environment: 'Work environment',
  skills: 'Skills',
  salary: 'Salary',
});
export type TopicId = string;
export type RoleId = string;

export interface Topic {
  readonly id: TopicId;
  /** Display name, e.g. "Work environment". */
  readonly name: string;
  /** Words and short phrases people use for the topic ("pay", "who earns more"). Lower case. */
  readonly words: readonly string[];
}

export interface Source {
  /** Title of the source article as published. */
  readonly title: string;
  readonly url?: string;
  /** The knowledge file the facts were read from, relative to the knowledge directory. */
  readonly file: string;
}

export interface Fact {
  readonly text: string;
  readonly source: Source;
}

export interface Salary {
  readonly amount: number;
  /** ISO 4217 code, e.g. USD. */
  readonly currency: string;
  readonly period: 'year' | 'month' | 'week' | 'day' | 'hour';
  readonly kind: 'average' | 'median' | 'starting';
  readonly source: Source;
}

/** A step on the career ladder as a source states it; `roleId` is set when the title is a known role. */
export interface LadderLink {
  readonly title: string;
  readonly roleId?: RoleId;
  readonly source: Source;
}

export interface Ladder {
  readonly reportsTo: readonly LadderLink[];
  /** Roles this one is often a step towards. */
  readonly stepTowards: readonly LadderLink[];
  /** Roles or experience people often come from. */
  readonly comesFrom: readonly LadderLink[];
}

export interface Role {
  readonly id: RoleId;
  readonly title: string;
  /** Every alias and abbreviation, as written in the files (not normalized). Excludes the title. */
  readonly aliases: readonly string[];
  readonly summary: string;
  /** Facts per topic id, one per source that states them. `overview` holds the summaries. */
  readonly facts: Readonly<Record<TopicId, readonly Fact[]>>;
  /** One per source; several when sources disagree (see KnowledgeBase.conflicts). */
  readonly salaries: readonly Salary[];
  readonly ladder: Ladder;
  /** Ids of the comparisons this role appears in. */
  readonly comparisons: readonly string[];
  /**
   * O*NET-SOC code (`NN-NNNN.NN`) when the role is an occupation of the open data, or a curated role
   * linked to one with `soc` in its front matter.
   */
  readonly soc?: string;
  /** Set for roles that come from the open data (knowledge/open-data/), not from an article. */
  readonly origin?: 'open-data';
  /**
   * Weaker names than the title and aliases (O*NET alternate and short titles). Several roles may share
   * one; an own title or a curated alias wins over them.
   */
  readonly alternateTitles?: readonly string[];
  /** Weakest names: titles workers reported (O*NET). Shared freely. */
  readonly reportedTitles?: readonly string[];
}

export interface Comparison {
  /** File name without extension, e.g. "head-of-operations-vs-chief-operating-officer". */
  readonly id: string;
  readonly title: string;
  readonly roles: readonly [RoleId, RoleId];
  /** What differs, per topic id. */
  readonly differences: Readonly<Record<TopicId, string>>;
  readonly source: Source;
}

/** Something the loader noticed that is not an error (e.g. two sources give different salaries). */
export interface Conflict {
  readonly roleId: RoleId;
  readonly field: string;
  readonly message: string;
}

export interface KnowledgeBase {
  readonly dir: string;
  readonly topics: readonly Topic[];
  readonly roles: ReadonlyMap<RoleId, Role>;
  readonly comparisons: readonly Comparison[];
  /** Comparisons by `pairKey(a, b)`; build it with `createKnowledgeBase` rather than by hand. */
  readonly comparisonsByPair: ReadonlyMap<string, Comparison>;
  readonly conflicts: readonly Conflict[];
  /** BLS and O*NET figures when the directory has open-data/ (see src/knowledge/open-data/model.ts). */
  readonly openData?: OpenData;
}

/** The same key for (a, b) and (b, a). */
export function pairKey(a: RoleId, b: RoleId): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * A knowledge base from its parts, with the lookup indexes filled in (the first comparison of a pair
 * wins). The loader uses it; tests that need a hand-made knowledge base should too.
 */
export function createKnowledgeBase(parts: Omit<KnowledgeBase, 'comparisonsByPair'>): KnowledgeBase {
  const comparisonsByPair = new Map<string, Comparison>();
  for (const comparison of parts.comparisons) {
    const key = pairKey(comparison.roles[0], comparison.roles[1]);
    if (!comparisonsByPair.has(key)) comparisonsByPair.set(key, comparison);
  }
  return { ...parts, comparisonsByPair };
}

/** The comparison article covering exactly these two roles, in either order. O(1). */
export function findComparison(kb: KnowledgeBase, a: RoleId, b: RoleId): Comparison | undefined {
  return kb.comparisonsByPair.get(pairKey(a, b));
}

export function getTopic(kb: KnowledgeBase, id: TopicId): Topic | undefined {
  return kb.topics.find((t) => t.id === id);
}

export function getRole(kb: KnowledgeBase, id: RoleId): Role | undefined {
  return kb.roles.get(id);
}

/** Every role, sorted by title (for "what do you know?" lists). */
export function listRoles(kb: KnowledgeBase): readonly Role[] {
  return [...kb.roles.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** A role's facts on one topic, each with its source; empty when the role or topic is unknown. */
export function roleFacts(kb: KnowledgeBase, id: RoleId, topic: TopicId): readonly Fact[] {
  const role = kb.roles.get(id);
  return role !== undefined && Object.hasOwn(role.facts, topic) ? (role.facts[topic] ?? []) : [];
}

/** A role's salaries, one per source; empty when unknown. */
export function roleSalaries(kb: KnowledgeBase, id: RoleId): readonly Salary[] {
  return kb.roles.get(id)?.salaries ?? [];
}

/** A role's career-ladder facts; undefined when the role is unknown. */
export function roleLadder(kb: KnowledgeBase, id: RoleId): Ladder | undefined {
  return kb.roles.get(id)?.ladder;
}

/** The comparisons a role appears in. */
export function comparisonsOf(kb: KnowledgeBase, id: RoleId): readonly Comparison[] {
  return kb.comparisons.filter((c) => c.roles[0] === id || c.roles[1] === id);
}
