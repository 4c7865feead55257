import { z } from 'zod';
import { FORBIDDEN_KEYS } from './names.js';

/**
 * The single source of truth for what a knowledge file may contain (front matter and topics.yaml).
 * Objects are strict so a misspelled key ("aliasses") is reported instead of silently ignored.
 */

/** "missing: expected X" when the key is absent, "expected X" when its value is wrong. */
const expected =
  (what: string) =>
  (issue: { readonly input?: unknown }): string =>
    issue.input === undefined ? `missing: expected ${what}` : `expected ${what}`;

const text = (what: string) =>
  z
    .string({ error: expected(`${what} (text)`) })
    .trim()
    .min(1, `expected ${what}, not an empty text`);

const kebabId = z
  .string({ error: expected('an id in kebab-case, e.g. operations-manager') })
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'expected an id in kebab-case (lower-case words joined by "-"), e.g. operations-manager',
  )
  .refine((id) => !FORBIDDEN_KEYS.has(id), 'this id is reserved; choose another');

const titles = z
  .array(text('a title'), { error: 'expected a list of titles, e.g. [Operations Manager]' })
  .default([]);

export const SalarySchema = z.strictObject(
  {
    amount: z
      .number({ error: expected('a plain positive number such as 55558 (no currency sign, no commas)') })
      .positive('expected a positive amount')
      .finite('expected a finite amount'),
    currency: z
      .string({ error: expected('an ISO currency code such as USD') })
      .regex(/^[A-Z]{3}$/, 'expected an ISO currency code in capitals, such as USD'),
    period: z.enum(['year', 'month', 'week', 'day', 'hour'], {
      error: expected('one of year, month, week, day, hour'),
    }),
    kind: z.enum(['average', 'median', 'starting'], { error: expected('one of average, median, starting') }),
  },
  { error: expected('a salary with amount, currency, period and kind') },
);

export const LadderSchema = z.strictObject(
  { reports_to: titles, step_towards: titles, comes_from: titles },
  { error: expected('a ladder with reports_to, step_towards and/or comes_from lists') },
);

export const RoleEntrySchema = z.strictObject(
  {
    id: kebabId,
    title: text('the role title'),
    aliases: z
      .array(text('an alias'), { error: 'expected a list of aliases, e.g. [ops manager, operations mgr]' })
      .default([]),
    summary: text('a one- or two-sentence summary'),
    salary: SalarySchema.optional(),
    ladder: LadderSchema.optional(),
    /** The O*NET occupation whose titles include this role's own title (links BLS figures to it). */
    soc: z
      .string({ error: expected('an O*NET-SOC code such as 11-1021.00') })
      .regex(/^\d{2}-\d{4}\.\d{2}$/, 'expected an O*NET-SOC code such as 11-1021.00')
      .optional(),
  },
  { error: expected('a role with id, title and summary') },
);

export const SourceSchema = z.strictObject(
  {
    title: text('the source article title'),
    url: z.url({ error: 'expected a full URL starting with https://' }).optional(),
  },
  { error: expected('the source, with its title (and url when known)') },
);

export const FrontMatterSchema = z.strictObject(
  {
    title: text('the comparison title'),
    source: SourceSchema,
    roles: z
      .array(RoleEntrySchema, { error: expected('a list of exactly two roles') })
      .length(2, 'expected exactly two roles (a comparison is between two roles)'),
  },
  { error: 'expected front matter with title, source and roles' },
);

export const TopicSchema = z.strictObject(
  {
    id: kebabId,
    name: text('a display name'),
    words: z
      .array(
        z
          .string({ error: 'expected a word or short phrase' })
          .trim()
          .min(1, 'expected a word, not an empty text')
          .transform((w) => w.toLowerCase()),
        { error: 'expected a list of words, e.g. [pay, earn, who earns more]' },
      )
      .default([]),
  },
  { error: expected('a topic with id, name and words') },
);

export const TopicsFileSchema = z.strictObject(
  {
    topics: z
      .array(TopicSchema, { error: expected('a list of topics') })
      .min(1, 'expected at least one topic'),
  },
  { error: 'expected a topics: list' },
);

export type FrontMatter = z.infer<typeof FrontMatterSchema>;
export type RoleEntry = z.infer<typeof RoleEntrySchema>;
export type TopicsFile = z.infer<typeof TopicsFileSchema>;
