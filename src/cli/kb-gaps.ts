/**
 * `npm run kb:gaps [--top N] [--json] [--export F] [--import F]`: what people asked that the knowledge
 * base could not answer, most-asked missing roles first, and the answers people voted least helpful,
 * so the operator knows which article to add or fix next. Reads the database (DATABASE_FILE).
 */
import { createWriteStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CommonEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import type { GapEntry } from '../gaps/entry.js';
import { gapsStore } from '../gaps/log.js';
import { formatGapSummary, formatLeastHelpful, parseGapLines, summarizeGaps } from '../gaps/summary.js';
import { loadKnowledgeBase } from '../knowledge/load.js';
import { nameKey } from '../knowledge/names.js';
import { openStore, type Store } from '../store/database.js';
import { feedbackStore } from '../store/feedback.js';
import { processIo, type CliIo } from './io.js';

const USAGE = `Usage: npm run kb:gaps -- [--top N] [--json] [--export FILE] [--import FILE] [--database FILE]

Lists the roles people asked about that the knowledge base does not have, most asked first, with the
topics asked with them, and the answers people voted least helpful. Reads the database (DATABASE_FILE,
default data/careerbot.db).
  --top N          how many roles and answers to list (default 10)
  --json           print the summary as JSON
  --export FILE    write every recorded question as JSON lines to FILE (- for stdout), nothing else
  --import FILE    add the lines of a JSON-lines gaps log (data/gaps.jsonl of older versions)
  --database FILE  the database to read`;

export type { CliIo };

/** Exit codes: 0 listed (even when empty), 1 the database cannot be used, 2 wrong usage or settings. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        top: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        export: { type: 'string' },
        import: { type: 'string' },
        database: { type: 'string' },
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
  const file = args.values.database ?? env.env.DATABASE_FILE;
  // Reading never creates a database; importing does.
  if (!existsSync(file) && args.values.import === undefined) {
    io.err(`No database at ${file} yet (questions are recorded while RECORD_GAPS is on).\n`);
    if (args.values.export === undefined) io.out(formatGapSummary(summarizeGaps([]), top));
    return 0;
  }
  let store: Store;
  try {
    store = openStore(file);
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 1;
  }
  try {
    const gaps = gapsStore(store);
    if (args.values.import !== undefined) {
      const path = args.values.import;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        io.err(`Cannot read ${path}: ${(error as Error).message}\n`);
        return 2;
      }
      const parsed = parseGapLines(text);
      gaps.addAll(parsed.entries);
      io.err(
        `Imported ${parsed.entries.length} question(s) from ${basename(path)}${parsed.skipped > 0 ? ` (${parsed.skipped} unreadable line(s) skipped)` : ''}.\n`,
      );
      return 0;
    }
    if (args.values.export !== undefined) return await exportLines(gaps.entries(), args.values.export, io);

    const entries: GapEntry[] = [...gaps.entries()];
    // Mark roles that have been added since they were asked about.
    const known = new Map<string, string>();
    const loaded = await loadKnowledgeBase(env.env.KNOWLEDGE_DIR);
    if (loaded.ok) {
      for (const role of loaded.kb.roles.values()) {
        for (const name of [role.title, role.id, ...role.aliases]) known.set(nameKey(name), role.title);
      }
    }
    const summary = summarizeGaps(entries, 0, known);
    const feedback = feedbackStore(store);
    const voted = feedback.leastHelpful(top + 1);
    const totals = feedback.totals();
    io.out(
      args.values.json
        ? `${JSON.stringify({ database: file, ...summary, feedback: { ...totals, leastHelpful: voted.slice(0, top) } }, null, 2)}\n`
        : `${formatGapSummary(summary, top)}\n${formatLeastHelpful(voted, totals, top)}`,
    );
    return 0;
  } finally {
    store.close();
  }
}

async function exportLines(entries: Iterable<GapEntry>, target: string, io: CliIo): Promise<number> {
  let count = 0;
  if (target === '-') {
    for (const entry of entries) {
      io.out(`${JSON.stringify(entry)}\n`);
      count++;
    }
  } else {
    const out = createWriteStream(target, { encoding: 'utf8' });
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    for (const entry of entries) {
      if (!out.write(`${JSON.stringify(entry)}\n`))
        await new Promise<void>((r) => out.once('drain', () => r()));
      count++;
    }
    out.end();
    try {
      await done;
    } catch (error) {
      io.err(`Cannot write ${target}: ${(error as Error).message}\n`);
      return 1;
    }
  }
  io.err(`Exported ${count} question(s)${target === '-' ? '' : ` to ${target}`}.\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = await main(process.argv.slice(2));
}
