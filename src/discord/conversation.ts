/**
 * A DM channel is one conversation; in a guild each (channel, user) pair is one, so two people in the
 * same channel do not share follow-ups. Messages, slash commands and buttons in the same place share it.
 */
export function conversationId(where: { channelId: string; userId: string; inGuild: boolean }): string {
  return where.inGuild ? `${where.channelId}:${where.userId}` : where.channelId;
}

/** The conversation of an interaction (slash command or button). */
export function conversationOf(interaction: {
  readonly channelId: string | null;
  readonly user: { readonly id: string };
  readonly guildId: string | null;
}): string {
  return conversationId({
    channelId: interaction.channelId ?? `user:${interaction.user.id}`,
    userId: interaction.user.id,
    inGuild: interaction.guildId !== null,
  });
}

/** The cooldown is kept per person and server (a server sets its own limit); DMs are one place. */
export function cooldownKey(userId: string, guildId: string | null): string {
  return guildId === null ? userId : `${guildId}:${userId}`;
}
