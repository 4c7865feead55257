import type { KnowledgeBase } from '../model.js';
import { nameKey } from '../names.js';

/** What kb:check reports about the open data: counts, and the names several occupations share. */
export interface OpenDataSummary {
  readonly occupations: number;
  readonly titles: {
    readonly primary: number;
    readonly alternate: number;
    readonly reported: number;
    readonly short: number;
  };
  /** Names (compared as the loader compares names) that belong to more than one occupation. */
  readonly sharedNames: number;
  /** The most shared, most first: [name as first written, how many occupations]. */
  readonly mostShared: readonly (readonly [string, number])[];
}

export function summarizeOpenData(kb: KnowledgeBase, top = 5): OpenDataSummary | undefined {
  const data = kb.openData;
  if (data === undefined) return undefined;
  const owners = new Map<string, { name: string; roles: Set<string> }>();
  for (const role of kb.roles.values()) {
    if (role.origin !== 'open-data') continue;
    for (const name of [role.title, ...(role.alternateTitles ?? []), ...(role.reportedTitles ?? [])]) {
      const key = nameKey(name);
      const entry = owners.get(key);
      if (entry === undefined) owners.set(key, { name, roles: new Set([role.id]) });
      else entry.roles.add(role.id);
    }
  }
  const shared = [...owners.values()].filter((e) => e.roles.size > 1);
  shared.sort((a, b) => b.roles.size - a.roles.size || a.name.localeCompare(b.name));
  return {
    occupations: data.occupations.size,
    titles: data.titleCounts,
    sharedNames: shared.length,
    mostShared: shared.slice(0, top).map((e) => [e.name, e.roles.size] as const),
  };
}
