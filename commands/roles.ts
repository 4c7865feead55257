import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { exactQuery } from '../src/understand/query.js';
import { interactionReply } from '../src/discord/respond.js';

/** /roles: every role and comparison the knowledge base holds. */
export default {
  data: new SlashCommandBuilder().setName('roles').setDescription('List the roles and comparisons I know'),
  async execute(interaction, ctx) {
    const answer = ctx.engine.answerQuery(exactQuery('list', []));
    await interaction.reply(interactionReply(ctx.render(answer), { ephemeral: true }));
  },
} satisfies Command;
