import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKnowledge, type Knowledge } from '../../src/engine/engine.js';
import { isOutOfScope, rankOf, wordsOf } from '../../src/understand/cues.js';
import { readMessage } from '../../src/understand/normalize.js';
import { EMPTY_CONVERSATION, type Query } from '../../src/understand/query.js';
import { understand } from '../../src/understand/understand.js';
import { bundledKnowledge, withOccupations, C, H, OC, OM } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

const ask = (text: string, k: Knowledge = knowledge): Query =>
  understand(text, EMPTY_CONVERSATION, k.kb, k.index).query;
const words = (text: string) => wordsOf(readMessage(text).tokens);

describe('rankings', () => {
  it.each([
    'which of your roles pays the most?',
    'rank all the jobs you know by salary pls',
    'highest paid role in your list?',
    "what's the best paid job here",
    'sort your roles from highest salary to lowest',
    'biggest earner among the roles you know?',
    'list every role by pay',
  ])('GIVEN "%s" THEN a ranking of every known role on salary', (text) => {
    expect(ask(text)).toMatchObject({ intent: 'compare', rank: 'all', roles: [], topics: ['salary'] });
  });

  it('GIVEN one role against all of them ("is the coo the best paid of the lot?") THEN the ranking of every role', () => {
    expect(ask('is the coo the best paid of the lot?')).toMatchObject({
      intent: 'compare',
      rank: 'all',
      topics: ['salary'],
    });
    expect(ask('is a coo the highest paid of all?')).toMatchObject({ intent: 'compare', rank: 'all' });
    // No superlative: a question about the COO alone.
    expect(ask('what does the coo earn of all things')).toMatchObject({ intent: 'role', roles: [C] });
  });

  it('GIVEN three named roles and "who makes the most" THEN a ranking of exactly those', () => {
    expect(ask('coo, head of ops or ops manager – who makes the most?')).toMatchObject({
      intent: 'compare',
      rank: 'listed',
      roles: [C, H, OM],
      topics: ['salary'],
    });
  });

  it('GIVEN two named roles and "which pays more" THEN a plain comparison', () => {
    const q = ask('head of ops or ops coordinator — which one pays more?');
    expect(q).toMatchObject({ intent: 'compare', topics: ['salary'] });
    expect(q.intent === 'compare' ? q.rank : 'x').toBeUndefined();
  });

  it('GIVEN a shared name and a superlative THEN a ranking of that group', () => {
    const occupations = deriveKnowledge(withOccupations(knowledge.kb));
    const q = ask('which engineer earns the most?', occupations);
    expect(q).toMatchObject({ intent: 'compare', rank: 'all', topics: ['salary'] });
    expect([...q.roles].sort()).toEqual(['civil-engineers', 'electrical-engineers', 'mechanical-engineers']);
  });

  it('reads the cue words: an order asked for, everything known, the roles just discussed', () => {
    expect(rankOf(words('which pays the most of all the jobs you know'))).toEqual({
      ordered: true,
      superlative: true,
      all: true,
      allSaid: true,
      group: false,
    });
    // A list noun alone ("job") is everything known, but not said in so many words.
    expect(rankOf(words('what is the best paid job'))).toMatchObject({ all: true, allSaid: false });
    expect(rankOf(words('which of these pays more'))).toMatchObject({
      ordered: true,
      group: true,
      all: false,
    });
    expect(rankOf(words('what is the most important skill for a coo'))).toMatchObject({ all: false });
  });
});

describe('ranking wording beyond the lists', () => {
  const superlative = (w: string): boolean => knowledge.index.english.isSuperlative(w);

  it('reads a superlative of any short adjective as an order asked for', () => {
    expect(rankOf(words('which ops role has the fattest paycheck'), superlative)).toMatchObject({
      ordered: true,
      superlative: true,
      all: true,
    });
    expect(ask('which ops role has the fattest paycheck')).toMatchObject({ rank: 'all', topics: ['salary'] });
  });

  it('never reads a word that merely ends in -est as a superlative', () => {
    for (const w of ['interest', 'request', 'honest', 'forest', 'pest']) expect(superlative(w)).toBe(false);
  });

  it.each([
    'give me a salary leaderboard of every role you know',
    'league table of salaries for all your roles',
  ])('GIVEN "%s" THEN a ranking of every known role', (text) => {
    expect(ask(text)).toMatchObject({ intent: 'compare', rank: 'all', roles: [], topics: ['salary'] });
  });

  it.each(['rank them by average salary', 'who earns the least out of the four'])(
    'GIVEN "%s" with nothing discussed yet THEN every known role is ranked',
    (text) => {
      expect(ask(text)).toMatchObject({ intent: 'compare', rank: 'all', topics: ['salary'] });
    },
  );

  it('GIVEN "rank them" after two roles THEN those two are ranked, not every role', () => {
    const k = knowledge;
    const first = understand('coo vs head of ops', EMPTY_CONVERSATION, k.kb, k.index);
    const q = understand('rank them by pay', first.state, k.kb, k.index).query;
    expect(q).toMatchObject({ intent: 'compare', rank: 'listed', topics: ['salary'] });
    expect([...q.roles].sort()).toEqual([C, H]);
  });

  it('GIVEN two named roles and a superlative THEN they are ranked; with a comparative they keep their order', () => {
    expect(ask('which pays least: ops manager or head of ops?')).toMatchObject({ rank: 'listed' });
    const plain = ask('ops manager or head of ops: which pays more?');
    expect(plain).toMatchObject({ intent: 'compare', roles: [OM, H] });
    expect(plain.intent === 'compare' ? plain.rank : 'x').toBeUndefined();
  });
});

