import { z } from 'zod';
import { unknownRolesOf, type Query } from '../understand/query.js';

/** The longest question text kept in the gaps log. */
export const MAX_GAP_TEXT = 200;

/**
 * One unanswered question, as a line of the gaps log. Deliberately without user, channel, guild or
 * conversation ids: the log says what people asked, never who asked it.
 */
export const GapEntrySchema = z.object({
  ts: z.string(),
  intent: z.enum(['unknown', 'clarify']),
  unknownRoles: z.array(z.string()),
  candidates: z.array(z.string()),
  topics: z.array(z.string()),
  text: z.string(),
});
export type GapEntry = z.infer<typeof GapEntrySchema>;

/**
 * The question as recorded: Unicode-normalized, lower case, single-spaced, Discord mentions and
 * long digit runs (ids) and e-mail addresses replaced, cut to 200 characters.
 */
export function normalizeQuestion(text: string): string {
  const cleaned = text
    .slice(0, 4000)
    .normalize('NFKC')
    .replace(/<(?:@[!&]?|#)\d+>/g, '@someone')
    .replace(/\d{7,}/g, '#')
    .replace(/\p{Cc}/gu, ' ')
    .split(/\s+/)
    // An e-mail address says who asked: "name@host.tld" -> "[email]".
    .map((word) => (isEmail(word) ? '[email]' : word))
    .join(' ')
    .trim()
    .toLowerCase();
  const chars = Array.from(cleaned);
  return chars.length <= MAX_GAP_TEXT ? cleaned : chars.slice(0, MAX_GAP_TEXT).join('');
}

function isEmail(word: string): boolean {
  const at = word.indexOf('@');
  return at > 0 && word.indexOf('.', at + 2) > at + 1 && !word.endsWith('.');
}

/** The gaps-log entry for a question, or undefined when it was answered (not a gap). */
export function gapEntry(text: string, query: Query, now: Date = new Date()): GapEntry | undefined {
  if (query.intent !== 'unknown' && query.intent !== 'clarify') return undefined;
  return {
    ts: now.toISOString(),
    intent: query.intent,
    unknownRoles: unknownRolesOf(query)
      .map((r) => normalizeQuestion(r).slice(0, 80))
      .filter((r) => r.length > 0),
    candidates: [...query.candidates],
    topics: [...query.topics],
    text: normalizeQuestion(text),
  };
}
