import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import {
  formatProblem,
  loadKnowledgeBase,
  MAX_FILE_BYTES,
  type LoadResult,
} from '../../src/knowledge/load.js';
import {
  findComparison,
  listRoles,
  roleFacts,
  roleLadder,
  roleSalaries,
  type KnowledgeBase,
} from '../../src/knowledge/model.js';
import { nameKey } from '../../src/knowledge/names.js';
import { parseArticle } from '../../src/knowledge/article.js';
import { topicVocabulary } from '../../src/knowledge/build.js';

const fixture = (name: string): string => join(import.meta.dirname, '..', 'fixtures', 'knowledge', name);

function loaded(result: LoadResult): KnowledgeBase {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.kb;
}

/** The problems of a load that must fail, formatted as kb:check prints them. */
async function problemsOf(dir: string): Promise<string[]> {
  const result = await loadKnowledgeBase(dir);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('the bundled knowledge base', async () => {
  const kb = loaded(await loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR));

  it('holds the four curated roles and the two comparisons', () => {
    const curated = [...kb.roles.values()].filter((r) => r.origin !== 'open-data');
    expect(curated.map((r) => r.id).sort()).toEqual([
      'chief-operating-officer',
      'head-of-operations',
      'operations-coordinator',
      'operations-manager',
    ]);
    expect(kb.comparisons.map((c) => c.id).sort()).toEqual([
      'head-of-operations-vs-chief-operating-officer',
      'operations-coordinator-vs-operations-manager',
    ]);
    expect(
      listRoles(kb)
        .filter((r) => r.origin !== 'open-data')
        .map((r) => r.title),
    ).toEqual([
      'Chief Operating Officer',
      'Head of Operations',
      'Operations Coordinator',
      'Operations Manager',
    ]);
  });

  it('gives each role its average yearly salary in USD, from its source', () => {
    const salary = (id: string) => roleSalaries(kb, id).map((s) => [s.amount, s.currency, s.period, s.kind]);
    expect(salary('head-of-operations')).toEqual([[111025, 'USD', 'year', 'average']]);
    expect(salary('chief-operating-officer')).toEqual([[132974, 'USD', 'year', 'average']]);
    expect(salary('operations-coordinator')).toEqual([[55558, 'USD', 'year', 'average']]);
    expect(salary('operations-manager')).toEqual([[75844, 'USD', 'year', 'average']]);
    expect(roleSalaries(kb, 'operations-manager')[0]?.source.title).toBe(
      'Operations Coordinator vs. Operations Manager: What Are the Differences?',
    );
    expect(kb.conflicts).toEqual([]);
  });

  it('has facts on all six topics for every curated role, and differences for every topic', () => {
    for (const role of kb.roles.values()) {
      if (role.origin === 'open-data') continue;
      for (const topic of ['overview', 'duties', 'requirements', 'environment', 'skills', 'salary']) {
        expect(roleFacts(kb, role.id, topic).length, `${role.id} ${topic}`).toBeGreaterThan(0);
      }
      expect(roleFacts(kb, role.id, 'overview')[0]?.text).toBe(role.summary);
    }
    for (const comparison of kb.comparisons) {
      expect(Object.keys(comparison.differences).sort()).toEqual([
        'duties',
        'environment',
        'overview',
        'requirements',
        'salary',
        'skills',
      ]);
    }
    expect(roleFacts(kb, 'operations-manager', 'environment')[0]?.text).toMatch(/hazards/);
    expect(roleFacts(kb, 'nobody', 'duties')).toEqual([]);
  });

  it('links the career ladder to known roles and keeps other steps as the source states them', () => {
    const coordinator = roleLadder(kb, 'operations-coordinator');
    expect(coordinator?.reportsTo.map((l) => l.roleId)).toEqual(['operations-manager']);
    expect(coordinator?.comesFrom.map((l) => [l.title, l.roleId])).toEqual([['customer service', undefined]]);
    const coo = roleLadder(kb, 'chief-operating-officer');
    expect(coo?.reportsTo.map((l) => l.title)).toEqual(['Chief Executive Officer']);
    expect(coo?.stepTowards.map((l) => l.title)).toEqual(['Chief Executive Officer']);
    expect(roleLadder(kb, 'operations-manager')?.comesFrom.map((l) => l.title)).toEqual([
      'project manager',
      'supervisor',
    ]);
    // Working closely with the CEO is not a reporting line.
    expect(roleLadder(kb, 'head-of-operations')?.reportsTo).toEqual([]);
  });

  it('makes the aliases people use reachable, each naming one role', () => {
    const owner = new Map<string, string>();
    for (const role of kb.roles.values())
      for (const alias of role.aliases) owner.set(nameKey(alias), role.id);
    expect(owner.get(nameKey('COO'))).toBe('chief-operating-officer');
    expect(owner.get(nameKey('C.O.O.'))).toBe('chief-operating-officer');
    expect(owner.get(nameKey('chief operations officer'))).toBe('chief-operating-officer');
    expect(owner.get(nameKey('head of ops'))).toBe('head-of-operations');
    expect(owner.get(nameKey('operations head'))).toBe('head-of-operations');
    expect(owner.get(nameKey('ops manager'))).toBe('operations-manager');
    expect(owner.get(nameKey('ops coordinator'))).toBe('operations-coordinator');
    expect(owner.get(nameKey('operations co-ordinator'))).toBe('operations-coordinator');
    for (const wrong of ['director of operations', 'ceo', 'project manager'])
      expect(owner.has(nameKey(wrong))).toBe(false);
  });

  it('finds a comparison from its two roles in either order', () => {
    expect(findComparison(kb, 'operations-manager', 'operations-coordinator')?.id).toBe(
      'operations-coordinator-vs-operations-manager',
    );
    expect(findComparison(kb, 'head-of-operations', 'chief-operating-officer')?.source.title).toMatch(/COO/);
    expect(findComparison(kb, 'head-of-operations', 'operations-manager')).toBeUndefined();
  });

  it('offers the six core topics with their words, then outlook and related occupations', () => {
    expect(kb.topics.map((t) => t.id)).toEqual([
      'overview',
      'duties',
      'requirements',
      'environment',
      'skills',
      'salary',
      'outlook',
      'related',
    ]);
    const salary = kb.topics.find((t) => t.id === 'salary');
    expect(salary?.words).toEqual(expect.arrayContaining(['pay', 'earn', 'compensation', 'who earns more']));
  });
});

