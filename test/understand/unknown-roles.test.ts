import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKnowledge, type Knowledge } from '../../src/engine/engine.js';
import { EMPTY_CONVERSATION, unknownRolesOf, type Query } from '../../src/understand/query.js';
import { understand } from '../../src/understand/understand.js';
import { bundledKnowledge, kbWith, occupationRole, withOccupations } from './kb-fixture.js';

let articles: Knowledge;
let occupations: Knowledge;
beforeAll(async () => {
  articles = await bundledKnowledge();
  occupations = deriveKnowledge(withOccupations(articles.kb));
});

const ask = (text: string, knowledge: Knowledge = articles): Query =>
  understand(text, EMPTY_CONVERSATION, knowledge.kb, knowledge.index).query;

describe('unknown roles: job titles only', () => {
  it.each([
    ['software engineer salary?', 'software engineer'],
    ['what qualifications does a project manager need', 'project manager'],
    ['wizard salary', 'wizard'],
    ['physicist degree requirements', 'physicist'],
    ['professional cuddler requirements', 'professional cuddler'],
    ['jedi knight requirements', 'jedi knight'],
    ['ai whisperer job outlook? saw it on linkedin', 'ai whisperer'],
    ['how much do youtubers make', 'youtubers'],
    ['bouncer vs doorman pay?', 'bouncer'],
    ["what's the salary of a dentist?", 'dentist'],
  ])('GIVEN "%s" THEN unknown, reporting "%s" as typed', (text, mention) => {
    const q = ask(text);
    expect(q.intent).toBe('unknown');
    expect(unknownRolesOf(q)).toContain(mention);
  });

  it('GIVEN CEO on the articles-only knowledge base THEN it is unknown, never read as COO', () => {
    const q = ask('ceo vs coo salary');
    expect(q).toMatchObject({ intent: 'unknown', roles: ['chief-operating-officer'], unknownRoles: ['ceo'] });
  });

  it.each([
    'my boss wants to know what an ops manager earns',
    'our team is hiring a head of ops, what skills should we look for?',
    'someone told me ops coordinators need a degree, true?',
    'a staff member asked me whether ops coordinators work onsite, do they?',
    'does a company usually pay a coo more than a head of ops?',
    'ops coordinator vs the person they report to, pay?',
    'is head of ops a good fit for someone who hates travelling?',
  ])('GIVEN ordinary nouns beside a known role ("%s") THEN no unknown role', (text) => {
    const q = ask(text);
    expect(q.intent).not.toBe('unknown');
    expect(unknownRolesOf(q)).toEqual([]);
  });

  it("GIVEN an unknown job that is only context (the asker's own) THEN the known role in focus is answered", () => {
    expect(ask("i'm a supervisor atm — how do i become an ops manager?")).toMatchObject({
      intent: 'role',
      roles: ['operations-manager'],
      ladder: 'into',
    });
  });

  it('GIVEN no job title at all THEN not unknown: the weather is no role', () => {
    expect(ask("what's the weather like in leeds today").intent).toBe('help');
    expect(ask('how much is a house').intent).not.toBe('unknown');
  });

  it('GIVEN a qualifier that is no part of a shared name THEN the title is unknown, not the shared name', () => {
    expect(ask('prompt engineer degree?', occupations)).toMatchObject({
      intent: 'unknown',
      unknownRoles: ['prompt engineer'],
    });
    expect(ask('chief vibes officer salary', occupations)).toMatchObject({ intent: 'unknown', roles: [] });
    expect(ask('professional ghost hunter job growth', occupations)).toMatchObject({ intent: 'unknown' });
    expect(ask('prompt engineer vs software developer salary', occupations)).toMatchObject({
      intent: 'unknown',
      roles: ['software-developers'],
    });
  });
});

describe('unknown roles: nouns that only look like job titles', () => {
  it('GIVEN a head noun modifying the next noun ("a pilot project") THEN it is no role', () => {
    const q = ask(
      "we're running a pilot project at work and i'm wondering what skills a head of ops needs to lead stuff like that",
    );
    expect(q).toMatchObject({ intent: 'role', roles: ['head-of-operations'], topics: ['skills'] });
  });

  it('GIVEN a degree named by its possessive ("a bachelor\'s") THEN it is no role', () => {
    const q = ask("does a coo need a bachelor's or is an associate's enough");
    expect(q).toMatchObject({ intent: 'role', roles: ['chief-operating-officer'], topics: ['requirements'] });
  });

  it('GIVEN a qualified head before a topic phrase THEN still an unknown title', () => {
    expect(ask('product manager day to day')).toMatchObject({ intent: 'unknown', topics: ['duties'] });
  });

  it('GIVEN a bare head followed by a topic word THEN still an unknown title', () => {
    expect(ask('pilot salary?')).toMatchObject({ intent: 'unknown', unknownRoles: ['pilot'] });
  });
});

