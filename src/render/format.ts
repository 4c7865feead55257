import type { LadderStep, SalaryComparison, SalaryFigure } from '../answer/model.js';
import type { Source } from '../knowledge/model.js';
import { messages } from '../messages.js';

/** Sentences shared by every surface: money, salary lines, ladder steps, sources. */

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 132974 USD -> "$132,974"; an unknown currency code -> "132,974 XYZ". */
export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      return `${Math.round(amount).toLocaleString('en-US')} ${currency}`;
    }
    moneyFormats.set(currency, format);
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
