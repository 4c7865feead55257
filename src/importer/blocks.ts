import { collapseSpaces, trimTrailing } from './text.js';

/** One piece of a source article after its format (text, Markdown, HTML) is gone. */
export type Block =
  | { readonly kind: 'heading'; readonly text: string; readonly line: number }
  | { readonly kind: 'paragraph'; readonly text: string; readonly line: number };

export type SourceFormat = 'text' | 'markdown' | 'html';

/** Pick the format from the file name, or from the content when the name says nothing. */
export function detectFormat(fileName: string, content: string): SourceFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  const head = content.slice(0, 500).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return 'text';
}

/** Inline Markdown to plain text: links keep their text, emphasis and code marks go. */
export function stripInlineMarkdown(text: string): string {
  return collapseSpaces(
    text
      .replace(/!\[[^\][]*\]\([^()]*\)/g, '')
      .replace(/\[([^\][]*)\]\([^()]*\)/g, '$1')
      .replace(/\*\*|__|`/g, '')
      .replace(/(^|\s)[*_]([^*_\s])/g, '$1$2')
      .replace(/([^*_\s])[*_](?=\s|$|[.,;:!?])/g, '$1'),
  );
}

/**
 * Table rows as sentences, each cell under its column's heading: a salary table's row "| Nurse
 * practitioner | $126,260 per year |" under "| Role | Median salary |" reads "Nurse practitioner:
 * median salary $126,260 per year", so the role, the figure and its kind stay together.
 */
export function tableSentences(rows: readonly (readonly string[])[]): string[] {
  const cleaned = rows
    .map((row) => row.map(collapseSpaces))
    .filter((row) => row.some((c) => c.length > 0) && !row.every((c) => /^:?-{2,}:?$|^$/.test(c)));
  const [header, ...body] = cleaned;
  if (header === undefined) return [];
  // A header row names its columns; without one (all rows hold figures) each row stands alone.
  const hasHeader = body.length > 0 && !header.some((c) => /\d/.test(c));
  const dataRows = hasHeader ? body : cleaned;
  const columnName = (i: number): string => {
    const name = hasHeader ? (header[i] ?? '') : '';
    return name === name.toUpperCase() ? name : name.charAt(0).toLowerCase() + name.slice(1);
  };
  return dataRows
    .map((row) => {
      const [first = '', ...rest] = row;
      const cells = rest
        .map((cell, i) => (cell.length === 0 ? '' : `${columnName(i + 1)} ${cell}`.trim()))
        .filter((c) => c.length > 0);
      return cells.length === 0 ? first : `${first}: ${trimTrailing(cells.join('; '), '.')}.`;
    })
    .filter((t) => t.length > 0);
}

const FINAL_PUNCTUATION = /[.!,;]$/;

/** A short line without final punctuation reads as a heading in plain text. */
function looksLikeHeading(line: string, strict: boolean): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > (strict ? 50 : 90)) return false;
  if (text.endsWith(':')) return true;
  if (FINAL_PUNCTUATION.test(text)) return false;
  const count = text.split(/\s+/).length;
  if (count > (strict ? 6 : 14)) return false;
  // A heading starts like a title: a capital, a digit (numbered heading) or a question word.
  return /^[\p{Lu}\p{N}]/u.test(text) || /^(?:what|who|how)\b/i.test(text);
}

/**
 * Plain text or Markdown to blocks. Markdown headings (#, ##, bold-only lines) are headings; in plain
 * text a paragraph of one short line without final punctuation is a heading.
 */
export function textToBlocks(content: string, format: 'text' | 'markdown'): Block[] {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let paragraphLine = 0;
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const [first, ...rest] = paragraph;
    // "Job Duties" directly above its paragraph, without a blank line in between.
    // A question line may be longer: "What Is the Difference Between a Web Developer and a ...?"
    const heads =
      first !== undefined &&
      (looksLikeHeading(first, true) || (first.trim().endsWith('?') && looksLikeHeading(first, false)));
    if (format === 'text' && first !== undefined && rest.length > 0 && heads) {
      blocks.push({ kind: 'heading', text: first.trim(), line: paragraphLine });
      blocks.push({ kind: 'paragraph', text: collapseSpaces(rest.join(' ')), line: paragraphLine + 1 });
    } else if (
      format === 'text' &&
      first !== undefined &&
      rest.length === 0 &&
      looksLikeHeading(first, false)
    ) {
      blocks.push({ kind: 'heading', text: first.trim(), line: paragraphLine });
    } else {
      const text =
        format === 'markdown'
          ? stripInlineMarkdown(paragraph.join(' '))
          : collapseSpaces(paragraph.join(' '));
      if (text.length > 0) blocks.push({ kind: 'paragraph', text, line: paragraphLine });
    }
    paragraph = [];
  };
  let table: { rows: string[][]; line: number } | undefined;
  const flushTable = (): void => {
    if (table === undefined) return;
    const line = table.line;
    for (const text of tableSentences(table.rows))
      blocks.push({ kind: 'paragraph', text: stripInlineMarkdown(text), line });
    table = undefined;
  };
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    const lineNo = i + 1;
    // A Markdown table: one sentence per row (see tableSentences).
    if (format === 'markdown' && /^\s*\|.*\|\s*$/.test(line)) {
      flush();
      table ??= { rows: [], line: lineNo };
      table.rows.push(line.trim().slice(1, -1).split('|'));
      return;
    }
    flushTable();
    if (line.trim().length === 0) {
      flush();
      return;
    }
    if (format === 'markdown') {
      const heading = /^ {0,3}#{1,6}\s(.*)$/.exec(line);
      const bold = /^\s*\*\*([^*]+)\*\*:?\s*$/.exec(line);
      const text = heading?.[1] ?? bold?.[1];
      if (text !== undefined) {
        flush();
        blocks.push({
          kind: 'heading',
          text: stripInlineMarkdown(trimTrailing(text, '# ')),
          line: lineNo,
        });
        return;
      }
      // Setext headings: a one-line paragraph underlined with === or ---.
      if (/^ {0,3}(?:=+|-+)\s*$/.test(line) && paragraph.length === 1) {
        const text = stripInlineMarkdown(paragraph[0] ?? '');
        paragraph = [];
        if (text.length > 0) blocks.push({ kind: 'heading', text, line: paragraphLine });
        return;
      }
      if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) {
        flush();
        return;
      }
      // A list item is a paragraph of its own.
      if (/^\s*(?:[-*+]|\d+[.)])\s+/.test(line) && paragraph.length > 0) flush();
    }
    if (paragraph.length === 0) paragraphLine = lineNo;
    paragraph.push(format === 'markdown' ? line.replace(/^\s*[-*+]\s+/, '') : line);
  });
  flushTable();
  flush();
  return blocks;
}
