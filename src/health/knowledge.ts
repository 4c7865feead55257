import { createHash } from 'node:crypto';
import type { Knowledge, KnowledgeSource } from '../engine/engine.js';
import type { KnowledgeHealth } from './server.js';

/**
 * Which knowledge base is answering: a version that counts up each time the source hands out a new
 * one (a reload swaps the whole value), when that was seen, and a fingerprint of its content.
 */
export function knowledgeTracker(source: KnowledgeSource): () => KnowledgeHealth {
  let seen: Knowledge | undefined;
  let health: KnowledgeHealth | undefined;
  let version = 0;
  return () => {
    const current = source.current();
    if (current !== seen || health === undefined) {
      seen = current;
      version++;
      const hash = createHash('sha256');
      for (const id of [...current.kb.roles.keys()].sort()) hash.update(`${id}\n`);
      for (const c of current.kb.comparisons) hash.update(`${c.roles.join('|')}\n`);
      health = {
        version,
        fingerprint: hash.digest('hex').slice(0, 12),
        roles: current.kb.roles.size,
        comparisons: current.kb.comparisons.length,
        loadedAt: new Date().toISOString(),
      };
    }
    return health;
  };
}
