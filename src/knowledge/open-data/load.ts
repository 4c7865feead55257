import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role, RoleId } from '../model.js';
import type { Problem } from '../problem.js';
import { issuesToProblems } from '../problem.js';
import { parseYamlText } from '../yaml-source.js';
import type {
  DataSource,
  Estimate,
  JobZone,
  Occupation,
  OpenData,
  Projection,
  ProjectionTotal,
  RelatedOccupation,
  WageBasis,
  WageDistribution,
  Wages,
} from './model.js';
import { socOf } from './model.js';
import {
  EducationSchema,
  estimateSchema,
  ExperienceSchema,
  FlagSchema,
  GroupSchema,
  IndexSchema,
  JobZoneSchema,
  NumberSchema,
  OnetCodeSchema,
  OptionalNumberSchema,
  OptionalTextSchema,
  SocCodeSchema,
  SourcesFileSchema,
  TextSchema,
  TierSchema,
  TitleKindSchema,
  TrainingSchema,
  WageNoteSchema,
  type SourcesFile,
} from './schema.js';
import { lineOf, parseTable, splitTsv, type TableSpec } from './tsv.js';

/** The folder, inside a knowledge directory, that holds the open data. */
export const OPEN_DATA_DIR = 'open-data';

export const OPEN_DATA_FILES = Object.freeze({
  sources: 'sources.yaml',
  ep: 'ep.tsv',
  oews: 'oews.tsv',
  titles: 'onet_titles.tsv',
  related: 'onet_related.tsv',
  jobZones: 'onet_job_zones.tsv',
});

/** The open-data files are far larger than an article; this only guards against a wrong file. */
export const MAX_OPEN_DATA_BYTES = 64 * 1024 * 1024;

