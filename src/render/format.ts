import type {
  LadderStep,
  MedianComparison,
  OccupationFigures,
  PlaceNote,
  RankEntry,
  Ranking,
  RankValue,
  RoleRef,
  SalaryComparison,
  SalaryFigure,
} from '../answer/model.js';
import type { Source } from '../knowledge/model.js';
import type { Estimate, Wages } from '../knowledge/open-data/model.js';
import { messages } from '../messages.js';

/** Sentences shared by every surface: money, salary lines, ladder steps, sources. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * 132974 USD -> "$132,974"; 29.5 USD -> "$29.50" (cents are shown when there are any, so an
 * article's "$29.50 per hour" is never said as "$30"); an unknown currency code -> "132,974 XYZ".
 */
export function formatMoney(amount: number, currency: string): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  const key = `${currency}${cents ? '.00' : ''}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        minimumFractionDigits: cents ? 2 : 0,
        maximumFractionDigits: cents ? 2 : 0,
      });
    } catch {
      const plain = amount.toLocaleString(
        'en-US',
        cents ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 0 },
      );
      return `${plain} ${currency}`;
    }
    moneyFormats.set(key, format);
  }
  return format.format(amount);
}

/** "$132,974 a year (average, USD)" */
export function formatSalary(figure: SalaryFigure): string {
  const s = figure.salary;
  return messages.salaryFigure(formatMoney(s.amount, s.currency), s.period, s.kind, s.currency);
}

/** The figures of one role; with the source named when a role has several (sources disagree). */
export function salaryLinesFor(comparison: SalaryComparison, roleId: string): string[] {
  const mine = comparison.figures.filter((f) => f.role.id === roleId);
  if (mine.length <= 1) return mine.map(formatSalary);
  return mine.map((f) => messages.salaryFromSource(formatSalary(f), f.salary.source.title));
}

/** Who earns more and by how much, or why that is not worked out; undefined for one role. */
export function salaryDifferenceLine(comparison: SalaryComparison): string | undefined {
  if (comparison.incomparable !== undefined) return comparison.incomparable;
  const { higher, lower, difference, percent } = comparison;
  const basis = comparison.figures[0]?.salary;
  if (!higher || !lower || difference === undefined || percent === undefined || !basis) return undefined;
  if (difference === 0) {
    return messages.salarySame(
      comparison.figures.map((f) => f.role.title),
      basis,
    );
  }
  return messages.salaryDifference(
    higher.title,
    lower.title,
    formatMoney(difference, basis.currency),
    percent.toFixed(1),
    basis,
  );
}

export function ladderSentence(step: LadderStep): string {
  switch (step.relation) {
    case 'reportsTo':
      return messages.ladderReportsTo(step.from.title, step.to.title);
    case 'stepTowards':
      return messages.ladderStepTowards(step.from.title, step.to.title);
    case 'comesFrom':
      return messages.ladderComesFrom(step.from.title, step.to.title);
  }
}

/** "Title (url)" or just the title. */
export function formatSource(source: Source): string {
  return source.url ? `${source.title} (${source.url})` : source.title;
}

/** "Source: A" / "Sources: A; B" */
export function sourcesLine(sources: readonly Source[]): string | undefined {
  if (sources.length === 0) return undefined;
  const label = sources.length === 1 ? messages.source : messages.sources;
  return `${label}: ${sources.map(formatSource).join('; ')}`;
}

const hourlyFormat = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const thousands = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A BLS wage figure: "$172,790", "$83.07" (hourly), "$239,200 or more" (top-coded), "not published". */
export function formatEstimate(estimate: Estimate, period: 'year' | 'hour'): string {
  if (estimate.kind === 'not-published') return messages.wageNotPublished;
  const money = period === 'hour' ? hourlyFormat.format(estimate.value) : formatMoney(estimate.value, 'USD');
  return estimate.kind === 'at-least' ? messages.wageAtLeast(money) : money;
}

/** Employment in thousands (one decimal) as people: 129.8 -> "129,800". */
export function formatThousands(value: number): string {
  return thousands.format(Math.round(value * 1000));
}

/** "+4.1%", "-2.0%", "0.0%" */
export function formatChange(percent: number): string {
  return `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

/** "BLS figures for Chief Executives (SOC 11-1011)" when the figures describe another occupation. */
export function blsLine(figures: OccupationFigures): string | undefined {
  const bls = figures.blsOccupation;
  return bls === undefined ? undefined : messages.blsFiguresFor(bls.title, bls.code);
}

