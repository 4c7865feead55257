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
  /** True for a figure written without a currency ("125K"): the article's one other currency was taken. */
  readonly currencyAssumed: boolean;
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
/** "125K", "125,000 dollars", "85,000 a year": a figure without a currency sign before it. */
const BARE_MONEY =
  /(?<![\p{L}\p{N}$£€.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:(?:\s?(k)|\s(thousand))(?![\p{L}\p{N}])\s?(dollars|pounds|euros)?|\s(dollars|pounds|euros)\b|(?<=\d,\d{3})(?=\s(?:per|a|an)\s(?:year|annum)\b|\s(?:annually|yearly)\b))/giu;
const CURRENCY_WORDS: Readonly<Record<string, string>> = { dollars: 'USD', pounds: 'GBP', euros: 'EUR' };
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
export function findMoney(sentence: string, defaultCurrency?: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  const wordAt = wordIndexer(sentence);
  const found: {
    index: number;
    written: string;
    currency: string;
    whole: string;
    decimals: string | undefined;
    multiplier: string | undefined;
    currencyAssumed: boolean;
  }[] = [];
  for (const match of sentence.matchAll(MONEY)) {
    const [written, symbol = '', whole = '', decimals, multiplier] = match;
    const currency = CURRENCIES[symbol.trim().toLowerCase()];
    if (currency === undefined) continue;
    found.push({
      index: match.index,
      written,
      currency,
      whole,
      decimals,
      multiplier,
      currencyAssumed: false,
    });
  }
  // "125K", "85,000 dollars": no sign; a currency word says which, else the article's own currency.
  for (const match of sentence.matchAll(BARE_MONEY)) {
    const [written, whole = '', decimals, k, thousand, wordAfterK, word] = match;
    const start = match.index;
    if (found.some((f) => start < f.index + f.written.length && f.index < start + written.length)) continue;
    if (whole === '401' && k !== undefined) continue; // the US retirement plan, not a pay figure
    const named = CURRENCY_WORDS[(wordAfterK ?? word ?? '').toLowerCase()];
    const currency = named ?? defaultCurrency;
    if (currency === undefined) continue;
    const multiplier = k ?? thousand;
    found.push({
      index: start,
      written,
      currency,
      whole,
      decimals,
      multiplier,
      currencyAssumed: named === undefined,
    });
  }
  found.sort((a, b) => a.index - b.index);
  for (const { index, written, currency, whole, decimals, multiplier, currencyAssumed } of found) {
    let amount = Number(`${whole.replace(/,/g, '')}${decimals === undefined ? '' : `.${decimals}`}`);
    const mult = multiplier?.toLowerCase();
    if (mult === 'k' || mult === 'thousand') amount *= 1000;
    if (mult === 'm' || mult === 'million') amount *= 1_000_000;
    amount = Math.round(amount * 100) / 100;
    if (!(amount > 0)) continue;
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
      currencyAssumed,
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
