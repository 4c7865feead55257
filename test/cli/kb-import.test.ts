import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../../src/cli/kb-import.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { createEngine, fixedKnowledge, deriveKnowledge } from '../../src/engine/engine.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import type { KnowledgeBase } from '../../src/knowledge/model.js';
import { renderText } from '../../src/render/text.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const fixture = (name: string): string => join(FIXTURES, name);
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careerbot-import-'));
  temps.push(dir);
  return dir;
}

async function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env };
  const code = await main(args, io);
  return { code, out, err };
}

async function loaded(dir: string): Promise<KnowledgeBase> {
  const result = await loadKnowledgeBase(dir);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.kb;
}

describe('npm run kb:import', () => {
  const dir = tempDir();
  const all = readdirSync(FIXTURES).map(fixture);
  let first: Awaited<ReturnType<typeof run>>;

  it('imports every fixture (text, Markdown, HTML, broken ones) into files that pass the loader and kb:check', async () => {
    first = await run([...all, '--out', dir]);
    expect(first.err).not.toContain('not imported');
    expect(first.code).toBe(0);
    const kb = await loaded(dir);
    expect([...kb.roles.keys()].sort()).toEqual([
      'accountant',
      'barista',
      'bartender',
      'cafe-manager',
      'certified-nursing-assistant',
      'chief-financial-officer',
      'chief-operating-officer',
      'chief-sales-officer',
      'data-analyst',
      'data-engineer',
      'data-scientist',
      'dental-assistant',
      'dental-hygienist',
      'electrician',
      'financial-analyst',
      'head-of-sales',
      'legal-assistant',
      'licensed-practical-nurse',
      'nurse-practitioner',
      'paralegal',
      'physician-assistant',
      'plumber',
      'project-manager',
      'scrum-master',
      'sommelier',
      'teacher',
      'tutor',
      'ui-designer',
      'ux-designer',
      'wine-buyer',
    ]);
    const check = execFileSync(join('node_modules', '.bin', 'tsx'), ['src/cli/kb-check.ts', dir], {
      encoding: 'utf8',
    });
    expect(check).toMatch(/30 roles, 16 comparisons/);
  });

  it('says on stdout what it wrote, and on stderr what it could not place', () => {
    expect(first.out).toContain('barista-vs-cafe-manager.md (Barista vs. Cafe Manager)');
    expect(first.out).toMatch(
      /Chief Sales Officer \[chief-sales-officer, new\] aliases: CSO; salary: \$189,500 per year \(average\)/,
    );
    expect(first.err).toContain('no salary figure found for Tutor');
    expect(first.err).toContain('section "Fun Facts" is not one of the topics');
    expect(first.err).toContain('no "Work Environment" section');
  });

  it('merges a role seen in two articles and reports the salaries that disagree', async () => {
    expect(first.err).toContain(
      'conflict: Barista salary: this article says $28,450 per year (average), articles/barista-vs-bartender.md says $31,200 per year (average); both are kept',
    );
    const kb = await loaded(dir);
    expect(
      kb.roles
        .get('barista')
        ?.salaries.map((s) => s.amount)
        .sort(),
    ).toEqual([28450, 31200]);
    expect(kb.roles.get('bartender')?.salaries[0]).toMatchObject({ amount: 15.5, period: 'hour' });
  });

  it('never overwrites an existing article without --force', async () => {
    const target = join(dir, 'articles', 'barista-vs-cafe-manager.md');
    const before = readFileSync(target, 'utf8');
    const again = await run([fixture('barista-vs-cafe-manager.txt'), '--out', dir]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    expect(again.err).toContain('--force');
    expect(again.out).toBe('');
    expect(readFileSync(target, 'utf8')).toBe(before);

    const forced = await run([fixture('barista-vs-cafe-manager.txt'), '--out', dir, '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('Overwrote');
  });

  it('answers questions about the imported roles through the engine', async () => {
    const engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(await loaded(dir))) });
    const salary = engine.ask('c1', 'data engineer vs data scientist salary');
    expect(salary.query.intent).toBe('compare');
    expect(salary.query.roles).toEqual(['data-engineer', 'data-scientist']);
    const text = renderText(salary.answer);
    expect(text).toContain('$118,000');
    expect(text).toContain('$124,300');

    const cso = engine.ask('c2', 'what does a cso do?');
    expect(cso.query.roles).toEqual(['chief-sales-officer']);
    expect(renderText(cso.answer)).toContain('decides which markets to enter');

    const somm = engine.ask('c3', 'sommelier vs wine buyer pay');
    expect(renderText(somm.answer)).toMatch(/£38,500[\s\S]*£45,200/);

    // Two-letter abbreviations in the plural, as the article writes them.
    const nps = engine.ask('c5', 'how much do NPs make?');
    expect(nps.query.roles).toEqual(['nurse-practitioner']);
    expect(engine.ask('c6', 'do PAs work nights?').query.roles).toEqual(['physician-assistant']);

    // An hourly figure with cents is said as written, and so is the difference.
    const trades = renderText(engine.ask('c4', 'electrician vs plumber salary').answer);
    expect(trades).toContain('$29.50 an hour (median, USD)');
    expect(trades).toContain('The Electrician earns $0.50 more per hour than the Plumber');
  });

  it('writes into KNOWLEDGE_DIR when no --out is given', async () => {
    const other = tempDir();
    const result = await run([fixture('tutor-vs-teacher.txt')], { KNOWLEDGE_DIR: other });
    expect(result.code).toBe(0);
    expect(readdirSync(join(other, 'articles'))).toEqual(['tutor-vs-teacher.md']);
  });
});

