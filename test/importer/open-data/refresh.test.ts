import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
  refreshOpenData,
  releaseFromOewsName,
  releaseFromOnetDir,
} from '../../../src/importer/open-data/refresh.js';
import { loadOpenData } from '../../../src/knowledge/open-data/load.js';

/**
 * kb:open-data on small releases in the official layouts, made here: O*NET text files (one as .xlsx),
 * the OEWS national workbook and the projections workbook, written as real .xlsx files.
 */

type Cell = string | number | null;

const tabText = (rows: readonly (readonly Cell[])[]): string =>
  `${rows.map((r) => r.map((c) => c ?? '').join('\t')).join('\n')}\n`;

async function xlsx(path: string, rows: readonly (readonly Cell[])[], sheet?: string): Promise<void> {
  const data = rows.map((r) => r.map((value) => (value === null ? null : { value })));
  await writeXlsxFile(data, sheet === undefined ? {} : { sheet }).toFile(path);
}

const OCCUPATIONS: [string, string][] = [
  ['29-1021.00', 'Dentists, General'],
  ['29-1023.00', 'Orthodontists'],
  ['15-2011.00', 'Actuaries'],
  ['11-1011.00', 'Chief Executives'],
  ['11-1011.03', 'Chief Sustainability Officers'],
];

const OEWS_HEADER = [
  'AREA',
  'AREA_TITLE',
  'AREA_TYPE',
  'PRIM_STATE',
  'NAICS',
  'NAICS_TITLE',
  'I_GROUP',
  'OWN_CODE',
  'OCC_CODE',
  'OCC_TITLE',
  'O_GROUP',
  'TOT_EMP',
  'EMP_PRSE',
  'JOBS_1000',
  'LOC_QUOTIENT',
  'PCT_TOTAL',
  'PCT_RPT',
  'H_MEAN',
  'A_MEAN',
  'MEAN_PRSE',
  'H_PCT10',
  'H_PCT25',
  'H_MEDIAN',
  'H_PCT75',
  'H_PCT90',
  'A_PCT10',
  'A_PCT25',
  'A_MEDIAN',
  'A_PCT75',
  'A_PCT90',
  'ANNUAL',
  'HOURLY',
];

/** One OEWS row: annual [mean, p10, p25, median, p75, p90], hourly the same. */
function oewsRow(code: string, title: string, group: string, emp: number, a: Cell[], h: Cell[]): Cell[] {
  const [am, a10, a25, amed, a75, a90] = a;
  const [hm, h10, h25, hmed, h75, h90] = h;
  return [
    99,
    'U.S.',
    1,
    'US',
    '000000',
    'Cross-industry',
    'cross-industry',
    1235,
    code,
    title,
    group,
    emp,
    0.5,
    null,
    null,
    null,
    null,
    hm ?? null,
    am ?? null,
    0.5,
    h10 ?? null,
    h25 ?? null,
    hmed ?? null,
    h75 ?? null,
    h90 ?? null,
    a10 ?? null,
    a25 ?? null,
    amed ?? null,
    a75 ?? null,
    a90 ?? null,
    null,
    null,
  ];
}

function oewsRows(dentistMedian: number, orderedPercentiles = true): Cell[][] {
  return [
    OEWS_HEADER,
    oewsRow(
      '00-0000',
      'All Occupations',
      'total',
      154187380,
      [67920, 29990, 36730, 49500, 78810, 125720],
      [32.66, 14.42, 17.66, 23.8, 37.89, 60.44],
    ),
    oewsRow(
      '29-1021',
      'Dentists, General',
      'detailed',
      113490,
      [196100, 83860, orderedPercentiles ? 126090 : 226090, dentistMedian, 220380, '#'],
      [94.28, 40.32, 60.62, dentistMedian / 2080, 105.95, '#'],
    ),
    oewsRow(
      '29-1023',
      'Orthodontists',
      'detailed',
      5150,
      [254620, 98560, 137320, '#', '#', '#'],
      [122.41, 47.38, 66.02, '#', '#', '#'],
    ),
    oewsRow(
      '15-2011',
      'Actuaries',
      'detailed',
      28340,
      [134990, 75240, 90970, 125770, 164860, 206430],
      [64.9, 36.18, 43.73, 60.47, 79.26, 99.24],
    ),
    oewsRow(
      '11-1011',
      'Chief Executives',
      'detailed',
      211850,
      [262930, 73710, 126080, 206420, '#', '#'],
      [126.41, 35.44, 60.61, 99.24, '#', '#'],
    ),
  ];
}

const EP_HEADER = [
  '2024 National Employment Matrix title',
  '2024 National Employment Matrix code',
  'Occupation type',
  'Employment, 2024',
  'Employment, 2034',
  'Employment distribution, percent, 2024',
  'Employment distribution, percent, 2034',
  'Employment change, numeric, 2024\u201334',
  'Employment change, percent, 2024\u201334',
  'Percent self employed, 2024',
  'Occupational openings, 2024\u201334 annual average',
  'Median annual wage, dollars, 2024[1]',
  'Typical education needed for entry',
  'Work experience in a related occupation',
  'Typical on-the-job training needed to attain competency in the occupation',
];

