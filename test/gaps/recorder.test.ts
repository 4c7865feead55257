import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliIo, main } from '../../src/cli/kb-gaps.js';
import { GapEntrySchema } from '../../src/gaps/entry.js';
import { createGapRecorder } from '../../src/gaps/recorder.js';
import { createLogger } from '../../src/log.js';
import { queryOf, type Query, type QueryDraft } from '../../src/understand/query.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careerbot-gaps-'));
  temps.push(dir);
  return join(dir, 'nested', 'gaps.jsonl');
}

function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}

function query(draft: Partial<QueryDraft>): Query {
  return queryOf({ intent: 'unknown', confidence: 0, ...draft });
}

const unknown = (role: string, topics = ['overview']): Query =>
  query({ intent: 'unknown', unknownRoles: [role], topics });

function readEntries(file: string): unknown[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);
}

describe('recording unanswered questions', () => {
  it('records unknown and clarify questions, and nothing that was answered', () => {
    const file = tempFile();
    const record = createGapRecorder({ file, enabled: true }, memoryLogger().logger);
    record('how much does a Barista earn?', unknown('Barista', ['salary']));
    record(
      'ops salary',
      query({
        intent: 'clarify',
        candidates: ['operations-manager', 'operations-coordinator'],
        topics: ['salary'],
      }),
    );
    record(
      'coo vs head of ops salary',
      query({ intent: 'compare', roles: ['chief-operating-officer', 'head-of-operations'], confidence: 1 }),
    );
    record(
      'what does a coo do',
      query({ intent: 'role', roles: ['chief-operating-officer'], topics: ['duties'], confidence: 1 }),
    );
    record('hello', query({ intent: 'smalltalk', smalltalk: 'greeting' }));
    const entries = readEntries(file);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      intent: 'unknown',
      unknownRoles: ['barista'],
      topics: ['salary'],
      text: 'how much does a barista earn?',
    });
    expect(entries[1]).toMatchObject({
      intent: 'clarify',
      candidates: ['operations-manager', 'operations-coordinator'],
    });
  });

  it('keeps no user, channel or conversation ids, e-mail addresses or mentions, and cuts the text to 200 characters', () => {
    const file = tempFile();
    const record = createGapRecorder({ file, enabled: true }, memoryLogger().logger);
    record(
      `<@123456789012345678> <#876543210987654321> ask jane.doe@example.com what a florist earns ${'x'.repeat(400)}`,
      unknown('florist'),
    );
    const [entry] = readEntries(file);
    expect(Object.keys(entry as object).sort()).toEqual([
      'candidates',
      'intent',
      'text',
      'topics',
      'ts',
      'unknownRoles',
    ]);
    expect(GapEntrySchema.safeParse(entry).success).toBe(true);
    const raw = readFileSync(file, 'utf8');
    expect(raw).not.toMatch(/\d{7,}/);
    expect(raw).not.toContain('jane.doe');
    expect((entry as { text: string }).text).toHaveLength(200);
  });

  it('rotates so that the log never grows beyond maxFiles x maxBytes, keeping the newest entries', () => {
    const file = tempFile();
    const record = createGapRecorder(
      { file, enabled: true, maxBytes: 2048, maxFiles: 3 },
      memoryLogger().logger,
    );
    for (let i = 0; i < 500; i++) record(`question number ${i} about a lion tamer`, unknown(`role ${i}`));
    const dir = join(file, '..');
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['gaps.jsonl', 'gaps.jsonl.1', 'gaps.jsonl.2']);
    const total = files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    expect(total).toBeLessThanOrEqual(3 * 2048);
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(2048);
    expect(readFileSync(file, 'utf8')).toContain('question number 499');
  });

  it('writes nothing when RECORD_GAPS is off', () => {
    const file = tempFile();
    const record = createGapRecorder({ file, enabled: false }, memoryLogger().logger);
    record('what does a florist do', unknown('florist'));
    expect(existsSync(file)).toBe(false);
  });

  it('never throws into the caller when the log cannot be written; it logs the failure once as an error', () => {
    const file = tempFile();
    mkdirSync(file, { recursive: true }); // a directory where the file should be
    const { logger, lines } = memoryLogger();
    const record = createGapRecorder({ file, enabled: true }, logger);
    expect(() => {
      record('what does a florist do', unknown('florist'));
      record('what does a baker do', unknown('baker'));
    }).not.toThrow();
    const errors = lines.filter((l) => l.includes('"level":50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('could not record an unanswered question');
  });
});

describe('npm run kb:gaps', () => {
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
    const record = createGapRecorder(
      { file, enabled: true, maxBytes: 1024, maxFiles: 3 },
      memoryLogger().logger,
    );
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

  it('ranks the most-asked missing roles first, grouped regardless of case, across rotated files', async () => {
    const file = tempFile();
    recordMix(file);
    expect(existsSync(`${file}.1`)).toBe(true);
    const { code, out } = await run(['--file', file, '--json']);
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
    const file = tempFile();
    recordMix(file);
    const record = createGapRecorder({ file, enabled: true }, memoryLogger().logger);
    record('coo pay', unknown('chief operating officer'));
    const { out } = await run(['--top', '2'], { GAPS_FILE: file });
    expect(out).toMatch(/1\. data engineer\s+asked 6x\s+topics: salary 5, skills 1/);
    expect(out).toMatch(/2\. florist\s+asked 3x/);
    expect(out).not.toContain('zookeeper');
    expect(out).toContain('and 2 more');
    expect(out).toContain('operations-manager / operations-coordinator: 1x');
    const all = await run([], { GAPS_FILE: file });
    expect(all.out).toMatch(/chief operating officer\s+asked 1x.*\(now known: Chief Operating Officer\)/);
  });

  it('says so when nothing has been recorded yet', async () => {
    const { code, out, err } = await run(['--file', tempFile()]);
    expect(code).toBe(0);
    expect(out).toBe('No unanswered questions recorded.\n');
    expect(err).toContain('No gaps log');
  });
});
