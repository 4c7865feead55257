/** Which messages the bot answers, and what it reads of them. Pure: tested without Discord. */

export interface IncomingMessage {
  readonly authorId: string;
  readonly authorIsBot: boolean;
  /** Set for messages sent by a webhook (they look like users but are not). */
  readonly webhookId: string | null;
  readonly inGuild: boolean;
  readonly content: string;
  /** User ids the message mentions directly, or by a reply that pings (not @everyone, @here or roles). */
  readonly mentionedUserIds: readonly string[];
  /** Author of the message this one replies to, when it is a reply. */
  readonly repliedToUserId: string | null;
}

export interface AnswerPolicy {
  /** Does the server answer replies to the bot's messages (/config replies)? */
  readonly replies: boolean;
  /** Is the message's channel (or its thread's parent) an answer channel? Asked only when needed. */
  readonly isAnswerChannel: () => boolean;
}

export type AnswerReason = 'dm' | 'mention' | 'reply' | 'answer-channel';

/** Does the text itself mention the bot (`<@id>` or `<@!id>`)? */
export function mentionsInText(content: string, botId: string): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`);
}

/**
 * Every DM is answered; in a guild only messages that mention the bot, reply to one of its messages
 * (unless the server turned that off), or are in an answer channel. Bots, webhooks and the bot itself
 * are never answered (no loops), nor messages with no text to read (without the Message Content
 * intent Discord sends other messages empty).
 */
export function answerReason(
  message: IncomingMessage,
  botId: string,
  policy: AnswerPolicy,
): AnswerReason | null {
  if (message.authorIsBot || message.webhookId !== null || message.authorId === botId) return null;
  if (message.content.trim() === '') return null;
  if (!message.inGuild) return 'dm';
  if (mentionsInText(message.content, botId)) return 'mention';
  if (message.repliedToUserId === botId) return policy.replies ? 'reply' : null;
  if (message.mentionedUserIds.includes(botId)) return 'mention';
  if (policy.isAnswerChannel()) return 'answer-channel';
  return null;
}

/** Remove mentions of the bot (`<@id>` and `<@!id>`) so "@careerbot coo vs ops manager" reads as the question. */
export function stripBotMention(content: string, botId: string): string {
  return content.split(`<@${botId}>`).join(' ').split(`<@!${botId}>`).join(' ').trim();
}
