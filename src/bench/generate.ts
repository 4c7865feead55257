/**
 * Deterministic synthetic knowledge base for the benchmark: N comparison articles in the real file
 * format (knowledge/README.md), with realistic role titles, aliases and salaries, and a labelled
 * question set over them. Same seed, same output.
 */

/** Small, fast, seedable PRNG (mulberry32): the benchmark must be reproducible run to run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDUSTRIES = [
  'Retail',
  'Healthcare',
  'Hospitality',
  'Logistics',
  'Manufacturing',
  'Banking',
  'Insurance',
  'Aviation',
  'Pharmaceutical',
  'Construction',
  'Energy',
  'Telecom',
  'Automotive',
  'Education',
  'Nonprofit',
  'Government',
  'Agriculture',
  'Media',
  'Gaming',
  'Biotech',
  'Maritime',
  'Mining',
  'Fashion',
  'Real Estate',
  'Legal',
  'Publishing',
  'Security',
  'Transit',
  'Utilities',
  'Wholesale',
] as const;

/** Domain word and its common short form (used in aliases). */
const DOMAINS: readonly (readonly [string, string])[] = [
  ['Marketing', 'mktg'],
  ['Sales', 'sales'],
  ['Finance', 'fin'],
  ['Accounting', 'acct'],
  ['Payroll', 'payroll'],
  ['Procurement', 'procurement'],
  ['Supply Chain', 'supply chain'],
  ['Warehouse', 'warehouse'],
  ['Inventory', 'inventory'],
  ['Quality', 'qa'],
  ['Compliance', 'compliance'],
  ['Risk', 'risk'],
  ['Audit', 'audit'],
  ['Tax', 'tax'],
  ['Talent', 'talent'],
  ['Recruiting', 'recruiting'],
  ['Benefits', 'benefits'],
  ['Training', 'training'],
  ['Facilities', 'facilities'],
  ['Fleet', 'fleet'],
  ['Data', 'data'],
  ['Analytics', 'analytics'],
  ['Software', 'software'],
  ['Network', 'network'],
  ['Cloud', 'cloud'],
  ['Infrastructure', 'infra'],
  ['Product', 'product'],
  ['Brand', 'brand'],
  ['Content', 'content'],
  ['Events', 'events'],
  ['Customer Success', 'cs'],
  ['Support', 'support'],
  ['Research', 'research'],
  ['Clinical', 'clinical'],
  ['Laboratory', 'lab'],
  ['Maintenance', 'maintenance'],
  ['Production', 'production'],
  ['Safety', 'safety'],
  ['Environmental', 'environmental'],
  ['Communications', 'comms'],
];

const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['Manager', 'mgr'],
  ['Coordinator', 'coord'],
  ['Analyst', 'analyst'],
  ['Engineer', 'eng'],
  ['Specialist', 'spec'],
  ['Director', 'dir'],
  ['Consultant', 'consultant'],
  ['Administrator', 'admin'],
  ['Officer', 'officer'],
  ['Technician', 'tech'],
  ['Supervisor', 'supv'],
  ['Planner', 'planner'],
  ['Associate', 'assoc'],
  ['Lead', 'lead'],
];

const SENIORITY: readonly (readonly [string, string])[] = [
  ['', ''],
  ['Senior', 'sr'],
  ['Junior', 'jr'],
  ['Assistant', 'asst'],
  ['Principal', 'principal'],
];

export interface SyntheticRole {
  readonly id: string;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly salary: number;
}

export interface SyntheticQuestion {
  readonly category: 'compare' | 'role' | 'typo' | 'follow-up' | 'unknown';
  readonly conversation: string;
  readonly text: string;
  readonly intent: string;
  readonly roles: readonly string[];
  readonly topics: readonly string[];
}

export interface SyntheticKnowledge {
  readonly files: readonly { readonly name: string; readonly text: string }[];
  readonly roles: readonly SyntheticRole[];
  readonly questions: readonly SyntheticQuestion[];
}

