import { wordIndexer } from './text.js';

export type LadderKind = 'reports_to' | 'step_towards' | 'comes_from';

/** A career-ladder fact stated plainly in a sentence: "reports directly to the chief executive officer". */
export interface LadderStatement {
  readonly kind: LadderKind;
  /** The other end, as written ("chief executive officer", "ceo"). */
  readonly target: string;
  /** Word index of the statement, to tell which role it is about (the one named before it). */
  readonly at: number;
}

const TRIGGERS: readonly (readonly [LadderKind, RegExp])[] = [
  ['reports_to', /\breport(?:s|ing)?\s(?:directly\s)?to\s/gi],
  ['step_towards', /\bstepping[- ]stones?\s(?:to|towards|for)\s(?:becoming\s)?/gi],
  ['step_towards', /\bpromoted\sto\s/gi],
  ['step_towards', /\b(?:advance|move\sup)\sto\s/gi],
  ['comes_from', /\bpromoted\sfrom\s/gi],
  ['comes_from', /\b(?:start|begin)s?\s(?:out\s)?(?:their\scareers?\s)?as\s/gi],
];

const LEADING = new Set(['the', 'a', 'an', 'their', 'its', 'his', 'her', 'becoming', 'be']);
const STOP = new Set([
  'position',
  'positions',
  'role',
  'roles',
  'job',
  'jobs',
  'level',
  'title',
  'and',
  'or',
  'as',
  'in',
  'within',
  'which',
  'who',
  'after',
  'once',
  'because',
  'before',
  'when',
  'where',
  'with',
  'at',
  'by',
  'for',
  'to',
  'but',
  'while',
  'so',
  'if',
  'since',
  'through',
  'over',
  'is',
  'are',
  'can',
  'may',
  'it',
  'they',
]);

function targetAfter(rest: string): string | undefined {
  const out: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    const token = raw.replace(/['’]s$/, '');
    const bare = token.replace(/[^\p{L}\p{N}-]/gu, '');
    const lower = bare.toLowerCase();
    if (bare.length === 0) break;
    if (out.length === 0 && LEADING.has(lower)) continue;
    if (STOP.has(lower)) break;
    out.push(bare);
    if (token !== raw || /[^\p{L}\p{N}-]$/u.test(token) || out.length >= 6) break;
  }
  while (out.length > 0 && ['of', 'the'].includes((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  return out.length === 0 ? undefined : out.join(' ');
}

/** Ladder facts a sentence states plainly. Anything less plain is left to the editor. */
export function findLadder(sentence: string): LadderStatement[] {
  const out: LadderStatement[] = [];
  const wordAt = wordIndexer(sentence);
  for (const [kind, pattern] of TRIGGERS) {
    for (const match of sentence.matchAll(pattern)) {
      const from = match.index + match[0].length;
      const target = targetAfter(sentence.slice(from, from + 120));
      if (target !== undefined) out.push({ kind, target, at: wordAt(match.index) });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
