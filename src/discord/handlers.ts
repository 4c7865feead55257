import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction, Message } from 'discord.js';
import { clickButton, type ButtonDeps } from './buttons.js';
import type { Command } from './commands.js';
import type { CommandContext } from './context.js';
import { conversationId, cooldownKey } from './conversation.js';
import type { Cooldown } from './cooldown.js';
import { answerReason, stripBotMention, type AnswerReason } from './free-text.js';
import { passesCooldown, sayPrivately } from './gate.js';
import { deliverReply, messageReply, textReply } from './respond.js';
import { safeError } from './safe-error.js';
import { TEXTS } from './texts.js';

export interface HandlerDeps extends ButtonDeps {
  readonly ctx: CommandContext;
  readonly commands: ReadonlyMap<string, Command>;
  readonly cooldown: Cooldown;
}

/** The channel ids that make a message's place an answer channel: its own, and a thread's parent. */
function placeIds(message: Message): string[] {
  const channel = message.channel;
  const parent = channel.isThread() ? channel.parentId : null;
  return parent === null ? [message.channelId] : [message.channelId, parent];
}

/** Free text: decide, cool down, understand, answer with one reply that pings nobody. */
export async function handleMessage(message: Message, deps: HandlerDeps): Promise<void> {
  const startedAt = performance.now();
  const botId = message.client.user.id;
  const { settings, logger: log } = deps.ctx;
  const guildId = message.guildId;
  let reason: AnswerReason | null;
  try {
    reason = answerReason(
      {
        authorId: message.author.id,
        authorIsBot: message.author.bot,
        webhookId: message.webhookId,
        inGuild: guildId !== null,
        content: message.content,
        mentionedUserIds: [...message.mentions.users.keys()],
        repliedToUserId: message.mentions.repliedUser?.id ?? null,
      },
      botId,
      {
        replies: settings.replies(guildId),
        isAnswerChannel: () => guildId !== null && settings.isAnswerChannel(guildId, placeIds(message)),
      },
    );
  } catch (error) {
    log.error({ err: safeError(error), channelId: message.channelId }, 'reading a message failed');
    return;
  }
  if (reason === null) {
    log.trace({ channelId: message.channelId }, 'message not for the bot');
    return;
  }
  try {
    const verdict = deps.cooldown.take(
      cooldownKey(message.author.id, guildId),
      Date.now(),
      settings.cooldown(guildId),
    );
    if (verdict === 'silent') return;
    if (verdict === 'note') {
      await deliverReply(message, { ...textReply(TEXTS.cooldownNote), failIfNotExists: false }, log);
      return;
    }
    const id = conversationId({
      channelId: message.channelId,
      userId: message.author.id,
      inGuild: guildId !== null,
    });
    const text = stripBotMention(message.content, botId);
    const turn = deps.ctx.engine.ask(id, text);
    log.debug({ reason, intent: turn.query.intent, answer: turn.answer.kind }, 'answering a message');
    const reply = deps.ctx.present(turn, { userId: message.author.id, surface: reason, text, startedAt });
    await deliverReply(message, messageReply(reply), log);
  } catch (error) {
    log.error({ err: safeError(error), channelId: message.channelId }, 'answering a message failed');
    try {
      await deliverReply(message, { ...textReply(TEXTS.apology), failIfNotExists: false }, log);
    } catch (second) {
      log.error({ err: safeError(second) }, 'could not send the apology either');
    }
  }
}

/** Slash commands, autocomplete and buttons. */
export async function handleInteraction(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await runCommand(interaction, deps);
    else if (interaction.isAutocomplete()) await runAutocomplete(interaction, deps);
    else if (interaction.isButton()) await clickButton(interaction, deps);
  } catch (error) {
    deps.ctx.logger.error({ err: safeError(error) }, 'handling an interaction failed');
  }
}

async function runCommand(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  const command = deps.commands.get(interaction.commandName);
  if (!command) {
    await sayPrivately(interaction, deps, TEXTS.unknownCommand);
    return;
  }
  if (!(await passesCooldown(interaction, deps))) return;
  try {
    await command.execute(interaction, deps.ctx);
  } catch (error) {
    deps.ctx.logger.error(
      { err: safeError(error), command: interaction.commandName },
      'slash command failed',
    );
    await sayPrivately(interaction, deps, TEXTS.apology);
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
