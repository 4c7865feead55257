// Starts a terminal entry point quickly: `node src/cli/launch.mjs ask ...` runs dist/src/cli/ask.js
// when the compiled build is at least as new as every source file (about 0.2 s to an answer), and
// src/cli/ask.ts through tsx otherwise (about 0.35 s), so an edited checkout never runs stale code.
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

const fresh = existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource();
const target = fresh ? compiled : source;
// The entry point sees itself as the script, with the caller's arguments.
process.argv.splice(1, 2, target);
if (!fresh) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(pathToFileURL(target).href);
