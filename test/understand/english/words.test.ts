import { describe, expect, it } from 'vitest';
import { baseForms, createEnglish, english, sortedWordList } from '../../../src/understand/english/words.js';

describe('English word lists (WordNet)', () => {
  it('GIVEN real words and their inflections THEN they are words; typos are not', () => {
    const e = english();
    for (const w of ['salary', 'earns', 'managers', 'travelled', 'manger', 'abut', 'remit', 'carpenter']) {
      expect(e.isWord(w), w).toBe(true);
    }
    for (const w of ['slaray', 'responsibilites', 'cordinator', 'opperations', 'youtuber', 'whta']) {
      expect(e.isWord(w), w).toBe(false);
    }
  });

  it('knows words that name a person, and ordinary nouns that do not', () => {
    const e = english();
    for (const w of ['wizard', 'physicist', 'knight', 'plumbers', 'boss'])
      expect(e.isPerson(w), w).toBe(true);
    for (const w of ['team', 'weather', 'salary', 'desk']) expect(e.isPerson(w), w).toBe(false);
  });

  it('searches a sorted list in place, including its first and last words', () => {
    const list = sortedWordList('apple\nbanana\ncherry\n');
    expect(['apple', 'banana', 'cherry'].every((w) => list.has(w))).toBe(true);
    expect(list.has('apples')).toBe(false);
    expect(list.has('')).toBe(false);
    expect(list.has('a\nb')).toBe(false);
    const e = createEnglish(list, sortedWordList(''));
    expect(e.isWord('cherries')).toBe(true);
  });

  it('undoes inflections, never down to fragments', () => {
    expect(baseForms('travelled')).toContain('travel');
    expect(baseForms('salaries')).toContain('salary');
    expect(baseForms('ther')).not.toContain('th');
  });
});
