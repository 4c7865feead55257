import type { KnowledgeBase, Role, Salary, Topic } from '../knowledge/model.js';
import type { Estimate, Projection, Wages } from '../knowledge/open-data/model.js';
import { EDUCATION_LEVELS } from '../knowledge/open-data/schema.js';
import { messages } from '../messages.js';
import { addFactSources, roleFacts, SourceList } from './common.js';
import type { Answer, Ranking, RankEntry, RankValue, TopicBlock } from './model.js';
import { roleRef } from './model.js';
import { addFigureSources, figuresCover, figuresOf, occupationCovers, occupationOf } from './open-data.js';
import { sameBasis } from './salary.js';

/** Rankings (Query.rank): every role, a named group, or the listed roles, ordered on one topic. */

/** Shown in full up to this many; beyond, the first and last RANK_EDGE with a count between. */
export const RANK_FULL = 10;
export const RANK_EDGE = 5;
/** Unranked roles named (the rest are counted). */
const MAX_UNRANKED_NAMED = 5;

interface Candidate {
  readonly role: Role;
  readonly value?: RankValue;
  /** Sort key, higher first. */
  readonly key: number;
  /** Exact money or percent, for gaps; undefined for top-coded or categorical values. */
  readonly exact?: number;
}

const estimateKey = (e: Estimate): number =>
  e.kind === 'not-published' ? Number.NEGATIVE_INFINITY : e.value;

export interface RankRequest {
  readonly scope: Ranking['scope'];
  readonly roles: readonly Role[];
  readonly topic: Topic;
  readonly hourly: boolean;
}

export function rankingAnswer(request: RankRequest, kb: KnowledgeBase): Answer {
  const { scope, topic, hourly } = request;
  const pool = scope === 'all' ? [...kb.roles.values()] : request.roles;
  const order = rankOrder(pool, topic, scope, hourly, kb);

  const sorted = [...order.ranked].sort((a, b) => b.key - a.key || a.role.title.localeCompare(b.role.title));
  const edges =
    sorted.length <= RANK_FULL
      ? { top: sorted, bottom: [] as Candidate[] }
      : order.by === 'none'
        ? { top: sorted.slice(0, RANK_FULL), bottom: [] as Candidate[] }
        : { top: sorted.slice(0, RANK_EDGE), bottom: sorted.slice(-RANK_EDGE) };
  const rankOf = ranks(sorted, order.by !== 'none');
  const entries = (list: readonly Candidate[]): RankEntry[] =>
    list.map((c, i) => {
      const next = list[i + 1];
      const gap =
        order.money && c.exact !== undefined && next?.exact !== undefined
          ? round2(c.exact - next.exact)
          : undefined;
      return {
        rank: rankOf.get(c) ?? 0,
        role: roleRef(c.role),
        ...(c.value === undefined ? {} : { value: c.value }),
        ...(gap === undefined ? {} : { gapToNext: gap }),
      };
    });
  const top = entries(edges.top);
  const bottom = entries(edges.bottom);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const spread =
    order.money &&
    sorted.length > 1 &&
    first?.exact !== undefined &&
    last?.exact !== undefined &&
    last.exact > 0
      ? {
          difference: round2(first.exact - last.exact),
          percent: Math.round(((first.exact - last.exact) / last.exact) * 1000) / 10,
        }
      : undefined;

  const shown = [...edges.top, ...edges.bottom].map((c) => c.role);
  const sources = new SourceList();
  const block: TopicBlock = {
    topic,
    perRole: shown.map((role) => {
      if (order.by === 'salary' || order.by === 'none') addFactSources(role, topic.id, sources);
      const figures = figuresOf(role, kb, hourly);
      const covers = figuresCover(figures, topic.id);
      if (covers && figures !== undefined) addFigureSources(figures, topic.id, kb, sources);
      return covers && figures !== undefined
        ? { role: roleRef(role), facts: roleFacts(role, topic.id), figures }
        : { role: roleRef(role), facts: roleFacts(role, topic.id) };
    }),
  };
  const ranking: Ranking = {
    topic,
    by: order.by,
    scope,
    total: sorted.length,
    top,
    bottom,
    omitted: sorted.length - top.length - bottom.length,
    ...(spread === undefined ? {} : { spread }),
    unranked: order.unranked.slice(0, MAX_UNRANKED_NAMED).map(roleRef),
    unrankedCount: order.unranked.length,
    ...(order.unranked.length > 0 && order.reason !== undefined ? { unrankedReason: order.reason } : {}),
    ...(order.by === 'median' && kb.openData !== undefined ? { date: kb.openData.sources.oews.release } : {}),
    ...(order.by === 'change' && kb.openData !== undefined
      ? { release: kb.openData.sources.ep.release }
      : {}),
  };
  return {
    kind: 'compare',
    roles: shown.map(roleRef),
    blocks: [block],
    direct: false,
    ranking,
    sources: sources.list,
    otherTopics: [],
  };
}

/** Ranks with ties sharing one (1, 2, 2, 4); every entry its own rank when unordered. */
function ranks(sorted: readonly Candidate[], ordered: boolean): Map<Candidate, number> {
  const out = new Map<Candidate, number>();
  sorted.forEach((c, i) => {
    const previous = sorted[i - 1];
    out.set(
      c,
      ordered && previous !== undefined && previous.key === c.key ? (out.get(previous) ?? i + 1) : i + 1,
    );
  });
  return out;
}

