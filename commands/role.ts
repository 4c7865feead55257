import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { conversationId } from '../src/discord/conversation.js';
import { TOPIC_CHOICES } from '../src/discord/queries.js';
import { interactionReply } from '../src/discord/respond.js';

/** /role name [topic]: what one role is about. */
export default {
  data: new SlashCommandBuilder()
    .setName('role')
    .setDescription('What one role does, needs and earns')
    .addStringOption((o) =>
      o
        .setName('name')
        .setDescription('A role, e.g. operations manager')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('topic')
        .setDescription('What to show (default: overview)')
        .addChoices(...TOPIC_CHOICES),
    ),
  async execute(interaction, ctx) {
    const name = interaction.options.getString('name', true);
    const topic = interaction.options.getString('topic');
    const id = conversationId({
      channelId: interaction.channelId,
      userId: interaction.user.id,
      inGuild: interaction.inGuild(),
    });
    const { answer } = ctx.engine.askOptions(id, { intent: 'role', roles: [name], topic });
    await interaction.reply(interactionReply(ctx.render(answer)));
  },
  async autocomplete(interaction, ctx) {
    await interaction.respond(ctx.engine.suggestRoles(interaction.options.getFocused()));
  },
} satisfies Command;
