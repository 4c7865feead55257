import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKnowledge, type Knowledge } from '../../src/engine/engine.js';
import { EMPTY_CONVERSATION, type ConversationState, type Query } from '../../src/understand/query.js';
import { understand } from '../../src/understand/understand.js';
import { bundledKnowledge, kbWith, occupationRole, OC, OM } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

/** The query of the last message of a conversation. */
function last(...texts: string[]): Query {
  let state: ConversationState = EMPTY_CONVERSATION;
  let query: Query | undefined;
  for (const text of texts) {
    ({ query, state } = understand(text, state, knowledge.kb, knowledge.index));
  }
  if (query === undefined) throw new Error('no message');
  return query;
}

describe('ladder questions in a conversation', () => {
  it('GIVEN a ladder follow-up with no topic THEN the earlier topic is not carried', () => {
    const q = last('how do i become an ops manager?', "and after that, what's next?");
    expect(q).toMatchObject({ intent: 'role', roles: [OM], topics: ['overview'], ladder: 'after' });
  });

  it('GIVEN a ladder follow-up that names a topic THEN that topic is asked', () => {
    const q = last('how do i become an ops coordinator', 'and what comes next, salary wise?');
    expect(q).toMatchObject({ roles: [OC], topics: ['salary'] });
  });

  it('GIVEN a plain follow-up THEN the earlier topic is still carried', () => {
    const q = last('ops coordinator salary', 'and the ops manager?');
    expect(q).toMatchObject({ roles: [OM], topics: ['salary'] });
  });
});

describe('"the job" in a follow-up is the role under discussion, not the list of roles', () => {
  it('GIVEN "what would the job be like day to day?" after a role THEN that role\'s duties', () => {
    const q = last('how do i become an ops coordinator', 'and what would the job be like day to day?');
    expect(q).toMatchObject({ intent: 'role', roles: [OC], topics: ['duties'] });
  });

  it('GIVEN "what jobs do you know" THEN still the list', () => {
    expect(last('ops coordinator salary', 'what jobs do you know?')).toMatchObject({ intent: 'list' });
  });

  it('GIVEN "what can i move on to after that" THEN a ladder question, not related jobs', () => {
    const q = last('how do i become an ops coordinator', 'what can i move on to after that');
    expect(q).toMatchObject({ intent: 'role', roles: [OC], topics: ['overview'], ladder: 'after' });
  });
});

describe('a bare title head alone in a fresh conversation', () => {
  it('GIVEN "what does a manager do" THEN clarify which manager, even when one role has the head', () => {
    expect(last('what does a manager do')).toMatchObject({
      intent: 'clarify',
      roles: [],
      topics: ['duties'],
      candidates: [OM],
    });
  });

  it('GIVEN the head beside another role THEN it resolves: "not the coordinator, the manager"', () => {
    expect(last('not the coordinator, the manager: what do they earn?')).toMatchObject({
      intent: 'role',
      roles: [OM],
    });
  });

  it('GIVEN a word of the role\'s name elsewhere ("a coordinator in operations") THEN it resolves', () => {
    expect(last('responsibilities of a coordinator in operations')).toMatchObject({
      intent: 'role',
      roles: [OC],
    });
  });

  it('GIVEN the head in a conversation THEN it resolves', () => {
    expect(last('ops coordinator salary', 'what about the manager?')).toMatchObject({ roles: [OM] });
  });
});

describe('thanks with a question', () => {
  it('GIVEN "ty. and the salary gap?" after a comparison THEN the comparison on salary, not small talk', () => {
    const q = last('ops coordinator vs ops manager', 'ty. and the salary gap?');
    expect(q).toMatchObject({ intent: 'compare', roles: [OC, OM], topics: ['salary'] });
  });

  it('GIVEN a plain "thanks" THEN small talk', () => {
    expect(last('ops coordinator vs ops manager', 'thanks!')).toMatchObject({ intent: 'smalltalk' });
  });
});

describe('a reply that describes one of the offered roles', () => {
  const teachers = (): Knowledge =>
    deriveKnowledge(
      kbWith(knowledge.kb, [
        occupationRole('business-teachers-postsecondary', 'Business Teachers, Postsecondary'),
        occupationRole('physics-teachers-postsecondary', 'Physics Teachers, Postsecondary'),
        occupationRole('secondary-school-teachers', 'Secondary School Teachers', {
          alternates: ['High School Teacher', 'High School English Teacher', 'High School Math Teacher'],
        }),
        occupationRole(
          'special-education-teachers-secondary-school',
          'Special Education Teachers, Secondary School',
          {
            alternates: ['High School Teacher'],
          },
        ),
      ]),
    );

  function run(k: Knowledge, ...texts: string[]): Query[] {
    let state: ConversationState = EMPTY_CONVERSATION;
    return texts.map((text) => {
      const out = understand(text, state, k.kb, k.index);
      state = out.state;
      return out.query;
    });
  }

  it('GIVEN "teacher pay?" then "high school" THEN the teachers whose titles say high school, on salary', () => {
    const [offer, reply] = run(teachers(), 'teacher pay?', 'high school');
    expect(offer).toMatchObject({ intent: 'clarify', topics: ['salary'] });
    expect(reply).toMatchObject({ intent: 'role', roles: ['secondary-school-teachers'], topics: ['salary'] });
  });

  it('GIVEN words that fit none of the roles THEN no role is picked', () => {
    const [, reply] = run(teachers(), 'teacher pay?', 'kindergarten');
    expect(reply?.intent).not.toBe('role');
  });

  it('GIVEN the same words with nothing offered THEN no role', () => {
    const [reply] = run(teachers(), 'high school');
    expect(reply?.intent).not.toBe('role');
  });
});

describe('a message that is only a role name, right after an answer', () => {
  it('GIVEN "coo salary" then "head of ops?" THEN the head of ops on salary', () => {
    expect(last('coo salary', 'head of ops?')).toMatchObject({
      roles: ['head-of-operations'],
      topics: ['salary'],
    });
  });

  it('GIVEN "head of ops?" in a fresh conversation THEN an overview', () => {
    expect(last('head of ops?')).toMatchObject({ roles: ['head-of-operations'], topics: ['overview'] });
  });

  it('GIVEN a role with more words ("is head of ops stressful") THEN its own reading', () => {
    expect(last('coo salary', 'is head of ops stressful')).toMatchObject({ topics: ['environment'] });
  });

  it('GIVEN "what about <role>" after an offer for a topic THEN that topic is kept', () => {
    expect(last('what about salary?', 'what about the coo')).toMatchObject({
      roles: ['chief-operating-officer'],
      topics: ['salary'],
    });
  });
});
