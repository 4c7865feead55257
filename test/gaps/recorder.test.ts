import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GapEntrySchema } from '../../src/gaps/entry.js';
import { gapsStore } from '../../src/gaps/log.js';
import { createGapRecorder } from '../../src/gaps/recorder.js';
import { openStore } from '../../src/store/database.js';
import { memoryLogger, query, tempDatabase, unknown } from './helpers.js';

function entriesIn(file: string) {
  const store = openStore(file);
  try {
    return [...gapsStore(store).entries()];
  } finally {
    store.close();
  }
}

describe('recording unanswered questions in the database', () => {
  it('records unknown and clarify questions, and nothing that was answered', () => {
    const file = tempDatabase();
    const record = createGapRecorder({ databaseFile: file, enabled: true }, memoryLogger().logger);
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
      query({ intent: 'role', roles: ['chief-operating-officer'], confidence: 1 }),
    );
    record('hello', query({ intent: 'smalltalk', smalltalk: 'greeting' }));
    const entries = entriesIn(file);
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
    const file = tempDatabase();
    const record = createGapRecorder({ databaseFile: file, enabled: true }, memoryLogger().logger);
    record(
      `<@123456789012345678> <#876543210987654321> ask jane.doe@example.com what a florist earns ${'x'.repeat(400)}`,
      unknown('florist'),
    );
    const [entry] = entriesIn(file);
    expect(Object.keys(entry ?? {}).sort()).toEqual([
      'candidates',
      'intent',
      'text',
      'topics',
      'ts',
      'unknownRoles',
    ]);
    expect(GapEntrySchema.safeParse(entry).success).toBe(true);
    const raw = JSON.stringify(entry);
    expect(raw).not.toMatch(/\d{7,}/);
    expect(raw).not.toContain('jane.doe');
    expect(entry?.text).toHaveLength(200);
  });

  it('loses no line when two recorders (two shard processes) write the same database at once', () => {
    const file = tempDatabase();
    const a = createGapRecorder({ databaseFile: file, enabled: true }, memoryLogger().logger);
    const b = createGapRecorder({ databaseFile: file, enabled: true }, memoryLogger().logger);
    for (let i = 0; i < 200; i++) {
      a(`shard a question ${i}`, unknown(`role a${i}`));
      b(`shard b question ${i}`, unknown(`role b${i}`));
    }
    const texts = entriesIn(file).map((e) => e.text);
    expect(texts).toHaveLength(400);
    expect(new Set(texts).size).toBe(400);
  });

  it('opens no database and writes nothing when RECORD_GAPS is off', () => {
    const file = tempDatabase();
    const record = createGapRecorder({ databaseFile: file, enabled: false }, memoryLogger().logger);
    record('what does a florist do', unknown('florist'));
    expect(existsSync(file)).toBe(false);
  });

  it('opens no database until there is a gap to record (an answered question in `ask` stays fast)', () => {
    const file = tempDatabase();
    const record = createGapRecorder({ databaseFile: file, enabled: true }, memoryLogger().logger);
    record('coo salary', query({ intent: 'role', roles: ['chief-operating-officer'] }));
    expect(existsSync(file)).toBe(false);
    record('florist salary', unknown('florist'));
    expect(existsSync(file)).toBe(true);
  });

  it('never throws into the caller when the database cannot be written; it logs the failure once as an error', () => {
    const file = tempDatabase();
    mkdirSync(file, { recursive: true }); // a directory where the database should be
    expect(existsSync(dirname(file))).toBe(true);
    const { logger, lines } = memoryLogger();
    const record = createGapRecorder({ databaseFile: file, enabled: true }, logger);
    expect(() => {
      record('what does a florist do', unknown('florist'));
      record('what does a baker do', unknown('baker'));
    }).not.toThrow();
    const errors = lines.filter((l) => l.includes('"level":50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('could not record an unanswered question');
  });
});
