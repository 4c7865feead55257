import type { KnowledgeBase } from '../knowledge/model.js';
import type { Query } from '../understand/query.js';
import type { Answer } from './model.js';

/** STUB (contract only): Query + knowledge base -> Answer. Pure. */
export function buildAnswer(_query: Query, kb: KnowledgeBase): Answer {
  return { kind: 'help', examples: [], topics: kb.topics };
}
