import type { KnowledgeBase } from './model.js';

/** One thing wrong (or worth knowing) about the knowledge files, in terms a content editor can act on. */
export interface Problem {
  /** Path relative to the knowledge directory. */
  readonly file: string;
  readonly line?: number;
  /** Dotted field path, e.g. "roles[0].salary.amount". */
  readonly field?: string;
  readonly message: string;
  /** How to fix it, e.g. 'did you mean "salary"?'. */
  readonly hint?: string;
}

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** STUB (contract only): read, validate and merge every knowledge file under `dir`. Never throws for bad content. */
export async function loadKnowledgeBase(dir: string): Promise<LoadResult> {
  return { ok: false, problems: [{ file: dir, message: 'loader not implemented yet' }] };
}

/** "file:line field: message (hint)" */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.field === undefined ? '' : ` ${p.field}:`;
  const hint = p.hint === undefined ? '' : ` (${p.hint})`;
  return `${where}${field} ${p.message}${hint}`;
}
