import Fuse from 'fuse.js';
import type { KnowledgeBase } from '../knowledge/model.js';

/** An autocomplete choice: `name` is shown, `value` (the role id) is what the command receives. */
export interface RoleChoice {
  readonly name: string;
  readonly value: string;
}

/** Discord shows at most 25 choices; names and values are at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** Loose on purpose: autocomplete runs on every keystroke over a partly typed word. */
const FUSE_OPTIONS = Object.freeze({
  keys: [
    { name: 'title', weight: 2 },
    { name: 'aliases', weight: 1 },
  ],
  // 0.4 keeps "opps mgr" -> Operations Manager but drops unrelated roles.
  threshold: 0.4,
  ignoreLocation: true,
  includeScore: true,
});

interface Entry {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
}

/** The autocomplete index of one knowledge base, built once by the engine. */
export interface RoleChoices {
  readonly fuse: Fuse<Entry>;
  /** Every role, the curated ones first, A-Z by title: what is offered before anything is typed. */
  readonly sorted: readonly Entry[];
}

export function buildRoleChoices(kb: KnowledgeBase): RoleChoices {
  const entries = [...kb.roles.values()].map((r) => ({ id: r.id, title: r.title, aliases: r.aliases }));
  const curated = (id: string): number => (kb.roles.get(id)?.origin === 'open-data' ? 0 : 1);
  return {
    fuse: new Fuse(entries, FUSE_OPTIONS),
    sorted: [...entries].sort((a, b) => curated(b.id) - curated(a.id) || a.title.localeCompare(b.title)),
  };
}

function choice(entry: Entry): RoleChoice {
  return { name: entry.title.slice(0, MAX_CHOICE_LENGTH), value: entry.id.slice(0, MAX_CHOICE_LENGTH) };
}

/** Roles whose title or an alias is close to `typed`, best first; all roles (A-Z) while nothing is typed. */
export function suggestRoles(choices: RoleChoices, typed: string): RoleChoice[] {
  const text = typed.trim().slice(0, MAX_CHOICE_LENGTH);
  if (text === '') return choices.sorted.slice(0, MAX_CHOICES).map(choice);
  return choices.fuse.search(text, { limit: MAX_CHOICES }).map((r) => choice(r.item));
}