function epRows(): Cell[][] {
  return [
    ['Table 1.2 Occupational projections, 2024\u201334, and worker characteristics, 2024'],
    EP_HEADER,
    [
      'Total, all occupations',
      '00-0000',
      'Summary',
      169956.4,
      175169.9,
      100,
      100,
      5213.5,
      3.1,
      6.1,
      18861.6,
      49500,
      '\u2014',
      '\u2014',
      '\u2014',
    ],
    [
      'Chief executives',
      '11-1011',
      'Line item',
      309.4,
      322.7,
      0.2,
      0.2,
      13.3,
      4.3,
      25.9,
      22.2,
      206420,
      "Bachelor's degree",
      '5 years or more',
      'None',
    ],
    [
      'Actuaries',
      '15-2011',
      'Line item',
      33.6,
      40.9,
      0,
      0,
      7.3,
      21.8,
      null,
      2.4,
      125770,
      "Bachelor's degree",
      'None',
      'Long-term on-the-job training',
    ],
    [
      'Dentists, general',
      '29-1021',
      'Line item',
      129.8,
      135.2,
      0.1,
      0.1,
      5.4,
      4.1,
      11.8,
      3.9,
      172790,
      'Doctoral or professional degree',
      'None',
      'None',
    ],
    [
      'Orthodontists',
      '29-1023',
      'Line item',
      5.9,
      6.2,
      0,
      0,
      0.3,
      4.4,
      12,
      0.2,
      '>=239,200',
      'Doctoral or professional degree',
      'None',
      'Internship/residency',
    ],
  ];
}

/** A release folder set: O*NET text files (Job Zones as .xlsx), OEWS and EP workbooks. */
async function release(
  root: string,
  dentistMedian = 172790,
  ordered = true,
): Promise<{ onet: string; oews: string; ep: string }> {
  const onet = join(root, 'db_29_3_text');
  mkdirSync(onet, { recursive: true });
  writeFileSync(
    join(onet, 'Occupation Data.txt'),
    tabText([
      ['O*NET-SOC Code', 'Title', 'Description'],
      ...OCCUPATIONS.map(([c, t]) => [c, t, `${t} do their work.`]),
    ]),
  );
  writeFileSync(
    join(onet, 'Alternate Titles.txt'),
    tabText([
      ['O*NET-SOC Code', 'Title', 'Alternate Title', 'Short Title', 'Source(s)'],
      ['29-1021.00', 'Dentists, General', 'Dentist', 'n/a', '08'],
      ['29-1021.00', 'Dentists, General', 'Doctor of Dental Surgery', 'DDS', '08'],
      ['11-1011.00', 'Chief Executives', 'Chief Operating Officer (COO)', 'COO', '08'],
      ['15-2011.00', 'Actuaries', 'Actuary', 'n/a', '08'],
    ]),
  );
  writeFileSync(
    join(onet, 'Sample of Reported Titles.txt'),
    tabText([
      ['O*NET-SOC Code', 'Title', 'Reported Job Title', 'Shown in My Next Move'],
      ['29-1021.00', 'Dentists, General', 'Family Dentist', 'Y'],
    ]),
  );
  writeFileSync(
    join(onet, 'Related Occupations.txt'),
    tabText([
      ['O*NET-SOC Code', 'Title', 'Related O*NET-SOC Code', 'Related Title', 'Relatedness Tier', 'Index'],
      ['29-1021.00', 'Dentists, General', '29-1023.00', 'Orthodontists', 'Primary-Short', 1],
      ['29-1023.00', 'Orthodontists', '29-1021.00', 'Dentists, General', 'Primary-Short', 1],
    ]),
  );
  await xlsx(join(onet, 'Job Zones.xlsx'), [
    ['O*NET-SOC Code', 'Title', 'Job Zone', 'Date', 'Domain Source'],
    ['29-1021.00', 'Dentists, General', 5, '08/2023', 'Analyst'],
    ['29-1023.00', 'Orthodontists', 5, '08/2023', 'Analyst'],
    ['15-2011.00', 'Actuaries', 4, '08/2023', 'Analyst'],
  ]);
  const oews = join(root, 'national_M2024_dl.xlsx');
  await xlsx(oews, oewsRows(dentistMedian, ordered));
  const ep = join(root, 'occupation.xlsx');
  await xlsx(ep, epRows(), 'Table 1.2');
  return { onet, oews, ep };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'careerbot-open-data-'));

