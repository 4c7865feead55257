import { nameKey } from '../knowledge/names.js';
import type { VotedQuestion } from '../store/feedback.js';
import { type GapEntry, GapEntrySchema } from './entry.js';

export interface Counted {
  readonly name: string;
  readonly count: number;
}

export interface MissingRole {
  /** The spelling people used most often. */
  readonly name: string;
  readonly count: number;
  /** Topics asked together with the role, most asked first. */
  readonly topics: readonly Counted[];
  readonly lastAsked: string;
  /** Set when the knowledge base now knows a role by this name (added since it was asked). */
  readonly nowKnownAs?: string;
}

export interface GapSummary {
  readonly total: number;
  readonly unknown: number;
  readonly clarify: number;
  /** Lines that were not valid entries (cut by a crash, edited by hand). */
  readonly skipped: number;
  readonly first?: string;
  readonly last?: string;
  readonly missingRoles: readonly MissingRole[];
  /** Clarify questions grouped by the roles offered ("which did you mean?"), most asked first. */
  readonly clarifyCandidates: readonly Counted[];
  /** Unknown questions that named no role at all, by topic. */
  readonly noRoleTopics: readonly Counted[];
  readonly noRole: number;
}

/** Parse JSON lines, keeping valid entries and counting the rest. */
export function parseGapLines(text: string): { entries: GapEntry[]; skipped: number } {
  const entries: GapEntry[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    try {
      const parsed = GapEntrySchema.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { entries, skipped };
}

function ranked(counts: ReadonlyMap<string, number>): Counted[] {
  return [...counts.entries()]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function bump(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * What went unanswered, most asked first. `known` maps a role key to a role title the knowledge base
 * has now, so roles added since are marked rather than listed as missing.
 */
export function summarizeGaps(
  entries: readonly GapEntry[],
  skipped = 0,
  known: ReadonlyMap<string, string> = new Map(),
): GapSummary {
  const roles = new Map<
    string,
    { spellings: Map<string, number>; topics: Map<string, number>; count: number; last: string }
  >();
  const candidates = new Map<string, number>();
  const noRoleTopics = new Map<string, number>();
  let noRole = 0;
  let unknown = 0;
  let first: string | undefined;
  let last: string | undefined;
  for (const entry of entries) {
    if (first === undefined || entry.ts < first) first = entry.ts;
    if (last === undefined || entry.ts > last) last = entry.ts;
    if (entry.intent === 'clarify') {
      if (entry.candidates.length > 0) bump(candidates, entry.candidates.join(' / '));
    } else {
      unknown++;
    }
    const keys = new Set<string>();
    for (const name of entry.unknownRoles) {
      const key = nameKey(name);
      if (key.length === 0 || keys.has(key)) continue;
      keys.add(key);
      const group = roles.get(key) ?? { spellings: new Map(), topics: new Map(), count: 0, last: entry.ts };
      group.count++;
      if (entry.ts > group.last) group.last = entry.ts;
      bump(group.spellings, name.trim());
      for (const topic of entry.topics) bump(group.topics, topic);
      roles.set(key, group);
    }
    if (keys.size === 0 && entry.intent === 'unknown') {
      noRole++;
      for (const topic of entry.topics) bump(noRoleTopics, topic);
    }
  }
  const missingRoles = [...roles.entries()]
    .map(([key, group]): MissingRole => {
      const nowKnownAs = known.get(key);
      return {
        name: ranked(group.spellings)[0]?.name ?? key,
        count: group.count,
        topics: ranked(group.topics),
        lastAsked: group.last,
        ...(nowKnownAs === undefined ? {} : { nowKnownAs }),
      };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    total: entries.length,
    unknown,
    clarify: entries.length - unknown,
    skipped,
    ...(first === undefined ? {} : { first }),
    ...(last === undefined ? {} : { last }),
    missingRoles,
    clarifyCandidates: ranked(candidates),
    noRoleTopics: ranked(noRoleTopics),
    noRole,
  };
}

function counts(list: readonly Counted[]): string {
  return list.map((c) => `${c.name} ${c.count}`).join(', ');
}

/** The summary as the operator reads it in a terminal. */
export function formatGapSummary(summary: GapSummary, top: number): string {
  if (summary.total === 0) return 'No unanswered questions recorded.\n';
  const lines: string[] = [];
  lines.push(
    `${summary.total} unanswered question(s): ${summary.unknown} unknown, ${summary.clarify} unclear (${summary.first?.slice(0, 10) ?? '?'} to ${summary.last?.slice(0, 10) ?? '?'})`,
  );
  if (summary.skipped > 0) lines.push(`(${summary.skipped} unreadable line(s) skipped)`);
  lines.push('', 'Most-asked roles the knowledge base does not have:');
  const roles = summary.missingRoles.slice(0, top);
  if (roles.length === 0) lines.push('  none');
  const width = Math.max(...roles.map((r) => r.name.length), 4);
  roles.forEach((role, i) => {
    const topics = role.topics.length === 0 ? '' : `  topics: ${counts(role.topics)}`;
    const known = role.nowKnownAs === undefined ? '' : `  (now known: ${role.nowKnownAs})`;
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${role.name.padEnd(width)}  asked ${role.count}x${topics}${known}`,
    );
  });
  if (summary.missingRoles.length > top)
    lines.push(`  ... and ${summary.missingRoles.length - top} more (--top N)`);
  if (summary.clarify > 0) {
    lines.push('', `Unclear which role was meant: ${summary.clarify}`);
    for (const c of summary.clarifyCandidates.slice(0, top)) lines.push(`  ${c.name}: ${c.count}x`);
  }
  if (summary.noRole > 0) {
    lines.push(
      '',
      `Not understood, no role named: ${summary.noRole}${summary.noRoleTopics.length === 0 ? '' : `  topics: ${counts(summary.noRoleTopics)}`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The longest question text shown for a voted answer. */
export const MAX_SHOWN_TEXT = 120;

/**
 * Text from the database made safe for a terminal: control, format (bidirectional overrides) and
 * line-separator characters become U+FFFD, the length is bounded, and it is quoted with JSON's
 * escaping so a quote or backslash cannot end it early.
 */
export function printable(text: string, max: number = MAX_SHOWN_TEXT): string {
  const cleaned = Array.from(text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '\uFFFD'));
  const cut = cleaned.length <= max ? cleaned.join('') : `${cleaned.slice(0, max - 1).join('')}\u2026`;
  return JSON.stringify(cut);
}

/** The answers people voted least helpful, with their questions, as the operator reads them. */
export function formatLeastHelpful(
  voted: readonly VotedQuestion[],
  totals: { readonly helpful: number; readonly notHelpful: number },
  top: number,
): string {
  const lines = [
    `Feedback: ${totals.helpful} helpful, ${totals.notHelpful} not helpful vote(s).`,
    'Answers voted least helpful (not helpful / helpful), with the question asked:',
  ];
  const shown = voted.slice(0, top);
  if (shown.length === 0) lines.push('  none');
  shown.forEach((v, i) => {
    const about = [
      v.kind,
      v.roles.map((r) => printable(r, 64)).join(', '),
      v.topics.map((t) => printable(t, 32)).join(', '),
    ]
      .filter((p) => p.length > 0)
      .join('; ');
    lines.push(
      `  ${String(i + 1).padStart(2)}. ${printable(v.text)}  ${v.notHelpful} / ${v.helpful}  (${about})`,
    );
  });
  if (voted.length > top) lines.push(`  ... and more (--top N)`);
  return `${lines.join('\n')}\n`;
}
