import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { FakeDiscord, type FakeUser } from './fake-discord/server.js';
import { visibleText } from './harness.js';
import { runBotProcess, until, PROCESS_TEST_TIMEOUT_MS } from './spawn-bot.js';

const member: FakeUser = { id: '300000000000000121', username: 'member' };

describe('npm start while the knowledge directory is edited', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  let discord: FakeDiscord;
  let dir: string;
  beforeAll(async () => {
    discord = await FakeDiscord.start({ heartbeatIntervalMs: 500 });
    dir = mkdtempSync(join(tmpdir(), 'careerbot-live-'));
    // The articles only: the open data's thousand occupations would only slow each reload down.
    cpSync(DEFAULT_KNOWLEDGE_DIR, join(dir, 'knowledge'), {
      recursive: true,
      filter: (source) => !source.includes('open-data'),
    });
  });
  afterAll(async () => {
    await discord?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from the edited files once they are reloaded, keeps the old version while an edit is invalid, and counts reloads in /metrics', async () => {
    const article = join(dir, 'knowledge', 'articles', 'operations-coordinator-vs-operations-manager.md');
    const original = readFileSync(article, 'utf8');
    const dm = discord.dmChannelId(member.id);
    const askSalary = async (): Promise<string> => {
      const reply = discord.nextMessage(dm);
      discord.sendDirectMessage({ content: 'ops manager salary', author: member });
      return visibleText((await reply).body);
    };
    let failure: unknown;
    const drive = async (child: ChildProcess, output: () => string): Promise<void> => {
      try {
        expect(await askSalary()).toContain('$75,844');
        writeFileSync(article, original.replace('amount: 75844', 'amount: 80125'));
        expect(await until(() => (output().match(/knowledge reloaded/g) ?? []).length >= 1, 10_000)).toBe(
          true,
        );
        expect(await askSalary()).toContain('$80,125');
        writeFileSync(article, original.replace('amount: 75844', 'amount: lots'));
        expect(await until(() => output().includes('knowledge reload refused'), 10_000)).toBe(true);
        expect(await askSalary()).toContain('$80,125');
        const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output())?.[1] ?? '';
        const metrics = await (await fetch(`${url}/metrics`)).text();
        expect(metrics).toMatch(/careerbot_knowledge_reloads_total\{result="ok"\} [1-9]/);
        expect(metrics).toMatch(/careerbot_knowledge_reloads_total\{result="refused"\} [1-9]/);
      } catch (error) {
        failure = error;
      } finally {
        child.kill('SIGTERM');
      }
    };
    const result = await runBotProcess(
      {
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        KNOWLEDGE_DIR: join(dir, 'knowledge'),
        HEALTH_PORT: '0',
      },
      {
        when: /bot is ready/,
        then: (child, stderr) => void drive(child, stderr),
      },
    );
    expect(failure).toBeUndefined();
    expect(result.code, result.output).toBe(0);
  });
});
