import {
  ApplicationIntegrationType,
  ChannelType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { Command } from '../src/discord/commands.js';
import type { CommandContext } from '../src/discord/context.js';
import { SERVER_ONLY } from '../src/discord/install.js';
import { privateText } from '../src/discord/respond.js';
import { CONFIG_TEXTS as T } from '../src/discord/texts.js';
import { MAX_CHANNEL_OVERRIDES } from '../src/store/settings.js';

/** Where answer channels can be: text and announcement channels (their threads follow them). */
const ANSWER_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
] as const;

/**
 * /config: this server's settings, for members with Manage Server (Discord hides the command from
 * others through default_member_permissions, and the bot checks again: a server can override who
 * sees a command). Every answer is private; a change is saved before it is confirmed.
 */
export default {
  data: new SlashCommandBuilder()
    .setName('config')
    .setDescription("Change this server's careerbot settings (Manage Server)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setIntegrationTypes(...SERVER_ONLY.integrationTypes)
    .setContexts(...SERVER_ONLY.contexts)
    .addSubcommandGroup((g) =>
      g
        .setName('channels')
        .setDescription('Answer channels: every message there is a question')
        .addSubcommand((s) =>
          s
            .setName('add')
            .setDescription('Answer every message in a channel (and its threads)')
            .addChannelOption((o) =>
              o
                .setName('channel')
                .setDescription('The channel')
                .setRequired(true)
                .addChannelTypes(...ANSWER_CHANNEL_TYPES),
            ),
        )
        .addSubcommand((s) =>
          s
            .setName('remove')
            .setDescription('Stop answering every message in a channel')
            .addChannelOption((o) =>
              o
                .setName('channel')
                .setDescription('The channel')
                .setRequired(true)
                .addChannelTypes(...ANSWER_CHANNEL_TYPES),
            ),
        )
        .addSubcommand((s) => s.setName('list').setDescription('The answer channels of this server')),
    )
    .addSubcommand((s) =>
      s
        .setName('cooldown')
        .setDescription('How many questions a member may ask in a time')
        .addIntegerOption((o) =>
          o
            .setName('questions')
            .setDescription('Questions allowed per period (0 turns the cooldown off)')
            .setRequired(true)
            .setMinValue(0)
            .setMaxValue(100),
        )
        .addIntegerOption((o) =>
          o
            .setName('seconds')
            .setDescription('Length of the period in seconds (default 10)')
            .setMinValue(1)
            .setMaxValue(3600),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('replies')
        .setDescription('Whether I answer replies to my messages')
        .addBooleanOption((o) =>
          o.setName('answer').setDescription('True: answer replies; false: only mentions').setRequired(true),
        ),
    )
    .addSubcommand((s) => s.setName('show').setDescription("This server's settings")),
  async execute(interaction, ctx) {
    await interaction.reply(privateText(configure(interaction, ctx)));
  },
} satisfies Command;

/** Check who asks and where, apply the change, and say what happened (one private message). */
function configure(interaction: ChatInputCommandInteraction, ctx: CommandContext): string {
  const guildId = interaction.guildId;
  if (guildId === null) return T.onlyInServers;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true)
    return T.needsManageServer;
  if (interaction.authorizingIntegrationOwners[ApplicationIntegrationType.GuildInstall] === undefined)
    return T.notInstalledHere;
  const { settings } = ctx;
  const store = settings.store;
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(true);
  if (group === 'channels' && sub === 'list') return channelList(interaction, ctx, guildId);
  if (sub === 'show') return show(interaction, ctx, guildId);
  if (store === null) return T.saveFailed;
  try {
    if (group === 'channels') {
      if (!settings.defaults.messageContent) return T.needsMessageContent;
      const channel = interaction.options.getChannel('channel', true);
      const current = settings.isAnswerChannel(guildId, [channel.id]);
      const adding = sub === 'add';
      if (adding === current) return adding ? T.channelAlready(channel.id) : T.channelNotAnswer(channel.id);
      if (!store.setChannel(guildId, channel.id, adding)) return T.tooManyChannels(MAX_CHANNEL_OVERRIDES);
      return adding ? T.channelAdded(channel.id) : T.channelRemoved(channel.id);
    }
    if (sub === 'cooldown') {
      const max = interaction.options.getInteger('questions', true);
      const seconds = interaction.options.getInteger('seconds') ?? 10;
      store.setCooldown(guildId, { max, windowMs: seconds * 1000 });
      return T.cooldownSet(max, seconds);
    }
    if (sub === 'replies') {
      const on = interaction.options.getBoolean('answer', true);
      store.setReplies(guildId, on);
      return T.repliesSet(on) + (on && !settings.defaults.messageContent ? T.repliesNeedMention : '');
    }
  } catch (error) {
    ctx.logger.error({ err: error, guildId }, '/config could not save a setting');
    return T.saveFailed;
  }
  return T.saveFailed;
}

function channelList(interaction: ChatInputCommandInteraction, ctx: CommandContext, guildId: string): string {
  if (!ctx.settings.defaults.messageContent) return T.needsMessageContent;
  const channels = ctx.settings.answerChannels(
    guildId,
    (id) => interaction.guild?.channels.cache.has(id) ?? true,
  );
  if (channels.length === 0) return T.noChannels;
  return [
    T.channelsHeading,
    ...channels.map((c) => `- <#${c.channelId}>${c.source === 'default' ? ` ${T.defaultNote}` : ''}`),
  ].join('\n');
}

function show(interaction: ChatInputCommandInteraction, ctx: CommandContext, guildId: string): string {
  const cooldown = ctx.settings.cooldown(guildId);
  const replies = ctx.settings.replies(guildId);
  return [
    channelList(interaction, ctx, guildId),
    '',
    T.cooldownNow(cooldown.max, Math.round(cooldown.windowMs / 1000)),
    T.repliesNow(replies),
  ].join('\n');
}
