import type { Logger } from '../log.js';
import type { SettingsStore } from '../store/settings.js';
import type { CooldownLimits } from './cooldown.js';
import { safeError } from './safe-error.js';

/** The environment's settings, which every server starts from. */
export interface ServerDefaults {
  readonly answerChannelIds: readonly string[];
  readonly cooldown: CooldownLimits;
  readonly replies: boolean;
  /** False when the bot runs without the Message Content intent: no answer channels then. */
  readonly messageContent: boolean;
}

export interface AnswerChannel {
  readonly channelId: string;
  /** `default`: from ANSWER_CHANNEL_IDS; `added`: with /config. */
  readonly source: 'default' | 'added';
}

/**
 * What applies in one server: its own /config settings over the environment's defaults. Read from the
 * database at each use, so a change made on any shard applies at once; if the database cannot be read
 * the defaults apply (logged), the bot keeps answering.
 */
export interface ServerSettings {
  readonly defaults: ServerDefaults;
  /** Null without a database (tests of the adapter alone): only the defaults, nothing can be set. */
  readonly store: SettingsStore | null;
  /** Is this channel (or, for a thread, its parent) an answer channel of the server? */
  isAnswerChannel(guildId: string, channelIds: readonly string[]): boolean;
  replies(guildId: string | null): boolean;
  cooldown(guildId: string | null): CooldownLimits;
  /** The answer channels in effect; `inGuild` says whether a default channel belongs to this server. */
  answerChannels(guildId: string, inGuild: (channelId: string) => boolean): AnswerChannel[];
}

export function serverSettings(
  defaults: ServerDefaults,
  store: SettingsStore | null,
  logger: Logger,
): ServerSettings {
  const defaultChannels = new Set(defaults.answerChannelIds);
  let failures = 0;
  const read = <T>(what: () => T, fallback: T): T => {
    if (store === null) return fallback;
    try {
      return what();
    } catch (error) {
      failures++;
      logger[failures === 1 ? 'error' : 'debug'](
        { err: safeError(error) },
        'could not read server settings; using the defaults',
      );
      return fallback;
    }
  };
  return {
    defaults,
    store,
    isAnswerChannel(guildId, channelIds) {
      if (!defaults.messageContent) return false;
      return channelIds.some(
        (id) => read(() => store?.channel(guildId, id), undefined) ?? defaultChannels.has(id),
      );
    },
    replies(guildId) {
      if (guildId === null) return defaults.replies;
      return read(() => store?.guild(guildId).replies, undefined) ?? defaults.replies;
    },
    cooldown(guildId) {
      if (guildId === null) return defaults.cooldown;
      return read(() => store?.guild(guildId).cooldown, undefined) ?? defaults.cooldown;
    },
    answerChannels(guildId, inGuild) {
      const overrides = read(() => store?.channels(guildId) ?? [], []);
      const removed = new Set(overrides.filter((o) => !o.enabled).map((o) => o.channelId));
      const out: AnswerChannel[] = defaults.answerChannelIds
        .filter((id) => inGuild(id) && !removed.has(id))
        .map((channelId) => ({ channelId, source: 'default' }));
      for (const o of overrides) {
        if (o.enabled && !defaultChannels.has(o.channelId))
          out.push({ channelId: o.channelId, source: 'added' });
      }
      return out;
    },
  };
}
