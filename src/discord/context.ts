import type { Engine } from '../engine/engine.js';
import type { Logger } from '../log.js';
import type { Present } from './present.js';
import type { ServerSettings } from './server-settings.js';

/** What a command (and the other handlers) gets to work with. One per running client. */
export interface CommandContext {
  readonly engine: Engine;
  readonly logger: Logger;
  /** Per-server settings over the environment's defaults (/config reads and writes them). */
  readonly settings: ServerSettings;
  /** Engine turn -> Discord message (src/render/discord.ts), with this adapter's buttons. */
  readonly present: Present;
}
