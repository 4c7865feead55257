import { BotEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import { createGapRecorder } from '../gaps/recorder.js';
import { openKnowledge } from '../engine/reload.js';
import { createLogger, type Logger } from '../log.js';
import type { RunningBot } from './bot.js';
import { safeError } from './safe-error.js';
import { FATAL } from './texts.js';

/** How long shutdown may take before the process leaves anyway. */
const SHUTDOWN_GRACE_MS = 4_000;

function fail(message: string): never {
  console.error(`careerbot: ${message}`);
  process.exit(1);
}

/** `npm start`: settings, knowledge, gaps log, the bot; exits 1 with a clear message when it cannot run. */
async function main(): Promise<void> {
  loadDotEnv();
  if (!process.env['DISCORD_TOKEN']) fail(FATAL.missingToken);
  const parsed = parseEnv(BotEnvSchema);
  if (!parsed.ok) fail(parsed.message);
  const env = parsed.env;
  // discord.js loads only once the settings are known to be usable: a missing token fails at once.
  const { BotStartError, scrubbingDestination, startBot } = await import('./bot.js');
  const logger: Logger = createLogger(env.LOG_LEVEL, scrubbingDestination(env.DISCORD_TOKEN));

  let bot: RunningBot | undefined;
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: safeError(reason) }, 'unhandled promise rejection'),
  );
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    void (bot?.stop() ?? Promise.resolve())
      .catch((error: unknown) => logger.error({ err: safeError(error) }, 'error while shutting down'))
      .finally(() => {
        knowledge?.close();
        process.exit(0);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  let knowledge: Awaited<ReturnType<typeof openKnowledge>> | undefined;
  try {
    knowledge = await openKnowledge(env.KNOWLEDGE_DIR, logger, { watch: true, cacheDir: env.CACHE_DIR });
  } catch (error) {
    fail((error as Error).message);
  }
  const reloadable = knowledge;
  process.on('SIGHUP', () => {
    void reloadable.reload().then((ok) => logger.info({ ok }, 'knowledge reloaded on SIGHUP'));
  });

  try {
    bot = await startBot({
      token: env.DISCORD_TOKEN,
      apiBase: env.DISCORD_API_BASE,
      knowledge: reloadable,
      logger,
      answerChannelIds: env.ANSWER_CHANNEL_IDS,
      cooldown: { max: env.COOLDOWN_MAX, windowMs: env.COOLDOWN_WINDOW_MS },
      onUnanswered: createGapRecorder({ file: env.GAPS_FILE, enabled: env.RECORD_GAPS }, logger),
      onFatal: (message) => {
        logger.fatal('the gateway closed for good');
        void bot?.stop().catch(() => undefined);
        fail(message);
      },
    });
  } catch (error) {
    if (error instanceof BotStartError) fail(error.message);
    throw error;
  }
}

main().catch((error: unknown) => fail(`could not start: ${safeError(error).message}`));
