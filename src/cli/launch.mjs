// Starts a terminal entry point quickly: `node src/cli/launch.mjs ask ...` runs the compiled build
// when it is at least as new as every source file: dist/src/cli/ask.bundle.mjs (one file, made by
// src/cli/bundle.mjs) or else dist/src/cli/ask.js; and src/cli/ask.ts through tsx otherwise, so an
// edited checkout never runs stale code.
// Plain JavaScript on purpose: it must run before anything can compile TypeScript.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const name = process.argv[2];
if (!name || !/^[a-z][a-z-]*$/.test(name)) {
  console.error('usage: node src/cli/launch.mjs <entry point in src/cli> [arguments]');
  process.exit(2);
}
const bundled = join(root, 'dist', 'src', 'cli', `${name}.bundle.mjs`);
const compiled = join(root, 'dist', 'src', 'cli', `${name}.js`);
const source = join(root, 'src', 'cli', `${name}.ts`);

/** Newest modification time of the TypeScript sources the build compiles. */
function newestSource() {
  let newest = 0;
  for (const dir of ['src', 'commands']) {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const mtime = statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs;
      if (mtime > newest) newest = mtime;
    }
  }
  return newest;
}

const newest = newestSource();
const isFresh = (file) => existsSync(file) && statSync(file).mtimeMs >= newest;
const target = isFresh(bundled) ? bundled : isFresh(compiled) ? compiled : source;
const fresh = target !== source;
// The entry point sees itself as the script, with the caller's arguments.
process.argv.splice(1, 2, target);
if (!fresh) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(target).href);
