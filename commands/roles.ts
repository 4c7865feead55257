import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { EVERYWHERE } from '../src/discord/install.js';
import { replyStated } from '../src/discord/stated.js';
import { exactQuery } from '../src/understand/query.js';

/** /roles: every role and comparison the knowledge base holds. */
export default {
  data: new SlashCommandBuilder()
    .setName('roles')
    .setDescription('List the roles and comparisons I know')
    .setIntegrationTypes(...EVERYWHERE.integrationTypes)
    .setContexts(...EVERYWHERE.contexts),
  async execute(interaction, ctx) {
    await replyStated(interaction, ctx, exactQuery('list', []), '/roles');
  },
} satisfies Command;
