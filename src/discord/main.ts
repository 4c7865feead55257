import { openKnowledge, type ReloadingKnowledge } from '../engine/reload.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/database.js';
import type { RunningBot } from './bot.js';
import { safeError } from './safe-error.js';
import { botStartup, SettingsError, type BotStartup } from './startup.js';

/** How long shutdown may take before the process leaves anyway. */
const SHUTDOWN_GRACE_MS = 4_000;

function fail(message: string): never {
  console.error(`careerbot: ${message}`);
  process.exit(1);
}

/**
 * `npm start` (and each shard of start:sharded): settings, database, knowledge, the bot; exits 1 with
 * a clear message when it cannot run, 0 on SIGINT/SIGTERM after closing the gateway and the database.
 */
async function main(): Promise<void> {
  let startup: BotStartup;
  try {
    startup = botStartup();
  } catch (error) {
    if (error instanceof SettingsError) fail(error.message);
    throw error;
  }
  const { env } = startup;
  const logger: Logger = startup.logger;
  // discord.js and the database load only once the settings are known to be usable.
  const { BotStartError, startBot } = await import('./bot.js');
  const { openStore, StoreError } = await import('../store/database.js');

  let bot: RunningBot | undefined;
  let knowledge: ReloadingKnowledge | undefined;
  let store: Store | undefined;
  process.on('unhandledRejection', (reason) =>
    logger.error({ err: safeError(reason) }, 'unhandled promise rejection'),
  );
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    (bot?.stop() ?? Promise.resolve())
      .catch((error: unknown) => logger.error({ err: safeError(error) }, 'error while shutting down'))
      .finally(() => {
        knowledge?.close();
        store?.close();
        process.exit(0);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  try {
    store = openStore(env.DATABASE_FILE);
  } catch (error) {
    if (error instanceof StoreError) fail(error.message);
    throw error;
  }
  if (store.migrated.from !== store.migrated.to)
    logger.info({ database: store.path, ...store.migrated }, 'database schema migrated');

  try {
    knowledge = await openKnowledge(env.KNOWLEDGE_DIR, logger, {
      watch: true,
      cacheDir: env.CACHE_DIR,
      onReload: (ok) => {
        bot?.metrics.reloaded(ok);
        // Autocomplete's index is built on first use: build it now, not on someone's first keystroke.
        setImmediate(() => void reloadable.current().choices);
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const reloadable = knowledge;
  process.on('SIGHUP', () => {
    reloadable
      .reload()
      .then((ok) => logger.info({ ok }, 'knowledge reloaded on SIGHUP'))
      .catch((error: unknown) => logger.error({ err: safeError(error) }, 'reload on SIGHUP failed'));
  });

  try {
    bot = await startBot({
      token: env.DISCORD_TOKEN,
      apiBase: env.DISCORD_API_BASE,
      knowledge: reloadable,
      logger,
      store,
      recordGaps: env.RECORD_GAPS,
      answerChannelIds: env.ANSWER_CHANNEL_IDS,
      cooldown: { max: env.COOLDOWN_MAX, windowMs: env.COOLDOWN_WINDOW_MS },
      messageContent: env.MESSAGE_CONTENT,
      health: env.HEALTH_PORT === undefined ? undefined : { port: env.HEALTH_PORT, host: env.HEALTH_HOST },
      onFatal: (message) => {
        logger.fatal('the gateway closed for good');
        bot?.stop().catch(() => undefined);
        store.close();
        fail(message);
      },
    });
  } catch (error) {
    if (error instanceof BotStartError) fail(error.message);
    throw error;
  }
  // Autocomplete's index is built on first use: build it now, not on someone's first keystroke.
  setImmediate(() => void reloadable.current().choices);
}

main().catch((error: unknown) => fail(`could not start: ${safeError(error).message}`));
