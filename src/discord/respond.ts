import {
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageMentionOptions,
  type MessageReplyOptions,
} from 'discord.js';
import type { DiscordMessage } from '../render/limits.js';

/** Nobody is pinged: no @everyone/@here, roles or users, and replies do not ping their author. */
export const NO_PINGS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });

interface Body {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: MessageMentionOptions;
}

function body(message: DiscordMessage): Body {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds as APIEmbed[],
    components: message.components as APIActionRowComponent<APIComponentInMessageActionRow>[],
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
