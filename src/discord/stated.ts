import type { ChatInputCommandInteraction } from 'discord.js';
import type { Query } from '../understand/query.js';
import type { CommandContext } from './context.js';
import { interactionReply } from './respond.js';

/**
 * Answer a command that states its whole question (/help, /roles) privately to whoever ran it, through
 * the same presentation (metrics, feedback buttons) as every other answer.
 */
export async function replyStated(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  query: Query,
  text: string,
): Promise<void> {
  const startedAt = performance.now();
  const turn = { query, answer: ctx.engine.answerQuery(query) };
  const message = ctx.present(turn, { userId: interaction.user.id, surface: 'slash', text, startedAt });
  await interaction.reply(interactionReply(message, { ephemeral: true }));
}