interface Order {
  readonly by: Ranking['by'];
  readonly ranked: readonly Candidate[];
  readonly unranked: readonly Role[];
  readonly reason?: string;
  /** Gaps between entries are money (salary, median). */
  readonly money: boolean;
}

function rankOrder(
  pool: readonly Role[],
  topic: Topic,
  scope: Ranking['scope'],
  hourly: boolean,
  kb: KnowledgeBase,
): Order {
  const dedupe = scope === 'all';
  if (topic.id === 'salary') {
    const byArticle = articleOrder(pool);
    if (byArticle !== undefined && (kb.openData === undefined || byArticle.unranked.length === 0))
      return byArticle;
    const period = hourly ? 'hour' : 'year';
    const order = dataOrder(pool, dedupe, kb, (role) => {
      const wages = occupationOf(role, kb)?.wages;
      if (wages === undefined) return undefined;
      const median = period === 'year' ? wages.annual.median : wages.hourly.median;
      if (median.kind === 'not-published') return undefined;
      return {
        group: wages,
        value: { kind: 'median', median, period },
        key: estimateKey(median),
        ...(median.kind === 'value' ? { exact: median.value } : {}),
      };
    });
    return { ...order, by: 'median', money: true, reason: messages.rankNoMedian };
  }
  if (topic.id === 'outlook' && kb.openData !== undefined) {
    const order = dataOrder(pool, dedupe, kb, (role) => {
      const p = occupationOf(role, kb)?.projection;
      return p === undefined
        ? undefined
        : {
            group: p,
            value: { kind: 'change', percent: p.changePercent },
            key: p.changePercent,
            exact: p.changePercent,
          };
    });
    return { ...order, by: 'change', money: false, reason: messages.rankNoProjection };
  }
  if (topic.id === 'requirements' && kb.openData !== undefined) {
    const order = dataOrder(pool, dedupe, kb, (role) => {
      const p = occupationOf(role, kb)?.projection;
      const level = p === undefined ? -1 : (EDUCATION_LEVELS as readonly string[]).indexOf(p.education);
      return p === undefined || level < 0
        ? undefined
        : { group: p, value: { kind: 'education', label: p.education }, key: level };
    });
    return { ...order, by: 'education', money: false, reason: messages.rankNoEducation };
  }
  // Other topics have no measure: side by side, in the asked (or knowledge-base) order.
  const shown = pool.filter((r) => r.origin !== 'open-data' || occupationCovers(r, kb, topic.id));
  return {
    by: 'none',
    ranked: shown.map((role, i) => ({ role, key: -i })),
    unranked: [],
    money: false,
  };
}

type Measure = {
  readonly group: Wages | Projection;
  readonly value: RankValue;
  readonly key: number;
  readonly exact?: number;
};

/**
 * Roles with a figure on the measure, the rest unranked. For `all`, occupations sharing one set of
 * figures (O*NET refinements of one SOC code) are ranked once, by their `.00` occupation, and
 * curated roles linked to an occupation are left to it.
 */
function dataOrder(
  pool: readonly Role[],
  dedupe: boolean,
  kb: KnowledgeBase,
  measure: (role: Role) => Measure | undefined,
): Omit<Order, 'by' | 'money'> {
  const ranked: Candidate[] = [];
  const unranked: Role[] = [];
  const byGroup = new Map<Wages | Projection, number>();
  for (const role of pool) {
    const m = measure(role);
    if (m === undefined) {
      if (!dedupe || occupationOf(role, kb) === undefined) unranked.push(role);
      continue;
    }
    const candidate: Candidate = {
      role,
      value: m.value,
      key: m.key,
      ...(m.exact === undefined ? {} : { exact: m.exact }),
    };
    if (!dedupe) {
      ranked.push(candidate);
      continue;
    }
    if (role.origin !== 'open-data') continue;
    const at = byGroup.get(m.group);
    if (at === undefined) {
      byGroup.set(m.group, ranked.length);
      ranked.push(candidate);
    } else if (role.soc?.endsWith('.00') === true && ranked[at]?.role.soc?.endsWith('.00') !== true)
      ranked[at] = candidate;
  }
  return { ranked, unranked };
}

/** By the articles' salaries, when every role has exactly one figure and all are on one basis. */
function articleOrder(pool: readonly Role[]): Order | undefined {
  const ranked: Candidate[] = [];
  const unranked: Role[] = [];
  let basis: Salary | undefined;
  for (const role of pool) {
    const [salary, ...more] = role.salaries;
    if (salary === undefined || more.some((s) => s.amount !== salary.amount || !sameBasis(s, salary))) {
      unranked.push(role);
      continue;
    }
    basis ??= salary;
    if (!sameBasis(basis, salary)) return undefined;
    ranked.push({ role, value: { kind: 'salary', salary }, key: salary.amount, exact: salary.amount });
  }
  if (ranked.length === 0) return undefined;
  return { by: 'salary', ranked, unranked, money: true, reason: messages.rankNoArticleSalary };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
