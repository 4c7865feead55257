import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { conversationOf } from '../src/discord/conversation.js';
import { EVERYWHERE } from '../src/discord/install.js';
import { TOPIC_CHOICES } from '../src/discord/queries.js';
import { interactionReply } from '../src/discord/respond.js';

/** /role name [topic]: what one role is about. */
export default {
  data: new SlashCommandBuilder()
    .setName('role')
    .setDescription('What one role does, needs and earns')
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts)
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
    const startedAt = performance.now();
    const name = interaction.options.getString('name', true);
    const topic = interaction.options.getString('topic');
    const turn = ctx.engine.askOptions(conversationOf(interaction), { intent: 'role', roles: [name], topic });
    const text = `${name} ${topic ?? ''}`.trim();
    const message = ctx.present(turn, { userId: interaction.user.id, surface: 'slash', text, startedAt });
    await interaction.reply(interactionReply(message));
  },
  async autocomplete(interaction, ctx) {
    await interaction.respond(ctx.engine.suggestRoles(interaction.options.getFocused()));
  },
} satisfies Command;
