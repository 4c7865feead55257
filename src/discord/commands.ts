import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { z } from 'zod';
import type { CommandContext } from './context.js';

/**
 * The bundled commands/ folder (one slash command per file): commands/*.ts beside src/ in
 * development, dist/commands/*.js beside dist/src/ when running the build.
 */
export const DEFAULT_COMMANDS_DIR = fileURLToPath(new URL('../../commands/', import.meta.url));

/** What every file in commands/ exports as default: `export default { data, execute } satisfies Command`. */
export interface Command {
  /** A SlashCommandBuilder (anything whose toJSON() gives the registration body). */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}

/** Discord's rule for command and option names (we keep to the ASCII subset). */
export const COMMAND_NAME = /^[-_a-z0-9]{1,32}$/;

const isFunction = z.custom<(...args: never[]) => unknown>(
  (v) => typeof v === 'function',
  'must be a function',
);

const ModuleSchema = z.object({
  default: z.object(
    {
      data: z.looseObject({
        name: z.string().regex(COMMAND_NAME, 'must match ^[-_a-z0-9]{1,32}$'),
        toJSON: isFunction,
      }),
      execute: isFunction,
      autocomplete: isFunction.optional(),
    },
    { error: 'no default export: write `export default { data, execute } satisfies Command`' },
  ),
});

const OptionSchema: z.ZodType<unknown> = z.lazy(() =>
  z.looseObject({
    type: z.number().int(),
    name: z.string().regex(COMMAND_NAME, 'must match ^[-_a-z0-9]{1,32}$'),
    description: z.string().min(1).max(100),
    options: z.array(OptionSchema).max(25).optional(),
    choices: z
      .array(z.looseObject({ name: z.string().min(1).max(100) }))
      .max(25)
      .optional(),
  }),
);

/** The registration body Discord accepts; checked here so a bad file fails at start-up, not at deploy. */
const CommandJsonSchema = z.looseObject({
  name: z.string().regex(COMMAND_NAME, 'must match ^[-_a-z0-9]{1,32}$'),
  description: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  options: z.array(OptionSchema).max(25).optional(),
});

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join('.') || '(module)'}: ${i.message}`).join('\n');
}

/** Thrown for a command file that cannot be used; the message names the file and what is wrong. */
export class CommandFileError extends Error {
  constructor(file: string, problem: string, options?: ErrorOptions) {
    super(
      `Command file ${file} is malformed:\n${problem}\n(each file in commands/ must \`export default { data, execute } satisfies Command\`)`,
      options,
    );
    this.name = 'CommandFileError';
  }
}

const SOURCE_FILE = /\.(?:ts|js|mts|mjs)$/;

/**
 * Import every command module in `dir` and validate it. The one loader for start-up and
 * deploy-commands: it throws (CommandFileError) on the first malformed file instead of skipping it.
 */
export async function loadCommands(dir: string = DEFAULT_COMMANDS_DIR): Promise<Command[]> {
  const files = (await readdir(dir))
    .filter((f) => SOURCE_FILE.test(f) && !f.endsWith('.d.ts') && !/\.test\.[cm]?[jt]s$/.test(f))
    .sort();
  const commands: Command[] = [];
  const byName = new Map<string, string>();
  for (const name of files) {
    const file = join(dir, name);
    let mod: unknown;
    try {
      mod = await import(pathToFileURL(file).href);
    } catch (error) {
      throw new CommandFileError(file, `  cannot be imported: ${(error as Error).message}`, { cause: error });
    }
    const parsed = ModuleSchema.safeParse(mod);
    if (!parsed.success)
      throw new CommandFileError(file, describeIssues(parsed.error), { cause: parsed.error });
    // The module's own object, not zod's copy: builders keep their state on their prototype chain.
    const command = (mod as { default: Command }).default;
    let json: unknown;
    try {
      json = command.data.toJSON();
    } catch (error) {
      throw new CommandFileError(file, `  data.toJSON() failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const body = CommandJsonSchema.safeParse(json);
    if (!body.success) throw new CommandFileError(file, describeIssues(body.error), { cause: body.error });
    const previous = byName.get(command.data.name);
    if (previous)
      throw new CommandFileError(
        file,
        `  the command name "${command.data.name}" is already used by ${previous}`,
      );
    byName.set(command.data.name, file);
    commands.push(command);
  }
  if (commands.length === 0)
    throw new Error(`No command files in ${dir}: expected one .ts file per slash command.`);
  return commands;
}
