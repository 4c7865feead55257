import { describe, expect, it } from 'vitest';
import { clip, truncate } from '../../src/text/truncate.js';

describe('truncate', () => {
  it('leaves text within the limit alone', () => {
    expect(truncate('short text', 10)).toBe('short text');
  });

  it('cuts at the last word boundary and adds an ellipsis, within the limit', () => {
    const out = truncate('the quick brown fox jumps', 12);
    expect(out).toBe('the quick\u2026');
    expect(out.length).toBeLessThanOrEqual(12);
  });

  it('cuts inside a word only when there is no boundary in the second half', () => {
    expect(truncate('abcdefghijklmnop', 8)).toBe('abcdefg\u2026');
  });

  it('never leaves half of a surrogate pair', () => {
    const out = truncate('\u{1F600}'.repeat(10), 6);
    expect(out).toBe('\u{1F600}\u{1F600}\u2026');
    expect(out.length).toBeLessThanOrEqual(6);
  });
});

describe('clip', () => {
  it('cuts hard at the limit, without an ellipsis', () => {
    expect(clip('abcdef', 4)).toBe('abcd');
    expect(clip('abc', 4)).toBe('abc');
  });

  it('never leaves half of a surrogate pair', () => {
    expect(clip('ab😀cd', 3)).toBe('ab');
    expect(clip('ab😀cd', 4)).toBe('ab😀');
  });
});
