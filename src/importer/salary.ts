import type { Salary } from '../knowledge/model.js';
import { wordIndexer } from './text.js';

/** A salary as written in a knowledge file (no source: the file is the source). */
export type SalaryFigure = Omit<Salary, 'source'>;

/** One money amount found in a text, with where it sits (word index) and what it was written as. */
export interface MoneyMention {
  readonly figure: SalaryFigure;
  readonly written: string;
  /** Word index in the text, to pair the amount with the role named nearest before it. */
  readonly at: number;
  /** True for "$50,000 to $60,000": one figure cannot say it, so it is reported, not recorded. */
  readonly range: boolean;
  /** True when the text did not say per year/hour/...: the period was inferred from the size. */
  readonly periodAssumed: boolean;
}

const CURRENCIES: Readonly<Record<string, string>> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  c$: 'CAD',
  cad: 'CAD',
  a$: 'AUD',
  aud: 'AUD',
  '£': 'GBP',
  gbp: 'GBP',
  '€': 'EUR',
  eur: 'EUR',
};

const MONEY =
  /(US\$|C\$|A\$|[$£€]|\b(?:USD|CAD|AUD|GBP|EUR)\s?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(k|m|million|thousand)\b)?/gi;
const PERIODS: readonly (readonly [SalaryFigure['period'], RegExp])[] = [
  ['hour', /^\s*(?:(?:per|an?|each|\/)\s*(?:hour|hr)\b|hourly\b)/i],
  ['day', /^\s*(?:(?:per|a|each|\/)\s*day\b|daily\b)/i],
  ['week', /^\s*(?:(?:per|a|each|\/)\s*(?:week|wk)\b|weekly\b)/i],
  ['month', /^\s*(?:(?:per|a|each|\/)\s*(?:month|mo)\b|monthly\b)/i],
  ['year', /^\s*(?:(?:per|a|an|each|\/)\s*(?:year|yr|annum)\b|annually\b|yearly\b)/i],
];
const PERIOD_WORDS_BEFORE: readonly (readonly [SalaryFigure['period'], RegExp])[] = [
  ['hour', /\bhourly\b/i],
  ['month', /\bmonthly\b/i],
  ['week', /\bweekly\b/i],
  ['year', /\b(?:annual|yearly)\b/i],
];
const RANGE_AFTER = /^\s*(?:[-–—]|to)\s*(?:US\$|[$£€])?\s?\d/i;

function kindOf(sentence: string): SalaryFigure['kind'] {
  if (/\bmedian\b/i.test(sentence)) return 'median';
  if (/\b(?:starting|entry[- ]level|starts? at)\b/i.test(sentence)) return 'starting';
  return 'average';
}

/**
 * Every money amount in a sentence: "$111,025 per year" -> 111025 USD a year; "$55k" -> 55000;
 * "£40,000 a year" -> GBP; "$25 per hour" -> hourly. Without a stated period, amounts of 1,000 or
 * more are taken as yearly and smaller ones as hourly (and flagged as assumed).
 */
export function findMoney(sentence: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  const wordAt = wordIndexer(sentence);
  for (const match of sentence.matchAll(MONEY)) {
    const [written, symbol = '', whole = '', decimals, multiplier] = match;
    const currency = CURRENCIES[symbol.trim().toLowerCase()];
    if (currency === undefined) continue;
    let amount = Number(`${whole.replace(/,/g, '')}${decimals === undefined ? '' : `.${decimals}`}`);
    const mult = multiplier?.toLowerCase();
    if (mult === 'k' || mult === 'thousand') amount *= 1000;
    if (mult === 'm' || mult === 'million') amount *= 1_000_000;
    amount = Math.round(amount * 100) / 100;
    if (!(amount > 0)) continue;
    const index = match.index;
    const after = sentence.slice(index + written.length, index + written.length + 40);
    const before = sentence.slice(Math.max(0, index - 40), index);
    let period =
      PERIODS.find(([, pattern]) => pattern.test(after))?.[0] ??
      PERIOD_WORDS_BEFORE.find(([, pattern]) => pattern.test(before))?.[0];
    const periodAssumed = period === undefined;
    period ??= amount >= 1000 ? 'year' : 'hour';
    out.push({
      figure: { amount, currency, period, kind: kindOf(sentence) },
      written: written.trim(),
      at: wordAt(index),
      range: RANGE_AFTER.test(after) || /\bbetween\s*$/i.test(before),
      periodAssumed,
    });
  }
  // "$50,000 to $60,000": the second amount belongs to the same range.
  return out.filter((m, i) => {
    const previous = out[i - 1];
    return !(previous?.range === true && m.at - previous.at <= 4);
  });
}

/** "$111,025 per year" for reports. */
export function describeSalary(s: SalaryFigure): string {
  const symbol: Readonly<Record<string, string>> = { USD: '$', GBP: '£', EUR: '€' };
  const amount = s.amount.toLocaleString(
    'en-US',
    Number.isInteger(s.amount) ? {} : { minimumFractionDigits: 2 },
  );
  const money =
    symbol[s.currency] === undefined ? `${amount} ${s.currency}` : `${symbol[s.currency]}${amount}`;
  return `${money} per ${s.period} (${s.kind})`;
}
