import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { z } from 'zod';
import { BOT_NODE_FLAGS } from '../config/runtime.js';
import { safeError } from './safe-error.js';
import { botStartup } from './startup.js';

/** Each shard runs main in the same form as this file: compiled JavaScript, or TypeScript in development. */
const RUNNING_TYPESCRIPT = import.meta.url.endsWith('.ts');

/** What the manager reads of GET /gateway/bot: the shard count Discord recommends. */
const GatewayBotSchema = z.looseObject({ shards: z.number().int().min(1) });

/**
 * `npm run start:sharded`: one process per shard, each running main (the same bot). Needed from about
 * 2,500 guilds, when Discord refuses a single connection. Shared by every shard: the database (settings
 * and feedback apply at once everywhere, the gaps log loses nothing). Per shard: conversation memory,
 * cooldowns, the knowledge base in memory. A user's DMs always reach shard 0 and a guild always the
 * same shard, so conversations and a server's cooldowns stay on one shard.
 */
async function main(): Promise<void> {
  const { env, logger } = botStartup();
  // discord.js's own 'auto' count ignores DISCORD_API_BASE, so ask the configured API ourselves.
  const rest = new REST(env.DISCORD_API_BASE ? { api: env.DISCORD_API_BASE } : {}).setToken(
    env.DISCORD_TOKEN,
  );
  const gateway = GatewayBotSchema.parse(await rest.get(Routes.gatewayBot()));

  const main = new URL(RUNNING_TYPESCRIPT ? './main.ts' : './main.js', import.meta.url);
  const manager = new ShardingManager(fileURLToPath(main), {
    token: env.DISCORD_TOKEN,
    totalShards: gateway.shards,
    mode: 'process',
    // Resolved here so shards start from any working directory.
    execArgv: [...BOT_NODE_FLAGS, ...(RUNNING_TYPESCRIPT ? ['--import', import.meta.resolve('tsx')] : [])],
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: gateway.shards }, 'shard launched');
    shard.on('death', () => logger.error({ shard: shard.id }, 'shard process died; respawning'));
  });
  const stop = (): void => {
    for (const shard of manager.shards.values()) shard.kill();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await manager.spawn({ timeout: 60_000 });
}

main().catch((error: unknown) => {
  console.error(`start:sharded: ${safeError(error).message}`);
  process.exit(1);
});
