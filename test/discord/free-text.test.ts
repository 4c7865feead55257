import { describe, expect, it } from 'vitest';
import { answerReason, stripBotMention, type IncomingMessage } from '../../src/discord/free-text.js';
import { conversationId } from '../../src/discord/conversation.js';

const BOT = '100000000000000001';
const base: IncomingMessage = {
  authorId: '200000000000000001',
  authorIsBot: false,
  webhookId: null,
  inGuild: true,
  channelId: '300000000000000001',
  mentionedUserIds: [],
  repliedToUserId: null,
};
const none = new Set<string>();

describe('which messages the bot answers', () => {
  it('every DM', () => expect(answerReason({ ...base, inGuild: false }, BOT, none)).toBe('dm'));
  it('a guild message that mentions it', () =>
    expect(answerReason({ ...base, mentionedUserIds: [BOT] }, BOT, none)).toBe('mention'));
  it('a reply to one of its messages', () =>
    expect(answerReason({ ...base, repliedToUserId: BOT }, BOT, none)).toBe('reply'));
  it('anything in an answer channel', () =>
    expect(answerReason(base, BOT, new Set([base.channelId]))).toBe('answer-channel'));
  it('not other guild messages, even ones mentioning someone else', () =>
    expect(answerReason({ ...base, mentionedUserIds: ['999999999999999999'] }, BOT, none)).toBeNull());
  it('never bots, webhooks or itself, even in DMs', () => {
    expect(answerReason({ ...base, inGuild: false, authorIsBot: true }, BOT, none)).toBeNull();
    expect(answerReason({ ...base, inGuild: false, webhookId: '1' }, BOT, none)).toBeNull();
    expect(answerReason({ ...base, inGuild: false, authorId: BOT }, BOT, none)).toBeNull();
  });
});

describe('stripBotMention', () => {
  it('removes both mention forms and keeps the question', () => {
    expect(stripBotMention(`<@${BOT}> coo vs ops head`, BOT)).toBe('coo vs ops head');
    expect(stripBotMention(`what about <@!${BOT}> skills`, BOT)).toBe('what about   skills');
  });
  it('leaves other mentions to the renderer and the understanding', () => {
    expect(stripBotMention('<@123456789012345678> hi', BOT)).toBe('<@123456789012345678> hi');
  });
});

describe('conversationId', () => {
  it('is the channel in DMs and the channel and user in guilds', () => {
    expect(conversationId({ channelId: 'c', userId: 'u', inGuild: false })).toBe('c');
    expect(conversationId({ channelId: 'c', userId: 'u', inGuild: true })).toBe('c:u');
  });
});
