import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  candidatesOf,
  clarifyQuery,
  compareQuery,
  exactQuery,
  helpQuery,
  queryOf,
  QuerySchema,
  roleQuery,
  smalltalkQuery,
  unknownQuery,
  unknownRolesOf,
  type Query,
  type QueryOf,
} from '../../src/understand/query.js';

describe('Query: one variant per intent', () => {
  it('builds each variant with only its fields, valid against the schema', () => {
    const all: Query[] = [
      roleQuery({ roles: ['a'], ladder: 'into' }),
      compareQuery({ roles: ['a', 'b'], topics: ['salary'], rank: 'listed' }),
      helpQuery({ outOfScope: true }),
      smalltalkQuery('thanks'),
      clarifyQuery(['a', 'b']),
      unknownQuery(['CEO'], ['a'], { topics: ['salary'] }),
    ];
    for (const q of all) expect(QuerySchema.parse(q)).toEqual(q);
    expect(roleQuery({ roles: ['a'] })).toEqual({
      intent: 'role',
      roles: ['a'],
      topics: ['overview'],
      confidence: 1,
      followUp: false,
    });
  });

  it('queryOf keeps only the fields of the intent it builds', () => {
    const q = queryOf({
      intent: 'role',
      roles: ['a'],
      candidates: ['x'],
      unknownRoles: ['y'],
      smalltalk: 'bye',
      rank: 'all',
    });
    expect(q).not.toHaveProperty('candidates');
    expect(q).not.toHaveProperty('rank');
    expect(candidatesOf(q)).toEqual([]);
    expect(unknownRolesOf(unknownQuery(['CEO'], []))).toEqual(['CEO']);
    expect(exactQuery('compare', ['a', 'b'], 'salary')).toMatchObject({
      intent: 'compare',
      topics: ['salary'],
    });
  });

  it('clamps confidence to 0..1 in hundredths and defaults the topic to overview', () => {
    expect(roleQuery({ confidence: 1.7 }).confidence).toBe(1);
    expect(roleQuery({ confidence: Number.NaN }).confidence).toBe(0);
    expect(roleQuery({ confidence: 0.123 }).confidence).toBe(0.12);
    expect(roleQuery({ topics: [] }).topics).toEqual(['overview']);
  });

  it('types each variant by its intent', () => {
    expectTypeOf<QueryOf<'unknown'>>().toHaveProperty('unknownRoles');
    expectTypeOf<QueryOf<'compare'>['rank']>().toEqualTypeOf<'all' | 'listed' | undefined>();
    expectTypeOf<QueryOf<'smalltalk'>['smalltalk']>().toEqualTypeOf<
      'greeting' | 'thanks' | 'bye' | 'other'
    >();
  });

  it("refuses a variant carrying another intent's required field missing", () => {
    expect(
      QuerySchema.safeParse({
        intent: 'unknown',
        roles: [],
        topics: ['overview'],
        confidence: 1,
        followUp: false,
      }).success,
    ).toBe(false);
  });
});
