import type { Comparison, KnowledgeBase, Role, Topic } from '../knowledge/model.js';
import { findComparison } from '../knowledge/model.js';
import { messages } from '../messages.js';
import { candidatesOf, unknownRolesOf, type Query } from '../understand/query.js';
import {
  addFactSources,
  askedTopics,
  ensureSources,
  knownRoles,
  otherTopics,
  roleFacts,
  SourceList,
} from './common.js';
import type { AnswerContext } from './context.js';
import { ladderAnswer } from './ladder.js';
import type { Answer, PairDifference, TopicBlock } from './model.js';
import { roleRef } from './model.js';
import { compareSalaries } from './salary.js';

/**
 * Query + what the engine derived from the knowledge base -> Answer. Pure: reads only the knowledge base,
 * states only what it holds, and works out salary differences only when the figures are on the same basis.
 */
export function buildAnswer(query: Query, context: AnswerContext): Answer {
  const { kb } = context;
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
      if (query.ladder !== undefined) return ladderAnswer(query.ladder, roles, kb, context.ladder);
      const topics = askedTopics(query.topics, kb);
      return roles.length === 1 ? roleAnswer(roles[0] as Role, topics, kb) : compareAnswer(roles, topics, kb);
    }
  }
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
  const near = knownRoles(candidatesOf(query), kb);
  const suggestions = (near.length > 0 ? near : firstRoles(kb, MAX_SUGGESTIONS)).map(roleRef);
  return {
    kind: 'unknown',
    mentions: unknownRolesOf(query),
    suggestions,
    topics: kb.topics,
  };
}
