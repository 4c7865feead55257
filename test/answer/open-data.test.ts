import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnswer } from '../../src/answer/answer.js';
import { figuresCover, figuresOf, occupationCovers } from '../../src/answer/open-data.js';
import { buildAnswerContext, type AnswerContext } from '../../src/answer/context.js';
import type { Answer } from '../../src/answer/model.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { messages } from '../../src/messages.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import type { QueryDraft } from '../../src/understand/query.js';
import { articlesOnlyCopy } from '../../src/cli/eval-run.js';
import { bundledKb, query } from './fixtures.js';

/** Answers from the bundled open data (knowledge/open-data/), every figure checked against its TSV. */

const DENTISTS = 'dentists-general';
const ORTHODONTISTS = 'orthodontists';
const ACTUARIES = 'actuaries';
const FIN_MANAGERS = 'financial-managers';
const VETS = 'veterinarians';
const COO = 'chief-operating-officer';
const HOO = 'head-of-operations';
const COORD = 'operations-coordinator';
const MGR = 'operations-manager';
const OEWS = 'BLS Occupational Employment and Wage Statistics, May 2024';
const EP = 'BLS Employment Projections 2024-34';
const ONET = 'O*NET 29.3 (USDOL/ETA, CC BY 4.0)';

/** One row of a bundled TSV by its first cell, as column -> cell. */
function tsvRow(
  file: string,
  key: string,
  where: (row: Record<string, string>) => boolean = () => true,
): Record<string, string> {
  const [header, ...lines] = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'open-data', file), 'utf8')
    .trimEnd()
    .split('\n');
  const names = (header ?? '').split('\t');
  for (const line of lines) {
    const cells = line.split('\t');
    if (cells[0] !== key) continue;
    const row = Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
    if (where(row)) return row;
  }
  throw new Error(`${file}: no row ${key}`);
}
const dollars = (cell: string): string => `$${Number(cell).toLocaleString('en-US')}`;

function expectKind<K extends Answer['kind']>(answer: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(answer.kind).toBe(kind);
  return answer as Extract<Answer, { kind: K }>;
}

let kb: KnowledgeBase;
let context: AnswerContext;
const ask = (draft: QueryDraft): Answer => buildAnswer(query(draft), context);
beforeAll(async () => {
  kb = await bundledKb();
  context = buildAnswerContext(kb);
});

