import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering rule of docs/ARCHITECTURE.md, checked on every import in src/ and commands/: a module may
 * import its own layer and the layers below it, never one above. Adapters (cli, discord, ...) sit on
 * top; the terminal path never reaches discord.js.
 */
const ROOT = resolve(import.meta.dirname, '..');

/** Low to high. A folder of src/ (or a top-level file) belongs to exactly one layer. */
const LAYERS: readonly (readonly string[])[] = [
  ['text', 'config', 'log.ts', 'messages.ts'],
  ['knowledge'],
  ['understand'],
  ['answer'],
  ['render'],
  ['engine'],
  ['gaps', 'importer', 'store', 'health', 'bench', 'cli', 'discord', 'commands'],
];

function layerOf(file: string): { unit: string; level: number } | undefined {
  const rel = relative(ROOT, file).split('\\').join('/');
  const unit = rel.startsWith('commands/')
    ? 'commands'
    : rel.startsWith('src/')
      ? rel.split('/')[1]
      : undefined;
  if (unit === undefined) return undefined;
  const level = LAYERS.findIndex((units) => units.includes(unit));
  return level < 0 ? undefined : { unit, level };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:ts|mts|mjs)$/u.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const FROM = /\bfrom ['"]([^'"]+)['"]/u;
const BARE = /^import ['"]([^'"]+)['"]/u;
const DYNAMIC = /\bimport\(['"]([^'"]+)['"]\)/u;

/** Module specifiers a file imports (static, side-effect and dynamic imports with a literal). */
function importsOf(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const spec = FROM.exec(line)?.[1] ?? BARE.exec(line.trim())?.[1] ?? DYNAMIC.exec(line)?.[1];
    if (spec !== undefined) out.push(spec);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return resolve(dirname(from), spec.replace(/\.js$/u, '.ts'));
}

const files = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'commands'))];

describe('architecture', () => {
  it('every folder of src/ is placed in a layer', () => {
    const unplaced = files.filter((f) => layerOf(f) === undefined).map((f) => relative(ROOT, f));
    expect(unplaced).toEqual([]);
  });

  it('no module imports a layer above its own', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      if (!from) continue;
      for (const spec of importsOf(file)) {
        const target = resolveLocal(file, spec);
        const to = target === undefined ? undefined : layerOf(target);
        if (to && to.level > from.level)
          upward.push(`${relative(ROOT, file)} -> ${spec} (${from.unit} imports ${to.unit})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the core (everything below the adapters) never imports discord.js', () => {
    const adapters = LAYERS.length - 1;
    const offenders = files
      .filter((f) => (layerOf(f)?.level ?? adapters) < adapters)
      .filter((f) => importsOf(f).some((s) => s === 'discord.js' || s.startsWith('@discordjs/')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('the terminal path (ask, chat, eval, kb:*) never reaches discord.js, even indirectly', () => {
    const reaches = (start: string): string | undefined => {
      const seen = new Set<string>();
      const stack = [start];
      while (stack.length > 0) {
        const file = stack.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const spec of importsOf(file)) {
          if (spec === 'discord.js' || spec.startsWith('@discordjs/')) return relative(ROOT, file);
          const target = resolveLocal(file, spec);
          if (target !== undefined && files.includes(target)) stack.push(target);
        }
      }
      return undefined;
    };
    const terminal = files.filter((f) => relative(ROOT, f).startsWith('src/cli/'));
    expect(terminal.length).toBeGreaterThan(0);
    const offenders = terminal.flatMap((f) => {
      const via = reaches(f);
      return via === undefined ? [] : [`${relative(ROOT, f)} (via ${via})`];
    });
    expect(offenders).toEqual([]);
  });
});
