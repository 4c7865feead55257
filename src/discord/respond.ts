import {
  MessageFlags,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type Message,
  type MessageMentionOptions,
  type MessageReplyOptions,
} from 'discord.js';
import type { Logger } from '../log.js';
import type { DiscordMessage } from '../render/limits.js';
import { discordErrorCode, safeError } from './safe-error.js';
import { TEXTS } from './texts.js';

/** Nobody is pinged: no @everyone/@here, roles or users, and replies do not ping their author. */
export const NO_PINGS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

/** Discord's JSON error codes the bot acts on. */
export const DISCORD_ERRORS = Object.freeze({
  missingAccess: 50001,
  missingPermissions: 50013,
  cannotDmUser: 50007,
  /** "Cannot reply without permission to read message history". */
  replyNeedsHistory: 160002,
});

/** The parts of a rendered answer every kind of send takes, in discord.js's option names. */
interface Body extends Pick<DiscordMessage, 'embeds' | 'components'> {
  content?: string;
  allowedMentions: MessageMentionOptions;
}

function body(message: DiscordMessage): Body {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { ...NO_PINGS },
  };
}

/** A rendered answer as the options of message.reply(). */
export function messageReply(message: DiscordMessage): MessageReplyOptions {
  return { ...body(message), failIfNotExists: false };
}

/** A rendered answer as the options of interaction.reply(). */
export function interactionReply(
  message: DiscordMessage,
  options: { ephemeral?: boolean } = {},
): InteractionReplyOptions {
  return { ...body(message), ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) };
}

/** A rendered answer replacing the message a button sits on (content cleared when the new one has none). */
export function interactionUpdate(message: DiscordMessage): InteractionUpdateOptions {
  return { ...body(message), content: message.content ?? '' };
}

/** A short text-only reply (notes, apologies). */
export function textReply(text: string): { content: string; allowedMentions: MessageMentionOptions } {
  return { content: text, allowedMentions: { ...NO_PINGS } };
}

/** A short private reply to an interaction. */
export function privateText(text: string): InteractionReplyOptions {
  return { ...textReply(text), flags: MessageFlags.Ephemeral };
}

/** How an answer to a message reached its author. */
export type Delivery = 'replied' | 'posted' | 'direct-message' | 'undelivered';

/**
 * Reply to a message, coping with what a server's permissions refuse: without Read Message History
 * the answer is posted without the reply link; without Send Messages (or access) it goes to the
 * author by DM with a note saying why. Each refusal is logged once per attempt, never thrown; other
 * failures are thrown to the caller (which apologizes).
 */
export async function deliverReply(
  message: Message,
  options: MessageReplyOptions,
  logger: Logger,
): Promise<Delivery> {
  let failure: unknown;
  try {
    await message.reply(options);
    return 'replied';
  } catch (error) {
    failure = error;
  }
  const where = { channelId: message.channelId, guildId: message.guildId };
  if (discordErrorCode(failure) === DISCORD_ERRORS.replyNeedsHistory && message.channel.isSendable()) {
    logger.warn(
      { ...where, code: DISCORD_ERRORS.replyNeedsHistory },
      'cannot reply here; posting without the reply link',
    );
    try {
      const { failIfNotExists: _ignored, ...plain } = options;
      await message.channel.send(plain);
      return 'posted';
    } catch (error) {
      failure = error;
    }
  }
  const code = discordErrorCode(failure);
  if (code !== DISCORD_ERRORS.missingPermissions && code !== DISCORD_ERRORS.missingAccess) throw failure;
  logger.warn(
    { ...where, code, err: safeError(failure) },
    'missing permission to answer in this channel; answering the author privately',
  );
  if (!message.inGuild()) return 'undelivered';
  try {
    const { failIfNotExists: _ignored, ...plain } = options;
    const note = TEXTS.answeredPrivately(message.channelId);
    await message.author.send({
      ...plain,
      content: plain.content === undefined ? note : `${note}\n\n${plain.content}`,
    });
    return 'direct-message';
  } catch (error) {
    logger.warn(
      { ...where, code: discordErrorCode(error), err: safeError(error) },
      'could not answer privately either (DMs closed?); the question goes unanswered',
    );
    return 'undelivered';
  }
}
