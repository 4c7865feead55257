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
import { deriveKnowledge } from '../../src/engine/engine.js';
import { bundledKnowledge, withOccupations } from './kb-fixture.js';

let knowledge: Knowledge;
let occupations: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
  occupations = deriveKnowledge(withOccupations(knowledge.kb));
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
        '~~',
        'https://x.io/roles/head-of-operations',
        'not',
        'scratch that',
        'the person they report to',
        'which of these',
        'constructor',
        '__proto__',
        'toString',
        'in',
        'texas',
        'engineer',
        'DO',
        '*',
        '->',
        'my boss is a',
      ),
      { maxLength: 200 },
    )
    .map((parts) => parts.join(' ')),
);

describe('understand on hostile input', () => {
  it.each(['articles only', 'with occupations'])(
    'never throws and always returns a schema-valid query, whatever the conversation state (%s)',
    (base) => {
      const k = base === 'articles only' ? knowledge : occupations;
      let state: ConversationState = EMPTY_CONVERSATION;
      fc.assert(
        fc.property(hostile, (text) => {
          const result = understand(text, state, k.kb, k.index);
          expect(() => QuerySchema.parse(result.query)).not.toThrow();
          expect(unknownRolesOf(result.query).every((m) => m.length <= 80)).toBe(true);
          state = result.state;
        }),
        { numRuns: 400 },
      );
    },
  );
});