describe('occupation salary', () => {
  it('GIVEN dentists, general THEN the median $172,790 with its basis, the middle half, the 10th and 90th, and BLS and O*NET as sources', () => {
    const row = tsvRow('oews.tsv', '29-1021');
    expect(row.a_median).toBe('172790');
    const answer = expectKind(ask({ intent: 'role', roles: [DENTISTS], topics: ['salary'] }), 'role');
    expect(answer.role).toEqual({ id: DENTISTS, title: 'Dentists, General', soc: '29-1021.00' });
    const text = renderText(answer);
    expect(text).toContain(`Median: $172,790 a year (BLS, May 2024, US, all industries, employees only)`);
    expect(text).toContain(
      `Middle half (25th to 75th percentile): ${dollars(row.a_pct25 ?? '')} to ${dollars(row.a_pct75 ?? '')}`,
    );
    expect(text).toContain(`10th to 90th percentile: ${dollars(row.a_pct10 ?? '')} to $239,200 or more`);
    expect(answer.sources.map((s) => s.title)).toEqual([OEWS, ONET]);
    // The O*NET occupation is the BLS one: no "BLS figures for" line needed.
    expect(text).not.toContain('BLS figures for');
  });

  it('GIVEN hourly pay asked THEN the hourly median, two decimals', () => {
    const row = tsvRow('oews.tsv', '29-1021');
    const text = renderText(ask({ intent: 'role', roles: [DENTISTS], topics: ['salary'], hourly: true }));
    expect(text).toContain(`Median: $${row.h_median} an hour`);
    expect(text).not.toContain('a year (BLS');
  });

  it('GIVEN orthodontists THEN "$239,200 or more", never an exact median', () => {
    expect(tsvRow('oews.tsv', '29-1023').a_median).toBe('#');
    const text = renderText(ask({ intent: 'role', roles: [ORTHODONTISTS], topics: ['salary'] }));
    expect(text).toContain('Median: $239,200 or more a year');
    expect(text).not.toMatch(/Median: \$239,200 a year/);
  });

  it('GIVEN orthodontists vs dentists THEN no difference is worked out against a top-coded median', () => {
    const answer = expectKind(
      ask({ intent: 'compare', roles: [ORTHODONTISTS, DENTISTS], topics: ['salary'] }),
      'compare',
    );
    expect(answer.medians?.difference).toBeUndefined();
    expect(renderText(answer)).toContain(messages.medianTopCoded(['Orthodontists']));
  });

  it('GIVEN an occupation O*NET refines (11-1011.03) THEN the answer names the BLS occupation the figures describe', () => {
    const text = renderText(
      ask({ intent: 'role', roles: ['chief-sustainability-officers'], topics: ['salary'] }),
    );
    expect(text).toContain('BLS figures for Chief Executives (SOC 11-1011):');
    expect(text).toContain('Median: $206,420 a year');
  });

  it('GIVEN an occupation BLS publishes a broad group for THEN the group is named', () => {
    const text = renderText(ask({ intent: 'role', roles: ['personal-care-aides'], topics: ['salary'] }));
    expect(text).toContain(`BLS figures for ${tsvRow('oews.tsv', '31-1120').occ_title} (SOC 31-1120):`);
  });

  it('GIVEN an occupation without BLS wages (military) THEN it says so and shows no figure', () => {
    const text = renderText(ask({ intent: 'role', roles: ['infantry'], topics: ['salary'] }));
    expect(text).not.toContain('$');
    expect(text).toMatch(/no wage figures|nothing on salary/i);
  });
});

describe('comparisons', () => {
  it('GIVEN actuaries vs financial managers THEN $125,770 vs $161,700 and the difference of medians, $35,930', () => {
    expect(tsvRow('oews.tsv', '15-2011').a_median).toBe('125770');
    expect(tsvRow('oews.tsv', '11-3031').a_median).toBe('161700');
    const answer = expectKind(
      ask({ intent: 'compare', roles: [ACTUARIES, FIN_MANAGERS], topics: ['salary'] }),
      'compare',
    );
    expect(answer.medians?.higher?.id).toBe(FIN_MANAGERS);
    expect(answer.medians?.lower?.id).toBe(ACTUARIES);
    expect(answer.medians?.difference).toBe(161700 - 125770);
    expect(answer.medians?.percent).toBe(28.6);
    const text = renderText(answer);
    for (const s of ['$125,770', '$161,700', '$35,930', '28.6%', 'BLS medians, May 2024'])
      expect(text).toContain(s);
  });

  it('GIVEN the COO (linked to 11-1011.00) THEN the article average and the BLS median, each with its source, and no difference between them', () => {
    const answer = expectKind(ask({ intent: 'role', roles: [COO], topics: ['salary'] }), 'role');
    expect(answer.role.soc).toBe('11-1011.00');
    const text = renderText(answer);
    expect(text).toContain('$132,974 a year (average, USD)');
    expect(text).toContain('BLS figures for Chief Executives (SOC 11-1011):');
    expect(text).toContain('Median: $206,420 a year');
    expect(text).not.toContain(`$${(206420 - 132974).toLocaleString('en-US')}`);
    expect(answer.sources.map((s) => s.title)).toEqual([
      'Head of Operations vs. COO: What Are the Differences?',
      OEWS,
      ONET,
    ]);
  });

  it('GIVEN a curated role with an article average vs an occupation with a BLS median THEN side by side, no difference', () => {
    const answer = expectKind(
      ask({ intent: 'compare', roles: [HOO, DENTISTS], topics: ['salary'] }),
      'compare',
    );
    expect(answer.salary?.difference).toBeUndefined();
    expect(answer.medians?.difference).toBeUndefined();
    const text = renderText(answer);
    expect(text).toContain('$111,025');
    expect(text).toContain('$172,790');
    expect(text).toContain(messages.salaryDifferentMeasures(['Head of Operations']));
  });

  it('GIVEN COO vs head of ops THEN the article difference as before, and the COO\u2019s BLS median beside it', () => {
    const answer = expectKind(ask({ intent: 'compare', roles: [COO, HOO], topics: ['salary'] }), 'compare');
    expect(answer.salary?.difference).toBe(21949);
    expect(answer.medians?.figures.map((f) => f.role.id)).toEqual([COO]);
    expect(answer.medians?.difference).toBeUndefined();
  });

  it('GIVEN chief executives vs the COO (linked to the same BLS occupation) THEN one shared median, said so, and no difference', () => {
    const answer = ask({ intent: 'compare', roles: ['chief-executives', COO], topics: ['salary'] });
    const text = renderText(answer);
    expect(text).toContain(dollars(tsvRow('oews.tsv', '11-1011').a_median ?? ''));
    expect(text).toContain(
      'Chief Executives and Chief Operating Officer share one BLS occupation, Chief Executives (SOC 11-1011)',
    );
    expect(text).not.toMatch(/more than that of/u);
  });
});

