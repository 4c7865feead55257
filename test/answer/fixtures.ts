import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { createKnowledgeBase } from '../../src/knowledge/model.js';
import type {
  Comparison,
  Fact,
  KnowledgeBase,
  LadderLink,
  Role,
  Salary,
  Source,
  Topic,
} from '../../src/knowledge/model.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { queryOf, type Query, type QueryDraft } from '../../src/understand/query.js';

/** Hand-built knowledge for unit tests, following src/knowledge/model.ts. */

export const TOPICS: Topic[] = [
  { id: 'overview', name: 'Overview', words: ['overview'] },
  { id: 'duties', name: 'Duties', words: ['duties'] },
  { id: 'requirements', name: 'Requirements', words: ['degree'] },
  { id: 'environment', name: 'Work environment', words: ['travel'] },
  { id: 'skills', name: 'Skills', words: ['skills'] },
  { id: 'salary', name: 'Salary', words: ['pay'] },
];

export function source(title: string, file = `articles/${title}.md`, url?: string): Source {
  return url === undefined ? { title, file } : { title, file, url };
}

export interface RoleSpec {
  id: string;
  title: string;
  summary?: string;
  facts?: Record<string, string[]>;
  salaries?: Omit<Salary, 'source'>[];
  reportsTo?: [string, string?][];
  stepTowards?: [string, string?][];
  comesFrom?: [string, string?][];
  src: Source;
}

export function role(spec: RoleSpec): Role {
  const facts: Record<string, Fact[]> = {};
  for (const [topic, texts] of Object.entries(spec.facts ?? {})) {
    facts[topic] = texts.map((text) => ({ text, source: spec.src }));
  }
  const link = ([title, roleId]: [string, string?]): LadderLink =>
    roleId === undefined ? { title, source: spec.src } : { title, roleId, source: spec.src };
  return {
    id: spec.id,
    title: spec.title,
    aliases: [],
    summary: spec.summary ?? `${spec.title} summary.`,
    facts,
    salaries: (spec.salaries ?? []).map((s) => ({ ...s, source: spec.src })),
    ladder: {
      reportsTo: (spec.reportsTo ?? []).map(link),
      stepTowards: (spec.stepTowards ?? []).map(link),
      comesFrom: (spec.comesFrom ?? []).map(link),
    },
    comparisons: [],
  };
}

export function kbOf(roles: Role[], comparisons: Comparison[] = [], topics: Topic[] = TOPICS): KnowledgeBase {
  const withComparisons = roles.map((r) => ({
    ...r,
    comparisons: comparisons.filter((c) => c.roles.includes(r.id)).map((c) => c.id),
  }));
  return createKnowledgeBase({
    dir: 'memory',
    topics,
    roles: new Map(withComparisons.map((r) => [r.id, r])),
    comparisons,
    conflicts: [],
  });
}

const usdYear = (amount: number): Omit<Salary, 'source'> => ({
  amount,
  currency: 'USD',
  period: 'year',
  kind: 'average',
});

const COO_SRC = source('Head of Operations vs. COO: What Are the Differences?');
const OPS_SRC = source('Operations Coordinator vs. Operations Manager: What Are the Differences?');

/** The bundled facts in short form: same ids, titles, salaries and ladder as knowledge/. */
export function miniBundledKb(): KnowledgeBase {
  const hoo = role({
    id: 'head-of-operations',
    title: 'Head of Operations',
    src: COO_SRC,
    facts: {
      duties: ['Builds staff schedules and manages budgets.'],
      requirements: ["A bachelor's degree at least."],
      environment: ['Office, home or travel between sites.'],
      skills: ['Strategic planning and leadership.'],
      salary: ['Pay depends on company size.'],
    },
    salaries: [usdYear(111025)],
  });
  const coo = role({
    id: 'chief-operating-officer',
    title: 'Chief Operating Officer',
    src: COO_SRC,
    facts: {
      duties: ['Oversees larger parts of the company.'],
      requirements: ["A bachelor's degree, often a master's."],
      environment: ['Formal office setting, frequent travel.'],
      skills: ['Decision-making and delegation.'],
      salary: ['Pay depends on company size.'],
    },
    salaries: [usdYear(132974)],
    reportsTo: [['Chief Executive Officer']],
    stepTowards: [['Chief Executive Officer']],
  });
  const coord = role({
    id: 'operations-coordinator',
    title: 'Operations Coordinator',
    src: OPS_SRC,
    facts: { duties: ['Shipping, receiving and scheduling.'], environment: ['Office, some travel.'] },
    salaries: [usdYear(55558)],
    reportsTo: [['Operations Manager', 'operations-manager']],
    comesFrom: [['customer service']],
  });
  const mgr = role({
    id: 'operations-manager',
    title: 'Operations Manager',
    src: OPS_SRC,
    facts: { duties: ['Strategic planning and production targets.'], environment: ['More time on-site.'] },
    salaries: [usdYear(75844)],
    comesFrom: [['project manager'], ['supervisor']],
  });
  return kbOf(
    [hoo, coo, coord, mgr],
    [
      {
        id: 'head-of-operations-vs-chief-operating-officer',
        title: 'Head of Operations vs. Chief Operating Officer',
        roles: ['head-of-operations', 'chief-operating-officer'],
        differences: { salary: 'On average the COO earns more.', duties: 'The COO covers larger parts.' },
        source: COO_SRC,
      },
      {
        id: 'operations-coordinator-vs-operations-manager',
        title: 'Operations Coordinator vs. Operations Manager',
        roles: ['operations-coordinator', 'operations-manager'],
        differences: { salary: 'The manager earns more.', environment: 'Managers spend more time on-site.' },
        source: OPS_SRC,
      },
    ],
  );
}

/** The bundled knowledge base (knowledge/), loaded by the real loader. */
export async function bundledKb(): Promise<KnowledgeBase> {
  const result = await loadKnowledgeBase(DEFAULT_KNOWLEDGE_DIR);
  if (!result.ok)
    throw new Error(`bundled knowledge failed to load: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.kb;
}

/** A Query with defaults for the fields a test does not care about. */
export function query(draft: QueryDraft): Query {
  return queryOf(draft);
}
