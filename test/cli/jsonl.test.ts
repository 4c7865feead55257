import { beforeAll, describe, expect, it } from 'vitest';
import { answerJsonlLine } from '../../src/cli/jsonl.js';
import { createEngine, fixedKnowledge, deriveKnowledge, type Engine } from '../../src/engine/engine.js';
import { bundledKb } from '../answer/fixtures.js';

let engine: Engine;
beforeAll(async () => {
  engine = createEngine({ knowledge: fixedKnowledge(deriveKnowledge(await bundledKb())) });
});

describe('one --jsonl line', () => {
  it('GIVEN a numeric conversation id THEN answers and echoes the id as given', () => {
    const out = answerJsonlLine(
      engine,
      JSON.stringify({ conversation: 7, text: 'COO vs head of ops salary?' }),
    );
    expect(out).toMatchObject({ conversation: 7, intent: 'compare', sections: ['salary'] });
  });

  it.each([
    ['[1, 2]', undefined],
    ['"just a string"', undefined],
    ['{"conversation": "x", "text": 5}', 'x'],
    ['{"conversation": {"nested": true}, "text": "hi"}', undefined],
  ])(
    'GIVEN %s THEN an error object, with the conversation only when it is a plain id',
    (line, conversation) => {
      const out = answerJsonlLine(engine, line);
      expect(Object.keys(out).sort()).toEqual(
        conversation === undefined ? ['error'] : ['conversation', 'error'],
      );
      expect(out.conversation).toBe(conversation);
    },
  );
});
