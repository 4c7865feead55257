/**
 * Making text safe to show: neutralizing what chat clients would turn into pings, formatting or
 * disguised links. Pure string functions, shared by every renderer (shortening is src/text/truncate.ts).
 */
import { truncate } from '../text/truncate.js';

/** The most characters of a user-typed phrase that is ever quoted back. */
export const QUOTE_MAX = 60;

const ZWSP = '\u200B';

// Control, format (bidi overrides, zero-width) and line/paragraph separators: they can hide or
// reorder what follows, or break a one-line quote over several lines.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** One line, no control or invisible characters, runs of spaces collapsed. */
export function toPlainLine(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Stop `@everyone`, `@here`, `<@id>`, `<@!id>` and `<@&id>` from pinging anyone (a zero-width space
 * after every @), and `<#id>` / `</cmd:id>` / `<t:..>` from rendering as links (one after the `<`, which
 * holds whatever backslashes precede it).
 * Applied to every string a renderer emits, knowledge-base text included.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?!\u200B)/g, `@${ZWSP}`).replace(/<(?=[#/:a-z])/gi, `<${ZWSP}`);
}

/** Break masked links `[label](url)` without markdown escaping (terminal text). */
export function neutralizeMaskedLinks(text: string): string {
  return text.replace(/\]\(/g, `]${ZWSP}(`);
}

/** Discord markdown that would change how the text renders, or form links. */
const MARKDOWN = /[\\*_~`|>[\]()#<:-]/g;

/** Backslash-escape Discord markdown (`<` included), then neutralize mentions. */
export function escapeMarkdown(text: string): string {
  return neutralizeMentions(text.replace(MARKDOWN, (c) => `\\${c}`));
}

/**
 * Text the user typed, quoted back in a Discord message: one line, at most QUOTE_MAX characters,
 * markdown, mentions and masked links escaped.
 */
export function quoteUserTextForDiscord(text: string, max = QUOTE_MAX): string {
  return `"${escapeMarkdown(truncate(toPlainLine(text), max))}"`;
}

/** Text the user typed, quoted back in the terminal: one line, shortened, no control characters. */
export function quoteUserTextForTerminal(text: string, max = QUOTE_MAX): string {
  return `"${neutralizeMaskedLinks(neutralizeMentions(truncate(toPlainLine(text), max)))}"`;
}