describe('a role in several articles', () => {
  it('is one role with merged facts, salaries kept per source and the difference reported', async () => {
    const result = await loadKnowledgeBase(fixture('merge'));
    const kb = loaded(result);
    const manager = kb.roles.get('operations-manager');
    expect(manager?.comparisons).toHaveLength(2);
    expect(roleFacts(kb, 'operations-manager', 'overview').map((f) => f.source.title)).toEqual([
      'Test source A',
      'Test source B',
    ]);
    expect(roleSalaries(kb, 'operations-manager').map((s) => [s.amount, s.source.title])).toEqual([
      [75844, 'Test source A'],
      [80000, 'Test source B'],
    ]);
    expect(kb.conflicts).toEqual([
      expect.objectContaining({ roleId: 'operations-manager', field: 'salary' }),
    ]);
    expect(result.ok && result.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^articles\/operations-manager-vs-warehouse-lead\.md:12 roles\[0\]\.salary\.amount: .*80,000.*75,844/,
      ),
    ]);
    // "Ops Manager" in a ladder is an alias of a known role, so it links to it.
    expect(roleLadder(kb, 'warehouse-lead')?.reportsTo.map((l) => l.roleId)).toEqual(['operations-manager']);
    expect(roleLadder(kb, 'warehouse-lead')?.comesFrom.map((l) => l.roleId)).toEqual([undefined]);
  });
});

