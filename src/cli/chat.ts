/**
 * `npm run chat`: a conversation with careerbot in the terminal, on the same engine as the bot.
 * Commands: /help, /reset (forget the conversation), /quit. Knowledge files are watched and reloaded.
 * Works with piped input too: each line is answered in order and the program ends at end of input.
 */
import { createInterface } from 'node:readline';
import { messages } from '../messages.js';
import { chatLine } from './chat-line.js';
import { openTerminalEngine } from './terminal-engine.js';
import { runMain } from './io.js';

async function main(): Promise<number> {
  const opened = await openTerminalEngine({ watch: true });
  if (typeof opened === 'number') return opened;
  const { engine, knowledge } = opened;
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

runMain(main);
