import { BotEnvSchema, loadDotEnv, parseEnv, type BotEnv } from '../config/env.js';
import { createLogger, type Logger } from '../log.js';
import { scrubbingDestination } from './safe-error.js';
import { FATAL } from './texts.js';

export interface BotStartup {
  readonly env: BotEnv;
  /** JSON lines on stderr, with the token scrubbed from every line. */
  readonly logger: Logger;
}

/** The settings cannot be used; the message says which and how to fix it (never the token). */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * The start-up every Discord entry point shares (npm start, start:sharded, deploy-commands): `.env`,
 * the token first (the most common mistake gets its own message), every other setting, the logger.
 * Throws SettingsError; the entry point prints it and exits 1.
 */
export function botStartup(env: NodeJS.ProcessEnv = process.env): BotStartup {
  if (env === process.env) loadDotEnv();
  if (!env['DISCORD_TOKEN']) throw new SettingsError(FATAL.missingToken);
  const parsed = parseEnv(BotEnvSchema, env);
  if (!parsed.ok) throw new SettingsError(parsed.message);
  return {
    env: parsed.env,
    logger: createLogger(parsed.env.LOG_LEVEL, scrubbingDestination(parsed.env.DISCORD_TOKEN)),
  };
}
