/**
 * The labelled question set and how it is scored: a question is fully correct when the intent, the
 * roles (in order) and the topics (as a set) all match. Used by `npm run eval` and its test.
 */
import { z } from 'zod';
import { IntentSchema, type Query } from './query.js';

export const LabelledQuestionSchema = z.object({
  category: z.string().min(1),
  /** Questions sharing a conversation id are asked in file order, in one conversation. */
  conversation: z.string().min(1),
  text: z.string(),
  intent: IntentSchema,
  roles: z.array(z.string()),
  topics: z.array(z.string()).min(1),
  ladder: z.enum(['into', 'after', 'path']).optional(),
});
export type LabelledQuestion = z.infer<typeof LabelledQuestionSchema>;

/** Parse a JSON-lines question set; a bad line is an error naming its line number. */
export function parseQuestionSet(text: string, file: string): LabelledQuestion[] {
  const out: LabelledQuestion[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON; each line must be one JSON object`);
    }
    const parsed = LabelledQuestionSchema.safeParse(json);
    if (!parsed.success) {
      throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}; fix the labels on that line`);
    }
    out.push(parsed.data);
  });
  return out;
}

/** What a question was read as: the intent, the roles the answer is about, the topics it shows. */
export interface Reading {
  readonly intent: Query['intent'];
  readonly roles: readonly string[];
  readonly topics: readonly string[];
}

export interface Failure {
  readonly question: LabelledQuestion;
  readonly got: Reading;
}

export interface CategoryScore {
  readonly category: string;
  readonly total: number;
  readonly correct: number;
}

export interface EvalReport {
  readonly total: number;
  readonly correct: number;
  /** correct / total, 0..1. */
  readonly accuracy: number;
  readonly categories: readonly CategoryScore[];
  readonly failures: readonly Failure[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

/** Whether a reading matches the labels: intent, roles in order, topics as a set. */
export function isCorrect(q: LabelledQuestion, got: Reading): boolean {
  return (
    got.intent === q.intent &&
    got.roles.length === q.roles.length &&
    got.roles.every((r, i) => r === q.roles[i]) &&
    sameSet(got.topics, q.topics)
  );
}

/**
 * Reads one question in its conversation (questions sharing a conversation id are asked in file
 * order). The eval command reads through the whole engine, as `npm run ask -- --jsonl` does.
 */
export type QuestionReader = (conversationId: string, text: string) => Reading;

/** Ask every question through the reader, in order, and score the readings. */
export function evaluate(read: QuestionReader, questions: readonly LabelledQuestion[]): EvalReport {
  const byCategory = new Map<string, { total: number; correct: number }>();
  const failures: Failure[] = [];
  let correct = 0;
  for (const q of questions) {
    const got = read(`eval:${q.conversation}`, q.text);
    const ok = isCorrect(q, got);
    const score = byCategory.get(q.category) ?? { total: 0, correct: 0 };
    score.total += 1;
    if (ok) {
      score.correct += 1;
      correct += 1;
    } else failures.push({ question: q, got });
    byCategory.set(q.category, score);
  }
  return {
    total: questions.length,
    correct,
    accuracy: questions.length === 0 ? 0 : correct / questions.length,
    categories: [...byCategory].map(([category, s]) => ({ category, ...s })),
    failures,
  };
}
