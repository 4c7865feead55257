import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKnowledge, type Knowledge } from '../../src/engine/engine.js';
import { buildIndex } from '../../src/understand/role-index.js';
import { buildRoleChoices, MAX_CHOICES, suggestRoles } from '../../src/understand/role-choices.js';
import { bundledKnowledge, kbWithRoles, occupationRole, withOccupations } from './kb-fixture.js';

let occupations: Knowledge;
beforeAll(async () => {
  occupations = deriveKnowledge(withOccupations((await bundledKnowledge()).kb));
});

const values = (typed: string, k: Knowledge = occupations): string[] =>
  suggestRoles(k.choices, typed).map((c) => c.value);

describe('autocomplete over occupations and curated roles', () => {
  it('offers roles whose own title or alias starts with what is typed, best first', () => {
    expect(values('ops man')[0]).toBe('operations-manager');
    expect(values('bar')).toEqual(expect.arrayContaining(['baristas', 'bartenders']));
    expect(values('coo')[0]).toBe('chief-operating-officer');
    expect(values('carp').slice(0, 2)).toEqual(['carpenters', 'cabinetmakers-and-bench-carpenters']);
  });

  it('finds roles by alternate titles, abbreviations and typos too', () => {
    expect(values('vet tech')[0]).toBe('veterinary-technologists-and-technicians');
    expect(values('ceo')).toEqual(['chief-executives']);
    expect(values('opps mgr')[0]).toBe('operations-manager');
    expect(values('veterinarain')).toContain('veterinarians');
  });

  it('GIVEN nothing typed THEN the curated roles, then A-Z; never more than 25 choices of at most 100 characters', () => {
    const first = suggestRoles(occupations.choices, '');
    expect(first.length).toBe(Math.min(MAX_CHOICES, occupations.kb.roles.size));
    expect(first.slice(0, 4).map((c) => c.value)).toEqual([
      'chief-operating-officer',
      'head-of-operations',
      'operations-coordinator',
      'operations-manager',
    ]);
    const rest = first.slice(4).map((c) => c.name);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
    const long = 'x'.repeat(500);
    for (const typed of ['a', 'e', long, '🙂', '  ']) {
      const choices = suggestRoles(occupations.choices, typed);
      expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
      for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('hands fuse.js a bounded set: 60,000 names sharing one word still give 25 choices, the own title first', () => {
    const roles = [];
    for (let i = 0; i < 20_000; i += 1) {
      roles.push(
        occupationRole(`occupation-${i}`, `Technician ${i}`, {
          alternates: [`Field Technician ${i}`, 'Technician'],
        }),
      );
    }
    const big = buildRoleChoices(kbWithRoles(occupations.kb, roles), undefined);
    const choices = suggestRoles(big, 'technician 1234');
    expect(choices[0]?.value).toBe('occupation-1234');
    expect(suggestRoles(big, 'tech').length).toBe(MAX_CHOICES);
    expect(buildIndex).toBeTypeOf('function');
  });
});
