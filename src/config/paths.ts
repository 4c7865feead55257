import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../..');
  }
}

/** The project folder (where package.json is), whether the code runs from src/ (tsx) or from dist/. */
export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
