import type { ButtonInteraction } from 'discord.js';
import type { BotMetrics } from '../health/metrics.js';
import type { FeedbackStore } from '../store/feedback.js';
import { decodeButton, queryForTopicButton, type ButtonAction } from './button-codec.js';
import { conversationOf } from './conversation.js';
import { passesCooldown, sayPrivately } from './gate.js';
import type { HandlerDeps } from './handlers.js';
import { interactionReply, interactionUpdate } from './respond.js';
import { safeError } from './safe-error.js';
import { TEXTS } from './texts.js';

/** What buttons need beyond the handlers' own deps. */
export interface ButtonDeps {
  readonly feedback: FeedbackStore | null;
  readonly metrics: BotMetrics | null;
}

/**
 * Who may change the message a button sits on: only the person who asked, as recorded in the
 * custom_id; when Discord says which user's command made the message, that user too must match.
 */
function isAsker(interaction: ButtonInteraction, action: Extract<ButtonAction, { kind: 'topic' }>): boolean {
  if (action.asker === undefined || action.asker !== interaction.user.id) return false;
  const invoker = interaction.message.interactionMetadata?.user.id;
  return invoker === undefined || invoker === interaction.user.id;
}

/**
 * A click. Topic buttons: the asker's click switches the answer in place; anyone else gets the same
 * answer privately and the public message stays as it was. Feedback buttons: one vote per person and
 * answer, confirmed privately. A button that can no longer be answered (tampered, or naming a role or
 * topic the knowledge base no longer has) gets a private note and changes nothing.
 */
export async function clickButton(
  interaction: ButtonInteraction,
  deps: HandlerDeps & ButtonDeps,
): Promise<void> {
  const action = decodeButton(interaction.customId);
  if (action === undefined) {
    deps.ctx.logger.debug({ customId: interaction.customId.slice(0, 100) }, 'a button this bot did not make');
    await sayPrivately(interaction, deps, TEXTS.staleButton);
    return;
  }
  if (action.kind === 'feedback') {
    await vote(interaction, action, deps);
    return;
  }
  try {
    await switchTopic(interaction, action, deps);
  } catch (error) {
    deps.ctx.logger.error({ err: safeError(error) }, 'topic button failed');
    await sayPrivately(interaction, deps, TEXTS.apology);
  }
}

async function switchTopic(
  interaction: ButtonInteraction,
  action: Extract<ButtonAction, { kind: 'topic' }>,
  deps: HandlerDeps & ButtonDeps,
): Promise<void> {
  const startedAt = performance.now();
  const { kb } = deps.ctx.engine.current();
  const answerable =
    action.roles.every((id) => kb.roles.has(id)) && kb.topics.some((t) => t.id === action.topic);
  if (!answerable) {
    await sayPrivately(interaction, deps, TEXTS.staleButton);
    return;
  }
  if (!(await passesCooldown(interaction, deps))) return;
  const turn = deps.ctx.engine.answer(conversationOf(interaction), queryForTopicButton(action));
  const titles = action.roles.map((id) => kb.roles.get(id)?.title ?? id).join(' vs ');
  const message = deps.ctx.present(turn, {
    userId: interaction.user.id,
    surface: 'button',
    text: `${titles}: ${action.topic}`,
    startedAt,
  });
  if (isAsker(interaction, action)) await interaction.update(interactionUpdate(message));
  else await interaction.reply(interactionReply(message, { ephemeral: true }));
}

async function vote(
  interaction: ButtonInteraction,
  action: Extract<ButtonAction, { kind: 'feedback' }>,
  deps: HandlerDeps & ButtonDeps,
): Promise<void> {
  if (deps.feedback === null) {
    await sayPrivately(interaction, deps, TEXTS.feedbackUnavailable);
    return;
  }
  if (!(await passesCooldown(interaction, deps))) return;
  let outcome;
  try {
    outcome = deps.feedback.vote(action.answerId, interaction.user.id, action.vote);
  } catch (error) {
    deps.ctx.logger.error({ err: safeError(error) }, 'could not record a vote');
    await sayPrivately(interaction, deps, TEXTS.feedbackUnavailable);
    return;
  }
  const helpful = action.vote === 'helpful';
  if (outcome === 'recorded' || outcome === 'changed') deps.metrics?.voted(action.vote);
  const text =
    outcome === 'unknown-answer'
      ? TEXTS.staleButton
      : outcome === 'recorded'
        ? TEXTS.voteRecorded(helpful)
        : outcome === 'changed'
          ? TEXTS.voteChanged(helpful)
          : TEXTS.voteUnchanged(helpful);
  await sayPrivately(interaction, deps, text);
}
