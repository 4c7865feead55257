import { createRequire } from 'node:module';
import type { Problem } from './problem.js';
import { FORBIDDEN_KEYS } from './names.js';

/** A path into parsed YAML, as zod reports it. */
export type YamlPath = readonly PropertyKey[];

export interface YamlText {
  /** The plain value, absent when the YAML itself is broken or unsafe. */
  readonly value?: unknown;
  readonly problems: readonly Problem[];
  /** The file line of the key (or list item) at `path`, or of its deepest existing parent. */
  readonly lineOf: (path: YamlPath) => number;
}

const MAYBE_UNSAFE = /[&*\\]|__proto__|constructor|prototype/u;

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;
/** The core schema, built once: a document reads its tags and never changes them. */
let coreSchema: InstanceType<Yaml['Schema']> | undefined;

/**
 * The `yaml` package, loaded on the first parse: a start served from the parse caches never parses,
 * and loading it costs about 12 ms (an ES module, loaded with require(esm), which needs Node 20.19).
 * The same module the importer imports.
 */
function yamlLibrary(): Yaml {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml;
}

/**
 * Parse YAML without ever running or expanding anything: only the core schema (no custom tags, no
 * timestamps), duplicate keys refused, and anchors/aliases refused outright so an alias bomb costs
 * nothing. `firstLine` is the file line the text starts on (front matter starts on line 2).
 */
export function parseYamlText(text: string, file: string, firstLine = 1): YamlText {
  const { Alias, isNode, LineCounter, Pair, parseDocument, Scalar, Schema, visit, YAMLMap, YAMLSeq } =
    yamlLibrary();
  coreSchema ??= new Schema({ schema: 'core' });
  const isScalar = (node: unknown): node is InstanceType<typeof Scalar> => node instanceof Scalar;
  // Duplicate keys are an error in `yaml` 3 without an option (2 needed `uniqueKeys: true`).
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: coreSchema, prettyErrors: false });
  const toLine = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOfNode = (node: unknown, fallback: number): number =>
    isNode(node) && node.range ? toLine(node.range[0]) : fallback;

  const problems: Problem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    problems.push({
      file,
      line: toLine(error.pos[0]),
      message: `not valid YAML: ${error.message.split('\n')[0] ?? error.code}`,
      hint: 'check indentation, colons and quotes around text containing ": " or "#"',
    });
  }
  // Anchors need "&", aliases "*", a forbidden key its own name or an escape: text with none of them
  // cannot hold any, and walking every node to make sure costs as much as a third of the parse.
  if (MAYBE_UNSAFE.test(text)) {
    const aliasesSeen = new Set<string>();
    visit(doc, (_key, node) => {
      if (node instanceof Alias) {
        // One report per alias name is enough; a bomb repeats the same alias many times.
        if (aliasesSeen.has(node.source)) return;
        aliasesSeen.add(node.source);
        problems.push({
          file,
          line: lineOfNode(node, firstLine),
          field: `*${node.source}`,
          message: 'YAML aliases are not allowed',
          hint: 'write the value out in full',
        });
      } else if (isNode(node) && node.anchor !== undefined) {
        problems.push({
          file,
          line: lineOfNode(node, firstLine),
          field: `&${node.anchor}`,
          message: 'YAML anchors are not allowed',
          hint: 'remove the &name and write values out in full',
        });
      }
      if (node instanceof Pair && isScalar(node.key) && FORBIDDEN_KEYS.has(String(node.key.value))) {
        problems.push({
          file,
          line: lineOfNode(node.key, firstLine),
          field: String(node.key.value),
          message: `"${String(node.key.value)}" is not allowed as a key`,
          hint: 'remove this key',
        });
      }
    });
  }

  const lineOf = (path: YamlPath): number => {
    let node: unknown = doc.value;
    let line = lineOfNode(node, firstLine);
    for (const segment of path) {
      if (node instanceof YAMLMap) {
        let pair: InstanceType<typeof Pair> | undefined;
        for (const p of node.values.values())
          if (isScalar(p.key) && String(p.key.value) === String(segment)) {
            pair = p;
            break;
          }
        if (pair === undefined) return line;
        line = lineOfNode(pair.key, line);
        node = pair.value;
      } else if (node instanceof YAMLSeq && typeof segment === 'number') {
        const item: unknown = node[segment];
        if (item === undefined) return line;
        line = lineOfNode(item, line);
        node = item;
      } else {
        return line;
      }
    }
    return line;
  };

  if (problems.length > 0) return { problems, lineOf };
  // maxAliasCount 0 is a second guard: aliases were refused above, so none can expand here.
  return { value: doc.toJS({ maxAliasCount: 0 }), problems, lineOf };
}
