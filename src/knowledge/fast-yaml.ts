import { FORBIDDEN_KEYS } from './names.js';
import type { YamlPath } from './yaml-source.js';

/**
 * A fast reader for the plain YAML that knowledge front matter is written in: block mappings, block
 * sequences, flow sequences of scalars, quoted and plain scalars, and `>`/`|` block scalars. The
 * `yaml` package costs about 0.2 ms per article, too slow for tens of thousands of files; this reads
 * the common shape in a fraction of that. It gives up (returns undefined) on anything else or anything
 * doubtful (anchors, tags, flow mappings, multi-line plain text, duplicate or forbidden keys), and the
 * caller then uses the full parser, which also produces the diagnostics. Where it answers, it must
 * answer exactly what `yaml` with the core schema would (a property test checks this).
 */

interface Line {
  indent: number;
  /** Text after the indentation. */
  text: string;
  readonly no: number;
}

export interface FastYaml {
  readonly value: unknown;
  readonly lineOf: (path: YamlPath) => number;
}

class GiveUp extends Error {}
const giveUp = (): never => {
  throw new GiveUp();
};

const KEY = /^([A-Za-z_][\w.-]*):(?: |$)/u;
const INT = /^[-+]?\d+$/u;
const FLOAT = /^[-+]?(?:\.\d+|\d+(?:\.\d*)?)(?:e[-+]?\d+)?$/iu;
const SPECIAL_FLOAT = /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/u;
const HEX_OR_OCTAL = /^0[xo]/u;
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
const RESERVED_START = new Set(['&', '*', '!', '%', '@', '`', '{', '}', ']', ',', '#', '|', '>']);

function isSignificant(line: Line): boolean {
  return line.text !== '' && !line.text.startsWith('#');
}

/** Resolve a plain scalar the way the YAML 1.2 core schema does, or give up on the rarer forms. */
function plainValue(raw: string): unknown {
  if (NULL.has(raw)) return null;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  if (SPECIAL_FLOAT.test(raw) || HEX_OR_OCTAL.test(raw)) return giveUp();
  if (INT.test(raw) || FLOAT.test(raw)) return Number(raw);
  return raw;
}

/** A plain scalar in block context: cut at a comment, refuse anything that could be structure. */
function blockPlain(text: string): unknown {
  const first = text[0] ?? '';
  if (RESERVED_START.has(first) || first === '"' || first === "'" || first === '[') giveUp();
  if (first === '?' || first === ':' || (first === '-' && (text.length === 1 || text[1] === ' '))) giveUp();
  const hash = text.indexOf(' #');
  const raw = (hash === -1 ? text : text.slice(0, hash)).trimEnd();
  if (raw.includes(': ') || raw.endsWith(':') || raw.includes('\t')) giveUp();
  return plainValue(raw);
}

/** After a closing quote or bracket only a comment may follow. */
function assertRestIsComment(rest: string): void {
  const trimmed = rest.trimStart();
  if (trimmed !== '' && (!trimmed.startsWith('#') || trimmed.length === rest.length)) giveUp();
}

/** A quoted scalar starting at text[0]; returns the value and where it ended. Single line only. */
function quoted(text: string, start: number): [string, number] {
  const quote = text[start];
  let out = '';
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === "'" && c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i++;
        continue;
      }
      return [out, i + 1];
    }
    if (quote === '"' && c === '\\') {
      const next = text[i + 1];
      if (next === '"' || next === '\\' || next === '/') out += next;
      else if (next === 'n') out += '\n';
      else if (next === 't') out += '\t';
      else giveUp();
      i++;
      continue;
    }
    if (quote === '"' && c === '"') return [out, i + 1];
    out += c;
  }
  return giveUp();
}

/** `[a, "b c", d]` on one line: scalars only. */
function flowSequence(text: string): unknown[] {
  const items: unknown[] = [];
  let i = 1;
  const skipSpaces = (): void => {
    while (text[i] === ' ') i++;
  };
  skipSpaces();
  if (text[i] === ']') {
    assertRestIsComment(text.slice(i + 1));
    return items;
  }
  for (;;) {
    skipSpaces();
    const c = text[i] ?? '';
    if (c === '"' || c === "'") {
      const [value, end] = quoted(text, i);
      items.push(value);
      i = end;
    } else {
      let end = i;
      while (end < text.length && !',[]{}'.includes(text[end] ?? '')) end++;
      const raw = text.slice(i, end).trim();
      const first = raw[0] ?? '';
      if (raw === '' || RESERVED_START.has(first) || first === '-' || first === '?' || first === ':') giveUp();
      if (raw.includes(':') || raw.includes(' #')) giveUp();
      items.push(plainValue(raw));
      i = end;
    }
    skipSpaces();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === ']') {
      assertRestIsComment(text.slice(i + 1));
      return items;
    }
    return giveUp();
  }
}

