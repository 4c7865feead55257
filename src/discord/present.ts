import { ButtonStyle } from 'discord.js';
import type { Answer } from '../answer/model.js';
import type { Turn } from '../engine/engine.js';
import { normalizeQuestion } from '../gaps/entry.js';
import type { BotMetrics, Surface } from '../health/metrics.js';
import type { Logger } from '../log.js';
import { renderDiscord, type ActionButton } from '../render/discord.js';
import type { DiscordMessage } from '../render/limits.js';
import type { FeedbackStore } from '../store/feedback.js';
import { encodeFeedbackButton, encodeTopicButton } from './button-codec.js';
import { safeError } from './safe-error.js';
import { TEXTS } from './texts.js';

export type { Surface };

/** Who asked what, where, and when the question arrived. */
export interface Asked {
  readonly userId: string;
  readonly surface: Surface;
  /** The question as the user put it (normalized before it is stored, like the gaps log). */
  readonly text: string;
  /** performance.now() when the question arrived. */
  readonly startedAt: number;
}

/** Answers worth a vote: the ones that state facts. Lists, help, small talk and refusals are not. */
const NO_FEEDBACK: ReadonlySet<Answer['kind']> = new Set(['list', 'help', 'smalltalk', 'clarify', 'unknown']);

export function takesFeedback(answer: Answer): boolean {
  return !NO_FEEDBACK.has(answer.kind);
}

export type Present = (turn: Turn, asked: Asked) => DiscordMessage;

/**
 * Turn an engine turn into the Discord message the bot sends: topic buttons that record who asked,
 * Helpful / Not helpful buttons when the answer takes votes (the answer is recorded first, so a vote
 * always finds it), and the question counted in the metrics. A failing database costs the buttons,
 * never the answer.
 */
export function createPresenter(deps: {
  readonly feedback: FeedbackStore | null;
  readonly metrics: BotMetrics | null;
  readonly logger: Logger;
}): Present {
  let failures = 0;
  const recordAnswer = (turn: Turn, asked: Asked): string | undefined => {
    if (deps.feedback === null || !takesFeedback(turn.answer)) return undefined;
    try {
      return deps.feedback.recordAnswer({
        surface: asked.surface,
        kind: turn.answer.kind,
        roles: turn.query.roles,
        topics: turn.query.topics,
        text: normalizeQuestion(asked.text),
      });
    } catch (error) {
      failures++;
      deps.logger[failures === 1 ? 'error' : 'debug'](
        { err: safeError(error) },
        'could not record an answer for feedback; sent without vote buttons',
      );
      return undefined;
    }
  };
  return (turn, asked) => {
    const answerId = recordAnswer(turn, asked);
    const actions: ActionButton[] | undefined =
      answerId === undefined
        ? undefined
        : [
            {
              label: TEXTS.helpful,
              customId: encodeFeedbackButton('helpful', answerId),
              style: ButtonStyle.Success,
            },
            {
              label: TEXTS.notHelpful,
              customId: encodeFeedbackButton('not-helpful', answerId),
              style: ButtonStyle.Secondary,
            },
          ];
    const message = renderDiscord(turn.answer, {
      topic: (topic, roles) => encodeTopicButton({ topic, roles, asker: asked.userId }),
      actions,
    });
    deps.metrics?.answered(asked.surface, turn, (performance.now() - asked.startedAt) / 1000);
    return message;
  };
}
