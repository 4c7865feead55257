import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, main } from '../../src/cli/kb-gaps.js';
import { createGapRecorder } from '../../src/gaps/recorder.js';
import { openStore } from '../../src/store/database.js';
import { feedbackStore } from '../../src/store/feedback.js';
import { memoryLogger, query, tempDatabase, unknown } from '../gaps/helpers.js';

async function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), env };
  return { code: await main(args, io), out, err };
}

function recordMix(file: string): void {
  const record = createGapRecorder({ databaseFile: file, enabled: true }, memoryLogger().logger);
  for (let i = 0; i < 5; i++)
    record('data engineer salary?', unknown(i % 2 === 0 ? 'Data Engineer' : 'data engineer', ['salary']));
  record('what skills does a data engineer need', unknown('DATA ENGINEER', ['skills']));
  for (let i = 0; i < 3; i++) record('florist duties', unknown('florist', ['duties']));
  record('what is a zookeeper', unknown('zookeeper'));
  record(
    'ops pay',
    query({
      intent: 'clarify',
      candidates: ['operations-manager', 'operations-coordinator'],
      topics: ['salary'],
    }),
  );
  record('asdf qwerty', query({ intent: 'unknown' }));
  record(
    'coo vs head of ops',
    query({ intent: 'compare', roles: ['chief-operating-officer', 'head-of-operations'] }),
  );
}

describe('npm run kb:gaps', () => {
  it('ranks the most-asked missing roles first, grouped regardless of case', async () => {
    const file = tempDatabase();
    recordMix(file);
    const { code, out } = await run(['--database', file, '--json']);
    expect(code).toBe(0);
    const summary = JSON.parse(out) as {
      total: number;
      clarify: number;
      noRole: number;
      missingRoles: { name: string; count: number; topics: { name: string; count: number }[] }[];
    };
    expect(summary.total).toBe(12);
    expect(summary.missingRoles.map((r) => [r.name, r.count])).toEqual([
      ['data engineer', 6],
      ['florist', 3],
      ['zookeeper', 1],
    ]);
    expect(summary.missingRoles[0]?.topics).toEqual([
      { name: 'salary', count: 5 },
      { name: 'skills', count: 1 },
    ]);
    expect(summary.clarify).toBe(1);
    expect(summary.noRole).toBe(1);
  });

  it('prints a ranked list for the operator, limited by --top, and marks roles the knowledge base has since learned', async () => {
    const file = tempDatabase();
    recordMix(file);
    createGapRecorder({ databaseFile: file, enabled: true }, memoryLogger().logger)(
      'coo pay',
      unknown('chief operating officer'),
    );
    const { out } = await run(['--top', '2'], { DATABASE_FILE: file });
    expect(out).toMatch(/1\. data engineer\s+asked 6x\s+topics: salary 5, skills 1/);
    expect(out).toMatch(/2\. florist\s+asked 3x/);
    expect(out).not.toContain('zookeeper');
    expect(out).toContain('and 2 more');
    expect(out).toContain('operations-manager / operations-coordinator: 1x');
    const all = await run([], { DATABASE_FILE: file });
    expect(all.out).toMatch(/chief operating officer\s+asked 1x.*\(now known: Chief Operating Officer\)/);
  });

  it('shows beside them the answers voted least helpful, with their question, escaped and bounded', async () => {
    const file = tempDatabase();
    recordMix(file);
    const store = openStore(file);
    const feedback = feedbackStore(store);
    const bad = feedback.recordAnswer({
      surface: 'dm',
      kind: 'compare',
      roles: ['chief-operating-officer', 'head-of-operations'],
      topics: ['salary'],
      text: 'coo vs head of ops salary?',
    });
    const good = feedback.recordAnswer({
      surface: 'slash',
      kind: 'role',
      roles: ['operations-manager'],
      topics: ['duties'],
      text: 'ops manager duties',
    });
    const hostile = feedback.recordAnswer({
      surface: 'mention',
      kind: 'role',
      roles: ['operations-manager'],
      topics: ['overview'],
      text: `evil \u001b[31mred\u001b[0m "quote" \u202Eevil ${'x'.repeat(500)}`,
    });
    for (const user of ['300000000000000001', '300000000000000002', '300000000000000003'])
      feedback.vote(bad, user, 'not-helpful');
    feedback.vote(bad, '300000000000000004', 'helpful');
    feedback.vote(good, '300000000000000001', 'helpful');
    feedback.vote(hostile, '300000000000000001', 'not-helpful');
    store.close();

    const { out } = await run([], { DATABASE_FILE: file });
    expect(out).toContain('Feedback: 2 helpful, 4 not helpful vote(s).');
    expect(out).toMatch(
      /1\. "coo vs head of ops salary\?"\s+3 \/ 1\s+\(compare; "chief-operating-officer", "head-of-operations"; "salary"\)/,
    );
    expect(out).toMatch(/2\. "evil /);
    expect(out).not.toContain('ops manager duties');
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\u202E');
    const line = out.split('\n').find((l) => l.includes('evil')) ?? '';
    expect(line.length).toBeLessThan(250);

    const json = JSON.parse((await run(['--json'], { DATABASE_FILE: file })).out) as {
      feedback: { helpful: number; notHelpful: number; leastHelpful: { text: string; notHelpful: number }[] };
    };
    expect(json.feedback.leastHelpful.map((v) => v.notHelpful)).toEqual([3, 1]);
  });

  it('exports every question as JSON lines, and imports an old gaps.jsonl into the database', async () => {
    const file = tempDatabase();
    recordMix(file);
    const exported = join(dirname(file), 'export.jsonl');
    const result = await run(['--export', exported], { DATABASE_FILE: file });
    expect(result.code).toBe(0);
    expect(result.err).toContain('Exported 12 question(s)');
    const lines = readFileSync(exported, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(12);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ intent: 'unknown', text: 'data engineer salary?' });

    const other = tempDatabase();
    writeFileSync(join(dirname(exported), 'old.jsonl'), `${lines.join('\n')}\nnot json\n`);
    const imported = await run(['--import', join(dirname(exported), 'old.jsonl')], { DATABASE_FILE: other });
    expect(imported.err).toContain('Imported 12 question(s) from old.jsonl (1 unreadable line(s) skipped)');
    const summary = JSON.parse((await run(['--json'], { DATABASE_FILE: other })).out) as { total: number };
    expect(summary.total).toBe(12);
    const toStdout = await run(['--export', '-'], { DATABASE_FILE: other });
    expect(toStdout.out.trim().split('\n')).toHaveLength(12);
  });

  it('says so when nothing has been recorded yet, without creating a database', async () => {
    const file = tempDatabase();
    const { code, out, err } = await run([], { DATABASE_FILE: file });
    expect(code).toBe(0);
    expect(out).toBe('No unanswered questions recorded.\n');
    expect(err).toContain('No database at');
  });
});
