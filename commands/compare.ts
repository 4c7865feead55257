import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { conversationId } from '../src/discord/conversation.js';
import { TOPIC_CHOICES } from '../src/discord/queries.js';
import { interactionReply } from '../src/discord/respond.js';

/** /compare first second [topic]: two roles side by side. */
export default {
  data: new SlashCommandBuilder()
    .setName('compare')
    .setDescription('Compare two roles side by side')
    .addStringOption((o) =>
      o
        .setName('first')
        .setDescription('A role, e.g. COO')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('second')
        .setDescription('Another role, e.g. head of operations')
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('topic')
        .setDescription('What to compare (default: overview)')
        .addChoices(...TOPIC_CHOICES),
    ),
  async execute(interaction, ctx) {
    const first = interaction.options.getString('first', true);
    const second = interaction.options.getString('second', true);
    const topic = interaction.options.getString('topic');
    const id = conversationId({
      channelId: interaction.channelId,
      userId: interaction.user.id,
      inGuild: interaction.inGuild(),
    });
    const { answer } = ctx.engine.askOptions(id, { intent: 'compare', roles: [first, second], topic });
    await interaction.reply(interactionReply(ctx.render(answer)));
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(ctx.engine.suggestRoles(focused.value));
  },
} satisfies Command;
