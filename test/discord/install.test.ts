import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy-commands.js';
import { BOT_PERMISSIONS, inviteUrl } from '../../src/discord/install.js';
import type { FakeUser, JsonObject } from './fake-discord/server.js';
import { buttonIds, startHarness, visibleText, type Harness } from './harness.js';

const traveller: FakeUser = { id: '300000000000000071', username: 'traveller' };
const ELSEWHERE = '400000000000000777';

describe('user installs: the commands wherever the user is', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('registers every command for guild and user installs in servers, bot DMs and group DMs; /config only for servers that installed it, with Manage Server', async () => {
    await deployCommands({
      token: h.discord.token,
      apiBase: h.discord.apiBase,
      clientId: h.discord.applicationId,
    });
    const registered = h.discord.registeredCommands.get('global') ?? [];
    for (const command of registered) {
      if (command['name'] === 'config') {
        expect(command['integration_types']).toEqual([ApplicationIntegrationType.GuildInstall]);
        expect(command['contexts']).toEqual([InteractionContextType.Guild]);
        expect(command['default_member_permissions']).toBe(PermissionFlagsBits.ManageGuild.toString());
      } else {
        expect(command['integration_types'], String(command['name'])).toEqual([
          ApplicationIntegrationType.GuildInstall,
          ApplicationIntegrationType.UserInstall,
        ]);
        expect(command['contexts']).toEqual([
          InteractionContextType.Guild,
          InteractionContextType.BotDM,
          InteractionContextType.PrivateChannel,
        ]);
      }
    }
    expect(registered.map((c) => c['name']).sort()).toEqual([
      'ask',
      'compare',
      'config',
      'help',
      'role',
      'roles',
    ]);
  });

  it('GIVEN a server the bot is not in THEN /ask is answered by the interaction response alone, and its buttons work', async () => {
    const before = h.discord.requests.length;
    const interaction = h.discord.runCommand({
      name: 'ask',
      options: [{ name: 'question', type: 3, value: 'COO vs head of ops salary' }],
      user: traveller,
      guildId: ELSEWHERE,
      channelId: '500000000000000777',
      appPermissions: '0',
    });
    const callback = await h.discord.interactionCallback(interaction);
    expect(callback.body?.['type']).toBe(4);
    expect(visibleText(callback.body)).toContain('$132,974');
    const message = String(h.discord.original(interaction.token)?.['id']);
    const skills = buttonIds(callback.body).find((id) => id.includes('|skills|')) ?? '';
    const click = await h.discord.interactionCallback(
      h.discord.clickButton({ messageId: message, customId: skills, user: traveller }),
    );
    expect(click.body?.['type']).toBe(7);
    // Nothing but interaction callbacks: no channel posts, no lookups of a guild the bot is not in.
    const routes = h.discord.requests.slice(before).map((r) => r.route);
    expect(routes.every((r) => r.startsWith('/interactions/'))).toBe(true);
  });

  it('GIVEN a group DM (private channel) THEN /compare is answered there', async () => {
    const callback = await h.discord.interactionCallback(
      h.discord.runCommand({
        name: 'compare',
        options: [
          { name: 'first', type: 3, value: 'chief-operating-officer' },
          { name: 'second', type: 3, value: 'head-of-operations' },
          { name: 'topic', type: 3, value: 'salary' },
        ],
        user: traveller,
        privateChannelId: '500000000000000778',
      }),
    );
    expect(visibleText(callback.body)).toContain('$111,025');
  });
});

describe('the invite link', () => {
  it('asks for scopes bot and applications.commands and exactly the permissions the README lists', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const bits = BigInt(url.searchParams.get('permissions') ?? '0');
    expect(bits).toBe(BOT_PERMISSIONS.reduce((sum, p) => sum | p.bit, 0n));
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith('Bot permissions:')) ?? '';
    const listed = [...line.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(BOT_PERMISSIONS.map((p) => p.name).sort());
  });

  it('is logged at start-up', async () => {
    const h = await startHarness();
    try {
      const line = h.logs.lines.find((l) => l.includes('invite link'));
      expect(line).toBeDefined();
      const invite = (JSON.parse(line ?? '{}') as JsonObject)['invite'];
      expect(invite).toBe(inviteUrl(h.discord.applicationId));
    } finally {
      await h.stop();
    }
  });
});
