import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { conversationOf } from '../src/discord/conversation.js';
import { EVERYWHERE } from '../src/discord/install.js';
import { TOPIC_CHOICES } from '../src/discord/queries.js';
import { interactionReply } from '../src/discord/respond.js';

/** /compare first second [topic]: two roles side by side. */
export default {
  data: new SlashCommandBuilder()
    .setName('compare')
    .setDescription('Compare two roles side by side')
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts)
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
    const startedAt = performance.now();
    const first = interaction.options.getString('first', true);
    const second = interaction.options.getString('second', true);
    const topic = interaction.options.getString('topic');
    const turn = ctx.engine.askOptions(conversationOf(interaction), {
      intent: 'compare',
      roles: [first, second],
      topic,
    });
    const text = `${first} vs ${second} ${topic ?? ''}`.trim();
    const message = ctx.present(turn, { userId: interaction.user.id, surface: 'slash', text, startedAt });
    await interaction.reply(interactionReply(message));
  },
  async autocomplete(interaction, ctx) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(ctx.engine.suggestRoles(focused.value));
  },
} satisfies Command;
