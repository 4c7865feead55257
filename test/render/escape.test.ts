import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  neutralizeMentions,
  quoteUserTextForDiscord,
  quoteUserTextForTerminal,
} from '../../src/render/escape.js';
import { unsafeMentions } from './payload.js';

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