function distributionLines(wages: Wages, period: 'year' | 'hour'): string[] {
  const d = period === 'year' ? wages.annual : wages.hourly;
  const f = (e: Estimate): string => formatEstimate(e, period);
  if (d.median.kind === 'not-published') return [];
  const out = [messages.wageMedian(f(d.median), period, messages.wageBasis(wages.basis.date))];
  if (d.p25.kind !== 'not-published' && d.p75.kind !== 'not-published')
    out.push(messages.wageMiddleHalf(f(d.p25), f(d.p75)));
  if (d.p10.kind !== 'not-published' && d.p90.kind !== 'not-published')
    out.push(messages.wageRange(f(d.p10), f(d.p90)));
  return out;
}

/** Median, middle half, 10th and 90th percentiles; hourly when asked (or when BLS has hourly only). */
export function wageLines(figures: OccupationFigures): string[] {
  const wages = figures.wages;
  if (wages === undefined) return [messages.wageNone(figures.occupation.title)];
  const first = figures.hourly || wages.hourlyOnly ? 'hour' : 'year';
  let lines = distributionLines(wages, first);
  if (lines.length === 0) lines = distributionLines(wages, first === 'hour' ? 'year' : 'hour');
  if (lines.length === 0) return [messages.wageNone(wages.title)];
  if (wages.hourlyOnly) lines.push(messages.wageHourlyOnly);
  else if (wages.annualOnly && figures.hourly) lines.push(messages.wageAnnualOnly);
  return lines;
}

export function requirementLines(figures: OccupationFigures): string[] {
  const out: string[] = [];
  const p = figures.projection;
  if (p !== undefined) {
    out.push(
      messages.education(p.education),
      messages.experience(p.experience),
      messages.training(p.training),
    );
  }
  const zone = figures.jobZone?.zone;
  if (zone !== undefined) out.push(messages.jobZone(zone, messages.jobZoneNames[zone - 1] ?? ''));
  return out;
}

export function outlookLines(figures: OccupationFigures): string[] {
  const p = figures.projection;
  if (p === undefined) return [messages.outlookNone(figures.occupation.title)];
  const all = figures.allOccupations;
  return [
    messages.outlookEmployment(
      formatThousands(p.employmentBase),
      p.baseYear,
      formatThousands(p.employmentTarget),
      p.targetYear,
    ),
    messages.outlookChange(
      formatChange(p.changePercent),
      all === undefined ? undefined : formatChange(all.changePercent),
    ),
    messages.outlookOpenings(formatThousands(p.openingsPerYear), p.baseYear, p.targetYear),
  ];
}

export function relatedLines(figures: OccupationFigures): string[] {
  const related = figures.related ?? [];
  return related.length === 0
    ? [messages.relatedNone(figures.occupation.title)]
    : related.map((r) => `- ${r.title}`);
}

/** The key figures of an occupation, for its overview: median, education, job zone, projected change. */
export function overviewLines(figures: OccupationFigures): string[] {
  const out: string[] = [];
  const wages = figures.wages;
  if (wages !== undefined)
    out.push(...distributionLines(wages, figures.hourly || wages.hourlyOnly ? 'hour' : 'year').slice(0, 1));
  const p = figures.projection;
  if (p !== undefined) {
    out.push(messages.education(p.education));
    const all = figures.allOccupations;
    out.push(
      messages
        .outlookChange(
          formatChange(p.changePercent),
          all === undefined ? undefined : formatChange(all.changePercent),
        )
        .replace(/^Change/, `Projected change ${p.baseYear}\u2013${String(p.targetYear).slice(2)}`),
    );
  }
  const zone = figures.jobZone?.zone;
  if (zone !== undefined) out.push(messages.jobZone(zone, messages.jobZoneNames[zone - 1] ?? ''));
  return out;
}

/** The figure lines for one topic (empty when the topic is not one the open data covers). */
export function figureLines(topic: string, figures: OccupationFigures): string[] {
  const lines =
    topic === 'salary'
      ? wageLines(figures)
      : topic === 'requirements'
        ? requirementLines(figures)
        : topic === 'outlook'
          ? outlookLines(figures)
          : topic === 'related'
            ? relatedLines(figures)
            : topic === 'overview'
              ? overviewLines(figures)
              : [];
  const bls = topic === 'related' ? undefined : blsLine(figures);
  return bls === undefined || lines.length === 0 ? lines : [`${bls}:`, ...lines];
}

