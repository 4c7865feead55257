import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { startHealthServer, type HealthReport } from '../../src/health/server.js';
import type { FakeUser } from '../discord/fake-discord/server.js';
import { openKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import { articlesOnlyKnowledge, startHarness, type Harness } from '../discord/harness.js';

interface Health {
  ready: boolean;
  shards: { id: number; status: string; pingMs: number }[];
  pingMs: number;
  knowledge: { version: number; roles: number; comparisons: number; fingerprint: string };
}

/** The number a metric line reports, e.g. value('careerbot_questions_total{surface="dm",intent="compare"}'). */
function value(metrics: string, series: string): number {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
}

describe('GET /healthz and GET /metrics of a running bot, over real HTTP', () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    // Articles only: their four roles, and questions that stay unknown.
    const knowledge = await openKnowledge(articlesOnlyKnowledge(), createLogger('silent'));
    h = await startHarness({ bot: () => ({ knowledge, health: { port: 0, host: '127.0.0.1' } }) });
    base = h.bot.health?.url ?? '';
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('/healthz: 200 when the gateway is ready, with shard status, ping and the knowledge version', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const health = (await response.json()) as Health;
    expect(health.ready).toBe(true);
    expect(health.shards).toEqual([expect.objectContaining({ id: 0, status: 'Ready' })]);
    expect(typeof health.pingMs).toBe('number');
    expect(health.knowledge).toMatchObject({ version: 1, roles: 4 });
    expect(health.knowledge.fingerprint).toMatch(/^[0-9a-f]{12}$/);
  });

  it('/metrics counts questions by surface and intent, unknown and clarify answers, latency and votes, while questions are asked', async () => {
    const alex: FakeUser = { id: '300000000000000111', username: 'alex' };
    const dm = h.discord.dmChannelId(alex.id);
    const scrapes: Promise<Response>[] = [];
    for (const question of [
      'coo vs head of ops salary',
      'what does a lion tamer earn',
      'ops salary',
      'coo skills',
    ]) {
      const reply = h.discord.nextMessage(dm);
      h.discord.sendDirectMessage({ content: question, author: alex });
      scrapes.push(fetch(`${base}/metrics`));
      await reply;
    }
    for (const scrape of await Promise.all(scrapes)) expect(scrape.status).toBe(200);
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(value(text, 'careerbot_questions_total{surface="dm",intent="compare"}')).toBe(1);
    expect(value(text, 'careerbot_questions_total{surface="dm",intent="unknown"}')).toBe(1);
    expect(value(text, 'careerbot_unknown_answers_total')).toBe(1);
    expect(value(text, 'careerbot_clarify_answers_total')).toBe(1);
    expect(value(text, 'careerbot_answer_duration_seconds_count{surface="dm"}')).toBe(4);
    expect(value(text, 'careerbot_feedback_votes_total{vote="helpful"}')).toBe(0);
    expect(value(text, 'careerbot_knowledge_reloads_total{result="ok"}')).toBe(0);
    expect(value(text, 'careerbot_knowledge_roles')).toBe(4);
    expect(text).toContain('careerbot_process_resident_memory_bytes');
  });

  it('anything else is 404, and only GET is served', async () => {
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN the gateway connection is down THEN /healthz says 503 until it is back', async () => {
    h.discord.stopHeartbeatAcks();
    try {
      // The zombie connection is replaced: while it reconnects the bot is not ready.
      let sawDown = false;
      const deadline = Date.now() + 10_000;
      while (!sawDown && Date.now() < deadline) {
        const response = await fetch(`${base}/healthz`);
        if (response.status === 503) {
          sawDown = true;
          expect(((await response.json()) as Health).ready).toBe(false);
        } else {
          await new Promise((r) => setTimeout(r, 5));
        }
      }
      expect(sawDown).toBe(true);
    } finally {
      h.discord.resumeHeartbeatAcks();
    }
  });
});

describe('the health server alone', () => {
  const report = (ready: boolean): HealthReport => ({
    ready,
    shards: [{ id: 0, status: ready ? 'Ready' : 'Reconnecting', pingMs: 42 }],
    pingMs: 42,
    knowledge: { version: 3, fingerprint: 'abcdefabcdef', roles: 10, comparisons: 5, loadedAt: 'now' },
    uptimeSeconds: 1,
  });

  it('answers 503 with the report when not ready', async () => {
    const server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      report: () => report(false),
      registry: new Registry(),
    });
    try {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ready: false, shards: [{ status: 'Reconnecting' }] });
    } finally {
      await server.close();
    }
  });

  it('GIVEN the port is taken THEN it refuses to start, saying so', async () => {
    const first = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      report: () => report(true),
      registry: new Registry(),
    });
    try {
      const port = Number(new URL(first.url).port);
      await expect(
        startHealthServer({ port, host: '127.0.0.1', report: () => report(true), registry: new Registry() }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
