import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { EVERYWHERE } from '../src/discord/install.js';
import { interactionReply } from '../src/discord/respond.js';
import { exactQuery } from '../src/understand/query.js';

/** /roles: every role and comparison the knowledge base holds. */
export default {
  data: new SlashCommandBuilder()
    .setName('roles')
    .setDescription('List the roles and comparisons I know')
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts),
  async execute(interaction, ctx) {
    const startedAt = performance.now();
    const query = exactQuery('list', []);
    const turn = { query, answer: ctx.engine.answerQuery(query) };
    const message = ctx.present(turn, {
      userId: interaction.user.id,
      surface: 'slash',
      text: '/roles',
      startedAt,
    });
    await interaction.reply(interactionReply(message, { ephemeral: true }));
  },
} satisfies Command;
