import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/discord/cooldown.js';

describe('Cooldown', () => {
  it('allows 5 questions in 10 s, then one polite note, then silence until the window passes', () => {
    const cooldown = new Cooldown({ max: 5, windowMs: 10_000 });
    const t0 = 1_000_000;
    const verdicts = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => cooldown.take('u1', t0 + i * 100));
    expect(verdicts).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'note', 'silent', 'silent']);
    // The first question leaves the window 10 s after it was asked.
    expect(cooldown.take('u1', t0 + 9_999)).toBe('silent');
    expect(cooldown.take('u1', t0 + 10_000)).toBe('allow');
  });

  it('after the window passes a new burst gets its own note', () => {
    const cooldown = new Cooldown({ max: 1, windowMs: 1_000 });
    expect([cooldown.take('u', 0), cooldown.take('u', 1), cooldown.take('u', 2)]).toEqual([
      'allow',
      'note',
      'silent',
    ]);
    expect([cooldown.take('u', 1_000), cooldown.take('u', 1_001)]).toEqual(['allow', 'note']);
  });

  it('counts each user separately', () => {
    const cooldown = new Cooldown({ max: 1, windowMs: 10_000 });
    expect(cooldown.take('a', 0)).toBe('allow');
    expect(cooldown.take('b', 0)).toBe('allow');
    expect(cooldown.take('a', 1)).toBe('note');
  });

  it('COOLDOWN_MAX=0 turns it off and keeps no state', () => {
    const cooldown = new Cooldown({ max: 0, windowMs: 10_000 });
    for (let i = 0; i < 100; i++) expect(cooldown.take('u', i)).toBe('allow');
    expect(cooldown.size).toBe(0);
  });

  it('GIVEN 100,000 distinct users THEN the state stays at its configured maximum', () => {
    const cooldown = new Cooldown({ max: 5, windowMs: 60_000, maxUsers: 1_000 });
    const now = Date.now();
    for (let i = 0; i < 100_000; i++) cooldown.take(`user-${i}`, now);
    expect(cooldown.size).toBe(1_000);
  });
});
