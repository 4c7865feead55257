import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { feedbackStore } from '../../src/store/feedback.js';
import { RETENTION } from '../../src/store/retention.js';
import { tempDatabase } from '../gaps/helpers.js';

const answer = {
  surface: 'dm',
  kind: 'compare',
  roles: ['a', 'b'],
  topics: ['salary'],
  text: 'a vs b salary',
};
const ALEX = '300000000000000011';
const ROBIN = '300000000000000012';

describe('feedback votes', () => {
  it('one vote per person and answer, changeable; the same vote twice changes nothing', () => {
    const feedback = feedbackStore(openStore(tempDatabase()));
    const id = feedback.recordAnswer(answer);
    expect(feedback.vote(id, ALEX, 'helpful')).toBe('recorded');
    expect(feedback.vote(id, ALEX, 'helpful')).toBe('unchanged');
    expect(feedback.vote(id, ALEX, 'not-helpful')).toBe('changed');
    expect(feedback.vote(id, ROBIN, 'not-helpful')).toBe('recorded');
    expect(feedback.totals()).toEqual({ answers: 1, helpful: 0, notHelpful: 2 });
    expect(feedback.vote('no-such-answer', ALEX, 'helpful')).toBe('unknown-answer');
  });

  it('stores no user id: the voter key is a keyed hash, different for each answer', () => {
    const store = openStore(tempDatabase());
    const feedback = feedbackStore(store);
    const first = feedback.recordAnswer(answer);
    const second = feedback.recordAnswer(answer);
    feedback.vote(first, ALEX, 'helpful');
    feedback.vote(second, ALEX, 'helpful');
    const voters = store.db.prepare('SELECT voter FROM votes').raw().all() as string[][];
    expect(voters).toHaveLength(2);
    expect(voters[0]?.[0]).not.toBe(voters[1]?.[0]);
    const everything = JSON.stringify(store.db.prepare('SELECT * FROM votes').raw().all());
    expect(everything).not.toContain(ALEX);
    expect(everything).not.toContain(BigInt(ALEX).toString(36));
  });

  it('lists the questions whose answers were voted least helpful first', () => {
    const feedback = feedbackStore(openStore(tempDatabase()));
    const bad = feedback.recordAnswer({ ...answer, text: 'bad one' });
    const mixed = feedback.recordAnswer({ ...answer, text: 'mixed one' });
    const good = feedback.recordAnswer({ ...answer, text: 'good one' });
    feedback.vote(bad, ALEX, 'not-helpful');
    feedback.vote(bad, ROBIN, 'not-helpful');
    feedback.vote(mixed, ALEX, 'not-helpful');
    feedback.vote(mixed, ROBIN, 'helpful');
    feedback.vote(good, ALEX, 'helpful');
    expect(feedback.leastHelpful(10).map((v) => [v.text, v.notHelpful, v.helpful])).toEqual([
      ['bad one', 2, 0],
      ['mixed one', 1, 1],
    ]);
    expect(feedback.leastHelpful(1)).toHaveLength(1);
  });

  it(`forgets answers older than ${RETENTION.answers.maxAgeDays} days, with their votes`, () => {
    const store = openStore(tempDatabase());
    const feedback = feedbackStore(store);
    const old = feedback.recordAnswer(answer, new Date('2020-01-01T00:00:00Z'));
    feedback.vote(old, ALEX, 'not-helpful');
    const recent = feedback.recordAnswer(answer);
    feedback.prune();
    expect(feedback.vote(old, ROBIN, 'helpful')).toBe('unknown-answer');
    expect(feedback.vote(recent, ROBIN, 'helpful')).toBe('recorded');
    expect(store.db.prepare('SELECT count(*) FROM votes').raw().get()).toEqual([1]);
  });
});
