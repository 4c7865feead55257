import type { Comparison, KnowledgeBase, Role, Source, Topic } from '../knowledge/model.js';
import { getTopic } from '../knowledge/model.js';
import { DATA_ONLY_TOPICS, occupationCovers } from './open-data.js';

/** Helpers every kind of answer shares: which roles and topics are known, and where facts came from. */

/** The known roles among `ids`, once each, in the asked order. */
export function knownRoles(ids: readonly string[], kb: KnowledgeBase): Role[] {
  const out: Role[] = [];
  for (const id of ids) {
    const role = kb.roles.get(id);
    if (role && !out.includes(role)) out.push(role);
  }
  return out;
}

/** The asked topics the knowledge base has, in the asked order; overview when none is left. */
export function askedTopics(ids: readonly string[], kb: KnowledgeBase): Topic[] {
  const topics: Topic[] = [];
  for (const id of ids) {
    const topic = getTopic(kb, id);
    if (topic && !topics.includes(topic)) topics.push(topic);
  }
  if (topics.length > 0) return topics;
  const overview = getTopic(kb, 'overview');
  return overview ? [overview] : [];
}

/** Sources in first-seen order, each once. */
export class SourceList {
  readonly #byKey = new Map<string, Source>();
  add(source: Source): void {
    const key = `${source.title}\u0000${source.url ?? ''}`;
    if (!this.#byKey.has(key)) this.#byKey.set(key, source);
  }
  get list(): Source[] {
    return [...this.#byKey.values()];
  }
}

export function comparisonsOf(role: Role, kb: KnowledgeBase): Comparison[] {
  return kb.comparisons.filter((c) => role.comparisons.includes(c.id) || c.roles.includes(role.id));
}

/** A role's fact texts on a topic; the summary stands in for a missing overview. */
export function roleFacts(role: Role, topicId: string): string[] {
  const facts = (role.facts[topicId] ?? []).map((f) => f.text);
  if (facts.length === 0 && topicId === 'overview' && role.summary) return [role.summary];
  return facts;
}

/** True when the articles or the open data say something about the topic for the role. */
export function hasTopic(role: Role, topicId: string, kb?: KnowledgeBase): boolean {
  if ((role.facts[topicId]?.length ?? 0) > 0 || (topicId === 'salary' && role.salaries.length > 0))
    return true;
  return kb !== undefined && occupationCovers(role, kb, topicId);
}

export function otherTopics(roles: readonly Role[], shown: readonly Topic[], kb: KnowledgeBase): Topic[] {
  return kb.topics.filter(
    (t) => !shown.includes(t) && roles.some((r) => hasTopic(r, t.id, kb) || t.id === 'overview'),
  );
}

/** The topics worth offering: without open data, the topics only it answers (outlook, related) are left out. */
export function offeredTopics(kb: KnowledgeBase): Topic[] {
  return kb.openData === undefined ? kb.topics.filter((t) => !DATA_ONLY_TOPICS.has(t.id)) : [...kb.topics];
}

export function addFactSources(role: Role, topicId: string, sources: SourceList): void {
  for (const f of role.facts[topicId] ?? []) sources.add(f.source);
  if (topicId === 'salary') for (const s of role.salaries) sources.add(s.source);
}

/** A factual answer always names where it came from: fall back to the articles the roles appear in. */
export function ensureSources(roles: readonly Role[], kb: KnowledgeBase, sources: SourceList): void {
  if (sources.list.length > 0) return;
  for (const role of roles) for (const c of comparisonsOf(role, kb)) sources.add(c.source);
  // An occupation's title and codes are O*NET's.
  const onet = kb.openData?.sources.onet;
  if (onet !== undefined && roles.some((r) => r.soc !== undefined)) sources.add(onet);
}
