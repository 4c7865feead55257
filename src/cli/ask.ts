/**
 * `npm run ask -- [--json | --jsonl] "question"`: one answer (or one per input line) on stdout,
 * nothing else there; logs and errors go to stderr.
 *
 *   plain    the answer as the terminal shows it
 *   --json   one object {"intent","roles":[{"id","title"}],"sections","confidence","text"}
 *   --jsonl  reads lines {"conversation": id, "text": question} from stdin and writes exactly one object
 *            per non-blank line, in order: the same keys plus "conversation", or
 *            {"conversation"?, "error"} for a line that is not JSON or not of that shape. Context is kept
 *            per conversation id. Blank lines are skipped (no output).
 */
import { createInterface } from 'node:readline';
import { messages } from '../messages.js';
import { renderJson } from '../render/json.js';
import { renderText } from '../render/text.js';
import { answerJsonlLine } from './jsonl.js';
import { openTerminalEngine } from './terminal-engine.js';
import { runMain } from './io.js';

type Mode = 'text' | 'json' | 'jsonl';

function parseArgs(argv: readonly string[]): { mode: Mode; question: string } | undefined {
  let mode: Mode = 'text';
  const words: string[] = [];
  for (const arg of argv) {
    if (arg === '--json') mode = 'json';
    else if (arg === '--jsonl') mode = 'jsonl';
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) return undefined;
    else words.push(arg);
  }
  const question = words.join(' ').trim();
  if (mode === 'jsonl' ? question !== '' : question === '') return undefined;
  return { mode, question };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(messages.askUsage);
    return 2;
  }
  const opened = await openTerminalEngine({ watch: false });
  if (typeof opened === 'number') return opened;
  const { engine, knowledge } = opened;
  try {
    if (args.mode === 'text') {
      process.stdout.write(`${renderText(engine.ask('cli', args.question).answer)}\n`);
    } else if (args.mode === 'json') {
      process.stdout.write(`${JSON.stringify(renderJson(engine.ask('cli', args.question)))}\n`);
    } else {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (line.trim() === '') continue;
        process.stdout.write(`${JSON.stringify(answerJsonlLine(engine, line))}\n`);
      }
    }
  } finally {
    knowledge.close();
  }
  return 0;
}

runMain(main);
