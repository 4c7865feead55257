import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/engine/engine.js';
import { unknownRolesOf, type Query } from '../../src/understand/query.js';
import { findRelations, relatedRoles } from '../../src/understand/relations.js';
import { readMessage } from '../../src/understand/normalize.js';
import { bundledKnowledge, C, OC, OM, readAlone } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

const ask = (text: string): Query => readAlone(knowledge, text);

describe('relations from the ladder facts', () => {
  it('GIVEN "the person they report to" THEN the role the ladder facts name, never an unknown "person"', () => {
    const q = ask('ops coordinator vs the person they report to, pay?');
    expect(q).toMatchObject({ intent: 'compare', roles: [OC, OM], topics: ['salary'] });
    expect(unknownRolesOf(q)).toEqual([]);
  });

  it('GIVEN "an ops coordinator\'s manager" THEN the manager\'s role alone', () => {
    expect(ask("what does an ops coordinator's manager earn? like the person they answer to")).toMatchObject({
      intent: 'role',
      roles: [OM],
      topics: ['salary'],
    });
  });

  it('GIVEN "the coordinators who report to them" THEN the roles reporting to the one named', () => {
    expect(
      ask('how much more does an ops manager make than the coordinators who report to them?'),
    ).toMatchObject({
      intent: 'compare',
      roles: [OM, OC],
      topics: ['salary'],
    });
  });

  it('GIVEN "the folks who report to ops managers" THEN the roles reporting to the one named after it', () => {
    expect(ask('the folks who report to ops managers, what are their usual duties')).toMatchObject({
      intent: 'role',
      roles: [OC],
      topics: ['duties'],
    });
  });

  it('GIVEN a boss the ladder facts name but the knowledge base does not know THEN unknown, by that title', () => {
    const q = ask('coo vs whoever they report to, salary?');
    expect(q).toMatchObject({ intent: 'unknown', roles: [C], topics: ['salary'] });
    expect(unknownRolesOf(q)).toEqual(['Chief Executive Officer']);
  });

  it('finds relation phrases and resolves them both ways', () => {
    expect(findRelations(readMessage('vs their boss').tokens)).toMatchObject([{ direction: 'up' }]);
    expect(relatedRoles(knowledge.kb, knowledge.index.reportsDown, OC, 'up').roles).toEqual([OM]);
    expect(relatedRoles(knowledge.kb, knowledge.index.reportsDown, OM, 'down').roles).toEqual([OC]);
  });

  it('moves with a topic: "the raise from X to Y" is the salary difference along the path', () => {
    expect(ask('how big is the raise from ops coordinator to ops manager?')).toMatchObject({
      intent: 'compare',
      roles: [OC, OM],
      topics: ['salary'],
      ladder: 'path',
    });
  });
});

describe('"the boss of <role>"', () => {
  it('GIVEN "the boss of an ops coordinator" THEN the role the coordinator reports to, alone', () => {
    expect(ask('what does the boss of an ops coordinator do day to day?')).toMatchObject({
      intent: 'role',
      roles: [OM],
      topics: ['duties'],
    });
  });

  it('GIVEN "the manager of operations" (a role\'s name, no article after "of") THEN that role, no relation', () => {
    expect(ask('what does the manager of operations earn')).toMatchObject({ intent: 'role', roles: [OM] });
    expect(findRelations(readMessage('the manager of operations').tokens)).toEqual([]);
  });
});

describe('"who manages <role>"', () => {
  it('GIVEN "who manages the ops coordinators" THEN the role the coordinators report to, with the topic asked', () => {
    expect(ask('who manages the ops coordinators, and what skills does that person need?')).toMatchObject({
      intent: 'role',
      roles: [OM],
      topics: ['skills'],
    });
    expect(ask('who supervises an ops coordinator')).toMatchObject({ intent: 'role', roles: [OM] });
  });

  it('GIVEN the role only later in the sentence ("who manages the budget for a coo") THEN no relation: the COO', () => {
    expect(ask('who manages the budget for a coo')).toMatchObject({ roles: [C] });
  });
});
