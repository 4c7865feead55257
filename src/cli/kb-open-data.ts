/**
 * `npm run kb:open-data -- --onet DIR --oews FILE --ep FILE [--out DIR] [--onet-release 29.3]
 * [--oews-release "May 2024"]`: refresh knowledge/open-data/ from the official releases (O*NET text or
 * Excel folder, OEWS national workbook, Employment Projections occupation.xlsx). Prints what changed;
 * writes nothing and exits 1 when any file is invalid.
 */
import { join } from 'node:path';
import { DEFAULT_KNOWLEDGE_DIR } from '../config/env.js';
import { refreshOpenData } from '../importer/open-data/refresh.js';

const USAGE =
  'Usage: npm run kb:open-data -- --onet DIR --oews FILE --ep FILE [--out DIR] [--onet-release 29.3] [--oews-release "May 2024"]\n' +
  '  --onet  the O*NET database folder (text or Excel files: Occupation Data, Alternate Titles, ...)\n' +
  '  --oews  the OEWS national workbook, e.g. national_M2024_dl.xlsx\n' +
  '  --ep    the Employment Projections workbook occupation.xlsx (sheet "Table 1.2")\n' +
  `  --out   where to write (default ${join('knowledge', 'open-data')})`;

const FLAGS = {
  '--onet': 'onet',
  '--oews': 'oews',
  '--ep': 'ep',
  '--out': 'out',
  '--onet-release': 'onetRelease',
  '--oews-release': 'oewsRelease',
} as const;

function parseArgs(
  argv: readonly string[],
): Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], string>> | undefined {
  const out: Partial<Record<(typeof FLAGS)[keyof typeof FLAGS], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    const key = FLAGS[arg as keyof typeof FLAGS] as (typeof FLAGS)[keyof typeof FLAGS] | undefined;
    const value = argv[i + 1];
    if (key === undefined || value === undefined || value.startsWith('--')) return undefined;
    out[key] = value;
    i++;
  }
  return out;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args?.onet === undefined || args.oews === undefined || args.ep === undefined) {
    console.error(USAGE);
    return 2;
  }
  const result = await refreshOpenData({
    onetDir: args.onet,
    oewsFile: args.oews,
    epFile: args.ep,
    outDir: args.out ?? join(DEFAULT_KNOWLEDGE_DIR, 'open-data'),
    ...(args.onetRelease === undefined ? {} : { onetRelease: args.onetRelease }),
    ...(args.oewsRelease === undefined ? {} : { oewsRelease: args.oewsRelease }),
  });
  for (const line of result.report) console.log(line);
  for (const problem of result.problems) console.error(result.ok ? `warning: ${problem}` : problem);
  if (!result.ok) console.error(`${result.problems.length} problems; nothing was written`);
  return result.ok ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
