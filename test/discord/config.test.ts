import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { CONFIG_TEXTS, TEXTS } from '../../src/discord/texts.js';
import { openKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import { openStore, type Store } from '../../src/store/database.js';
import { FakeDiscord, type FakeUser, type JsonObject } from './fake-discord/server.js';
import { LogCapture, visibleText } from './harness.js';

const EPHEMERAL = 64;
const MANAGE_GUILD = (1n << 5n).toString();
const admin: FakeUser = { id: '300000000000000041', username: 'admin' };
const member: FakeUser = { id: '300000000000000042', username: 'member' };

/** A guild id that Discord's formula (id >> 22) % 2 puts on `shard`. */
const guildOnShard = (shard: number, n: number): string =>
  (((100_000_000_000n + BigInt(shard)) << 22n) | BigInt(n)).toString();
const channelId = (n: number): string => ((200_000_000_000n << 22n) | BigInt(n)).toString();

const G0 = guildOnShard(0, 1);
const G1 = guildOnShard(1, 2);
const ASK = channelId(1);
const CHAT = channelId(2);
const THREAD = channelId(3);
const DEFAULTED = channelId(4);
const G1_CHAT = channelId(5);

describe('/config on a bot of two shards sharing one database', () => {
  let discord: FakeDiscord;
  let bots: RunningBot[];
  let stores: Store[];
  let dir: string;
  let logs: LogCapture;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careerbot-config-'));
    discord = await FakeDiscord.start({
      heartbeatIntervalMs: 500,
      shards: 2,
      guilds: [
        {
          id: G0,
          name: 'Shard zero club',
          channels: [
            { id: CHAT, name: 'general' },
            { id: ASK, name: 'ask-careers' },
            { id: THREAD, name: 'a thread', parentId: ASK },
            { id: DEFAULTED, name: 'careers-default' },
          ],
        },
        { id: G1, name: 'Shard one club', channels: [{ id: G1_CHAT, name: 'lobby' }] },
      ],
    });
    logs = new LogCapture();
    const logger = createLogger('debug', logs);
    const knowledge = await openKnowledge(DEFAULT_KNOWLEDGE_DIR, logger);
    const database = join(dir, 'careerbot.db');
    stores = [openStore(database), openStore(database)];
    bots = await Promise.all(
      [0, 1].map((shard) =>
        startBot({
          token: discord.token,
          apiBase: discord.apiBase,
          knowledge,
          logger,
          store: stores[shard] ?? null,
          answerChannelIds: [DEFAULTED],
          cooldown: { max: 0, windowMs: 0 },
          shards: { ids: [shard], count: 2 },
        }),
      ),
    );
  });
  afterAll(async () => {
    for (const bot of bots ?? []) await bot.stop();
    for (const store of stores ?? []) store.close();
    await discord?.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(discord.unknownRoutes).toEqual([]);
  });

  const channelOption = (id: string): { options: JsonObject[]; resolved: JsonObject } => ({
    options: [{ name: 'channel', type: 7, value: id }],
    resolved: {
      channels: { [id]: { id, type: 0, name: 'ask-careers', permissions: '0', guild_id: G0 } },
    },
  });

  async function config(
    guildId: string,
    path: { group?: string; sub: string },
    options: { options?: JsonObject[]; resolved?: JsonObject } = {},
    user: FakeUser = admin,
    permissions: string = MANAGE_GUILD,
  ): Promise<string> {
    const sub: JsonObject = { name: path.sub, type: 1, options: options.options ?? [] };
    const top: JsonObject[] = path.group ? [{ name: path.group, type: 2, options: [sub] }] : [sub];
    const callback = await discord.interactionCallback(
      discord.runCommand({
        name: 'config',
        options: top,
        ...(options.resolved ? { resolved: options.resolved } : {}),
        user,
        guildId,
        channelId: guildId === G0 ? CHAT : G1_CHAT,
        permissions,
      }),
    );
    expect((callback.body?.['data'] as JsonObject)['flags']).toBe(EPHEMERAL);
    return visibleText(callback.body);
  }

  /** Send `content` to a channel and say whether the bot answered it, using a mention as a barrier. */
  async function answered(
    channel: string,
    content: string,
    extra: { replyTo?: string } = {},
  ): Promise<boolean> {
    const asked = discord.sendGuildMessage({ channelId: channel, content, author: member, ...extra });
    const barrier = discord.sendGuildMessage({
      channelId: channel,
      content: `<@${discord.botUser.id}> hello`,
      mentionsBot: true,
      author: member,
    });
    const ref = (id: unknown) => (r: { body?: JsonObject | undefined }) =>
      (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === id;
    await discord.waitForRequest(ref(barrier['id']), { from: 0 });
    return discord.requests.some(ref(asked['id']));
  }

  it('the two bots are shards 0 and 1 of 2, each with its own guild', () => {
    expect(discord.sentByBot(2).map((p) => (p.payload.d as JsonObject)['shard'])).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    expect(bots.map((b) => [...b.client.guilds.cache.keys()])).toEqual([[G0], [G1]]);
  });

  it('GIVEN a member without Manage Server THEN /config is refused privately and changes nothing', async () => {
    const text = await config(G0, { group: 'channels', sub: 'add' }, channelOption(ASK), member, '0');
    expect(text).toBe(CONFIG_TEXTS.needsManageServer);
    expect(await answered(ASK, 'coo salary')).toBe(false);
  });

  it('GIVEN Manage Server WHEN a channel is added THEN every message there and in its threads is answered', async () => {
    expect(await config(G0, { group: 'channels', sub: 'add' }, channelOption(ASK))).toBe(
      CONFIG_TEXTS.channelAdded(ASK),
    );
    expect(await answered(ASK, 'coo vs head of ops salary')).toBe(true);
    const reply = discord.nextMessage(THREAD);
    discord.sendGuildMessage({ channelId: THREAD, content: 'ops manager salary', author: member });
    expect(visibleText((await reply).body)).toContain('$75,844');
    expect(await answered(CHAT, 'coo salary')).toBe(false);
  });

  it('lists the answer channels, the defaults from ANSWER_CHANNEL_IDS marked as such', async () => {
    const text = await config(G0, { group: 'channels', sub: 'list' });
    expect(text).toContain(`<#${ASK}>`);
    expect(text).toContain(`<#${DEFAULTED}> ${CONFIG_TEXTS.defaultNote}`);
  });

  it('GIVEN the guild moves to the other shard THEN that shard applies the setting at once', async () => {
    discord.moveGuild(G0, 1);
    try {
      const before = discord.requests.length;
      expect(await answered(ASK, 'coo salary')).toBe(true);
      // Shard 1's process answered: its client is the one that saw the message.
      expect(discord.requests.slice(before).some((r) => r.route === `/channels/${ASK}/messages`)).toBe(true);
      expect(logs.text).toContain('"reason":"answer-channel"');
    } finally {
      discord.moveGuild(G0, 0);
    }
  });

  it('removing a channel, a default one included, stops the answers there', async () => {
    expect(await config(G0, { group: 'channels', sub: 'remove' }, channelOption(ASK))).toBe(
      CONFIG_TEXTS.channelRemoved(ASK),
    );
    expect(await answered(ASK, 'coo salary')).toBe(false);
    expect(await answered(DEFAULTED, 'coo salary')).toBe(true);
    expect(await config(G0, { group: 'channels', sub: 'remove' }, channelOption(DEFAULTED))).toBe(
      CONFIG_TEXTS.channelRemoved(DEFAULTED),
    );
    expect(await answered(DEFAULTED, 'coo salary')).toBe(false);
    expect(await config(G0, { group: 'channels', sub: 'list' })).toBe(CONFIG_TEXTS.noChannels);
  });

  it('a server cooldown applies to its members, on its shard', async () => {
    const cooldown = [
      { name: 'questions', type: 4, value: 1 },
      { name: 'seconds', type: 4, value: 60 },
    ];
    expect(await config(G1, { sub: 'cooldown' }, { options: cooldown })).toBe(
      CONFIG_TEXTS.cooldownSet(1, 60),
    );
    const first = discord.nextMessage(G1_CHAT);
    discord.sendGuildMessage({
      channelId: G1_CHAT,
      content: `<@${discord.botUser.id}> coo salary`,
      mentionsBot: true,
      author: member,
    });
    expect(visibleText((await first).body)).toContain('$132,974');
    const second = discord.nextMessage(G1_CHAT);
    discord.sendGuildMessage({
      channelId: G1_CHAT,
      content: `<@${discord.botUser.id}> coo skills`,
      mentionsBot: true,
      author: member,
    });
    expect(visibleText((await second).body)).toBe(TEXTS.cooldownNote);
    // The other server keeps the default (off here).
    expect(await answered(CHAT, `<@${discord.botUser.id}> coo`)).toBe(true);
    const off = [{ name: 'questions', type: 4, value: 0 }];
    expect(await config(G1, { sub: 'cooldown' }, { options: off })).toBe(CONFIG_TEXTS.cooldownSet(0, 10));
  });

  it('GIVEN replies turned off THEN a reply to the bot is not answered unless it mentions the bot', async () => {
    const botMessage = discord.createdId(await discord.nextMessage(CHAT, { from: 0 }));
    expect(await answered(CHAT, 'and skills?', { replyTo: botMessage })).toBe(true);
    expect(
      await config(G0, { sub: 'replies' }, { options: [{ name: 'answer', type: 5, value: false }] }),
    ).toBe(CONFIG_TEXTS.repliesSet(false));
    expect(await answered(CHAT, 'and duties?', { replyTo: botMessage })).toBe(false);
    expect(await config(G0, { sub: 'show' })).toContain(CONFIG_TEXTS.repliesNow(false));
    await config(G0, { sub: 'replies' }, { options: [{ name: 'answer', type: 5, value: true }] });
    expect(await answered(CHAT, 'and salary?', { replyTo: botMessage })).toBe(true);
  });

  it('GIVEN /config used in a server where the app is only installed on the user THEN it says there is nothing to configure', async () => {
    const text = await config(guildOnShard(0, 9), { sub: 'show' });
    expect(text).toBe(CONFIG_TEXTS.notInstalledHere);
  });
});
