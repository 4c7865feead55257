import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { EVERYWHERE } from '../src/discord/install.js';
import { interactionReply } from '../src/discord/respond.js';
import { exactQuery } from '../src/understand/query.js';

/** /help: what to ask and how. */
export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask me about roles, duties, skills and salaries')
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts),
  async execute(interaction, ctx) {
    const startedAt = performance.now();
    const query = exactQuery('help', []);
    const turn = { query, answer: ctx.engine.answerQuery(query) };
    const message = ctx.present(turn, {
      userId: interaction.user.id,
      surface: 'slash',
      text: '/help',
      startedAt,
    });
    await interaction.reply(interactionReply(message, { ephemeral: true }));
  },
} satisfies Command;