describe('requirements, outlook, related', () => {
  it('GIVEN veterinarians THEN a doctoral or professional degree, experience, training and the job zone', () => {
    const row = tsvRow('ep.tsv', '29-1131');
    expect(row.typical_education_entry).toBe('Doctoral or professional degree');
    const answer = ask({ intent: 'role', roles: [VETS], topics: ['requirements'] });
    const text = renderText(answer);
    expect(text).toContain('Typical education for entry: Doctoral or professional degree');
    expect(text).toContain(
      `Work experience in a related occupation: ${row.work_experience_related_occupation}`,
    );
    expect(text).toContain(`Typical on-the-job training: ${row.typical_on_the_job_training}`);
    expect(text).toContain(`O*NET job zone ${tsvRow('onet_job_zones.tsv', '29-1131.00').job_zone} of 5`);
    expect(answer.kind === 'role' && answer.sources.map((s) => s.title)).toEqual([EP, ONET]);
  });

  it('GIVEN dentists and outlook THEN employment 2024 and 2034, the change beside all occupations (+3.1%), and yearly openings', () => {
    const row = tsvRow('ep.tsv', '29-1021');
    const text = renderText(ask({ intent: 'role', roles: [DENTISTS], topics: ['outlook'] }));
    const people = (thousands: string): string =>
      Math.round(Number(thousands) * 1000).toLocaleString('en-US');
    expect(text).toContain(
      `Employment: ${people(row.emp_2024_thousands ?? '')} in 2024, projected ${people(row.emp_2034_thousands ?? '')} in 2034`,
    );
    expect(text).toContain(`Change: +${row.emp_change_pct}% (all occupations: +3.1%)`);
    expect(text).toContain(
      `About ${people(row.openings_annual_avg_thousands ?? '')} openings a year on average, 2024\u201334`,
    );
  });

  it('GIVEN dentists and related THEN O*NET related occupations, most related first', () => {
    const first = tsvRow('onet_related.tsv', '29-1021.00', (r) => r.index === '1').related_code;
    const answer = expectKind(ask({ intent: 'role', roles: [DENTISTS], topics: ['related'] }), 'role');
    const related = answer.blocks[0]?.perRole[0]?.figures?.related ?? [];
    expect(related[0]?.soc).toBe(first);
    expect(related.map((r) => r.title)).toContain('Orthodontists');
    expect(related.length).toBeLessThanOrEqual(10);
    expect(renderText(answer)).toContain('- Orthodontists');
  });

  it('GIVEN duties of an occupation THEN said to be missing, with the topics that are known instead', () => {
    const answer = expectKind(ask({ intent: 'role', roles: [DENTISTS], topics: ['duties'] }), 'role');
    const block = answer.blocks[0];
    expect(block?.missing?.roles.map((r) => r.id)).toEqual([DENTISTS]);
    expect(block?.missing?.instead.map((t) => t.id)).toEqual(
      expect.arrayContaining(['salary', 'requirements', 'outlook', 'related']),
    );
    const text = renderText(answer);
    expect(text).toContain('Nothing on duties for Dentists, General');
    expect(text).not.toContain('$');
    expect(answer.sources.map((s) => s.title)).toEqual([ONET]);
  });
});

