/**
 * `npm run kb:gaps [--file F] [--top N] [--json]`: what people asked that the knowledge base could not
 * answer, most-asked missing roles first, so the operator knows which article to add next.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CommonEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import type { GapEntry } from '../gaps/entry.js';
import { rotatedFiles } from '../gaps/recorder.js';
import { formatGapSummary, parseGapLines, summarizeGaps } from '../gaps/summary.js';
import { nameKey } from '../knowledge/names.js';
import { loadKnowledgeBase } from '../knowledge/load.js';
import { processIo, type CliIo } from './io.js';

const USAGE = `Usage: npm run kb:gaps -- [--file F] [--top N] [--json]

Lists the roles people asked about that the knowledge base does not have, most asked first, with the
topics asked with them. Reads GAPS_FILE (default data/gaps.jsonl) and its rotated files (.1, .2, ...).
  --file F   gaps log to read
  --top N    how many roles to list (default 10)
  --json     print the summary as JSON`;

/** How many rotated files are looked for (more than the recorder keeps by default). */
const ROTATED_LOOKED_FOR = 10;

export type { CliIo };

/** Exit codes: 0 listed (even when empty), 2 wrong usage or settings. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        file: { type: 'string' },
        top: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help === true) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  const top = Number(args.values.top);
  if (!Number.isInteger(top) || top < 1) {
    io.err(`--top takes a whole number of at least 1, not "${args.values.top}"\n`);
    return 2;
  }
  if (io === processIo) loadDotEnv();
  const env = parseEnv(CommonEnvSchema, io.env);
  if (!env.ok) {
    io.err(`${env.message}\n`);
    return 2;
  }
  const file = args.values.file ?? env.env.GAPS_FILE;

  const entries: GapEntry[] = [];
  let skipped = 0;
  const read: string[] = [];
  for (const path of [file, ...rotatedFiles(file, ROTATED_LOOKED_FOR + 1)]) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    read.push(basename(path));
    const parsed = parseGapLines(text);
    entries.push(...parsed.entries);
    skipped += parsed.skipped;
  }
  if (read.length === 0)
    io.err(`No gaps log at ${file} yet (questions are recorded while RECORD_GAPS is on).\n`);

  // Mark roles that have been added since they were asked about.
  const known = new Map<string, string>();
  const loaded = await loadKnowledgeBase(env.env.KNOWLEDGE_DIR);
  if (loaded.ok) {
    for (const role of loaded.kb.roles.values()) {
      for (const name of [role.title, role.id, ...role.aliases]) known.set(nameKey(name), role.title);
    }
  }
  const summary = summarizeGaps(entries, skipped, known);
  io.out(
    args.values.json
      ? `${JSON.stringify({ files: read, ...summary }, null, 2)}\n`
      : formatGapSummary(summary, top),
  );
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = await main(process.argv.slice(2));
}
