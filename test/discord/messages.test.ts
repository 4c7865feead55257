import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { TEXTS } from '../../src/discord/texts.js';
import { openKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import type { FakeUser, JsonObject } from './fake-discord/server.js';
import { allowedMentions, startHarness, visibleText, type Harness } from './harness.js';

const alex: FakeUser = { id: '300000000000000011', username: 'alex' };
const robin: FakeUser = { id: '300000000000000012', username: 'robin' };
const otherBot: FakeUser = { id: '300000000000000013', username: 'otherbot', bot: true };

describe('free-text questions', () => {
  let h: Harness;
  let general: string;
  let askCareers: string;
  beforeAll(async () => {
    h = await startHarness({ bot: (d) => ({ answerChannelIds: [d.channel('ask-careers').id] }) });
    general = h.discord.channel('general').id;
    askCareers = h.discord.channel('ask-careers').id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('GIVEN a DM "COO vs head of ops salary?" THEN one reply holds both salaries and pings nobody', async () => {
    const dm = h.discord.dmChannelId(alex.id);
    const reply = h.discord.nextMessage(dm);
    const asked = h.discord.sendDirectMessage({ content: 'COO vs head of ops salary?', author: alex });
    const request = await reply;
    const text = visibleText(request.body);
    expect(text).toContain('$132,974');
    expect(text).toContain('$111,025');
    expect(allowedMentions(request)).toEqual({ parse: [], replied_user: false });
    expect((request.body?.['message_reference'] as JsonObject)['message_id']).toBe(asked['id']);
    // A later message is answered by its own reply: the first one was answered once.
    const next = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({ content: 'thanks', author: alex });
    await next;
    expect(h.discord.messagesPostedTo(dm)).toHaveLength(2);
  });

  it('GIVEN that DM WHEN the user follows up "what about skills?" THEN skills are answered for the same two roles', async () => {
    const dm = h.discord.dmChannelId(alex.id);
    const reply = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({ content: 'what about skills?', author: alex });
    const text = visibleText((await reply).body);
    expect(text).toMatch(/Skills\W+Chief Operating Officer/);
    expect(text).toMatch(/Skills\W+Head of Operations/);
    expect(text).not.toContain('$132,974');
  });

  it('a guild message that mentions the bot is answered, without the mention confusing the question', async () => {
    const reply = h.discord.nextMessage(general);
    h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> COO vs head of ops salary`,
      mentionsBot: true,
      author: robin,
    });
    const request = await reply;
    expect(visibleText(request.body)).toContain('$132,974');
    expect(allowedMentions(request)).toEqual({ parse: [], replied_user: false });
  });

  it('a guild message that neither mentions nor replies to the bot is not answered', async () => {
    const ignored = h.discord.sendGuildMessage({
      channelId: general,
      content: 'COO vs head of ops salary',
      author: robin,
    });
    const answered = h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> operations manager salary`,
      mentionsBot: true,
      author: robin,
    });
    // Messages are handled in order: once the later one is answered, the earlier one was passed over.
    await h.discord.waitForRequest(
      (r) => (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === answered['id'],
      { from: 0 },
    );
    const repliedTo = h.discord
      .messagesPostedTo(general)
      .map((r) => (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id']);
    expect(repliedTo).not.toContain(ignored['id']);
  });

  it("a reply to one of the bot's messages is answered without a mention", async () => {
    const botMessageId = h.discord.createdId(await h.discord.nextMessage(general, { from: 0 }));
    const reply = h.discord.nextMessage(general);
    const asked = h.discord.sendGuildMessage({
      channelId: general,
      content: 'and what about their duties?',
      replyTo: botMessageId,
      author: robin,
    });
    const request = await reply;
    expect((request.body?.['message_reference'] as JsonObject)['message_id']).toBe(asked['id']);
    expect(visibleText(request.body)).toMatch(/duties/i);
  });

  it('every message in an answer channel is answered', async () => {
    const reply = h.discord.nextMessage(askCareers);
    h.discord.sendGuildMessage({
      channelId: askCareers,
      content: 'ops coordinator vs ops manager salary',
      author: robin,
    });
    const text = visibleText((await reply).body);
    expect(text).toContain('$55,558');
    expect(text).toContain('$75,844');
  });

  it('messages from other bots and from webhooks are never answered, even in an answer channel', async () => {
    const fromBot = h.discord.sendGuildMessage({
      channelId: askCareers,
      content: 'COO salary',
      author: otherBot,
    });
    const fromHook = h.discord.sendGuildMessage({
      channelId: askCareers,
      content: 'COO salary',
      author: robin,
      webhookId: '400000000000000001',
    });
    const human = h.discord.sendGuildMessage({ channelId: askCareers, content: 'COO salary', author: robin });
    await h.discord.waitForRequest(
      (r) => (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === human['id'],
      { from: 0 },
    );
    const repliedTo = h.discord
      .messagesPostedTo(askCareers)
      .map((r) => (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id']);
    expect(repliedTo).not.toContain(fromBot['id']);
    expect(repliedTo).not.toContain(fromHook['id']);
  });

  it('"@everyone COO vs head of ops salary" is answered and nobody is pinged', async () => {
    const reply = h.discord.nextMessage(askCareers);
    h.discord.sendGuildMessage({
      channelId: askCareers,
      content: '@everyone COO vs head of ops salary',
      mentionEveryone: true,
      author: robin,
    });
    const request = await reply;
    expect(visibleText(request.body)).toContain('$132,974');
    expect(allowedMentions(request)).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(request.body)).not.toMatch(/@(everyone|here)(?!\u200B)/);
  });
});

describe('cooldown and failures on free text', () => {
  let h: Harness;
  let broken = false;
  beforeAll(async () => {
    const knowledge = await openKnowledge(DEFAULT_KNOWLEDGE_DIR, createLogger('silent'));
    h = await startHarness({
      bot: () => ({
        cooldown: { max: 2, windowMs: 60_000 },
        knowledge: {
          current: () => {
            if (broken) throw new Error('knowledge exploded');
            return knowledge.current();
          },
        },
      }),
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('GIVEN a user over the limit THEN the first refused question gets one polite note and the next ones silence', async () => {
    const user: FakeUser = { id: '300000000000000031', username: 'quick' };
    const dm = h.discord.dmChannelId(user.id);
    for (let i = 0; i < 2; i++) {
      const reply = h.discord.nextMessage(dm);
      h.discord.sendDirectMessage({ content: 'COO salary', author: user });
      expect(visibleText((await reply).body)).toContain('$132,974');
    }
    const note = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({ content: 'COO salary', author: user });
    const noted = await note;
    expect(noted.body?.['content']).toBe(TEXTS.cooldownNote);
    expect(allowedMentions(noted)).toEqual({ parse: [], replied_user: false });
    h.discord.sendDirectMessage({ content: 'COO salary', author: user });
    h.discord.sendDirectMessage({ content: 'COO salary', author: user });
    // Another user's question is answered: the silenced ones were passed over before it.
    const other: FakeUser = { id: '300000000000000032', username: 'patient' };
    const otherReply = h.discord.nextMessage(h.discord.dmChannelId(other.id));
    h.discord.sendDirectMessage({ content: 'COO salary', author: other });
    await otherReply;
    expect(h.discord.messagesPostedTo(dm)).toHaveLength(3);
  });

  it('GIVEN answering throws THEN the error is logged and the user gets a short reply', async () => {
    const user: FakeUser = { id: '300000000000000033', username: 'unlucky' };
    const dm = h.discord.dmChannelId(user.id);
    broken = true;
    try {
      const reply = h.discord.nextMessage(dm);
      h.discord.sendDirectMessage({ content: 'COO salary', author: user });
      expect((await reply).body?.['content']).toBe(TEXTS.apology);
    } finally {
      broken = false;
    }
    expect(h.logs.text).toContain('knowledge exploded');
    expect(h.logs.text).not.toContain(h.discord.token);
    // The bot is still there.
    const next = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({ content: 'COO salary', author: user });
    expect(visibleText((await next).body)).toContain('$132,974');
  });
});
