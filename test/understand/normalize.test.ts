import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, MAX_INPUT_CHARS, normalize, tokenize } from '../../src/understand/normalize.js';

describe('normalize', () => {
  it('removes markdown, Discord mentions, custom emoji, emoji and URLs', () => {
    expect(
      normalize('**COO** <@123> <@!45> <@&67> <#89> <:wave:1234> 🤖 __vs__ ~~x~~ `head` https://x.io/a?b'),
    ).toBe('coo vs x head');
  });

  it('makes fullwidth letters, case and zero-width characters no difference', () => {
    expect(normalize('ＣＯＯ')).toBe('coo');
    expect(normalize('Ope\u200brations\u200d Co\u2060ordinator')).toBe('operations coordinator');
    expect(normalize('HEAD OF OPS')).toBe(normalize('head of ops'));
  });

  it('unifies British hyphenation and dotted abbreviations', () => {
    expect(normalize('Operations Co-ordinator')).toBe('operations coordinator');
    expect(normalize('c.o.o.')).toBe('coo');
    expect(normalize('C.O.O vs x')).toBe('coo vs x');
  });

  it('cuts the input at MAX_INPUT_CHARS before reading it', () => {
    const long = `${'a'.repeat(MAX_INPUT_CHARS)} coo`;
    expect(clean(long)).toHaveLength(MAX_INPUT_CHARS);
    expect(normalize(long)).not.toContain('coo');
  });

  it('tokenizes possessives, hyphens, "&" and "/" into words a matcher can use', () => {
    const tokens = tokenize(clean("coordinator's head-of-ops & COO/CEO, pay?"));
    expect(tokens.map((t) => t.norm)).toEqual([
      "coordinator's",
      'head',
      'of',
      'ops',
      'and',
      'coo',
      'or',
      'ceo',
      'pay',
    ]);
    expect(tokens.map((t) => t.raw)).toContain('CEO');
    expect(tokens.find((t) => t.norm === 'pay')?.breakBefore).toBe(true);
  });

  it('is idempotent on random full-Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4000 }), (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
