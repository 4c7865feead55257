import { LRUCache } from 'lru-cache';
import { EMPTY_CONVERSATION, type ConversationState } from './query.js';

export interface ConversationStoreOptions {
  /** Most conversations remembered at once; the least recently used is forgotten first. */
  readonly max?: number;
  /** A conversation idle this long is forgotten. */
  readonly ttlMs?: number;
}

export const CONVERSATION_DEFAULTS = Object.freeze({ max: 10_000, ttlMs: 30 * 60 * 1000 });

/** Per-conversation memory, bounded in count and age so a long-running bot cannot grow without limit. */
export class ConversationStore {
  readonly #cache: LRUCache<string, ConversationState>;

  constructor(options: ConversationStoreOptions = {}) {
    this.#cache = new LRUCache({
      max: options.max ?? CONVERSATION_DEFAULTS.max,
      ttl: options.ttlMs ?? CONVERSATION_DEFAULTS.ttlMs,
      updateAgeOnGet: true,
    });
  }

  get(id: string): ConversationState {
    return this.#cache.get(id) ?? EMPTY_CONVERSATION;
  }

  set(id: string, state: ConversationState): void {
    this.#cache.set(id, state);
  }

  delete(id: string): void {
    this.#cache.delete(id);
  }

  get size(): number {
    return this.#cache.size;
  }
}
