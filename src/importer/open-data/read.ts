import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';

/**
 * Reading the files BLS and O*NET publish, in their official layouts (knowledge/open-data/README.md):
 * O*NET text (tab-separated) or Excel files, the OEWS national workbook, the projections workbook.
 * Every cell comes back as text, as the publisher printed it (numbers without grouping).
 */

export type Cells = readonly (readonly string[])[];

/** A spreadsheet cell as text: numbers in plain decimal notation, empty for blanks. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value as string | boolean).trim();
}

/** The rows of a sheet of an .xlsx file (the first sheet, or the named one), as text. */
export async function readXlsx(path: string, sheet?: string): Promise<Cells> {
  const data = sheet === undefined ? await readSheet(path) : await readSheet(path, sheet);
  return data.map((row) => row.map(cellText));
}

/** A tab-separated text file (O*NET's text release) as rows of cells. */
export function readTabText(path: string): Cells {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((c) => c.trim()));
}

/** The O*NET files a refresh reads, by their official names. */
export const ONET_FILES = Object.freeze({
  occupations: 'Occupation Data',
  alternates: 'Alternate Titles',
  reported: 'Sample of Reported Titles',
  related: 'Related Occupations',
  jobZones: 'Job Zones',
});

/** An O*NET file from the release folder: `NAME.txt` or `NAME.xlsx`; undefined when neither exists. */
export async function readOnetFile(dir: string, name: string): Promise<Cells | undefined> {
  const text = join(dir, `${name}.txt`);
  if (existsSync(text)) return readTabText(text);
  const xlsx = join(dir, `${name}.xlsx`);
  if (existsSync(xlsx)) return readXlsx(xlsx);
  return undefined;
}

/** Rows as objects keyed by the header row `headerAt` (0-based); later rows only. */
export function byHeader(
  cells: Cells,
  headerAt = 0,
): { header: readonly string[]; rows: Record<string, string>[] } {
  const header = (cells[headerAt] ?? []).map((h) => h.replace(/\s+/g, ' ').trim());
  const rows = cells
    .slice(headerAt + 1)
    .map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
  return { header, rows };
}
