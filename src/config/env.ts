import { join } from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from './paths.js';

/** The bundled knowledge base, used when KNOWLEDGE_DIR is not set. */
export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

/** The database, relative to the working directory (npm scripts run in the project folder). */
export const DEFAULT_DATABASE_FILE = 'data/careerbot.db';

/** Where parsed knowledge files are cached when CACHE_DIR is not set (ignored by git). */
export const DEFAULT_CACHE_DIR = join(PROJECT_ROOT, '.cache');

const snowflake = z.string().regex(/^\d{15,21}$/, 'expected a Discord id (15 to 21 digits)');
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** Settings shared by every entry point (terminal and bot). */
export const CommonEnvSchema = z.object({
  KNOWLEDGE_DIR: z.string().min(1).default(DEFAULT_KNOWLEDGE_DIR),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The embedded database (settings, feedback, the gaps log); see src/store. */
  DATABASE_FILE: z.string().min(1).default(DEFAULT_DATABASE_FILE),
  /** Record questions that went unanswered in the database, for `npm run kb:gaps`. */
  RECORD_GAPS: flag.default(true),
  /** Parse cache of the knowledge files (src/knowledge/cache.ts); `off` parses every file at every start. */
  CACHE_DIR: z
    .string()
    .min(1)
    .default(DEFAULT_CACHE_DIR)
    .transform((dir) => (dir === 'off' ? undefined : dir)),
});

/** Settings of the Discord bot. */
export const BotEnvSchema = CommonEnvSchema.extend({
  DISCORD_TOKEN: z
    .string({
      error: 'DISCORD_TOKEN is required: set it to your bot token (Developer Portal > Bot > Reset Token)',
    })
    .min(1, 'DISCORD_TOKEN is empty'),
  DISCORD_CLIENT_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  ANSWER_CHANNEL_IDS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x.length > 0),
    )
    .pipe(z.array(snowflake)),
  DISCORD_API_BASE: z.url().optional(),
  /** Per-user cooldown: at most COOLDOWN_MAX questions in COOLDOWN_WINDOW_MS; 0 turns it off. */
  COOLDOWN_MAX: z.coerce.number().int().min(0).default(5),
  COOLDOWN_WINDOW_MS: z.coerce.number().int().min(0).default(10_000),
  /**
   * Ask for the privileged Message Content intent. Off: answer channels and replies that do not
   * mention the bot cannot work (Discord hides other messages' text); mentions, DMs and slash commands do.
   */
  MESSAGE_CONTENT: flag.default(true),
  /** Serve GET /healthz and GET /metrics on this port (0: any free one, logged); unset: no HTTP server. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  /** Address the health server listens on; only this machine by default. */
  HEALTH_HOST: z.string().min(1).default('127.0.0.1'),
});

export type CommonEnv = z.infer<typeof CommonEnvSchema>;
export type BotEnv = z.infer<typeof BotEnvSchema>;

/** Empty strings in the environment mean "not set" (as in a copied .env.example). */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
}

export type EnvResult<T> = { ok: true; env: T } | { ok: false; message: string };

/** Validate settings; the message lists every problem by variable name, ready to print. */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv = process.env,
): EnvResult<z.infer<T>> {
  const result = schema.safeParse(withoutEmpty(env));
  if (result.success) return { ok: true, env: result.data };
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(settings)'}: ${i.message}`);
  return { ok: false, message: `Invalid settings (see .env.example):\n${lines.join('\n')}` };
}

/** Read `.env` from the working directory when there is one (Node's own parser; no dependency). */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
