import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BotEnvSchema, parseEnv } from '../../src/config/env.js';

describe('.env.example', () => {
  it('explains every setting the bot reads', async () => {
    const text = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
    const listed = [...text.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(Object.keys(BotEnvSchema.shape).sort());
  });

  it('copied as it is, with only a token filled in, is a valid configuration', async () => {
    const text = await readFile(new URL('../../.env.example', import.meta.url), 'utf8');
    const env = Object.fromEntries(
      [...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    const parsed = parseEnv(BotEnvSchema, { ...env, DISCORD_TOKEN: 'x' });
    expect(parsed.ok).toBe(true);
  });
});
