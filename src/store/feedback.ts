import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Store } from './database.js';
import { cutoff, RETENTION } from './retention.js';

export type VoteValue = 'helpful' | 'not-helpful';
export type VoteOutcome = 'recorded' | 'changed' | 'unchanged' | 'unknown-answer';

/** An answer as recorded for feedback: what was asked, never who asked. */
export interface AnswerRecord {
  readonly surface: string;
  readonly kind: string;
  readonly roles: readonly string[];
  readonly topics: readonly string[];
  /** The question, normalized as for the gaps log (normalizeQuestion). */
  readonly text: string;
}

/** A question whose answers people voted on, least helpful first. */
export interface VotedQuestion {
  readonly text: string;
  readonly kind: string;
  readonly roles: readonly string[];
  readonly topics: readonly string[];
  readonly helpful: number;
  readonly notHelpful: number;
  readonly lastVoted: string;
}

export interface FeedbackTotals {
  readonly answers: number;
  readonly helpful: number;
  readonly notHelpful: number;
}

export interface FeedbackStore {
  /** Keep an answer so it can be voted on; returns its id (for the buttons' custom_id). */
  recordAnswer(answer: AnswerRecord, now?: Date): string;
  /** One vote per person and answer; voting again changes it. Durable when it returns. */
  vote(answerId: string, userId: string, vote: VoteValue, now?: Date): VoteOutcome;
  leastHelpful(limit: number): VotedQuestion[];
  totals(): FeedbackTotals;
  /** Apply RETENTION.answers now. */
  prune(now?: Date): void;
}

const StringList = z
  .string()
  .transform((s) => JSON.parse(s) as unknown)
  .pipe(z.array(z.string()));
const VotedRow = z.object({
  text: z.string(),
  kind: z.string(),
  roles: StringList,
  topics: StringList,
  helpful: z.number().int(),
  not_helpful: z.number().int(),
  last: z.string(),
});
const TotalsRow = z.object({
  answers: z.number().int(),
  helpful: z.number().int().nullable(),
  not_helpful: z.number().int().nullable(),
});

export function feedbackStore(store: Store): FeedbackStore {
  const { db } = store;
  const key = z
    .object({ value: z.string() })
    .parse(db.prepare("SELECT value FROM meta WHERE key = 'voter_key'").get()).value;
  const insertAnswer = db.prepare(
    'INSERT INTO answers (id, ts, surface, kind, roles, topics, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const findAnswer = db.prepare('SELECT n FROM answers WHERE id = ?');
  const findVote = db.prepare('SELECT vote FROM votes WHERE answer_n = ? AND voter = ?');
  const putVote = db.prepare(
    `INSERT INTO votes (answer_n, voter, vote, ts) VALUES (?, ?, ?, ?)
     ON CONFLICT (answer_n, voter) DO UPDATE SET vote = excluded.vote, ts = excluded.ts`,
  );
  const least = db.prepare(
    `SELECT a.text AS text, max(a.kind) AS kind, max(a.roles) AS roles, max(a.topics) AS topics,
            sum(v.vote = 1) AS helpful, sum(v.vote = -1) AS not_helpful, max(v.ts) AS last
       FROM votes v JOIN answers a ON a.n = v.answer_n
      GROUP BY a.text
     HAVING sum(v.vote = -1) > 0
      ORDER BY sum(v.vote = -1) - sum(v.vote = 1) DESC, sum(v.vote = -1) DESC, max(v.ts) DESC
      LIMIT ?`,
  );
  const totals = db.prepare(
    `SELECT (SELECT count(*) FROM answers) AS answers,
            sum(vote = 1) AS helpful, sum(vote = -1) AS not_helpful FROM votes`,
  );
  const pruneByAge = db.prepare('DELETE FROM answers WHERE ts < ?');
  const pruneByCount = db.prepare('DELETE FROM answers WHERE n <= (SELECT max(n) FROM answers) - ?');
  let sincePrune = 0;

  const prune = (now = new Date()): void => {
    store.write(() => {
      pruneByAge.run(cutoff(RETENTION.answers.maxAgeDays, now));
      pruneByCount.run(RETENTION.answers.maxRows);
    });
  };

  return {
    recordAnswer(answer, now = new Date()) {
      const id = randomBytes(9).toString('base64url');
      store.write(() =>
        insertAnswer.run(
          id,
          now.toISOString(),
          answer.surface,
          answer.kind,
          JSON.stringify(answer.roles),
          JSON.stringify(answer.topics),
          answer.text,
        ),
      );
      if (++sincePrune >= RETENTION.pruneEvery) {
        sincePrune = 0;
        prune(now);
      }
      return id;
    },
    vote(answerId, userId, vote, now = new Date()) {
      // Keyed by answer too, so one person's votes cannot be linked across answers.
      const voter = createHmac('sha256', key)
        .update(`${answerId}:${userId}`)
        .digest('base64url')
        .slice(0, 22);
      const value = vote === 'helpful' ? 1 : -1;
      return store.write(
        (): VoteOutcome => {
          const answer = findAnswer.get(answerId);
          if (answer === undefined) return 'unknown-answer';
          const n = z.object({ n: z.number().int() }).parse(answer).n;
          const before = findVote.get(n, voter);
          const previous =
            before === undefined ? undefined : z.object({ vote: z.number() }).parse(before).vote;
          if (previous === value) return 'unchanged';
          putVote.run(n, voter, value, now.toISOString());
          return previous === undefined ? 'recorded' : 'changed';
        },
        { durable: true },
      );
    },
    leastHelpful(limit) {
      return least.all(limit).map((row) => {
        const r = VotedRow.parse(row);
        return {
          text: r.text,
          kind: r.kind,
          roles: r.roles,
          topics: r.topics,
          helpful: r.helpful,
          notHelpful: r.not_helpful,
          lastVoted: r.last,
        };
      });
    },
    totals() {
      const r = TotalsRow.parse(totals.get());
      return { answers: r.answers, helpful: r.helpful ?? 0, notHelpful: r.not_helpful ?? 0 };
    },
    prune,
  };
}
