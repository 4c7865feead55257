import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/engine/engine.js';
import { EMPTY_CONVERSATION } from '../../src/understand/query.js';
import { understand } from '../../src/understand/understand.js';
import { bundledKnowledge } from './kb-fixture.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await bundledKnowledge();
});

const topicsOf = (text: string): string[] =>
  [...understand(text, EMPTY_CONVERSATION, knowledge.kb, knowledge.index).query.topics].sort();

describe('topics: the words, idioms and phrases of knowledge/topics.yaml', () => {
  it.each([
    ['ops coordinator vs ops manager, what do they bring home', 'salary'],
    ['ops coordinator: what is the take-home like?', 'salary'],
    ['whats the going rate for an ops manager these days', 'salary'],
    ['does being an ops coordinator pay the bills?', 'salary'],
    ['how big is the raise for a coo', 'salary'],
    ['are ops managers on the road a lot?', 'environment'],
    ['is head of ops a 9 to 5 kinda thing or are you always on call?', 'environment'],
    ['is a coo mostly at hq?', 'environment'],
    ["what's an ops coordinator's bread and butter?", 'duties'],
    ["what's in a coo's remit", 'duties'],
    ['do you need letters after your name to be a coo?', 'requirements'],
    ['do i need uni to be an ops manager', 'requirements'],
    ['what would i need under my belt before going for an ops manager role?', 'requirements'],
    ['what are ops managers expected to be a dab hand at?', 'skills'],
    ['are coos in short supply', 'outlook'],
    ['is ops manager a safe bet long term', 'outlook'],
    ['coo job outlook', 'outlook'],
    ['jobs similar to ops coordinator', 'related'],
  ])('GIVEN "%s" THEN the topic is %s', (text, topic) => {
    expect(topicsOf(text)).toEqual([topic]);
  });

  it('GIVEN two topic words with one stem ("hours", "hourly") THEN the word as typed decides', () => {
    expect(topicsOf('coo hours')).toEqual(['environment']);
    expect(topicsOf('how many hours does a coo work')).toEqual(['environment']);
    expect(topicsOf('coo hourly pay')).toEqual(['salary']);
    expect(topicsOf('can you recommend a good ops manager course')).toEqual(['requirements']);
  });

  it('reads typos in topic words like the words themselves', () => {
    expect(topicsOf('sallary of a coo')).toEqual(['salary']);
    expect(topicsOf('educaton requirments for head of operations')).toEqual(['requirements']);
    expect(topicsOf('outlok for ops managers')).toEqual(['outlook']);
  });

  it('GIVEN no topic word THEN overview; role words and phrase words are not topics', () => {
    expect(topicsOf('operations manager')).toEqual(['overview']);
    // "set" of "skill set" is not a setting; "job" alone is no topic; a role's words are not topics.
    expect(topicsOf('which is the tougher skill set, ops manager or ops coordinator?')).toEqual(['skills']);
    expect(topicsOf("what's the day job like for an ops coordinator")).toEqual(['duties']);
    expect(topicsOf('ops manager job')).toEqual(['overview']);
  });

  it('GIVEN "not duties, salary" after a comparison THEN the topic taken back is dropped', () => {
    let state = EMPTY_CONVERSATION;
    const step = (text: string) => {
      const result = understand(text, state, knowledge.kb, knowledge.index);
      state = result.state;
      return result.query;
    };
    step('head of ops vs coo duties');
    expect(step('not duties, salary')).toMatchObject({ intent: 'compare', topics: ['salary'] });
  });
});
