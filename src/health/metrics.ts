import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Where a question came from. */
export type Surface = 'dm' | 'mention' | 'reply' | 'answer-channel' | 'slash' | 'button';

export interface AnsweredTurn {
  readonly query: { readonly intent: string };
  readonly answer: { readonly kind: string };
}

/**
 * The bot's Prometheus metrics, in a registry of its own (no global state: two bots in one test
 * process count separately). Served as text by GET /metrics.
 */
export interface BotMetrics {
  readonly registry: Registry;
  /** One question answered: `seconds` from its arrival to the rendered answer. */
  answered(surface: Surface, turn: AnsweredTurn, seconds: number): void;
  reloaded(ok: boolean): void;
  voted(vote: 'helpful' | 'not-helpful'): void;
}

/** Latency buckets from 0.25 ms (a warm answer) to 1 s (far beyond anything expected). */
const LATENCY_BUCKETS = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export function createMetrics(
  gauges: { readonly pingMs?: () => number; readonly roles?: () => number } = {},
): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'careerbot_' });
  const questions = new Counter({
    name: 'careerbot_questions_total',
    help: 'Questions answered, by where they were asked and what the bot understood',
    labelNames: ['surface', 'intent'] as const,
    registers: [registry],
  });
  const unknown = new Counter({
    name: 'careerbot_unknown_answers_total',
    help: 'Answers saying a role is unknown',
    registers: [registry],
  });
  const clarify = new Counter({
    name: 'careerbot_clarify_answers_total',
    help: 'Answers asking which role was meant',
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'careerbot_answer_duration_seconds',
    help: 'From a question arriving to its answer being ready to send',
    labelNames: ['surface'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'careerbot_knowledge_reloads_total',
    help: 'Knowledge base reloads, by result (refused: invalid files, the previous version kept)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const votes = new Counter({
    name: 'careerbot_feedback_votes_total',
    help: 'Helpful / Not helpful votes recorded or changed',
    labelNames: ['vote'] as const,
    registers: [registry],
  });
  for (const result of ['ok', 'refused']) reloads.inc({ result }, 0);
  for (const vote of ['helpful', 'not-helpful']) votes.inc({ vote }, 0);
  const { pingMs, roles } = gauges;
  if (pingMs) {
    new Gauge({
      name: 'careerbot_gateway_ping_seconds',
      help: 'Latest gateway heartbeat round trip',
      registers: [registry],
      collect() {
        const ms = pingMs();
        if (Number.isFinite(ms) && ms >= 0) this.set(ms / 1000);
      },
    });
  }
  if (roles) {
    new Gauge({
      name: 'careerbot_knowledge_roles',
      help: 'Roles in the knowledge base now answering',
      registers: [registry],
      collect() {
        this.set(roles());
      },
    });
  }
  return {
    registry,
    answered(surface, turn, seconds) {
      questions.inc({ surface, intent: turn.query.intent });
      if (turn.answer.kind === 'unknown') unknown.inc();
      if (turn.answer.kind === 'clarify') clarify.inc();
      latency.observe({ surface }, Math.max(0, seconds));
    },
    reloaded(ok) {
      reloads.inc({ result: ok ? 'ok' : 'refused' });
    },
    voted(vote) {
      votes.inc({ vote });
    },
  };
}
