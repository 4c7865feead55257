import { Events, Status, type Client } from 'discord.js';
import { createEngine, type Engine, type KnowledgeSource } from '../engine/engine.js';
import { createGapRecorder } from '../gaps/recorder.js';
import { knowledgeTracker } from '../health/knowledge.js';
import { createMetrics, type BotMetrics } from '../health/metrics.js';
import { startHealthServer, type HealthReport, type HealthServer } from '../health/server.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/database.js';
import { feedbackStore } from '../store/feedback.js';
import { settingsStore } from '../store/settings.js';
import type { ConversationStoreOptions } from '../understand/conversation.js';
import type { Query } from '../understand/query.js';
import { sweepDmChannels } from './cache-policy.js';
import { createClient } from './client.js';
import { loadCommands, type Command } from './commands.js';
import { connect } from './connection.js';
import type { CommandContext } from './context.js';
import { Cooldown } from './cooldown.js';
import { handleInteraction, handleMessage, type HandlerDeps } from './handlers.js';
import { inviteUrl } from './install.js';
import { createPresenter } from './present.js';
import { safeError } from './safe-error.js';
import { serverSettings } from './server-settings.js';

export { DM_SWEEP_INTERVAL_MS } from './cache-policy.js';
export { INTENTS, intentsFor } from './client.js';
export { BotStartError, describeLoginFailure } from './connection.js';
export { scrubbingDestination } from './safe-error.js';

export interface StartBotOptions {
  readonly token: string;
  /** REST base such as http://127.0.0.1:PORT/api (a local Discord-compatible server). */
  readonly apiBase?: string | undefined;
  readonly knowledge: KnowledgeSource;
  readonly logger: Logger;
  /** The database (settings, feedback, gaps). Without one: defaults only, no votes, no gaps log. */
  readonly store?: Store | null;
  /** Record unanswered questions in the store (default true). */
  readonly recordGaps?: boolean;
  /** Instead of the store's gaps log (tests). */
  readonly onUnanswered?: (text: string, query: Query) => void;
  /** Default answer channels of every server (ANSWER_CHANNEL_IDS). */
  readonly answerChannelIds?: readonly string[];
  readonly cooldown?: { readonly max: number; readonly windowMs: number };
  /** Ask for the Message Content intent (default true; MESSAGE_CONTENT). */
  readonly messageContent?: boolean;
  readonly conversations?: ConversationStoreOptions;
  /** Commands already loaded; otherwise they are loaded from `commandsDir` (default commands/). */
  readonly commands?: readonly Command[];
  readonly commandsDir?: string;
  /** Called once when the gateway closes for good (bad token, disallowed intents) after start-up. */
  readonly onFatal?: (message: string, code: number) => void;
  /**
   * REST requests per second across all routes (discord.js default 50, Discord's global limit). Only
   * load tests against the local server raise it, to measure the bot rather than the platform's pacing.
   */
  readonly globalRequestsPerSecond?: number;
  /** How often DM channels are dropped from the client's cache (default every 10 minutes). */
  readonly dmSweepIntervalMs?: number;
  /** Serve /healthz and /metrics (HEALTH_PORT, HEALTH_HOST). */
  readonly health?: { readonly port: number; readonly host: string } | undefined;
  /** Run only these shards in this process (tests of several shards in one process). */
  readonly shards?: { readonly ids: readonly number[]; readonly count: number };
}

