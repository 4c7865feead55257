import type { z } from 'zod';
import { didYouMean } from './names.js';
import type { YamlPath } from './yaml-source.js';

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

/** "file:line field: message (hint)" */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.field === undefined ? '' : ` ${p.field}:`;
  const hint = p.hint === undefined ? '' : ` (${p.hint})`;
  return `${where}${field} ${p.message}${hint}`;
}

/** ["roles", 0, "salary"] -> "roles[0].salary" */
export function fieldPath(path: YamlPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

/** Every key the knowledge schemas know, for "did you mean" on a misspelled key. */
const KNOWN_KEYS = [
  'title',
  'source',
  'url',
  'roles',
  'id',
  'aliases',
  'summary',
  'salary',
  'amount',
  'currency',
  'period',
  'kind',
  'ladder',
  'reports_to',
  'step_towards',
  'comes_from',
  'soc',
  'topics',
  'name',
  'words',
].map((k) => [k, k] as const);

/** Turn zod issues into problems, each on the line of the offending key. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  file: string,
  lineOf: (path: YamlPath) => number,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const hint = didYouMean(key, KNOWN_KEYS);
        problems.push({
          file,
          line: lineOf(path),
          field: fieldPath(path),
          message: 'unknown field',
          ...(hint === undefined
            ? { hint: 'remove it, or check the spelling against knowledge/README.md' }
            : { hint }),
        });
      }
      continue;
    }
    problems.push({
      file,
      line: lineOf(issue.path),
      field: fieldPath(issue.path) || '(front matter)',
      message: issue.message,
    });
  }
  return problems;
}
