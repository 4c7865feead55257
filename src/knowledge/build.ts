import type { ParsedArticle, ParsedRole, TopicVocabulary } from './article.js';
import { roleField } from './article.js';
import {
  createKnowledgeBase,
  type Comparison,
  type Conflict,
  type Fact,
  type KnowledgeBase,
  type Ladder,
  type LadderLink,
  type Role,
  type RoleId,
  type Salary,
  type Topic,
  type TopicId,
} from './model.js';
import { nameKey, simplify } from './names.js';
import type { Problem } from './problem.js';

/** The topic vocabulary that `## ` headings are read with. */
export function topicVocabulary(topics: readonly Topic[]): TopicVocabulary {
  const byName = new Map<string, TopicId>();
  const suggestions: (readonly [string, string])[] = [];
  for (const topic of topics) {
    for (const spelling of [topic.id, topic.name, ...topic.words]) {
      const key = simplify(spelling);
      if (!byName.has(key)) byName.set(key, topic.id);
      suggestions.push([spelling, topic.name]);
    }
  }
  return { byName, suggestions };
}

interface Claim {
  readonly roleId: RoleId;
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

interface LadderDraft {
  readonly title: string;
  readonly source: Fact['source'];
}

/** A role while articles are merged into it; every collection grows by appending (linear overall). */
interface RoleDraft {
  readonly id: RoleId;
  readonly title: string;
  readonly titleFile: string;
  readonly titleLine: number;
  /** The title as names are compared, for the one-title-per-id rule. */
  readonly titleKey: string;
  readonly summary: string;
  readonly aliases: string[];
  /** Simplified title and aliases: a role has a handful, so a list beats a Set here (50,000 of them). */
  readonly aliasKeys: string[];
  readonly facts: Map<TopicId, Fact[]>;
  readonly salaries: Salary[];
  readonly salaryWhere: { readonly file: string; readonly line: number; readonly role: ParsedRole }[];
  /** Created by the first article that has ladder facts for the role. */
  ladder?: {
    reportsTo: LadderDraft[];
    stepTowards: LadderDraft[];
    comesFrom: LadderDraft[];
    keys: Set<string>;
  };
  readonly comparisons: string[];
  /** O*NET-SOC code from front matter (first article that sets it). */
  soc?: { readonly code: string; readonly file: string };
}

export interface BuildResult {
  readonly kb?: KnowledgeBase;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

/**
 * A list grown by push() holds room for at least 17 items; most lists here keep one or two for the
 * life of the knowledge base, so each is copied to its exact size (at 10,000 articles the spare room
 * was about 20 MB).
 */
const exact = <T>(list: readonly T[]): readonly T[] => (list.length === 0 ? NONE : list.slice());

/**
 * One frozen empty list and one empty ladder shared by every role that has none (most roles have no
 * ladder facts: three lists and an object each, about 8 MB at 50,000 articles).
 */
const NONE: readonly never[] = Object.freeze([]);
const NO_LADDER: Ladder = Object.freeze({ reportsTo: NONE, stepTowards: NONE, comesFrom: NONE });

function addFact(facts: Map<TopicId, Fact[]>, topic: TopicId, fact: Fact): void {
  const list = facts.get(topic);
  if (list === undefined) facts.set(topic, [fact]);
  else list.push(fact);
}

const money = (s: Salary): string =>
  `${s.amount.toLocaleString('en-US')} ${s.currency} per ${s.period} (${s.kind})`;
const sameSalary = (a: Salary, b: Salary): boolean =>
  a.amount === b.amount && a.currency === b.currency && a.period === b.period && a.kind === b.kind;

/**
 * Merge parsed articles into one knowledge base and check the rules that span files: one title per
 * id, one role per alias, one article per comparison id. A role in several articles becomes one role
 * whose facts and salaries keep their sources. Linear in the size of the input.
 */
export function buildKnowledgeBase(
  dir: string,
  topics: readonly Topic[],
  articles: readonly ParsedArticle[],
): BuildResult {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const drafts = new Map<RoleId, RoleDraft>();
  const comparisons: Comparison[] = [];
  const comparisonFiles = new Map<string, string>();
  const pairFiles = new Map<string, string>();

  const mergeRole = (article: ParsedArticle, role: ParsedRole): void => {
    const { entry } = role;
    let draft = drafts.get(entry.id);
    if (draft === undefined) {
      const titleKey = simplify(entry.title);
      draft = {
        id: entry.id,
        title: entry.title,
        titleFile: article.file,
        titleLine: role.titleLine,
        titleKey,
        summary: entry.summary,
        aliases: [],
        aliasKeys: [titleKey],
        facts: new Map(),
        salaries: [],
        salaryWhere: [],
        comparisons: [],
      };
      drafts.set(entry.id, draft);
    } else if (draft.titleKey !== simplify(entry.title)) {
      problems.push({
        file: article.file,
        line: role.titleLine,
        field: roleField(role, 'title'),
        message: `role "${entry.id}" is titled "${entry.title}" here but "${draft.title}" in ${draft.titleFile}:${draft.titleLine}`,
        hint: 'use the same title everywhere, or give the other role its own id',
      });
      return;
    }
    // Variants that differ only in dots or hyphens are kept: matchers may compare spellings literally.
    for (const alias of entry.aliases) {
      const key = simplify(alias);
      if (!draft.aliasKeys.includes(key)) {
        draft.aliasKeys.push(key);
        draft.aliases.push(alias);
      }
    }
    const source = article.source;
    addFact(draft.facts, 'overview', { text: entry.summary, source });
    // A section is a fact already (its text and source): kept as it is, not copied.
    for (const section of role.sections) addFact(draft.facts, section.topic, section);
    if (entry.salary !== undefined) {
      draft.salaries.push({ ...entry.salary, source });
      draft.salaryWhere.push({ file: article.file, line: role.salaryLine, role });
    }
    const ladder = entry.ladder;
    if (ladder !== undefined) {
      draft.ladder ??= { reportsTo: [], stepTowards: [], comesFrom: [], keys: new Set() };
      const links: ['reportsTo' | 'stepTowards' | 'comesFrom', readonly string[]][] = [
        ['reportsTo', ladder.reports_to],
        ['stepTowards', ladder.step_towards],
        ['comesFrom', ladder.comes_from],
      ];
      for (const [kind, titles] of links) {
        for (const title of titles) {
          const key = `${kind}:${nameKey(title)}`;
          if (draft.ladder.keys.has(key)) continue;
          draft.ladder.keys.add(key);
          draft.ladder[kind].push({ title, source });
        }
      }
    }
    if (entry.soc !== undefined) {
      if (draft.soc === undefined) draft.soc = { code: entry.soc, file: article.file };
      else if (draft.soc.code !== entry.soc) {
        problems.push({
          file: article.file,
          line: role.titleLine,
          field: roleField(role, 'soc'),
          message: `role "${entry.id}" is linked to ${entry.soc} here but to ${draft.soc.code} in ${draft.soc.file}`,
          hint: 'a role links to one occupation; use the same soc everywhere',
        });
      }
    }
    draft.comparisons.push(article.id);
  };

  for (const article of articles) {
    const earlier = comparisonFiles.get(article.id);
    if (earlier !== undefined) {
      problems.push({
        file: article.file,
        field: '(file name)',
        message: `another article has the same name: ${earlier}`,
        hint: 'file names are comparison ids and must be unique; rename one of them',
      });
      continue;
    }
    comparisonFiles.set(article.id, article.file);
    const [a, b] = article.roles;
    mergeRole(article, a);
    mergeRole(article, b);
    const pair = a.entry.id < b.entry.id ? `${a.entry.id} ${b.entry.id}` : `${b.entry.id} ${a.entry.id}`;
    const samePair = pairFiles.get(pair);
    if (samePair === undefined) pairFiles.set(pair, article.file);
    else {
      warnings.push({
        file: article.file,
        field: 'roles',
        message: `${samePair} already compares these two roles; answers comparing them use that one`,
        hint: 'merge the two articles, or keep both for their facts',
      });
    }
    comparisons.push({
      id: article.id,
      title: article.title,
      roles: [a.entry.id, b.entry.id],
      differences: Object.fromEntries(article.differences.map((section) => [section.topic, section.text])),
      source: article.source,
    });
  }

  // Who owns each name: titles and ids first, so an alias that is another role's title is caught in any order.
  const owners = new Map<string, Claim>();
  for (const draft of drafts.values()) {
    for (const name of [draft.title, draft.id]) {
      const key = nameKey(name);
      const owner = owners.get(key);
      if (owner === undefined)
        owners.set(key, { roleId: draft.id, name, file: draft.titleFile, line: draft.titleLine });
      else if (owner.roleId !== draft.id) {
        problems.push({
          file: draft.titleFile,
          line: draft.titleLine,
          field: 'title',
          message: `"${name}" (role "${draft.id}") is also the name of role "${owner.roleId}" in ${owner.file}:${owner.line}`,
          hint: 'two different roles need different titles',
        });
      }
    }
  }
  for (const article of articles) {
    for (const role of article.roles) {
      role.entry.aliases.forEach((alias, index) => {
        const key = nameKey(alias);
        const line = role.aliasLines[index] ?? role.titleLine;
        const owner = owners.get(key);
        if (owner === undefined)
          owners.set(key, { roleId: role.entry.id, name: alias, file: article.file, line });
        else if (owner.roleId !== role.entry.id) {
          problems.push({
            file: article.file,
            line,
            field: roleField(role, 'aliases', index),
            message: `alias "${alias}" of role "${role.entry.id}" is already claimed by role "${owner.roleId}" ("${owner.name}" in ${owner.file}:${owner.line})`,
            hint: 'an alias must name one role only; remove it from one of them',
          });
        }
      });
    }
  }

  if (problems.length > 0) return { problems, warnings };

  const resolve = (links: readonly LadderDraft[], self: RoleId): readonly LadderLink[] =>
    links.length === 0
      ? NONE
      : links.map(({ title, source }) => {
          const roleId = owners.get(nameKey(title))?.roleId;
          return roleId === undefined || roleId === self ? { title, source } : { title, roleId, source };
        });

  const conflicts: Conflict[] = [];
  const roles = new Map<RoleId, Role>();
  for (const draft of drafts.values()) {
    const [firstSalary] = draft.salaries;
    if (firstSalary !== undefined && draft.salaries.some((s) => !sameSalary(s, firstSalary))) {
      const detail = draft.salaries.map((s) => `${money(s)} in ${s.source.file}`).join('; ');
      conflicts.push({
        roleId: draft.id,
        field: 'salary',
        message: `${draft.title}: sources give different salaries: ${detail}`,
      });
      draft.salaries.slice(1).forEach((salary, i) => {
        const where = draft.salaryWhere[i + 1];
        const first = firstSalary;
        if (where === undefined || sameSalary(salary, first)) return;
        warnings.push({
          file: where.file,
          line: where.line,
          field: roleField(where.role, 'salary', 'amount'),
          message: `${draft.title}: ${money(salary)} here, but ${money(first)} in ${first.source.file}; both are kept, per source`,
          hint: 'check the sources; answers show each figure with its source',
        });
      });
    }
    roles.set(draft.id, {
      id: draft.id,
      title: draft.title,
      aliases: exact(draft.aliases),
      summary: draft.summary,
      facts: Object.fromEntries([...draft.facts].map(([topic, list]) => [topic, exact(list)])),
      salaries: exact(draft.salaries),
      ladder:
        draft.ladder === undefined
          ? NO_LADDER
          : {
              reportsTo: resolve(draft.ladder.reportsTo, draft.id),
              stepTowards: resolve(draft.ladder.stepTowards, draft.id),
              comesFrom: resolve(draft.ladder.comesFrom, draft.id),
            },
      comparisons: exact(draft.comparisons),
      ...(draft.soc === undefined ? {} : { soc: draft.soc.code }),
    });
  }

  const kb = createKnowledgeBase({ dir, topics, roles, comparisons, conflicts });
  return { kb, problems, warnings };
}
