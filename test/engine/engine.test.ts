import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEngine,
  deriveKnowledge,
  fixedKnowledge,
  type Knowledge,
  type KnowledgeSource,
} from '../../src/engine/engine.js';
import { exactQuery, type Query } from '../../src/understand/query.js';
import { bundledKnowledge, fixtureRole, kbWithRoles } from '../understand/kb-fixture.js';

const COO = 'chief-operating-officer';
const HOO = 'head-of-operations';
const OM = 'operations-manager';

let knowledge: Knowledge;

beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

describe('engine', () => {
  it('GIVEN a question WHEN a follow-up names only a topic THEN the roles are carried from the conversation', () => {
    const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
    engine.ask('c1', 'COO vs head of ops salary?');
    const { query, answer } = engine.ask('c1', 'and skills?');
    expect(query.roles).toEqual([COO, HOO]);
    expect(query.topics).toEqual(['skills']);
    expect(answer.kind).toBe('compare');
  });

  it('GIVEN a fully stated query (a button) THEN the engine answers it and remembers it for the next message', () => {
    const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
    const turn = engine.answer('c2', exactQuery('role', [OM], 'salary'));
    expect(turn.answer.kind).toBe('role');
    expect(engine.ask('c2', 'what about requirements?').query.roles).toEqual([OM]);
  });

  it('GIVEN a query answered without a conversation THEN no conversation remembers it', () => {
    const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
    expect(engine.answerQuery(exactQuery('role', [OM])).kind).toBe('role');
    expect(engine.conversationCount()).toBe(0);
    expect(engine.ask('c3', 'and skills?').query.intent).toBe('clarify');
  });

  describe('slash options', () => {
    it('uses ids picked from autocomplete as they are', () => {
      const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
      const { query } = engine.askOptions('s1', { intent: 'compare', roles: [COO, HOO], topic: 'salary' });
      expect(query).toMatchObject({
        intent: 'compare',
        roles: [COO, HOO],
        topics: ['salary'],
        confidence: 1,
      });
    });

    it('reads text typed by hand like a message: abbreviations and typos resolve', () => {
      const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
      const { query } = engine.askOptions('s2', {
        intent: 'compare',
        roles: ['ops manger', 'COO'],
        topic: null,
      });
      expect(query.intent).toBe('compare');
      expect(query.roles).toEqual([OM, COO]);
    });

    it('refuses typed text that names no known role instead of guessing', () => {
      const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
      const { query, answer } = engine.askOptions('s3', {
        intent: 'role',
        roles: ['astronaut trainer'],
        topic: 'salary',
      });
      expect(query.roles).toEqual([]);
      expect(['unknown', 'clarify']).toContain(answer.kind);
    });
  });

  it('records unanswered questions, and a failing recorder never costs the user an answer', () => {
    const seen: string[] = [];
    const recording = createEngine({
      knowledge: fixedKnowledge(knowledge),
      onUnanswered: (text) => seen.push(text),
    });
    recording.ask('g1', 'how much does a zorblax wrangler earn?');
    recording.ask('g1', 'COO salary');
    expect(seen).toEqual(['how much does a zorblax wrangler earn?']);

    const failing = createEngine({
      knowledge: fixedKnowledge(knowledge),
      onUnanswered: () => {
        throw new Error('disk full');
      },
    });
    expect(failing.ask('g2', 'how much does a zorblax wrangler earn?').answer.kind).not.toBe('help');
  });

  it('GIVEN the knowledge source swaps versions THEN answers and autocomplete both come from the new version', () => {
    const base = knowledge.kb;
    const older = deriveKnowledge(kbWithRoles(base, [fixtureRole('barista', 'Barista', [])]));
    const newer = deriveKnowledge(
      kbWithRoles(base, [fixtureRole('sommelier', 'Sommelier', ['wine steward'])]),
    );
    let current = older;
    const source: KnowledgeSource = { current: () => current };
    const engine = createEngine({ knowledge: source });
    expect(engine.suggestRoles('bar').map((c) => c.value)).toEqual(['barista']);
    expect(engine.ask('r1', 'what does a barista do?').query.roles).toEqual(['barista']);
    current = newer;
    expect(engine.current()).toBe(newer);
    expect(engine.suggestRoles('somm').map((c) => c.value)).toEqual(['sommelier']);
    expect(engine.suggestRoles('bar').map((c) => c.value)).not.toContain('barista');
    const q: Query = engine.ask('r2', 'what does a wine steward do?').query;
    expect(q.roles).toEqual(['sommelier']);
  });

  it('derives every structure once per knowledge base: the value is frozen and reused, never rebuilt per question', () => {
    const derived = deriveKnowledge(knowledge.kb);
    expect(Object.isFrozen(derived)).toBe(true);
    const engine = createEngine({ knowledge: fixedKnowledge(derived) });
    engine.ask('d1', 'COO vs head of ops salary?');
    expect(engine.current()).toBe(derived);
    expect(engine.current().index).toBe(derived.index);
  });
});
