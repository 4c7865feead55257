import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type Message,
  type RepliableInteraction,
} from 'discord.js';
import type { Query } from '../understand/query.js';
import type { Command } from './commands.js';
import type { CommandContext } from './context.js';
import { conversationId } from './conversation.js';
import type { Cooldown } from './cooldown.js';
import { safeError } from './safe-error.js';
import { answerReason, stripBotMention } from './free-text.js';
import { interactionUpdate, messageReply, textReply } from './respond.js';
import { TEXTS } from './texts.js';

export interface HandlerDeps {
  readonly ctx: CommandContext;
  readonly commands: ReadonlyMap<string, Command>;
  readonly cooldown: Cooldown;
  readonly answerChannels: ReadonlySet<string>;
  /** Decode a topic button's custom_id into the question it stands for; undefined when it is not ours. */
  readonly buttonQuery: (customId: string) => Query | undefined;
}

/** Free text: decide, cool down, understand, answer with one reply that pings nobody. */
export async function handleMessage(message: Message, deps: HandlerDeps): Promise<void> {
  const botId = message.client.user.id;
  const reason = answerReason(
    {
      authorId: message.author.id,
      authorIsBot: message.author.bot,
      webhookId: message.webhookId,
      inGuild: message.inGuild(),
      channelId: message.channelId,
      mentionedUserIds: [...message.mentions.users.keys()],
      repliedToUserId: message.mentions.repliedUser?.id ?? null,
    },
    botId,
    deps.answerChannels,
  );
  const log = deps.ctx.logger;
  if (reason === null) {
    log.trace({ channelId: message.channelId }, 'message not for the bot');
    return;
  }
  try {
    const verdict = deps.cooldown.take(message.author.id);
    if (verdict === 'silent') return;
    if (verdict === 'note') {
      await message.reply({ ...textReply(TEXTS.cooldownNote), failIfNotExists: false });
      return;
    }
    const id = conversationId({
      channelId: message.channelId,
      userId: message.author.id,
      inGuild: message.inGuild(),
    });
    const turn = deps.ctx.engine.ask(id, stripBotMention(message.content, botId));
    log.debug({ reason, intent: turn.query.intent, answer: turn.answer.kind }, 'answering a message');
    await message.reply(messageReply(deps.ctx.render(turn.answer)));
  } catch (error) {
    log.error({ err: safeError(error), channelId: message.channelId }, 'answering a message failed');
    try {
      await message.reply({ ...textReply(TEXTS.apology), failIfNotExists: false });
    } catch (second) {
      log.error({ err: safeError(second) }, 'could not send the apology either');
    }
  }
}

/** Slash commands, autocomplete and topic buttons. */
export async function handleInteraction(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  if (interaction.isChatInputCommand()) return runCommand(interaction, deps);
  if (interaction.isAutocomplete()) return runAutocomplete(interaction, deps);
  if (interaction.isButton()) return clickButton(interaction, deps);
}

async function runCommand(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  if (!command) {
    await apologize(interaction, deps, TEXTS.unknownCommand);
    return;
  }
  // A slash command must be answered or Discord shows "interaction failed": every refusal gets the
  // note, privately, so the channel stays quiet.
  if (deps.cooldown.take(interaction.user.id) !== 'allow') {
    await apologize(interaction, deps, TEXTS.cooldownNote);
    return;
  }
  try {
    await command.execute(interaction, deps.ctx);
  } catch (error) {
    deps.ctx.logger.error(
      { err: safeError(error), command: interaction.commandName },
      'slash command failed',
    );
    await apologize(interaction, deps, TEXTS.apology);
  }
}

async function runAutocomplete(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  try {
    if (command?.autocomplete) await command.autocomplete(interaction, deps.ctx);
    else await interaction.respond([]);
  } catch (error) {
    deps.ctx.logger.error({ err: safeError(error), command: interaction.commandName }, 'autocomplete failed');
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

async function clickButton(interaction: ButtonInteraction, deps: HandlerDeps): Promise<void> {
  try {
    const query = deps.buttonQuery(interaction.customId);
    if (!query) {
      await apologize(interaction, deps, TEXTS.staleButton);
      return;
    }
    if (deps.cooldown.take(interaction.user.id) !== 'allow') {
      await apologize(interaction, deps, TEXTS.cooldownNote);
      return;
    }
    const answer = deps.ctx.engine.answerQuery(query);
    await interaction.update(interactionUpdate(deps.ctx.render(answer)));
  } catch (error) {
    deps.ctx.logger.error({ err: safeError(error) }, 'topic button failed');
    await apologize(interaction, deps, TEXTS.apology);
  }
}

/** A short private reply; never throws (the interaction may have expired). */
async function apologize(interaction: RepliableInteraction, deps: HandlerDeps, text: string): Promise<void> {
  const options = { ...textReply(text), flags: MessageFlags.Ephemeral } as const;
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(options);
    else await interaction.reply(options);
  } catch (error) {
    deps.ctx.logger.error({ err: safeError(error) }, 'could not send the apology');
  }
}
