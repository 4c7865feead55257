import { ActivityType, Client, GatewayIntentBits, Partials } from 'discord.js';
import { CACHE_POLICY } from './cache-policy.js';
import { NO_PINGS } from './respond.js';
import { TEXTS } from './texts.js';

/** Exactly what the bot needs: guild channels, their messages and content, and DMs. */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
] as const;

/** The intents for a bot with or without the privileged Message Content intent (MESSAGE_CONTENT). */
export function intentsFor(messageContent: boolean): GatewayIntentBits[] {
  return INTENTS.filter((i) => messageContent || i !== GatewayIntentBits.MessageContent);
}

export interface ClientOptions {
  /** REST base such as http://127.0.0.1:PORT/api (a local Discord-compatible server). */
  readonly apiBase?: string | undefined;
  readonly messageContent: boolean;
  /** Requests per second across all routes (discord.js default 50, Discord's global limit). */
  readonly globalRequestsPerSecond?: number | undefined;
  /** This process's shards, when several processes share the bot (tests; ShardingManager sets its own). */
  readonly shards?: { readonly ids: readonly number[]; readonly count: number } | undefined;
}

/** The discord.js client as the bot runs it: intents, partials, no pings, bounded caches, presence. */
export function createClient(options: ClientOptions): Client {
  return new Client({
    intents: intentsFor(options.messageContent),
    // DMs arrive for channels the bot has not cached yet.
    partials: [Partials.Channel],
    allowedMentions: { ...NO_PINGS },
    makeCache: CACHE_POLICY,
    presence: {
      status: 'online',
      activities: [{ name: TEXTS.presence, state: TEXTS.presence, type: ActivityType.Custom }],
    },
    ...(options.shards ? { shards: [...options.shards.ids], shardCount: options.shards.count } : {}),
    rest: {
      ...(options.apiBase ? { api: options.apiBase } : {}),
      ...(options.globalRequestsPerSecond
        ? { globalRequestsPerSecond: options.globalRequestsPerSecond }
        : {}),
    },
  });
}
