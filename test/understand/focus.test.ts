import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, fixedKnowledge, type Knowledge } from '../../src/engine/engine.js';
import type { Query } from '../../src/understand/query.js';
import { bundledKnowledge, C, H, OC, OM, readAlone } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

const ask = (text: string): Query => readAlone(knowledge, text);

describe('focus: a turn to what the asker wants to know, and a typo taken back', () => {
  it('GIVEN roles before "but i want to know ..." and one after THEN only the one after is asked about', () => {
    expect(
      ask(
        'my recruiter keeps sending me ops coordinator stuff but i want to know what heads of operations do',
      ),
    ).toMatchObject({ intent: 'role', roles: [H], topics: ['duties'] });
  });

  it('GIVEN "i want to know" with no role after it THEN the roles before it are still compared', () => {
    expect(ask('coo vs head of ops, i want to know the pay')).toMatchObject({
      intent: 'compare',
      roles: [C, H],
      topics: ['salary'],
    });
  });

  it('GIVEN someone else\'s job and "compared to him" THEN that role joins the comparison', () => {
    expect(ask('my boss is a coo. what does a head of ops earn compared to him?')).toMatchObject({
      intent: 'compare',
      roles: [C, H],
      topics: ['salary'],
    });
    // Without the comparison the other person's job stays context.
    expect(ask('my boss is a coo. what does a head of ops do? i want to talk to him')).toMatchObject({
      intent: 'role',
      roles: [H],
    });
  });

  it('GIVEN "X, sorry typo, Y" THEN Y alone is asked about', () => {
    expect(ask("ops manager, sorry typo, ops COORDINATOR. what's the salary")).toMatchObject({
      intent: 'role',
      roles: [OC],
      topics: ['salary'],
    });
  });
});

describe('focus: the role asked about, not the roles around it', () => {
  it.each([
    ['im an ops coordinator rn, what do ops managers make?', [OM], 'salary'],
    ['currently an ops manager myself. what skills would i need for a coo job?', [C], 'skills'],
    ['my sister is a COO but what does a head of ops earn?', [H], 'salary'],
    ['my dad was a coo for 20 yrs lol. anyway how do i become an ops coordinator', [OC], 'requirements'],
    ["my manager's an ops manager. what does a head of ops do differently from a coo?", [H, C], 'duties'],
    [
      'my linkedin says ops coordinator but i basically do ops manager stuff. what do ops managers earn?',
      [OM],
      'salary',
    ],
    [
      'interviewed with a head of ops yesterday for an ops coordinator role. is that job mostly desk work?',
      [OC],
      'environment',
    ],
  ])('GIVEN context roles in "%s" THEN only %j is asked about', (text, roles, topic) => {
    const q = ask(text);
    expect(q.roles).toEqual(roles);
    expect(q.topics).toEqual([topic]);
  });

  it.each([
    ['not the COO, I mean the head of ops: salary?', [H]],
    ['not asking about the coo — what does the head of ops actually do all day?', [H]],
    ['forget the coordinator, what is travel like for a coo', [C]],
    ['head of ops aside, how much does a coo make?', [C]],
    ['was gonna ask about the coo but nvm, just ops manager skills pls', [OM]],
    ['coo... sorry no, head of ops. what do they earn', [H]],
    ['~~ops manager~~ ops coordinator, what degree do they need', [OC]],
    ['~~head of ops vs coo~~ scratch that. ops coordinator vs ops manager duties', [OC, OM]],
    ['not coo vs head of ops, i want ops manager vs ops coordinator salaries', [OM, OC]],
  ])('GIVEN a role taken back in "%s" THEN it is not compared: %j', (text, roles) => {
    expect(ask(text).roles).toEqual(roles);
  });

  it('GIVEN the asker\'s own job as the only role and "my job" THEN it is the one asked about', () => {
    expect(
      ask("i'm not a coo lol, just an ops coordinator. what's the typical salary for my job?"),
    ).toMatchObject({
      roles: [OC],
      topics: ['salary'],
    });
  });

  it('finds a role named only inside a link', () => {
    expect(
      ask('saw https://jobs.example.com/listing/operations-coordinator-4471 is it office based?'),
    ).toMatchObject({
      roles: [OC],
      topics: ['environment'],
    });
    expect(
      ask('[this one](https://careers.example.com/roles/head-of-operations) — do i need a masters for it?'),
    ).toMatchObject({
      roles: [H],
      topics: ['requirements'],
    });
  });

  it('still compares roles that are both asked about, in one or several questions', () => {
    expect(ask('does a company usually pay a coo more than a head of ops?').roles).toEqual([C, H]);
    const engine = createEngine({ knowledge: fixedKnowledge(knowledge) });
    expect(engine.ask('f1', 'tell me about the coo and head of ops').query.roles).toEqual([C, H]);
  });
});

