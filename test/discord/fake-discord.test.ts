import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from './fake-discord/server.js';
import { startHarness, visibleText, type Harness } from './harness.js';

// The fault controls the fault and load tests build on: each is shown to do what it says.
describe('the local Discord-compatible server as a fault injector', () => {
  let h: Harness;
  let general: string;
  beforeAll(async () => {
    h = await startHarness();
    general = h.discord.channel('general').id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  const ask = (content: string): JsonObject =>
    h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> ${content}`,
      mentionsBot: true,
    });

  it('a 429 with retry-after on a reply is waited out and the reply is posted exactly once', async () => {
    h.discord.injectFault({
      method: 'POST',
      route: /^\/channels\/\d+\/messages$/,
      status: 429,
      retryAfter: 0.2,
    });
    const from = h.discord.requests.length;
    const asked = ask('COO vs head of ops salary');
    const ok = await h.discord.waitForRequest(
      (r) =>
        r.status === 200 &&
        (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === asked['id'],
      { from },
    );
    const attempts = h.discord.requests
      .slice(from)
      .filter((r) => r.route === `/channels/${general}/messages`);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(ok.at - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(190);
    expect(visibleText(ok.body)).toContain('$132,974');
  });

  it('op 7 (reconnect) makes the bot resume its session', async () => {
    const from = h.discord.gateway.length;
    // Wait for the client itself: discord.js handles RESUMED asynchronously after the server sent it.
    const resumed = new Promise((resolve) => h.bot.client.once(Events.ShardResume, resolve));
    h.discord.sendReconnect();
    await h.discord.waitForGateway((g) => g.direction === 'out' && g.payload.t === 'RESUMED', { from });
    await resumed;
    expect(h.discord.sentByBot(2)).toHaveLength(1);
  });

  it('op 9 (invalid session, not resumable) makes the bot identify again and keep answering', async () => {
    const from = h.discord.gateway.length;
    h.discord.sendInvalidSession(false);
    await h.discord.waitForGateway((g) => g.direction === 'out' && g.payload.t === 'READY', {
      from,
      timeoutMs: 10_000,
    });
    expect(h.discord.sentByBot(2)).toHaveLength(2);
    const reply = h.discord.nextMessage(general);
    ask('operations manager salary');
    expect(visibleText((await reply).body)).toContain('$75,844');
  });
});