export interface OpenDataResult {
  /** Absent when there are problems. */
  readonly openData?: OpenData;
  /** One role per O*NET occupation, in code order. */
  readonly roles: readonly Role[];
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/** The releases of the bundled files, used (with a warning) when sources.yaml is missing. */
const BUNDLED_SOURCES: SourcesFile = {
  oews: {
    publisher: 'U.S. Bureau of Labor Statistics',
    program: 'Occupational Employment and Wage Statistics',
    release: 'May 2024',
    top_annual: 239200,
    top_hourly: 115,
    licence: 'public domain (US Government work)',
  },
  ep: {
    publisher: 'U.S. Bureau of Labor Statistics',
    program: 'Employment Projections',
    release: '2024-34',
    licence: 'public domain (US Government work)',
  },
  onet: {
    publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
    program: 'O*NET',
    release: '29.3',
    licence: 'CC BY 4.0',
  },
};

/** lower case, runs of anything but a-z and 0-9 -> "-", trimmed: "Dentists, General" -> "dentists-general". */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const OEWS_SPEC = (top: SourcesFile['oews']) => {
  const annual = estimateSchema(top.top_annual);
  const hourly = estimateSchema(top.top_hourly);
  return {
    occ_code: SocCodeSchema,
    occ_title: TextSchema,
    o_group: GroupSchema,
    tot_emp: estimateSchema(Number.POSITIVE_INFINITY),
    a_mean: annual,
    a_pct10: annual,
    a_pct25: annual,
    a_median: annual,
    a_pct75: annual,
    a_pct90: annual,
    h_mean: hourly,
    h_pct10: hourly,
    h_pct25: hourly,
    h_median: hourly,
    h_pct75: hourly,
    h_pct90: hourly,
    annual_only: FlagSchema,
    hourly_only: FlagSchema,
  } satisfies TableSpec;
};

const TITLES_SPEC = {
  code: OnetCodeSchema,
  title: TextSchema,
  kind: TitleKindSchema,
  short_title: OptionalTextSchema,
} satisfies TableSpec;

const RELATED_SPEC = {
  code: OnetCodeSchema,
  related_code: OnetCodeSchema,
  relatedness_tier: TierSchema,
  index: IndexSchema,
} satisfies TableSpec;

const JOB_ZONES_SPEC = {
  code: OnetCodeSchema,
  title: TextSchema,
  job_zone: JobZoneSchema,
  date: OptionalTextSchema,
  domain_source: OptionalTextSchema,
} satisfies TableSpec;

/** The projections' columns carry the release years (`emp_2024_thousands`); read them from the header. */
function epSpec(base: number, target: number) {
  return {
    soc_code: SocCodeSchema,
    title: TextSchema,
    [`emp_${base}_thousands`]: NumberSchema,
    [`emp_${target}_thousands`]: NumberSchema,
    emp_change_thousands: NumberSchema,
    emp_change_pct: NumberSchema,
    openings_annual_avg_thousands: NumberSchema,
    [`pct_self_employed_${base}`]: OptionalNumberSchema,
    [`median_annual_wage_${base}`]: OptionalNumberSchema,
    median_wage_note: WageNoteSchema,
    typical_education_entry: EducationSchema,
    work_experience_related_occupation: ExperienceSchema,
    typical_on_the_job_training: TrainingSchema,
  } satisfies TableSpec;
}

type Read = { readonly text: string } | { readonly problem: Problem } | { readonly missing: true };

function readDataFile(dir: string, name: string): Read {
  const file = `${OPEN_DATA_DIR}/${name}`;
  let fd: number;
  try {
    fd = openSync(join(dir, name), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: { file, message: `cannot be read: ${(error as Error).message}` } };
  }
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_OPEN_DATA_BYTES) {
      return {
        problem: {
          file,
          message: `is ${Math.ceil(size / 1048576)} MiB; open-data files may be at most ${MAX_OPEN_DATA_BYTES / 1048576} MiB`,
        },
      };
    }
    return { text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { problem: { file, message: `cannot be read: ${(error as Error).message}` } };
  } finally {
    closeSync(fd);
  }
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function dataSource(entry: SourcesFile['ep'], file: string, title: string): DataSource {
  return {
    title,
    file: `${OPEN_DATA_DIR}/${file}`,
    publisher: entry.publisher,
    program: entry.program,
    release: entry.release,
    licence: entry.licence,
  };
}

/** The order p10 <= p25 <= median <= p75 <= p90 (a top-coded value is at least the top code). */
function monotone(d: WageDistribution): boolean {
  let floor = Number.NEGATIVE_INFINITY;
  let topped = false;
  for (const e of [d.p10, d.p25, d.median, d.p75, d.p90]) {
    if (e.kind === 'not-published') continue;
    if (topped && e.kind === 'value') return false;
    if (e.value < floor) return false;
    floor = e.value;
    if (e.kind === 'at-least') topped = true;
  }
  return true;
}

/**
 * Read and check knowledge/open-data/ (`dir` is that folder). `taken` holds the curated role ids, so
 * an occupation never takes the id of a curated role. Collects every problem; never throws for bad
 * content.
 */
export async function loadOpenData(
  dir: string,
  taken: ReadonlySet<RoleId> = new Set(),
): Promise<OpenDataResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const fail = (): OpenDataResult => ({ roles: [], problems, warnings });
  const rel = (name: string): string => `${OPEN_DATA_DIR}/${name}`;

  const texts = new Map<string, string>();
  for (const name of Object.values(OPEN_DATA_FILES)) {
    const read = readDataFile(dir, name);
    if ('text' in read) texts.set(name, read.text);
    else if ('problem' in read) problems.push(read.problem);
    else if (name !== OPEN_DATA_FILES.sources) {
      problems.push({
        file: rel(name),
        message: 'not found',
        hint: 'open-data/ needs all of its files: copy them again, or run npm run kb:open-data',
      });
    }
  }
  if (problems.length > 0) return fail();

  let sources = BUNDLED_SOURCES;
  const sourcesText = texts.get(OPEN_DATA_FILES.sources);
  if (sourcesText === undefined) {
    warnings.push({
      file: rel(OPEN_DATA_FILES.sources),
      message:
        'not found; citing the releases of the bundled files (OEWS May 2024, Employment Projections 2024-34, O*NET 29.3)',
      hint: 'npm run kb:open-data writes it',
    });
  } else {
    const yaml = parseYamlText(sourcesText, rel(OPEN_DATA_FILES.sources));
    const parsed = yaml.value === undefined ? undefined : SourcesFileSchema.safeParse(yaml.value);
    if (parsed === undefined) problems.push(...yaml.problems);
    else if (!parsed.success)
      problems.push(...issuesToProblems(parsed.error.issues, rel(OPEN_DATA_FILES.sources), yaml.lineOf));
    else sources = parsed.data;
  }
  if (problems.length > 0) return fail();

  const text = (name: string): string => texts.get(name) ?? '';

