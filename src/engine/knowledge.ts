import { buildAnswerContext } from '../answer/context.js';
import type { LadderGraph } from '../answer/ladder.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { buildIndex, type RoleIndex } from '../understand/role-index.js';
import { buildRoleChoices, type RoleChoices } from '../understand/role-choices.js';

/**
 * One version of the knowledge base with everything derived from it, built once by `deriveKnowledge`
 * and never changed: a reload swaps the whole value, so no stage keeps a cache of its own.
 */
export interface Knowledge {
  readonly kb: KnowledgeBase;
  /** Role names for reading questions (understand/). */
  readonly index: RoleIndex;
  /** Ladder links for career-path answers (answer/). */
  readonly ladder: LadderGraph;
  /** Role names for autocomplete (slash options). */
  readonly choices: RoleChoices;
}

/** Build every derived structure for one knowledge base. */
export function deriveKnowledge(kb: KnowledgeBase): Knowledge {
  const { ladder } = buildAnswerContext(kb);
  const index = buildIndex(kb);
  return Object.freeze({ kb, index, ladder, choices: buildRoleChoices(kb, index) });
}

/** Where the engine reads the current knowledge from; a reload swaps what `current()` returns. */
export interface KnowledgeSource {
  current(): Knowledge;
}

/** A KnowledgeSource that never changes (ask, tests). */
export function fixedKnowledge(knowledge: Knowledge): KnowledgeSource {
  return { current: () => knowledge };
}
