import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  neutralizeMentions,
  quoteUserTextForDiscord,
  quoteUserTextForTerminal,
  truncate,
} from '../../src/render/escape.js';
import { unsafeMentions } from './payload.js';

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

describe('mentions and markdown', () => {
  it('GIVEN every kind of mention THEN none pings', () => {
    const text = neutralizeMentions('@everyone @here <@123> <@!123> <@&456> <#789>');
    expect(unsafeMentions(text)).toEqual([]);
    expect(neutralizeMentions(text)).toBe(text);
  });

  it('GIVEN markdown and a masked link THEN every marker is backslash-escaped', () => {
    expect(escapeMarkdown('**hi** [x](https://e.com)')).toBe('\\*\\*hi\\*\\* \\[x\\]\\(https\\://e.com\\)');
  });

  it('GIVEN a long unknown role with a mention THEN the Discord quote is short, one line and harmless', () => {
    const quoted = quoteUserTextForDiscord(`@everyone ${'very '.repeat(40)}\n[x](http://a.b)`);
    expect(quoted.startsWith('"@\u200Beveryone very')).toBe(true);
    expect(quoted.endsWith('\u2026"')).toBe(true);
    expect(quoted).not.toContain('\n');
    expect(unsafeMentions(quoted)).toEqual([]);
  });

  it('GIVEN terminal control sequences THEN the terminal quote drops them', () => {
    const quoted = quoteUserTextForTerminal('\u001b[31mred\u001b[0m\u202E <@1> [a](b)');
    expect(quoted.includes('\u001b') || quoted.includes('\u202E')).toBe(false);
    expect(unsafeMentions(quoted)).toEqual([]);
    expect(quoted).not.toContain('](');
  });
});