function kebab(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Role number i -> a unique title (industry x seniority x domain x function; 84,000 combinations). */
function roleAt(i: number): SyntheticRole {
  const f = FUNCTIONS[i % FUNCTIONS.length]!;
  const d = DOMAINS[Math.floor(i / FUNCTIONS.length) % DOMAINS.length]!;
  const s = SENIORITY[Math.floor(i / (FUNCTIONS.length * DOMAINS.length)) % SENIORITY.length]!;
  const ind =
    INDUSTRIES[Math.floor(i / (FUNCTIONS.length * DOMAINS.length * SENIORITY.length)) % INDUSTRIES.length]!;
  const title = [ind, s[0], d[0], f[0]].filter((w) => w !== '').join(' ');
  const short = [ind.toLowerCase(), s[1], d[1], f[1]].filter((w) => w !== '').join(' ');
  const aliases = short !== title.toLowerCase() ? [short] : [];
  const salary = 38_000 + ((i * 7919) % 140_000);
  return { id: kebab(title), title, aliases, salary };
}

const TOPIC_TEXT = {
  duties: 'plans the work of the team, tracks progress against goals and reports on results each month',
  requirements: 'usually needs a bachelor degree in a related field and several years of experience',
  environment: 'works mostly in an office, with some travel to sites and partner locations',
  skills: 'needs clear communication, careful planning and steady judgement under pressure',
} as const;

function article(a: SyntheticRole, b: SyntheticRole): string {
  const role = (r: SyntheticRole): string =>
    [
      `  - id: ${r.id}`,
      `    title: ${r.title}`,
      `    aliases: [${r.aliases.map((x) => JSON.stringify(x)).join(', ')}]`,
      `    summary: The ${r.title.toLowerCase()} looks after ${r.title.split(' ').slice(-2).join(' ').toLowerCase()} work.`,
      '    salary:',
      `      amount: ${r.salary}`,
      '      currency: USD',
      '      period: year',
      '      kind: average',
    ].join('\n');
  const body = (r: SyntheticRole): string =>
    [
      `# ${r.title}`,
      '',
      ...Object.entries(TOPIC_TEXT).flatMap(([t, text]) => [
        `## ${t}`,
        '',
        `The ${r.title.toLowerCase()} ${text}.`,
        '',
      ]),
    ].join('\n');
  return [
    '---',
    `title: ${a.title} vs. ${b.title}`,
    'source:',
    `  title: "${a.title} vs. ${b.title}: What Are the Differences? (synthetic)"`,
    'roles:',
    role(a),
    role(b),
    '---',
    '',
    body(a),
    body(b),
    '# Differences',
    '',
    '## Overview',
    '',
    `Both roles share a field; the ${a.title.toLowerCase()} and the ${b.title.toLowerCase()} differ in scope.`,
    '',
  ].join('\n');
}

const UNKNOWN_ROLES = [
  'zookeeper',
  'astronaut',
  'sommelier',
  'blacksmith',
  'lighthouse keeper',
  'puppeteer',
  'beekeeper',
  'glassblower',
];
const TOPIC_ASKS: readonly (readonly [string, string])[] = [
  ['salary', 'salary'],
  ['pay', 'salary'],
  ['duties', 'duties'],
  ['skills', 'skills'],
  ['requirements', 'requirements'],
  ['work environment', 'environment'],
];

/** Replace one inner letter of the longest word (a typo a fuzzy matcher should forgive). */
function typo(text: string, rnd: () => number): string {
  const words = text.split(' ');
  let at = 0;
  words.forEach((w, i) => {
    if (w.length > (words[at] ?? '').length) at = i;
  });
  const w = words[at] ?? '';
  if (w.length < 7) return text;
  const pos = 2 + Math.floor(rnd() * (w.length - 4));
  words[at] = w.slice(0, pos) + w.slice(pos + 1); // a dropped letter
  return words.join(' ');
}

/** The about 1.2 n distinct roles the `n` articles are about. */
export function syntheticRoles(n: number): SyntheticRole[] {
  const roleCount = Math.min(Math.max(2, Math.round(n * 1.2)), 84_000);
  return Array.from({ length: roleCount }, (_, i) => roleAt(i));
}

/** The `n` article files one by one, so that writing them never holds them all in memory. */
export function* syntheticFiles(
  n: number,
  seed = 42,
): Generator<{ readonly name: string; readonly text: string }> {
  const rnd = random(seed);
  const roles = syntheticRoles(n);
  const roleCount = roles.length;
  const pairs = new Set<string>();
  for (let i = 0; pairs.size < n; i++) {
    const a = roles[i % roleCount]!;
    const b = roles[Math.floor(rnd() * roleCount)]!;
    const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
    if (a.id === b.id || pairs.has(key)) continue;
    pairs.add(key);
    yield { name: `${a.id}-vs-${b.id}.md`, text: article(a, b) };
  }
}

/** The labelled questions over the roles of `n` articles. */
export function syntheticQuestions(n: number, questionCount = 2_000, seed = 42): SyntheticQuestion[] {
  const roles = syntheticRoles(n);
  return makeQuestions(roles.slice(0, Math.min(roles.length, n)), questionCount, seed + 1);
}

/** Generate `n` articles over about 1.2 n distinct roles, and `questionCount` labelled questions. */
export function generate(n: number, questionCount = 2_000, seed = 42): SyntheticKnowledge {
  return {
    files: [...syntheticFiles(n, seed)],
    roles: syntheticRoles(n),
    questions: syntheticQuestions(n, questionCount, seed),
  };
}

/**
 * `questionCount` labelled questions over `used` roles, from their own seed: the benchmark warms up on one
 * seed and measures on another, so no measured question has been asked before.
 */
export function makeQuestions(
  used: readonly SyntheticRole[],
  questionCount: number,
  seed: number,
): SyntheticQuestion[] {
  const rnd = random(seed);
  const pick = (): SyntheticRole => used[Math.floor(rnd() * used.length)]!;
  const name = (r: SyntheticRole): string =>
    rnd() < 0.3 && r.aliases[0] ? r.aliases[0] : r.title.toLowerCase();
  const questions: SyntheticQuestion[] = [];
  for (let q = 0; questions.length < questionCount; q++) {
    const [word, topic] = TOPIC_ASKS[q % TOPIC_ASKS.length]!;
    const conversation = `c${q}`;
    switch (q % 5) {
      case 0: {
        const a = pick();
        let b = pick();
        while (b.id === a.id) b = pick();
        questions.push({
          category: 'compare',
          conversation,
          text: `${name(a)} vs ${name(b)} ${word}?`,
          intent: 'compare',
          roles: [a.id, b.id],
          topics: [topic],
        });
        break;
      }
      case 1: {
        const a = pick();
        questions.push({
          category: 'role',
          conversation,
          text: `what is the ${word} of a ${name(a)}?`,
          intent: 'role',
          roles: [a.id],
          topics: [topic],
        });
        break;
      }
      case 2: {
        const a = pick();
        questions.push({
          category: 'typo',
          conversation,
          text: `${typo(a.title.toLowerCase(), rnd)} ${word}`,
          intent: 'role',
          roles: [a.id],
          topics: [topic],
        });
        break;
      }
      case 3: {
        const a = pick();
        let b = pick();
        while (b.id === a.id) b = pick();
        questions.push({
          category: 'compare',
          conversation,
          text: `${name(a)} or ${name(b)}: which pays more?`,
          intent: 'compare',
          roles: [a.id, b.id],
          topics: ['salary'],
        });
        questions.push({
          category: 'follow-up',
          conversation,
          text: `and ${word === 'pay' ? 'skills' : word}?`,
          intent: 'compare',
          roles: [a.id, b.id],
          topics: [word === 'pay' ? 'skills' : topic],
        });
        break;
      }
      default: {
        const u = UNKNOWN_ROLES[q % UNKNOWN_ROLES.length]!;
        questions.push({
          category: 'unknown',
          conversation,
          text: `how much does a ${u} make?`,
          intent: 'unknown',
          roles: [],
          topics: ['salary'],
        });
      }
    }
  }
  return questions.slice(0, questionCount);
}
