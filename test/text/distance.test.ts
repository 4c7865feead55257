import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/distance.js';

describe('editDistance', () => {
  it.each([
    ['manager', 'manager', 0],
    ['manger', 'manager', 1],
    ['cheif', 'chief', 1],
    ['slaray', 'salary', 2],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('"%s" -> "%s" is %i edits (a swap of neighbours counts once)', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops at the limit: anything farther is limit + 1', () => {
    expect(editDistance('coordinator', 'chief', 2)).toBe(3);
    expect(editDistance('abcdef', 'a', 1)).toBe(2);
    expect(editDistance('ceo', 'coo', 1)).toBe(1);
  });
});
