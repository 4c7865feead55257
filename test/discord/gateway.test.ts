import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from './fake-discord/server.js';
import { startHarness, visibleText, type Harness } from './harness.js';

const EXPECTED_INTENTS =
  GatewayIntentBits.Guilds |
  GatewayIntentBits.GuildMessages |
  GatewayIntentBits.MessageContent |
  GatewayIntentBits.DirectMessages;

describe('the bot on the gateway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('IDENTIFY asks for exactly Guilds, GuildMessages, MessageContent and DirectMessages', () => {
    const identify = h.discord.sentByBot(2);
    expect(identify).toHaveLength(1);
    const d = identify[0]?.payload.d as JsonObject;
    expect(d['intents']).toBe(EXPECTED_INTENTS);
    expect(d['intents']).toBe(37377);
    expect(d['token']).toBe(h.discord.token);
  });

  it('its presence tells people how to get help', () => {
    const d = h.discord.sentByBot(2)[0]?.payload.d as JsonObject;
    const presence = d['presence'] as JsonObject;
    expect(JSON.stringify(presence['activities'])).toContain('/help');
  });

  it('WHEN the connection drops with a resumable code THEN it resumes the session and answers the next message', async () => {
    const identify = h.discord.sentByBot(2)[0]?.payload.d as JsonObject;
    const sessionReady = h.discord.gateway.find((g) => g.payload.t === 'READY');
    const sessionId = (sessionReady?.payload.d as JsonObject)['session_id'];
    const resumed = h.discord.waitForGateway((g) => g.direction === 'in' && g.payload.op === 6, {
      what: 'RESUME',
    });
    h.discord.closeGateway(4000);
    const resume = await resumed;
    expect((resume.payload.d as JsonObject)['session_id']).toBe(sessionId);
    expect((resume.payload.d as JsonObject)['token']).toBe(identify['token']);
    await h.discord.waitForGateway((g) => g.direction === 'out' && g.payload.t === 'RESUMED', {
      from: resume.index,
    });
    expect(h.discord.sentByBot(2)).toHaveLength(1);

    const reply = h.discord.nextMessage(h.discord.dmChannelId('300000000000000002'));
    h.discord.sendDirectMessage({
      content: 'ops coordinator vs ops manager salary',
      author: { id: '300000000000000002', username: 'sam' },
    });
    expect(visibleText((await reply).body)).toContain('$75,844');
  });

  it('WHEN the network drops the socket without a close frame (1006) THEN it resumes and answers', async () => {
    const resumed = h.discord.waitForGateway((g) => g.direction === 'in' && g.payload.op === 6, {
      what: 'RESUME',
    });
    h.discord.dropGateway();
    const resume = await resumed;
    await h.discord.waitForGateway((g) => g.direction === 'out' && g.payload.t === 'RESUMED', {
      from: resume.index,
    });
    expect(h.discord.sentByBot(2)).toHaveLength(1);
    const general = h.discord.channel('general').id;
    const reply = h.discord.nextMessage(general);
    h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> COO vs head of ops salary`,
      mentionsBot: true,
    });
    expect(visibleText((await reply).body)).toContain('$111,025');
  });

  it('WHEN the gateway stops acknowledging heartbeats (a zombie connection) THEN the bot reconnects, resumes, logs it and answers', async () => {
    const connection = h.discord.gateway.at(-1)?.connection ?? 0;
    h.discord.stopHeartbeatAcks();
    try {
      const resume = await h.discord.waitForGateway((g) => g.direction === 'in' && g.payload.op === 6, {
        what: 'RESUME after a zombie connection',
        timeoutMs: 10_000,
      });
      expect(resume.connection).toBeGreaterThan(connection);
      await h.discord.waitForGateway((g) => g.direction === 'out' && g.payload.t === 'RESUMED', {
        from: resume.index,
      });
    } finally {
      h.discord.resumeHeartbeatAcks();
    }
    expect(h.logs.text).toContain('gateway stopped answering; reconnecting');
    const reply = h.discord.nextMessage(h.discord.dmChannelId('300000000000000002'));
    h.discord.sendDirectMessage({
      content: 'coo salary',
      author: { id: '300000000000000002', username: 'sam' },
    });
    expect(visibleText((await reply).body)).toContain('$132,974');
  });
});
