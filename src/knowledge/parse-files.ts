/**
 * Reading and parsing article files, in this thread or, for thousands of files, in worker threads:
 * reading, `yaml` and validation cost about 0.12 ms per file, so a first start on 50,000 articles
 * spends most of its time there, and that work splits across cores with no shared state (not on two
 * cores: see defaultThreads).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { parseArticle, type ArticleResult, type TopicVocabulary } from './article.js';
import { topicVocabulary } from './build.js';
import { hashBytes, type CachedFile } from './cache.js';
import type { Topic } from './model.js';
import { startWorker } from './worker.js';

/** One file to read and parse; `knownHash` is the hash of the bytes an earlier parse came from. */
export interface ParseJob {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly knownHash?: string | undefined;
}

export type ParseOutcome =
  | { readonly kind: 'gone' }
  | { readonly kind: 'unreadable'; readonly message: string }
  /** The bytes are those of the earlier parse: it stands. */
  | { readonly kind: 'same'; readonly hash: string }
  /**
   * Parsed without a problem: the file as the cache stores it. Parsed in this thread, its strings are
   * slices of the file's text (and keep it alive); from a worker, copies.
   */
  | { readonly kind: 'clean'; readonly hash: string; readonly cached: CachedFile }
  | { readonly kind: 'problems'; readonly hash: string; readonly result: ArticleResult };

/** Read and parse one file of `dir`. Never throws. */
export function parseFile(dir: string, job: ParseJob, vocabulary: TopicVocabulary): ParseOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, job.file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    return { kind: 'unreadable', message: `cannot be read: ${(error as Error).message}` };
  }
  const hash = hashBytes(bytes);
  if (hash === job.knownHash) return { kind: 'same', hash };
  const result = parseArticle(bytes.toString('utf8'), job.file, vocabulary);
  if (result.article === undefined || result.problems.length > 0) return { kind: 'problems', hash, result };
  const stamp = { file: job.file, size: job.size, mtimeMs: job.mtimeMs, hash };
  return {
    kind: 'clean',
    hash,
    cached: { ...stamp, article: result.article, problems: [], warnings: result.warnings },
  };
}

/** Below this many files a worker's start-up (loading the parser) costs more than it saves. */
export const PARALLEL_FROM = 2_000;

/**
 * Threads to parse with: one per core up to four, and none beside this one on two cores or fewer,
 * where this thread alone was faster (10,000 files on the 2-core development machine: 3.6 to 4.1 s
 * alone, 4.0 to 4.7 s with two workers; two threads of one process each parsed at half speed, and
 * a worker's parses are copied to this thread on top).
 */
function defaultThreads(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 1 : Math.min(cores, 4);
}
/** Files per message to a worker: large enough to amortize messaging, small enough to balance. */
const CHUNK = 250;

export interface WorkerData {
  readonly dir: string;
  readonly topics: readonly Topic[];
}
export interface WorkerRequest {
  readonly start: number;
  readonly jobs: readonly ParseJob[];
}
export interface WorkerReply {
  readonly start: number;
  readonly outcomes: readonly ParseOutcome[];
}

/**
 * Parse `jobs` and hand each outcome to `onOutcome` (in any order, with its index). Uses worker
 * threads when there are many jobs and more than one core, else this thread; a worker that cannot
 * start or fails leaves its remaining jobs to this thread, so the outcome never depends on it.
 * Resolves to how many files the workers parsed.
 */
export async function parseFiles(
  dir: string,
  topics: readonly Topic[],
  jobs: readonly ParseJob[],
  onOutcome: (index: number, outcome: ParseOutcome) => void,
  yieldEvery: { readonly batch: number; readonly pause: () => Promise<void> },
  { threads = defaultThreads(), parallelFrom = PARALLEL_FROM } = {},
): Promise<number> {
  let next = 0;
  let inWorkers = 0;
  const done = new Uint8Array(jobs.length);
  const deliver = (index: number, outcome: ParseOutcome): void => {
    if (done[index] === 1) return;
    done[index] = 1;
    onOutcome(index, outcome);
  };

  if (jobs.length >= parallelFrom && threads > 1) {
    const workerData: WorkerData = { dir, topics };
    const runOne = (): Promise<void> =>
      new Promise((resolve) => {
        let worker: Worker;
        try {
          worker = startWorker('parse-worker', workerData);
        } catch {
          resolve();
          return;
        }
        // Two chunks in flight per worker: it parses the next while this thread takes in the last.
        let inFlight = 0;
        const more = (): void => {
          while (inFlight < 2 && next < jobs.length) {
            const start = next;
            next += CHUNK;
            inFlight++;
            const request: WorkerRequest = { start, jobs: jobs.slice(start, start + CHUNK) };
            worker.postMessage(request);
          }
          if (inFlight === 0) void worker.terminate();
        };
        worker.on('message', (reply: WorkerReply) => {
          inFlight--;
          more();
          reply.outcomes.forEach((outcome, k) => deliver(reply.start + k, outcome));
          inWorkers += reply.outcomes.length;
        });
        worker.on('error', () => resolve());
        worker.on('exit', () => resolve());
        worker.once('online', more);
      });
    await Promise.all(Array.from({ length: threads }, runOne));
  }

  // Whatever no worker did (few files, one core, or a worker that failed) is parsed here.
  const vocabulary = topicVocabulary(topics);
  let sincePause = 0;
  for (let index = 0; index < jobs.length; index++) {
    const job = jobs[index];
    if (job === undefined || done[index] === 1) continue;
    if (++sincePause % yieldEvery.batch === 0) await yieldEvery.pause();
    deliver(index, parseFile(dir, job, vocabulary));
  }
  return inWorkers;
}
