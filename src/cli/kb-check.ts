/**
 * `npm run kb:check [DIR]`: validate a knowledge directory (DIR, else KNOWLEDGE_DIR, else knowledge/).
 * Prints a summary and any warnings, or every problem found; exits 1 on any problem.
 */
import { relative } from 'node:path';
import { CommonEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import { formatProblem, loadKnowledgeBase } from '../knowledge/load.js';
import type { KnowledgeBase } from '../knowledge/model.js';
import { summarizeOpenData } from '../knowledge/open-data/summary.js';
import { terminalProgress } from '../knowledge/progress.js';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "knowledge/: 4 roles, 2 comparisons, 6 topics, 20 aliases" */
function summarize(label: string, kb: KnowledgeBase): string {
  let aliases = 0;
  for (const role of kb.roles.values()) aliases += role.aliases.length;
  return `${label}: ${plural(kb.roles.size, 'role')}, ${plural(kb.comparisons.length, 'comparison')}, ${plural(kb.topics.length, 'topic')}, ${plural(aliases, 'alias', 'aliases')}`;
}

async function main(argv: readonly string[]): Promise<number> {
  loadDotEnv();
  const env = parseEnv(CommonEnvSchema);
  if (!env.ok) {
    console.error(env.message);
    return 1;
  }
  const dir = argv[0] ?? env.env.KNOWLEDGE_DIR;
  const inside = relative(process.cwd(), dir);
  const label = inside === '' ? './' : inside.startsWith('..') ? dir : `${inside}/`;
  // Progress on stderr (a terminal only); the cache makes a second check of a large base quick.
  const result = await loadKnowledgeBase(dir, {
    cacheDir: env.env.CACHE_DIR,
    onProgress: terminalProgress(),
  });
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem(problem));
    console.error(`${label}: ${plural(result.problems.length, 'problem')}; nothing was loaded`);
    return 1;
  }
  console.log(summarize(label, result.kb));
  const open = summarizeOpenData(result.kb);
  if (open !== undefined) {
    const n = (x: number): string => x.toLocaleString('en-US');
    const t = open.titles;
    console.log(
      `open-data/: ${plural(open.occupations, 'occupation')}, ${n(t.primary + t.alternate + t.reported)} titles (${n(t.primary)} primary, ${n(t.alternate)} alternate, ${n(t.reported)} reported, ${n(t.short)} short); ${n(open.sharedNames)} names shared by several occupations, most: ${open.mostShared.map(([name, count]) => `"${name}" ${count}`).join(', ')}`,
    );
  }
  for (const warning of result.warnings) console.log(`warning: ${formatProblem(warning)}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
