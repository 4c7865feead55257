// Bundles the compiled terminal entry points (dist/src/cli/ask.js, chat.js) into one file each,
// dist/src/cli/<name>.bundle.mjs, which src/cli/launch.mjs runs when it is fresh. Node 20 spends about
// 40% of a one-question `ask` resolving and compiling some 300 ES modules (zod alone is 100); one file
// saves most of that. The bundle sits beside the modules it was made from, so paths computed from
// import.meta.url still point into dist/src/. Packages loaded on demand with createRequire (yaml,
// natural, libsql) and discord.js stay outside. Plain JavaScript: it runs right after `tsc`.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * zod's namespace re-exports all of its 40-odd message locales (`z.locales`), 290 KB of the 1 MB bundle
 * that every start compiles; careerbot uses only English, the default, which zod imports by itself. In
 * the bundle `z.locales` holds `en` alone.
 */
const englishOnlyZod = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';\n",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

const cli = fileURLToPath(new URL('../../dist/src/cli/', import.meta.url));
const entries = ['ask', 'chat'].map((name) => join(cli, `${name}.js`)).filter((file) => existsSync(file));
if (entries.length === 0) {
  console.error('careerbot: nothing to bundle; run `npm run build` (tsc) first');
  process.exit(1);
}
await build({
  entryPoints: entries,
  outdir: cli,
  outExtension: { '.js': '.bundle.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['discord.js', 'libsql', 'natural', 'yaml'],
  // CommonJS packages inside the bundle (pino) call require for Node's own modules.
  banner: {
    js: "import { createRequire as careerbotRequire } from 'node:module'; const require = careerbotRequire(import.meta.url);",
  },
  plugins: [englishOnlyZod],
  logLevel: 'warning',
  legalComments: 'none',
  // Less to compile at every start; names stay, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
});
