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
    ["what's on a coo's plate these days", 'duties'],
    ["what's the work setup like for a head of ops", 'environment'],
    ['is the ops manager job shrinking', 'outlook'],
  ])('GIVEN "%s" THEN the topic is %s', (text, topic) => {
    expect(topicsOf(text)).toEqual([topic]);
  });

  // Paraphrases in everyday Discord and career-forum wording, none of them using a topic's name.
  it.each([
    ['whats the tc for a coo at a big company', 'salary'],
    ['does an ops coordinator get a decent starting salary', 'salary'],
    ['what does a head of ops pull in a year', 'salary'],
    ['do ops coordinators ever get stuck with night shifts', 'environment'],
    ['is head of ops a high pressure gig or pretty laid back', 'environment'],
    ['are coos constantly on business trips', 'environment'],
    ['what certs would help me land an ops coordinator role', 'requirements'],
    ['how do people break into ops management', 'requirements'],
    ['what does a coo spend most of their time on', 'duties'],
    ['what would i actually be doing as an ops coordinator', 'duties'],
    ['what tools do ops managers use', 'skills'],
    ['am i cut out for being a coo', 'skills'],
    ['will ops coordinators still exist in 10 years', 'outlook'],
    ['are companies hiring ops managers right now', 'outlook'],
    ['how hard is it to pivot into ops manager from retail', 'related'],
    ['what other options are there for an ops coordinator', 'related'],
  ])('GIVEN the everyday paraphrase "%s" THEN the topic is %s', (text, topic) => {
    expect(topicsOf(text)).toEqual([topic]);
  });

  // Words that are topic words only inside a phrase ("get started as", "can i move into", "is it chill")
  // leave ordinary sentences alone.
  it.each([
    ["i'm a physical therapist thinking about ops, what is a coo"],
    ["ok let's get started: tell me about ops managers"],
    ["i just moved into a new flat, what's an ops coordinator"],
    ['what is an ops manager instead of a coo'],
    ['chill, thanks. what is a head of ops'],
  ])('GIVEN the ordinary sentence "%s" THEN the topic stays overview', (text) => {
    expect(topicsOf(text)).toEqual(['overview']);
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

describe('topic phrases read through fillers (intensifiers, frequency adverbs, modal verbs)', () => {
  it.each([
    ['what makes someone really good as a head of operations', 'skills'],
    ['where do coos usually work', 'environment'],
    ['what a head of operations would do for a small business', 'duties'],
  ])('GIVEN "%s" THEN the topic is %s', (text, topic) => {
    expect(topicsOf(text)).toEqual([topic]);
  });

  it('a filler alone names no topic', () => {
    expect(topicsOf('coo, really?')).toEqual(['overview']);
  });
});

describe('topics of a statement beside the question are context', () => {
  it.each([
    ['coo salary? thinking about applying to business school', 'salary'],
    ['doing an mba rn. job outlook for coos?', 'outlook'],
    ["i'm studying for a degree. what do ops managers earn?", 'salary'],
  ])('GIVEN "%s" THEN only the question\'s topic: %s', (text, topic) => {
    expect(topicsOf(text)).toEqual([topic]);
  });

  it("GIVEN a statement and a question with no topic of its own THEN the statement's topic stands", () => {
    expect(topicsOf("i'm worried about the pay. is a coo worth it?")).toEqual(['salary']);
  });

  it('GIVEN two questions THEN both topics count', () => {
    expect(topicsOf('coo salary? and what degree do they need?')).toEqual(['requirements', 'salary']);
  });
});

describe('a comparative qualifying the related jobs asked for', () => {
  it.each(['jobs like a coo but less stressful?', 'jobs similar to ops manager that pay more'])(
    'GIVEN "%s" THEN related jobs only',
    (text) => {
      expect(topicsOf(text)).toEqual(['related']);
    },
  );

  it('GIVEN related jobs and a separate question on pay THEN both', () => {
    expect(topicsOf('what jobs are similar to a coo, and what do they earn?')).toEqual(['related', 'salary']);
  });

  it('GIVEN a comparative without related jobs THEN its topic counts', () => {
    expect(topicsOf('is a coo less stressful than a head of ops?')).toEqual(['environment']);
  });
});

describe('one-word topic words written with a determiner', () => {
  it('GIVEN "earn an hour" THEN pay, not the hours worked', () => {
    expect(topicsOf('how much does a coo earn an hour')).toEqual(['salary']);
  });

  it('GIVEN "long hours" THEN still the work environment', () => {
    expect(topicsOf('do coos work long hours')).toEqual(['environment']);
  });
});

describe('a rate is the unit of the figure asked for', () => {
  it.each([
    ['how many openings are there for ops managers each year', ['outlook']],
    ['ops manager openings per year', ['outlook']],
    ['how much does a coo make a year', ['salary']],
    ['coo annual pay and openings', ['outlook', 'salary']],
    ['coo per year?', ['salary']],
    ['how many hours a week does a coo work and what do they earn per year', ['environment', 'salary']],
  ])('GIVEN "%s" THEN %j', (text, topics) => {
    expect(topicsOf(text)).toEqual(topics);
  });
});

describe('a move into a named role is not a request for related jobs', () => {
  it('GIVEN "switching to ops coordination, what skills do i need" THEN skills of that role', () => {
    expect(
      topicsOf("i'm a teacher thinking of switching to ops coordination, what skills do i need"),
    ).toEqual(['skills']);
  });

  it.each(['what could an ops manager switch to?', 'jobs close to a coo'])(
    'GIVEN "%s" (no role after the move, or no move) THEN related jobs',
    (text) => {
      expect(topicsOf(text)).toEqual(['related']);
    },
  );
});

describe('"<topic> wise" marks the topic asked about', () => {
  it('GIVEN "what do you need ... personality wise" THEN skills only', () => {
    expect(topicsOf('what do you need to bring to the table as a head of ops, personality wise')).toEqual([
      'skills',
    ]);
  });

  it('GIVEN two marked topics THEN both', () => {
    expect(topicsOf('coo vs head of ops, pay-wise and hours-wise?')).toEqual(['environment', 'salary']);
  });

  it('GIVEN "wise" after a word that names no topic THEN the other topics stand', () => {
    expect(topicsOf('what does a coo earn, money aside, time wise?')).toContain('salary');
  });
});

describe('topic words that only look like one', () => {
  it.each([
    ['roles adjacent to head of ops? want to keep my options open', ['related']],
    ["i cook for my team on fridays lol. what's the work life like for a coo?", ['environment']],
    ['do ops managers work on site much?', ['environment']],
    ['what do ops managers work on', ['duties']],
    ['what do people usually do before becoming a coo', ['requirements']],
    ['what else could i do with my ops coordinator experience', ['related']],
    ['love numbers but school is too long. what jobs are related to ops coordinator?', ['related']],
  ])('GIVEN "%s" THEN %j', (text, topics) => {
    expect(topicsOf(text)).toEqual(topics);
  });
});

describe('round 4: durations, idioms and the way in beside related jobs', () => {
  it.each([
    ['what could i move up to after a few years as an ops coordinator', ['overview']],
    ['ops coordinators, what are they on the hook for day to day?', ['duties']],
    ['do ops managers work around chemicals or heavy machinery?', ['environment']],
    ['careers a bit like ops manager?', ['related']],
    ['alternatives to becoming an ops coordinator?', ['related']],
    ['if i trained as an ops coordinator, what other jobs could i switch to later', ['related']],
  ])('GIVEN "%s" THEN %j', (text, topics) => {
    expect(topicsOf(text)).toEqual(topics);
  });
});