describe('content the loader refuses', () => {
  it('GIVEN a role without a summary and a source without a title THEN names the file, line and field', async () => {
    expect(await problemsOf(fixture('missing-field'))).toEqual([
      'articles/operations-manager-vs-plant-supervisor.md:3 source.title: missing: expected the source article title (text)',
      'articles/operations-manager-vs-plant-supervisor.md:15 roles[1].summary: missing: expected a one- or two-sentence summary (text)',
    ]);
  });

  it('GIVEN a misspelled topic heading THEN names it and suggests the topic', async () => {
    expect(await problemsOf(fixture('unknown-topic'))).toEqual([
      'articles/operations-manager-vs-plant-supervisor.md:29 ## Sallary: unknown topic "Sallary" (did you mean "Salary"?)',
    ]);
  });

  it('GIVEN salaries written as text or below zero THEN asks for a plain positive number', async () => {
    const problems = await problemsOf(fixture('bad-salary'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^articles\/operations-manager-vs-plant-supervisor\.md:12 roles\[0\]\.salary\.amount: expected a plain positive number/,
    );
    expect(problems[1]).toMatch(
      /^articles\/operations-manager-vs-plant-supervisor\.md:21 roles\[1\]\.salary\.amount: expected a positive amount/,
    );
  });

  it('GIVEN one role id with two titles in two files THEN names both places', async () => {
    expect(await problemsOf(fixture('title-clash'))).toEqual([
      expect.stringMatching(
        /^articles\/operations-manager-vs-warehouse-lead\.md:8 roles\[0\]\.title: role "operations-manager" is titled "Operations Supervisor" here but "Operations Manager" in articles\/operations-manager-vs-plant-supervisor\.md:8/,
      ),
    ]);
  });

  it('GIVEN an alias claimed by two roles, spelled differently THEN reports the clash', async () => {
    expect(await problemsOf(fixture('alias-clash'))).toEqual([
      expect.stringMatching(
        /^articles\/operations-manager-vs-plant-supervisor\.md:18 roles\[1\]\.aliases\[0\]: alias "Ops-Manager" of role "plant-supervisor" is already claimed by role "operations-manager"/,
      ),
    ]);
  });

  it('GIVEN __proto__ and constructor keys THEN refuses them by name and line', async () => {
    expect(await problemsOf(fixture('proto-key'))).toEqual([
      'articles/operations-manager-vs-plant-supervisor.md:5 constructor: "constructor" is not allowed as a key (remove this key)',
      'articles/operations-manager-vs-plant-supervisor.md:11 __proto__: "__proto__" is not allowed as a key (remove this key)',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('GIVEN JavaScript or TOML front matter THEN refuses it without running anything', async () => {
    const problems = await problemsOf(fixture('not-yaml'));
    expect(problems).toEqual([
      expect.stringMatching(
        /^articles\/operations-manager-vs-plant-supervisor\.md:1 \(front matter\): front matter in "js" is not supported/,
      ),
      expect.stringMatching(/^articles\/toml-front-matter\.md:1 \(front matter\): TOML front matter/),
    ]);
    expect((globalThis as Record<string, unknown>)['__kbFixtureRan']).toBeUndefined();
    expect(existsSync('/tmp/kb-fixture-ran')).toBe(false);
  });

  it('GIVEN YAML anchors and aliases (an alias bomb) THEN refuses them without expanding', async () => {
    const problems = await problemsOf(fixture('yaml-alias'));
    expect(problems).toEqual([
      'articles/operations-manager-vs-plant-supervisor.md:6 &a: YAML anchors are not allowed (remove the &name and write values out in full)',
      'articles/operations-manager-vs-plant-supervisor.md:7 &b: YAML anchors are not allowed (remove the &name and write values out in full)',
      'articles/operations-manager-vs-plant-supervisor.md:7 *a: YAML aliases are not allowed (write the value out in full)',
    ]);
  });

  it('GIVEN a file over 256 KiB THEN refuses it before parsing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-large-'));
    try {
      await mkdir(join(dir, 'articles'));
      await writeFile(join(dir, 'articles', 'huge.md'), `---\ntitle: x\n---\n${'a'.repeat(MAX_FILE_BYTES)}`);
      expect(await problemsOf(dir)).toEqual([
        'articles/huge.md is 257 KiB; knowledge files may be at most 256 KiB (split it into several articles)',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('GIVEN a misspelled key in topics.yaml THEN names the file, field and the right spelling', async () => {
    expect(await problemsOf(fixture('bad-topics'))).toEqual([
      'topics.yaml:7 topics[1].wrods: unknown field (did you mean "words"?)',
    ]);
  });

  it('GIVEN several bad files THEN reports the problems of every one of them', async () => {
    const problems = await problemsOf(fixture('several-problems'));
    expect(problems).toEqual([
      expect.stringMatching(
        /^articles\/operations-manager-vs-plant-supervisor\.md:29 ## Dutys: unknown topic "Dutys" \(did you mean "Duties"\?\)/,
      ),
      expect.stringMatching(
        /^articles\/operations-manager-vs-warehouse-lead\.md:21 roles\[1\]\.salary\.amount: expected a positive amount/,
      ),
    ]);
  });

  it('GIVEN a directory without articles THEN says where they should be, without throwing', async () => {
    const problems = await problemsOf(join(tmpdir(), 'kb-does-not-exist'));
    expect(problems).toEqual([expect.stringMatching(/^articles\/ folder not found/)]);
  });
});

describe('parseArticle (one file, no disk)', () => {
  const vocabulary = topicVocabulary([
    { id: 'duties', name: 'Duties', words: ['tasks'] },
    { id: 'salary', name: 'Salary', words: ['pay'] },
    { id: 'environment', name: 'Work environment', words: [] },
  ]);
  const front = [
    '---',
    'title: A vs. B',
    'source: { title: "Made up" }',
    'roles:',
    '  - { id: chief-operating-officer, title: Chief Operating Officer, aliases: [coo], summary: Runs things. }',
    '  - { id: head-of-operations, title: Head of Operations, summary: Also runs things. }',
    '---',
  ];

  it('reads role headings by alias and topic headings by any word of the topic', () => {
    const text = [
      ...front,
      '# COO',
      '## Pay',
      'Well paid.',
      '',
      '# head-of-operations',
      '## tasks',
      'Many',
      'tasks.',
    ].join('\n');
    const result = parseArticle(
      text,
      'articles/chief-operating-officer-vs-head-of-operations.md',
      vocabulary,
    );
    expect(result.problems).toEqual([]);
    expect(result.article?.roles[0].sections.find((s) => s.topic === 'salary')?.text).toBe('Well paid.');
    expect(result.article?.roles[1].sections).toMatchObject([{ topic: 'duties', text: 'Many tasks.' }]);
  });

  it('suggests the topic name for a misspelled word and refuses text outside a section', () => {
    const text = [...front, 'Stray text.', '# COO', '## Enviroment', 'Office.'].join('\n');
    const problems = parseArticle(text, 'a.md', vocabulary).problems.map(formatProblem);
    expect(problems).toEqual([
      'a.md:8 body: text outside a "## topic" section is not shown anywhere (put it under a ## heading such as ## Duties, or remove it)',
      'a.md:10 ## Enviroment: unknown topic "Enviroment" (did you mean "Work environment"?)',
    ]);
  });

  it('never throws, whatever the text', () => {
    const line = fc.oneof(
      fc.constantFrom(
        '---',
        '---js',
        '+++',
        'title: x',
        'roles:',
        '  - id: a',
        '    title: A',
        '    summary: s',
        '  - {}',
        'source: {title: t}',
        'x: &a [1]',
        'y: *a',
        '__proto__: 1',
        '"',
        "'",
        '[',
        '# A',
        '## Pay',
        '## ',
        '# ',
        '```',
        '',
        '    salary: {amount: -1}',
        '    aliases: [a, a]',
        '\t- x',
        'a: |',
        '  b',
        'a: >-',
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const result = parseArticle(lines.join('\n'), 'f.md', vocabulary);
        expect(Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
