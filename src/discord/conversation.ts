/**
 * A DM channel is one conversation; in a guild each (channel, user) pair is one, so two people in the
 * same channel do not share follow-ups. Messages and slash commands in the same place share it.
 */
export function conversationId(where: { channelId: string; userId: string; inGuild: boolean }): string {
  return where.inGuild ? `${where.channelId}:${where.userId}` : where.channelId;
}
