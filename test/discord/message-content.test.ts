import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_TEXTS } from '../../src/discord/texts.js';
import type { FakeUser, JsonObject } from './fake-discord/server.js';
import { startHarness, visibleText, type Harness } from './harness.js';

const member: FakeUser = { id: '300000000000000061', username: 'member' };

describe('a bot started with MESSAGE_CONTENT=false', () => {
  let h: Harness;
  let general: string;
  let askCareers: string;
  beforeAll(async () => {
    h = await startHarness({
      bot: (d) => ({ messageContent: false, answerChannelIds: [d.channel('ask-careers').id] }),
    });
    general = h.discord.channel('general').id;
    askCareers = h.discord.channel('ask-careers').id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('does not ask Discord for the privileged intent', () => {
    const identify = h.discord.sentByBot(2)[0]?.payload.d as JsonObject;
    const intents = Number(identify['intents']);
    expect(intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(intents & GatewayIntentBits.GuildMessages).not.toBe(0);
    expect(intents & GatewayIntentBits.DirectMessages).not.toBe(0);
  });

  it('still answers a mention and a DM', async () => {
    const mention = h.discord.nextMessage(general);
    h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> COO vs head of ops salary`,
      mentionsBot: true,
      author: member,
    });
    expect(visibleText((await mention).body)).toContain('$132,974');
    const dm = h.discord.nextMessage(h.discord.dmChannelId(member.id));
    h.discord.sendDirectMessage({ content: 'ops manager salary', author: member });
    expect(visibleText((await dm).body)).toContain('$75,844');
  });

  it('answers a reply that keeps the mention on, and not messages in answer channels (Discord sends them empty)', async () => {
    const botMessage = h.discord.createdId(await h.discord.nextMessage(general, { from: 0 }));
    const reply = h.discord.nextMessage(general);
    const asked = h.discord.sendGuildMessage({
      channelId: general,
      content: 'and their skills?',
      replyTo: botMessage,
      mentionsBot: true,
      author: member,
    });
    expect(((await reply).body?.['message_reference'] as JsonObject)['message_id']).toBe(asked['id']);

    const ignored = h.discord.sendGuildMessage({
      channelId: askCareers,
      content: 'coo salary',
      author: member,
    });
    const barrier = h.discord.sendGuildMessage({
      channelId: askCareers,
      content: `<@${h.discord.botUser.id}> coo salary`,
      mentionsBot: true,
      author: member,
    });
    const ref = (id: unknown) => (r: { body?: JsonObject | undefined }) =>
      (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === id;
    await h.discord.waitForRequest(ref(barrier['id']), { from: 0 });
    expect(h.discord.requests.some(ref(ignored['id']))).toBe(false);
  });

  it('/config says why answer channels are unavailable', async () => {
    const callback = await h.discord.interactionCallback(
      h.discord.runCommand({
        name: 'config',
        options: [
          {
            name: 'channels',
            type: 2,
            options: [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: askCareers }] }],
          },
        ],
        resolved: {
          channels: { [askCareers]: { id: askCareers, type: 0, name: 'ask-careers', permissions: '0' } },
        },
      }),
    );
    expect(visibleText(callback.body)).toBe(CONFIG_TEXTS.needsMessageContent);
  });

  it('slash commands work as ever', async () => {
    const callback = await h.discord.interactionCallback(
      h.discord.runCommand({ name: 'ask', options: [{ name: 'question', type: 3, value: 'coo salary' }] }),
    );
    expect(visibleText(callback.body)).toContain('$132,974');
  });
});
