/**
 * The topics cache: the parsed, validated topics.yaml kept in CACHE_DIR (topics-<hash of the knowledge
 * directory>.v8, a sealed file), because parsing its few hundred lines with `yaml` costs a start about a
 * tenth of a second, more than everything else the loader reads from its caches. Keyed by the file's
 * name, its bytes and LOADER_VERSION; only a result without problems is kept, so a broken file is
 * parsed, and reported, every time. Only an optimization: a missing or unusable file is ignored.
 */
import { createHash } from 'node:crypto';
import { LOADER_VERSION } from './cache.js';
import type { Topic } from './model.js';
import { readSealed, sealedFileFor, sealedFilePattern, writeSealed } from './sealed-file.js';
import { parseTopics, type TopicsResult } from './topics.js';

const FORMAT = 'careerbot-topics-cache';
const PREFIX = 'topics';

const isTopic = (t: unknown): t is Topic =>
  t !== null &&
  typeof t === 'object' &&
  typeof (t as Topic).id === 'string' &&
  typeof (t as Topic).name === 'string' &&
  Array.isArray((t as Topic).words);

function isResult(value: unknown): value is TopicsResult {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<TopicsResult>;
  return (
    Array.isArray(r.topics) &&
    r.topics.every(isTopic) &&
    Array.isArray(r.problems) &&
    r.problems.length === 0 &&
    Array.isArray(r.warnings)
  );
}

/**
 * `parseTopics(text, file)` through the cache of `dir` in `cacheDir` when there is one: the same
 * result either way. Never throws for the cache.
 */
export function parseTopicsCached(
  text: string,
  file: string,
  cache: { readonly cacheDir: string | undefined; readonly dir: string },
): TopicsResult {
  if (cache.cacheDir === undefined) return parseTopics(text, file);
  const target = sealedFileFor(cache.cacheDir, PREFIX, cache.dir);
  const expect = {
    format: FORMAT,
    version: LOADER_VERSION,
    dir: cache.dir,
    key: createHash('sha256').update(file).update('\u0000').update(text).digest('base64'),
    changed: 'topics.yaml changed',
  };
  const read = readSealed(target, expect, isResult);
  if ('value' in read) return read.value;
  const result = parseTopics(text, file);
  if (result.problems.length === 0) writeSealed(target, expect, result, sealedFilePattern(PREFIX));
  return result;
}
