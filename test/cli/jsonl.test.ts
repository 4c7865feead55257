import { beforeAll, describe, expect, it } from 'vitest';
import { answerJsonlLine } from '../../src/cli/jsonl.js';
import { createEngine, fixedKnowledge, deriveKnowledge, type Engine } from '../../src/engine/engine.js';
import { messages } from '../../src/messages.js';
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

describe('a bug while answering one --jsonl line', () => {
  it('GIVEN the engine fails on a line THEN that line gets an apology as its error, not a silent help answer', async () => {
    const knowledge = deriveKnowledge(await bundledKb());
    // A knowledge version with its role index missing: understanding it throws, as a bug would.
    const broken = createEngine({ knowledge: fixedKnowledge({ ...knowledge, index: undefined as never }) });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const out = answerJsonlLine(broken, JSON.stringify({ conversation: 'b', text: 'COO salary' }));
      expect(out).toEqual({ conversation: 'b', error: messages.answerFailed });
    } finally {
      console.error = original;
    }
    expect(errors.length).toBe(1);
  });
});
