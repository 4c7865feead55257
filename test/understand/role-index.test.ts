import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/engine/engine.js';
import { clean, tokenize } from '../../src/understand/normalize.js';
import { buildIndex, FUZZY } from '../../src/understand/role-index.js';
import { correctWord, scanRoles } from '../../src/understand/role-scan.js';
import { bundledKnowledge, fixtureRole, kbWithRoles, C, H, OC, OM } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

/** The known roles named in a text, in order. */
function rolesIn(text: string): string[] {
  return scanRoles(tokenize(clean(text)), knowledge.index).mentions.flatMap((m) => m.roles);
}

describe('role index: exact aliases', () => {
  it.each([
    ['Head of Operations', [H]],
    ['head of ops', [H]],
    ['COO', [C]],
    ['c.o.o.', [C]],
    ['chief operations officer', [C]],
    ['ops coordinator', [OC]],
    ['operations co-ordinator', [OC]],
    ['ops mgr', [OM]],
  ])('GIVEN "%s" THEN it names %j', (text, expected) => {
    expect(rolesIn(text)).toEqual(expected);
  });

  it('matches aliases inside a sentence, in the order asked', () => {
    expect(rolesIn('so is the COO paid more than the head of ops these days?')).toEqual([C, H]);
  });

  it('matches word-order variants, plurals and possessives', () => {
    expect(rolesIn('operations head')).toEqual([H]);
    expect(rolesIn('heads of operations')).toEqual([H]);
    expect(rolesIn('COOs')).toEqual([C]);
    expect(rolesIn("the coordinator's pay")).toEqual([OC]);
    expect(rolesIn('manager of operations')).toEqual([OM]);
  });

  it('reads a head noun shared across "or"/"and" as naming both roles', () => {
    expect(rolesIn('operations managers or coordinators')).toEqual([OM, OC]);
    expect(rolesIn('ops managers or coordinators')).toEqual([OM, OC]);
    expect(rolesIn('ops manager and coordinator')).toEqual([OM, OC]);
  });
});

describe('role index: typos', () => {
  it('corrects typos inside multi-word titles with lower confidence', () => {
    const scan = scanRoles(tokenize(clean('opperations cordinator vs operations manger')), knowledge.index);
    expect(scan.mentions.map((m) => m.roles[0])).toEqual([OC, OM]);
    expect(scan.mentions.every((m) => m.confidence < 1 && m.confidence > 0.5)).toBe(true);
  });

  it('corrects swapped letters', () => {
    expect(rolesIn('cheif operating officer')).toEqual([C]);
  });

  it('never corrects short words: acronyms match exactly only', () => {
    expect(correctWord('ceo', knowledge.index)).toBeUndefined();
    expect(rolesIn('CEO')).toEqual([]);
    expect(rolesIn('CFO')).toEqual([]);
  });

  it('does not treat another form of a word as a typo ("manage" is not "manager")', () => {
    expect(correctWord('manage', knowledge.index)).toBeUndefined();
    expect(rolesIn('how do ops manage schedules')).toEqual([]);
  });
});

describe('role index: never by resemblance alone', () => {
  it.each([
    'CEO',
    'project manager',
    'software engineer',
    'operations director',
    'director of operations',
    'office manager',
    'general manager',
    'chief executive officer',
  ])('GIVEN "%s" THEN no known role is named', (text) => {
    expect(rolesIn(text)).toEqual([]);
  });

  it('reads a bare title head as the one role it ends when nothing qualifies it', () => {
    expect(rolesIn('coordinators')).toEqual([OC]);
    expect(rolesIn('how does that compare to the managers?')).toEqual([OM]);
  });
});

describe('role index: scale', () => {
  const QUALIFIERS = [
    'sales',
    'marketing',
    'finance',
    'product',
    'data',
    'security',
    'support',
    'field',
    'retail',
    'supply',
  ];
  const HEADS = [
    'manager',
    'director',
    'analyst',
    'engineer',
    'coordinator',
    'specialist',
    'lead',
    'officer',
  ];
  const LEVELS = ['junior', 'senior', 'principal', 'regional', 'global', 'associate', 'deputy', 'assistant'];

  function bigKb(roleCount: number) {
    const roles = [];
    for (let i = 0; i < roleCount; i += 1) {
      const q = QUALIFIERS[i % QUALIFIERS.length] ?? 'x';
      const h = HEADS[Math.floor(i / QUALIFIERS.length) % HEADS.length] ?? 'y';
      const l = LEVELS[Math.floor(i / 80) % LEVELS.length] ?? 'z';
      const title = `${l} ${q} ${h} ${i}`;
      roles.push(fixtureRole(`role-${i}`, title, [`${q} ${h} ${i}`, `${l} ${q} ${h.slice(0, 3)} ${i}`]));
    }
    return kbWithRoles(knowledge.kb, roles);
  }

  // Speed at this size is measured by `npm run bench` (printed figures), not asserted here.
  it('GIVEN 20,000 roles THEN every role is indexed and typos still find the one role meant', () => {
    const large = buildIndex(bigKb(20_000));
    expect(large.size).toBe(20_000);
    const scan = scanRoles(
      tokenize(clean('assistant marketing manager 1201 vs junior sales manger 0 salary')),
      large,
    );
    expect(scan.mentions.map((m) => m.roles)).toEqual([['role-1201'], ['role-0']]);
    expect(scanRoles(tokenize(clean('CEO pay')), large).mentions).toEqual([]);
  });

  it('keeps its fuzzy settings in one frozen object', () => {
    expect(Object.isFrozen(FUZZY)).toBe(true);
    expect(FUZZY.minLength).toBeGreaterThan(4);
  });
});
