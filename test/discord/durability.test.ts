import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gapsStore } from '../../src/gaps/log.js';
import { openStore } from '../../src/store/database.js';
import { settingsStore } from '../../src/store/settings.js';
import { FakeDiscord, type FakeUser, type JsonObject } from './fake-discord/server.js';
import { articlesOnlyKnowledge, buttonIds, visibleText } from './harness.js';
import { runBotProcess, PROCESS_TEST_TIMEOUT_MS } from './spawn-bot.js';

const MANAGE_GUILD = (1n << 5n).toString();
const admin: FakeUser = { id: '300000000000000101', username: 'admin' };
const user = (i: number): FakeUser => ({
  id: `3000000000000002${String(i).padStart(2, '0')}`,
  username: `u${i}`,
});

/**
 * Everything the bot acknowledged (a /config change confirmed, a vote confirmed, an unanswered question
 * answered) is in the database after the process is killed with SIGKILL in the middle of writing more.
 */
describe('the database after the bot is killed', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  let discord: FakeDiscord;
  let dir: string;
  let database: string;
  beforeAll(async () => {
    discord = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
    dir = mkdtempSync(join(tmpdir(), 'careerbot-kill-'));
    database = join(dir, 'data', 'careerbot.db');
  });
  afterAll(async () => {
    await discord?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged setting, vote and gap, and the restarted bot applies them', async () => {
    const ask = discord.channel('ask-careers');
    const acknowledgedGaps: string[] = [];
    let votes = 0;
    let failure: unknown;
    const drive = async (child: ChildProcess): Promise<void> => {
      try {
        const config = (options: JsonObject[], resolved?: JsonObject) =>
          discord.interactionCallback(
            discord.runCommand({
              name: 'config',
              options,
              user: admin,
              permissions: MANAGE_GUILD,
              ...(resolved ? { resolved } : {}),
            }),
          );
        const added = await config(
          [
            {
              name: 'channels',
              type: 2,
              options: [{ name: 'add', type: 1, options: [{ name: 'channel', type: 7, value: ask.id }] }],
            },
          ],
          { channels: { [ask.id]: { id: ask.id, type: 0, name: ask.name, permissions: '0' } } },
        );
        expect(visibleText(added.body)).toContain('is now an answer channel');
        await config([
          {
            name: 'cooldown',
            type: 1,
            options: [
              { name: 'questions', type: 4, value: 7 },
              { name: 'seconds', type: 4, value: 30 },
            ],
          },
        ]);

        const dm = discord.dmChannelId(admin.id);
        const answer = discord.nextMessage(dm);
        discord.sendDirectMessage({ content: 'coo vs head of ops salary', author: admin });
        const answered = await answer;
        const notHelpful = buttonIds(answered.body).find((id) => id.startsWith('f|n|')) ?? '';
        for (const voter of [user(1), user(2)]) {
          await discord.interactionCallback(
            discord.clickButton({
              messageId: discord.createdId(answered),
              customId: notHelpful,
              user: voter,
            }),
          );
          votes++;
        }

        // A burst of unanswered questions; kill the process as soon as half are answered.
        const from = discord.requests.length;
        for (let i = 0; i < 20; i++)
          discord.sendDirectMessage({ content: `what does a lion tamer number ${i} earn`, author: user(i) });
        for (let i = 0; i < 10; i++) {
          const reply = await discord.waitForRequest(
            (r) =>
              r.method === 'POST' &&
              /^\/channels\/\d+\/messages$/.test(r.route) &&
              r.status === 200 &&
              !acknowledgedGaps.includes(r.route),
            { from },
          );
          acknowledgedGaps.push(reply.route);
        }
      } catch (error) {
        failure = error;
      } finally {
        child.kill('SIGKILL');
      }
    };
    const killed = await runBotProcess(
      {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        DATABASE_FILE: database,
        RECORD_GAPS: 'true',
        // Articles only, so every lion tamer stays an unanswered question.
        KNOWLEDGE_DIR: articlesOnlyKnowledge(),
      },
      { when: /bot is ready/, then: (child) => void drive(child) },
    );
    expect(failure).toBeUndefined();
    expect(killed.signal).toBe('SIGKILL');

    const store = openStore(database);
    const settings = settingsStore(store);
    expect(settings.channel(discord.guild.id, ask.id)).toBe(true);
    expect(settings.guild(discord.guild.id).cooldown).toEqual({ max: 7, windowMs: 30_000 });
    expect(store.db.prepare('SELECT count(*) FROM votes WHERE vote = -1').raw().get()).toEqual([votes]);
    const texts = [...gapsStore(store).entries()].map((e) => e.text);
    // Each acknowledged answer went to one user's DM channel; that user's question was recorded.
    for (const route of acknowledgedGaps) {
      const i = Array.from({ length: 20 }, (_, k) => k).find(
        (k) => route === `/channels/${discord.dmChannelId(user(k).id)}/messages`,
      );
      expect(i).toBeDefined();
      expect(texts).toContain(`what does a lion tamer number ${i} earn`);
    }
    store.close();

    // Restarted on the same database: the answer channel still applies.
    const restarted = await runBotProcess(
      { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, DATABASE_FILE: database },
      {
        when: /bot is ready/,
        then: (child) => {
          const reply = discord.nextMessage(ask.id);
          discord.sendGuildMessage({ channelId: ask.id, content: 'ops manager salary', author: user(30) });
          void reply.then(
            (r) => {
              expect(visibleText(r.body)).toContain('$75,844');
              child.kill('SIGTERM');
            },
            () => child.kill('SIGTERM'),
          );
        },
      },
    );
    expect(restarted.code, restarted.output).toBe(0);
    expect(discord.messagesPostedTo(ask.id)).toHaveLength(1);
  });
});
