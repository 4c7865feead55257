import { buildAnswer } from '../answer/answer.js';
import type { Answer } from '../answer/model.js';
import { ConversationStore, type ConversationStoreOptions } from '../understand/conversation.js';
import { exactQuery, unknownQuery, type Query } from '../understand/query.js';
import { suggestRoles, type RoleChoice } from '../understand/role-choices.js';
import { understand } from '../understand/understand.js';
import type { Knowledge, KnowledgeSource } from './knowledge.js';

export { deriveKnowledge, fixedKnowledge, type Knowledge, type KnowledgeSource } from './knowledge.js';

/** One question and what came of it. */
export interface Turn {
  readonly query: Query;
  readonly answer: Answer;
}

export interface EngineOptions {
  readonly knowledge: KnowledgeSource;
  readonly conversations?: ConversationStoreOptions;
  /**
   * Called for every turn that ended in `unknown` or `clarify`, or matched nothing (passed as `unknown`
   * with no role): the gaps log. Never throws into the engine.
   */
  readonly onUnanswered?: (text: string, query: Query) => void;
}

/** A question stated through slash-command options: each role is an autocomplete id or typed text. */
export interface OptionsRequest {
  readonly intent: 'role' | 'compare';
  readonly roles: readonly string[];
  /** A topic id from the command's fixed choices, or none for the overview. */
  readonly topic?: string | null | undefined;
}

/**
 * The whole pipeline for every surface: normalize -> understand -> answer. Rendering is the caller's
 * (each surface has its renderer). The engine is the only reader and writer of conversation state.
 */
export interface Engine {
  /** Read a message in its conversation and answer it; the conversation remembers its roles and topics. */
  ask(conversationId: string, text: string): Turn;
  /** Answer a fully stated query (a button) in a conversation, remembering its roles and topics. */
  answer(conversationId: string, query: Query): Turn;
  /**
   * Slash options: ids picked from autocomplete are used as they are; anything typed by hand is read
   * like a message, so it is resolved (or refused) exactly as the same words in a mention would be.
   */
  askOptions(conversationId: string, request: OptionsRequest): Turn;
  /** Answer without any conversation (help, list, another user's button click). */
  answerQuery(query: Query): Answer;
  /** Roles for autocomplete of what the user typed so far (at most 25). */
  suggestRoles(typed: string): RoleChoice[];
  /** Forget a conversation (`/reset` in chat). */
  reset(conversationId: string): void;
  /** The knowledge version answers are read from now. */
  current(): Knowledge;
  /** How many conversations are remembered now (bounded by the store's maximum). */
  conversationCount(): number;
}

export function createEngine(options: EngineOptions): Engine {
  const conversations = new ConversationStore(options.conversations);
  const recordGap = (text: string, query: Query): void => {
    if (!options.onUnanswered) return;
    // "Nothing matched" is a gap too: recorded as unknown with no role named ("not understood").
    const gap =
      query.intent === 'unknown' || query.intent === 'clarify'
        ? query
        : query.intent === 'help' && query.unmatched === true
          ? unknownQuery([], [], { topics: query.topics, confidence: query.confidence })
          : undefined;
    if (gap === undefined) return;
    try {
      options.onUnanswered(text, gap);
    } catch {
      // Recording a gap must never cost the user an answer.
    }
  };
  const ask = (conversationId: string, text: string): Turn => {
    const knowledge = options.knowledge.current();
    const { query, state } = understand(
      text,
      conversations.get(conversationId),
      knowledge.kb,
      knowledge.index,
    );
    const answer = buildAnswer(query, knowledge);
    // After a ranking over roles the question did not name ("which of your roles pays most?"), "that
    // top one" and "the second one" point at the roles as ranked and shown; named roles keep their order.
    const shown =
      query.intent === 'compare' &&
      query.rank !== undefined &&
      query.rank !== 'listed' &&
      answer.kind === 'compare'
        ? answer.roles.map((r) => r.id)
        : undefined;
    conversations.set(conversationId, shown === undefined ? state : { ...state, roles: shown });
    recordGap(text, query);
    return { query, answer };
  };
  const answer = (conversationId: string, query: Query): Turn => {
    const previous = conversations.get(conversationId);
    conversations.set(conversationId, { ...previous, roles: query.roles, topics: query.topics });
    return { query, answer: buildAnswer(query, options.knowledge.current()) };
  };
  return {
    ask,
    answer,
    askOptions(conversationId, request) {
      const { kb } = options.knowledge.current();
      if (request.roles.every((r) => kb.roles.has(r))) {
        return answer(conversationId, exactQuery(request.intent, request.roles, request.topic));
      }
      const joined = request.roles.join(request.intent === 'compare' ? ' vs ' : ' ');
      return ask(conversationId, `${joined} ${request.topic ?? ''}`.trim());
    },
    answerQuery(query) {
      return buildAnswer(query, options.knowledge.current());
    },
    suggestRoles(typed) {
      return suggestRoles(options.knowledge.current().choices, typed);
    },
    reset(conversationId) {
      conversations.delete(conversationId);
    },
    current: () => options.knowledge.current(),
    conversationCount: () => conversations.size,
  };
}
