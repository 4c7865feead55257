import { LRUCache } from 'lru-cache';

/** Questions allowed per window; 0 (either) turns the cooldown off. */
export interface CooldownLimits {
  readonly max: number;
  readonly windowMs: number;
}

export interface CooldownOptions extends CooldownLimits {
  /** Most users tracked at once; the least recently seen is forgotten first (it only makes them freer). */
  readonly maxUsers?: number;
}

/** `allow`: answer. `note`: first refusal, say so once. `silent`: refused again, say nothing. */
export type CooldownVerdict = 'allow' | 'note' | 'silent';

interface UserWindow {
  /** Times of the allowed questions inside the window, oldest first; never more than `max`. */
  readonly times: number[];
  noted: boolean;
}

export const COOLDOWN_DEFAULT_MAX_USERS = 10_000;

/**
 * A per-user sliding-window limit. The limits are the defaults given here, or per call (a server's own,
 * set with /config). State is bounded in count (LRU `maxUsers`) and age (an entry idle for a whole
 * window is dropped: it could not refuse anything any more); an unlimited call keeps no state.
 */
export class Cooldown {
  readonly #defaults: CooldownLimits;
  readonly #users: LRUCache<string, UserWindow>;

  constructor(options: CooldownOptions) {
    this.#defaults = { max: options.max, windowMs: options.windowMs };
    this.#users = new LRUCache({ max: options.maxUsers ?? COOLDOWN_DEFAULT_MAX_USERS, ttlAutopurge: false });
  }

  /** The limits used when a call names none. */
  get defaults(): CooldownLimits {
    return this.#defaults;
  }

  /** Record a question from `key` (a user, or a user in a server) and say whether to answer it. */
  take(key: string, now: number = Date.now(), limits: CooldownLimits = this.#defaults): CooldownVerdict {
    if (limits.max <= 0 || limits.windowMs <= 0) return 'allow';
    const entry = this.#users.get(key) ?? { times: [], noted: false };
    while (entry.times.length > 0 && (entry.times[0] ?? 0) <= now - limits.windowMs) entry.times.shift();
    // A server that lowered its limit: forget the allowed questions beyond it.
    if (entry.times.length > limits.max) entry.times.splice(0, entry.times.length - limits.max);
    let verdict: CooldownVerdict;
    if (entry.times.length < limits.max) {
      entry.times.push(now);
      entry.noted = false;
      verdict = 'allow';
    } else if (!entry.noted) {
      entry.noted = true;
      verdict = 'note';
    } else {
      verdict = 'silent';
    }
    // Refusals do not refresh the entry's age: the window ends when the oldest allowed question leaves it.
    const oldest = entry.times[0] ?? now;
    this.#users.set(key, entry, { ttl: Math.max(1, oldest + limits.windowMs - now) });
    return verdict;
  }

  /** Users currently tracked. */
  get size(): number {
    return this.#users.size;
  }
}
