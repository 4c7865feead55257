import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/render/format.js';

describe('formatMoney', () => {
  it.each([
    [132974, 'USD', '$132,974'],
    [29.5, 'USD', '$29.50'],
    [41.5, 'GBP', '£41.50'],
    [19.499999999999996, 'USD', '$19.50'],
    [30, 'USD', '$30'],
    [0.5, 'USD', '$0.50'],
  ])('GIVEN %s %s THEN it reads %s, cents only when there are any', (amount, currency, text) => {
    expect(formatMoney(amount, currency)).toBe(text);
  });
});
