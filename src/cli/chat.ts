/**
 * `npm run chat`: a conversation with careerbot in the terminal, on the same engine as the bot.
 * Commands: /help, /reset (forget the conversation), /quit. Knowledge files are watched and reloaded.
 * Works with piped input too: each line is answered in order and the program ends at end of input.
 */
import { createInterface } from 'node:readline';
import { CommonEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import { createEngine } from '../engine.js';
import { createGapRecorder } from '../gaps/recorder.js';
import { openKnowledge, type ReloadingKnowledge } from '../knowledge/reload.js';
import { createLogger } from '../log.js';
import { messages } from '../messages.js';
import { chatLine } from './chat-line.js';

async function main(): Promise<number> {
  loadDotEnv();
  const env = parseEnv(CommonEnvSchema);
  if (!env.ok) {
    console.error(env.message);
    return 1;
  }
  const logger = createLogger(env.env.LOG_LEVEL);
  let knowledge: ReloadingKnowledge;
  try {
    knowledge = await openKnowledge(env.env.KNOWLEDGE_DIR, logger, { watch: true });
  } catch (error) {
    console.error(messages.knowledgeFailed(env.env.KNOWLEDGE_DIR, (error as Error).message));
    return 1;
  }
  const engine = createEngine({
    knowledge,
    onUnanswered: createGapRecorder({ file: env.env.GAPS_FILE, enabled: env.env.RECORD_GAPS }, logger),
  });
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    historySize: 200,
    crlfDelay: Infinity,
  });
  rl.setPrompt(messages.chatPrompt);
  if (interactive) {
    process.stdout.write(`${messages.chatGreeting}\n`);
    rl.prompt();
  }
  await new Promise<void>((resolve) => {
    rl.on('line', (line) => {
      const result = chatLine(engine, line);
      if (result.output !== undefined) process.stdout.write(`${result.output}\n\n`);
      if (result.quit) rl.close();
      else if (interactive) rl.prompt();
    });
    rl.on('close', () => resolve());
  });
  if (interactive) process.stdout.write(`${messages.chatBye}\n`);
  knowledge.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
