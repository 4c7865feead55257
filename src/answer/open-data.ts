import type { KnowledgeBase, Role, Source, TopicId } from '../knowledge/model.js';
import type { Estimate, Occupation, OpenData, Wages } from '../knowledge/open-data/model.js';
import { socOf } from '../knowledge/open-data/model.js';
import { messages } from '../messages.js';
import type { SourceList } from './common.js';
import type { MedianComparison, OccupationFigures, RoleRef } from './model.js';
import { roleRef } from './model.js';

/** Open-data answers: which figures a role has, which topics they cover, and comparing BLS medians. */

/** Topics the open data speaks to (besides overview), and so the only ones an occupation can answer. */
export const OPEN_DATA_TOPICS: readonly TopicId[] = Object.freeze([
  'salary',
  'requirements',
  'outlook',
  'related',
]);

/** Topics that exist only for the open data: not offered when a knowledge base has none. */
export const DATA_ONLY_TOPICS: ReadonlySet<TopicId> = new Set(['outlook', 'related']);

/** Related occupations shown per role: O*NET's primary tiers (5 short + 5 long). */
export const MAX_RELATED = 10;

/** The occupation a role is, or is linked to; undefined without open data or link. */
export function occupationOf(role: Role, kb: KnowledgeBase): Occupation | undefined {
  return role.soc === undefined ? undefined : kb.openData?.occupations.get(role.soc);
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The figures of a role, or undefined when it has no occupation. `hourly`: the question asked for it. */
export function figuresOf(role: Role, kb: KnowledgeBase, hourly: boolean): OccupationFigures | undefined {
  const data = kb.openData;
  const occupation = occupationOf(role, kb);
  if (data === undefined || occupation === undefined) return undefined;
  const { wages, projection, jobZone } = occupation;
  const bls = wages ?? projection;
  const refined =
    bls !== undefined &&
    (bls.code !== socOf(occupation.code) ||
      !occupation.code.endsWith('.00') ||
      !sameName(bls.title, occupation.title) ||
      role.origin !== 'open-data');
  const related = relatedRoles(occupation, data, kb);
  return {
    role: roleRef(role),
    occupation: { code: occupation.code, title: occupation.title, roleId: occupation.roleId },
    ...(refined && bls !== undefined
      ? { blsOccupation: { code: bls.code, title: wages?.title ?? bls.title } }
      : {}),
    ...(wages === undefined ? {} : { wages }),
    ...(projection === undefined ? {} : { projection }),
    ...(projection !== undefined && data.allOccupations.projection !== undefined
      ? { allOccupations: data.allOccupations.projection }
      : {}),
    ...(jobZone === undefined ? {} : { jobZone }),
    ...(related.length === 0 ? {} : { related }),
    hourly: hourly || (wages !== undefined && wages.hourlyOnly),
  };
}

function relatedRoles(occupation: Occupation, data: OpenData, kb: KnowledgeBase): RoleRef[] {
  const out: RoleRef[] = [];
  for (const r of occupation.related) {
    if (out.length >= MAX_RELATED || r.tier === 'Supplemental') break;
    const other = data.occupations.get(r.code);
    const role = other === undefined ? undefined : kb.roles.get(other.roleId);
    if (role !== undefined) out.push(roleRef(role));
  }
  return out;
}

const published = (e: Estimate | undefined): boolean => e !== undefined && e.kind !== 'not-published';

/**
 * `figuresCover(figuresOf(role, kb, hourly), topic)` without making the figures: asked for every topic
 * of every role an answer mentions (the topics offered next), so it allocates nothing.
 */
export function occupationCovers(role: Role, kb: KnowledgeBase, topic: TopicId): boolean {
  const data = kb.openData;
  const occupation = occupationOf(role, kb);
  if (data === undefined || occupation === undefined) return false;
  const { wages, projection, jobZone } = occupation;
  switch (topic) {
    case 'overview':
      return true;
    case 'salary':
      return wages !== undefined && (published(wages.annual.median) || published(wages.hourly.median));
    case 'requirements':
      return projection !== undefined || jobZone !== undefined;
    case 'outlook':
      return projection !== undefined;
    case 'related':
      return hasRelatedRole(occupation, data, kb);
    default:
      return false;
  }
}

/** `relatedRoles(occupation, data, kb).length > 0`, stopping at the first. */
function hasRelatedRole(occupation: Occupation, data: OpenData, kb: KnowledgeBase): boolean {
  for (const r of occupation.related) {
    if (r.tier === 'Supplemental') return false;
    const other = data.occupations.get(r.code);
    if (other !== undefined && kb.roles.has(other.roleId)) return true;
  }
  return false;
}

/** True when the figures say something on the topic. */
export function figuresCover(figures: OccupationFigures | undefined, topic: TopicId): boolean {
  if (figures === undefined) return false;
  switch (topic) {
    case 'overview':
      return true;
    case 'salary': {
      const w = figures.wages;
      return w !== undefined && (published(w.annual.median) || published(w.hourly.median));
    }
    case 'requirements':
      return figures.projection !== undefined || figures.jobZone !== undefined;
    case 'outlook':
      return figures.projection !== undefined;
    case 'related':
      return (figures.related?.length ?? 0) > 0;
    default:
      return false;
  }
}

/** The sources of the figures shown for a topic (BLS program and release; O*NET whenever its data is used). */
export function addFigureSources(
  figures: OccupationFigures,
  topic: TopicId,
  kb: KnowledgeBase,
  sources: SourceList,
): void {
  const data = kb.openData;
  if (data === undefined) return;
  const add = (s: Source): void => sources.add(s);
  const wages = (): void => {
    if (figures.wages) add(data.sources.oews);
  };
  const ep = (): void => {
    if (figures.projection) add(data.sources.ep);
  };
  switch (topic) {
    case 'salary':
      wages();
      break;
    case 'requirements':
      ep();
      break;
    case 'outlook':
      ep();
      break;
    case 'related':
      break;
    default:
      wages();
      ep();
  }
  // The occupation, its titles, job zone and related occupations are O*NET's.
  add(data.sources.onet);
}

/** The full credit lines, for help and the README. */
export function creditLines(data: OpenData): string[] {
  const { oews, ep, onet } = data.sources;
  return [
    messages.creditBls(ep.program, ep.release, oews.program, oews.release),
    messages.creditOnet(onet.release),
  ];
}

const medianOf = (w: Wages, period: 'year' | 'hour'): Estimate =>
  period === 'year' ? w.annual.median : w.hourly.median;

/**
 * BLS medians of the roles that have figures, side by side; the difference only when every one is an
 * exact figure of the same period (all from one OEWS release and basis). Undefined when no role has a
 * median. The period is hourly when the question asked for it, or when a role has hourly figures only.
 */
export function compareMedians(all: readonly OccupationFigures[]): MedianComparison | undefined {
  const withWages = all.filter((f) => f.wages !== undefined);
  const first = withWages[0]?.wages;
  if (first === undefined) return undefined;
  const hourly = withWages.some((f) => f.hourly);
  const period = hourly ? 'hour' : 'year';
  const figures = withWages.map((f) => {
    const w = f.wages as Wages;
    return { role: f.role, bls: { code: w.code, title: w.title }, median: medianOf(w, period) };
  });
  const base = { period, basis: first.basis, source: first.source } as const;
  if (figures.length < 2) return { ...base, figures };
  const missing = all.filter((f) => f.wages === undefined).map((f) => f.role.title);
  const notExact = figures.filter((f) => f.median.kind !== 'value');
  if (missing.length > 0) return { ...base, figures, incomparable: messages.medianMissing(missing) };
  if (notExact.length > 0) {
    const top = notExact.filter((f) => f.median.kind === 'at-least').map((f) => f.role.title);
    return {
      ...base,
      figures,
      incomparable:
        top.length > 0
          ? messages.medianTopCoded(top)
          : messages.medianNotPublished(notExact.map((f) => f.role.title)),
    };
  }
  const value = (e: Estimate): number => (e.kind === 'value' ? e.value : 0);
  const ranked = [...figures].sort((a, b) => value(b.median) - value(a.median));
  const top = ranked[0] as (typeof ranked)[number];
  const bottom = ranked[ranked.length - 1] as (typeof ranked)[number];
  const difference = round2(value(top.median) - value(bottom.median));
  const percent = Math.round((difference / value(bottom.median)) * 1000) / 10;
  return { ...base, figures: ranked, higher: top.role, lower: bottom.role, difference, percent };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
