import type { RepliableInteraction } from 'discord.js';
import type { CommandContext } from './context.js';
import { cooldownKey } from './conversation.js';
import type { Cooldown } from './cooldown.js';
import { privateText } from './respond.js';
import { safeError } from './safe-error.js';
import { TEXTS } from './texts.js';

interface GateDeps {
  readonly ctx: Pick<CommandContext, 'logger' | 'settings'>;
  readonly cooldown: Cooldown;
}

/** May this interaction go ahead under the cooldown? Refusals get the note privately. */
export async function passesCooldown(interaction: RepliableInteraction, deps: GateDeps): Promise<boolean> {
  const limits = deps.ctx.settings.cooldown(interaction.guildId);
  if (
    deps.cooldown.take(cooldownKey(interaction.user.id, interaction.guildId), Date.now(), limits) === 'allow'
  )
    return true;
  // An interaction must be answered or Discord shows "interaction failed": every refusal gets the
  // note, privately, so the channel stays quiet.
  await sayPrivately(interaction, deps, TEXTS.cooldownNote);
  return false;
}

/** A short private reply; never throws (the interaction may have expired). */
export async function sayPrivately(
  interaction: RepliableInteraction,
  deps: Pick<GateDeps, 'ctx'>,
  text: string,
): Promise<void> {
  const options = privateText(text);
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(options);
    else await interaction.reply(options);
  } catch (error) {
    deps.ctx.logger.error({ err: safeError(error) }, 'could not send a private reply');
  }
}