describe('rankings', () => {
  it('GIVEN rank all on salary THEN a bounded list, highest median first, roles in ranked order, sections [salary]', () => {
    const q = query({ intent: 'compare', rank: 'all', topics: ['salary'] });
    const answer = expectKind(buildAnswer(q, context), 'compare');
    const ranking = answer.ranking;
    expect(ranking?.by).toBe('median');
    expect(ranking?.total).toBeGreaterThan(700);
    expect((ranking?.top.length ?? 0) + (ranking?.bottom.length ?? 0)).toBe(10);
    expect(answer.roles.map((r) => r.id)).toEqual(
      [...(ranking?.top ?? []), ...(ranking?.bottom ?? [])].map((e) => e.role.id),
    );
    const json = renderJson({ query: q, answer });
    expect(json.intent).toBe('compare');
    expect(json.sections).toEqual(['salary']);
    expect(json.roles.map((r) => r.id)).toEqual(answer.roles.map((r) => r.id));
    const text = renderText(answer);
    expect(text.split('\n').length).toBeLessThan(30);
    expect(text).toContain('1. ');
    expect(text).toContain('$239,200 or more');
    expect(text).toMatch(/more \u2026/);
  });

  it('GIVEN rank listed THEN exactly those roles, by median, with gaps between like figures', () => {
    const answer = expectKind(
      ask({
        intent: 'compare',
        rank: 'listed',
        roles: [ACTUARIES, DENTISTS, FIN_MANAGERS],
        topics: ['salary'],
      }),
      'compare',
    );
    expect(answer.roles.map((r) => r.id)).toEqual([DENTISTS, FIN_MANAGERS, ACTUARIES]);
    expect(answer.ranking?.top.map((e) => e.gapToNext)).toEqual([
      172790 - 161700,
      161700 - 125770,
      undefined,
    ]);
    expect(answer.ranking?.spread?.difference).toBe(172790 - 125770);
    expect(renderText(answer)).toContain('1. Dentists, General: $172,790 ($11,090 more than the next)');
  });

  it('GIVEN rank listed over curated roles THEN by the articles\u2019 salaries, as before', () => {
    const answer = expectKind(
      ask({ intent: 'compare', rank: 'listed', roles: [COORD, COO, MGR], topics: ['salary'] }),
      'compare',
    );
    expect(answer.ranking?.by).toBe('salary');
    expect(answer.roles.map((r) => r.id)).toEqual([COO, MGR, COORD]);
  });

  it('GIVEN rank all on outlook THEN fastest projected growth first', () => {
    const answer = expectKind(ask({ intent: 'compare', rank: 'all', topics: ['outlook'] }), 'compare');
    const values =
      answer.ranking?.top.map((e) => (e.value?.kind === 'change' ? e.value.percent : Number.NaN)) ?? [];
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(answer.ranking?.by).toBe('change');
  });
});

