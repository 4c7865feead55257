import { z } from 'zod';
import type { Engine } from '../engine/engine.js';
import { messages } from '../messages.js';
import { renderJson } from '../render/json.js';

/** One input line of `--jsonl`. */
export const JsonlLineSchema = z.object({
  conversation: z.union([z.string().min(1).max(200), z.number().finite()]),
  text: z.string().max(10_000),
});

/** Answer one `--jsonl` line; never throws for bad input. */
export function answerJsonlLine(engine: Engine, line: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: messages.jsonlNotJson };
  }
  const parsed = JsonlLineSchema.safeParse(value);
  if (!parsed.success) {
    const conversation =
      typeof value === 'object' && value !== null && 'conversation' in value ? value.conversation : undefined;
    const keep = typeof conversation === 'string' || typeof conversation === 'number';
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    return { ...(keep ? { conversation } : {}), error: messages.jsonlBadShape(detail) };
  }
  const { conversation, text } = parsed.data;
  try {
    return { conversation, ...renderJson(engine.ask(String(conversation), text)) };
  } catch (error) {
    // A bug costs this line's answer, not the run: say so on this line, the details on stderr.
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { conversation, error: messages.answerFailed };
  }
}
