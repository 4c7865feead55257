import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/engine/engine.js';
import {
  EMPTY_CONVERSATION,
  QuerySchema,
  unknownRolesOf,
  type ConversationState,
} from '../../src/understand/query.js';
import { understand } from '../../src/understand/understand.js';
import { bundledKnowledge } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 4000 }),
  fc.string({ unit: 'grapheme', maxLength: 4000 }),
  fc
    .array(
      fc.constantFrom(
        'COO',
        'vs',
        'head',
        'of',
        'ops',
        '<@1>',
        '**',
        '\u200b',
        'ｃｏｏ',
        'c.o.o',
        'manger',
        '💰',
        ' ',
        ',',
        'the first one',
        'CEO',
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join(' ')),
);

describe('understand on hostile input', () => {
  it('never throws and always returns a schema-valid query, whatever the conversation state', () => {
    let state: ConversationState = EMPTY_CONVERSATION;
    fc.assert(
      fc.property(hostile, (text) => {
        const result = understand(text, state, knowledge.kb, knowledge.index);
        expect(() => QuerySchema.parse(result.query)).not.toThrow();
        expect(unknownRolesOf(result.query).every((m) => m.length <= 80)).toBe(true);
        state = result.state;
      }),
      { numRuns: 400 },
    );
  });
});
