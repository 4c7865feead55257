import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { BotEnvSchema, loadDotEnv, parseEnv } from '../config/env.js';
import { createLogger } from '../log.js';
import { scrubbingDestination } from './bot.js';
import { safeError } from './safe-error.js';
import { FATAL } from './texts.js';
import { BOT_NODE_FLAGS } from '../config/runtime.js';

/**
 * `npm run start:sharded`: one process per shard, each running main.ts (the same bot). Needed from
 * about 2,500 guilds, when Discord refuses a single connection. Per shard (not shared): conversation
 * memory, cooldowns, the knowledge base in memory. A user's DMs always reach shard 0 and a guild always
 * the same shard, so conversations stay on one shard; a cooldown is per shard, so a user active in
 * guilds on different shards gets a window on each.
 */
async function main(): Promise<void> {
  loadDotEnv();
  if (!process.env['DISCORD_TOKEN']) throw new Error(FATAL.missingToken);
  const parsed = parseEnv(BotEnvSchema);
  if (!parsed.ok) throw new Error(parsed.message);
  const env = parsed.env;
  const logger = createLogger(env.LOG_LEVEL, scrubbingDestination(env.DISCORD_TOKEN));

  // discord.js's own 'auto' count ignores DISCORD_API_BASE, so ask the configured API ourselves.
  const rest = new REST(env.DISCORD_API_BASE ? { api: env.DISCORD_API_BASE } : {}).setToken(
    env.DISCORD_TOKEN,
  );
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;

  const manager = new ShardingManager(fileURLToPath(new URL('./main.ts', import.meta.url)), {
    token: env.DISCORD_TOKEN,
    totalShards: gateway.shards,
    mode: 'process',
    // Resolved here so shards start from any working directory.
    execArgv: [...BOT_NODE_FLAGS, '--import', import.meta.resolve('tsx')],
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
