import type { KnowledgeBase, Role } from '../knowledge/model.js';
import { nameKey } from '../knowledge/names.js';
import { tokenKey } from '../understand/keys.js';
import { type ArticleTopic, structureArticle } from './article.js';
import { type Block, detectFormat, textToBlocks } from './blocks.js';
import { MAX_UNCLOSED_TAGS, htmlToBlocks, unclosedTags } from './html.js';
import type { LadderKind } from './ladder.js';
import { type DifferenceTopic, type Notice, placeArticle } from './place.js';
import { type ArticleFile, type RoleEntry, renderArticle } from './render.js';
import { type ImportedRole, readRole, roleMatcher, upperCaseAbbreviations } from './roles.js';
import { describeSalary } from './salary.js';
import { findExpansion, mapPair, properCase, splitSentences } from './text.js';

export type { Notice } from './place.js';

export interface ImportInput {
  /** File name as given, for the format and for messages. */
  readonly fileName: string;
  readonly content: string;
  /** Source URL when the operator knows it (overrides the page's canonical link). */
  readonly url?: string;
}

export interface ImportedRoleSummary {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** Set when the role already existed in the knowledge base and was merged into. */
  readonly mergedWith?: string;
  readonly salary?: string;
  readonly topics: readonly string[];
}

export type ImportResult =
  | {
      readonly ok: true;
      /** Path of the knowledge file to write, relative to the knowledge directory ("articles/a-vs-b.md"). */
      readonly path: string;
      /** True when the knowledge base already has a file for these two roles (`path` is that file). */
      readonly exists: boolean;
      readonly text: string;
      readonly title: string;
      readonly roles: readonly [ImportedRoleSummary, ImportedRoleSummary];
      readonly notices: readonly Notice[];
    }
  | { readonly ok: false; readonly message: string };

/** Larger inputs are refused: no comparison article is this long, and parsing stays cheap. */
export const MAX_IMPORT_CHARS = 2 * 1024 * 1024;

function roleNames(role: Role): string[] {
  return [role.title, role.id.replace(/-/g, ' '), ...role.aliases];
}

function findExisting(kb: KnowledgeBase | undefined, role: ImportedRole): Role | undefined {
  if (kb === undefined) return undefined;
  const byId = kb.roles.get(role.id);
  if (byId !== undefined) return byId;
  const keys = new Set([role.title, role.asWritten, ...role.aliases].map(nameKey));
  return [...kb.roles.values()].find((r) => roleNames(r).some((n) => keys.has(nameKey(n))));
}

/** A name compared word by word, plurals and case aside: "Dental Assistants" is "dental assistant". */
const wordsKey = (name: string): string =>
  name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(tokenKey)
    .join(' ');

/**
 * An O*NET title's names: "Licensed Practical Nurse (LPN)" is "licensed practical nurse" and "lpn";
 * "HR Generalist (Human Resources Generalist)" is both of those.
 */
function titleKeys(name: string): string[] {
  const parts = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(name);
  if (parts?.[1] === undefined || parts[2] === undefined) return [wordsKey(name)];
  return [wordsKey(name), wordsKey(parts[1]), wordsKey(parts[2])];
}

/**
 * The O*NET-SOC code of the one occupation of the open data whose own or alternate title is `title`
 * ("Dental Hygienist" is an alternate title of 29-1292.00), else undefined: none, or several (a title
 * O*NET lists for several occupations links to none of them).
 */
function occupationOf(kb: KnowledgeBase | undefined, title: string): string | undefined {
  if (kb === undefined) return undefined;
  const key = wordsKey(title);
  const codes = new Set<string>();
  for (const role of kb.roles.values()) {
    if (role.origin !== 'open-data' || role.soc === undefined) continue;
    if ([role.title, ...(role.alternateTitles ?? [])].some((n) => titleKeys(n).includes(key)))
      codes.add(role.soc);
  }
  return codes.size === 1 ? [...codes][0] : undefined;
}

/** First one or two sentences: the summary; the rest stays as overview text. */
function splitSummary(paragraphs: readonly string[]): { summary: string; rest: string[] } {
  const [first, ...others] = paragraphs;
  if (first === undefined) return { summary: '', rest: [] };
  const sentences = splitSentences(first);
  const take = (sentences[0]?.length ?? 0) >= 160 ? 1 : 2;
  const summary = sentences.slice(0, take).join(' ');
  const remainder = sentences.slice(take).join(' ');
  return { summary, rest: remainder.length > 0 ? [remainder, ...others] : others };
}

