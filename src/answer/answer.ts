import type { Comparison, KnowledgeBase, Role, Topic } from '../knowledge/model.js';
import { findComparison } from '../knowledge/model.js';
import { messages } from '../messages.js';
import { candidatesOf, unknownRolesOf, type Query } from '../understand/query.js';
import {
  addFactSources,
  askedTopics,
  ensureSources,
  hasTopic,
  knownRoles,
  offeredTopics,
  otherTopics,
  roleFacts,
  SourceList,
} from './common.js';
import type { AnswerContext } from './context.js';
import { ladderAnswer } from './ladder.js';
import type {
  Answer,
  MedianComparison,
  OccupationFigures,
  PairDifference,
  PlaceNote,
  SalaryComparison,
  TopicBlock,
} from './model.js';
import { roleRef } from './model.js';
import { addFigureSources, compareMedians, creditLines, figuresCover, figuresOf } from './open-data.js';
import { rankingAnswer } from './ranking.js';
import { compareSalaries } from './salary.js';

/**
 * Query + what the engine derived from the knowledge base -> Answer. Pure: reads only the knowledge base,
 * states only what it holds, and works out salary differences only when the figures are on the same basis.
 */
export function buildAnswer(query: Query, context: AnswerContext): Answer {
  const { kb } = context;
  const roles = knownRoles(query.roles, kb);
  const hourly = query.hourly === true;
  switch (query.intent) {
    case 'help': {
      const topics = offeredTopics(kb);
      if (kb.openData === undefined) {
        return {
          kind: 'help',
          examples: messages.helpExamples,
          topics,
          ...(query.outOfScope === true ? { outOfScope: true } : {}),
        };
      }
      return {
        kind: 'help',
        examples: messages.helpExamplesOpenData,
        topics,
        occupations: kb.openData.occupations.size,
        credits: creditLines(kb.openData),
        ...(query.outOfScope === true ? { outOfScope: true } : {}),
      };
    }
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
      const topics = askedTopics(query.topics, kb);
      const rank = query.intent === 'compare' ? query.rank : undefined;
      if (rank !== undefined && (roles.length > 0 || rank === 'all')) {
        const scope = rank === 'listed' ? 'listed' : roles.length > 0 ? 'group' : 'all';
        const topic = topics[0] as Topic;
        return withPlace(rankingAnswer({ scope, roles, topic, hourly }, kb), query, kb);
      }
      if (roles.length === 0) return unknownAnswer(query, kb);
      if (query.ladder !== undefined) {
        const ladder = ladderAnswer(query.ladder, roles, kb, context.ladder);
        return withPlace(ladderWithTopics(ladder, roles, query, kb), query, kb);
      }
      const answer =
        roles.length === 1
          ? roleAnswer(roles[0] as Role, topics, kb, hourly)
          : compareAnswer(roles, topics, kb, hourly);
      return withPlace(answer, query, kb);
    }
  }
}

/** Says the figures are US national when the question named a place (Query.place). */
function withPlace(answer: Answer, query: Query, kb: KnowledgeBase): Answer {
  if (query.place === undefined || query.place.trim() === '') return answer;
  if (answer.kind !== 'compare' && answer.kind !== 'role' && answer.kind !== 'ladder') return answer;
  const place: PlaceNote = {
    asked: query.place,
    national: kb.openData !== undefined && showsFigures(answer),
  };
  return { ...answer, place };
}

function showsFigures(answer: Answer): boolean {
  if (answer.kind === 'compare' && answer.ranking !== undefined)
    return (
      answer.ranking.by === 'median' || answer.ranking.by === 'change' || answer.ranking.by === 'education'
    );
  const blocks =
    answer.kind === 'compare' || answer.kind === 'role' || answer.kind === 'ladder'
      ? (answer.blocks ?? [])
      : [];
  return blocks.some((b) => b.perRole.some((p) => p.figures !== undefined));
}

/** One role's entry in a topic block: the article facts and, where the open data covers the topic, its figures. */
function entry(
  role: Role,
  topic: Topic,
  kb: KnowledgeBase,
  hourly: boolean,
  sources: SourceList,
): TopicBlock['perRole'][number] {
  addFactSources(role, topic.id, sources);
  const facts = topic.id === 'overview' && role.origin === 'open-data' ? [] : roleFacts(role, topic.id);
  const figures = figuresOf(role, kb, hourly);
  if (figures === undefined || !figuresCover(figures, topic.id)) return { role: roleRef(role), facts };
  addFigureSources(figures, topic.id, kb, sources);
  return { role: roleRef(role), facts, figures };
}

/** The block's roles that have nothing on the topic, and what is known about them instead. */
function missingOf(
  block: Omit<TopicBlock, 'missing'>,
  roles: readonly Role[],
  kb: KnowledgeBase,
): TopicBlock {
  if (block.topic.id === 'overview') return block;
  const empty = roles.filter((role, i) => {
    const p = block.perRole[i];
    return (
      p !== undefined &&
      p.facts.length === 0 &&
      p.figures === undefined &&
      !hasTopic(role, block.topic.id, kb)
    );
  });
  if (empty.length === 0 || !empty.some((r) => r.origin === 'open-data')) return block;
  const instead = offeredTopics(kb).filter(
    (t) => t.id !== block.topic.id && t.id !== 'overview' && empty.some((r) => hasTopic(r, t.id, kb)),
  );
  return { ...block, missing: { roles: empty.map(roleRef), instead } };
}