/** The BLS medians' difference, or why none is worked out; undefined for one role. */
export function medianDifferenceLine(m: MedianComparison): string | undefined {
  if (m.incomparable !== undefined) return m.incomparable;
  if (
    m.higher === undefined ||
    m.lower === undefined ||
    m.difference === undefined ||
    m.percent === undefined
  )
    return undefined;
  // Name the BLS occupation when the figures are not the role's own (a refinement or a linked role).
  const label = (role: RoleRef): string => {
    const f = m.figures.find((x) => x.role.id === role.id);
    return f === undefined || f.bls.title.toLowerCase() === role.title.toLowerCase()
      ? role.title
      : messages.blsOccupationOf(f.bls.title, role.title);
  };
  if (m.difference === 0) {
    const first = m.figures[0];
    // Several roles whose figures are one BLS occupation's (an occupation and a role linked to it).
    if (first !== undefined && m.figures.every((f) => f.bls.code === first.bls.code)) {
      return messages.medianShared(
        m.figures.map((f) => f.role.title),
        first.bls.title,
        first.bls.code,
        m.basis.date,
      );
    }
    return messages.medianSame(
      m.figures.map((f) => label(f.role)),
      m.basis.date,
    );
  }
  const money = formatEstimate({ kind: 'value', value: m.difference }, m.period);
  return messages.medianDifference(
    label(m.higher),
    label(m.lower),
    money,
    m.percent.toFixed(1),
    m.period,
    m.basis.date,
  );
}

/** One ranked value as shown: "$172,790", "+4.1%", "Doctoral or professional degree". */
export function rankValueText(value: RankValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  switch (value.kind) {
    case 'median':
      return formatEstimate(value.median, value.period);
    case 'salary':
      return formatSalary({ role: { id: '', title: '' }, salary: value.salary });
    case 'change':
      return formatChange(value.percent);
    case 'education':
      return value.label;
  }
}

/** What the ranking orders by, for its heading. */
export function rankingBy(ranking: Ranking): string {
  const first = ranking.top[0]?.value;
  switch (ranking.by) {
    case 'median':
      return first?.kind === 'median' ? messages.rankByMedian(first.period, ranking.date ?? '') : '';
    case 'salary':
      return messages.rankBySalary;
    case 'change':
      return messages.rankByChange(ranking.release ?? '');
    case 'education':
      return messages.rankByEducation;
    case 'none':
      return '';
  }
}

/** A ranking as lines: heading, numbered entries with gaps, the omitted count, totals and unranked roles. */
export function rankingLines(ranking: Ranking, indent = '  '): string[] {
  const out = [messages.rankHeading(ranking.topic.name, rankingBy(ranking))];
  const entry = (e: RankEntry): string => {
    const value = rankValueText(e.value);
    const gap =
      e.gapToNext === undefined || e.gapToNext === 0
        ? ''
        : ` (${messages.rankGap(formatMoneyOf(e, e.gapToNext))})`;
    return `${indent}${e.rank}. ${e.role.title}${value === undefined ? '' : `: ${value}`}${gap}`;
  };
  out.push(...ranking.top.map(entry));
  if (ranking.omitted > 0) out.push(`${indent}${messages.rankOmitted(ranking.omitted)}`);
  out.push(...ranking.bottom.map(entry));
  if (ranking.total === 0) out.push(`${indent}${messages.rankEmpty}`);
  const first = ranking.top[0];
  const last = ranking.bottom[ranking.bottom.length - 1] ?? ranking.top[ranking.top.length - 1];
  if (
    ranking.spread !== undefined &&
    first !== undefined &&
    last !== undefined &&
    first !== last &&
    ranking.spread.difference > 0
  ) {
    out.push(
      messages.rankSpread(
        first.role.title,
        last.role.title,
        formatMoneyOf(first, ranking.spread.difference),
        ranking.spread.percent.toFixed(1),
      ),
    );
  }
  if (ranking.by !== 'none' && ranking.total > ranking.top.length + ranking.bottom.length)
    out.push(messages.rankTotal(ranking.total));
  if (ranking.unrankedCount > 0) {
    out.push(
      messages.rankUnranked(
        ranking.unranked.map((r) => r.title),
        ranking.unrankedCount,
        ranking.unrankedReason ?? '',
      ),
    );
  }
  return out;
}

function formatMoneyOf(entry: RankEntry, amount: number): string {
  const v = entry.value;
  if (v?.kind === 'median') return formatEstimate({ kind: 'value', value: amount }, v.period);
  if (v?.kind === 'salary') return formatMoney(amount, v.salary.currency);
  return String(amount);
}

/** "These figures are for the United States as a whole..." for a question that named a place. */
export function placeLine(place: PlaceNote, quote: (text: string) => string): string {
  return place.national ? messages.placeNational(quote(place.asked)) : messages.placeNone(quote(place.asked));
}
