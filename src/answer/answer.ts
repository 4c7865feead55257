import type {
  Comparison,
  KnowledgeBase,
  LadderLink,
  Role,
  Salary,
  Source,
  Topic,
} from '../knowledge/model.js';
import { findComparison, getTopic } from '../knowledge/model.js';
import { messages } from '../messages.js';
import type { Query } from '../understand/query.js';
import type {
  Answer,
  LadderStep,
  PairDifference,
  SalaryComparison,
  SalaryFigure,
  TopicBlock,
} from './model.js';
import { roleRef } from './model.js';

/**
 * Query + knowledge base -> Answer. Pure: reads only the knowledge base, states only what it holds,
 * and works out salary differences only when the figures are on the same basis.
 */
export function buildAnswer(query: Query, kb: KnowledgeBase): Answer {
  const roles = knownRoles(query.roles, kb);
  switch (query.intent) {
    case 'help':
      return { kind: 'help', examples: messages.helpExamples, topics: kb.topics };
    case 'smalltalk':
      return { kind: 'smalltalk', reply: messages.smalltalk[query.smalltalk ?? 'other'] };
    case 'list':
      return listAnswer(kb);
    case 'clarify': {
      const candidates = knownRoles(query.candidates, kb).map(roleRef);
      if (candidates.length === 0) return unknownAnswer(query, kb);
      return { kind: 'clarify', candidates, question: messages.clarify(candidates.map((c) => c.title)) };
    }
    case 'unknown':
      return unknownAnswer(query, kb);
    case 'compare':
    case 'role': {
      if (roles.length === 0) return unknownAnswer(query, kb);
      if (query.ladder !== undefined) return ladderAnswer(query.ladder, roles, kb);
      const topics = askedTopics(query.topics, kb);
      return roles.length === 1 ? roleAnswer(roles[0] as Role, topics, kb) : compareAnswer(roles, topics, kb);
    }
  }
}

function knownRoles(ids: readonly string[], kb: KnowledgeBase): Role[] {
  const out: Role[] = [];
  for (const id of ids) {
    const role = kb.roles.get(id);
    if (role && !out.includes(role)) out.push(role);
  }
  return out;
}

/** The asked topics the knowledge base has, in the asked order; overview when none is left. */
function askedTopics(ids: readonly string[], kb: KnowledgeBase): Topic[] {
  const topics: Topic[] = [];
  for (const id of ids) {
    const topic = getTopic(kb, id);
    if (topic && !topics.includes(topic)) topics.push(topic);
  }
  if (topics.length > 0) return topics;
  const overview = getTopic(kb, 'overview');
  return overview ? [overview] : [];
}