/**
 * Salary across roles: the articles' figures compared among themselves, BLS medians among themselves,
 * never one against the other. Without open data this is exactly `compareSalaries`.
 */
function salaries(
  roles: readonly Role[],
  figures: readonly (OccupationFigures | undefined)[],
): { salary?: SalaryComparison; medians?: MedianComparison } {
  const withFigures = figures.filter((f): f is OccupationFigures => f !== undefined && f.wages !== undefined);
  if (withFigures.length === 0) return { salary: compareSalaries(roles) };
  const articleRoles = roles.filter((r) => r.salaries.length > 0);
  const salary =
    articleRoles.length > 0
      ? compareSalaries(articleRoles.length === roles.length ? roles : articleRoles)
      : undefined;
  let medians = compareMedians(withFigures);
  if (
    roles.length >= 2 &&
    salary?.higher === undefined &&
    salary?.incomparable === undefined &&
    medians !== undefined &&
    medians.higher === undefined &&
    medians.incomparable === undefined
  ) {
    const bls = new Set(withFigures.map((f) => f.role.id));
    const others = roles.filter((r) => !bls.has(r.id)).map((r) => r.title);
    medians = {
      ...medians,
      incomparable:
        others.length > 0 ? messages.salaryDifferentMeasures(others) : messages.medianMissing(others),
    };
  }
  return { ...(salary === undefined ? {} : { salary }), ...(medians === undefined ? {} : { medians }) };
}

/** A move asked with a topic (compare [X, Y], topics [salary], ladder path): the topic beside the steps. */
function ladderWithTopics(answer: Answer, roles: readonly Role[], query: Query, kb: KnowledgeBase): Answer {
  if (answer.kind !== 'ladder') return answer;
  const topics = askedTopics(query.topics, kb).filter(
    (t) => t.id !== 'overview' && !(t.id === 'requirements' && answer.requirements !== undefined),
  );
  if (topics.length === 0) return answer;
  const hourly = query.hourly === true;
  const sources = new SourceList();
  for (const s of answer.sources) sources.add(s);
  const blocks = topics.map((topic) =>
    missingOf({ topic, perRole: roles.map((r) => entry(r, topic, kb, hourly, sources)) }, roles, kb),
  );
  const pay = topics.some((t) => t.id === 'salary')
    ? salaries(
        roles,
        roles.map((r) => figuresOf(r, kb, hourly)),
      )
    : {};
  return { ...answer, blocks, ...pay, sources: sources.list };
}

function compareAnswer(
  roles: readonly Role[],
  topics: readonly Topic[],
  kb: KnowledgeBase,
  hourly: boolean,
): Answer {
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
    const perRole = roles.map((role) => entry(role, topic, kb, hourly, sources));
    const withText = pairs.filter((p) => p.comparison.differences[topic.id]);
    for (const p of withText) sources.add(p.comparison.source);
    if (direct) {
      const difference = withText[0]?.comparison.differences[topic.id];
      return missingOf(difference ? { topic, perRole, difference } : { topic, perRole }, roles, kb);
    }
    if (withText.length === 0) return missingOf({ topic, perRole }, roles, kb);
    const pairDifferences: PairDifference[] = withText.map((p) => ({
      roles: [roleRef(p.a), roleRef(p.b)],
      text: p.comparison.differences[topic.id] ?? '',
    }));
    return missingOf({ topic, perRole, pairDifferences }, roles, kb);
  });

  if (direct) for (const p of pairs) sources.add(p.comparison.source);
  ensureSources(roles, kb, sources);
  const pay = topics.some((t) => t.id === 'salary')
    ? salaries(
        roles,
        roles.map((r) => figuresOf(r, kb, hourly)),
      )
    : {};
  return {
    kind: 'compare',
    roles: refs,
    blocks,
    ...pay,
    direct,
    sources: sources.list,
    otherTopics: otherTopics(roles, topics, kb),
  };
}

function roleAnswer(role: Role, topics: readonly Topic[], kb: KnowledgeBase, hourly: boolean): Answer {
  const sources = new SourceList();
  const figures = figuresOf(role, kb, hourly);
  // The overview of a role with open data shows its key figures; a curated role's is its summary.
  const onlyOverview = topics.length === 1 && topics[0]?.id === 'overview' && figures === undefined;
  const blocks: TopicBlock[] = onlyOverview
    ? []
    : topics.map((topic) =>
        missingOf({ topic, perRole: [entry(role, topic, kb, hourly, sources)] }, [role], kb),
      );
  if (onlyOverview) addFactSources(role, 'overview', sources);
  ensureSources([role], kb, sources);
  const salary =
    topics.some((t) => t.id === 'salary') && (role.salaries.length > 0 || figures === undefined)
      ? compareSalaries([role])
      : undefined;
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

/** The curated roles and comparisons; the open data's occupations are counted, never listed (a thousand lines). */
function listAnswer(kb: KnowledgeBase): Answer {
  const roles = [...kb.roles.values()]
    .filter((r) => r.origin !== 'open-data')
    .map(roleRef)
    .sort((a, b) => a.title.localeCompare(b.title));
  const occupations = kb.openData?.occupations.size;
  return {
    kind: 'list',
    roles,
    comparisons: kb.comparisons,
    ...(occupations === undefined ? {} : { occupations }),
  };
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
    topics: offeredTopics(kb),
  };
}
