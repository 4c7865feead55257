import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { conversationOf } from '../src/discord/conversation.js';
import { EVERYWHERE } from '../src/discord/install.js';
import { interactionReply } from '../src/discord/respond.js';

/** /ask question: the same as writing the question; shares the conversation with messages here. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a career question, e.g. "COO vs head of ops salary?"')
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts)
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('Your question about roles, duties, skills or salary')
        .setRequired(true)
        .setMaxLength(500),
    ),
  async execute(interaction, ctx) {
    const startedAt = performance.now();
    const question = interaction.options.getString('question', true);
    const turn = ctx.engine.ask(conversationOf(interaction), question);
    const message = ctx.present(turn, {
      userId: interaction.user.id,
      surface: 'slash',
      text: question,
      startedAt,
    });
    await interaction.reply(interactionReply(message));
  },
} satisfies Command;
