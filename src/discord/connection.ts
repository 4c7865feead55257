import { Events, type Client, type CloseEvent } from 'discord.js';
import type { Logger } from '../log.js';
import { safeError } from './safe-error.js';
import { FATAL } from './texts.js';

/** Gateway close codes after which reconnecting cannot help; each maps to what the operator must fix. */
const FATAL_CLOSES: ReadonlyMap<number, string> = new Map([
  [4004, FATAL.tokenRefused],
  [4013, FATAL.invalidIntents],
  [4014, FATAL.disallowedIntents],
]);

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

/**
 * Log the gateway's life (errors, resumes, reconnects, zombie connections discord.js replaces), log
 * in and wait until ready. A close that cannot be recovered from after start-up calls `onFatal` once;
 * during login it rejects with a BotStartError instead.
 */
export async function connect(
  client: Client,
  token: string,
  logger: Logger,
  onFatal?: (message: string, code: number) => void,
): Promise<Client<true>> {
  let starting = true;
  let fatal = false;
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
    if (!starting && !fatal) {
      fatal = true;
      onFatal?.(message, event.code);
    }
  });
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
  client.on(Events.Debug, (message) => {
    // discord.js's word for a connection that stopped acknowledging heartbeats; it reconnects.
    if (/zombie connection/i.test(message))
      logger.warn({ message }, 'gateway stopped answering; reconnecting');
    else if (logger.isLevelEnabled('trace')) logger.trace({ message }, 'discord.js');
  });

  try {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw new BotStartError(describeLoginFailure(error), { cause: error });
  } finally {
    starting = false;
  }
  return client as Client<true>;
}
