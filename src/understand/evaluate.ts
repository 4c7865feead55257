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

export interface Failure {
  readonly question: LabelledQuestion;
  readonly got: Pick<Query, 'intent' | 'roles' | 'topics'>;
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

/** Whether the engine's reading matches the labels. */
export function isCorrect(q: LabelledQuestion, got: Pick<Query, 'intent' | 'roles' | 'topics'>): boolean {
  return (
    got.intent === q.intent &&
    got.roles.length === q.roles.length &&
    got.roles.every((r, i) => r === q.roles[i]) &&
    sameSet(got.topics, q.topics)
  );
}

/** What reads the questions: the engine, or anything with its `ask`. */
export interface QuestionReader {
  ask(conversationId: string, text: string): { readonly query: Query };
}

/** Ask every question through the reader, in order, and score the readings. */
export function evaluate(engine: QuestionReader, questions: readonly LabelledQuestion[]): EvalReport {
  const byCategory = new Map<string, { total: number; correct: number }>();
  const failures: Failure[] = [];
  let correct = 0;
  for (const q of questions) {
    const { query } = engine.ask(`eval:${q.conversation}`, q.text);
    const got = { intent: query.intent, roles: query.roles, topics: query.topics };
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
