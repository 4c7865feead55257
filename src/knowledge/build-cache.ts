/**
 * The built knowledge base in the parse cache: what `buildKnowledgeBase` made from the cached articles
 * (the merged roles, and the state live reload patches: who owns each name, the ladder references, the
 * salary disagreements), written after the files in the same sealed payload and with the same string
 * table (src/knowledge/cache.ts). A warm start whose articles are exactly the cached ones, in the same
 * order, reads it instead of merging every article again (at 50,000 articles the merge was about half
 * the warm start). Facts refer to the cached articles' sections and sources, so nothing is kept twice.
 *
 * Only an optimization: it is used only when every file was read from the cache unchanged; its key is
 * a hash of the topics and of the code that builds (build.ts, model.ts, names.ts and this file), so an
 * edited merge never reads a result made by another; a part that does not decode whole is ignored and
 * the knowledge base built as without a cache.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ParsedArticle, ParsedRole, Section } from './article.js';
import {
  comparisonOf,
  finishedBuild,
  NO_LADDER,
  NONE,
  topicsKey,
  type BuildResult,
  type BuildState,
  type Claim,
} from './build.js';
import { Malformed, type CacheExtra, type CacheReader, type CacheWriter } from './cache.js';
import {
  type Conflict,
  type Fact,
  type Ladder,
  type LadderLink,
  type Role,
  type RoleId,
  type Salary,
  type Source,
  type Topic,
} from './model.js';
import { FORBIDDEN_KEYS } from './names.js';
import type { Problem } from './problem.js';

const VERSION = 'careerbot-build-cache-1';

/** The fields a built role has; a role with any other is not stored (the files alone are). */
const ROLE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'title',
  'aliases',
  'summary',
  'facts',
  'salaries',
  'ladder',
  'comparisons',
  'soc',
]);

const PERIODS: ReadonlySet<string> = new Set(['year', 'month', 'week', 'day', 'hour']);
const KINDS: ReadonlySet<string> = new Set(['average', 'median', 'starting']);

let codeHash: string | undefined;

/** A hash of the code that builds, read once per process (the .js files compiled, the .ts under tsx). */
function codeStamp(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256').update(VERSION);
  // From a bundle in dist/src/cli this is dist/src/knowledge, beside the modules it was made from.
  const folder = new URL('../knowledge/', import.meta.url);
  for (const name of ['build', 'build-cache', 'model', 'names']) {
    let bytes: Buffer | undefined;
    for (const ext of ['.js', '.ts']) {
      try {
        bytes = readFileSync(fileURLToPath(new URL(`${name}${ext}`, folder)));
        break;
      } catch {
        // the other extension
      }
    }
    hash.update(`\u0000${name}\u0000`).update(bytes ?? 'missing');
  }
  codeHash = hash.digest('base64');
  return codeHash;
}

/** The key of a build of some articles under `topics`, by this code. */
export function buildCacheKey(topics: readonly Topic[]): string {
  return createHash('sha256').update(codeStamp()).update(topicsKey(topics)).digest('base64');
}

/**
 * The part of the parse cache that stores `result`, a full build of the articles written before it
 * (in the same order); undefined when the build had problems (nothing to store).
 */
export function builtPart(topics: readonly Topic[], result: BuildResult): CacheExtra | undefined {
  const { state } = result;
  if (state === undefined || result.problems.length > 0) return undefined;
  return { key: buildCacheKey(topics), write: (writer) => writeBuild(writer, state) };
}

