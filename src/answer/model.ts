import type { Comparison, Ladder, Role, Salary, Source, Topic } from '../knowledge/model.js';

/**
 * What the bot says, as data. Built from a Query by `buildAnswer`; turned into text, JSON or a
 * Discord message by the renderers in src/render/. Holds no surface-specific formatting.
 */
export interface RoleRef {
  readonly id: string;
  readonly title: string;
}

/** One topic for several roles, side by side, plus what a comparison article says differs. */
export interface TopicBlock {
  readonly topic: Topic;
  /** One entry per role, in the asked order; `facts` is empty when the knowledge base has none. */
  readonly perRole: readonly { readonly role: RoleRef; readonly facts: readonly string[] }[];
  /** From the comparison article covering the roles, when there is one. */
  readonly difference?: string;
  /**
   * Three or more roles: what each comparison article covering two of them says differs (no single
   * article covers them all, so `difference` is unset).
   */
  readonly pairDifferences?: readonly PairDifference[];
}

/** What one comparison article says differs between two of the asked roles. */
export interface PairDifference {
  readonly roles: readonly [RoleRef, RoleRef];
  readonly text: string;
}

export interface SalaryFigure {
  readonly role: RoleRef;
  readonly salary: Salary;
}

/** Who earns more and by how much, only computed when currency, period and kind agree. */
export interface SalaryComparison {
  readonly figures: readonly SalaryFigure[];
  /** Highest first. Absent when the figures cannot be compared (different basis). */
  readonly higher?: RoleRef;
  readonly lower?: RoleRef;
  /** Difference in money (higher minus lower) and in percent of the lower figure, one decimal. */
  readonly difference?: number;
  readonly percent?: number;
  /** Why no difference is given, when it is not. */
  readonly incomparable?: string;
}

export interface LadderStep {
  readonly from: RoleRef;
  readonly relation: 'reportsTo' | 'stepTowards' | 'comesFrom';
  /** The other end; `id` set only when it is a known role. */
  readonly to: { readonly title: string; readonly id?: string };
  readonly source: Source;
}

export type Answer =
  | {
      readonly kind: 'compare';
      readonly roles: readonly RoleRef[];
      readonly blocks: readonly TopicBlock[];
      readonly salary?: SalaryComparison;
      /** False when no single article compares these roles: the answer is composed from each role. */
      readonly direct: boolean;
      readonly sources: readonly Source[];
      /** Topics not shown that the user can ask next (buttons). */
      readonly otherTopics: readonly Topic[];
    }
  | {
      readonly kind: 'role';
      readonly role: RoleRef;
      readonly summary: string;
      readonly blocks: readonly TopicBlock[];
      readonly salary?: SalaryComparison;
      readonly sources: readonly Source[];
      readonly otherTopics: readonly Topic[];
    }
  | {
      readonly kind: 'ladder';
      readonly roles: readonly RoleRef[];
      readonly ask: 'into' | 'after' | 'path';
      readonly steps: readonly LadderStep[];
      /** Set for `path` when the sources do not connect the two roles. */
      readonly gap?: string;
      /** For `into` (and a `path` with a gap): what the sources require for the target role(s). */
      readonly requirements?: TopicBlock;
      readonly sources: readonly Source[];
    }
  | { readonly kind: 'list'; readonly roles: readonly RoleRef[]; readonly comparisons: readonly Comparison[] }
  | { readonly kind: 'help'; readonly examples: readonly string[]; readonly topics: readonly Topic[] }
  | { readonly kind: 'smalltalk'; readonly reply: string }
  | { readonly kind: 'clarify'; readonly candidates: readonly RoleRef[]; readonly question: string }
  | {
      readonly kind: 'unknown';
      /** Role phrases as the user typed them: renderers must shorten and escape these. */
      readonly mentions: readonly string[];
      readonly suggestions: readonly RoleRef[];
      readonly topics: readonly Topic[];
    };

export type AnswerKind = Answer['kind'];

/** Convenience for renderers and tests. */
export function roleRef(role: Pick<Role, 'id' | 'title'>): RoleRef {
  return { id: role.id, title: role.title };
}

export type { Ladder };
