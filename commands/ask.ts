import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { conversationId } from '../src/discord/conversation.js';
import { interactionReply } from '../src/discord/respond.js';

/** /ask question: the same as writing the question; shares the conversation with messages here. */
export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask a career question, e.g. "COO vs head of ops salary?"')
    .addStringOption((o) =>
      o
        .setName('question')
        .setDescription('Your question about roles, duties, skills or salary')
        .setRequired(true)
        .setMaxLength(500),
    ),
  async execute(interaction, ctx) {
    const question = interaction.options.getString('question', true);
    const id = conversationId({
      channelId: interaction.channelId,
      userId: interaction.user.id,
      inGuild: interaction.inGuild(),
    });
    const { answer } = ctx.engine.ask(id, question);
    await interaction.reply(interactionReply(ctx.render(answer)));
  },
} satisfies Command;
