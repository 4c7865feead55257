import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser, JsonObject, RecordedRequest } from './fake-discord/server.js';
import { allowedMentions, startHarness, visibleText, type Harness } from './harness.js';

/**
 * Network faults against the local Discord-compatible server, with the real discord.js client in this
 * process. Each test asserts what the server received: how many attempts, which gateway payloads, and
 * that the next question is answered afterwards.
 */

const INTENTS =
  GatewayIntentBits.Guilds |
  GatewayIntentBits.GuildMessages |
  GatewayIntentBits.MessageContent |
  GatewayIntentBits.DirectMessages;

const REPLY_ROUTE = /^\/channels\/\d+\/messages$/;

let nextUser = 400_000_000_000_000_000n;
function newUser(): FakeUser {
  nextUser += 1n;
  return { id: nextUser.toString(), username: `user${nextUser % 1000n}` };
}

function repliesTo(request: RecordedRequest, messageId: unknown): boolean {
  return (request.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === messageId;
}

describe('network faults', () => {
  let h: Harness;
  let general: string;
  beforeAll(async () => {
    h = await startHarness();
    general = h.discord.channel('general').id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A question in #general that mentions the bot, from its own user so conversations do not mix. */
  const ask = (content: string, author: FakeUser = newUser()): JsonObject =>
    h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> ${content}`,
      mentionsBot: true,
      author,
    });

  /** Ask, wait for the successful reply to that exact message, and return it. */
  const askAndAwaitReply = async (content: string, from: number): Promise<RecordedRequest> => {
    const asked = ask(content);
    return h.discord.waitForRequest((r) => r.status === 200 && repliesTo(r, asked['id']), {
      from,
      timeoutMs: 10_000,
      what: `the reply to "${content}"`,
    });
  };

  it('GIVEN a 429 with retry-after 0.3 s on the reply route THEN the bot waits it out and the reply is posted exactly once', async () => {
    h.discord.injectFault({ method: 'POST', route: REPLY_ROUTE, status: 429, retryAfter: 0.3 });
    const from = h.discord.requests.length;
    const asked = ask('COO vs head of ops salary');
    const ok = await h.discord.waitForRequest((r) => r.status === 200 && repliesTo(r, asked['id']), {
      from,
      timeoutMs: 10_000,
    });
    expect(visibleText(ok.body)).toContain('$132,974');
    expect(allowedMentions(ok)).toEqual({ parse: [], replied_user: false });
    // Same channel, same route bucket: once the next question is answered, no late duplicate can follow.
    await askAndAwaitReply('operations manager salary', ok.index + 1);
    const attempts = h.discord.requests.slice(from).filter((r) => repliesTo(r, asked['id']));
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(ok.at - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(290);
  });

  it('GIVEN one 500 on a reply THEN discord.js retries it and the answer is posted once', async () => {
    h.discord.injectFault({ method: 'POST', route: REPLY_ROUTE, status: 500 });
    const from = h.discord.requests.length;
    const ok = await askAndAwaitReply('head of operations salary', from);
    const attempts = h.discord.requests
      .slice(from)
      .filter((r) => repliesTo(r, (ok.body?.['message_reference'] as JsonObject)['message_id']));
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
  });

  it('GIVEN a reply that keeps failing with 500 THEN the failure is logged and the next question is still answered', async () => {
    // discord.js tries a request 4 times (1 + 3 retries) before giving up; fail all four.
    h.discord.injectFault({ method: 'POST', route: REPLY_ROUTE, status: 500, times: 4 });
    const from = h.discord.requests.length;
    const logsFrom = h.logs.lines.length;
    const failed = ask('COO vs head of ops salary');
    // The apology is the bot's next reply to that message, once the four attempts have failed.
    const apology = await h.discord.waitForRequest((r) => r.status === 200 && repliesTo(r, failed['id']), {
      from,
      timeoutMs: 10_000,
      what: 'the apology',
    });
    expect(visibleText(apology.body)).toMatch(/Sorry, something went wrong/);
    expect(allowedMentions(apology)).toEqual({ parse: [], replied_user: false });
    const attempts = h.discord.requests.slice(from).filter((r) => repliesTo(r, failed['id']));
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);

    const logged = h.logs.lines
      .slice(logsFrom)
      .map((l) => JSON.parse(l) as { msg?: string; err?: { status?: number } })
      .filter((l) => l.msg === 'answering a message failed');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.err?.status).toBe(500);

    const next = await askAndAwaitReply('operations manager salary', h.discord.requests.length);
    expect(visibleText(next.body)).toContain('$75,844');
  });

  it('WHEN the gateway closes with 4000 (unknown error, resumable) THEN the bot RESUMEs its session and answers the next message', async () => {
    const ready = h.discord.gateway.findLast((g) => g.payload.t === 'READY');
    const sessionId = (ready?.payload.d as JsonObject)['session_id'];
    const identifies = h.discord.sentByBot(2).length;
    const from = h.discord.gateway.length;
    h.discord.closeGateway(4000);
    const resume = await h.discord.waitForGateway((g) => g.direction === 'in' && g.payload.op === 6, {
      from,
      timeoutMs: 10_000,
      what: 'RESUME',
    });
    expect(resume.payload.d).toMatchObject({ session_id: sessionId, token: h.discord.token });
    await h.discord.waitForGateway((g) => g.payload.t === 'RESUMED', { from: resume.index });
    expect(h.discord.sentByBot(2)).toHaveLength(identifies);
    const reply = await askAndAwaitReply('COO salary', h.discord.requests.length);
    expect(visibleText(reply.body)).toContain('$132,974');
  });

  it('WHEN the server sends op 7 (reconnect) THEN the bot opens a new connection, RESUMEs and answers the next message', async () => {
    const identifies = h.discord.sentByBot(2).length;
    const from = h.discord.gateway.length;
    const oldConnection = h.discord.gateway.at(-1)?.connection;
    h.discord.sendReconnect();
    const resume = await h.discord.waitForGateway((g) => g.direction === 'in' && g.payload.op === 6, {
      from,
      timeoutMs: 10_000,
      what: 'RESUME',
    });
    expect(resume.connection).not.toBe(oldConnection);
    expect((resume.payload.d as JsonObject)['token']).toBe(h.discord.token);
    await h.discord.waitForGateway((g) => g.payload.t === 'RESUMED', { from: resume.index });
    expect(h.discord.sentByBot(2)).toHaveLength(identifies);
    const reply = await askAndAwaitReply('head of ops salary', h.discord.requests.length);
    expect(visibleText(reply.body)).toContain('$111,025');
  });

  it('WHEN the server sends op 9 (invalid session, not resumable) THEN the bot IDENTIFYs afresh with the same intents and answers the next message', async () => {
    const identifies = h.discord.sentByBot(2).length;
    const from = h.discord.gateway.length;
    h.discord.sendInvalidSession(false);
    const identify = await h.discord.waitForGateway((g) => g.direction === 'in' && g.payload.op === 2, {
      from,
      timeoutMs: 15_000,
      what: 'a new IDENTIFY',
    });
    expect(identify.payload.d).toMatchObject({ token: h.discord.token, intents: INTENTS });
    // A fresh session: no RESUME in between.
    expect(
      h.discord.gateway.slice(from, identify.index).some((g) => g.direction === 'in' && g.payload.op === 6),
    ).toBe(false);
    await h.discord.waitForGateway((g) => g.payload.t === 'READY', {
      from: identify.index,
      timeoutMs: 10_000,
    });
    expect(h.discord.sentByBot(2)).toHaveLength(identifies + 1);
    const reply = await askAndAwaitReply('operations manager salary', h.discord.requests.length);
    expect(visibleText(reply.body)).toContain('$75,844');
  });

  it('WHEN the server sends op 9 (invalid session, resumable) THEN the bot RESUMEs rather than IDENTIFYing and answers the next message', async () => {
    const identifies = h.discord.sentByBot(2).length;
    const from = h.discord.gateway.length;
    h.discord.sendInvalidSession(true);
    const resume = await h.discord.waitForGateway((g) => g.direction === 'in' && g.payload.op === 6, {
      from,
      timeoutMs: 15_000,
      what: 'RESUME',
    });
    await h.discord.waitForGateway((g) => g.payload.t === 'RESUMED', { from: resume.index });
    expect(h.discord.sentByBot(2)).toHaveLength(identifies);
    const reply = await askAndAwaitReply('COO vs head of ops salary', h.discord.requests.length);
    expect(visibleText(reply.body)).toContain('$132,974');
  });

  it('after all of the above, no question was answered twice and the client never logged an unhandled error', () => {
    const answered = h.discord.requests
      .filter((r) => r.method === 'POST' && REPLY_ROUTE.test(r.route) && r.status === 200)
      .map((r) => (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id']);
    expect(new Set(answered).size).toBe(answered.length);
    const levels = h.logs.lines.map((l) => JSON.parse(l) as { level: number; msg?: string });
    const errors = levels.filter((l) => l.level >= 50).map((l) => l.msg);
    // The only errors are the 500s forced above.
    expect(errors).toEqual(['answering a message failed']);
  });
});
