import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFiles, type ParseJob, type ParseOutcome } from '../../src/knowledge/parse-files.js';
import { parseTopics } from '../../src/knowledge/topics.js';
import { readFileSync } from 'node:fs';
import { BUNDLED_TOPICS_FILE } from '../../src/knowledge/load.js';
import { syntheticFiles } from '../../src/bench/generate.js';

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const topics = parseTopics(readFileSync(BUNDLED_TOPICS_FILE, 'utf8'), 'topics.yaml').topics;
const pause = { batch: 50, pause: () => new Promise<void>((resolve) => setImmediate(resolve)) };

async function outcomes(root: string, jobs: readonly ParseJob[], threads: number) {
  const out: ParseOutcome[] = [];
  const inWorkers = await parseFiles(root, topics, jobs, (i, outcome) => (out[i] = outcome), pause, {
    threads,
    parallelFrom: 1,
  });
  return { out, inWorkers };
}

describe('parseFiles', () => {
  it('GIVEN worker threads THEN every outcome is the one this thread gives, in place', async () => {
    dir = mkdtempSync(join(tmpdir(), 'careerbot-parse-'));
    mkdirSync(join(dir, 'articles'));
    const jobs: ParseJob[] = [];
    for (const file of syntheticFiles(300)) {
      writeFileSync(join(dir, 'articles', file.name), file.text);
      jobs.push({ file: `articles/${file.name}`, size: file.text.length, mtimeMs: 1 });
    }
    writeFileSync(join(dir, 'articles', 'bad.md'), '---\ntitle: [unclosed\n---\n');
    jobs.push(
      { file: 'articles/bad.md', size: 1, mtimeMs: 1 },
      { file: 'articles/gone.md', size: 1, mtimeMs: 1 },
    );

    const { out: alone, inWorkers: none } = await outcomes(dir, jobs, 1);
    const { out: parallel, inWorkers } = await outcomes(dir, jobs, 2);
    expect(none).toBe(0);
    expect(inWorkers).toBeGreaterThan(0);
    expect(parallel).toEqual(alone);
    expect(alone.filter((o) => o.kind === 'clean')).toHaveLength(300);
    expect(alone.at(-2)?.kind).toBe('problems');
    expect(alone.at(-1)).toEqual({ kind: 'gone' });
  });
});
