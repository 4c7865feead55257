import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/engine/engine.js';
import { readMessage } from '../../src/understand/normalize.js';
import { correctTokens, leftLettersOut, soundAlikes } from '../../src/understand/spelling.js';
import { deriveKnowledge } from '../../src/engine/engine.js';
import { bundledKnowledge, kbWith, occupationRole } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

/** The words of a message after spelling correction. */
function corrected(text: string): string[] {
  const { index } = knowledge;
  return correctTokens(readMessage(text).tokens, index.vocab, index.english).map((t) => t.norm);
}

describe('spelling correction of every content word', () => {
  it.each([
    ['whats the slaray of a cheif operating oficer', ['salary', 'chief', 'officer']],
    ['hed of ops responsibilites', ['responsibilities']],
    ['qualifcations for an opperations cordinator', ['qualifications', 'operation', 'coordinator']],
    ['renumeration for ops coordnator', ['remuneration', 'coordinator']],
    ['experiance needed', ['experience']],
    ['wats the diffrence betwen them', ['difference', 'between']],
    ['whta roles do u knwo', ['what', 'know']],
    ['hw much', ['how']],
  ])('GIVEN "%s" THEN it reads %j', (text, words) => {
    expect(corrected(text)).toEqual(expect.arrayContaining(words));
  });

  it('never corrects a real English word, even one a letter away from a known word', () => {
    expect(corrected('manger abut roll remit')).toEqual(['manger', 'abut', 'roll', 'remit']);
  });

  it('keeps short words and acronyms exact: CEO is not COO, HR is not PR', () => {
    expect(corrected('CEO vs COO')).toEqual(['ceo', 'vs', 'coo']);
    expect(corrected('CFO pay')).toEqual(['cfo', 'pay']);
    expect(corrected('the HR team')).toEqual(['the', 'hr', 'team']);
  });

  it('leaves a word alone when two known words are equally near', () => {
    // "ther" could be there, their, the or they: no guess.
    expect(corrected('ther')).toEqual(['ther']);
  });

  it('keeps what was typed beside the correction', () => {
    const { index } = knowledge;
    const [token] = correctTokens(readMessage('slaray').tokens, index.vocab, index.english);
    expect(token).toMatchObject({ norm: 'salary', typed: 'slaray', edits: 2 });
  });
});

describe('ties between equally near words', () => {
  it('prefers the word the typo only left letters out of', () => {
    // "educaton" is one edit from "education" and from "educator"; "lawer" from "lawyer" and "layer".
    const kb = kbWith(knowledge.kb, [
      occupationRole('lawyers', 'Lawyers'),
      occupationRole('tile-layers', 'Tile Layers', { alternates: ['Layer'] }),
      occupationRole('educators', 'Educators'),
    ]);
    const { index } = deriveKnowledge(kb);
    const read = (text: string): string[] =>
      correctTokens(readMessage(text).tokens, index.vocab, index.english).map((t) => t.norm);
    expect(read('educaton needed')).toEqual(['education', 'needed']);
    expect(read('lawers pay')).toEqual(['lawyer', 'pay']);
  });

  it('still leaves a tie alone when no candidate keeps every typed letter', () => {
    expect(corrected('ther')).toEqual(['ther']);
  });

  it('never corrects an identifier typed in camelCase', () => {
    expect(corrected('toString vs valueOf')).toEqual(['tostring', 'vs', 'valueof']);
  });
});

describe('leftLettersOut', () => {
  it('is true only when every typed letter is kept in order and some are missing', () => {
    expect(leftLettersOut('lawer', 'lawyer')).toBe(true);
    expect(leftLettersOut('lawer', 'layer')).toBe(false);
    expect(leftLettersOut('salary', 'salary')).toBe(false);
  });
});

describe('words spelt by sound', () => {
  it('respells the sound, then corrects: operashuns, qualificashuns', () => {
    expect(corrected('wat dos an operashuns coordinater do')).toEqual(
      expect.arrayContaining(['what', 'operation', 'coordinator']),
    );
    expect(corrected('qualificashuns for a coo')).toEqual(['qualifications', 'for', 'a', 'coo']);
  });

  it('gives the respellings of one sound at a time', () => {
    expect(soundAlikes('operashuns')).toContain('operations');
    expect(soundAlikes('salary')).toEqual([]);
  });

  it('never respells a real word', () => {
    expect(corrected('cushion fashion')).toEqual(['cushion', 'fashion']);
  });
});

describe('two letters swapped in a short word', () => {
  it('corrects "mcuh" and "mkae" to the topic and cue words', () => {
    expect(corrected('how mcuh do ops coordinators mkae')).toEqual(expect.arrayContaining(['much', 'make']));
  });

  it('still leaves an ambiguous short word alone', () => {
    expect(corrected('ther')).toEqual(['ther']);
  });
});
