import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';

/**
 * Where the commands can be used. Installed in a server (guild install) or on a person's account
 * (user install), in servers, in DMs with the bot and in group DMs. Where the bot is not a member
 * (a user install in a server or group DM) the answer is the interaction response; nothing else is sent.
 */
export const EVERYWHERE = Object.freeze({
  integrationTypes: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
});

/** Settings of a server: only in servers that installed the bot. */
export const SERVER_ONLY = Object.freeze({
  integrationTypes: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild],
});

/**
 * The bot's permissions in a server, as the README's invite step lists them (a test holds the two
 * together): read the channels, answer in them and their threads, reply, and show the embed.
 */
export const BOT_PERMISSIONS = Object.freeze([
  { name: 'View Channels', bit: PermissionFlagsBits.ViewChannel },
  { name: 'Send Messages', bit: PermissionFlagsBits.SendMessages },
  { name: 'Send Messages in Threads', bit: PermissionFlagsBits.SendMessagesInThreads },
  { name: 'Read Message History', bit: PermissionFlagsBits.ReadMessageHistory },
  { name: 'Embed Links', bit: PermissionFlagsBits.EmbedLinks },
]);

/** The link that adds the bot to a server: scopes bot and applications.commands, BOT_PERMISSIONS. */
export function inviteUrl(applicationId: string): string {
  const permissions = BOT_PERMISSIONS.reduce((sum, p) => sum | p.bit, 0n);
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: 'bot applications.commands',
    permissions: permissions.toString(),
  });
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
