/** Which messages the bot answers, and what it reads of them. Pure: tested without Discord. */

export interface IncomingMessage {
  readonly authorId: string;
  readonly authorIsBot: boolean;
  /** Set for messages sent by a webhook (they look like users but are not). */
  readonly webhookId: string | null;
  readonly inGuild: boolean;
  readonly channelId: string;
  /** User ids the message mentions directly (not @everyone, @here or roles). */
  readonly mentionedUserIds: readonly string[];
  /** Author of the message this one replies to, when it is a reply. */
  readonly repliedToUserId: string | null;
}

export type AnswerReason = 'dm' | 'mention' | 'reply' | 'answer-channel';

/**
 * Every DM is answered; in a guild only messages that mention the bot, reply to one of its messages,
 * or are in an answer channel. Bots, webhooks and the bot itself are never answered (no loops).
 */
export function answerReason(
  message: IncomingMessage,
  botId: string,
  answerChannels: ReadonlySet<string>,
): AnswerReason | null {
  if (message.authorIsBot || message.webhookId !== null || message.authorId === botId) return null;
  if (!message.inGuild) return 'dm';
  if (message.mentionedUserIds.includes(botId)) return 'mention';
  if (message.repliedToUserId === botId) return 'reply';
  if (answerChannels.has(message.channelId)) return 'answer-channel';
  return null;
}

/** Remove mentions of the bot (`<@id>` and `<@!id>`) so "@careerbot coo vs ops manager" reads as the question. */
export function stripBotMention(content: string, botId: string): string {
  return content.split(`<@${botId}>`).join(' ').split(`<@!${botId}>`).join(' ').trim();
}
