/**
 * How much the database keeps. Old rows go first; a few hundred bytes each, so at the maxima the file
 * stays around 50 MB. Pruned at start-up and every PRUNE_EVERY writes.
 */
export const RETENTION = Object.freeze({
  /** Answers that can be voted on (their votes go with them). */
  answers: { maxRows: 100_000, maxAgeDays: 180 },
  /** Unanswered questions (the gaps log). */
  gaps: { maxRows: 100_000, maxAgeDays: 365 },
  pruneEvery: 1_000,
});

export function cutoff(maxAgeDays: number, now: Date = new Date()): string {
  return new Date(now.getTime() - maxAgeDays * 86_400_000).toISOString();
}
