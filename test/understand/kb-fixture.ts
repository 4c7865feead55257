import {
  createKnowledgeBase,
  type KnowledgeBase,
  type Role,
  type Source,
} from '../../src/knowledge/model.js';
import { loadKnowledgeBase } from '../../src/knowledge/load.js';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { articlesOnlyCopy as articlesOnlyDir, OPEN_DATA_DIR } from '../../src/cli/eval-run.js';
import { deriveKnowledge, type Knowledge } from '../../src/engine/engine.js';
import { EMPTY_CONVERSATION, type Query } from '../../src/understand/query.js';
import { understand } from '../../src/understand/understand.js';

const source: Source = { title: 'Fixture article', file: 'articles/fixture.md' };

/** A minimal role for hand-made knowledge bases (scale and edge-case tests). */
export function fixtureRole(id: string, title: string, aliases: readonly string[]): Role {
  return {
    id,
    title,
    aliases,
    summary: `${title} summary.`,
    facts: { overview: [{ text: `${title} summary.`, source }] },
    salaries: [],
    ladder: { reportsTo: [], stepTowards: [], comesFrom: [] },
    comparisons: [],
  };
}

/** A knowledge base with the bundled topics and the given roles. */
export function kbWithRoles(base: KnowledgeBase, roles: readonly Role[]): KnowledgeBase {
  return createKnowledgeBase({
    dir: 'fixture',
    topics: base.topics,
    roles: new Map(roles.map((r) => [r.id, r])),
    comparisons: [],
    conflicts: [],
  });
}

/** An occupation from the open data, as the loader makes them: names at every standing. */
export function occupationRole(
  id: string,
  title: string,
  names: {
    readonly alternates?: readonly string[];
    readonly reported?: readonly string[];
    readonly soc?: string;
  } = {},
): Role {
  return {
    ...fixtureRole(id, title, []),
    origin: 'open-data',
    soc: names.soc ?? '00-0000.00',
    alternateTitles: names.alternates ?? [],
    reportedTitles: names.reported ?? [],
  };
}

/** A knowledge base with the bundled topics, these roles and the ladder facts of the bundled articles. */
export function kbWith(base: KnowledgeBase, roles: readonly Role[]): KnowledgeBase {
  const all = new Map(base.roles);
  for (const r of roles) all.set(r.id, r);
  return createKnowledgeBase({ ...base, roles: all });
}

let bundled: Promise<Knowledge> | undefined;

/**
 * The bundled articles (knowledge/ without open-data/), loaded once per test file and indexed: the
 * knowledge base the understanding tests and the own eval set are written for.
 */
export function bundledKnowledge(): Promise<Knowledge> {
  bundled ??= articlesOnlyDir('knowledge').then(async (copy) => {
    try {
      const result = await loadKnowledgeBase(copy.dir);
      if (!result.ok)
        throw new Error(`bundled knowledge base failed to load: ${JSON.stringify(result.problems)}`);
      return deriveKnowledge(result.kb);
    } finally {
      await copy.dispose();
    }
  });
  return bundled;
}

/** A temporary copy of knowledge/ without open-data/ (what a directory of articles only looks like). */
export function articlesOnlyCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'careerbot-articles-')), 'knowledge');
  cpSync('knowledge', dir, { recursive: true, filter: (src) => !src.split(sep).includes(OPEN_DATA_DIR) });
  return dir;
}

let full: Promise<Knowledge | undefined> | undefined;

/** The bundled knowledge base with its open data, or undefined while knowledge/ has no open-data/. */
export function fullKnowledge(): Promise<Knowledge | undefined> {
  full ??= existsSync(join('knowledge', OPEN_DATA_DIR))
    ? loadKnowledgeBase('knowledge').then((result) => {
        if (!result.ok)
          throw new Error(`bundled knowledge base failed to load: ${JSON.stringify(result.problems)}`);
        return deriveKnowledge(result.kb);
      })
    : Promise.resolve(undefined);
  return full;
}

/**
 * The bundled articles plus a handful of occupations shaped like the O*NET data: names shared by
 * several occupations ("Engineer"), an own title that is another occupation's alternate ("Carpenter"),
 * a curated alias that O*NET lists for another occupation ("COO"), short names that are everyday words
 * ("DO", "RN") and a one-word name that is a modifier ("Chief").
 */
export function withOccupations(base: KnowledgeBase): KnowledgeBase {
  return kbWith(base, [
    occupationRole('chief-executives', 'Chief Executives', {
      alternates: ['CEO', 'COO', 'Chief Executive Officer', 'Chief Operating Officer'],
    }),
    occupationRole('carpenters', 'Carpenters', { alternates: ['Carpenter', 'Framer'] }),
    occupationRole('cabinetmakers-and-bench-carpenters', 'Cabinetmakers and Bench Carpenters', {
      alternates: ['Carpenter', 'Cabinet Maker'],
    }),
    occupationRole('civil-engineers', 'Civil Engineers', { alternates: ['Engineer', 'Structural Engineer'] }),
    occupationRole('mechanical-engineers', 'Mechanical Engineers', { alternates: ['Engineer'] }),
    occupationRole('electrical-engineers', 'Electrical Engineers', { alternates: ['Engineer'] }),
    occupationRole('physicians-all-other', 'Physicians, All Other', { reported: ['DO', 'Doctor'] }),
    occupationRole('registered-nurses', 'Registered Nurses', { alternates: ['RN', 'Nurse'] }),
    occupationRole('nurse-practitioners', 'Nurse Practitioners', { alternates: ['Nurse', 'NP'] }),
    occupationRole('dentists-general', 'Dentists, General', { alternates: ['Dentist', 'Family Dentist'] }),
    occupationRole('veterinarians', 'Veterinarians', { alternates: ['Veterinarian', 'Vet'] }),
    occupationRole('veterinary-technologists-and-technicians', 'Veterinary Technologists and Technicians', {
      alternates: ['Vet Tech', 'Veterinary Technician'],
    }),
    occupationRole('physical-therapists', 'Physical Therapists', {
      alternates: ['Physical Therapist', 'PT'],
    }),
    occupationRole('software-developers', 'Software Developers', { alternates: ['Software Developer'] }),
    occupationRole('baristas', 'Baristas', { alternates: ['Barista', 'Coffee Maker'] }),
    occupationRole('bartenders', 'Bartenders', { alternates: ['Bartender', 'Bar Manager'] }),
    occupationRole('first-line-supervisors-of-firefighting', 'First-Line Supervisors of Firefighting', {
      alternates: ['Chief', 'Fire Chief'],
    }),
    occupationRole('hunters-and-trappers', 'Hunters and Trappers', { alternates: ['Hunter', 'Trapper'] }),
  ]);
}

/** The four curated roles of the bundled articles, by the short names the understanding tests use. */
export const C = 'chief-operating-officer';
export const H = 'head-of-operations';
export const OC = 'operations-coordinator';
export const OM = 'operations-manager';

/** How a message reads with no conversation before it. */
export function readAlone(knowledge: Knowledge, text: string): Query {
  return understand(text, EMPTY_CONVERSATION, knowledge.kb, knowledge.index).query;
}
