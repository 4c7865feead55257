import { ChannelType, Options, type CacheFactory, type Client } from 'discord.js';

/**
 * What discord.js may keep in memory. Everything the bot answers from arrives in the event itself: it
 * never reads cached messages, members or users. By default discord.js keeps 200 messages per channel
 * and every author it ever saw, which grows with every channel and user over months; keep only the
 * bot's own user and member.
 */
export const CACHE_POLICY: CacheFactory = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
});

/** Default interval of sweepDmChannels. */
export const DM_SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * discord.js keeps every DM channel it has seen (its channel cache cannot be limited): about 0.5 KB per
 * person who ever wrote, for as long as the process runs. DMs work uncached (Partials.Channel), so
 * forget them regularly. Returns the function that stops the sweeping.
 */
export function sweepDmChannels(client: Client<true>, intervalMs: number = DM_SWEEP_INTERVAL_MS): () => void {
  const timer = setInterval(
    () => client.channels.cache.sweep((channel) => channel.type === ChannelType.DM),
    intervalMs,
  );
  timer.unref();
  return () => clearInterval(timer);
}
