import { LRUCache } from 'lru-cache';

export interface CooldownOptions {
  /** Questions allowed per window; 0 turns the cooldown off. */
  readonly max: number;
  readonly windowMs: number;
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
 * A per-user sliding-window limit. State is bounded in count (LRU `maxUsers`) and age (an entry idle for
 * a whole window is dropped: it could not refuse anything any more).
 */
export class Cooldown {
  readonly #max: number;
  readonly #windowMs: number;
  readonly #users: LRUCache<string, UserWindow> | undefined;

  constructor(options: CooldownOptions) {
    this.#max = options.max;
    this.#windowMs = options.windowMs;
    this.#users =
      options.max > 0 && options.windowMs > 0
        ? new LRUCache({ max: options.maxUsers ?? COOLDOWN_DEFAULT_MAX_USERS, ttl: options.windowMs })
        : undefined;
  }

  /** Record a question from `userId` and say whether to answer it. */
  take(userId: string, now: number = Date.now()): CooldownVerdict {
    if (!this.#users) return 'allow';
    const entry = this.#users.get(userId) ?? { times: [], noted: false };
    while (entry.times.length > 0 && (entry.times[0] ?? 0) <= now - this.#windowMs) entry.times.shift();
    let verdict: CooldownVerdict;
    if (entry.times.length < this.#max) {
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
    this.#users.set(userId, entry, { ttl: Math.max(1, oldest + this.#windowMs - now) });
    return verdict;
  }

  /** Users currently tracked. */
  get size(): number {
    return this.#users?.size ?? 0;
  }
}
