import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, fixedKnowledge, type Knowledge } from '../../src/engine/engine.js';
import type { Query } from '../../src/understand/query.js';
import { bundledKnowledge, C, H, fullKnowledge, OC, OM, readAlone } from './kb-fixture.js';

let knowledge: Knowledge;
let full: Knowledge | undefined;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
  full = await fullKnowledge();
});

const ask = (text: string): Query => readAlone(knowledge, text);

/** Several messages in one conversation on `on`; returns every query. */
function conversation(on: Knowledge, ...texts: string[]): Query[] {
  const engine = createEngine({ knowledge: fixedKnowledge(on) });
  return texts.map((t) => engine.ask('c1', t).query);
}

describe('an amount of money asks about pay', () => {
  it('GIVEN a figure quoted with k, in full or with a thousands comma THEN the topic is salary', () => {
    for (const text of [
      'is 90k normal for an operations manager?',
      'is $90,000 good for an operations manager',
      'heard an operations manager can clear 95000, true?',
    ])
      expect(ask(text), text).toMatchObject({ intent: 'role', roles: [OM], topics: ['salary'] });
  });

  it('GIVEN a number that is no amount, or a topic named beside the amount THEN that topic stands', () => {
    expect(ask('i have 2 years of experience, what does a coo need?')).toMatchObject({
      roles: [C],
      topics: ['requirements'],
    });
    expect(ask('i have 50k of student debt. what skills does a coo need?')).toMatchObject({
      roles: [C],
      topics: ['skills'],
    });
  });
});

describe('what people cite and how they say they want to move up', () => {
  it('GIVEN a site cited ("someone on reddit said") THEN its name is not corrected into a topic word', () => {
    expect(ask('someone on reddit said ops coordinators only make 40k, legit?')).toMatchObject({
      intent: 'role',
      roles: [OC],
      topics: ['salary'],
    });
  });

  it('GIVEN "what lands in your bank account" THEN it asks the pay', () => {
    expect(ask('roughly what lands in your bank account each month as a head of ops?')).toMatchObject({
      roles: [H],
      topics: ['salary'],
    });
  });

  it('GIVEN "what could X move into?" THEN related jobs are asked, with "could" as with "can"; "... after a few years" asks the next step', () => {
    if (full !== undefined)
      expect(readAlone(full, 'what could an RN move into without starting from zero?')).toMatchObject({
        roles: ['registered-nurses'],
        topics: ['related'],
      });
    expect(ask('what could an ops coordinator move into?')).toMatchObject({
      roles: [OC],
      topics: ['related'],
    });
    expect(ask('what can a head of ops move into after a few years?')).toMatchObject({
      roles: [H],
      topics: ['overview'],
      ladder: 'after',
    });
  });

  it('GIVEN "how do i move up into X" THEN it asks the way into X', () => {
    expect(ask("i'm a warehouse supervisor atm. how do i move up into operations manager?")).toMatchObject({
      intent: 'role',
      roles: [OM],
      topics: ['requirements'],
      ladder: 'into',
    });
  });
});

describe('requests and subjects outside careers', () => {
  it('GIVEN a subject outside careers only in a statement about the asker THEN the question is answered', () => {
    expect(
      ask(
        "i coordinate my kid's football league on weekends for fun. what experience do you need to be an operations coordinator?",
      ),
    ).toMatchObject({ intent: 'role', roles: [OC], topics: ['requirements'] });
    // Asked for, the same subject is still out of scope.
    expect(ask("what's the football score?")).toMatchObject({ intent: 'help', outOfScope: true });
  });

  it('GIVEN "let\'s do a mock interview" or "set a reminder" THEN it is a task the bot cannot do, even with roles named', () => {
    for (const text of [
      "let's do a mock interview, you be the CEO hiring me as COO",
      'can you set a reminder for my coo interview on friday',
    ])
      expect(ask(text), text).toMatchObject({ intent: 'help', outOfScope: true });
    // "let's" before a question the bot answers is no task.
    expect(ask("let's compare the coo and the head of ops")).toMatchObject({
      intent: 'compare',
      roles: [C, H],
    });
  });

  it('GIVEN a named employer or anyone "hiring" THEN it is a job search; the hiring market in general is the outlook', () => {
    for (const text of ['is Acme Logistics hiring ops coordinators right now?', 'is anyone hiring coos?'])
      expect(ask(text), text).toMatchObject({ intent: 'help', outOfScope: true });
    for (const text of [
      "what's the hiring scene like for heads of operations at the moment, loads of openings or dead?",
      'are companies hiring more ops managers these days?',
    ])
      expect(ask(text), text).toMatchObject({ intent: 'role', topics: ['outlook'] });
  });

  it('GIVEN "can you make a living as ..." THEN it asks the pay of that job, not a task for the bot', () => {
    expect(ask('can you make a living as an operations coordinator?')).toMatchObject({
      intent: 'role',
      roles: [OC],
      topics: ['salary'],
    });
    expect(ask('can you make a cover letter for me')).toMatchObject({ intent: 'help', outOfScope: true });
  });
});

