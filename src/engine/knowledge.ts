import { buildAnswerContext } from '../answer/context.js';
import type { LadderGraph } from '../answer/ladder.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { buildIndex, type RoleIndex, type RoleNameIndex } from '../understand/role-index.js';
import { english } from '../understand/english/words.js';
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
  /** Role names for autocomplete (slash options); built on first use (only Discord asks for them). */
  readonly choices: RoleChoices;
}

/**
 * Build every derived structure for one knowledge base. The autocomplete choices are built the first
 * time they are read and then kept with this value (a memoized getter), so `ask` never pays for them.
 * `names`: the name part of the index when it is at hand already (read from the cache by
 * src/engine/index-cache.ts); built here otherwise.
 */
export function deriveKnowledge(kb: KnowledgeBase, names?: RoleNameIndex): Knowledge {
  const { ladder } = buildAnswerContext(kb);
  const index = buildIndex(kb, english(), names);
  let choices: RoleChoices | undefined;
  return Object.freeze({
    kb,
    index,
    ladder,
    get choices(): RoleChoices {
      choices ??= buildRoleChoices(kb, index);
      return choices;
    },
  });
}

/** Where the engine reads the current knowledge from; a reload swaps what `current()` returns. */
export interface KnowledgeSource {
  current(): Knowledge;
}

/** A KnowledgeSource that never changes (ask, tests). */
export function fixedKnowledge(knowledge: Knowledge): KnowledgeSource {
  return { current: () => knowledge };
}
