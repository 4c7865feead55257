import type { KnowledgeBase } from '../knowledge/model.js';
import { buildLadderGraph, type LadderGraph } from './ladder.js';

/** What answering needs besides the query: the knowledge base and what is derived from it once. */
export interface AnswerContext {
  readonly kb: KnowledgeBase;
  readonly ladder: LadderGraph;
}

/** Build the answer stage's derived data for one knowledge base (the engine calls this once per version). */
export function buildAnswerContext(kb: KnowledgeBase): AnswerContext {
  return { kb, ladder: buildLadderGraph(kb) };
}
