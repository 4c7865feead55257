import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, deriveKnowledge, fixedKnowledge, type Knowledge } from '../../src/engine/engine.js';
import type { Query } from '../../src/understand/query.js';
import { bundledKnowledge, C, H, kbWithRoles, OC, OM, occupationRole } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

/** Ask several messages in one conversation; returns every query. */
function conversation(...texts: string[]): Query[] {
  const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
  return texts.map((t) => engine.ask('c1', t).query);
}

describe('conversation: repairs and follow-ups', () => {
  it('GIVEN a short correction of the role ("*coordinator", "oops, ops manager*") THEN the topic is kept', () => {
    expect(conversation('ops manager salary', '*coordinator')[1]).toMatchObject({
      roles: [OC],
      topics: ['salary'],
    });
    expect(conversation('what skills does an ops coordinator need', 'oops, ops manager*')[1]).toMatchObject({
      roles: [OM],
      topics: ['skills'],
    });
    expect(conversation('what education does a head of ops need', 'sorry i meant the coo')[1]).toMatchObject({
      roles: [C],
      topics: ['requirements'],
    });
  });

  it('GIVEN an interjection before the correction ("ah wait, i meant coo", "oops i meant ...") THEN it is still a repair that keeps the topic', () => {
    expect(conversation('what does a head of ops do', 'ah wait, i meant coo')[1]).toMatchObject({
      roles: [C],
      topics: ['duties'],
    });
    expect(
      conversation('what skills does an ops manager need', 'oops i meant operations coordinator')[1],
    ).toMatchObject({ roles: [OC], topics: ['skills'] });
    // Not a repair: a new question with its own topic, after an interjection.
    expect(conversation('what does a head of ops do', 'ah ok, and what does a coo earn?')[1]).toMatchObject({
      roles: [C],
      topics: ['salary'],
    });
  });

  it('GIVEN two roles asked about one after the other WHEN "which is better paid then?" THEN those two compared on pay', () => {
    const [, , which] = conversation(
      'ops manager salary',
      'hmm and the coordinator one?',
      'which is better paid then',
    );
    expect(which).toMatchObject({ intent: 'compare', roles: [OM, OC], topics: ['salary'] });
    // One role discussed: still about that role, no invented second one.
    expect(conversation('ops manager salary', 'is it better paid than most?')[1]?.roles).not.toHaveLength(2);
  });

  it('keeps the context through small talk in between', () => {
    const [, , thanks, where] = conversation(
      'coo vs head of ops salary?',
      'and skills?',
      'cheers 🙏',
      'what about where they work',
    );
    expect(thanks?.intent).toBe('smalltalk');
    expect(where).toMatchObject({ intent: 'compare', roles: [C, H], topics: ['environment'] });
  });

  it('GIVEN a topic named in a follow-up THEN it wins over the carried one', () => {
    expect(
      conversation('ops manager duties pls', 'what about the coordinator?', 'and the pay?')[2],
    ).toMatchObject({
      roles: [OC],
      topics: ['salary'],
    });
  });

  it('GIVEN "which of these" or "the two" THEN the roles discussed lately', () => {
    const [, , which] = conversation(
      'ops manager duties pls',
      'what about the coordinator?',
      'which of these pays more',
    );
    expect(which).toMatchObject({ intent: 'compare', rank: 'listed', roles: [OM, OC], topics: ['salary'] });
    const [, , two] = conversation(
      "what's a coo earn",
      'hmm what about someone in head of ops',
      'ok which of the two is more office based',
    );
    expect(two).toMatchObject({ intent: 'compare', roles: [C, H], topics: ['environment'] });
  });

  it('GIVEN "not duties, salary" THEN the same roles on the new topic', () => {
    expect(conversation('head of ops vs coo duties', 'not duties, salary')[1]).toMatchObject({
      intent: 'compare',
      roles: [H, C],
      topics: ['salary'],
    });
  });

  it('GIVEN a message that matches nothing THEN help, marked as unmatched for the gaps log', () => {
    const seen: string[] = [];
    const engine = createEngine({
      knowledge: fixedKnowledge(knowledge),
      onUnanswered: (text) => seen.push(text),
    });
    const q = engine.ask('g', 'blorp zibble').query;
    expect(q).toMatchObject({ intent: 'help', unmatched: true });
    expect(engine.ask('g', 'help').query).not.toHaveProperty('unmatched');
    expect(seen).toEqual(['blorp zibble']);
  });
});

