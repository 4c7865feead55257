import { z } from 'zod';
import type { Estimate } from './model.js';

/**
 * What each column of the open-data files may hold (knowledge/open-data/README.md describes them).
 * Cells are validated column by column (see tsv.ts), so a schema here is the whole truth about a cell.
 */

export const OnetCodeSchema = z
  .string()
  .regex(/^\d{2}-\d{4}\.\d{2}$/, 'expected an O*NET-SOC code such as 29-1021.00');

export const SocCodeSchema = z.string().regex(/^\d{2}-\d{4}$/, 'expected a SOC code such as 29-1021');

/** A title or label: not empty, no spaces at either end. */
export const TextSchema = z.string().regex(/^\S(?:.*\S)?$/, 'expected a text without spaces at either end');

/** May be empty; otherwise like TextSchema. */
export const OptionalTextSchema = z
  .string()
  .regex(/^(?:\S(?:.*\S)?)?$/, 'expected a text without spaces at either end, or nothing');

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

export const NumberSchema = z
  .string()
  .regex(DECIMAL, 'expected a plain number such as 1234.5 (no commas, no sign other than -)')
  .transform(Number);

export const OptionalNumberSchema = z
  .string()
  .regex(/^(?:-?\d+(?:\.\d+)?)?$/, 'expected a plain number or nothing')
  .transform((s) => (s === '' ? undefined : Number(s)));

/**
 * An OEWS cell: a number, `#` (at or above the top code: BLS prints no exact figure) or `*` (not
 * published). `top` is the release's top code for the column (annual or hourly dollars).
 */
export function estimateSchema(top: number): z.ZodType<Estimate, string> {
  return z
    .string()
    .regex(/^(?:\d+(?:\.\d+)?|#|\*)$/, 'expected a number, # (at or above the top code) or * (not published)')
    .transform((s): Estimate => {
      if (s === '#') return { kind: 'at-least', value: top };
      if (s === '*') return { kind: 'not-published' };
      return { kind: 'value', value: Number(s) };
    });
}

export const FlagSchema = z
  .enum(['', 'TRUE'], { error: 'expected TRUE or nothing' })
  .transform((s) => s === 'TRUE');

export const GroupSchema = z.enum(['total', 'major', 'minor', 'broad', 'detailed'], {
  error: 'expected one of total, major, minor, broad, detailed',
});

export const TitleKindSchema = z.enum(['primary', 'alternate', 'reported'], {
  error: 'expected one of primary, alternate, reported',
});

export const TierSchema = z.enum(['Primary-Short', 'Primary-Long', 'Supplemental'], {
  error: 'expected one of Primary-Short, Primary-Long, Supplemental',
});

export const IndexSchema = z
  .string()
  .regex(/^[1-9]\d*$/, 'expected a whole number from 1')
  .transform(Number);

export const JobZoneSchema = z
  .enum(['1', '2', '3', '4', '5'], { error: 'expected a job zone from 1 to 5' })
  .transform((s) => Number(s) as 1 | 2 | 3 | 4 | 5);

/** `median_wage_note` of the projections: blank, `>=239200` (BLS: "$239,200 or more") or `n/a`. */
export const WageNoteSchema = z
  .string()
  .regex(/^(?:n\/a|>=\d+)?$/, 'expected nothing, n/a or >=NUMBER (the top code)');

/** The eight BLS education levels, lowest first (for ordering only; labels stay as BLS prints them). */
export const EDUCATION_LEVELS = Object.freeze([
  'No formal educational credential',
  'High school diploma or equivalent',
  'Some college, no degree',
  'Postsecondary nondegree award',
  "Associate's degree",
  "Bachelor's degree",
  "Master's degree",
  'Doctoral or professional degree',
] as const);

export const EducationSchema = z.enum(EDUCATION_LEVELS, {
  error: `expected one of the BLS education levels: ${EDUCATION_LEVELS.join('; ')}`,
});

export const ExperienceSchema = z.enum(['None', 'Less than 5 years', '5 years or more'], {
  error: 'expected None, Less than 5 years or 5 years or more',
});

export const TrainingSchema = z.enum(
  [
    'None',
    'Short-term on-the-job training',
    'Moderate-term on-the-job training',
    'Long-term on-the-job training',
    'Apprenticeship',
    'Internship/residency',
  ],
  { error: 'expected one of the BLS on-the-job training levels' },
);

const release = (what: string) =>
  z
    .string({ error: `expected the ${what}` })
    .trim()
    .min(1);

const SourceEntrySchema = z.strictObject({
  publisher: release('publisher'),
  program: release('program name'),
  release: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1)),
  licence: release('licence'),
});

/** knowledge/open-data/sources.yaml: which releases the files are, for citing them. */
export const SourcesFileSchema = z.strictObject({
  oews: SourceEntrySchema.extend({
    top_annual: z.number().positive(),
    top_hourly: z.number().positive(),
  }),
  ep: SourceEntrySchema,
  onet: SourceEntrySchema,
});
export type SourcesFile = z.infer<typeof SourcesFileSchema>;