/** Read YAML front matter quickly, or undefined when the full parser is needed. */
export function fastYaml(source: string, firstLine = 1): FastYaml | undefined {
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    // Tabs, carriage returns, control characters and a stray BOM all have special rules: full parser.
    if ((code < 32 && code !== 10) || code === 0x7f || code === 0xfeff) return undefined;
  }
  const lines: Line[] = source.split('\n').map((raw, index) => {
    const text = raw.trimStart();
    return { indent: raw.length - text.length, text: text.trimEnd(), no: index + firstLine };
  });
  const raws = source.split('\n');
  const lineByPath = new Map<string, number>();
  let at = 0;

  const peek = (): Line | undefined => {
    while (at < lines.length && !isSignificant(lines[at] as Line)) at++;
    return lines[at];
  };

  /** `>` / `|` block scalar whose header is on the current line; content lines are more indented than `parent`. */
  const blockScalar = (header: string, parent: number): string => {
    const match = /^([>|])([-+]?)(?:\s+#.*)?$/u.exec(header);
    if (match === null) return giveUp();
    const folded = match[1] === '>';
    const chomp = match[2];
    const content: string[] = [];
    let indent = -1;
    at++;
    for (; at < lines.length; at++) {
      const raw = raws[at] ?? '';
      const line = lines[at] as Line;
      if (line.text === '') {
        // Whitespace-only lines longer than the indentation are content in YAML; leave those to the full parser.
        if (raw.length > (indent === -1 ? 0 : indent)) return giveUp();
        content.push('');
        continue;
      }
      if (line.indent <= parent) break;
      if (indent === -1) indent = line.indent;
      if (line.indent !== indent || raw.length !== raw.trimEnd().length) return giveUp();
      content.push(line.text);
    }
    // At the end of the text, whether the last line break exists decides clip and keep: leave it to yaml.
    if (at >= lines.length && chomp !== '-') return giveUp();
    let last = content.length;
    while (last > 0 && content[last - 1] === '') last--;
    if (last === 0) return giveUp();
    const trailing = content.length - last;
    const body = content.slice(0, last);
    if (body[0] === '') return giveUp();
    let text: string;
    if (folded) {
      text = body[0] ?? '';
      let blanks = 0;
      for (const piece of body.slice(1)) {
        if (piece === '') blanks++;
        else {
          text += blanks === 0 ? ` ${piece}` : '\n'.repeat(blanks) + piece;
          blanks = 0;
        }
      }
    } else {
      text = body.join('\n');
    }
    if (chomp === '-') return text;
    if (chomp === '+') return `${text}\n${'\n'.repeat(trailing)}`;
    return `${text}\n`;
  };

  /** The value after `key:` (or `- `) on the current line; `parent` is the indent of its key. */
  const inlineValue = (text: string, parent: number): unknown => {
    const first = text[0] ?? '';
    if (first === '|' || first === '>') return blockScalar(text, parent);
    let value: unknown;
    if (first === '"' || first === "'") {
      const [v, end] = quoted(text, 0);
      assertRestIsComment(text.slice(end));
      value = v;
    } else if (first === '[') {
      value = flowSequence(text);
    } else {
      value = blockPlain(text);
    }
    at++;
    const next = peek();
    if (next !== undefined && next.indent > parent) giveUp();
    return value;
  };

  const mapping = (indent: number, path: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let line = peek(); line !== undefined && line.indent === indent; line = peek()) {
      const match = KEY.exec(line.text);
      if (match === null) return giveUp();
      const key = match[1] as string;
      if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(out, key) || plainValue(key) !== key) giveUp();
      const keyPath = path === '' ? key : `${path}.${key}`;
      lineByPath.set(keyPath, line.no);
      const rest = line.text.slice(match[0].length).trimStart();
      if (rest !== '' && !rest.startsWith('#')) {
        out[key] = inlineValue(rest, indent);
        continue;
      }
      at++;
      const next = peek();
      if (next !== undefined && next.indent > indent) {
        out[key] = next.text.startsWith('- ') || next.text === '-' ? sequence(next.indent, keyPath) : mapping(next.indent, keyPath);
      } else if (next !== undefined && next.indent === indent && (next.text.startsWith('- ') || next.text === '-')) {
        out[key] = sequence(indent, keyPath);
      } else {
        out[key] = null;
      }
    }
    return out;
  };

  const sequence = (indent: number, path: string): unknown[] => {
    const out: unknown[] = [];
    for (let line = peek(); line !== undefined && line.indent === indent && line.text.startsWith('- '); line = peek()) {
      const itemPath = `${path}[${out.length}]`;
      lineByPath.set(itemPath, line.no);
      const rest = line.text.slice(2);
      if (rest.startsWith(' ') || rest === '' || rest.startsWith('#')) giveUp();
      if (KEY.test(rest)) {
        // "- key: value" opens a mapping whose keys sit two columns in.
        line.indent = indent + 2;
        line.text = rest;
        out.push(mapping(indent + 2, itemPath));
      } else if (rest.startsWith('|') || rest.startsWith('>')) {
        giveUp();
      } else {
        out.push(inlineValue(rest, indent));
      }
    }
    const next = peek();
    if (next !== undefined && next.indent === indent && next.text === '-') giveUp();
    return out;
  };

  try {
    const first = peek();
    if (first === undefined || first.indent !== 0) return undefined;
    const value = mapping(0, '');
    if (peek() !== undefined) return undefined;
    const lineOf = (path: YamlPath): number => {
      let key = '';
      let best = firstLine;
      for (const segment of path) {
        key = typeof segment === 'number' ? `${key}[${segment}]` : key === '' ? String(segment) : `${key}.${String(segment)}`;
        const line = lineByPath.get(key);
        if (line === undefined) return best;
        best = line;
      }
      return best;
    };
    return { value, lineOf };
  } catch (error) {
    if (error instanceof GiveUp) return undefined;
    throw error;
  }
}
