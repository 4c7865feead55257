import type { Engine } from '../engine/engine.js';
import { messages } from '../messages.js';
import { quoteUserTextForTerminal } from '../render/escape.js';
import { renderText } from '../render/text.js';
import { helpQuery } from '../understand/query.js';

/** The conversation id of the terminal chat: one person, one conversation. */
export const CONVERSATION = 'terminal';

/** What one line of input produces: text to print, and whether to stop. */
export function chatLine(engine: Engine, line: string): { output?: string; quit?: true } {
  const text = line.trim();
  if (text === '') return {};
  if (text.startsWith('/')) {
    const command = text.split(/\s/, 1)[0]?.toLowerCase() ?? '';
    switch (command) {
      case '/quit':
      case '/exit':
        return { quit: true };
      case '/reset':
        engine.reset(CONVERSATION);
        return { output: messages.chatReset };
      case '/help':
        return {
          output: renderText(engine.answerQuery(helpQuery())),
        };
      default:
        return { output: messages.chatUnknownCommand(quoteUserTextForTerminal(command, 30)) };
    }
  }
  try {
    return { output: renderText(engine.ask(CONVERSATION, text).answer) };
  } catch (error) {
    // A bug costs this answer, not the chat: apologize, the details on stderr.
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { output: messages.answerFailed };
  }
}
