import { describe, expect, it } from 'vitest';
import { conversationId, cooldownKey } from '../../src/discord/conversation.js';
import {
  answerReason,
  stripBotMention,
  type AnswerPolicy,
  type IncomingMessage,
} from '../../src/discord/free-text.js';

const BOT = '100000000000000001';
const base: IncomingMessage = {
  authorId: '200000000000000001',
  authorIsBot: false,
  webhookId: null,
  inGuild: true,
  content: 'coo vs head of ops salary',
  mentionedUserIds: [],
  repliedToUserId: null,
};
const none: AnswerPolicy = { replies: true, isAnswerChannel: () => false };
const answerChannel: AnswerPolicy = { replies: true, isAnswerChannel: () => true };
const noReplies: AnswerPolicy = { replies: false, isAnswerChannel: () => false };

describe('which messages the bot answers', () => {
  it('every DM', () => expect(answerReason({ ...base, inGuild: false }, BOT, none)).toBe('dm'));
  it('a guild message that mentions it', () =>
    expect(answerReason({ ...base, content: `<@${BOT}> coo`, mentionedUserIds: [BOT] }, BOT, none)).toBe(
      'mention',
    ));
  it('a reply to one of its messages', () =>
    expect(answerReason({ ...base, repliedToUserId: BOT }, BOT, none)).toBe('reply'));
  it('anything in an answer channel', () =>
    expect(answerReason(base, BOT, answerChannel)).toBe('answer-channel'));
  it('not other guild messages, even ones mentioning someone else', () =>
    expect(answerReason({ ...base, mentionedUserIds: ['999999999999999999'] }, BOT, none)).toBeNull());
  it('never bots, webhooks or itself, even in DMs', () => {
    expect(answerReason({ ...base, inGuild: false, authorIsBot: true }, BOT, none)).toBeNull();
    expect(answerReason({ ...base, inGuild: false, webhookId: '1' }, BOT, none)).toBeNull();
    expect(answerReason({ ...base, inGuild: false, authorId: BOT }, BOT, none)).toBeNull();
  });
  it('GIVEN a server that turned replies off THEN a reply is not answered, unless its text mentions the bot', () => {
    expect(
      answerReason({ ...base, repliedToUserId: BOT, mentionedUserIds: [BOT] }, BOT, noReplies),
    ).toBeNull();
    expect(
      answerReason({ ...base, content: `<@${BOT}> and skills?`, repliedToUserId: BOT }, BOT, noReplies),
    ).toBe('mention');
  });
  it('GIVEN no text (as Discord sends messages without the Message Content intent) THEN nothing is answered', () => {
    expect(answerReason({ ...base, content: '' }, BOT, answerChannel)).toBeNull();
    expect(answerReason({ ...base, content: ' ', inGuild: false }, BOT, none)).toBeNull();
  });
  it('asks whether the channel is an answer channel only when nothing else decided', () => {
    let asked = 0;
    const counting: AnswerPolicy = { replies: true, isAnswerChannel: () => (asked++, true) };
    answerReason({ ...base, inGuild: false }, BOT, counting);
    answerReason({ ...base, content: `<@${BOT}> hi` }, BOT, counting);
    expect(asked).toBe(0);
    answerReason(base, BOT, counting);
    expect(asked).toBe(1);
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

describe('conversationId and cooldownKey', () => {
  it('is the channel in DMs and the channel and user in guilds', () => {
    expect(conversationId({ channelId: 'c', userId: 'u', inGuild: false })).toBe('c');
    expect(conversationId({ channelId: 'c', userId: 'u', inGuild: true })).toBe('c:u');
  });
  it('counts a person separately in each server, and once for DMs', () => {
    expect(cooldownKey('u', null)).toBe('u');
    expect(cooldownKey('u', 'g1')).not.toBe(cooldownKey('u', 'g2'));
  });
});
