/** Starting the loader's worker threads, from TypeScript, compiled code or a bundle alike. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker of src/knowledge (`parse-worker`, `stat-worker`). From TypeScript (tsx, tests) the worker
 * registers tsx itself before importing it: a worker does not inherit the loader hooks of its parent.
 * From a bundle of the terminal commands (dist/src/cli/*.bundle.mjs) the compiled worker is in
 * dist/src/knowledge/.
 */
export function startWorker(name: string, workerData: unknown): Worker {
  const here = import.meta.url;
  if (here.endsWith('.bundle.mjs'))
    return new Worker(new URL(`../knowledge/${name}.js`, here), { workerData, stdout: false });
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, here), { workerData, stdout: false });
  const tsx = dirname(createRequire(fileURLToPath(here)).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsx, 'dist', 'esm', 'api', 'index.mjs')).href;
  const script = new URL(`./${name}.ts`, here).href;
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(code, { eval: true, workerData, stdout: false });
}