describe('importing into the bundled knowledge base', () => {
  it('reuses the known Chief Operating Officer (found by its alias COO) and reports the salary conflict', async () => {
    const dir = tempDir();
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    const result = await run([fixture('coo-vs-cfo.txt'), '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'Chief Operating Officer [chief-operating-officer, merged with the existing role]',
    );
    expect(result.err).toMatch(
      /conflict: Chief Operating Officer salary: this article says \$150,000 per year \(average\), articles\/head-of-operations-vs-chief-operating-officer\.md says \$132,974 per year \(average\)/,
    );
    const kb = await loaded(dir);
    expect(kb.roles.get('chief-operating-officer')?.comparisons).toHaveLength(2);
    expect(kb.roles.get('chief-financial-officer')?.aliases).toContain('CFO');
  });

  it('GIVEN a knowledge directory with the open data and no articles yet THEN the first article\'s roles are linked to their occupations, "Licensed Practical Nurse (LPN)" included', async () => {
    const dir = tempDir();
    cpSync(join(DEFAULT_KNOWLEDGE_DIR, 'open-data'), join(dir, 'open-data'), { recursive: true });
    const article = join(dir, 'lpn-vs-hr.txt');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      article,
      [
        'Licensed Practical Nurse vs. HR Manager: What Are the Differences?',
        '',
        'What is a Licensed Practical Nurse?',
        'A licensed practical nurse gives basic nursing care.',
        '',
        'What is an HR Manager?',
        'An HR manager runs the human resources team.',
        '',
      ].join('\n'),
    );
    const result = await run([article, '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.err).toContain('linked: Licensed Practical Nurse: soc 29-2061.00');
    expect(result.err).toContain('linked: HR Manager: soc 11-3121.00');
    expect((await loaded(dir)).roles.get('licensed-practical-nurse')?.soc).toBe('29-2061.00');
  });

  it('refuses to merge into a knowledge base that does not load, and writes nothing', async () => {
    const dir = tempDir();
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
    const broken = join(dir, 'articles', 'head-of-operations-vs-chief-operating-officer.md');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('amount: 111025', 'amount: "$111,025"'));
    const result = await run([fixture('coo-vs-cfo.txt'), '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('has problems');
    expect(readdirSync(join(dir, 'articles'))).toHaveLength(2);
  });
});
