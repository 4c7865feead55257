import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll } from 'vitest';
import { createLogger } from '../../src/log.js';
import { queryOf, type Query, type QueryDraft } from '../../src/understand/query.js';

/** A fresh folder per call, removed after the file's tests; the database goes in a nested folder. */
export function tempDatabase(): string {
  const dir = mkdtempSync(join(tmpdir(), 'careerbot-db-'));
  temps.push(dir);
  return join(dir, 'data', 'careerbot.db');
}
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

export function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}

export function query(draft: Partial<QueryDraft>): Query {
  return queryOf({ intent: 'unknown', confidence: 0, ...draft });
}

export const unknown = (role: string, topics = ['overview']): Query =>
  query({ intent: 'unknown', unknownRoles: [role], topics });
