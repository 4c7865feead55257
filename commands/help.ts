import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import { exactQuery } from '../src/understand/query.js';
import { interactionReply } from '../src/discord/respond.js';

/** /help: what to ask and how. */
export default {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('How to ask me about roles, duties, skills and salaries'),
  async execute(interaction, ctx) {
    const answer = ctx.engine.answerQuery(exactQuery('help', []));
    await interaction.reply(interactionReply(ctx.render(answer), { ephemeral: true }));
  },
} satisfies Command;
