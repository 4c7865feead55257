import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { fastYaml } from '../../src/knowledge/fast-yaml.js';

/** What the full parser makes of a text: its value, or "error" when it reports anything. */
function reference(text: string): unknown {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return 'error';
  return doc.toJS();
}

const fragment = fc.constantFrom(
  'ops manager', 'a', 'Operations Manager', '55558', '-5', '1.5', '1e3', '0x1F', '0o7', '.inf', '~', 'null', 'true',
  'False', '', ' ', ':', ': ', ' #', '#', '-', '- ', '"', "'", "''", '\\', '\\n', '[', ']', ',', '{', '}', '&a', '*a',
  '!tag', '%', '?', '|', '>', 'é', '\t', '__proto__', 'x: y',
);
const word = fc.constantFrom('ops', 'manager', 'Head', 'of', 'c.o.o.', "it's", '55558', '1.5', 'true', 'null', '~', 'a-b', 'x:y');
const scalarText = fc.oneof(
  { weight: 4, arbitrary: fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join('')) },
);
const inline = fc.oneof(
  scalarText,
  scalarText.map((s) => `"${s}"`),
  scalarText.map((s) => `'${s}'`),
  fc.array(scalarText, { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
  fc.tuple(scalarText, scalarText).map(([a, b]) => `${a} # ${b}`),
);
const key = fc.constantFrom('title', 'id', 'aliases', 'summary', 'amount', 'url', 'x-y', 'a.b', 'null', 'true', '1', 'k');

type Tree = { readonly kind: 'map'; readonly entries: readonly (readonly [string, Value])[] } | { readonly kind: 'seq'; readonly items: readonly Value[] };
type Value = string | Tree | { readonly kind: 'block'; readonly header: string; readonly lines: readonly string[] };

const block = fc.record({
  kind: fc.constant('block' as const),
  header: fc.constantFrom('>-', '>', '|', '|-', '>+', '|+', '>2', '> # note'),
  lines: fc.array(fc.oneof(scalarText, fc.constant('')), { minLength: 1, maxLength: 4 }),
});
const { tree } = fc.letrec<{ tree: Tree; value: Value }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    fc.record({ kind: fc.constant('map' as const), entries: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }) }),
    fc.record({ kind: fc.constant('seq' as const), items: fc.array(tie('value'), { maxLength: 3 }) }),
  ),
  value: fc.oneof({ depthSize: 'small' }, inline, block, tie('tree')),
}));

const rootMap = fc
  .array(fc.tuple(key, fc.oneof({ weight: 3, arbitrary: inline }, block, tree)), { minLength: 1, maxLength: 5 })
  .map((entries): Tree => ({ kind: 'map', entries }));

function render(value: Value, indent: number, out: string[], prefix: string): void {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string') {
    out.push(`${prefix}${value === '' ? '' : ` ${value}`}`);
  } else if (value.kind === 'block') {
    out.push(`${prefix} ${value.header}`);
    for (const line of value.lines) out.push(line === '' ? '' : `${pad}  ${line}`);
  } else {
    out.push(prefix);
    if (value.kind === 'map') for (const [k, v] of value.entries) render(v, indent + 2, out, `${pad}  ${k}:`);
    else for (const item of value.items) render(item, indent + 2, out, `${pad}  -`);
  }
}

function toText(root: Tree): string {
  const out: string[] = [];
  if (root.kind === 'map') for (const [k, v] of root.entries) render(v, 0, out, `${k}:`);
  else for (const item of root.items) render(item, 0, out, '-');
  return out.join('\n');
}

describe('fastYaml', () => {
  it('reads exactly what the yaml package reads, or gives up', () => {
    fc.assert(
      fc.property(rootMap, (root) => {
        const text = toText(root);
        const fast = fastYaml(text);
        if (fast === undefined) return;
        expect(fast.value).toEqual(reference(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads the front matter of every bundled article itself (the fast path is really taken)', () => {
    const dir = join(DEFAULT_KNOWLEDGE_DIR, 'articles');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(join(dir, name), 'utf8');
      const front = text.slice(4, text.indexOf('\n---', 4));
      const fast = fastYaml(front);
      expect(fast, name).toBeDefined();
      expect(fast?.value).toEqual(reference(front));
    }
  });

  it('gives up on anchors, aliases, tags, flow mappings and forbidden keys', () => {
    for (const text of ['a: &x 1\nb: *x', 'a: !!str 1', 'a: {b: 1}', '__proto__: 1', 'a: 1\na: 2', 'a: b\n  c']) {
      expect(fastYaml(text), text).toBeUndefined();
    }
  });

  it('maps a path to the line of its key, counting from the first line given', () => {
    const fast = fastYaml('title: x\nroles:\n  - id: a\n    title: A\n    aliases: [b]\n', 2);
    expect(fast?.lineOf(['roles', 0, 'title'])).toBe(5);
    expect(fast?.lineOf(['roles', 0, 'summary'])).toBe(4);
    expect(fast?.lineOf(['title'])).toBe(2);
  });
});
