import { z } from 'zod';

/**
 * What the bot understood of one message. Produced by `understand` (understand.ts), consumed by
 * `buildAnswer` (answer/answer.ts). The schema is the contract; the type is derived from it. One variant
 * per intent, each with only its own fields beside the common reading (roles, topics, confidence,
 * followUp); build them with the constructor functions below, not by hand.
 */
export const IntentSchema = z.enum(['compare', 'role', 'list', 'help', 'smalltalk', 'clarify', 'unknown']);
export type Intent = z.infer<typeof IntentSchema>;

/** A career-ladder question: what leads to a role, what comes after it, or a path between two. */
export const LadderAskSchema = z.enum(['into', 'after', 'path']);
export type LadderAsk = z.infer<typeof LadderAskSchema>;

/** A ranking: every known role (or a named group of them), or exactly the roles listed. */
export const RankSchema = z.enum(['all', 'listed']);
export type Rank = z.infer<typeof RankSchema>;

export const SmalltalkKindSchema = z.enum(['greeting', 'thanks', 'bye', 'other']);
export type SmalltalkKind = z.infer<typeof SmalltalkKindSchema>;

/** Fields every reading has. */
const common = {
  /** Known role ids, in the order the user named them (follow-ups: carried from the conversation). */
  roles: z.array(z.string()),
  /** Topic ids asked about; `overview` when none was named. */
  topics: z.array(z.string()).min(1),
  /** 0..1: how sure the reading is (1 = every role matched an alias exactly). */
  confidence: z.number().min(0).max(1),
  /** True when roles or topics came from earlier messages of the conversation. */
  followUp: z.boolean(),
  /** A place the question named ("in London", "in Texas"), as typed: answers say the figures are US national. */
  place: z.string().max(80).optional(),
  /** The question asked for hourly pay ("per hour", "hourly"): wage answers lead with hourly figures. */
  hourly: z.boolean().optional(),
};

export const RoleQuerySchema = z.object({
  intent: z.literal('role'),
  ...common,
  /** Set when the question is about the career ladder. */
  ladder: LadderAskSchema.optional(),
});

export const CompareQuerySchema = z.object({
  intent: z.literal('compare'),
  ...common,
  ladder: LadderAskSchema.optional(),
  /**
   * A ranking: `all` ranks every known role on the topic (or, when `roles` is not empty, the group of
   * roles the question named, listed in `roles`); `listed` ranks exactly `roles` ("which of these pays
   * most?"). The answer orders them; renderers show a bounded top and bottom.
   */
  rank: RankSchema.optional(),
});

export const ListQuerySchema = z.object({ intent: z.literal('list'), ...common });

export const HelpQuerySchema = z.object({
  intent: z.literal('help'),
  ...common,
  /** The user asked for something the bot cannot do ("write my CV"); say so briefly. */
  outOfScope: z.boolean().optional(),
  /** Nothing in the message matched a role, a topic or a request: help is the fallback (a gap). */
  unmatched: z.boolean().optional(),
});

export const SmalltalkQuerySchema = z.object({
  intent: z.literal('smalltalk'),
  ...common,
  /** Which kind, so the answer can reply in kind. */
  smalltalk: SmalltalkKindSchema,
});

export const ClarifyQuerySchema = z.object({
  intent: z.literal('clarify'),
  ...common,
  /** The known roles the user may have meant, best first. */
  candidates: z.array(z.string()),
});

export const UnknownQuerySchema = z.object({
  intent: z.literal('unknown'),
  ...common,
  /** Role-like phrases the user wrote that match no known role, as typed (trimmed, at most 80 chars). */
  unknownRoles: z.array(z.string()),
  /** The nearest known roles, offered but never answered from. */
  candidates: z.array(z.string()),
});

export const QuerySchema = z.discriminatedUnion('intent', [
  RoleQuerySchema,
  CompareQuerySchema,
  ListQuerySchema,
  HelpQuerySchema,
  SmalltalkQuerySchema,
  ClarifyQuerySchema,
  UnknownQuerySchema,
]);
export type Query = z.infer<typeof QuerySchema>;
export type RoleQuery = z.infer<typeof RoleQuerySchema>;
export type CompareQuery = z.infer<typeof CompareQuerySchema>;
export type ListQuery = z.infer<typeof ListQuerySchema>;
export type HelpQuery = z.infer<typeof HelpQuerySchema>;
export type SmalltalkQuery = z.infer<typeof SmalltalkQuerySchema>;
export type ClarifyQuery = z.infer<typeof ClarifyQuerySchema>;
export type UnknownQuery = z.infer<typeof UnknownQuerySchema>;
/** The variant of one intent. */
export type QueryOf<I extends Intent> = Extract<Query, { intent: I }>;

/** The common reading, every field optional: defaults are no roles, overview, confidence 1, not a follow-up. */
export interface Reading {
  readonly roles?: readonly string[] | undefined;
  readonly topics?: readonly string[] | undefined;
  readonly confidence?: number | undefined;
  readonly followUp?: boolean | undefined;
  readonly place?: string | undefined;
  readonly hourly?: boolean | undefined;
}

