import type { ParsedArticle, ParsedRole, TopicVocabulary } from './article.js';
import { roleField } from './article.js';
import {
  createKnowledgeBase,
  pairKey,
  type Comparison,
  type Conflict,
  type Fact,
  type KnowledgeBase,
  type Ladder,
  type LadderLink,
  type Role,
  type RoleId,
  type Salary,
  type Source,
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

export interface Claim {
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
  /** What the next build of the same directory starts from (only after a build without problems). */
  readonly state?: BuildState;
  /** Roles merged by this build: all of them, or those an edit touched (with `previous`). */
  readonly merged: number;
}

/**
 * What a build without problems leaves for the next one (live reload), so that an edit re-merges
 * only the roles it touches. Used by one later build only: that build changes `owners` in place.
 */
export interface BuildState {
  readonly dir: string;
  readonly topicsKey: string;
  readonly articles: readonly ParsedArticle[];
  /** The merged roles, before the open data joins them. */
  readonly roles: ReadonlyMap<RoleId, Role>;
  readonly comparisons: readonly Comparison[];
  /** Every name key (titles, ids, aliases) -> the role it names: one role per key without problems. */
  readonly owners: Map<string, Claim>;
  /** Name key of a ladder link's title -> the roles whose links name it (they follow its owner). */
  readonly ladderRefs: Map<string, RoleId[]>;
  /** Salary disagreements, by role (most roles have none). */
  readonly conflicts: ReadonlyMap<RoleId, Conflict>;
  readonly salaryWarnings: ReadonlyMap<RoleId, readonly Problem[]>;
  /** Comparison id -> its article's place in `articles`. */
  readonly articleAt: ReadonlyMap<string, number>;
  /** The knowledge base's comparisons by pair, and the warnings about pairs compared twice. */
  readonly byPair: ReadonlyMap<string, Comparison>;
  readonly pairWarnings: readonly Problem[];
  /** Set once a build started from this state. */
  used: boolean;
}

/** Most articles changed at once for which a build re-merges only the roles they touch. */
const PATCH_LIMIT = 2_000;

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
export const NONE: readonly never[] = Object.freeze([]);
export const NO_LADDER: Ladder = Object.freeze({ reportsTo: NONE, stepTowards: NONE, comesFrom: NONE });

function addFact(facts: Map<TopicId, Fact[]>, topic: TopicId, fact: Fact): void {
  const list = facts.get(topic);
  if (list === undefined) facts.set(topic, [fact]);
  else list.push(fact);
}

const money = (s: Salary): string =>
  `${s.amount.toLocaleString('en-US')} ${s.currency} per ${s.period} (${s.kind})`;
const sameSalary = (a: Salary, b: Salary): boolean =>
  a.amount === b.amount && a.currency === b.currency && a.period === b.period && a.kind === b.kind;

/** Merges articles into role drafts, one role at a time; problems go to `problems`. */
function createMerger(problems: Problem[], only?: ReadonlySet<RoleId>) {
  const drafts = new Map<RoleId, RoleDraft>();
  const mergeRole = (article: ParsedArticle, role: ParsedRole): void => {
    const { entry } = role;
    if (only !== undefined && !only.has(entry.id)) return;
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
    } else if (entry.title !== draft.title && draft.titleKey !== simplify(entry.title)) {
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
      // The same spelling again (most repeats): nothing to compare.
      if (alias === draft.title || draft.aliases.includes(alias)) continue;
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
  return { drafts, mergeRole };
}

export const comparisonOf = (article: ParsedArticle): Comparison => ({
  id: article.id,
  title: article.title,
  roles: [article.roles[0].entry.id, article.roles[1].entry.id],
  differences: Object.fromEntries(article.differences.map((section) => [section.topic, section.text])),
  source: article.source,
});

const pairOf = (article: ParsedArticle): string => {
  const a = article.roles[0].entry.id;
  const b = article.roles[1].entry.id;
  return a < b ? `${a} ${b}` : `${b} ${a}`;
};

const samePairWarning = (article: ParsedArticle, earlier: string): Problem => ({
  file: article.file,
  field: 'roles',
  message: `${earlier} already compares these two roles; answers comparing them use that one`,
  hint: 'merge the two articles, or keep both for their facts',
});

const duplicateName = (article: ParsedArticle, earlier: string): Problem => ({
  file: article.file,
  field: '(file name)',
  message: `another article has the same name: ${earlier}`,
  hint: 'file names are comparison ids and must be unique; rename one of them',
});

/** A ladder link as stated, resolved to the role that owns its title (never the role itself). */
function resolveLink(
  owners: ReadonlyMap<string, Claim>,
  title: string,
  source: Source,
  self: RoleId,
): LadderLink {
  const roleId = owners.get(nameKey(title))?.roleId;
  return roleId === undefined || roleId === self ? { title, source } : { title, roleId, source };
}

const resolveLinks = (
  owners: ReadonlyMap<string, Claim>,
  links: readonly LadderDraft[] | readonly LadderLink[],
  self: RoleId,
): readonly LadderLink[] =>
  links.length === 0 ? NONE : links.map(({ title, source }) => resolveLink(owners, title, source, self));

/** The name keys of a role's ladder links, for `BuildState.ladderRefs`. */
function noteLadderRefs(refs: Map<string, RoleId[]>, role: Role): void {
  const { ladder } = role;
  for (const list of [ladder.reportsTo, ladder.stepTowards, ladder.comesFrom]) {
    for (const link of list) {
      const key = nameKey(link.title);
      const roles = refs.get(key);
      if (roles === undefined) refs.set(key, [role.id]);
      else if (!roles.includes(role.id)) roles.push(role.id);
    }
  }
}

function dropLadderRefs(refs: Map<string, RoleId[]>, role: Role): void {
  const { ladder } = role;
  for (const list of [ladder.reportsTo, ladder.stepTowards, ladder.comesFrom]) {
    for (const link of list) {
      const key = nameKey(link.title);
      const roles = refs.get(key)?.filter((id) => id !== role.id);
      if (roles === undefined || roles.length === 0) refs.delete(key);
      else refs.set(key, roles);
    }
  }
}

/** A finished role from its draft, with its salary disagreement (a conflict and a warning per other figure). */
function finishRole(
  draft: RoleDraft,
  owners: ReadonlyMap<string, Claim>,
): { readonly role: Role; readonly conflict?: Conflict; readonly warnings: readonly Problem[] } {
  const warnings: Problem[] = [];
  let conflict: Conflict | undefined;
  const [firstSalary] = draft.salaries;
  if (firstSalary !== undefined && draft.salaries.some((s) => !sameSalary(s, firstSalary))) {
    const detail = draft.salaries.map((s) => `${money(s)} in ${s.source.file}`).join('; ');
    conflict = {
      roleId: draft.id,
      field: 'salary',
      message: `${draft.title}: sources give different salaries: ${detail}`,
    };
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
  const role: Role = {
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
            reportsTo: resolveLinks(owners, draft.ladder.reportsTo, draft.id),
            stepTowards: resolveLinks(owners, draft.ladder.stepTowards, draft.id),
            comesFrom: resolveLinks(owners, draft.ladder.comesFrom, draft.id),
          },
    comparisons: exact(draft.comparisons),
    ...(draft.soc === undefined ? {} : { soc: draft.soc.code }),
  };
  return { role, ...(conflict === undefined ? {} : { conflict }), warnings };
}

/**
 * A role stated by one article only, as `finishRole` would give it from that article's draft: its
 * aliases without repeats (the parsed list itself when it has none), one fact per section, its
 * salary, its ladder links resolved.
 */
function soleRole(article: ParsedArticle, parsed: ParsedRole, owners: ReadonlyMap<string, Claim>): Role {
  const { entry } = parsed;
  const { source } = article;
  let aliases: readonly string[] = entry.aliases;
  if (aliases.length > 0) {
    const keys = [simplify(entry.title)];
    const kept: string[] = [];
    for (const alias of entry.aliases) {
      const key = simplify(alias);
      if (keys.includes(key)) continue;
      keys.push(key);
      kept.push(alias);
    }
    aliases = kept.length === entry.aliases.length ? entry.aliases : exact(kept);
  } else aliases = NONE;
  const facts = new Map<TopicId, Fact[]>();
  addFact(facts, 'overview', { text: entry.summary, source });
  for (const section of parsed.sections) addFact(facts, section.topic, section);
  let ladder: Ladder = NO_LADDER;
  if (entry.ladder !== undefined) {
    const keys = new Set<string>();
    const links = (kind: string, titles: readonly string[]): readonly LadderLink[] => {
      const out: LadderLink[] = [];
      for (const title of titles) {
        const key = `${kind}:${nameKey(title)}`;
        if (keys.has(key)) continue;
        keys.add(key);
        out.push(resolveLink(owners, title, source, entry.id));
      }
      return exact(out);
    };
    ladder = {
      reportsTo: links('reportsTo', entry.ladder.reports_to),
      stepTowards: links('stepTowards', entry.ladder.step_towards),
      comesFrom: links('comesFrom', entry.ladder.comes_from),
    };
  }
  return {
    id: entry.id,
    title: entry.title,
    aliases,
    summary: entry.summary,
    facts: Object.fromEntries([...facts].map(([topic, list]) => [topic, exact(list)])),
    salaries: entry.salary === undefined ? NONE : [{ ...entry.salary, source }],
    ladder,
    comparisons: [article.id],
    ...(entry.soc === undefined ? {} : { soc: entry.soc }),
  };
}

/** The names a role is known by, as its keys: its title, its id and its aliases. */
const namesOf = (role: {
  readonly id: RoleId;
  readonly title: string;
  readonly aliases: readonly string[];
}) => [role.title, role.id, ...role.aliases];

export const topicsKey = (topics: readonly Topic[]): string => JSON.stringify(topics);

/**
 * Merge parsed articles into one knowledge base and check the rules that span files: one title per
 * id, one role per alias, one article per comparison id. A role in several articles becomes one role
 * whose facts and salaries keep their sources. Linear in the size of the input.
 *
 * With `previous` (the state of the last build of the same directory, live reload) only the roles
 * named by the articles that changed since are merged again, with the roles whose ladder links name
 * one of their names; the rest is reused as it is. The result is the one a full build gives; anything
 * a patch cannot decide on its own (a clash of names or titles, a duplicate file name, too many
 * changes) makes it a full build, which reports the problems as always.
 */
export function buildKnowledgeBase(
  dir: string,
  topics: readonly Topic[],
  articles: readonly ParsedArticle[],
  previous?: BuildState,
): BuildResult {
  if (previous !== undefined && !previous.used && previous.dir === dir) {
    const patched = patchKnowledgeBase(previous, topics, articles);
    if (patched !== undefined) return patched;
  }
  return fullBuild(dir, topics, articles);
}

/**
 * The knowledge base and the state the next build starts from, out of the parts of a build without
 * problems: a full build's, or the ones a warm start reads back from the parse cache (build-cache.ts).
 */
export function finishedBuild(parts: {
  readonly dir: string;
  readonly topics: readonly Topic[];
  readonly articles: readonly ParsedArticle[];
  readonly roles: ReadonlyMap<RoleId, Role>;
  readonly comparisons: readonly Comparison[];
  readonly owners: Map<string, Claim>;
  readonly ladderRefs: Map<string, RoleId[]>;
  readonly conflicts: ReadonlyMap<RoleId, Conflict>;
  readonly salaryWarnings: ReadonlyMap<RoleId, readonly Problem[]>;
  readonly articleAt: ReadonlyMap<string, number>;
  readonly pairWarnings: readonly Problem[];
}): { readonly kb: KnowledgeBase; readonly state: BuildState } {
  const { topics, ...kept } = parts;
  const { dir, roles, comparisons } = kept;
  const kb = createKnowledgeBase({
    dir,
    topics,
    roles,
    comparisons,
    conflicts: [...kept.conflicts.values()],
  });
  const state: BuildState = {
    ...kept,
    topicsKey: topicsKey(topics),
    byPair: kb.comparisonsByPair,
    used: false,
  };
  return { kb, state };
}

function fullBuild(dir: string, topics: readonly Topic[], articles: readonly ParsedArticle[]): BuildResult {
  const warnings: Problem[] = [];
  const comparisons: Comparison[] = [];
  const articleAt = new Map<string, number>();
  const pairFiles = new Map<string, string>();
  // Problems of the merge, each with its place (article, then role), so they read in file order.
  const placed: { readonly at: number; readonly problem: Problem }[] = [];

  // Each role's occurrences, grouped without a growing draft per role: a role index per occurrence
  // (-1 for an article left out), then the occurrences of each role side by side (typed arrays, so
  // nothing here is left for the garbage collector to copy while the knowledge base is built).
  const groupOf = new Map<RoleId, number>();
  const occurrence = new Int32Array(articles.length * 2).fill(-1);
  const counts: number[] = [];
  articles.forEach((article, i) => {
    const earlier = articleAt.get(article.id);
    if (earlier !== undefined) {
      placed.push({ at: i * 3, problem: duplicateName(article, (articles[earlier] as ParsedArticle).file) });
      return;
    }
    articleAt.set(article.id, i);
    for (let slot = 0; slot < 2; slot++) {
      const id = (article.roles[slot] as ParsedRole).entry.id;
      let group = groupOf.get(id);
      if (group === undefined) {
        group = counts.length;
        groupOf.set(id, group);
        counts.push(0);
      }
      occurrence[i * 2 + slot] = group;
      counts[group] = (counts[group] ?? 0) + 1;
    }
    const pair = pairOf(article);
    const samePair = pairFiles.get(pair);
    if (samePair === undefined) pairFiles.set(pair, article.file);
    else warnings.push(samePairWarning(article, samePair));
    comparisons.push(comparisonOf(article));
  });
  const first = new Int32Array(counts.length + 1);
  for (let g = 0; g < counts.length; g++) first[g + 1] = (first[g] ?? 0) + (counts[g] ?? 0);
  const members = new Int32Array(first[counts.length] ?? 0);
  const cursor = first.slice(0, counts.length);
  for (let k = 0; k < occurrence.length; k++) {
    const group = occurrence[k] ?? -1;
    if (group < 0) continue;
    members[cursor[group] ?? 0] = k;
    cursor[group] = (cursor[group] ?? 0) + 1;
  }

  // Who owns each name: titles and ids first (a role's title is the one its first article gives), so
  // an alias that is another role's title is caught in any order.
  const owners = new Map<string, Claim>();
  const nameProblems: Problem[] = [];
  for (let g = 0; g < counts.length; g++) {
    const k = members[first[g] ?? 0] ?? 0;
    const article = articles[k >> 1] as ParsedArticle;
    const role = article.roles[k & 1] as ParsedRole;
    const { id, title } = role.entry;
    for (const name of [title, id]) {
      const key = nameKey(name);
      const owner = owners.get(key);
      if (owner === undefined)
        owners.set(key, { roleId: id, name, file: article.file, line: role.titleLine });
      else if (owner.roleId !== id) {
        nameProblems.push({
          file: article.file,
          line: role.titleLine,
          field: 'title',
          message: `"${name}" (role "${id}") is also the name of role "${owner.roleId}" in ${owner.file}:${owner.line}`,
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
          nameProblems.push({
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

  // One role at a time, merged from its articles in order and finished before the next: no draft
  // outlives its role (50,000 drafts alive at once were copied by every collection of the build).
  const mergeProblems: Problem[] = [];
  const { drafts, mergeRole } = createMerger(mergeProblems);
  const conflictOf = new Map<RoleId, Conflict>();
  const salaryWarnings = new Map<RoleId, readonly Problem[]>();
  const ladderRefs = new Map<string, RoleId[]>();
  const roles = new Map<RoleId, Role>();
  for (let g = 0; g < counts.length; g++) {
    if (counts[g] === 1) {
      // Most roles are in one article: built straight from it, with no draft.
      const k = members[first[g] ?? 0] ?? 0;
      const article = articles[k >> 1] as ParsedArticle;
      const role = soleRole(article, article.roles[k & 1] as ParsedRole, owners);
      roles.set(role.id, role);
      if (role.ladder !== NO_LADDER) noteLadderRefs(ladderRefs, role);
      continue;
    }
    for (let m = first[g] ?? 0; m < (first[g + 1] ?? 0); m++) {
      const k = members[m] ?? 0;
      const article = articles[k >> 1] as ParsedArticle;
      const before = mergeProblems.length;
      mergeRole(article, article.roles[k & 1] as ParsedRole);
      for (let p = before; p < mergeProblems.length; p++)
        placed.push({ at: (k >> 1) * 3 + 1 + (k & 1), problem: mergeProblems[p] as Problem });
    }
    for (const draft of drafts.values()) {
      const finished = finishRole(draft, owners);
      roles.set(draft.id, finished.role);
      if (finished.conflict !== undefined) conflictOf.set(draft.id, finished.conflict);
      if (finished.warnings.length > 0) salaryWarnings.set(draft.id, finished.warnings);
      if (draft.ladder !== undefined) noteLadderRefs(ladderRefs, finished.role);
    }
    drafts.clear();
  }
  const problems = placed.sort((x, y) => x.at - y.at).map((p) => p.problem);
  append(problems, nameProblems);
  if (problems.length > 0) return { problems, warnings, merged: roles.size };
  const pairWarnings = warnings.slice();
  for (const list of salaryWarnings.values()) append(warnings, list);

  const { kb, state } = finishedBuild({
    dir,
    topics,
    articles,
    roles,
    comparisons,
    owners,
    ladderRefs,
    conflicts: conflictOf,
    salaryWarnings,
    articleAt,
    pairWarnings,
  });
  return { kb, problems, warnings, state, merged: roles.size };
}

/** The build of `articles` from the state of the previous one, or undefined when only a full build can tell. */
function patchKnowledgeBase(
  previous: BuildState,
  topics: readonly Topic[],
  articles: readonly ParsedArticle[],
): BuildResult | undefined {
  if (previous.topicsKey !== topicsKey(topics)) return undefined;
  // The usual save: the same files, a few parsed again, each naming the same roles in the same places.
  // Then every article keeps its place, and so do the roles, the comparisons and the pairs.
  let inPlace: number[] | undefined = articles.length === previous.articles.length ? [] : undefined;
  for (let i = 0; inPlace !== undefined && i < articles.length; i++) {
    const now = articles[i] as ParsedArticle;
    const was = previous.articles[i] as ParsedArticle;
    if (now === was) continue;
    if (
      now.file !== was.file ||
      now.roles[0].entry.id !== was.roles[0].entry.id ||
      now.roles[1].entry.id !== was.roles[1].entry.id ||
      inPlace.length >= IN_PLACE_LIMIT
    )
      inPlace = undefined;
    else inPlace.push(i);
  }
  const changed: ParsedArticle[] = [];
  if (inPlace !== undefined) {
    for (const i of inPlace)
      changed.push(previous.articles[i] as ParsedArticle, articles[i] as ParsedArticle);
  } else {
    const before = new Set(previous.articles);
    const now = new Set(articles);
    for (const article of previous.articles) if (!now.has(article)) changed.push(article);
    for (const article of articles) if (!before.has(article)) changed.push(article);
  }
  if (changed.length > PATCH_LIMIT) return undefined;
  // From here the state's maps change: it is not used again, whatever comes of this.
  previous.used = true;
  const { owners, ladderRefs } = previous;

  const affected = new Set<RoleId>();
  for (const article of changed) for (const role of article.roles) affected.add(role.entry.id);

  // The affected roles' names and ladder links out, noting who owned each name.
  const ownerBefore = new Map<string, RoleId>();
  for (const id of affected) {
    const role = previous.roles.get(id);
    if (role === undefined) continue;
    for (const name of namesOf(role)) {
      const key = nameKey(name);
      if (owners.get(key)?.roleId === id) {
        owners.delete(key);
        ownerBefore.set(key, id);
      }
    }
    dropLadderRefs(ladderRefs, role);
  }

  // The affected roles merged again from every article that names them, in order.
  const problems: Problem[] = [];
  const { drafts, mergeRole } = createMerger(problems, affected);
  const mergeFrom = (article: ParsedArticle): void => {
    const [a, b] = article.roles;
    if (affected.has(a.entry.id)) mergeRole(article, a);
    if (affected.has(b.entry.id)) mergeRole(article, b);
  };
  if (inPlace !== undefined) {
    // The articles of each affected role are the ones it was in: their places, in order.
    const places = new Set<number>();
    for (const id of affected) {
      for (const comparison of previous.roles.get(id)?.comparisons ?? []) {
        const at = previous.articleAt.get(comparison);
        if (at !== undefined) places.add(at);
      }
    }
    for (const at of [...places].sort((x, y) => x - y)) mergeFrom(articles[at] as ParsedArticle);
  } else for (const article of articles) mergeFrom(article);
  if (problems.length > 0) return undefined;

  // Their names in: a name another role holds is a clash the full build reports.
  const keysNow = new Set<string>();
  for (const draft of drafts.values()) {
    for (const name of namesOf(draft)) {
      const key = nameKey(name);
      const owner = owners.get(key);
      if (owner === undefined) {
        owners.set(key, { roleId: draft.id, name, file: draft.titleFile, line: draft.titleLine });
        keysNow.add(key);
      } else if (owner.roleId !== draft.id) return undefined;
    }
  }

  // Names that changed hands: the ladder links naming them point elsewhere now.
  const relink = new Set<RoleId>();
  for (const key of new Set([...ownerBefore.keys(), ...keysNow])) {
    if (ownerBefore.get(key) === owners.get(key)?.roleId) continue;
    for (const id of ladderRefs.get(key) ?? []) if (!affected.has(id)) relink.add(id);
  }

  const conflicts = new Map(previous.conflicts);
  const salaryWarnings = new Map(previous.salaryWarnings);
  const replaced = new Map<RoleId, Role>();
  for (const id of affected) {
    conflicts.delete(id);
    salaryWarnings.delete(id);
  }
  for (const draft of drafts.values()) {
    const finished = finishRole(draft, owners);
    replaced.set(draft.id, finished.role);
    if (finished.conflict !== undefined) conflicts.set(draft.id, finished.conflict);
    if (finished.warnings.length > 0) salaryWarnings.set(draft.id, finished.warnings);
    if (draft.ladder !== undefined) noteLadderRefs(ladderRefs, finished.role);
  }
  for (const id of relink) {
    const role = previous.roles.get(id);
    if (role === undefined) continue;
    const { ladder } = role;
    replaced.set(id, {
      ...role,
      ladder: {
        reportsTo: resolveLinks(owners, ladder.reportsTo, id),
        stepTowards: resolveLinks(owners, ladder.stepTowards, id),
        comesFrom: resolveLinks(owners, ladder.comesFrom, id),
      },
    });
  }

  if (inPlace !== undefined)
    return patchInPlace(previous, topics, articles, inPlace, {
      owners,
      ladderRefs,
      conflicts,
      salaryWarnings,
      replaced,
      merged: drafts.size + relink.size,
    });

  // What spans every article is cheap to go over again: file names, pairs, the order of roles.
  const reused = new Map<ParsedArticle, Comparison>();
  previous.articles.forEach((article, i) => {
    const comparison = previous.comparisons[i];
    if (comparison !== undefined) reused.set(article, comparison);
  });
  const warnings: Problem[] = [];
  const comparisons: Comparison[] = [];
  const articleAt = new Map<string, number>();
  const pairFiles = new Map<string, string>();
  const roles = new Map<RoleId, Role>();
  for (const [i, article] of articles.entries()) {
    if (articleAt.has(article.id)) return undefined;
    articleAt.set(article.id, i);
    for (const { entry } of article.roles) {
      if (roles.has(entry.id)) continue;
      const role = replaced.get(entry.id) ?? previous.roles.get(entry.id);
      if (role === undefined) return undefined;
      roles.set(entry.id, role);
    }
    const pair = pairOf(article);
    const samePair = pairFiles.get(pair);
    if (samePair === undefined) pairFiles.set(pair, article.file);
    else warnings.push(samePairWarning(article, samePair));
    comparisons.push(reused.get(article) ?? comparisonOf(article));
  }
  const pairWarnings = warnings.slice();
  const conflictList: Conflict[] = [];
  for (const id of roles.keys()) {
    const conflict = conflicts.get(id);
    if (conflict !== undefined) conflictList.push(conflict);
    append(warnings, salaryWarnings.get(id) ?? []);
  }

  const kb = createKnowledgeBase({
    dir: previous.dir,
    topics,
    roles,
    comparisons,
    conflicts: conflictList,
  });
  const state: BuildState = {
    dir: previous.dir,
    topicsKey: previous.topicsKey,
    articles,
    roles,
    comparisons,
    owners,
    ladderRefs,
    conflicts,
    salaryWarnings,
    articleAt,
    byPair: kb.comparisonsByPair,
    pairWarnings,
    used: false,
  };
  return { kb, problems: [], warnings, state, merged: drafts.size + relink.size };
}

/** Most articles parsed again in one reload for which the in-place path is taken. */
const IN_PLACE_LIMIT = 64;

/**
 * The end of a patch whose articles all kept their places (`edited` are the places of those parsed
 * again): the previous roles, comparisons and pairs are copied, and only the edited ones replaced.
 */
function patchInPlace(
  previous: BuildState,
  topics: readonly Topic[],
  articles: readonly ParsedArticle[],
  edited: readonly number[],
  patch: {
    readonly owners: Map<string, Claim>;
    readonly ladderRefs: Map<string, RoleId[]>;
    readonly conflicts: ReadonlyMap<RoleId, Conflict>;
    readonly salaryWarnings: ReadonlyMap<RoleId, readonly Problem[]>;
    readonly replaced: ReadonlyMap<RoleId, Role>;
    readonly merged: number;
  },
): BuildResult {
  const { conflicts, salaryWarnings, replaced } = patch;
  // Setting a key a Map has keeps its place: the roles stay in the order a full build gives.
  const roles = new Map(previous.roles);
  for (const [id, role] of replaced) roles.set(id, role);
  const comparisons = previous.comparisons.slice();
  const byPair = new Map(previous.byPair);
  for (const i of edited) {
    const article = articles[i] as ParsedArticle;
    const comparison = comparisonOf(article);
    const key = pairKey(comparison.roles[0], comparison.roles[1]);
    if (byPair.get(key) === comparisons[i]) byPair.set(key, comparison);
    comparisons[i] = comparison;
  }
  const warnings = previous.pairWarnings.slice();
  const conflictList: Conflict[] = [];
  if (conflicts.size > 0 || salaryWarnings.size > 0) {
    for (const id of roles.keys()) {
      const conflict = conflicts.get(id);
      if (conflict !== undefined) conflictList.push(conflict);
      append(warnings, salaryWarnings.get(id) ?? []);
    }
  }
  const kb: KnowledgeBase = {
    dir: previous.dir,
    topics,
    roles,
    comparisons,
    comparisonsByPair: byPair,
    conflicts: conflictList,
  };
  const state: BuildState = {
    ...previous,
    articles,
    roles,
    comparisons,
    owners: patch.owners,
    ladderRefs: patch.ladderRefs,
    conflicts,
    salaryWarnings,
    byPair,
    used: false,
  };
  return { kb, problems: [], warnings, state, merged: patch.merged };
}

/** push(...items) without the argument-count limit of a spread. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}