describe('out-of-scope requests', () => {
  it.each([
    'can u write my cv for an ops manager job',
    'find me a head of ops job in manchester pls',
    'can you apply to coo jobs for me while i sleep lol',
    'post a job ad for an ops coordinator in this channel',
    'make me a study plan for an mba',
    'pls check my resume bullet points for the ops manager application',
    'remind me tomorrow to apply for that coo role',
    "who's hiring ops managers near me?",
    'help me with my resume',
    "here's my cv for a coo post, can you review it",
    "what's the weather like in leeds today",
    "sum up this job description i'm gonna paste",
    'give me interview questions and grade my answers for an ops coordinator interview',
    "can you tell me if i'll get the ops manager job i interviewed for last week",
    'work out my take home pay after tax on 55k',
    'ops manager jobs near me',
    'any coo vacancies in my area?',
    'are there job openings for an ops manager at your company?',
    'what stocks should i buy with my coo bonus lol',
    "i'm an ops coordinator, can you negotiate my salary with my boss for me",
    "reply to this recruiter for me: 'hi, are you open to an operations manager role?'",
    "pretend you're the interviewer and grill me with coo interview questions",
  ])('GIVEN "%s" THEN help, out of scope', (text) => {
    expect(ask(text)).toMatchObject({ intent: 'help', outOfScope: true });
  });

  it.each([
    'what can you do?',
    'help',
    'how do i become a coo?',
    'what skills should an ops manager put on their cv?',
    'do ops managers make good money?',
    'make sense of coo vs head of ops for me',
    'check this out https://example.net/careers/head-of-operations do you need leadership skills for it?',
    'check out the duties of a coo',
    'what do coos earn and what do they do all day',
    'give me the salary of an ops manager',
    'how do i get the job of ops manager',
    'ops manager pay? saw an ad near me',
    'do coos in my area earn more?',
    'how many job openings are there each year for ops managers?',
    'number of vacancies expected for coos',
    'what does a stock clerk earn',
    'what would i need on my cv to be taken seriously for a head of operations post',
  ])('GIVEN "%s" THEN not out of scope', (text) => {
    expect(isOutOfScope(words(text))).toBe(false);
  });
});

describe('ways into a role said otherwise', () => {
  it.each(['how do people usually end up as ops managers', 'what jobs feed into ops manager roles?'])(
    'GIVEN "%s" THEN the way into it',
    (text) => {
      expect(ask(text)).toMatchObject({ roles: [OM], topics: ['requirements'], ladder: 'into' });
    },
  );
});

describe('"lead into being" a role', () => {
  it('GIVEN "what jobs lead into being an ops coordinator" THEN the way into it', () => {
    expect(ask('what jobs lead into being an ops coordinator')).toMatchObject({
      roles: [OC],
      topics: ['requirements'],
      ladder: 'into',
    });
  });
});

describe('"lead to" a role', () => {
  it('GIVEN "what jobs lead to operations manager?" THEN the way into it, not an unknown "jobs lead"', () => {
    expect(ask('what jobs lead to operations manager?')).toMatchObject({
      intent: 'role',
      roles: [OM],
      ladder: 'into',
    });
  });

  it('GIVEN "what does an ops manager lead to?" THEN what comes after it', () => {
    expect(ask('what does an ops manager lead to?')).toMatchObject({ roles: [OM], ladder: 'after' });
  });
});

describe('a ranking over the roles a title word names', () => {
  it('GIVEN "which ops role pays most" THEN the roles with that word in their titles, not every role', () => {
    const occupations = deriveKnowledge(withOccupations(knowledge.kb));
    const q = ask('which ops role has the fattest paycheck', occupations);
    expect(q).toMatchObject({ intent: 'compare', rank: 'all', topics: ['salary'] });
    expect(q.roles).toEqual(expect.arrayContaining([C, H, OM]));
    expect(q.roles).not.toContain('carpenters');
    expect(q.roles).not.toContain('civil-engineers');
  });

  it('GIVEN no title word THEN every role', () => {
    expect(ask('which role has the fattest paycheck')).toMatchObject({ rank: 'all', roles: [] });
  });
});

describe('a list to choose from, and people that are context', () => {
  it('GIVEN "which of these: X, Y, Z?" with a topic THEN the three, ranked on it', () => {
    expect(
      ask('if i only care about money, which of these: ops manager, head of operations, ops coordinator?'),
    ).toMatchObject({ intent: 'compare', roles: [OM, H, OC], topics: ['salary'], rank: 'listed' });
  });

  it('GIVEN "X?? no no, Y" THEN Y', () => {
    expect(ask('coordinator?? no no, ops MANAGER. what do they earn')).toMatchObject({ roles: [OM] });
  });

  it('GIVEN someone else who "has been" or "used to be" a role THEN that role is context', () => {
    expect(
      ask("my husband has been an operations manager for 10 yrs. what's the outlook for coo roles?"),
    ).toMatchObject({
      intent: 'role',
      roles: [C],
    });
    expect(ask('my dad used to be a coo, what do heads of ops earn')).toMatchObject({
      intent: 'role',
      roles: [H],
    });
    expect(ask('my sister became a coo. what do ops managers earn?')).toMatchObject({
      intent: 'role',
      roles: [OM],
    });
  });

  it('GIVEN a student asking for a ranking THEN the ranking, no unknown "student"', () => {
    expect(
      ask(
        'im a student picking a direction on salary. can you rank all the jobs you have from best to worst paid?',
      ),
    ).toMatchObject({ intent: 'compare', topics: ['salary'], rank: 'all' });
  });

  it('GIVEN a lone currency sign THEN pay', () => {
    expect(ask('coo $?')).toMatchObject({ roles: [C], topics: ['salary'] });
  });
});
