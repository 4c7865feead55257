import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatProblem } from '../../knowledge/problem.js';
import { loadOpenData, OPEN_DATA_FILES } from '../../knowledge/open-data/load.js';
import type { Estimate, OpenData } from '../../knowledge/open-data/model.js';
import { SourcesFileSchema } from '../../knowledge/open-data/schema.js';
import { parseYamlText } from '../../knowledge/yaml-source.js';
import { convertAll, type OnetInput } from './convert.js';
import { ONET_FILES, readOnetFile, readXlsx, type Cells } from './read.js';

/**
 * `npm run kb:open-data`: read the official releases, convert them to the project's files, load the
 * result with the knowledge loader (so it is checked exactly as answers will read it), report what
 * changed against the files in place, and only then swap the new folder in (two renames).
 */

export interface RefreshOptions {
  readonly onetDir: string;
  readonly oewsFile: string;
  readonly epFile: string;
  /** knowledge/open-data by default. */
  readonly outDir: string;
  /** "29.3"; read from the folder name (db_29_3_text) when absent. */
  readonly onetRelease?: string;
  /** "May 2024"; read from the file name (national_M2024_dl.xlsx) when absent. */
  readonly oewsRelease?: string;
}

export interface RefreshResult {
  readonly ok: boolean;
  /** What changed and what was written (stdout). */
  readonly report: readonly string[];
  /** Why nothing was written (stderr). */
  readonly problems: readonly string[];
}

const GENERATED: ReadonlySet<string> = new Set(Object.values(OPEN_DATA_FILES));
const EXAMPLES = 5;

