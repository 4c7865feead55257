import { z } from 'zod';
import { DISCORD_LIMITS } from '../render/limits.js';
import { exactQuery, type Query } from '../understand/query.js';

/**
 * What the buttons under an answer mean, written into their custom_id (at most 100 characters) so a
 * click can be answered by any shard, after a restart, with nothing remembered:
 *
 * - topic: `t|<asker>|<topic>|<role>,<role>`: answer `topic` for the roles; `asker` (the user id in
 *   base 36) is who asked, the only person whose click may change the public message. Buttons made
 *   before askers were recorded (`t|<topic>|<roles>`) decode with no asker: nobody may change the
 *   message through them, everyone gets the answer privately.
 * - feedback: `f|h|<answer id>` (helpful) or `f|n|<answer id>` (not helpful).
 */
export type ButtonAction =
  | {
      readonly kind: 'topic';
      readonly topic: string;
      readonly roles: readonly string[];
      readonly asker?: string;
    }
  | { readonly kind: 'feedback'; readonly vote: Vote; readonly answerId: string };

export type Vote = 'helpful' | 'not-helpful';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const SNOWFLAKE = /^\d{15,21}$/;
const BASE36 = /^[0-9a-z]{1,13}$/;
/** Answer ids are random base64url strings (see feedback.ts). */
export const ANSWER_ID = /^[\w-]{8,32}$/;

const roleList = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.array(z.string().regex(ID)).min(1).max(10));

const TopicSchema = z.union([
  z.tuple([z.literal('t'), z.string().regex(BASE36), z.string().regex(ID), roleList]),
  z.tuple([z.literal('t'), z.string().regex(ID), roleList]),
]);
const FeedbackSchema = z.tuple([z.literal('f'), z.enum(['h', 'n']), z.string().regex(ANSWER_ID)]);

/** A user id as base 36 (a 19-digit snowflake becomes 13 characters). */
export function encodeUserId(userId: string): string | undefined {
  return SNOWFLAKE.test(userId) ? BigInt(userId).toString(36) : undefined;
}

/** The user id a base-36 asker stands for, or undefined when it is not one. */
export function decodeUserId(encoded: string): string | undefined {
  if (!BASE36.test(encoded)) return undefined;
  let n = 0n;
  for (const c of encoded) n = n * 36n + BigInt(Number.parseInt(c, 36));
  const id = n.toString();
  return SNOWFLAKE.test(id) && n < 1n << 64n ? id : undefined;
}

/** The custom_id of a topic button, or undefined when it would not fit in 100 characters. */
export function encodeTopicButton(button: {
  readonly topic: string;
  readonly roles: readonly string[];
  readonly asker: string;
}): string | undefined {
  const asker = encodeUserId(button.asker);
  if (asker === undefined) return undefined;
  const id = `t|${asker}|${button.topic}|${button.roles.join(',')}`;
  return decodeButton(id)?.kind === 'topic' ? id : undefined;
}

export function encodeFeedbackButton(vote: Vote, answerId: string): string {
  return `f|${vote === 'helpful' ? 'h' : 'n'}|${answerId}`;
}

/** What a custom_id stands for, or undefined for anything this codec did not make (or a tampered one). */
export function decodeButton(customId: string): ButtonAction | undefined {
  if (customId.length > DISCORD_LIMITS.customId) return undefined;
  const parts = customId.split('|');
  if (parts[0] === 'f') {
    const parsed = FeedbackSchema.safeParse(parts);
    if (!parsed.success) return undefined;
    const [, vote, answerId] = parsed.data;
    return { kind: 'feedback', vote: vote === 'h' ? 'helpful' : 'not-helpful', answerId };
  }
  const parsed = TopicSchema.safeParse(parts);
  if (!parsed.success) return undefined;
  if (parsed.data.length === 3) {
    const [, topic, roles] = parsed.data;
    return { kind: 'topic', topic, roles };
  }
  const [, encodedAsker, topic, roles] = parsed.data;
  const asker = decodeUserId(encodedAsker);
  if (asker === undefined) return undefined;
  return { kind: 'topic', topic, roles, asker };
}

/** The Query a topic button stands for, ready for `engine.answer`. */
export function queryForTopicButton(button: {
  readonly topic: string;
  readonly roles: readonly string[];
}): Query {
  return exactQuery(button.roles.length > 1 ? 'compare' : 'role', button.roles, button.topic);
}
