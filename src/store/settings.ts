import { z } from 'zod';
import type { Store } from './database.js';

/** What a server has set with /config; anything unset falls back to the environment's default. */
export interface GuildSettings {
  readonly cooldown?: { readonly max: number; readonly windowMs: number };
  readonly replies?: boolean;
}

export interface ChannelOverride {
  readonly channelId: string;
  /** True: added as an answer channel; false: a default (ANSWER_CHANNEL_IDS) removed. */
  readonly enabled: boolean;
}

/** At most this many answer-channel overrides per server (Discord allows 500 channels). */
export const MAX_CHANNEL_OVERRIDES = 50;

const SettingsRow = z.object({
  cooldown_max: z.number().int().nullable(),
  cooldown_window_ms: z.number().int().nullable(),
  replies: z.number().int().nullable(),
});
const OverrideRow = z.object({ channel_id: z.string(), enabled: z.number().int() });
const EnabledRow = z.object({ enabled: z.number().int() });

export interface SettingsStore {
  guild(guildId: string): GuildSettings;
  /** The server's override for one channel, or undefined when it follows the default. */
  channel(guildId: string, channelId: string): boolean | undefined;
  channels(guildId: string): ChannelOverride[];
  /** Returns false (and changes nothing) when the server already has MAX_CHANNEL_OVERRIDES. */
  setChannel(guildId: string, channelId: string, enabled: boolean): boolean;
  setCooldown(guildId: string, cooldown: { readonly max: number; readonly windowMs: number }): void;
  setReplies(guildId: string, replies: boolean): void;
  /** Drop everything a server set (the bot was removed from it). */
  forget(guildId: string): void;
}

/**
 * Per-server settings, read from the database on every use: a change made through any shard applies
 * at once everywhere (each lookup is one primary-key read, a few microseconds). Writes are durable.
 */
export function settingsStore(store: Store): SettingsStore {
  const { db } = store;
  const now = (): string => new Date().toISOString();
  const getGuild = db.prepare(
    'SELECT cooldown_max, cooldown_window_ms, replies FROM guild_settings WHERE guild_id = ?',
  );
  const getChannel = db.prepare('SELECT enabled FROM answer_channels WHERE guild_id = ? AND channel_id = ?');
  const listChannels = db.prepare(
    'SELECT channel_id, enabled FROM answer_channels WHERE guild_id = ? ORDER BY updated_at, channel_id',
  );
  const countChannels = db.prepare('SELECT count(*) AS n FROM answer_channels WHERE guild_id = ?');
  const putChannel = db.prepare(
    `INSERT INTO answer_channels (guild_id, channel_id, enabled, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (guild_id, channel_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at`,
  );
  const putCooldown = db.prepare(
    `INSERT INTO guild_settings (guild_id, cooldown_max, cooldown_window_ms, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET cooldown_max = excluded.cooldown_max,
       cooldown_window_ms = excluded.cooldown_window_ms, updated_at = excluded.updated_at`,
  );
  const putReplies = db.prepare(
    `INSERT INTO guild_settings (guild_id, replies, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (guild_id) DO UPDATE SET replies = excluded.replies, updated_at = excluded.updated_at`,
  );
  const dropGuild = db.prepare('DELETE FROM guild_settings WHERE guild_id = ?');
  const dropChannels = db.prepare('DELETE FROM answer_channels WHERE guild_id = ?');

  return {
    guild(guildId) {
      const row = getGuild.get(guildId);
      if (row === undefined) return {};
      const r = SettingsRow.parse(row);
      return {
        ...(r.cooldown_max !== null && r.cooldown_window_ms !== null
          ? { cooldown: { max: r.cooldown_max, windowMs: r.cooldown_window_ms } }
          : {}),
        ...(r.replies !== null ? { replies: r.replies === 1 } : {}),
      };
    },
    channel(guildId, channelId) {
      const row = getChannel.get(guildId, channelId);
      return row === undefined ? undefined : EnabledRow.parse(row).enabled === 1;
    },
    channels(guildId) {
      return listChannels.all(guildId).map((row) => {
        const r = OverrideRow.parse(row);
        return { channelId: r.channel_id, enabled: r.enabled === 1 };
      });
    },
    setChannel(guildId, channelId, enabled) {
      return store.write(
        () => {
          const exists = getChannel.get(guildId, channelId) !== undefined;
          const count = z.object({ n: z.number() }).parse(countChannels.get(guildId)).n;
          if (!exists && count >= MAX_CHANNEL_OVERRIDES) return false;
          putChannel.run(guildId, channelId, enabled ? 1 : 0, now());
          return true;
        },
        { durable: true },
      );
    },
    setCooldown(guildId, cooldown) {
      store.write(() => putCooldown.run(guildId, cooldown.max, cooldown.windowMs, now()), { durable: true });
    },
    setReplies(guildId, replies) {
      store.write(() => putReplies.run(guildId, replies ? 1 : 0, now()), { durable: true });
    },
    forget(guildId) {
      store.write(
        () => {
          dropGuild.run(guildId);
          dropChannels.run(guildId);
        },
        { durable: true },
      );
    },
  };
}