describe('conversation: pointing back at the roles discussed', () => {
  it('GIVEN two roles compared WHEN "the second one" or "the former" THEN that role, with the topic asked', () => {
    expect(
      conversation(
        'whats the difference between ops coordinator and ops manager',
        'the second one, how much do they earn',
      )[1],
    ).toMatchObject({ intent: 'role', roles: [OM], topics: ['salary'] });
    expect(conversation('coo vs head of ops salary', 'and the former?')[1]).toMatchObject({
      intent: 'role',
      roles: [C],
      topics: ['salary'],
    });
    // "the first time" points at nothing.
    expect(
      conversation('coo vs head of ops salary', 'the first time i heard of it was at uni')[1]?.roles,
    ).not.toEqual([C]);
  });

  it('GIVEN two roles asked one by one WHEN "how do their work settings compare" THEN both, side by side', () => {
    expect(
      conversation('salary for coo?', 'and for head of ops?', 'how do their work settings compare')[2],
    ).toMatchObject({
      intent: 'compare',
      roles: [C, H],
      topics: ['environment'],
    });
  });

  it('GIVEN a correction in a longer message ("wait no, not the coo, i meant head of ops") THEN the topic is kept', () => {
    expect(
      conversation('what does a coo earn?', 'wait no, not the coo, i meant head of ops')[1],
    ).toMatchObject({
      roles: [H],
      topics: ['salary'],
    });
  });

  it('GIVEN "operations* lol" fixing a word of the role just read THEN the question stands as read', () => {
    expect(
      conversation('what do you need to study for head of operashuns', 'operations* lol')[1],
    ).toMatchObject({ intent: 'role', roles: [H], topics: ['requirements'] });
  });

  it('GIVEN "manager* ugh autocorrect" THEN a correction that keeps the topic', () => {
    expect(conversation('what does an ops coordinator earn', 'manager* ugh autocorrect')[1]).toMatchObject({
      roles: [OM],
      topics: ['salary'],
    });
  });

  it('GIVEN a stretched greeting or a greeting with an introduction THEN small talk, not a question', () => {
    expect(conversation('heyy')[0]).toMatchObject({ intent: 'smalltalk' });
    expect(conversation('hi! im a uni student exploring careers')[0]).toMatchObject({ intent: 'smalltalk' });
    expect(conversation('hi! im a student, what does a coo earn?')[0]).toMatchObject({
      intent: 'role',
      roles: [C],
    });
  });
});

describe('conversation: "ones" after a kind of job', () => {
  it('GIVEN kindergarten teachers WHEN "and elementary school ones?" THEN elementary school teachers, same topic', () => {
    const teachers = deriveKnowledge(
      kbWithRoles(knowledge.kb, [
        occupationRole('kindergarten-teachers', 'Kindergarten Teachers, Except Special Education', {
          alternates: ['Kindergarten Teacher'],
        }),
        occupationRole('elementary-school-teachers', 'Elementary School Teachers, Except Special Education', {
          alternates: ['Elementary School Teacher'],
        }),
      ]),
    );
    const engine = createEngine({ knowledge: fixedKnowledge(teachers) });
    engine.ask('t', 'kindergarten teacher salary');
    expect(engine.ask('t', 'and elementary school ones?').query).toMatchObject({
      intent: 'role',
      roles: ['elementary-school-teachers'],
      topics: ['salary'],
    });
    // "which one" chooses between the two asked about; it names no new kind of teacher.
    expect([...engine.ask('t', 'which one needs more school?').query.roles].sort()).toEqual([
      'elementary-school-teachers',
      'kindergarten-teachers',
    ]);
  });
});