describe('moves, places, help, JSON', () => {
  it('GIVEN a move with the salary topic THEN the salary difference beside what the ladder says', () => {
    const answer = expectKind(
      ask({ intent: 'compare', roles: [COORD, MGR], topics: ['salary'], ladder: 'path' }),
      'ladder',
    );
    expect(answer.steps.length).toBeGreaterThan(0);
    expect(answer.salary?.difference).toBe(75844 - 55558);
    const text = renderText(answer);
    expect(text).toContain('From Operations Coordinator to Operations Manager');
    expect(text).toContain('$20,286');
  });

  it('GIVEN a place THEN the answer says its figures are US national', () => {
    const answer = ask({ intent: 'role', roles: [DENTISTS], topics: ['salary'], place: 'Texas' });
    expect(renderText(answer)).toContain(messages.placeNational('"Texas"'));
  });

  it('GIVEN help THEN the full credit lines (BLS and O*NET under CC BY 4.0)', () => {
    const text = renderText(ask({ intent: 'help' }));
    expect(text).toContain('U.S. Bureau of Labor Statistics');
    expect(text).toContain('Used under the CC BY 4.0 license');
    expect(text).toContain('1,016 occupations');
  });

  it('GIVEN an out-of-scope request THEN a short refusal and what the bot can do', () => {
    const text = renderText(ask({ intent: 'help', outOfScope: true }));
    expect(text.startsWith(messages.outOfScope)).toBe(true);
    expect(text.split('\n').length).toBeLessThanOrEqual(3);
  });

  it('GIVEN --json THEN occupations and linked roles carry soc, unlinked ones do not', () => {
    const q = query({ intent: 'compare', roles: [COO, HOO, DENTISTS], topics: ['salary'] });
    const json = renderJson({ query: q, answer: buildAnswer(q, context) });
    expect(json.roles).toEqual([
      { id: COO, title: 'Chief Operating Officer', soc: '11-1011.00' },
      { id: HOO, title: 'Head of Operations' },
      { id: DENTISTS, title: 'Dentists, General', soc: '29-1021.00' },
    ]);
  });

  it('GIVEN "engineer", a title of many occupations THEN the clarify answer offers them, bounded', () => {
    const engineers = [...kb.roles.values()].filter((r) =>
      r.alternateTitles?.some((t) => t.toLowerCase() === 'engineer'),
    );
    expect(engineers.length).toBeGreaterThan(5);
    const answer = expectKind(
      ask({ intent: 'clarify', candidates: engineers.slice(0, 8).map((r) => r.id) }),
      'clarify',
    );
    expect(answer.candidates).toHaveLength(8);
    expect(answer.candidates.every((c) => c.soc !== undefined)).toBe(true);
  });

  it('GIVEN an unknown word THEN no figure at all', () => {
    const answer = ask({ intent: 'unknown', unknownRoles: ['flibbertigibbet'] });
    const text = renderText(answer);
    expect(text).not.toMatch(/\$\d/);
    expect(text).not.toContain('Median');
  });
});

describe('a knowledge directory without open-data/', () => {
  it('answers from the articles only: no soc, no BLS figures, no open-data topics', async () => {
    const copy = await articlesOnlyCopy('knowledge');
    const result = await loadKnowledgeBase(copy.dir);
    await copy.dispose();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kb.openData).toBeUndefined();
    expect(result.kb.roles.size).toBe(4);
    const only = buildAnswerContext(result.kb);
    const q = query({ intent: 'compare', roles: [COO, HOO], topics: ['salary'] });
    const answer = expectKind(buildAnswer(q, only), 'compare');
    expect(answer.roles).toEqual([
      { id: COO, title: 'Chief Operating Officer' },
      { id: HOO, title: 'Head of Operations' },
    ]);
    expect(answer.medians).toBeUndefined();
    expect(answer.sources.map((s) => s.title)).toEqual([
      'Head of Operations vs. COO: What Are the Differences?',
    ]);
    const help = expectKind(buildAnswer(query({ intent: 'help' }), only), 'help');
    expect(help.topics.map((t) => t.id)).toEqual([
      'overview',
      'duties',
      'requirements',
      'environment',
      'skills',
      'salary',
    ]);
    expect(help.credits).toBeUndefined();
  });
});

describe('which topics an occupation covers', () => {
  it('GIVEN every role of the bundled base and every topic THEN the topics offered next are exactly those its figures cover', () => {
    let covered = 0;
    for (const role of kb.roles.values()) {
      for (const topic of kb.topics) {
        const expected = figuresCover(figuresOf(role, kb, false), topic.id);
        expect(occupationCovers(role, kb, topic.id), `${role.id} / ${topic.id}`).toBe(expected);
        if (expected) covered += 1;
      }
    }
    // Every occupation covers its overview at least; most cover pay, requirements and related jobs.
    expect(covered).toBeGreaterThan(3 * 1_000);
  });
});