describe('unknown roles: a title called a career', () => {
  it.each([
    ['is twitch streamer a real career? what is the outlook', 'twitch streamer'],
    ['is being a youtuber a good job', 'youtuber'],
  ])('GIVEN "%s" THEN unknown "%s"', (text, mention) => {
    const q = ask(text);
    expect(q.intent).toBe('unknown');
    expect(unknownRolesOf(q)).toEqual([mention]);
  });

  it('GIVEN a field or a pronoun called a career THEN no unknown title', () => {
    expect(ask('is it a good career').intent).not.toBe('unknown');
    expect(ask('is nursing a good career', occupations).intent).not.toBe('unknown');
  });

  it('GIVEN an everyday adjective that is a word of some title ("real") THEN it is not a part-named role', () => {
    const realEstate = deriveKnowledge(
      kbWith(articles.kb, [occupationRole('real-estate-brokers', 'Real Estate Brokers')]),
    );
    expect(ask('is it a real career?', realEstate).intent).not.toBe('clarify');
    expect(ask('estate?', realEstate)).toMatchObject({
      intent: 'clarify',
      candidates: ['real-estate-brokers'],
    });
  });
});

describe('unknown roles: a person word before a question word', () => {
  it('GIVEN "hepl wat can this bot do" THEN help, not the unknown role "help"', () => {
    expect(ask('hepl wat can this bot do').intent).toBe('help');
  });

  it('GIVEN a title before a topic word THEN still unknown: "wizard salary"', () => {
    expect(ask('wizard salary').intent).toBe('unknown');
  });
});

describe('unknown roles: person nouns that share a stem with a topic word, and heads qualified by a phrase', () => {
  it('GIVEN "time traveller job outlook" THEN the title is unknown (a traveller is a person, not travel)', () => {
    expect(ask('time traveller job outlook')).toMatchObject({ intent: 'unknown', topics: ['outlook'] });
  });

  it('GIVEN "professional line standers" with occupations titled "... Professional" THEN the title is unknown', () => {
    const kb = kbWith(articles.kb, [
      occupationRole('compliance-officers', 'Compliance Officers', {
        alternates: ['Compliance Professional'],
      }),
    ]);
    expect(ask('how much do professional line standers make', deriveKnowledge(kb))).toMatchObject({
      intent: 'unknown',
      topics: ['salary'],
    });
  });

  it('GIVEN a statement about the speaker naming an unknown job beside a question about a known role THEN the known role', () => {
    expect(
      ask(
        "i'm putting together a driver safety talk for the warehouse. quick one: what does an ops coordinator do?",
      ),
    ).toMatchObject({ intent: 'role', roles: ['operations-coordinator'], topics: ['duties'] });
  });
});

describe('unknown roles: agent-looking words that are other words', () => {
  it.each([
    ['do ops managers spend much time out on the shop floor or behind a desk', 'operations-manager'],
    [
      'do you need letters after your name to land a coo job? like an mba or whatever',
      'chief-operating-officer',
    ],
  ])('GIVEN "%s" THEN no unknown title', (text, role) => {
    expect(ask(text)).toMatchObject({ intent: 'role', roles: [role] });
  });

  it('GIVEN an agent noun made from a word ("streamer") THEN still a title', () => {
    expect(ask('twitch streamer salary')).toMatchObject({ intent: 'unknown' });
  });
});

describe('unknown roles: words that only look like titles in context', () => {
  it('GIVEN "the coordinator side" before a question naming the operations coordinator THEN that role, not unknown "coordinator"', () => {
    const q = ask(
      "my dad's been an ops manager for years. i'm leaning towards the coordinator side instead, what are the working conditions like for an operations coordinator?",
    );
    expect(q).toMatchObject({ intent: 'role', roles: ['operations-coordinator'], topics: ['environment'] });
  });

  it('GIVEN "chemicals or heavy machinery" THEN "heavy" is no job', () => {
    const q = ask('do ops managers work around chemicals or heavy machinery?');
    expect(q).toMatchObject({ intent: 'role', roles: ['operations-manager'] });
  });

  it('GIVEN "or" between a role and a person noun THEN that noun is still an unknown job', () => {
    expect(unknownRolesOf(ask('coo or nurse, who earns more?'))).toEqual(['nurse']);
  });

  it('GIVEN "the main drivers behind a salary" THEN drivers are causes, not truck drivers', () => {
    expect(ask("what are the main drivers behind a coo's salary?")).toMatchObject({
      intent: 'role',
      roles: ['chief-operating-officer'],
      topics: ['salary'],
    });
    expect(unknownRolesOf(ask('how much do truck drivers make'))).toEqual(['truck drivers']);
  });

  it('GIVEN a title of two person words ("nurse practitioner") THEN all of it is the unknown job, and "make" asks pay', () => {
    const q = ask('what does a nurse practitioner make these days');
    expect(q).toMatchObject({ intent: 'unknown', topics: ['salary'] });
    expect(unknownRolesOf(q)).toEqual(['nurse practitioner']);
  });
});
