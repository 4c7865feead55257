import type { Answer } from '../answer/model.js';
import type { Engine, KnowledgeSource } from '../engine.js';
import type { Logger } from '../log.js';
import type { DiscordMessage } from '../render/limits.js';
import type { Query } from '../understand/query.js';
import type { RoleChoice } from './role-choices.js';

/** What a command (and the other handlers) gets to work with. One per running client. */
export interface CommandContext {
  readonly engine: Engine;
  readonly knowledge: KnowledgeSource;
  readonly logger: Logger;
  /** The Discord renderer (src/render/discord.ts): Answer -> plain API message JSON. */
  render(answer: Answer): DiscordMessage;
  /** Known roles matching what the user typed so far, for autocomplete (at most 25). */
  roleChoices(typed: string): RoleChoice[];
  /** Answer a fully specified question and remember its roles and topics for follow-ups. */
  answerAndRemember(conversationId: string, query: Query): Answer;
}
