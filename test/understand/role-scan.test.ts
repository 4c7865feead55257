import { beforeAll, describe, expect, it } from 'vitest';
import { deriveKnowledge, type Knowledge } from '../../src/engine/engine.js';
import { readMessage } from '../../src/understand/normalize.js';
import { candidatesOf, EMPTY_CONVERSATION, type Query } from '../../src/understand/query.js';
import { buildIndex } from '../../src/understand/role-index.js';
import { scanRoles } from '../../src/understand/role-scan.js';
import { understand } from '../../src/understand/understand.js';
import { bundledKnowledge, fixtureRole, kbWithRoles, occupationRole, withOccupations } from './kb-fixture.js';

let articles: Knowledge;
let occupations: Knowledge;
beforeAll(async () => {
  articles = await bundledKnowledge();
  occupations = deriveKnowledge(withOccupations(articles.kb));
});

const ask = (text: string, k: Knowledge = occupations): Query =>
  understand(text, EMPTY_CONVERSATION, k.kb, k.index).query;
const rolesIn = (text: string, k: Knowledge = occupations): string[][] =>
  scanRoles(readMessage(text).tokens, k.index).mentions.map((m) => [...m.roles]);

describe('occupations as roles: names by standing', () => {
  it("GIVEN a name that is one occupation's own title and another's alternate THEN the own title wins", () => {
    expect(rolesIn('carpenter')).toEqual([['carpenters']]);
    expect(rolesIn('carpenters pay')).toEqual([['carpenters']]);
  });

  it('GIVEN a curated alias that O*NET lists for another occupation THEN the curated role wins: COO', () => {
    expect(rolesIn('coo')).toEqual([['chief-operating-officer']]);
    expect(rolesIn('chief operating officer')).toEqual([['chief-operating-officer']]);
    expect(rolesIn('ceo')).toEqual([['chief-executives']]);
    expect(ask('ceo vs coo salary')).toMatchObject({
      intent: 'compare',
      roles: ['chief-executives', 'chief-operating-officer'],
    });
  });

  it("GIVEN an imported article whose role is also an occupation's own title THEN the curated role wins, in either number", () => {
    const withArticle = deriveKnowledge(
      kbWithRoles(occupations.kb, [...occupations.kb.roles.values(), fixtureRole('barista', 'Barista', [])]),
    );
    expect(rolesIn('barista', withArticle)).toEqual([['barista']]);
    expect(rolesIn('baristas salary', withArticle)).toEqual([['barista']]);
    expect(ask('barista vs bartender pay', withArticle)).toMatchObject({
      intent: 'compare',
      roles: ['barista', 'bartenders'],
    });
    // Without the article, the occupation answers as before.
    expect(rolesIn('barista')).toEqual([['baristas']]);
  });

  it('GIVEN a name shared by several occupations at the same standing THEN clarify, candidates bounded', () => {
    const q = ask('how much do engineers make?');
    expect(q.intent).toBe('clarify');
    expect([...candidatesOf(q)].sort()).toEqual([
      'civil-engineers',
      'electrical-engineers',
      'mechanical-engineers',
    ]);
    expect(ask('what does a nurse earn').intent).toBe('clarify');
  });

  it('reads plurals, typos and abbreviations of occupation names, and never another occupation by resemblance', () => {
    expect(ask('dentsts salary??')).toMatchObject({ intent: 'role', roles: ['dentists-general'] });
    expect(ask('how much do vets earn')).toMatchObject({ roles: ['veterinarians'] });
    expect(ask('vet techs pay')).toMatchObject({ roles: ['veterinary-technologists-and-technicians'] });
    expect(ask('what qualifications do you need to be a physio')).toMatchObject({
      roles: ['physical-therapists'],
    });
    expect(ask('barista salary')).toMatchObject({ roles: ['baristas'] });
    // "bartender" and "barista" are both real words a letter or two apart: neither becomes the other.
    expect(ask('bartender salary')).toMatchObject({ roles: ['bartenders'] });
  });

  it('GIVEN a short O*NET name that is an everyday word THEN it needs capitals: "do", "rn" are not roles', () => {
    expect(ask('how much do youtubers make').roles).not.toContain('physicians-all-other');
    expect(ask('im an ops coordinator rn, what do ops managers make?')).toMatchObject({
      roles: ['operations-manager'],
    });
    expect(rolesIn('RN salary')).toEqual([['registered-nurses']]);
    expect(ask("what's a good job to have rn").roles).toEqual([]);
  });

  it('GIVEN "rn" or "np" in a noun\'s place (after an article, beside "vs", before a topic word) THEN the job', () => {
    expect(ask('how much does an rn make')).toMatchObject({ intent: 'role', roles: ['registered-nurses'] });
    expect(ask('np vs rn pay')).toMatchObject({
      intent: 'compare',
      roles: ['nurse-practitioners', 'registered-nurses'],
    });
    expect(ask('rn pay?')).toMatchObject({ intent: 'role', roles: ['registered-nurses'] });
    expect(ask('should i be a vet or an rn')).toMatchObject({
      roles: ['veterinarians', 'registered-nurses'],
    });
  });

  it('GIVEN a modifier that is also a name ("chief") THEN a role only where it ends its phrase', () => {
    expect(rolesIn('chief vibes officer salary')).toEqual([]);
    expect(rolesIn('fire chief salary')).toEqual([['first-line-supervisors-of-firefighting']]);
  });

  it('GIVEN the articles-only base THEN none of this is known: the own set stays as it was', () => {
    expect(ask('dentist salary', articles).intent).toBe('unknown');
    expect(ask('carpenter', articles).intent).toBe('unknown');
  });

  it('GIVEN a name two occupations list WHEN it is a part of one of their own titles THEN that one; never for an "All Other" or a part other titles share', () => {
    const kb = kbWithRoles(articles.kb, [
      occupationRole('news-analysts-reporters-and-journalists', 'News Analysts, Reporters, and Journalists', {
        alternates: ['Reporter', 'Journalist'],
      }),
      occupationRole('court-reporters', 'Court Reporters and Simultaneous Captioners', {
        alternates: ['Court Reporter'],
      }),
      occupationRole('information-and-record-clerks-all-other', 'Information and Record Clerks, All Other', {
        alternates: ['Reporter'],
      }),
      occupationRole('engineers-all-other', 'Engineers, All Other', { alternates: ['Engineer'] }),
      occupationRole('civil-engineers', 'Civil Engineers', { alternates: ['Engineer'] }),
      occupationRole('buyers-farm', 'Buyers and Purchasing Agents, Farm Products', { alternates: ['Buyer'] }),
      occupationRole('wholesale-buyers', 'Wholesale and Retail Buyers, Except Farm Products', {
        alternates: ['Buyer'],
      }),
    ]);
    const index = buildIndex(kb);
    const rolesOf = (text: string) =>
      scanRoles(readMessage(text).tokens, index).mentions.map((m) => [...m.roles]);
    expect(rolesOf('reporters salary')).toEqual([['news-analysts-reporters-and-journalists']]);
    expect(rolesOf('engineer salary')[0]).toHaveLength(2);
    expect(rolesOf('buyer salary')[0]).toHaveLength(2);
  });

  it('GIVEN people in general ("asking for a friend") THEN no role, though an O*NET title starts with the word', () => {
    const kb = kbWithRoles(articles.kb, [
      occupationRole('legal-support-workers-all-other', 'Legal Support Workers, All Other', {
        alternates: ['Friend of the Court'],
      }),
    ]);
    expect(rolesIn('jedi knight salary asking for a friend', deriveKnowledge(kb))).toEqual([]);
  });

  it('GIVEN a job title alone before a question about "that" THEN the title is unknown, not a choice of every role', () => {
    expect(ask('professional bridesmaid, what does that pay')).toMatchObject({
      intent: 'unknown',
      topics: ['salary'],
    });
  });

  it('indexes 20,000 occupations sharing names, keeping only the best standing per name', () => {
    const roles = [fixtureRole('curated-analyst', 'Data Analyst', ['analyst of data'])];
    for (let i = 0; i < 20_000; i += 1) {
      roles.push(
        occupationRole(`occupation-${i}`, `Occupation ${i} Specialists`, {
          alternates: ['Data Analyst', `Analyst ${i % 50}`],
          reported: ['Analyst'],
        }),
      );
    }
    const index = buildIndex(kbWithRoles(articles.kb, roles));
    expect(scanRoles(readMessage('data analyst').tokens, index).mentions[0]?.roles).toEqual([
      'curated-analyst',
    ]);
    const shared = scanRoles(readMessage('analyst 7 pay').tokens, index).mentions[0];
    expect(shared?.roles.length).toBe(400);
    expect(scanRoles(readMessage('occupation 123 specialists').tokens, index).mentions[0]?.roles).toEqual([
      'occupation-123',
    ]);
  });
});

