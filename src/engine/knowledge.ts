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
 * src/engine/index-cache.ts); built here otherwise. `previous`: the version this one replaces (live
 * reload): when every role's names are those it had, in the same order, its name index is this one's
 * (the usual edit changes a figure or a text, not a name), so only the cheap parts are built again.
 */
export function deriveKnowledge(kb: KnowledgeBase, names?: RoleNameIndex, previous?: Knowledge): Knowledge {
  const { ladder } = buildAnswerContext(kb);
  const reuse = names ?? (previous !== undefined && sameNames(previous.kb, kb) ? previous.index : undefined);
  const index = buildIndex(kb, english(), reuse);
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

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Whether two knowledge bases give the same name index: the same roles in the same order, each with
 * the same names (everything `nameIndexInput` in src/understand/role-index.ts reads), and the same topics.
 */
export function sameNames(a: KnowledgeBase, b: KnowledgeBase): boolean {
  if (a.roles.size !== b.roles.size || a.topics.length !== b.topics.length) return false;
  if (JSON.stringify(a.topics) !== JSON.stringify(b.topics)) return false;
  const next = b.roles.values();
  for (const x of a.roles.values()) {
    const y = next.next().value;
    if (y === undefined) return false;
    if (x === y) continue;
    if (
      x.id !== y.id ||
      x.title !== y.title ||
      x.origin !== y.origin ||
      !sameList(x.aliases, y.aliases) ||
      !sameList(x.alternateTitles, y.alternateTitles) ||
      !sameList(x.reportedTitles, y.reportedTitles)
    )
      return false;
  }
  return true;
}
