import type { KnowledgeBase } from '../knowledge/model.js';
import type { ConversationState, Query } from './query.js';
import type { RoleIndex } from './role-index.js';

/** STUB (contract only): text + conversation + knowledge -> Query and the next conversation state. Pure. */
export function understand(
  _text: string,
  state: ConversationState,
  _kb: KnowledgeBase,
  _index: RoleIndex,
): { query: Query; state: ConversationState } {
  return {
    query: {
      intent: 'help',
      roles: [],
      topics: ['overview'],
      confidence: 0,
      unknownRoles: [],
      candidates: [],
      followUp: false,
    },
    state,
  };
}
