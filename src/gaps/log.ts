import { z } from 'zod';
import { GapEntrySchema, type GapEntry } from './entry.js';
import type { Store } from '../store/database.js';
import { cutoff, RETENTION } from '../store/retention.js';

export interface GapsStore {
  add(entry: GapEntry): void;
  /** Several at once, in one transaction (imports of old JSON-lines logs). */
  addAll(entries: readonly GapEntry[]): void;
  /** Every entry, oldest first, read lazily. */
  entries(): IterableIterator<GapEntry>;
  count(): number;
  prune(now?: Date): void;
}

const StringList = z
  .string()
  .transform((s) => JSON.parse(s) as unknown)
  .pipe(z.array(z.string()));
const GapRow = z.object({
  ts: z.string(),
  intent: z.string(),
  unknown_roles: StringList,
  candidates: StringList,
  topics: StringList,
  text: z.string(),
});

/** The gaps log as a table: one row per unanswered question, written by any shard without loss. */
export function gapsStore(store: Store): GapsStore {
  const { db } = store;
  const insert = db.prepare(
    'INSERT INTO gaps (ts, intent, unknown_roles, candidates, topics, text) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare('SELECT ts, intent, unknown_roles, candidates, topics, text FROM gaps ORDER BY n');
  const count = db.prepare('SELECT count(*) AS n FROM gaps');
  const pruneByAge = db.prepare('DELETE FROM gaps WHERE ts < ?');
  const pruneByCount = db.prepare('DELETE FROM gaps WHERE n <= (SELECT max(n) FROM gaps) - ?');
  let sincePrune = 0;
  const run = (e: GapEntry): void => {
    insert.run(
      e.ts,
      e.intent,
      JSON.stringify(e.unknownRoles),
      JSON.stringify(e.candidates),
      JSON.stringify(e.topics),
      e.text,
    );
  };
  const prune = (now = new Date()): void => {
    store.write(() => {
      pruneByAge.run(cutoff(RETENTION.gaps.maxAgeDays, now));
      pruneByCount.run(RETENTION.gaps.maxRows);
    });
  };
  const afterWrite = (n: number): void => {
    sincePrune += n;
    if (sincePrune >= RETENTION.pruneEvery) {
      sincePrune = 0;
      prune();
    }
  };
  return {
    add(entry) {
      store.write(() => run(entry));
      afterWrite(1);
    },
    addAll(entries) {
      store.write(() => entries.forEach(run));
      afterWrite(entries.length);
    },
    *entries() {
      for (const row of all.iterate()) {
        const r = GapRow.parse(row);
        const parsed = GapEntrySchema.safeParse({
          ts: r.ts,
          intent: r.intent,
          unknownRoles: r.unknown_roles,
          candidates: r.candidates,
          topics: r.topics,
          text: r.text,
        });
        if (parsed.success) yield parsed.data;
      }
    },
    count() {
      return z.object({ n: z.number().int() }).parse(count.get()).n;
    },
    prune,
  };
}