export interface RunningBot {
  readonly client: Client<true>;
  readonly engine: Engine;
  readonly cooldown: Cooldown;
  readonly metrics: BotMetrics;
  readonly health: HealthServer | undefined;
  /** Gateway state, ping and knowledge version, as GET /healthz reports them. */
  report(): HealthReport;
  /** Log out, close the gateway connection and the health server. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Wire the bot together: engine, per-server settings, feedback, gaps log, metrics, handlers; log in
 * and wait until the gateway is ready. Used by `npm start` (main.ts) and, in-process, by the tests.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const logger = options.logger;
  const store = options.store ?? null;
  const commands = options.commands ?? (await loadCommands(options.commandsDir));
  const onUnanswered =
    options.onUnanswered ??
    (store !== null && options.recordGaps !== false
      ? createGapRecorder({ enabled: true, store }, logger)
      : undefined);
  const engine = createEngine({
    knowledge: options.knowledge,
    ...(options.conversations ? { conversations: options.conversations } : {}),
    ...(onUnanswered ? { onUnanswered } : {}),
  });
  const cooldown = new Cooldown(options.cooldown ?? { max: 5, windowMs: 10_000 });
  const messageContent = options.messageContent ?? true;
  const settings = serverSettings(
    {
      answerChannelIds: options.answerChannelIds ?? [],
      cooldown: cooldown.defaults,
      replies: true,
      messageContent,
    },
    store === null ? null : settingsStore(store),
    logger,
  );
  const feedback = store === null ? null : feedbackStore(store);
  if (feedback !== null) feedback.prune();

  const client = createClient({
    apiBase: options.apiBase,
    messageContent,
    globalRequestsPerSecond: options.globalRequestsPerSecond,
    shards: options.shards,
  });
  const metrics = createMetrics({
    pingMs: () => client.ws.ping,
    roles: () => engine.current().kb.roles.size,
  });
  const ctx: CommandContext = {
    engine,
    logger,
    settings,
    present: createPresenter({ feedback, metrics, logger }),
  };
  const deps: HandlerDeps = {
    ctx,
    commands: new Map(commands.map((c) => [c.data.name, c])),
    cooldown,
    feedback,
    metrics,
  };
  client.on(Events.MessageCreate, (message) => void handleMessage(message, deps));
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.GuildDelete, (guild) => {
    // Removed from a server: forget what it set (an outage arrives as "unavailable" instead).
    try {
      settings.store?.forget(guild.id);
    } catch (error) {
      logger.error({ err: safeError(error), guildId: guild.id }, 'could not forget a server’s settings');
    }
  });

  const knowledgeHealth = knowledgeTracker(options.knowledge);
  const startedAt = Date.now();
  const report = (): HealthReport => {
    const shards = [...client.ws.shards.values()].map((s) => ({
      id: s.id,
      status: Status[s.status],
      pingMs: s.ping,
    }));
    return {
      ready: client.isReady() && shards.length > 0 && shards.every((s) => s.status === Status[Status.Ready]),
      shards,
      pingMs: client.ws.ping,
      knowledge: knowledgeHealth(),
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  };
  let health: HealthServer | undefined;
  if (options.health) {
    try {
      health = await startHealthServer({ ...options.health, report, registry: metrics.registry });
      logger.info({ url: health.url }, 'health and metrics: GET /healthz, GET /metrics');
    } catch (error) {
      await client.destroy();
      throw new Error(
        `Cannot serve health and metrics on ${options.health.host}:${options.health.port}: ${safeError(error).message}. Choose another HEALTH_PORT or leave it empty.`,
        { cause: error },
      );
    }
  }

  let readyClient: Client<true>;
  try {
    readyClient = await connect(client, options.token, logger, options.onFatal);
  } catch (error) {
    await health?.close();
    throw error;
  }
  logger.info(
    {
      user: readyClient.user.tag,
      guilds: readyClient.guilds.cache.size,
      commands: commands.length,
      messageContent,
      database: store?.path,
    },
    'bot is ready',
  );
  logger.info(
    { invite: inviteUrl(readyClient.application.id) },
    'invite link (scopes bot and applications.commands)',
  );
  if (!messageContent)
    logger.warn(
      'running without the Message Content intent: answer channels are off; mentions, DMs and slash commands work',
    );
  const stopSweeping = sweepDmChannels(readyClient, options.dmSweepIntervalMs);

  let stopped = false;
  return {
    client: readyClient,
    engine,
    cooldown,
    metrics,
    health,
    report,
    async stop() {
      if (stopped) return;
      stopped = true;
      stopSweeping();
      await health?.close();
      await client.destroy();
    },
  };
}
