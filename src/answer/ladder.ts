import type { KnowledgeBase, LadderLink, Role } from '../knowledge/model.js';
import { getTopic } from '../knowledge/model.js';
import { messages } from '../messages.js';
import { addFactSources, ensureSources, roleFacts, SourceList } from './common.js';
import type { Answer, LadderStep, TopicBlock } from './model.js';
import { roleRef } from './model.js';

/** Career-ladder answers: what leads into a role, what comes after it, and the path between two. */

/** Ladder links by the node they point at: a known role id, else the title in lower case. */
const nodeKey = (link: LadderLink): string => link.roleId ?? link.title.trim().toLowerCase();

export function ladderAnswer(
  ask: 'into' | 'after' | 'path',
  roles: readonly Role[],
  kb: KnowledgeBase,
  graph: LadderGraph,
): Answer {
  const refs = roles.map(roleRef);
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
    const path = findPath(from, to, graph);
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
function findPath(from: Role, to: Role, graph: LadderGraph): LadderStep[] | undefined {
  const { edges } = graph;
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
export interface LadderGraph {
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
 * Built once per knowledge base by the engine (src/engine/knowledge.ts), so a ladder question costs a few
 * map lookups instead of a scan of every role.
 */
export function buildLadderGraph(kb: KnowledgeBase): LadderGraph {
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
  return { stepTowardsInto, reportsToInto, comesFromOut, edges };
}