describe('corrections and follow-ups', () => {
  it('GIVEN "sorry, meant X" after a question THEN X is the role asked about', () => {
    expect(ask('what skills does a coo need. sorry, meant head of operations')).toMatchObject({
      intent: 'role',
      roles: [H],
      topics: ['skills'],
    });
  });

  it('GIVEN two starred words after a question THEN each corrects a word of its own, never one title', () => {
    const [, repaired] = conversation(
      knowledge,
      'whats the salery of a opertions cordinator',
      'salary* coordinator* lol fat fingers',
    );
    expect(repaired).toMatchObject({ intent: 'role', roles: [OC], topics: ['salary'] });
    // Markdown bold is no correction.
    expect(ask('**what** does a coo do?')).toMatchObject({ intent: 'role', roles: [C], topics: ['duties'] });
  });

  it('GIVEN an unknown title that offered a role WHEN the next message gives the word autocorrect changed THEN that role is taken', () => {
    const [first, repaired] = conversation(
      knowledge,
      'what does a cheap operating officer do',
      'CHIEF. autocorrect is killing me',
    );
    expect(first).toMatchObject({ intent: 'unknown', candidates: [C] });
    expect(repaired).toMatchObject({ intent: 'role', roles: [C], topics: ['duties'] });
  });

  it('GIVEN "what jobs are similar?" after a role was discussed THEN it asks for jobs like it; alone it asks for the list', () => {
    const [, similar] = conversation(
      knowledge,
      'what skills does an operations coordinator need',
      'actually wait, what jobs are similar?',
    );
    expect(similar).toMatchObject({ intent: 'role', roles: [OC], topics: ['related'] });
    expect(ask('what jobs are similar?')).toMatchObject({ intent: 'list' });
  });

  it('GIVEN a choice offered WHEN the reply describes one and then talks on THEN the described one is taken', () => {
    if (full === undefined) return;
    const [offer, reply] = conversation(full, 'bus driver pay?', "school bus, my mum's thinking about it");
    expect(offer).toMatchObject({ intent: 'clarify' });
    expect(reply).toMatchObject({ intent: 'role', roles: ['bus-drivers-school'], topics: ['salary'] });
  });
});

describe('topic words said another way', () => {
  it('GIVEN "the scope of X in coming years" THEN the outlook is asked; "the scope of the job and the outlook" asks both', () => {
    expect(ask('kindly tell the scope of head of operations profile in coming years')).toMatchObject({
      roles: [H],
      topics: ['outlook'],
    });
    expect(ask("what is the scope of a coo's job and the outlook?")).toMatchObject({
      roles: [C],
      topics: ['duties', 'outlook'],
    });
  });

  it('GIVEN "occupations like X" THEN the word for jobs in general names no job, and related jobs are asked', () => {
    if (full === undefined) return;
    expect(readAlone(full, 'occupations like firefighter?')).toMatchObject({
      intent: 'role',
      roles: ['firefighters'],
      topics: ['related'],
    });
  });

  it('GIVEN travel, a route to a role, the same lane, pay by voice typing or in another language THEN the topic is read', () => {
    const cases: [string, string, string][] = [
      ['does a coo end up living out of a suitcase half the year?', C, 'environment'],
      ["if ops coordinator doesn't pan out, what else is in the same lane?", OC, 'related'],
      ['whats an ops managers celery like (voice typing sry)', OM, 'salary'],
      ['cuanto gana un operations manager en usa?', OM, 'salary'],
    ];
    for (const [text, role, topic] of cases)
      expect(ask(text), text).toMatchObject({ intent: 'role', roles: [role], topics: [topic] });
    expect(ask('ops coord now, coo someday, what would that take?')).toMatchObject({
      intent: 'compare',
      roles: [OC, C],
      topics: ['requirements'],
    });
  });
});