export async function refreshOpenData(options: RefreshOptions): Promise<RefreshResult> {
  const problems: string[] = [];
  const fail = (): RefreshResult => ({ ok: false, report: [], problems });

  const onet: Partial<Record<keyof typeof ONET_FILES, Cells>> = {};
  for (const [key, name] of Object.entries(ONET_FILES) as [keyof typeof ONET_FILES, string][]) {
    try {
      const cells = await readOnetFile(options.onetDir, name);
      if (cells === undefined) problems.push(`${join(options.onetDir, name)}.txt (or .xlsx): not found`);
      else onet[key] = cells;
    } catch (error) {
      problems.push(`${join(options.onetDir, name)}: cannot be read: ${(error as Error).message}`);
    }
  }
  const workbook = async (path: string, sheet?: string): Promise<Cells | undefined> => {
    try {
      return await readXlsx(path, sheet);
    } catch (error) {
      problems.push(
        `${path}${sheet === undefined ? '' : ` (sheet "${sheet}")`}: cannot be read as an .xlsx workbook: ${(error as Error).message}`,
      );
      return undefined;
    }
  };
  const oews = await workbook(options.oewsFile);
  const ep = await workbook(options.epFile, 'Table 1.2');
  if (problems.length > 0 || oews === undefined || ep === undefined) return fail();

  const converted = convertAll(onet as OnetInput, oews, ep);
  problems.push(...converted.problems);
  const previous = readSources(options.outDir);
  const oewsRelease = options.oewsRelease ?? releaseFromOewsName(options.oewsFile);
  const onetRelease = options.onetRelease ?? releaseFromOnetDir(options.onetDir);
  if (oewsRelease === undefined)
    problems.push(
      `${options.oewsFile}: cannot tell the OEWS release from the file name; pass --oews-release "May 2024"`,
    );
  if (onetRelease === undefined)
    problems.push(
      `${options.onetDir}: cannot tell the O*NET release from the folder name; pass --onet-release 29.3`,
    );
  if (
    problems.length > 0 ||
    oewsRelease === undefined ||
    onetRelease === undefined ||
    converted.epRelease === undefined
  )
    return fail();

  const out = resolve(options.outDir);
  const stage = join(dirname(out), `.${basename(out)}.new-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  try {
    // Files of the folder that the refresh does not make (README, attribution) move along unchanged.
    if (existsSync(out)) {
      for (const name of readdirSync(out))
        if (!GENERATED.has(name)) cpSync(join(out, name), join(stage, name), { recursive: true });
    }
    for (const [name, file] of converted.files) writeFileSync(join(stage, name), file.text);
    writeFileSync(
      join(stage, OPEN_DATA_FILES.sources),
      sourcesYaml(oewsRelease, converted.epRelease, onetRelease, previous),
    );

    const loaded = await loadOpenData(stage);
    if (loaded.openData === undefined) {
      problems.push(...loaded.problems.map(formatProblem));
      return fail();
    }
    const before = existsSync(out) ? (await loadOpenData(out)).openData : undefined;
    const report = describeChanges(before, loaded.openData);
    for (const [name, file] of converted.files)
      report.push(`  ${name}: ${file.rows.toLocaleString('en-US')} rows`);

    if (existsSync(out)) {
      const old = join(dirname(out), `.${basename(out)}.old-${process.pid}`);
      renameSync(out, old);
      renameSync(stage, out);
      rmSync(old, { recursive: true, force: true });
    } else {
      mkdirSync(dirname(out), { recursive: true });
      renameSync(stage, out);
    }
    report.push(`written: ${options.outDir}`);
    return { ok: true, report, problems: loaded.warnings.map(formatProblem) };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** national_M2024_dl.xlsx -> "May 2024" (the national estimates are for May of the year). */
export function releaseFromOewsName(path: string): string | undefined {
  const year = /M(\d{4})/i.exec(basename(path))?.[1];
  return year === undefined ? undefined : `May ${year}`;
}

/** db_29_3_text -> "29.3" */
export function releaseFromOnetDir(path: string): string | undefined {
  const m = /(\d{2})[._](\d)/.exec(basename(resolve(path)));
  return m === null ? undefined : `${m[1]}.${m[2]}`;
}

interface Previous {
  readonly topAnnual: number;
  readonly topHourly: number;
}

function readSources(dir: string): Previous {
  const fallback = { topAnnual: 239200, topHourly: 115 };
  const path = join(dir, OPEN_DATA_FILES.sources);
  if (!existsSync(path)) return fallback;
  const yaml = parseYamlText(readFileSync(path, 'utf8'), path);
  const parsed = SourcesFileSchema.safeParse(yaml.value);
  return parsed.success
    ? { topAnnual: parsed.data.oews.top_annual, topHourly: parsed.data.oews.top_hourly }
    : fallback;
}

function sourcesYaml(oews: string, ep: string, onet: string, previous: Previous): string {
  return [
    '# Where the files in this folder come from. Answers cite these releases; `npm run kb:open-data`',
    '# rewrites this file together with the TSV files when it refreshes them from new official releases.',
    'oews:',
    '  publisher: U.S. Bureau of Labor Statistics',
    '  program: Occupational Employment and Wage Statistics',
    `  release: ${oews}`,
    '  # BLS prints "#" for a wage at or above this top code (annual dollars, hourly dollars).',
    `  top_annual: ${previous.topAnnual}`,
    `  top_hourly: ${previous.topHourly}`,
    '  licence: public domain (US Government work)',
    'ep:',
    '  publisher: U.S. Bureau of Labor Statistics',
    '  program: Employment Projections',
    `  release: ${ep}`,
    '  licence: public domain (US Government work)',
    'onet:',
    '  publisher: U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
    '  program: O*NET',
    `  release: '${onet}'`,
    '  licence: CC BY 4.0',
    '',
  ].join('\n');
}

const show = (e: Estimate | undefined): string =>
  e === undefined
    ? 'none'
    : e.kind === 'value'
      ? `$${e.value.toLocaleString('en-US')}`
      : e.kind === 'at-least'
        ? `$${e.value.toLocaleString('en-US')} or more`
        : 'not published';
const same = (a: Estimate | undefined, b: Estimate | undefined): boolean =>
  a?.kind === b?.kind &&
  (a?.kind === 'not-published' ||
    (a as { value?: number } | undefined)?.value === (b as { value?: number } | undefined)?.value);

/** Occupations added and removed, wages and projections changed (a few examples of each). */
export function describeChanges(before: OpenData | undefined, after: OpenData): string[] {
  const out: string[] = [];
  const o = after.sources;
  out.push(
    `releases: OEWS ${o.oews.release}, Employment Projections ${o.ep.release}, O*NET ${o.onet.release}`,
  );
  const was = (n: number | undefined): string =>
    n === undefined ? '' : ` (was ${n.toLocaleString('en-US')})`;
  const t = after.titleCounts;
  out.push(`occupations: ${after.occupations.size.toLocaleString('en-US')}${was(before?.occupations.size)}`);
  out.push(
    `titles: ${t.primary.toLocaleString('en-US')} primary, ${t.alternate.toLocaleString('en-US')} alternate, ${t.reported.toLocaleString('en-US')} reported${before ? ` (was ${before.titleCounts.primary}, ${before.titleCounts.alternate}, ${before.titleCounts.reported})` : ''}`,
  );
  if (before === undefined) {
    out.push('no earlier files: everything is new');
    return out;
  }
  const added = [...after.occupations.values()].filter((x) => !before.occupations.has(x.code));
  const removed = [...before.occupations.values()].filter((x) => !after.occupations.has(x.code));
  out.push(`occupations added: ${added.length}, removed: ${removed.length}`);
  for (const x of added.slice(0, EXAMPLES)) out.push(`  + ${x.code} ${x.title}`);
  for (const x of removed.slice(0, EXAMPLES)) out.push(`  - ${x.code} ${x.title}`);
  const wageChanges: string[] = [];
  for (const [code, w] of after.wages) {
    const old = before.wages.get(code);
    if (w.group !== 'detailed' || old === undefined) continue;
    if (!same(old.annual.median, w.annual.median))
      wageChanges.push(`  ${code} ${w.title}: median ${show(old.annual.median)} -> ${show(w.annual.median)}`);
  }
  out.push(`median wages changed: ${wageChanges.length}`);
  out.push(...wageChanges.slice(0, EXAMPLES));
  let projections = 0;
  for (const [code, p] of after.projections) {
    const old = before.projections.get(code);
    if (
      old !== undefined &&
      (old.employmentBase !== p.employmentBase ||
        old.employmentTarget !== p.employmentTarget ||
        old.education !== p.education)
    )
      projections++;
  }
  out.push(`projections changed: ${projections}`);
  return out;
}