  // Employment Projections: the header names the base and target years.
  await yieldToEventLoop();
  const epText = text(OPEN_DATA_FILES.ep);
  const epHeader = splitTsv(epText.slice(0, epText.indexOf('\n') + 1 || undefined))[0] ?? [];
  const years = epHeader
    .map((h) => /^emp_(\d{4})_thousands$/.exec(h)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort();
  const [baseYear, targetYear] = years;
  if (baseYear === undefined || targetYear === undefined || years.length !== 2) {
    problems.push({
      file: rel(OPEN_DATA_FILES.ep),
      line: 1,
      message: 'expected two columns emp_YEAR_thousands (base and target year)',
    });
    return fail();
  }
  const ep = parseTable(epText, rel(OPEN_DATA_FILES.ep), epSpec(baseYear, targetYear), {
    coded: [
      'typical_education_entry',
      'work_experience_related_occupation',
      'typical_on_the_job_training',
      'median_wage_note',
    ],
  });
  const oews = parseTable(text(OPEN_DATA_FILES.oews), rel(OPEN_DATA_FILES.oews), OEWS_SPEC(sources.oews), {
    coded: ['o_group', 'annual_only', 'hourly_only'],
  });
  await yieldToEventLoop();
  const titles = parseTable(text(OPEN_DATA_FILES.titles), rel(OPEN_DATA_FILES.titles), TITLES_SPEC, {
    coded: ['code', 'kind', 'short_title'],
  });
  await yieldToEventLoop();
  const related = parseTable(text(OPEN_DATA_FILES.related), rel(OPEN_DATA_FILES.related), RELATED_SPEC, {
    coded: ['code', 'related_code', 'relatedness_tier', 'index'],
  });
  const zones = parseTable(text(OPEN_DATA_FILES.jobZones), rel(OPEN_DATA_FILES.jobZones), JOB_ZONES_SPEC, {
    coded: ['code', 'job_zone', 'date', 'domain_source'],
  });
  for (const table of [ep, oews, titles, related, zones]) {
    problems.push(...table.problems);
    warnings.push(...table.warnings);
  }
  if (problems.length > 0) return fail();

  const epSource = dataSource(
    sources.ep,
    OPEN_DATA_FILES.ep,
    `BLS Employment Projections ${sources.ep.release}`,
  );
  const oewsSource = dataSource(
    sources.oews,
    OPEN_DATA_FILES.oews,
    `BLS Occupational Employment and Wage Statistics, ${sources.oews.release}`,
  );
  const onetSource = dataSource(
    sources.onet,
    OPEN_DATA_FILES.titles,
    `O*NET ${sources.onet.release} (USDOL/ETA, ${sources.onet.licence})`,
  );
  const basis: WageBasis = {
    date: sources.oews.release,
    area: 'United States',
    industries: 'all industries',
    coverage: 'employees',
  };

  // OEWS: one row per code and group; a code listed as broad and detailed (same values) is one occupation.
  const wages = new Map<string, Wages>();
  const w = oews.columns;
  for (let i = 0; i < oews.length; i++) {
    const code = w.occ_code[i] as string;
    const group = w.o_group[i] as Wages['group'];
    const at = <T>(column: readonly T[]): T => column[i] as T;
    const record: Wages = {
      code,
      title: at(w.occ_title),
      group,
      employment: at(w.tot_emp),
      annual: {
        mean: at(w.a_mean),
        p10: at(w.a_pct10),
        p25: at(w.a_pct25),
        median: at(w.a_median),
        p75: at(w.a_pct75),
        p90: at(w.a_pct90),
      },
      hourly: {
        mean: at(w.h_mean),
        p10: at(w.h_pct10),
        p25: at(w.h_pct25),
        median: at(w.h_median),
        p75: at(w.h_pct75),
        p90: at(w.h_pct90),
      },
      annualOnly: at(w.annual_only),
      hourlyOnly: at(w.hourly_only),
      basis,
      source: oewsSource,
    };
    for (const [p, d] of [
      ['annual', record.annual],
      ['hourly', record.hourly],
    ] as const) {
      if (!monotone(d)) {
        problems.push({
          file: rel(OPEN_DATA_FILES.oews),
          line: lineOf(i),
          field: p,
          message: `${code}: the ${p} percentiles are not in order (10th <= 25th <= median <= 75th <= 90th)`,
          hint: 'check the row against the BLS file',
        });
      }
    }
    const earlier = wages.get(code);
    if (earlier === undefined || (earlier.group !== 'detailed' && group === 'detailed'))
      wages.set(code, record);
  }

  const projections = new Map<string, Projection>();
  let sumBase = 0;
  let sumTarget = 0;
  let sumOpenings = 0;
  const e = ep.columns as unknown as Record<string, readonly unknown[]>;
  for (let i = 0; i < ep.length; i++) {
    const line = lineOf(i);
    const at = <T>(column: string): T => (e[column] as readonly T[])[i] as T;
    const code = at<string>('soc_code');
    const note = at<string>('median_wage_note');
    const median = at<number | undefined>(`median_annual_wage_${baseYear}`);
    let medianWage: Estimate;
    if (note === '') {
      if (median === undefined) {
        problems.push({
          file: rel(OPEN_DATA_FILES.ep),
          line,
          field: `median_annual_wage_${baseYear}`,
          message: `${code}: no median wage and no median_wage_note`,
          hint: 'set the wage, or the note n/a or >=TOP',
        });
        continue;
      }
      medianWage = { kind: 'value', value: median };
    } else if (median !== undefined) {
      problems.push({
        file: rel(OPEN_DATA_FILES.ep),
        line,
        field: 'median_wage_note',
        message: `${code}: both a median wage and the note "${note}"`,
        hint: 'the wage is blank when the note is set',
      });
      continue;
    } else if (note === 'n/a') medianWage = { kind: 'not-published' };
    else medianWage = { kind: 'at-least', value: Number(note.slice(2)) };
    if (projections.has(code)) {
      problems.push({
        file: rel(OPEN_DATA_FILES.ep),
        line,
        field: 'soc_code',
        message: `${code} appears twice`,
      });
      continue;
    }
    const base = at<number>(`emp_${baseYear}_thousands`);
    const target = at<number>(`emp_${targetYear}_thousands`);
    const self = at<number | undefined>(`pct_self_employed_${baseYear}`);
    const openings = at<number>('openings_annual_avg_thousands');
    sumBase += base;
    sumTarget += target;
    sumOpenings += openings;
    projections.set(code, {
      code,
      title: at('title'),
      baseYear,
      targetYear,
      employmentBase: base,
      employmentTarget: target,
      change: at('emp_change_thousands'),
      changePercent: at('emp_change_pct'),
      openingsPerYear: openings,
      ...(self === undefined ? {} : { selfEmployedPercent: self }),
      medianWage,
      education: at('typical_education_entry'),
      experience: at('work_experience_related_occupation'),
      training: at('typical_on_the_job_training'),
      source: epSource,
    });
  }

  // O*NET titles: one primary per code, every other title for a code that has one.
  const primary = new Map<string, string>();
  const alternates = new Map<string, string[]>();
  const reported = new Map<string, string[]>();
  const counts = { primary: 0, alternate: 0, reported: 0, short: 0 };
  const t = titles.columns;
  for (let i = 0; i < titles.length; i++) {
    if (t.kind[i] !== 'primary') continue;
    const code = t.code[i] as string;
    const title = t.title[i] as string;
    const earlier = primary.get(code);
    if (earlier !== undefined) {
      problems.push({
        file: rel(OPEN_DATA_FILES.titles),
        line: lineOf(i),
        field: 'title',
        message: `${code} has a second primary title "${title}" (first: "${earlier}")`,
      });
      continue;
    }
    primary.set(code, title);
    counts.primary++;
  }
  const push = (map: Map<string, string[]>, code: string, title: string): void => {
    const list = map.get(code);
    if (list === undefined) map.set(code, [title]);
    else list.push(title);
  };
  for (let i = 0; i < titles.length; i++) {
    const kind = t.kind[i];
    if (kind === 'primary') continue;
    const code = t.code[i] as string;
    if (!primary.has(code)) {
      problems.push({
        file: rel(OPEN_DATA_FILES.titles),
        line: lineOf(i),
        field: 'code',
        message: `${code} has no primary title`,
        hint: 'every occupation needs a row of kind primary',
      });
      continue;
    }
    if (kind === 'alternate') {
      counts.alternate++;
      push(alternates, code, t.title[i] as string);
      const short = t.short_title[i] as string;
      if (short !== '') {
        counts.short++;
        push(alternates, code, short);
      }
    } else {
      counts.reported++;
      push(reported, code, t.title[i] as string);
    }
  }

  const relatedOf = new Map<string, RelatedOccupation[]>();
  const r = related.columns;
  rows: for (let i = 0; i < related.length; i++) {
    for (const field of ['code', 'related_code'] as const) {
      const code = r[field][i] as string;
      if (!primary.has(code)) {
        problems.push({
          file: rel(OPEN_DATA_FILES.related),
          line: lineOf(i),
          field,
          message: `${code} is not an occupation of ${OPEN_DATA_FILES.titles}`,
        });
        continue rows;
      }
    }
    const code = r.code[i] as string;
    const entry: RelatedOccupation = {
      code: r.related_code[i] as string,
      tier: r.relatedness_tier[i] as RelatedOccupation['tier'],
      index: r.index[i] as number,
    };
    const list = relatedOf.get(code);
    if (list === undefined) relatedOf.set(code, [entry]);
    else list.push(entry);
  }
  const zoneOf = new Map<string, JobZone>();
  const zoneSource: DataSource = { ...onetSource, file: rel(OPEN_DATA_FILES.jobZones) };
  for (let i = 0; i < zones.length; i++) {
    const code = zones.columns.code[i] as string;
    if (!primary.has(code)) {
      problems.push({
        file: rel(OPEN_DATA_FILES.jobZones),
        line: lineOf(i),
        field: 'code',
        message: `${code} is not an occupation of ${OPEN_DATA_FILES.titles}`,
      });
      continue;
    }
    zoneOf.set(code, { zone: zones.columns.job_zone[i] as JobZone['zone'], source: zoneSource });
  }
  if (problems.length > 0) return fail();

  // Figures for an O*NET occupation: its SOC code's, else the broad group BLS publishes instead.
  const figuresCode = (code: string, has: (soc: string) => boolean): string | undefined => {
    const soc = socOf(code);
    if (has(soc)) return soc;
    const broad = `${soc.slice(0, 6)}0`;
    return has(broad) ? broad : undefined;
  };
  const detailedWages = (soc: string): boolean => {
    const w = wages.get(soc);
    return w !== undefined && w.group === 'detailed';
  };

  const usedIds = new Set(taken);
  const occupations = new Map<string, Occupation>();
  const roles: Role[] = [];
  for (const [code, title] of [...primary].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let id = slugOf(title);
    if (id === '' || usedIds.has(id)) id = `${id}-${code.replace('.', '-')}`.replace(/^-/, '');
    usedIds.add(id);
    const wagesCode = figuresCode(code, detailedWages);
    const epCode = figuresCode(code, (soc) => projections.has(soc));
    const zone = zoneOf.get(code);
    const occupation: Occupation = {
      code,
      title,
      roleId: id,
      ...(wagesCode === undefined ? {} : { wages: wages.get(wagesCode) as Wages }),
      ...(epCode === undefined ? {} : { projection: projections.get(epCode) as Projection }),
      ...(zone === undefined ? {} : { jobZone: zone }),
      related: (relatedOf.get(code) ?? []).sort((a, b) => a.index - b.index),
      source: onetSource,
    };
    occupations.set(code, occupation);

    // Case-insensitive duplicates (an alternate title also reported) are kept once.
    const seen = new Set([title.toLowerCase()]);
    const keep = (list: readonly string[] | undefined): string[] => {
      const out: string[] = [];
      for (const name of list ?? []) {
        const key = name.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(name);
      }
      return out;
    };
    const alternateTitles = keep(alternates.get(code));
    const reportedTitles = keep(reported.get(code));
    roles.push({
      id,
      title,
      aliases: [],
      summary: `US occupation, O*NET-SOC ${code}.`,
      facts: {},
      salaries: [],
      ladder: { reportsTo: [], stepTowards: [], comesFrom: [] },
      comparisons: [],
      soc: code,
      origin: 'open-data',
      alternateTitles,
      reportedTitles,
    });
  }

  const total: ProjectionTotal | undefined =
    projections.size === 0
      ? undefined
      : {
          baseYear,
          targetYear,
          employmentBase: round1(sumBase),
          employmentTarget: round1(sumTarget),
          changePercent: round1(((sumTarget - sumBase) / sumBase) * 100),
          openingsPerYear: round1(sumOpenings),
          source: epSource,
        };
  const allWages = wages.get('00-0000');
  const openData: OpenData = {
    occupations,
    wages,
    projections,
    allOccupations: {
      ...(allWages === undefined ? {} : { wages: allWages }),
      ...(total === undefined ? {} : { projection: total }),
    },
    sources: { oews: oewsSource, ep: epSource, onet: onetSource },
    titleCounts: counts,
  };
  return { openData, roles, problems, warnings };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
