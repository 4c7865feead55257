import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/discord/texts.js';
import type { FakeUser, JsonObject } from './fake-discord/server.js';
import { startHarness, visibleText, type Harness } from './harness.js';

const member: FakeUser = { id: '300000000000000081', username: 'member' };

/**
 * Servers take permissions away: Discord then refuses the bot's posts with 403 (50013 Missing
 * Permissions, 50001 Missing Access, 160002 replying without Read Message History). The bot logs,
 * never crashes, and answers privately where it can.
 */
describe('a server that refuses the bot its permissions', () => {
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
      author: member,
    });

  it('GIVEN 403 Missing Permissions on the channel THEN the answer goes to the author by DM, with a note; the bot carries on', async () => {
    h.discord.injectFault({
      method: 'POST',
      route: new RegExp(`^/channels/${general}/messages$`),
      status: 403,
      code: 50013,
    });
    const dm = h.discord.nextMessage(h.discord.dmChannelId(member.id));
    ask('COO vs head of ops salary');
    const text = visibleText((await dm).body);
    expect(text).toContain(TEXTS.answeredPrivately(general));
    expect(text).toContain('$132,974');
    expect(h.logs.text).toContain('missing permission to answer in this channel');
    const next = h.discord.nextMessage(general);
    ask('ops manager salary');
    expect(visibleText((await next).body)).toContain('$75,844');
  });

  it('GIVEN 403 Missing Access and DMs closed (50007) THEN it logs both and answers the next question', async () => {
    const dmChannel = h.discord.dmChannelId(member.id);
    h.discord.injectFault({
      method: 'POST',
      route: new RegExp(`^/channels/${general}/messages$`),
      status: 403,
      code: 50001,
    });
    h.discord.injectFault({
      method: 'POST',
      route: new RegExp(`^/channels/${dmChannel}/messages$`),
      status: 403,
      code: 50007,
    });
    const from = h.discord.requests.length;
    ask('coo salary');
    await h.discord.waitForRequest((r) => r.route === `/channels/${dmChannel}/messages` && r.status === 403, {
      from,
    });
    const next = h.discord.nextMessage(general);
    ask('coo duties');
    await next;
    expect(h.logs.text).toContain('could not answer privately either');
    // No apology attempt in a channel it may not post in: one refused reply, the DM, then the next answer.
    const posts = h.discord.requests.slice(from).filter((r) => r.route === `/channels/${general}/messages`);
    expect(posts.map((r) => r.status)).toEqual([403, 200]);
  });

  it('GIVEN replies refused without Read Message History (160002) THEN the answer is posted without the reply link', async () => {
    h.discord.injectFault({
      method: 'POST',
      route: new RegExp(`^/channels/${general}/messages$`),
      status: 403,
      code: 160002,
    });
    const from = h.discord.requests.length;
    ask('head of ops salary');
    const posted = await h.discord.waitForRequest(
      (r) => r.route === `/channels/${general}/messages` && r.status === 200,
      { from },
    );
    expect(posted.body?.['message_reference']).toBeUndefined();
    expect(visibleText(posted.body)).toContain('$111,025');
  });
});
