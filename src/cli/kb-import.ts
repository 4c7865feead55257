/**
 * `npm run kb:import -- FILE... [--out DIR] [--force] [--url URL]`: turn comparison articles (text,
 * Markdown or a saved web page) into knowledge files. What was written goes to stdout; what could not
 * be placed, conflicts and errors go to stderr. A written file must pass the loader, else it is rolled
 * back, so an import never leaves the knowledge base broken.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { CommonEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import { type ImportResult, importArticle } from '../importer/import.js';
import { formatProblem, loadKnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { processIo, type CliIo } from './io.js';

const USAGE = `Usage: npm run kb:import -- FILE... [--out DIR] [--force] [--url URL]

Reads "A vs. B: What Are the Differences?" articles (.txt, .md or a saved .html page) and writes
DIR/articles/<a>-vs-<b>.md. DIR defaults to KNOWLEDGE_DIR, else knowledge/.
  --out DIR   knowledge directory to write to
  --force     overwrite an existing article file for the same two roles
  --url URL   the article's address, recorded as its source (one FILE only)`;

export type { CliIo };

/** Exit codes: 0 all imported, 1 some file not imported, 2 wrong usage or settings. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const say = (text: string): void => io.err(`${text}\n`);
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean', default: false },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    say(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help === true) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (args.positionals.length === 0) {
    say(`Name at least one article file.\n\n${USAGE}`);
    return 2;
  }
  if (args.values.url !== undefined && args.positionals.length > 1) {
    say('--url names the source of one article: import the files one at a time to give each its address.');
    return 2;
  }
  if (io === processIo) loadDotEnv();
  const env = parseEnv(CommonEnvSchema, io.env);
  if (!env.ok) {
    say(env.message);
    return 2;
  }
  const dir = args.values.out ?? env.env.KNOWLEDGE_DIR;

  let kb = await existingKnowledge(dir, say);
  if (kb === 'invalid') return 1;
  let failed = 0;
  for (const fileName of args.positionals) {
    const ok = await importOne(
      fileName,
      dir,
      kb,
      { force: args.values.force === true, url: args.values.url },
      io,
    );
    if (!ok) {
      failed++;
      continue;
    }
    // Later files in the same run merge with what earlier ones added.
    const reloaded = await loadKnowledgeBase(dir);
    kb = reloaded.ok ? reloaded.kb : kb;
  }
  const total = args.positionals.length;
  if (failed > 0) say(`${failed} of ${total} file(s) not imported.`);
  if (kb !== undefined && failed < total) {
    io.out(
      `The knowledge base in ${dir} loads: ${kb.roles.size} roles, ${kb.comparisons.length} comparisons.\n`,
    );
  }
  return failed === 0 ? 0 : 1;
}

/** The knowledge base to merge with; undefined for a directory without articles yet. */
async function existingKnowledge(
  dir: string,
  say: (text: string) => void,
): Promise<KnowledgeBase | undefined | 'invalid'> {
  let names: string[] = [];
  try {
    names = await readdir(join(dir, 'articles'), { recursive: true });
  } catch {
    names = [];
  }
  const articles = names.some((n) => n.endsWith('.md'));
  // Without articles yet, the open data still links the new roles to their occupations.
  if (!articles && !existsSync(join(dir, 'open-data'))) return undefined;
  // The loader wants the articles folder; the import writes into it anyway.
  if (!articles) await mkdir(join(dir, 'articles'), { recursive: true });
  const loaded = await loadKnowledgeBase(dir);
  if (loaded.ok) return loaded.kb;
  if (!articles) return undefined;
  say(`The knowledge base in ${dir} has problems, so imported roles cannot be merged with it:`);
  for (const p of loaded.problems) say(`  ${formatProblem(p)}`);
  say('Fix them first (npm run kb:check), or import into another directory with --out.');
  return 'invalid';
}

/** A path as the operator typed it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

function report(
  fileName: string,
  result: Extract<ImportResult, { ok: true }>,
  say: (text: string) => void,
): void {
  if (result.notices.length === 0) return;
  say(`${fileName}:`);
  for (const n of result.notices) {
    const where = n.line === undefined ? '' : `line ${n.line}: `;
    const label =
      n.kind === 'conflict'
        ? 'conflict: '
        : n.kind === 'existing'
          ? 'merged: '
          : n.kind === 'linked'
            ? 'linked: '
            : 'not placed: ';
    say(`  ${label}${where}${n.message}`);
  }
}

async function importOne(
  fileName: string,
  dir: string,
  kb: KnowledgeBase | undefined,
  options: { readonly force: boolean; readonly url: string | undefined },
  io: CliIo,
): Promise<boolean> {
  const say = (text: string): void => io.err(`${text}\n`);
  const { force, url } = options;
  let content: string;
  try {
    content = await readFile(fileName, 'utf8');
  } catch (error) {
    say(`${fileName}: cannot be read: ${(error as Error).message}`);
    return false;
  }
  const input = { fileName: basename(fileName), content, ...(url === undefined ? {} : { url }) };
  let result: ImportResult;
  try {
    result = importArticle(input, kb);
  } catch (error) {
    // A bug or a pathological page must cost this one file, not the whole run.
    say(`${fileName}: could not be read as an article (${(error as Error).message}); nothing written.`);
    return false;
  }
  if (!result.ok) {
    say(result.message);
    return false;
  }
  const target = join(dir, result.path);
  const exists = result.exists || existsSync(target);
  if (exists && !force) {
    say(
      `${fileName}: ${target} already exists (it compares the same two roles); nothing written. Use --force to overwrite it.`,
    );
    return false;
  }
  // Re-read against the file it replaces, so its own figures are not reported as conflicts.
  if (exists) result = importArticle(input, kb, result.path);
  if (!result.ok) return false;
  report(fileName, result, say);

  const previous = exists ? await readFile(target, 'utf8') : undefined;
  await mkdir(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  await writeFile(temp, result.text, 'utf8');
  await rename(temp, target);

  const check = await loadKnowledgeBase(dir);
  if (!check.ok) {
    if (previous === undefined) await rm(target, { force: true });
    else await writeFile(target, previous, 'utf8');
    say(`${fileName}: the generated file does not pass the knowledge check, so it was not kept:`);
    for (const p of check.problems) say(`  ${formatProblem(p)}`);
    return false;
  }
  io.out(`${exists ? 'Overwrote' : 'Wrote'} ${shown(target)} (${result.title})\n`);
  for (const role of result.roles) {
    const state = role.mergedWith === undefined ? 'new' : 'merged with the existing role';
    const aliases = role.aliases.length === 0 ? 'none' : role.aliases.join(', ');
    io.out(
      `  ${role.title} [${role.id}, ${state}] aliases: ${aliases}; salary: ${role.salary ?? 'none'}; topics: ${role.topics.join(', ') || 'none'}\n`,
    );
  }
  return true;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]))) {
  process.exitCode = await main(process.argv.slice(2));
}