class SourceList {
  readonly #byKey = new Map<string, Source>();
  add(source: Source): void {
    const key = `${source.title}\u0000${source.url ?? ''}`;
    if (!this.#byKey.has(key)) this.#byKey.set(key, source);
  }
  get list(): Source[] {
    return [...this.#byKey.values()];
  }
}

function comparisonsOf(role: Role, kb: KnowledgeBase): Comparison[] {
  return kb.comparisons.filter((c) => role.comparisons.includes(c.id) || c.roles.includes(role.id));
}

function roleFacts(role: Role, topicId: string): string[] {
  const facts = (role.facts[topicId] ?? []).map((f) => f.text);
  if (facts.length === 0 && topicId === 'overview' && role.summary) return [role.summary];
  return facts;
}

function hasTopic(role: Role, topicId: string): boolean {
  return (role.facts[topicId]?.length ?? 0) > 0 || (topicId === 'salary' && role.salaries.length > 0);
}

function otherTopics(roles: readonly Role[], shown: readonly Topic[], kb: KnowledgeBase): Topic[] {
  return kb.topics.filter(
    (t) => !shown.includes(t) && roles.some((r) => hasTopic(r, t.id) || t.id === 'overview'),
  );
}

function addFactSources(role: Role, topicId: string, sources: SourceList): void {
  for (const f of role.facts[topicId] ?? []) sources.add(f.source);
  if (topicId === 'salary') for (const s of role.salaries) sources.add(s.source);
}

function compareAnswer(roles: readonly Role[], topics: readonly Topic[], kb: KnowledgeBase): Answer {
  const refs = roles.map(roleRef);
  const sources = new SourceList();
  const pairs: { a: Role; b: Role; comparison: Comparison }[] = [];
  for (let i = 0; i < roles.length; i++) {
    for (let j = i + 1; j < roles.length; j++) {
      const a = roles[i] as Role;
      const b = roles[j] as Role;
      const comparison = findComparison(kb, a.id, b.id);
      if (comparison) pairs.push({ a, b, comparison });
    }
  }
  const direct = roles.length === 2 && pairs.length === 1;

  const blocks: TopicBlock[] = topics.map((topic) => {
    const perRole = roles.map((role) => {
      addFactSources(role, topic.id, sources);
      return { role: roleRef(role), facts: roleFacts(role, topic.id) };
    });
    const withText = pairs.filter((p) => p.comparison.differences[topic.id]);
    for (const p of withText) sources.add(p.comparison.source);
    if (direct) {
      const difference = withText[0]?.comparison.differences[topic.id];
      return difference ? { topic, perRole, difference } : { topic, perRole };
    }
    if (withText.length === 0) return { topic, perRole };
    const pairDifferences: PairDifference[] = withText.map((p) => ({
      roles: [roleRef(p.a), roleRef(p.b)],
      text: p.comparison.differences[topic.id] ?? '',
    }));
    return { topic, perRole, pairDifferences };
  });

  if (direct) for (const p of pairs) sources.add(p.comparison.source);
  ensureSources(roles, kb, sources);
  const salary = topics.some((t) => t.id === 'salary') ? compareSalaries(roles) : undefined;
  return {
    kind: 'compare',
    roles: refs,
    blocks,
    ...(salary ? { salary } : {}),
    direct,
    sources: sources.list,
    otherTopics: otherTopics(roles, topics, kb),
  };
}

/** A factual answer always names where it came from: fall back to the articles the roles appear in. */
function ensureSources(roles: readonly Role[], kb: KnowledgeBase, sources: SourceList): void {
  if (sources.list.length > 0) return;
  for (const role of roles) for (const c of comparisonsOf(role, kb)) sources.add(c.source);
}

function roleAnswer(role: Role, topics: readonly Topic[], kb: KnowledgeBase): Answer {
  const sources = new SourceList();
  const onlyOverview = topics.length === 1 && topics[0]?.id === 'overview';
  const blocks: TopicBlock[] = onlyOverview
    ? []
    : topics.map((topic) => {
        addFactSources(role, topic.id, sources);
        return { topic, perRole: [{ role: roleRef(role), facts: roleFacts(role, topic.id) }] };
      });
  if (onlyOverview) addFactSources(role, 'overview', sources);
  ensureSources([role], kb, sources);
  const salary = topics.some((t) => t.id === 'salary') ? compareSalaries([role]) : undefined;
  return {
    kind: 'role',
    role: roleRef(role),
    summary: role.summary,
    blocks,
    ...(salary ? { salary } : {}),
    sources: sources.list,
    otherTopics: otherTopics([role], topics, kb),
  };
}

const sameBasis = (a: Salary, b: Salary): boolean =>
  a.currency === b.currency && a.period === b.period && a.kind === b.kind;

/** Salaries of one role that say different things (same amount and basis from two sources is one figure). */
function distinctSalaries(role: Role): Salary[] {
  const out: Salary[] = [];
  for (const s of role.salaries) if (!out.some((o) => o.amount === s.amount && sameBasis(o, s))) out.push(s);
  return out;
}

/** Who earns more and by how much; explains instead when the figures cannot honestly be compared. */
export function compareSalaries(roles: readonly Role[]): SalaryComparison {
  const figures: SalaryFigure[] = roles.flatMap((r) =>
    distinctSalaries(r).map((salary) => ({ role: roleRef(r), salary })),
  );
  if (roles.length < 2) return { figures };
  const missing = roles.filter((r) => r.salaries.length === 0).map((r) => r.title);
  if (missing.length > 0) return { figures, incomparable: messages.salaryMissing(missing) };
  const disagree = roles.filter((r) => distinctSalaries(r).length > 1).map((r) => r.title);
  if (disagree.length > 0) return { figures, incomparable: messages.salarySourcesDisagree(disagree) };
  const first = figures[0] as SalaryFigure;
  const odd = figures.find((f) => !sameBasis(f.salary, first.salary));
  if (odd) {
    const describe = (f: SalaryFigure): string =>
      `${f.role.title}: ${f.salary.kind}, per ${f.salary.period}, ${f.salary.currency}`;
    return { figures, incomparable: messages.salaryBasisDiffers(`${describe(first)}; ${describe(odd)}`) };
  }
  const ranked = [...figures].sort((a, b) => b.salary.amount - a.salary.amount);
  const top = ranked[0] as SalaryFigure;
  const bottom = ranked[ranked.length - 1] as SalaryFigure;
  const difference = top.salary.amount - bottom.salary.amount;
  const percent = Math.round((difference / bottom.salary.amount) * 1000) / 10;
  return { figures: ranked, higher: top.role, lower: bottom.role, difference, percent };
}

function listAnswer(kb: KnowledgeBase): Answer {
  const roles = [...kb.roles.values()].map(roleRef).sort((a, b) => a.title.localeCompare(b.title));
  return { kind: 'list', roles, comparisons: kb.comparisons };
}

/** Without near candidates, an unknown answer offers a few known roles, never the whole list. */
const MAX_SUGGESTIONS = 8;

function firstRoles(kb: KnowledgeBase, count: number): Role[] {
  const out: Role[] = [];
  for (const role of kb.roles.values()) {
    if (out.length >= count) break;
    out.push(role);
  }
  return out;
}

function unknownAnswer(query: Query, kb: KnowledgeBase): Answer {
  const near = knownRoles(query.candidates, kb);
  const suggestions = (near.length > 0 ? near : firstRoles(kb, MAX_SUGGESTIONS)).map(roleRef);
  return {
    kind: 'unknown',
    mentions: query.unknownRoles,
    suggestions,
    topics: kb.topics,
  };
}

/** Ladder links by the node they point at: a known role id, else the title in lower case. */
const nodeKey = (link: LadderLink): string => link.roleId ?? link.title.trim().toLowerCase();

function ladderAnswer(ask: 'into' | 'after' | 'path', roles: readonly Role[], kb: KnowledgeBase): Answer {
  const refs = roles.map(roleRef);
  const graph = ladderGraph(kb);
  const sources = new SourceList();
  const steps: LadderStep[] = [];
  const push = (step: LadderStep): void => {
    const same = steps.some(
      (s) => s.from.id === step.from.id && s.relation === step.relation && s.to.title === step.to.title,
    );
    if (!same) {
      steps.push(step);
      sources.add(step.source);
    }
  };
  const link = (from: Role, relation: LadderStep['relation'], l: LadderLink): LadderStep => ({
    from: roleRef(from),
    relation,
    to: l.roleId ? { title: kb.roles.get(l.roleId)?.title ?? l.title, id: l.roleId } : { title: l.title },
    source: l.source,
  });
  const into = (role: Role): void => {
    for (const l of role.ladder.comesFrom) push(link(role, 'comesFrom', l));
    for (const { role: other, link: l } of graph.stepTowardsInto.get(role.id) ?? [])
      push(link(other, 'stepTowards', l));
    for (const { role: other, link: l } of graph.reportsToInto.get(role.id) ?? [])
      push(link(other, 'reportsTo', l));
  };
  const after = (role: Role): void => {
    for (const l of role.ladder.stepTowards) push(link(role, 'stepTowards', l));
    for (const l of role.ladder.reportsTo) push(link(role, 'reportsTo', l));
    for (const { role: other, link: l } of graph.comesFromOut.get(role.id) ?? [])
      push(link(other, 'comesFrom', l));
  };

  const requirementsOf = (targets: readonly Role[]): { requirements?: TopicBlock } => {
    const topic = getTopic(kb, 'requirements');
    const perRole = targets
      .map((role) => {
        addFactSources(role, 'requirements', sources);
        return { role: roleRef(role), facts: roleFacts(role, 'requirements') };
      })
      .filter((p) => p.facts.length > 0);
    return topic && perRole.length > 0 ? { requirements: { topic, perRole } } : {};
  };

  if (ask === 'path' && roles.length >= 2) {
    const from = roles[0] as Role;
    const to = roles[roles.length - 1] as Role;
    const path = findPath(from, to, kb);
    if (path) {
      for (const step of path) push(step);
      return { kind: 'ladder', roles: refs, ask, steps, sources: sources.list };
    }
    after(from);
    into(to);
    const requirements = requirementsOf([to]);
    ensureSources(roles, kb, sources);
    return {
      kind: 'ladder',
      roles: refs,
      ask,
      steps,
      gap: messages.ladderGap(from.title, to.title),
      ...requirements,
      sources: sources.list,
    };
  }
  const effective = ask === 'path' ? 'into' : ask;
  for (const role of roles) (effective === 'into' ? into : after)(role);
  const requirements = effective === 'into' ? requirementsOf(roles) : {};
  ensureSources(roles, kb, sources);
  return { kind: 'ladder', roles: refs, ask: effective, steps, ...requirements, sources: sources.list };
}

/**
 * The shortest chain of stated career moves from one role to another: "A is a step towards B" and
 * "B people come from A" both count as A -> B. Reporting lines do not: reporting to someone is not
 * a stated move into their job.
 */
function findPath(from: Role, to: Role, kb: KnowledgeBase): LadderStep[] | undefined {
  const { edges } = ladderGraph(kb);
  const previous = new Map<string, { node: string; step: LadderStep }>();
  const queue = [from.id];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const node = queue.shift() as string;
    if (node === to.id) break;
    for (const e of edges.get(node) ?? []) {
      if (seen.has(e.next)) continue;
      seen.add(e.next);
      previous.set(e.next, { node, step: e.step });
      queue.push(e.next);
    }
  }
  if (!previous.has(to.id)) return undefined;
  const path: LadderStep[] = [];
  for (let node = to.id; node !== from.id;) {
    const p = previous.get(node);
    if (!p) return undefined;
    path.unshift(p.step);
    node = p.node;
  }
  return path;
}

interface LinkFrom {
  readonly role: Role;
  readonly link: LadderLink;
}

/** The ladder links of the whole knowledge base, indexed by the role they point at. */
interface LadderGraph {
  /** role id -> roles that are a step towards it. */
  readonly stepTowardsInto: ReadonlyMap<string, readonly LinkFrom[]>;
  /** role id -> roles that report to it. */
  readonly reportsToInto: ReadonlyMap<string, readonly LinkFrom[]>;
  /** role id -> roles whose people often come from it. */
  readonly comesFromOut: ReadonlyMap<string, readonly LinkFrom[]>;
  /** Career moves (A -> B) for path search, keyed by the node they leave. */
  readonly edges: ReadonlyMap<string, readonly { next: string; step: LadderStep }[]>;
}

/**
 * Built once per knowledge base (it is immutable; a reload is a new object), so a ladder question
 * costs a few map lookups instead of a scan of every role.
 */
const ladderGraphs = new WeakMap<KnowledgeBase, LadderGraph>();

function ladderGraph(kb: KnowledgeBase): LadderGraph {
  const cached = ladderGraphs.get(kb);
  if (cached) return cached;
  const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const stepTowardsInto = new Map<string, LinkFrom[]>();
  const reportsToInto = new Map<string, LinkFrom[]>();
  const comesFromOut = new Map<string, LinkFrom[]>();
  const edges = new Map<string, { next: string; step: LadderStep }[]>();
  const target = (l: LadderLink): LadderStep['to'] =>
    l.roleId ? { title: kb.roles.get(l.roleId)?.title ?? l.title, id: l.roleId } : { title: l.title };
  for (const role of kb.roles.values()) {
    for (const l of role.ladder.stepTowards) {
      if (l.roleId) push(stepTowardsInto, l.roleId, { role, link: l });
      push(edges, role.id, {
        next: nodeKey(l),
        step: { from: roleRef(role), relation: 'stepTowards', to: target(l), source: l.source },
      });
    }
    for (const l of role.ladder.reportsTo) if (l.roleId) push(reportsToInto, l.roleId, { role, link: l });
    for (const l of role.ladder.comesFrom) {
      if (l.roleId) push(comesFromOut, l.roleId, { role, link: l });
      push(edges, nodeKey(l), {
        next: role.id,
        step: { from: roleRef(role), relation: 'comesFrom', to: target(l), source: l.source },
      });
    }
  }
  const graph = { stepTowardsInto, reportsToInto, comesFromOut, edges };
  ladderGraphs.set(kb, graph);
  return graph;
}
