import { closeSync, existsSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseArticle, type ParsedArticle } from './article.js';
import { buildKnowledgeBase, topicVocabulary } from './build.js';
import type { KnowledgeBase } from './model.js';
import type { Problem } from './problem.js';
import { parseTopics } from './topics.js';
import { loadOpenData, OPEN_DATA_DIR } from './open-data/load.js';
import { withOpenData } from './open-data/merge.js';
import { PROJECT_ROOT } from '../config/paths.js';

export { formatProblem, type Problem } from './problem.js';
export { parseArticle } from './article.js';
export { buildKnowledgeBase } from './build.js';
export { parseTopics } from './topics.js';

export type LoadResult =
  | { readonly ok: true; readonly kb: KnowledgeBase; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Files larger than this are refused before they are parsed. */
export const MAX_FILE_BYTES = 256 * 1024;

/** The taxonomy shipped with careerbot, used when a knowledge directory has no topics.yaml. */
export const BUNDLED_TOPICS_FILE = join(PROJECT_ROOT, 'knowledge', 'topics.yaml');

/** Files read and parsed between two yields to the event loop, so a running bot stays responsive. */
const BATCH_SIZE = 200;

type ReadResult = { readonly text: string } | { readonly problem: Problem } | { readonly missing: true };

/**
 * Read one file, refusing it before reading when it is too large. Synchronous on purpose: thousands
 * of small files read an order of magnitude faster this way than through the thread pool, and the
 * caller yields to the event loop between batches.
 */
function readKnowledgeFile(path: string, file: string): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    return { problem: { file, message: `cannot be read: ${(error as Error).message}` } };
  }
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_FILE_BYTES) {
      return {
        problem: {
          file,
          message: `is ${Math.ceil(size / 1024)} KiB; knowledge files may be at most ${MAX_FILE_BYTES / 1024} KiB`,
          hint: 'split it into several articles',
        },
      };
    }
    return { text: readFileSync(fd, 'utf8') };
  } catch (error) {
    return { problem: { file, message: `cannot be read: ${(error as Error).message}` } };
  } finally {
    closeSync(fd);
  }
}

/** Every .md file under `root`, sorted, as absolute paths. */
async function markdownFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(path);
    }
  }
  return found.sort();
}

/** push(...items) without the argument-count limit of a spread. */
function append<T>(into: T[], items: readonly T[]): void {
  for (const item of items) into.push(item);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Read, validate and merge every knowledge file under `dir`: `topics.yaml` (or the bundled one) and
 * `articles/**\/*.md`. Collects every problem instead of stopping at the first; never throws for bad
 * content.
 */
export async function loadKnowledgeBase(dir: string): Promise<LoadResult> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rel = (path: string): string => relative(dir, path).split(sep).join('/');

  // A directory without its own taxonomy uses the bundled one.
  let topicsName = 'topics.yaml';
  let topicsRead = readKnowledgeFile(join(dir, topicsName), topicsName);
  if ('missing' in topicsRead) {
    topicsName = BUNDLED_TOPICS_FILE;
    topicsRead = readKnowledgeFile(BUNDLED_TOPICS_FILE, topicsName);
  }
  const topicsResult = parseTopics('text' in topicsRead ? topicsRead.text : '', topicsName);
  if ('text' in topicsRead) {
    append(problems, topicsResult.problems);
    append(warnings, topicsResult.warnings);
  } else {
    problems.push('problem' in topicsRead ? topicsRead.problem : { file: topicsName, message: 'not found' });
  }

  let files: string[];
  try {
    files = await markdownFiles(join(dir, 'articles'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'folder not found' : `cannot be read: ${(error as Error).message}`;
    return { ok: false, problems: [...problems, { file: 'articles/', message, hint: `knowledge articles go in ${join(dir, 'articles')}` }] };
  }

  // With a broken topics.yaml, headings are still checked against the bundled taxonomy, so the
  // report lists the real heading problems rather than one per section.
  let vocabularyTopics = topicsResult.topics;
  if (topicsResult.problems.length > 0 && topicsName !== BUNDLED_TOPICS_FILE) {
    const bundled = readKnowledgeFile(BUNDLED_TOPICS_FILE, BUNDLED_TOPICS_FILE);
    if ('text' in bundled) vocabularyTopics = parseTopics(bundled.text, BUNDLED_TOPICS_FILE).topics;
  }
  const vocabulary = topicVocabulary(vocabularyTopics);
  const articles: ParsedArticle[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    if (start > 0) await yieldToEventLoop();
    for (const path of files.slice(start, start + BATCH_SIZE)) {
      const file = rel(path);
      const read = readKnowledgeFile(path, file);
      if ('text' in read) {
        const result = parseArticle(read.text, file, vocabulary);
        append(problems, result.problems);
        append(warnings, result.warnings);
        if (result.article !== undefined) articles.push(result.article);
      } else {
        problems.push('problem' in read ? read.problem : { file, message: 'disappeared while being read' });
      }
    }
  }

  const built = buildKnowledgeBase(dir, topicsResult.topics, articles);
  append(problems, built.problems);
  append(warnings, built.warnings);
  // Open data (open-data/): occupations beside the curated roles; a directory without it is articles only.
  const openDir = join(dir, OPEN_DATA_DIR);
  const open = existsSync(openDir) ? await loadOpenData(openDir, new Set(built.kb?.roles.keys())) : undefined;
  if (open !== undefined) {
    append(problems, open.problems);
    append(warnings, open.warnings);
  }
  if (problems.length > 0 || built.kb === undefined) return { ok: false, problems };
  const merged = withOpenData(built.kb, open);
  append(warnings, merged.warnings);
  return { ok: true, kb: merged.kb, warnings };
}
