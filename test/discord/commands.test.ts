import { SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCommands, type Command } from '../../src/discord/commands.js';
import { TEXTS } from '../../src/discord/texts.js';
import type { JsonObject } from './fake-discord/server.js';
import { buttonIds, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;

const failing: Command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Always fails (test only)'),
  async execute() {
    throw new Error('the handler broke');
  },
};

function callbackData(body: JsonObject | undefined): JsonObject {
  return (body?.['data'] as JsonObject | undefined) ?? {};
}

describe('slash commands, autocomplete and topic buttons', () => {
  let h: Harness;
  beforeAll(async () => {
    const commands = [...(await loadCommands()), failing];
    h = await startHarness({ bot: () => ({ commands }) });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('/compare with two roles picked from autocomplete answers with both salaries', async () => {
    const interaction = h.discord.runCommand({
      name: 'compare',
      options: [
        { name: 'first', type: 3, value: 'chief-operating-officer' },
        { name: 'second', type: 3, value: 'head-of-operations' },
        { name: 'topic', type: 3, value: 'salary' },
      ],
    });
    const callback = await h.discord.interactionCallback(interaction);
    expect(callback.body?.['type']).toBe(4);
    const text = visibleText(callback.body);
    expect(text).toContain('$132,974');
    expect(text).toContain('$111,025');
    expect(callbackData(callback.body)['allowed_mentions']).toEqual({ parse: [], replied_user: false });
  });

  it('/compare with roles typed by hand is understood too', async () => {
    const interaction = h.discord.runCommand({
      name: 'compare',
      options: [
        { name: 'first', type: 3, value: 'ops coordinator' },
        { name: 'second', type: 3, value: 'ops manager' },
        { name: 'topic', type: 3, value: 'salary' },
      ],
    });
    const text = visibleText((await h.discord.interactionCallback(interaction)).body);
    expect(text).toContain('$55,558');
    expect(text).toContain('$75,844');
  });

  it('/role shows one role on the asked topic', async () => {
    const interaction = h.discord.runCommand({
      name: 'role',
      options: [
        { name: 'name', type: 3, value: 'operations-manager' },
        { name: 'topic', type: 3, value: 'salary' },
      ],
    });
    const text = visibleText((await h.discord.interactionCallback(interaction)).body);
    expect(text).toContain('Operations Manager');
    expect(text).toContain('$75,844');
    expect(text).not.toContain('$55,558');
  });

  it('/roles lists every role the knowledge base holds, privately', async () => {
    const callback = await h.discord.interactionCallback(h.discord.runCommand({ name: 'roles' }));
    const text = visibleText(callback.body);
    for (const title of [
      'Chief Operating Officer',
      'Head of Operations',
      'Operations Coordinator',
      'Operations Manager',
    ]) {
      expect(text).toContain(title);
    }
    expect(callbackData(callback.body)['flags']).toBe(EPHEMERAL);
  });

  it('/help explains the commands, privately', async () => {
    const callback = await h.discord.interactionCallback(h.discord.runCommand({ name: 'help' }));
    const text = visibleText(callback.body);
    for (const command of ['/ask', '/compare', '/role', '/roles']) expect(text).toContain(command);
    expect(callbackData(callback.body)['flags']).toBe(EPHEMERAL);
  });

  it('/ask answers like a message and shares the conversation with messages in the same place', async () => {
    const user = { id: '300000000000000021', username: 'kim' };
    const asked = await h.discord.interactionCallback(
      h.discord.runCommand({
        name: 'ask',
        user,
        options: [{ name: 'question', type: 3, value: 'COO vs head of ops salary?' }],
      }),
    );
    expect(visibleText(asked.body)).toContain('$132,974');
    const general = h.discord.channel('general').id;
    const reply = h.discord.nextMessage(general);
    h.discord.sendGuildMessage({
      channelId: general,
      content: `<@${h.discord.botUser.id}> and their skills?`,
      mentionsBot: true,
      author: user,
    });
    const text = visibleText((await reply).body);
    expect(text).toMatch(/Skills\W+Chief Operating Officer/);
  });

  it('autocomplete offers at most 25 roles that match what was typed, valued by role id', async () => {
    const interaction = h.discord.autocomplete({
      name: 'compare',
      options: [{ name: 'first', type: 3, value: 'ops man', focused: true }],
    });
    const callback = await h.discord.interactionCallback(interaction);
    expect(callback.body?.['type']).toBe(8);
    const choices = callbackData(callback.body)['choices'] as JsonObject[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({ name: 'Operations Manager', value: 'operations-manager' });
  });

  it('autocomplete with nothing typed offers the known roles', async () => {
    const interaction = h.discord.autocomplete({
      name: 'role',
      options: [{ name: 'name', type: 3, value: '', focused: true }],
    });
    const choices = callbackData((await h.discord.interactionCallback(interaction)).body)[
      'choices'
    ] as JsonObject[];
    expect(choices.map((c) => c['value'])).toEqual(
      expect.arrayContaining([
        'chief-operating-officer',
        'head-of-operations',
        'operations-coordinator',
        'operations-manager',
      ]),
    );
  });

  it('a topic button replaces the answer in place with that topic', async () => {
    const dm = h.discord.dmChannelId('300000000000000022');
    const reply = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({
      content: 'COO vs head of ops salary?',
      author: { id: '300000000000000022', username: 'lee' },
    });
    const posted = await reply;
    const skills = buttonIds(posted.body).find((id) => id.includes('skills'));
    expect(skills).toBeDefined();
    const messageId = h.discord.createdId(posted);
    const click = h.discord.clickButton({
      messageId,
      customId: skills ?? '',
      user: { id: '300000000000000022', username: 'lee' },
    });
    const callback = await h.discord.interactionCallback(click);
    expect(callback.body?.['type']).toBe(7);
    const text = visibleText(h.discord.message(messageId));
    expect(text).toMatch(/Skills\W+Chief Operating Officer/);
    expect(text).not.toContain('$132,974');
  });

  it('a button from an old message still works: nothing about it is kept in memory', async () => {
    const dm = h.discord.dmChannelId('300000000000000023');
    const reply = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({
      content: 'ops coordinator vs ops manager',
      author: { id: '300000000000000023', username: 'max' },
    });
    const posted = await reply;
    // A fresh conversation store stands for a restarted bot.
    h.bot.engine.reset(dm);
    const salary = buttonIds(posted.body).find((id) => id.includes('salary')) ?? '';
    const callback = await h.discord.interactionCallback(
      h.discord.clickButton({ messageId: h.discord.createdId(posted), customId: salary }),
    );
    expect(visibleText(callback.body)).toContain('$75,844');
  });

  it('a button the bot did not make gets a short private note', async () => {
    const dm = h.discord.dmChannelId('300000000000000024');
    const reply = h.discord.nextMessage(dm);
    h.discord.sendDirectMessage({ content: 'hello', author: { id: '300000000000000024', username: 'ana' } });
    const posted = await reply;
    const callback = await h.discord.interactionCallback(
      h.discord.clickButton({ messageId: h.discord.createdId(posted), customId: 'something-else' }),
    );
    expect(callbackData(callback.body)['content']).toBe(TEXTS.staleButton);
    expect(callbackData(callback.body)['flags']).toBe(EPHEMERAL);
  });

  it('a failing command is logged and the user gets a short private apology; the token is never logged', async () => {
    const callback = await h.discord.interactionCallback(h.discord.runCommand({ name: 'boom' }));
    expect(callbackData(callback.body)['content']).toBe(TEXTS.apology);
    expect(callbackData(callback.body)['flags']).toBe(EPHEMERAL);
    expect(h.logs.text).toContain('the handler broke');
    expect(h.logs.text).not.toContain(h.discord.token);
    expect(h.logs.text).not.toMatch(/interaction-token-/);
  });
});