describe('typos never reach another occupation by resemblance', () => {
  it('GIVEN a typo that changes the first letter THEN no role: "cuddler" is not a puddler', async () => {
    const base = await bundledKnowledge();
    const k = deriveKnowledge(
      kbWithRoles(base.kb, [occupationRole('puddlers', 'Puddlers', { alternates: ['Puddler'] })]),
    );
    expect(rolesIn('professional cuddler requirements', k)).toEqual([]);
    expect(ask('professional cuddler requirements', k).intent).toBe('unknown');
    expect(rolesIn('puddlr pay', k)).toEqual([['puddlers']]);
  });
});

describe('a field named for the job inside a role name', () => {
  it('GIVEN "ops management" THEN the operations manager', () => {
    expect(rolesIn('thinking of moving into ops management', articles)).toEqual([['operations-manager']]);
    expect(
      ask("i'm a project manager and thinking of moving into ops management, what do i need", articles),
    ).toMatchObject({
      intent: 'role',
      roles: ['operations-manager'],
      topics: ['requirements'],
      ladder: 'into',
    });
  });

  it('GIVEN the field alone ("management") THEN no role', () => {
    expect(rolesIn('is management stressful', articles)).toEqual([]);
    expect(rolesIn('what is coordination', articles)).toEqual([]);
  });
});

describe('short typos across a whole curated name', () => {
  it('GIVEN "hed of opps" THEN the head of operations', () => {
    expect(rolesIn('certfication needed for hed of opps?', articles)).toEqual([['head-of-operations']]);
    expect(rolesIn('jobz like hed of opps?', articles)).toEqual([['head-of-operations']]);
  });

  it('GIVEN real words a few letters off ("red of ops", "end of ops") THEN no role', () => {
    expect(rolesIn('red of ops', articles)).toEqual([]);
    expect(rolesIn('the end of ops', articles)).toEqual([]);
  });
});

describe('a ranking verb before a role name', () => {
  it('GIVEN "rank carpenters and engineers by pay" THEN the roles, not an unknown "rank carpenters"', () => {
    const q = ask('rank carpenters, civil engineers and electrical engineers by pay');
    expect(q).toMatchObject({ intent: 'compare', rank: 'listed', topics: ['salary'] });
    expect(q.roles).toEqual(['carpenters', 'civil-engineers', 'electrical-engineers']);
  });
});
