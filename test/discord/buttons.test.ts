import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as kbGaps } from '../../src/cli/kb-gaps.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { encodeTopicButton } from '../../src/discord/button-codec.js';
import { TEXTS } from '../../src/discord/texts.js';
import { openKnowledge, type ReloadingKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/database.js';
import type { FakeUser, JsonObject, RecordedRequest } from './fake-discord/server.js';
import { buttonIds, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;
const alex: FakeUser = { id: '300000000000000031', username: 'alex' };
const robin: FakeUser = { id: '300000000000000032', username: 'robin' };
const sam: FakeUser = { id: '300000000000000033', username: 'sam' };

function data(callback: RecordedRequest): JsonObject {
  return (callback.body?.['data'] as JsonObject | undefined) ?? {};
}

describe('buttons under answers in a server channel', () => {
  let h: Harness;
  let general: string;
  let dir: string;
  let knowledge: ReloadingKnowledge;
  let database: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'careerbot-buttons-'));
    // The articles only: the open data's thousand occupations would only slow each reload down.
    cpSync(DEFAULT_KNOWLEDGE_DIR, join(dir, 'knowledge'), {
      recursive: true,
      filter: (source) => !source.includes('open-data'),
    });
    knowledge = await openKnowledge(join(dir, 'knowledge'), createLogger('silent'));
    database = join(dir, 'careerbot.db');
    h = await startHarness({ bot: () => ({ knowledge, store: openStore(database) }) });
    general = h.discord.channel('general').id;
  });
  afterAll(async () => {
    await h?.stop();
    knowledge.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** alex asks in #general; returns the public answer the bot posted. */
  async function alexAsks(question: string): Promise<{ id: string; request: RecordedRequest }> {
    const reply = h.discord.nextMessage(general);
    h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> ${question}`,
      mentionsBot: true,
      author: alex,
    });
    const request = await reply;
    return { id: h.discord.createdId(request), request };
  }

  function button(request: RecordedRequest, label: string): string {
    const rows = (request.body?.['components'] as JsonObject[] | undefined) ?? [];
    const found = rows
      .flatMap((r) => (r['components'] as JsonObject[]) ?? [])
      .find((b) => b['label'] === label);
    expect(found, `a "${label}" button`).toBeDefined();
    return String(found?.['custom_id']);
  }

  it("GIVEN alex's answer WHEN alex clicks a topic THEN the public message switches to it in place", async () => {
    const asked = await alexAsks('COO vs head of ops salary');
    const click = h.discord.clickButton({
      messageId: asked.id,
      customId: button(asked.request, 'Skills'),
      user: alex,
    });
    const callback = await h.discord.interactionCallback(click);
    expect(callback.body?.['type']).toBe(7);
    expect(visibleText(h.discord.message(asked.id))).toMatch(/Skills\W+Chief Operating Officer/);
  });

  it("GIVEN alex's answer WHEN robin clicks a topic THEN robin gets it privately and alex's message is unchanged", async () => {
    const asked = await alexAsks('COO vs head of ops salary');
    const before = JSON.stringify(h.discord.message(asked.id));
    const click = h.discord.clickButton({
      messageId: asked.id,
      customId: button(asked.request, 'Duties'),
      user: robin,
    });
    const callback = await h.discord.interactionCallback(click);
    expect(callback.body?.['type']).toBe(4);
    expect(data(callback)['flags']).toBe(EPHEMERAL);
    expect(visibleText(callback.body)).toMatch(/Duties\W+Chief Operating Officer/);
    expect(JSON.stringify(h.discord.message(asked.id))).toBe(before);
    // robin's private copy has buttons that are robin's: clicking one switches robin's copy in place.
    const copy = String(h.discord.original(click.token)?.['id']);
    const skills = buttonIds(callback.body).find((id) => id.includes('|skills|')) ?? '';
    const again = await h.discord.interactionCallback(
      h.discord.clickButton({ messageId: copy, customId: skills, user: robin }),
    );
    expect(again.body?.['type']).toBe(7);
    expect(JSON.stringify(h.discord.message(asked.id))).toBe(before);
  });

  it('GIVEN a tampered or foreign custom_id THEN a private note, and the message is left as it was', async () => {
    const asked = await alexAsks('COO vs head of ops salary');
    const before = JSON.stringify(h.discord.message(asked.id));
    for (const customId of [
      't|zz|salary|',
      'x',
      'f|h|nope',
      `t|${'9'.repeat(20)}|salary|a`,
      'f|h|AAAAAAAAAAAA',
    ]) {
      const callback = await h.discord.interactionCallback(
        h.discord.clickButton({ messageId: asked.id, customId, user: alex }),
      );
      expect(callback.body?.['type'], customId).toBe(4);
      expect(data(callback)['flags']).toBe(EPHEMERAL);
      expect(visibleText(callback.body)).toBe(TEXTS.staleButton);
    }
    expect(JSON.stringify(h.discord.message(asked.id))).toBe(before);
  });

  it('Helpful / Not helpful: one vote per person and answer, changeable, confirmed privately, shown by kb:gaps with the question', async () => {
    const asked = await alexAsks('COO vs head of ops salary?');
    const before = JSON.stringify(h.discord.message(asked.id));
    const notHelpful = button(asked.request, TEXTS.notHelpful);
    const helpful = button(asked.request, TEXTS.helpful);
    const vote = async (customId: string, user: FakeUser): Promise<string> => {
      const callback = await h.discord.interactionCallback(
        h.discord.clickButton({ messageId: asked.id, customId, user }),
      );
      expect(data(callback)['flags']).toBe(EPHEMERAL);
      return visibleText(callback.body);
    };
    expect(await vote(notHelpful, alex)).toBe(TEXTS.voteRecorded(false));
    expect(await vote(notHelpful, alex)).toBe(TEXTS.voteUnchanged(false));
    expect(await vote(notHelpful, robin)).toBe(TEXTS.voteRecorded(false));
    expect(await vote(helpful, sam)).toBe(TEXTS.voteRecorded(true));
    expect(await vote(notHelpful, sam)).toBe(TEXTS.voteChanged(false));
    expect(JSON.stringify(h.discord.message(asked.id))).toBe(before);

    let out = '';
    const code = await kbGaps([], {
      out: (t) => (out += t),
      err: () => undefined,
      env: { DATABASE_FILE: database },
    });
    expect(code).toBe(0);
    expect(out).toMatch(/1\. "coo vs head of ops salary\?"\s+3 \/ 0/);
    // No user id anywhere in the database file.
    const store = openStore(database);
    const dump = JSON.stringify(store.db.prepare('SELECT * FROM votes').raw().all());
    store.close();
    for (const user of [alex, robin, sam]) expect(dump).not.toContain(user.id);
  });

  it('lists, help and small talk take no votes', async () => {
    for (const name of ['roles', 'help']) {
      const callback = await h.discord.interactionCallback(h.discord.runCommand({ name, user: alex }));
      expect(
        buttonIds(callback.body).some((id) => id.startsWith('f|')),
        name,
      ).toBe(false);
    }
    const asked = await alexAsks('hello');
    expect(buttonIds(asked.request.body).some((id) => id.startsWith('f|'))).toBe(false);
  });

  it('GIVEN a button naming roles the knowledge base no longer has (an article deleted, reloaded live) THEN a private note; the message is unchanged', async () => {
    const asked = await alexAsks('ops coordinator vs ops manager salary');
    const skills = button(asked.request, 'Skills');
    const before = JSON.stringify(h.discord.message(asked.id));
    const article = join(dir, 'knowledge', 'articles', 'operations-coordinator-vs-operations-manager.md');
    const saved = readFileSync(article, 'utf8');
    rmSync(article);
    try {
      expect(await knowledge.reload()).toBe(true);
      const callback = await h.discord.interactionCallback(
        h.discord.clickButton({ messageId: asked.id, customId: skills, user: alex }),
      );
      expect(data(callback)['flags']).toBe(EPHEMERAL);
      expect(visibleText(callback.body)).toBe(TEXTS.staleButton);
      expect(JSON.stringify(h.discord.message(asked.id))).toBe(before);
      const forged = encodeTopicButton({ topic: 'skills', roles: ['lion-tamer'], asker: alex.id }) ?? '';
      const other = await h.discord.interactionCallback(
        h.discord.clickButton({ messageId: asked.id, customId: forged, user: alex }),
      );
      expect(visibleText(other.body)).toBe(TEXTS.staleButton);
    } finally {
      writeFileSync(article, saved);
      await knowledge.reload();
    }
  });
});