function blocksOf(input: ImportInput): { blocks: Block[]; url?: string } | string {
  const format = detectFormat(input.fileName, input.content);
  if (format === 'html') {
    const unclosed = unclosedTags(input.content);
    if (unclosed > MAX_UNCLOSED_TAGS)
      return `the page has ${unclosed} unclosed elements; save the page again, or copy the article as text`;
    return htmlToBlocks(input.content);
  }
  return { blocks: textToBlocks(input.content, format) };
}

/**
 * Read one comparison article and produce its knowledge file, merged with the roles the knowledge
 * base already has. Pure: writing, overwrite checks and the final check are the caller's.
 * `replacing` is the file a forced import overwrites; its own facts do not count as conflicts.
 */
export function importArticle(input: ImportInput, kb?: KnowledgeBase, replacing?: string): ImportResult {
  if (input.content.length > MAX_IMPORT_CHARS) {
    return {
      ok: false,
      message: `${input.fileName}: is ${Math.ceil(input.content.length / 1024)} KiB; an article to import may be at most ${MAX_IMPORT_CHARS / 1024} KiB (save only the article page)`,
    };
  }
  const read = blocksOf(input);
  if (typeof read === 'string') return { ok: false, message: `${input.fileName}: ${read}` };
  const { blocks, url: pageUrl } = read;
  const structured = structureArticle(blocks);
  if (!structured.ok) return { ok: false, message: `${input.fileName}: ${structured.message}` };
  const article = structured.article;
  const fullText = blocks.map((b) => b.text).join('\n');
  const notices: Notice[] = [];
  if (article.dropped > 0)
    notices.push({
      kind: 'unplaced',
      message: `${article.dropped} line(s) of site chrome around the article left out`,
    });

  const readRoles = [
    readRole(article.names[0], fullText, [article.names[1]]),
    readRole(article.names[1], fullText, [article.names[0]]),
  ] as const;
  for (const r of readRoles) for (const n of r.notices) notices.push({ kind: 'role', message: n.message });
  const existing = [findExisting(kb, readRoles[0].role), findExisting(kb, readRoles[1].role)] as const;
  if (existing[0] !== undefined && existing[0] === existing[1]) {
    return {
      ok: false,
      message: `${input.fileName}: both roles of "${article.title}" are the same known role "${existing[0].title}"`,
    };
  }

  // Aliases that already belong to another role would break the knowledge base: drop them, say so.
  const ownerOfName = new Map<string, Role>();
  for (const role of kb?.roles.values() ?? [])
    for (const n of roleNames(role)) ownerOfName.set(nameKey(n), role);
  const roles = mapPair(readRoles, (r, i): ImportedRole => {
    const known = existing[i];
    const base = r.role;
    const title = known?.title ?? base.title;
    const candidates = [
      ...base.aliases,
      ...(known !== undefined && nameKey(base.title) !== nameKey(known.title) ? [base.title] : []),
    ];
    const aliases: string[] = [];
    for (const alias of candidates) {
      const key = nameKey(alias);
      if (key === nameKey(title) || aliases.some((a) => nameKey(a) === key)) continue;
      const owner = ownerOfName.get(key);
      if (owner !== undefined && owner.id !== (known?.id ?? base.id)) {
        notices.push({
          kind: 'conflict',
          message: `alias "${alias}" of ${title} already belongs to ${owner.title}; left out`,
        });
        continue;
      }
      aliases.push(alias);
    }
    if (known !== undefined && known.title !== base.title) {
      notices.push({
        kind: 'existing',
        message: `"${base.title}" is the known role ${known.title} (${known.id}); merged into it`,
      });
    } else if (known !== undefined) {
      notices.push({
        kind: 'existing',
        message: `${known.title} (${known.id}) is already in the knowledge base; merged into it`,
      });
    }
    return { id: known?.id ?? base.id, title, aliases, asWritten: base.asWritten };
  });
  if (roles[0].id === roles[1].id)
    return { ok: false, message: `${input.fileName}: both roles read as "${roles[0].title}"` };

  const extra: [string[], string[]] = [
    [...(existing[0] === undefined ? [] : roleNames(existing[0])), readRoles[0].role.title],
    [...(existing[1] === undefined ? [] : roleNames(existing[1])), readRoles[1].role.title],
  ];
  const matcher = roleMatcher(roles, extra);
  const placement = placeArticle(article, roles, matcher);
  notices.push(...placement.notices);

  const upper = upperCaseAbbreviations(fullText);
  const ladderTitle = (target: string, kind: LadderKind): string => {
    // The article's other role ("Many data scientists start out as data analysts") keeps its title.
    const own = roles.find((r) => nameKey(r.title) === nameKey(target));
    if (own !== undefined) return own.title;
    const known = [...(kb?.roles.values() ?? [])].find((r) =>
      roleNames(r).some((n) => nameKey(n) === nameKey(target)),
    );
    if (known !== undefined) return known.title;
    const single = /^\p{L}{2,5}$/u.test(target);
    if (single && (upper.has(target.toLowerCase()) || findExpansion(target, fullText) !== undefined))
      return target.toUpperCase();
    return kind === 'comes_from' ? target.toLowerCase() : properCase(target, upper);
  };

  const entries = mapPair(roles, (role, i): RoleEntry => {
    const content = placement.roles[i];
    const split = splitSummary(content.overview);
    const rest = split.rest;
    let summary = split.summary;
    if (summary.length === 0) {
      const firstPlaced = Object.values(content.topics).flat()[0];
      summary = firstPlaced === undefined ? '' : (splitSentences(firstPlaced)[0] ?? '');
      notices.push({
        kind: 'missing-section',
        message:
          summary.length === 0
            ? `${role.title}: no summary could be found; write one in the front matter (kb:check fails until then)`
            : `${role.title}: summary taken from its first sentence elsewhere; check it reads well on its own`,
      });
    }
    const ladder = {
      reports_to: content.ladder.reports_to.map((t) => ladderTitle(t, 'reports_to')),
      step_towards: content.ladder.step_towards.map((t) => ladderTitle(t, 'step_towards')),
      comes_from: content.ladder.comes_from.map((t) => ladderTitle(t, 'comes_from')),
    };
    const sections: Partial<Record<DifferenceTopic, readonly string[]>> = {
      overview: rest,
      ...content.topics,
    };
    // A new role whose title O*NET lists for one occupation is linked to it: answers show the
    // article's facts and the BLS figures side by side, each with its source.
    const soc = existing[i] === undefined ? occupationOf(kb, role.title) : undefined;
    if (soc !== undefined)
      notices.push({
        kind: 'linked',
        message: `${role.title}: soc ${soc}, the O*NET occupation listing this title`,
      });
    return {
      id: role.id,
      title: role.title,
      ...(soc === undefined ? {} : { soc }),
      aliases: role.aliases,
      summary,
      ...(content.salary === undefined ? {} : { salary: content.salary }),
      ladder,
      sections,
    };
  });

  // Conflicting facts with what the knowledge base already says: reported, never silently replaced.
  entries.forEach((entry, i) => {
    const known = existing[i];
    if (known === undefined || entry.salary === undefined) return;
    const mine = entry.salary;
    for (const other of known.salaries) {
      if (other.source.file === replacing) continue;
      if (other.amount !== mine.amount || other.period !== mine.period || other.currency !== mine.currency) {
        notices.push({
          kind: 'conflict',
          message: `${entry.title} salary: this article says ${describeSalary(mine)}, ${other.source.file} says ${describeSalary(other)}; both are kept`,
        });
      }
    }
  });

  const comparison = kb?.comparisons.find(
    (c) =>
      (c.roles[0] === entries[0].id && c.roles[1] === entries[1].id) ||
      (c.roles[0] === entries[1].id && c.roles[1] === entries[0].id),
  );
  const path = comparison?.source.file ?? `articles/${entries[0].id}-vs-${entries[1].id}.md`;
  const url = input.url ?? pageUrl;
  const file: ArticleFile = {
    title: `${entries[0].title} vs. ${entries[1].title}`,
    source: url === undefined ? { title: article.title } : { title: article.title, url },
    roles: entries,
    differences: placement.differences,
  };
  const topicsOf = (entry: RoleEntry): string[] =>
    (Object.keys(entry.sections) as (DifferenceTopic | ArticleTopic)[]).filter(
      (t) => (entry.sections[t]?.length ?? 0) > 0,
    );
  const summaries = mapPair(entries, (entry, i): ImportedRoleSummary => {
    const known = existing[i];
    return {
      id: entry.id,
      title: entry.title,
      aliases: entry.aliases,
      ...(known === undefined ? {} : { mergedWith: known.id }),
      ...(entry.salary === undefined ? {} : { salary: describeSalary(entry.salary) }),
      topics: topicsOf(entry),
    };
  });
  return {
    ok: true,
    path,
    exists: comparison !== undefined,
    text: renderArticle(file),
    title: file.title,
    roles: summaries,
    notices,
  };
}