/** Writes `state`; throws (before or while writing) for anything it cannot refer to. */
function writeBuild(w: CacheWriter, state: BuildState): void {
  const sourceAt = new Map<Source, number>();
  const sectionAt = new Map<Section, readonly [number, number]>();
  const aliasesAt = new Map<readonly string[], number>();
  state.articles.forEach((article, i) => {
    sourceAt.set(article.source, i);
    article.roles.forEach((role, slot) => {
      const k = i * 2 + slot;
      if (role.entry.aliases.length > 0) aliasesAt.set(role.entry.aliases, k);
      role.sections.forEach((section, j) => sectionAt.set(section, [k, j]));
    });
  });
  const source = (s: Source): void => {
    const at = sourceAt.get(s);
    if (at === undefined) throw new Error('a source that is no article’s');
    w.int(at);
  };
  const list = (items: readonly string[]): void => {
    w.int(items.length);
    for (const item of items) w.string(item);
  };
  const problems = (items: readonly Problem[]): void => {
    w.int(items.length);
    for (const p of items) {
      w.string(p.file);
      w.int(p.line ?? -1);
      w.optionalString(p.field);
      w.string(p.message);
      w.optionalString(p.hint);
    }
  };
  const links = (items: readonly LadderLink[]): void => {
    w.int(items.length);
    for (const link of items) {
      w.string(link.title);
      w.optionalString(link.roleId);
      source(link.source);
    }
  };

  w.int(state.roles.size);
  for (const role of state.roles.values()) {
    for (const key of Object.keys(role)) if (!ROLE_FIELDS.has(key)) throw new Error(`a role with ${key}`);
    w.string(role.id);
    w.string(role.title);
    const aliases = role.aliases.length === 0 ? undefined : aliasesAt.get(role.aliases);
    if (aliases === undefined) {
      w.int(0);
      list(role.aliases);
    } else {
      w.int(1);
      w.int(aliases);
    }
    w.string(role.summary);
    const topics = Object.entries(role.facts);
    w.int(topics.length);
    for (const [topic, facts] of topics) {
      w.string(topic);
      w.int(facts.length);
      for (const fact of facts) {
        const at = sectionAt.get(fact as Section);
        if (at === undefined) {
          w.int(0);
          w.string(fact.text);
          source(fact.source);
        } else {
          w.int(1);
          w.int(at[0]);
          w.int(at[1]);
        }
      }
    }
    w.int(role.salaries.length);
    for (const salary of role.salaries) {
      w.number(salary.amount);
      w.string(salary.currency);
      w.string(salary.period);
      w.string(salary.kind);
      source(salary.source);
    }
    if (role.ladder === NO_LADDER) w.int(0);
    else {
      w.int(1);
      links(role.ladder.reportsTo);
      links(role.ladder.stepTowards);
      links(role.ladder.comesFrom);
    }
    list(role.comparisons);
    w.optionalString(role.soc);
  }
  w.int(state.owners.size);
  for (const [key, claim] of state.owners) {
    w.string(key);
    w.string(claim.roleId);
    w.string(claim.name);
    w.string(claim.file);
    w.int(claim.line);
  }
  w.int(state.ladderRefs.size);
  for (const [key, ids] of state.ladderRefs) {
    w.string(key);
    list(ids);
  }
  w.int(state.conflicts.size);
  for (const [id, conflict] of state.conflicts) {
    w.string(id);
    w.string(conflict.field);
    w.string(conflict.message);
  }
  w.int(state.salaryWarnings.size);
  for (const [id, warnings] of state.salaryWarnings) {
    w.string(id);
    problems(warnings);
  }
  problems(state.pairWarnings);
}

/**
 * The build result stored by `builtPart`, for `articles` (the ones it was written after, in order):
 * the one a full build of them gives. Throws Malformed for anything that does not decode.
 */
