import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { EVERYWHERE } from '../src/discord/install.js';
import { replyStated } from '../src/discord/stated.js';
import { exactQuery } from '../src/understand/query.js';

/** /help: what to ask and how. */
export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask me about roles, duties, skills and salaries')
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts),
  async execute(interaction, ctx) {
    await replyStated(interaction, ctx, exactQuery('help', []), '/help');
  },
} satisfies Command;