describe("focus: someone else's job title, and more ways to take a role back", () => {
  it('GIVEN "my colleague\'s title is X" THEN X is context and the other role is asked about', () => {
    const q = ask(
      "my colleague's title is head of operations but i'm asking for me: what qualifications does an operations manager need",
    );
    expect(q).toMatchObject({ intent: 'role', roles: [OM], topics: ['requirements'] });
  });

  it('GIVEN "my title is X" THEN X is still the asker\'s own job, not someone else\'s', () => {
    expect(ask('my title is ops coordinator, what do ops coordinators earn?')).toMatchObject({
      intent: 'role',
      roles: [OC],
    });
  });

  it.each(['scrap that', 'strike that', 'forget that'])(
    'GIVEN "X vs Y, %s, just Y" THEN only Y',
    (marker) => {
      const q = ask(`head of ops vs coo — nah ${marker}, just the coo: where do they usually work`);
      expect(q).toMatchObject({ intent: 'role', roles: [C], topics: ['environment'] });
    },
  );
});

describe('a correction marker at the end names the role meant', () => {
  it('GIVEN "ops manager i mean" THEN the ops manager, not taken back', () => {
    expect(ask('ops manager i mean')).toMatchObject({ roles: [OM] });
  });

  it('GIVEN "coo, i mean ops manager" THEN only what follows the marker', () => {
    expect(ask('coo salary, i mean ops manager')).toMatchObject({ intent: 'role', roles: [OM] });
  });
});

describe('a relative clause about a person', () => {
  it('GIVEN "my friend who\'s an ops manager says coos earn loads" THEN the COO', () => {
    expect(ask("my friend who's an ops manager says coos earn loads, is that true?")).toMatchObject({
      intent: 'role',
      roles: [C],
      topics: ['salary'],
    });
  });

  it('GIVEN "the guy who is a coo told me ops managers travel" THEN the ops manager', () => {
    expect(ask('the guy who is a coo told me ops managers travel a lot, true?')).toMatchObject({
      roles: [OM],
    });
  });

  it('GIVEN "who\'s a coo?" (no person before) THEN the COO is asked about', () => {
    expect(ask("who's a coo?")).toMatchObject({ intent: 'role', roles: [C] });
  });
});

describe('focus: introductions and long asides', () => {
  it('GIVEN "ops coordinator here 🙋 what skills does an ops manager need" THEN the ops manager', () => {
    expect(
      readAlone(knowledge, 'ops coordinator here 🙋 what skills does an ops manager need'),
    ).toMatchObject({
      intent: 'role',
      roles: [OM],
      topics: ['skills'],
    });
  });

  it('GIVEN a long sentence about someone before an emoji and the question THEN its words are context', () => {
    expect(
      readAlone(
        knowledge,
        'the security guard at our office says he used to be a coo 😂 what education do coos usually have?',
      ),
    ).toMatchObject({ intent: 'role', roles: [C], topics: ['requirements'] });
  });
});
