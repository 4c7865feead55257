import type { Comparison, Ladder, Role, Salary, Source, Topic } from '../knowledge/model.js';
import type {
  DataSource,
  Estimate,
  JobZone,
  Projection,
  ProjectionTotal,
  WageBasis,
  Wages,
} from '../knowledge/open-data/model.js';

/**
 * What the bot says, as data. Built from a Query by `buildAnswer`; turned into text, JSON or a
 * Discord message by the renderers in src/render/. Holds no surface-specific formatting.
 */
export interface RoleRef {
  readonly id: string;
  readonly title: string;
  /** O*NET-SOC code, set when the role is an occupation of the open data or a curated role linked to one. */
  readonly soc?: string;
}

/**
 * Open-data figures of one role: an occupation, or a curated role through its `soc` link. Every part
 * carries its source and release; a part is absent when the source publishes nothing for the role.
 */
export interface OccupationFigures {
  readonly role: RoleRef;
  /** The O*NET occupation (for a linked curated role, the one it is linked to). */
  readonly occupation: { readonly code: string; readonly title: string; readonly roleId: string };
  /**
   * Set when the BLS figures describe another occupation than the O*NET one: a refinement
   * (`11-1011.03` has the figures of `11-1011` Chief Executives), a broad group, or a linked role.
   * Answers must name it.
   */
  readonly blsOccupation?: { readonly code: string; readonly title: string };
  readonly wages?: Wages;
  readonly projection?: Projection;
  /** All occupations over the same projection period, to read `projection.changePercent` against. */
  readonly allOccupations?: ProjectionTotal;
  readonly jobZone?: JobZone;
  /** O*NET related occupations, most related first (bounded). */
  readonly related?: readonly RoleRef[];
  /** Show hourly wages first (the question asked for hourly pay, or BLS publishes hourly only). */
  readonly hourly: boolean;
}

/** One topic for several roles, side by side, plus what a comparison article says differs. */
export interface TopicBlock {
  readonly topic: Topic;
  /**
   * One entry per role, in the asked order; `facts` is empty when the knowledge base has none.
   * `figures`: the open data on this topic for the role (renderers show the parts the topic covers).
   */
  readonly perRole: readonly {
    readonly role: RoleRef;
    readonly facts: readonly string[];
    readonly figures?: OccupationFigures;
  }[];
  /** Roles with neither facts nor figures on this topic, and the topics that do have something for them. */
  readonly missing?: { readonly roles: readonly RoleRef[]; readonly instead: readonly Topic[] };
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

/**
 * BLS median wages side by side; the difference is worked out only between exact figures of the same
 * period, release and basis (never against an article's average, never against a top-coded median).
 */
export interface MedianComparison {
  readonly period: 'year' | 'hour';
  /** Highest first when comparable, else in the asked order. */
  readonly figures: readonly {
    readonly role: RoleRef;
    readonly bls: { readonly code: string; readonly title: string };
    readonly median: Estimate;
  }[];
  readonly basis: WageBasis;
  readonly source: DataSource;
  readonly higher?: RoleRef;
  readonly lower?: RoleRef;
  readonly difference?: number;
  /** Of the lower figure, one decimal. */
  readonly percent?: number;
  /** Why no difference is given, when it is not. */
  readonly incomparable?: string;
}

/** What a ranking orders by. */
export type RankValue =
  | { readonly kind: 'median'; readonly median: Estimate; readonly period: 'year' | 'hour' }
  | { readonly kind: 'salary'; readonly salary: Salary }
  | { readonly kind: 'change'; readonly percent: number }
  | { readonly kind: 'education'; readonly label: string };

export interface RankEntry {
  /** 1 = first; ties share a rank. */
  readonly rank: number;
  readonly role: RoleRef;
  readonly value?: RankValue;
  /** Money between this entry and the next shown one, when both are exact figures of one basis. */
  readonly gapToNext?: number;
}

/**
 * A bounded ranking (Query.rank): the first and last few of `total` roles, with the count of those
 * left out between them. `roles` of the answer are the shown entries, in this order.
 */
export interface Ranking {
  readonly topic: Topic;
  readonly by: 'median' | 'salary' | 'change' | 'education' | 'none';
  readonly scope: 'all' | 'group' | 'listed';
  readonly total: number;
  readonly top: readonly RankEntry[];
  /** The last few, when some were left out between; empty otherwise. */
  readonly bottom: readonly RankEntry[];
  readonly omitted: number;
  /** First minus last shown, when both are exact figures of one basis. */
  readonly spread?: { readonly difference: number; readonly percent: number };
  /** Roles that could not be placed (no figure on the measure), a few of them, and how many. */
  readonly unranked: readonly RoleRef[];
  readonly unrankedCount: number;
  readonly unrankedReason?: string;
  /** The wage release the medians are from ("May 2024"), for `by: median`. */
  readonly date?: string;
  /** The projections release ("2024-34"), for `by: change`. */
  readonly release?: string;
}

/** A place the question named ("in London"): the figures are US national, or there are none by place. */
export interface PlaceNote {
  /** As the user typed it: renderers must quote and escape it. */
  readonly asked: string;
  /** True when the answer shows US national (BLS) figures. */
  readonly national: boolean;
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
      /** The asked roles; for a ranking, the shown roles in ranked order. */
      readonly roles: readonly RoleRef[];
      readonly blocks: readonly TopicBlock[];
      readonly salary?: SalaryComparison;
      /** BLS medians of the roles that have them (open data). */
      readonly medians?: MedianComparison;
      /** Set for a ranking (Query.rank): renderers show it instead of the salary block. */
      readonly ranking?: Ranking;
      readonly place?: PlaceNote;
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
      readonly place?: PlaceNote;
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
      /** A move asked with a topic ("pay rise from X to Y?"): the topic's blocks beside the steps. */
      readonly blocks?: readonly TopicBlock[];
      readonly salary?: SalaryComparison;
      readonly medians?: MedianComparison;
      readonly place?: PlaceNote;
      readonly sources: readonly Source[];
    }
  | {
      readonly kind: 'list';
      /** The curated roles (occupations of the open data are only counted). */
      readonly roles: readonly RoleRef[];
      readonly comparisons: readonly Comparison[];
      /** How many occupations the open data holds (absent: articles only). */
      readonly occupations?: number;
    }
  | {
      readonly kind: 'help';
      readonly examples: readonly string[];
      readonly topics: readonly Topic[];
      /** How many occupations the open data adds (absent: articles only). */
      readonly occupations?: number;
      /** The full credit lines of the open data (BLS, O*NET licence); absent without open data. */
      readonly credits?: readonly string[];
      /** The user asked for something the bot cannot do: a short refusal, then what it can do. */
      readonly outOfScope?: boolean;
    }
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
export function roleRef(role: Pick<Role, 'id' | 'title' | 'soc'>): RoleRef {
  return role.soc === undefined
    ? { id: role.id, title: role.title }
    : { id: role.id, title: role.title, soc: role.soc };
}

export type { Ladder };