describe('kb:open-data', () => {
  it('GIVEN official files THEN the project files, loadable, with the figures, markers and releases of the release', async () => {
    const root = tmp();
    const files = await release(root);
    const out = join(root, 'out');
    const result = await refreshOpenData({
      onetDir: files.onet,
      oewsFile: files.oews,
      epFile: files.ep,
      outDir: out,
    });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.report).toContain('occupations: 5');
    expect(result.report).toContain('no earlier files: everything is new');

    const loaded = await loadOpenData(out);
    const data = loaded.openData;
    expect(loaded.problems).toEqual([]);
    expect(data?.sources.oews.release).toBe('May 2024');
    expect(data?.sources.ep.release).toBe('2024-34');
    expect(data?.sources.onet.release).toBe('29.3');
    const dentists = data?.occupations.get('29-1021.00');
    expect(dentists?.wages?.annual.median).toEqual({ kind: 'value', value: 172790 });
    expect(dentists?.wages?.annual.p90).toEqual({ kind: 'at-least', value: 239200 });
    expect(dentists?.projection?.education).toBe('Doctoral or professional degree');
    expect(dentists?.jobZone?.zone).toBe(5);
    expect(dentists?.related.map((r) => r.code)).toEqual(['29-1023.00']);
    expect(data?.occupations.get('29-1023.00')?.projection?.medianWage).toEqual({
      kind: 'at-least',
      value: 239200,
    });
    // A refinement gets its SOC code's figures.
    expect(data?.occupations.get('11-1011.03')?.wages?.code).toBe('11-1011');
    const titles = readFileSync(join(out, 'onet_titles.tsv'), 'utf8');
    expect(titles).toContain('11-1011.00\tChief Operating Officer (COO)\talternate\tCOO');
    expect(titles).toContain('29-1021.00\tDentist\talternate\t\n');
    expect(titles).toContain('29-1021.00\tFamily Dentist\treported\t');
    expect(readFileSync(join(out, 'ep.tsv'), 'utf8')).toContain(
      '29-1023\tOrthodontists\t5.9\t6.2\t0.3\t4.4\t0.2\t12.0\t\t>=239200\t',
    );
    expect(readFileSync(join(out, 'oews.tsv'), 'utf8').split('\n')[0]).toBe(
      'occ_code\tocc_title\to_group\ttot_emp\ta_mean\ta_pct10\ta_pct25\ta_median\ta_pct75\ta_pct90\th_mean\th_pct10\th_pct25\th_median\th_pct75\th_pct90\tannual_only\thourly_only',
    );
  });

  it('GIVEN a new release over existing files THEN it prints what changed and keeps the folder\u2019s other files', async () => {
    const root = tmp();
    const out = join(root, 'out');
    const first = await release(join(root, 'a'));
    expect(
      (await refreshOpenData({ onetDir: first.onet, oewsFile: first.oews, epFile: first.ep, outDir: out }))
        .ok,
    ).toBe(true);
    writeFileSync(join(out, 'README.md'), '# kept\n');
    const second = await release(join(root, 'b'), 180000);
    const result = await refreshOpenData({
      onetDir: second.onet,
      oewsFile: second.oews,
      epFile: second.ep,
      outDir: out,
    });
    expect(result.ok).toBe(true);
    expect(result.report).toContain('occupations added: 0, removed: 0');
    expect(result.report).toContain('median wages changed: 1');
    expect(result.report).toContain('  29-1021 Dentists, General: median $172,790 -> $180,000');
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('# kept\n');
  });

  it('GIVEN percentiles out of order THEN the problem is named and nothing is written', async () => {
    const root = tmp();
    const out = join(root, 'out');
    const good = await release(join(root, 'a'));
    expect(
      (await refreshOpenData({ onetDir: good.onet, oewsFile: good.oews, epFile: good.ep, outDir: out })).ok,
    ).toBe(true);
    const before = readFileSync(join(out, 'oews.tsv'), 'utf8');
    const bad = await release(join(root, 'b'), 172790, false);
    const result = await refreshOpenData({
      onetDir: bad.onet,
      oewsFile: bad.oews,
      epFile: bad.ep,
      outDir: out,
    });
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain('29-1021: percentiles are not in order');
    expect(readFileSync(join(out, 'oews.tsv'), 'utf8')).toBe(before);
  });

  it('GIVEN a missing O*NET file or a code that is no occupation THEN it says which, and writes nothing', async () => {
    const root = tmp();
    const files = await release(root);
    writeFileSync(
      join(files.onet, 'Related Occupations.txt'),
      tabText([
        ['O*NET-SOC Code', 'Title', 'Related O*NET-SOC Code', 'Related Title', 'Relatedness Tier', 'Index'],
        ['29-1021.00', 'Dentists, General', '99-9999.00', 'Nobody', 'Primary-Short', 1],
      ]),
    );
    const out = join(root, 'out');
    const result = await refreshOpenData({
      onetDir: files.onet,
      oewsFile: files.oews,
      epFile: files.ep,
      outDir: out,
    });
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain('99-9999.00 is not an occupation of Occupation Data');
    expect(existsSync(out)).toBe(false);
  });

  it('reads releases from the official names', () => {
    expect(releaseFromOewsName('/x/national_M2025_dl.xlsx')).toBe('May 2025');
    expect(releaseFromOnetDir('/x/db_30_1_text')).toBe('30.1');
    expect(releaseFromOnetDir('/x/onet')).toBeUndefined();
  });
});
