import { z } from 'zod';

/**
 * What the bot understood of one message. Produced by `understand` (understand.ts), consumed by
 * `buildAnswer` (answer/answer.ts). The schema is the contract; the type is derived from it.
 */
export const IntentSchema = z.enum(['compare', 'role', 'list', 'help', 'smalltalk', 'clarify', 'unknown']);
export type Intent = z.infer<typeof IntentSchema>;

/** A career-ladder question: what leads to a role, what comes after it, or a path between two. */
export const LadderAskSchema = z.enum(['into', 'after', 'path']);
export type LadderAsk = z.infer<typeof LadderAskSchema>;

export const QuerySchema = z.object({
  intent: IntentSchema,
  /** Known role ids, in the order the user named them (follow-ups: carried from the conversation). */
  roles: z.array(z.string()),
  /** Topic ids asked about; `overview` when none was named. */
  topics: z.array(z.string()).min(1),
  /** 0..1: how sure the reading is (1 = every role matched an alias exactly). */
  confidence: z.number().min(0).max(1),
  /** Role-like phrases the user wrote that match no known role, as typed (trimmed, at most 80 chars). */
  unknownRoles: z.array(z.string()),
  /** For `clarify`: the known roles the user may have meant. For `unknown`: the nearest known roles. */
  candidates: z.array(z.string()),
  /** Set when the question is about the career ladder. */
  ladder: LadderAskSchema.optional(),
  /** True when roles or topics came from earlier messages of the conversation. */
  followUp: z.boolean(),
  /**
   * A ranking (intent `compare`): `all` ranks every known role on the topic (or, when `roles` is not
   * empty, the group of roles the question named, listed in `roles`); `listed` ranks exactly `roles`
   * ("which of these pays most?"). The answer orders them; renderers show a bounded top and bottom.
   */
  rank: z.enum(['all', 'listed']).optional(),
  /** For help: the user asked for something the bot cannot do ("write my CV"); say so briefly. */
  outOfScope: z.boolean().optional(),
  /** A place the question named ("in London", "in Texas"), as typed: answers say the figures are US national. */
  place: z.string().max(80).optional(),
  /** The question asked for hourly pay ("per hour", "hourly"): wage answers lead with hourly figures. */
  hourly: z.boolean().optional(),
  /** For smalltalk: which kind, so the answer can reply in kind. */
  smalltalk: z.enum(['greeting', 'thanks', 'bye', 'other']).optional(),
});
export type Query = z.infer<typeof QuerySchema>;

/** What a conversation remembers between messages. Small and plain so it can live in an LRU. */
export interface ConversationState {
  readonly roles: readonly string[];
  readonly topics: readonly string[];
  /** Candidates offered by the last clarify answer, so "the first one" / a bare number can pick. */
  readonly offered: readonly string[];
}

export const EMPTY_CONVERSATION: ConversationState = Object.freeze({ roles: [], topics: [], offered: [] });

/** A query for known role ids, stated exactly (confidence 1, nothing carried from the conversation). */
export function exactQuery(intent: Query['intent'], roles: readonly string[], topic?: string | null): Query {
  return {
    intent,
    roles: [...roles],
    topics: [topic ?? 'overview'],
    confidence: 1,
    unknownRoles: [],
    candidates: [],
    followUp: false,
  };
}
