import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { z } from 'zod';
import { loadCommands } from './commands.js';
import { describeLoginFailure } from './connection.js';
import { botStartup } from './startup.js';

export interface DeployOptions {
  readonly token: string;
  readonly apiBase?: string | undefined;
  /** The application id; read from GET /applications/@me when not given. */
  readonly clientId?: string | undefined;
  /** Register in this guild only (appears at once); globally otherwise. */
  readonly guildId?: string | undefined;
  readonly commandsDir?: string;
}

export interface DeployResult {
  readonly scope: 'guild' | 'global';
  readonly applicationId: string;
  readonly names: readonly string[];
}

/** What the bot reads of Discord's answers (checked, not assumed). */
const ApplicationSchema = z.looseObject({ id: z.string().regex(/^\d{15,21}$/) });
const RegisteredSchema = z.array(z.looseObject({ name: z.string() }));

/** Register every command in commands/ with Discord (a bulk PUT replaces what was there). */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const commands = await loadCommands(options.commandsDir);
  const rest = new REST(options.apiBase ? { api: options.apiBase } : {}).setToken(options.token);
  const applicationId =
    options.clientId ?? ApplicationSchema.parse(await rest.get(Routes.currentApplication())).id;
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  const registered = RegisteredSchema.parse(
    await rest.put(route, { body: commands.map((c) => c.data.toJSON()) }),
  );
  return { scope: options.guildId ? 'guild' : 'global', applicationId, names: registered.map((c) => c.name) };
}

async function main(): Promise<void> {
  const { env } = botStartup();
  let result: DeployResult;
  try {
    result = await deployCommands({
      token: env.DISCORD_TOKEN,
      apiBase: env.DISCORD_API_BASE,
      clientId: env.DISCORD_CLIENT_ID,
      guildId: env.DISCORD_GUILD_ID,
    });
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401) throw new Error(describeLoginFailure(error), { cause: error });
    throw error;
  }
  const where =
    result.scope === 'guild'
      ? `in guild ${env.DISCORD_GUILD_ID ?? ''} (available at once)`
      : 'globally (may take up to an hour to appear everywhere)';
  process.stdout.write(
    `Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(`deploy-commands: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