export function readBuild(
  r: CacheReader,
  dir: string,
  topics: readonly Topic[],
  articles: readonly ParsedArticle[],
): BuildResult {
  const articleAt = (): ParsedArticle => {
    const article = articles[r.int()];
    if (article === undefined) throw new Malformed('not an article');
    return article;
  };
  const roleAt = (): ParsedRole => {
    const k = r.int();
    const article = k < 0 ? undefined : articles[k >> 1];
    if (article === undefined) throw new Malformed('not an article');
    return (k & 1) === 0 ? article.roles[0] : article.roles[1];
  };
  const list = (): readonly string[] => {
    const n = r.count();
    if (n === 0) return NONE;
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = r.str();
    return out;
  };
  const oneOf = <T extends string>(allowed: ReadonlySet<string>): T => {
    const text = r.str();
    if (!allowed.has(text)) throw new Malformed('not an allowed value');
    return text as T;
  };
  const problems = (): Problem[] => {
    const n = r.count();
    const out = new Array<Problem>(n);
    for (let i = 0; i < n; i++) {
      const file = r.str();
      const line = r.int();
      const field = r.optionalStr();
      const message = r.str();
      const hint = r.optionalStr();
      out[i] = {
        file,
        ...(line === -1 ? {} : { line }),
        ...(field === undefined ? {} : { field }),
        message,
        ...(hint === undefined ? {} : { hint }),
      };
    }
    return out;
  };
  const links = (): readonly LadderLink[] => {
    const n = r.count();
    if (n === 0) return NONE;
    const out = new Array<LadderLink>(n);
    for (let i = 0; i < n; i++) {
      const title = r.str();
      const roleId = r.optionalStr();
      const { source } = articleAt();
      out[i] = roleId === undefined ? { title, source } : { title, roleId, source };
    }
    return out;
  };

  const roles = new Map<RoleId, Role>();
  const roleCount = r.count();
  for (let n = 0; n < roleCount; n++) {
    const id = r.str();
    const title = r.str();
    const aliases = r.int() === 1 ? roleAt().entry.aliases : list();
    const summary = r.str();
    const topicCount = r.count();
    // Built by assignment, in order (as Object.fromEntries gives it, without the pairs); a topic id
    // that would reach Object.prototype is refused (the taxonomy refuses it too).
    const facts: Record<string, readonly Fact[]> = {};
    for (let t = 0; t < topicCount; t++) {
      const topic = r.str();
      if (FORBIDDEN_KEYS.has(topic) || topic in facts) throw new Malformed('not a topic');
      const factCount = r.count();
      const list = new Array<Fact>(factCount);
      for (let f = 0; f < factCount; f++) {
        if (r.int() === 1) {
          const section = roleAt().sections[r.int()];
          if (section === undefined) throw new Malformed('not a section');
          list[f] = section;
        } else {
          const text = r.str();
          list[f] = { text, source: articleAt().source };
        }
      }
      facts[topic] = list;
    }
    const salaryCount = r.count();
    let salaries: readonly Salary[] = NONE;
    if (salaryCount > 0) {
      const out = new Array<Salary>(salaryCount);
      for (let s = 0; s < salaryCount; s++) {
        const amount = r.num();
        const currency = r.str();
        const period = oneOf<Salary['period']>(PERIODS);
        const kind = oneOf<Salary['kind']>(KINDS);
        out[s] = { amount, currency, period, kind, source: articleAt().source };
      }
      salaries = out;
    }
    let ladder: Ladder = NO_LADDER;
    if (r.int() === 1) {
      const reportsTo = links();
      const stepTowards = links();
      ladder = { reportsTo, stepTowards, comesFrom: links() };
    }
    const comparisons = list();
    const soc = r.optionalStr();
    const role: Role =
      soc === undefined
        ? { id, title, aliases, summary, facts, salaries, ladder, comparisons }
        : { id, title, aliases, summary, facts, salaries, ladder, comparisons, soc };
    roles.set(id, role);
  }
  if (roles.size !== roleCount) throw new Malformed('a role listed twice');

  const owners = new Map<string, Claim>();
  for (let n = r.count(); n > 0; n--) {
    const key = r.str();
    const roleId = r.str();
    const name = r.str();
    const file = r.str();
    owners.set(key, { roleId, name, file, line: r.int() });
  }
  // Lists a later patch changes in place: fresh arrays, never the shared empty one.
  const ladderRefs = new Map<string, RoleId[]>();
  for (let n = r.count(); n > 0; n--) {
    const key = r.str();
    ladderRefs.set(key, [...list()]);
  }
  const conflicts = new Map<RoleId, Conflict>();
  for (let n = r.count(); n > 0; n--) {
    const roleId = r.str();
    const field = r.str();
    conflicts.set(roleId, { roleId, field, message: r.str() });
  }
  const salaryWarnings = new Map<RoleId, readonly Problem[]>();
  for (let n = r.count(); n > 0; n--) {
    const roleId = r.str();
    salaryWarnings.set(roleId, problems());
  }
  const pairWarnings = problems();

  const comparisons = articles.map(comparisonOf);
  const places = new Map<string, number>();
  articles.forEach((article, i) => places.set(article.id, i));
  const warnings = pairWarnings.slice();
  for (const list of salaryWarnings.values()) for (const warning of list) warnings.push(warning);
  const { kb, state } = finishedBuild({
    dir,
    topics,
    articles,
    roles,
    comparisons,
    owners,
    ladderRefs,
    conflicts,
    salaryWarnings,
    articleAt: places,
    pairWarnings,
  });
  return { kb, problems: [], warnings, state, merged: 0 };
}
