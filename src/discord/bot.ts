import { Writable } from 'node:stream';
import {
  ActivityType,
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  Options,
  Partials,
  type CloseEvent,
} from 'discord.js';
import { createEngine, type Engine, type KnowledgeSource } from '../engine/engine.js';
import type { Logger } from '../log.js';
import { decodeTopicButton, queryForButton, renderDiscord } from '../render/discord.js';
import type { ConversationStoreOptions } from '../understand/conversation.js';
import type { Query } from '../understand/query.js';
import { loadCommands, type Command } from './commands.js';
import type { CommandContext } from './context.js';
import { Cooldown } from './cooldown.js';
import { handleInteraction, handleMessage, type HandlerDeps } from './handlers.js';
import { NO_PINGS } from './respond.js';
import { safeError } from './safe-error.js';
import { FATAL, TEXTS } from './texts.js';

/** Exactly what the bot needs: guild channels, their messages and content, and DMs. */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
] as const;

/** Gateway close codes after which reconnecting cannot help; each maps to what the operator must fix. */
const FATAL_CLOSES: ReadonlyMap<number, string> = new Map([
  [4004, FATAL.tokenRefused],
  [4013, FATAL.invalidIntents],
  [4014, FATAL.disallowedIntents],
]);

export interface StartBotOptions {
  readonly token: string;
  /** REST base such as http://127.0.0.1:PORT/api (a local Discord-compatible server). */
  readonly apiBase?: string | undefined;
  readonly knowledge: KnowledgeSource;
  readonly logger: Logger;
  readonly answerChannelIds?: readonly string[];
  readonly cooldown?: { readonly max: number; readonly windowMs: number };
  readonly conversations?: ConversationStoreOptions;
  readonly onUnanswered?: (text: string, query: Query) => void;
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
}

/** Default for StartBotOptions.dmSweepIntervalMs. */
export const DM_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export interface RunningBot {
  readonly client: Client<true>;
  readonly engine: Engine;
  readonly cooldown: Cooldown;
  /** Log out and close the gateway connection. Safe to call twice. */
  stop(): Promise<void>;
}

/** Thrown by startBot when Discord refuses to let the bot in; the message says what to fix. */
export class BotStartError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'BotStartError';
  }
}

/** Why login failed, in words the operator can act on (never including the token). */
export function describeLoginFailure(error: unknown): string {
  const e = error as { code?: unknown; status?: unknown; message?: unknown } | undefined;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (e?.code === 'TokenInvalid' || e?.status === 401 || message === 'Authentication failed')
    return FATAL.tokenRefused;
  if (message === 'Used disallowed intents') return FATAL.disallowedIntents;
  if (message === 'Used invalid intents') return FATAL.invalidIntents;
  return `Could not connect to Discord: ${safeError(error).message}`;
}

/** A log destination that replaces every occurrence of `secret` before the line is written. */
export function scrubbingDestination(
  secret: string,
  target: NodeJS.WritableStream = process.stderr,
): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const line = String(chunk);
      target.write(secret.length > 0 ? line.split(secret).join('[redacted]') : line);
      callback();
    },
  });
}

/**
 * Create the discord.js client, wire every handler, log in and wait until the gateway is ready.
 * Used by `npm start` (main.ts) and, in-process, by the end-to-end tests.
 */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const logger = options.logger;
  const commands = options.commands ?? (await loadCommands(options.commandsDir));
  const engine = createEngine({
    knowledge: options.knowledge,
    ...(options.conversations ? { conversations: options.conversations } : {}),
    ...(options.onUnanswered ? { onUnanswered: options.onUnanswered } : {}),
  });
  const cooldown = new Cooldown(options.cooldown ?? { max: 5, windowMs: 10_000 });
  const ctx: CommandContext = {
    engine,
    knowledge: options.knowledge,
    logger,
    render: renderDiscord,
  };
  const deps: HandlerDeps = {
    ctx,
    commands: new Map(commands.map((c) => [c.data.name, c])),
    cooldown,
    answerChannels: new Set(options.answerChannelIds ?? []),
    buttonQuery: (customId) => {
      const button = decodeTopicButton(customId);
      return button ? queryForButton(button) : undefined;
    },
  };

  const client = new Client({
    intents: [...INTENTS],
    // DMs arrive for channels the bot has not cached yet.
    partials: [Partials.Channel],
    allowedMentions: { ...NO_PINGS },
    // Everything the bot answers from arrives in the event itself: it never reads cached messages,
    // members or users. By default discord.js keeps 200 messages per channel and every author it ever
    // saw, which grows with every channel and user over months; keep only the bot's own user.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    presence: {
      status: 'online',
      activities: [{ name: TEXTS.presence, state: TEXTS.presence, type: ActivityType.Custom }],
    },
    rest: {
      ...(options.apiBase ? { api: options.apiBase } : {}),
      ...(options.globalRequestsPerSecond
        ? { globalRequestsPerSecond: options.globalRequestsPerSecond }
        : {}),
    },
  });

  let starting = true;
  let fatal = false;
  client.on(Events.MessageCreate, (message) => void handleMessage(message, deps));
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.Error, (error) => logger.error({ err: safeError(error) }, 'discord client error'));
  client.on(Events.ShardError, (error, shardId) =>
    logger.error({ err: safeError(error), shardId }, 'gateway error'),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shardId, replayed }, 'gateway session resumed'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.warn({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardDisconnect, (event: CloseEvent, shardId) => {
    const message = FATAL_CLOSES.get(event.code) ?? FATAL.unrecoverable(event.code);
    logger.error({ shardId, code: event.code }, 'gateway closed for good');
    // During login the rejected login() reports it; afterwards only the operator can fix it.
    if (!starting && !fatal) {
      fatal = true;
      options.onFatal?.(message, event.code);
    }
  });
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  if (logger.isLevelEnabled('trace'))
    client.on(Events.Debug, (message) => logger.trace({ message }, 'discord.js'));

  try {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw new BotStartError(describeLoginFailure(error), { cause: error });
  } finally {
    starting = false;
  }
  const readyClient = client as Client<true>;
  logger.info(
    { user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, commands: commands.length },
    'bot is ready',
  );

  // discord.js keeps every DM channel it has seen (its channel cache cannot be limited): about 0.5 KB
  // per person who ever wrote, for as long as the process runs. DMs work uncached (Partials.Channel),
  // so forget them regularly.
  const dmSweep = setInterval(
    () => readyClient.channels.cache.sweep((channel) => channel.type === ChannelType.DM),
    options.dmSweepIntervalMs ?? DM_SWEEP_INTERVAL_MS,
  );
  dmSweep.unref();

  let stopped = false;
  return {
    client: readyClient,
    engine,
    cooldown,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(dmSweep);
      await client.destroy();
    },
  };
}