function commonOf(reading: Reading): {
  roles: string[];
  topics: string[];
  confidence: number;
  followUp: boolean;
  place?: string;
  hourly?: boolean;
} {
  const topics =
    reading.topics !== undefined && reading.topics.length > 0 ? [...reading.topics] : ['overview'];
  const confidence = reading.confidence ?? 1;
  return {
    roles: [...(reading.roles ?? [])],
    topics,
    confidence: Number.isFinite(confidence)
      ? Math.min(1, Math.max(0, Math.round(confidence * 100) / 100))
      : 0,
    followUp: reading.followUp ?? false,
    ...(reading.place === undefined ? {} : { place: reading.place }),
    ...(reading.hourly === true ? { hourly: true } : {}),
  };
}

export function roleQuery(reading: Reading & { readonly ladder?: LadderAsk | undefined }): RoleQuery {
  const q: RoleQuery = { intent: 'role', ...commonOf(reading) };
  if (reading.ladder !== undefined) q.ladder = reading.ladder;
  return q;
}

export function compareQuery(
  reading: Reading & { readonly ladder?: LadderAsk | undefined; readonly rank?: Rank | undefined },
): CompareQuery {
  const q: CompareQuery = { intent: 'compare', ...commonOf(reading) };
  if (reading.ladder !== undefined) q.ladder = reading.ladder;
  if (reading.rank !== undefined) q.rank = reading.rank;
  return q;
}

export function listQuery(reading: Reading = {}): ListQuery {
  return { intent: 'list', ...commonOf(reading) };
}

export function helpQuery(
  reading: Reading & {
    readonly outOfScope?: boolean | undefined;
    readonly unmatched?: boolean | undefined;
  } = {},
): HelpQuery {
  const q: HelpQuery = { intent: 'help', ...commonOf(reading) };
  if (reading.outOfScope === true) q.outOfScope = true;
  else if (reading.unmatched === true) q.unmatched = true;
  return q;
}

export function smalltalkQuery(smalltalk: SmalltalkKind, reading: Reading = {}): SmalltalkQuery {
  return { intent: 'smalltalk', ...commonOf(reading), smalltalk };
}

export function clarifyQuery(candidates: readonly string[], reading: Reading = {}): ClarifyQuery {
  return { intent: 'clarify', ...commonOf(reading), candidates: [...candidates] };
}

export function unknownQuery(
  unknownRoles: readonly string[],
  candidates: readonly string[],
  reading: Reading = {},
): UnknownQuery {
  return {
    intent: 'unknown',
    ...commonOf(reading),
    unknownRoles: [...unknownRoles],
    candidates: [...candidates],
  };
}

/** Every field of every variant, optional except the intent: for building a query whose intent is data. */
export interface QueryDraft extends Reading {
  readonly intent: Intent;
  readonly ladder?: LadderAsk | undefined;
  readonly rank?: Rank | undefined;
  readonly outOfScope?: boolean | undefined;
  readonly unmatched?: boolean | undefined;
  readonly smalltalk?: SmalltalkKind | undefined;
  readonly unknownRoles?: readonly string[] | undefined;
  readonly candidates?: readonly string[] | undefined;
}

/** The variant for a draft's intent, keeping only that variant's fields. */
export function queryOf(draft: QueryDraft): Query {
  switch (draft.intent) {
    case 'role':
      return roleQuery(draft);
    case 'compare':
      return compareQuery(draft);
    case 'list':
      return listQuery(draft);
    case 'help':
      return helpQuery(draft);
    case 'smalltalk':
      return smalltalkQuery(draft.smalltalk ?? 'other', draft);
    case 'clarify':
      return clarifyQuery(draft.candidates ?? [], draft);
    case 'unknown':
      return unknownQuery(draft.unknownRoles ?? [], draft.candidates ?? [], draft);
  }
}

/** The candidates a query offers (clarify, unknown), else none. */
export function candidatesOf(query: Query): readonly string[] {
  return query.intent === 'clarify' || query.intent === 'unknown' ? query.candidates : [];
}

/** The role phrases a query did not know (unknown), else none. */
export function unknownRolesOf(query: Query): readonly string[] {
  return query.intent === 'unknown' ? query.unknownRoles : [];
}

/** What a conversation remembers between messages. Small and plain so it can live in an LRU. */
export interface ConversationState {
  readonly roles: readonly string[];
  readonly topics: readonly string[];
  /** Candidates offered by the last clarify answer, so "the first one" / a bare number can pick. */
  readonly offered: readonly string[];
  /** Roles discussed lately, oldest first (at most MAX_RECENT), for "which of these" and "the two". */
  readonly recent?: readonly string[];
}

/** Most roles a conversation remembers as discussed lately. */
export const MAX_RECENT = 8;

export const EMPTY_CONVERSATION: ConversationState = Object.freeze({ roles: [], topics: [], offered: [] });

/** A query for known role ids, stated exactly (confidence 1, nothing carried from the conversation). */
export function exactQuery(intent: Intent, roles: readonly string[], topic?: string | null): Query {
  return queryOf({ intent, roles, topics: [topic ?? 'overview'] });
}
