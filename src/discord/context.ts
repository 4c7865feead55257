import type { Answer } from '../answer/model.js';
import type { Engine, KnowledgeSource } from '../engine/engine.js';
import type { Logger } from '../log.js';
import type { DiscordMessage } from '../render/limits.js';

/** What a command (and the other handlers) gets to work with. One per running client. */
export interface CommandContext {
  readonly engine: Engine;
  readonly knowledge: KnowledgeSource;
  readonly logger: Logger;
  /** The Discord renderer (src/render/discord.ts): Answer -> plain API message JSON. */
  render(answer: Answer): DiscordMessage;
}
