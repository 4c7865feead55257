import type { RoleId, Source } from '../model.js';

/**
 * The open occupational data (knowledge/open-data/) as answers see it: BLS wages and projections by
 * SOC code, O*NET occupations with their job zones and related occupations. Read-only, built once
 * per knowledge version by `loadOpenData`. Every figure carries its source (program and release)
 * and its basis; nothing here is a sentence, only codes, titles, numbers and BLS's own labels.
 */

/** A source of figures: which program published them and which release they are. */
export interface DataSource extends Source {
  /** "U.S. Bureau of Labor Statistics" */
  readonly publisher: string;
  /** "Occupational Employment and Wage Statistics" */
  readonly program: string;
  /** "May 2024", "2024-34", "29.3" */
  readonly release: string;
  /** "public domain (US Government work)", "CC BY 4.0" */
  readonly licence: string;
}

/**
 * One published figure. BLS marks some cells instead of printing a number: `#` means the value is at
 * or above the top code (`at-least`, never an exact figure), `*` means no estimate was published.
 */
export type Estimate =
  | { readonly kind: 'value'; readonly value: number }
  | { readonly kind: 'at-least'; readonly value: number }
  | { readonly kind: 'not-published' };

export interface WageDistribution {
  readonly mean: Estimate;
  readonly p10: Estimate;
  readonly p25: Estimate;
  readonly median: Estimate;
  readonly p75: Estimate;
  readonly p90: Estimate;
}

/** What every OEWS wage figure describes (the same for the whole national file). */
export interface WageBasis {
  /** "May 2024" */
  readonly date: string;
  readonly area: 'United States';
  readonly industries: 'all industries';
  /** OEWS counts employees only, not the self-employed. */
  readonly coverage: 'employees';
}

/** OEWS national wages of one SOC occupation. */
export interface Wages {
  /** SOC code the figures are published for, e.g. "29-1021" (or a broad code such as "13-1020"). */
  readonly code: string;
  /** The BLS occupation title, e.g. "Dentists, General". */
  readonly title: string;
  readonly group: 'total' | 'major' | 'minor' | 'broad' | 'detailed';
  readonly employment: Estimate;
  readonly annual: WageDistribution;
  readonly hourly: WageDistribution;
  /** BLS publishes only annual wages (e.g. teachers): no hourly figures. */
  readonly annualOnly: boolean;
  /** BLS publishes only hourly wages (e.g. actors): no annual figures. */
  readonly hourlyOnly: boolean;
  readonly basis: WageBasis;
  readonly source: DataSource;
}

/** BLS Employment Projections for one occupation (employment in thousands). */
export interface Projection {
  readonly code: string;
  /** The Employment Projections title, e.g. "Dentists, general". */
  readonly title: string;
  readonly baseYear: number;
  readonly targetYear: number;
  readonly employmentBase: number;
  readonly employmentTarget: number;
  readonly change: number;
  /** Percent change over the projection period, one decimal, as BLS publishes it. */
  readonly changePercent: number;
  /** Average openings per year over the period (thousands). */
  readonly openingsPerYear: number;
  readonly selfEmployedPercent?: number;
  /** Median annual wage in the base year; `not-published` where BLS gives none (n/a). */
  readonly medianWage: Estimate;
  /** BLS's own labels, e.g. "Doctoral or professional degree", "None", "Internship/residency". */
  readonly education: string;
  readonly experience: string;
  readonly training: string;
  readonly source: DataSource;
}

/** All occupations together: the sum of the projections' line items (BLS publishes the same total). */
export interface ProjectionTotal {
  readonly baseYear: number;
  readonly targetYear: number;
  readonly employmentBase: number;
  readonly employmentTarget: number;
  readonly changePercent: number;
  readonly openingsPerYear: number;
  readonly source: DataSource;
}

export interface JobZone {
  /** 1 (little or no preparation) to 5 (extensive preparation). */
  readonly zone: 1 | 2 | 3 | 4 | 5;
  readonly source: DataSource;
}

export interface RelatedOccupation {
  /** O*NET-SOC code of the related occupation. */
  readonly code: string;
  readonly tier: 'Primary-Short' | 'Primary-Long' | 'Supplemental';
  /** 1 = most related. */
  readonly index: number;
}

/** One O*NET occupation, with the BLS figures that describe it. */
export interface Occupation {
  /** O*NET-SOC code, e.g. "29-1021.00". */
  readonly code: string;
  /** O*NET title, e.g. "Dentists, General". */
  readonly title: string;
  /** The role this occupation is in the knowledge base. */
  readonly roleId: RoleId;
  /**
   * OEWS wages for the SOC occupation the O*NET one belongs to: `15-1252.00` -> `15-1252`; where
   * BLS publishes only a broad group (`13-1021.00` -> `13-1020`), that group's. Absent when BLS
   * publishes none (military occupations, some "All Other" codes).
   */
  readonly wages?: Wages;
  readonly projection?: Projection;
  readonly jobZone?: JobZone;
  /** Most related first. */
  readonly related: readonly RelatedOccupation[];
  readonly source: DataSource;
}

export interface OpenData {
  /** By O*NET-SOC code, in code order. */
  readonly occupations: ReadonlyMap<string, Occupation>;
  /** OEWS wages by SOC code, every group (total, major, ..., detailed). */
  readonly wages: ReadonlyMap<string, Wages>;
  /** Employment Projections by SOC code. */
  readonly projections: ReadonlyMap<string, Projection>;
  /** "All Occupations" (00-0000) in OEWS, and the projections' total. */
  readonly allOccupations: { readonly wages?: Wages; readonly projection?: ProjectionTotal };
  readonly sources: { readonly oews: DataSource; readonly ep: DataSource; readonly onet: DataSource };
  /** How many titles of each kind were loaded. */
  readonly titleCounts: {
    readonly primary: number;
    readonly alternate: number;
    readonly reported: number;
    readonly short: number;
  };
}

/** `15-1252.00` -> `15-1252`. */
export function socOf(onetCode: string): string {
  return onetCode.slice(0, 7);
}
