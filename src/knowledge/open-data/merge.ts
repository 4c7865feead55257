import { createKnowledgeBase, type KnowledgeBase, type Role, type RoleId } from '../model.js';
import type { Problem } from '../problem.js';
import type { OpenDataResult } from './load.js';

/**
 * The knowledge base with the open data in it: the curated roles first (unchanged, except that a
 * `soc` naming no loaded occupation is dropped with a warning), then one role per occupation. Without
 * open data (`result` undefined) every curated `soc` is dropped, so an articles-only directory answers
 * exactly as it did before the open data existed.
 */
export function withOpenData(
  kb: KnowledgeBase,
  result: OpenDataResult | undefined,
): { readonly kb: KnowledgeBase; readonly warnings: readonly Problem[] } {
  const warnings: Problem[] = [];
  const occupations = result?.openData?.occupations;
  if (result === undefined && !hasSoc(kb)) return { kb, warnings };
  const roles = new Map<RoleId, Role>();
  for (const role of kb.roles.values()) {
    if (role.soc === undefined || occupations?.has(role.soc) === true) {
      roles.set(role.id, role);
      continue;
    }
    const { soc, ...unlinked } = role;
    if (occupations !== undefined) {
      const file = kb.comparisons.find((c) => role.comparisons.includes(c.id))?.source.file ?? 'articles/';
      warnings.push({
        file,
        field: 'soc',
        message: `role "${role.id}" is linked to ${soc}, which is not an occupation in open-data/; the link is ignored`,
        hint: 'use the O*NET-SOC code of the occupation that lists this role\u2019s title',
      });
    }
    roles.set(role.id, unlinked);
  }
  const { comparisonsByPair: _, ...parts } = kb;
  if (result?.openData === undefined) return { kb: createKnowledgeBase({ ...parts, roles }), warnings };
  for (const role of result.roles) roles.set(role.id, role);
  return { kb: createKnowledgeBase({ ...parts, roles, openData: result.openData }), warnings };
}

/** Whether a curated role links to an occupation (a loop, not a copy of 50,000 roles, at every reload). */
function hasSoc(kb: KnowledgeBase): boolean {
  for (const role of kb.roles.values()) if (role.soc !== undefined) return true;
  return false;
}
