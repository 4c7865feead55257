import type { Answer } from './answer/model.js';
import { buildAnswer } from './answer/answer.js';
import type { KnowledgeBase } from './knowledge/model.js';
import { ConversationStore, type ConversationStoreOptions } from './understand/conversation.js';
import type { Query } from './understand/query.js';
import { buildIndex, type RoleIndex } from './understand/role-index.js';
import { understand } from './understand/understand.js';

/** A knowledge base with the index built over it: what one question is answered from. */
export interface Knowledge {
  readonly kb: KnowledgeBase;
  readonly index: RoleIndex;
}

export function indexKnowledge(kb: KnowledgeBase): Knowledge {
  return { kb, index: buildIndex(kb) };
}

/** One question and what came of it. */
export interface Turn {
  readonly query: Query;
  readonly answer: Answer;
}

/** Where the engine reads the current knowledge from; a reload swaps what `current()` returns. */
export interface KnowledgeSource {
  current(): Knowledge;
}

export interface EngineOptions {
  readonly knowledge: KnowledgeSource;
  readonly conversations?: ConversationStoreOptions;
  /** Called for every turn that ended in `unknown` or `clarify` (the gaps log). Never throws into the engine. */
  readonly onUnanswered?: (text: string, query: Query) => void;
}

/**
 * The whole pipeline for every surface: normalize -> understand -> answer. Rendering is the caller's
 * (each surface has its renderer). Holds only the per-conversation state, bounded by the store.
 */
export interface Engine {
  ask(conversationId: string, text: string): Turn;
  /** Answer a fully specified question without touching conversation state (buttons, slash options). */
  answerQuery(query: Query): Answer;
  reset(conversationId: string): void;
  readonly conversations: ConversationStore;
}

export function createEngine(options: EngineOptions): Engine {
  const conversations = new ConversationStore(options.conversations);
  return {
    conversations,
    ask(conversationId, text) {
      const { kb, index } = options.knowledge.current();
      const { query, state } = understand(text, conversations.get(conversationId), kb, index);
      conversations.set(conversationId, state);
      if (options.onUnanswered && (query.intent === 'unknown' || query.intent === 'clarify')) {
        try {
          options.onUnanswered(text, query);
        } catch {
          // Recording a gap must never cost the user an answer.
        }
      }
      return { query, answer: buildAnswer(query, kb) };
    },
    answerQuery(query) {
      return buildAnswer(query, options.knowledge.current().kb);
    },
    reset(conversationId) {
      conversations.delete(conversationId);
    },
  };
}

/** A KnowledgeSource that never changes (ask, tests). */
export function fixedKnowledge(knowledge: Knowledge): KnowledgeSource {
  return { current: () => knowledge };
}
