import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  COMMAND_NAME,
  CommandFileError,
  DEFAULT_COMMANDS_DIR,
  loadCommands,
} from '../../src/discord/commands.js';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('loadCommands (one loader for start-up and deploy-commands)', () => {
  it('loads the six commands from commands/ with names and descriptions Discord accepts', async () => {
    const commands = await loadCommands(DEFAULT_COMMANDS_DIR);
    expect(commands.map((c) => c.data.name).sort()).toEqual([
      'ask',
      'compare',
      'config',
      'help',
      'role',
      'roles',
    ]);
    for (const command of commands) {
      const json = command.data.toJSON();
      expect(json.name).toMatch(COMMAND_NAME);
      expect(json.description.length).toBeGreaterThanOrEqual(1);
      expect(json.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('GIVEN a module without execute THEN it throws naming the file and the missing function', async () => {
    const failure = loadCommands(fixture('malformed-commands'));
    await expect(failure).rejects.toThrow(CommandFileError);
    await expect(failure).rejects.toThrow(/broken\.ts[\s\S]*execute: must be a function/);
  });

  it('GIVEN a module without a default export THEN it says how to export a command', async () => {
    await expect(loadCommands(fixture('no-default'))).rejects.toThrow(
      /named\.ts[\s\S]*export default \{ data, execute \}/,
    );
  });

  it('GIVEN a description Discord would refuse THEN it fails at load time, not at deploy time', async () => {
    await expect(loadCommands(fixture('bad-name'))).rejects.toThrow(
      /shout\.ts[\s\S]*description: must be at most 100 characters/,
    );
  });
});
