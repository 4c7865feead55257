import { byHeader, type Cells } from './read.js';

/**
 * The official layouts -> the project's TSV files (knowledge/open-data/README.md). Checks what can be
 * checked row by row here (codes, markers, numbers, monotone percentiles); the result is then loaded
 * by the knowledge loader itself before anything is written, so every rule it has applies too.
 */

export interface Converted {
  readonly text: string;
  readonly rows: number;
}

export interface ConvertResult {
  readonly files: ReadonlyMap<string, Converted>;
  readonly problems: readonly string[];
  /** "May 2024", "2024-34" (from the files) */
  readonly releases: { readonly oews?: string; readonly ep?: string };
}

const ONET_CODE = /^\d{2}-\d{4}\.\d{2}$/;
const SOC_CODE = /^\d{2}-\d{4}$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const MAX_REPORTED = 20;

const tsv = (header: readonly string[], rows: readonly (readonly string[])[]): Converted => ({
  text: `${[header, ...rows].map((r) => r.join('\t')).join('\n')}\n`,
  rows: rows.length,
});

/** Tabs and line breaks cannot be in a TSV cell. */
const clean = (s: string): string => s.replace(/[\t\r\n]+/g, ' ').trim();

class Problems {
  readonly list: string[] = [];
  #counts = new Map<string, number>();
  add(file: string, message: string): void {
    const n = (this.#counts.get(file) ?? 0) + 1;
    this.#counts.set(file, n);
    if (n <= MAX_REPORTED) this.list.push(`${file}: ${message}`);
    else if (n === MAX_REPORTED + 1) this.list.push(`${file}: more problems like these`);
  }
}

function need(
  header: readonly string[],
  names: readonly string[],
  file: string,
  problems: Problems,
): boolean {
  const missing = names.filter((n) => !header.includes(n));
  if (missing.length > 0)
    problems.add(
      file,
      `missing columns ${missing.map((m) => `"${m}"`).join(', ')} (header: ${header.join(', ')})`,
    );
  return missing.length === 0;
}

export interface OnetInput {
  readonly occupations: Cells;
  readonly alternates: Cells;
  readonly reported: Cells;
  readonly related: Cells;
  readonly jobZones: Cells;
}

export function convertOnet(input: OnetInput, problems: Problems, files: Map<string, Converted>): void {
  const code = 'O*NET-SOC Code';
  const occ = byHeader(input.occupations);
  if (!need(occ.header, [code, 'Title'], 'Occupation Data', problems)) return;
  const titles = new Map<string, string>();
  for (const row of occ.rows) {
    const c = row[code] ?? '';
    const title = clean(row.Title ?? '');
    if (!ONET_CODE.test(c)) problems.add('Occupation Data', `"${c}" is not an O*NET-SOC code`);
    else if (title === '') problems.add('Occupation Data', `${c} has no title`);
    else if (titles.has(c)) problems.add('Occupation Data', `${c} appears twice`);
    else titles.set(c, title);
  }
  if (titles.size === 0) problems.add('Occupation Data', 'no occupations');
  const known = (file: string, c: string): boolean => {
    if (titles.has(c)) return true;
    problems.add(file, `${c || '(blank)'} is not an occupation of Occupation Data`);
    return false;
  };

  const out: string[][] = [...titles].map(([c, t]) => [c, t, 'primary', '']);
  const alt = byHeader(input.alternates);
  if (need(alt.header, [code, 'Alternate Title', 'Short Title'], 'Alternate Titles', problems)) {
    for (const row of alt.rows) {
      const c = row[code] ?? '';
      const title = clean(row['Alternate Title'] ?? '');
      if (!known('Alternate Titles', c) || title === '') continue;
      const short = clean(row['Short Title'] ?? '');
      out.push([c, title, 'alternate', short === 'n/a' ? '' : short]);
    }
  }
  const rep = byHeader(input.reported);
  if (need(rep.header, [code, 'Reported Job Title'], 'Sample of Reported Titles', problems)) {
    for (const row of rep.rows) {
      const c = row[code] ?? '';
      const title = clean(row['Reported Job Title'] ?? '');
      if (known('Sample of Reported Titles', c) && title !== '') out.push([c, title, 'reported', '']);
    }
  }
  const kindOrder = { primary: 0, alternate: 1, reported: 2 } as const;
  out.sort((a, b) =>
    (a[0] ?? '') < (b[0] ?? '')
      ? -1
      : (a[0] ?? '') > (b[0] ?? '')
        ? 1
        : kindOrder[a[2] as keyof typeof kindOrder] - kindOrder[b[2] as keyof typeof kindOrder],
  );
  files.set('onet_titles.tsv', tsv(['code', 'title', 'kind', 'short_title'], out));

  const rel = byHeader(input.related);
  const relatedRows: string[][] = [];
  if (
    need(
      rel.header,
      [code, 'Related O*NET-SOC Code', 'Relatedness Tier', 'Index'],
      'Related Occupations',
      problems,
    )
  ) {
    for (const row of rel.rows) {
      const a = row[code] ?? '';
      const b = row['Related O*NET-SOC Code'] ?? '';
      const tier = row['Relatedness Tier'] ?? '';
      const index = row.Index ?? '';
      if (!known('Related Occupations', a) || !known('Related Occupations', b)) continue;
      if (!['Primary-Short', 'Primary-Long', 'Supplemental'].includes(tier))
        problems.add('Related Occupations', `${a}: unknown tier "${tier}"`);
      else if (!/^[1-9]\d*$/.test(index))
        problems.add('Related Occupations', `${a}: index "${index}" is not a whole number`);
      else relatedRows.push([a, b, tier, index]);
    }
  }
  files.set('onet_related.tsv', tsv(['code', 'related_code', 'relatedness_tier', 'index'], relatedRows));

  const jz = byHeader(input.jobZones);
  const zoneRows: string[][] = [];
  if (need(jz.header, [code, 'Job Zone'], 'Job Zones', problems)) {
    for (const row of jz.rows) {
      const c = row[code] ?? '';
      const zone = row['Job Zone'] ?? '';
      if (!known('Job Zones', c)) continue;
      if (!/^[1-5]$/.test(zone)) problems.add('Job Zones', `${c}: job zone "${zone}" is not 1 to 5`);
      else
        zoneRows.push([
          c,
          titles.get(c) ?? '',
          zone,
          clean(row.Date ?? ''),
          clean(row['Domain Source'] ?? ''),
        ]);
    }
  }
  files.set('onet_job_zones.tsv', tsv(['code', 'title', 'job_zone', 'date', 'domain_source'], zoneRows));
}

const OEWS_COLUMNS = [
  'OCC_CODE',
  'OCC_TITLE',
  'O_GROUP',
  'TOT_EMP',
  'A_MEAN',
  'A_PCT10',
  'A_PCT25',
  'A_MEDIAN',
  'A_PCT75',
  'A_PCT90',
  'H_MEAN',
  'H_PCT10',
  'H_PCT25',
  'H_MEDIAN',
  'H_PCT75',
  'H_PCT90',
  'ANNUAL',
  'HOURLY',
] as const;

/** A wage cell: a number (annual: whole dollars; hourly: cents), `#` or `*`. */
function wage(cell: string, hourly: boolean): string | undefined {
  const c = cell.replace(/,/g, '');
  if (c === '#' || c === '*') return c;
  if (!NUMBER.test(c)) return undefined;
  return hourly ? Number(c).toFixed(2) : String(Math.round(Number(c)));
}

/** The order p10 <= p25 <= median <= p75 <= p90, a `#` at or above any number. */
function ordered(cells: readonly string[]): boolean {
  let floor = Number.NEGATIVE_INFINITY;
  let topped = false;
  for (const c of cells) {
    if (c === '*') continue;
    if (c === '#') {
      topped = true;
      continue;
    }
    if (topped || Number(c) < floor) return false;
    floor = Number(c);
  }
  return true;
}

export function convertOews(cells: Cells, problems: Problems, files: Map<string, Converted>): void {
  const file = 'OEWS';
  const { header, rows } = byHeader(cells);
  if (!need(header, OEWS_COLUMNS, file, problems)) return;
  const out: string[][] = [];
  const groups = new Set(['total', 'major', 'minor', 'broad', 'detailed']);
  for (const row of rows) {
    const get = (k: (typeof OEWS_COLUMNS)[number]): string => row[k] ?? '';
    // The national file has one area; a cross-industry, all-ownership file has one row per code and group.
    const code = get('OCC_CODE');
    if (!SOC_CODE.test(code)) {
      problems.add(file, `"${code}" is not a SOC code`);
      continue;
    }
    const group = get('O_GROUP').toLowerCase();
    if (!groups.has(group)) {
      problems.add(file, `${code}: unknown O_GROUP "${get('O_GROUP')}"`);
      continue;
    }
    const emp = get('TOT_EMP').replace(/,/g, '');
    const annual = (['A_MEAN', 'A_PCT10', 'A_PCT25', 'A_MEDIAN', 'A_PCT75', 'A_PCT90'] as const).map((k) =>
      wage(get(k), false),
    );
    const hourly = (['H_MEAN', 'H_PCT10', 'H_PCT25', 'H_MEDIAN', 'H_PCT75', 'H_PCT90'] as const).map((k) =>
      wage(get(k), true),
    );
    if ([...annual, ...hourly].some((c) => c === undefined) || !(emp === '*' || /^\d+$/.test(emp))) {
      problems.add(file, `${code}: a figure is neither a number, # (top code) nor * (not published)`);
      continue;
    }
    const a = annual as string[];
    const h = hourly as string[];
    if (!ordered(a.slice(1)) || !ordered(h.slice(1))) {
      problems.add(file, `${code}: percentiles are not in order (10th <= 25th <= median <= 75th <= 90th)`);
      continue;
    }
    const flag = (c: string): string => (/^(?:true|yes|1)$/i.test(c) ? 'TRUE' : '');
    out.push([
      code,
      clean(get('OCC_TITLE')),
      group,
      emp,
      ...a,
      ...h,
      flag(get('ANNUAL')),
      flag(get('HOURLY')),
    ]);
  }
  if (!out.some((r) => r[2] === 'detailed')) problems.add(file, 'no detailed occupations (O_GROUP detailed)');
  files.set(
    'oews.tsv',
    tsv(
      [
        'occ_code',
        'occ_title',
        'o_group',
        'tot_emp',
        'a_mean',
        'a_pct10',
        'a_pct25',
        'a_median',
        'a_pct75',
        'a_pct90',
        'h_mean',
        'h_pct10',
        'h_pct25',
        'h_median',
        'h_pct75',
        'h_pct90',
        'annual_only',
        'hourly_only',
      ],
      out,
    ),
  );
}

/** The projections' header row: the one naming the matrix title column. */
function epHeaderRow(cells: Cells): number {
  return cells.findIndex((row) => row.some((c) => /National Employment Matrix title/i.test(c)));
}

export function convertEp(
  cells: Cells,
  problems: Problems,
  files: Map<string, Converted>,
): string | undefined {
  const file = 'Employment Projections';
  const at = epHeaderRow(cells);
  if (at < 0) {
    problems.add(file, 'no header row naming "National Employment Matrix title" (sheet "Table 1.2")');
    return undefined;
  }
  const { header, rows } = byHeader(cells, at);
  const find = (re: RegExp): string | undefined => header.find((h) => re.test(h));
  const years = header
    .map((h) => /^Employment, (\d{4})$/.exec(h)?.[1])
    .filter((y): y is string => y !== undefined);
  const [base, target] = years;
  const columns = {
    title: find(/National Employment Matrix title/i),
    code: find(/National Employment Matrix code/i),
    type: find(/^Occupation type/i),
    emp0: base === undefined ? undefined : `Employment, ${base}`,
    emp1: target === undefined ? undefined : `Employment, ${target}`,
    change: find(/^Employment change, numeric/i),
    pct: find(/^Employment change, percent/i),
    self: find(/^Percent self employed/i),
    openings: find(/^Occupational openings/i),
    wage: find(/^Median annual wage/i),
    education: find(/^Typical education needed/i),
    experience: find(/^Work experience/i),
    training: find(/^Typical on-the-job training/i),
  };
  const missing = Object.entries(columns)
    .filter(([, v]) => v === undefined)
    .map(([k]) => k);
  if (missing.length > 0 || base === undefined || target === undefined) {
    problems.add(
      file,
      `missing columns (${missing.join(', ') || 'Employment, YEAR twice'}); header: ${header.join(' | ')}`,
    );
    return undefined;
  }
  const col = columns as Record<keyof typeof columns, string>;
  const out: string[][] = [];
  for (const row of rows) {
    if (!/^line item$/i.test(row[col.type] ?? '')) continue;
    const code = row[col.code] ?? '';
    if (!SOC_CODE.test(code)) {
      problems.add(file, `"${code}" is not a SOC code`);
      continue;
    }
    const num = (k: keyof typeof columns, digits: number, optional = false): string | undefined => {
      const c = (row[col[k]] ?? '').replace(/,/g, '');
      if (optional && (c === '' || c === '—' || c === '-')) return '';
      return NUMBER.test(c) ? Number(c).toFixed(digits) : undefined;
    };
    const values = [
      num('emp0', 1),
      num('emp1', 1),
      num('change', 1),
      num('pct', 1),
      num('openings', 1),
      num('self', 1, true),
    ];
    if (values.some((v) => v === undefined)) {
      problems.add(file, `${code}: an employment figure is not a number`);
      continue;
    }
    const rawWage = (row[col.wage] ?? '').replace(/,/g, '');
    let median = '';
    let note = '';
    if (NUMBER.test(rawWage)) median = String(Math.round(Number(rawWage)));
    else if (/\d{5,}/.test(rawWage) && />=|≥|or more/.test(rawWage))
      note = `>=${/\d{5,}/.exec(rawWage)?.[0] ?? ''}`;
    else if (rawWage === '' || /^(?:n\/a|[—*-])$/i.test(rawWage)) note = 'n/a';
    else {
      problems.add(file, `${code}: median wage "${rawWage}" is neither a number, a top code (>=N) nor n/a`);
      continue;
    }
    out.push([
      code,
      clean(row[col.title] ?? ''),
      ...(values as string[]),
      median,
      note,
      clean(row[col.education] ?? ''),
      clean(row[col.experience] ?? ''),
      clean(row[col.training] ?? ''),
    ]);
  }
  if (out.length === 0) problems.add(file, 'no rows of occupation type "Line item"');
  files.set(
    'ep.tsv',
    tsv(
      [
        'soc_code',
        'title',
        `emp_${base}_thousands`,
        `emp_${target}_thousands`,
        'emp_change_thousands',
        'emp_change_pct',
        'openings_annual_avg_thousands',
        `pct_self_employed_${base}`,
        `median_annual_wage_${base}`,
        'median_wage_note',
        'typical_education_entry',
        'work_experience_related_occupation',
        'typical_on_the_job_training',
      ],
      out,
    ),
  );
  return `${base}-${target.slice(2)}`;
}

export function convertAll(
  onet: OnetInput,
  oews: Cells,
  ep: Cells,
): Omit<ConvertResult, 'releases'> & { epRelease?: string } {
  const problems = new Problems();
  const files = new Map<string, Converted>();
  convertOnet(onet, problems, files);
  convertOews(oews, problems, files);
  const epRelease = convertEp(ep, problems, files);
  return { files, problems: problems.list, ...(epRelease === undefined ? {} : { epRelease }) };
}
