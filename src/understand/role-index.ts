import type { KnowledgeBase } from '../knowledge/model.js';

/** STUB (contract only): the understanding work replaces this with the real index. */
export interface RoleIndex {
  readonly size: number;
}

export function buildIndex(kb: KnowledgeBase): RoleIndex {
  return { size: kb.roles.size };
}
