import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/config/env.js';
import { startBot, type RunningBot, type StartBotOptions } from '../../src/discord/bot.js';
import { openKnowledge } from '../../src/engine/reload.js';
import { createLogger } from '../../src/log.js';
import { IN_MEMORY, openStore } from '../../src/store/database.js';
import {
  FakeDiscord,
  type FakeDiscordOptions,
  type JsonObject,
  type RecordedRequest,
} from './fake-discord/server.js';

/**
 * A copy of the bundled knowledge base without the open data (the articles' four roles), in a fresh
 * temporary folder: for tests whose questions must stay unknown, or that reload it.
 */
export function articlesOnlyKnowledge(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'careerbot-articles-')), 'knowledge');
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true, filter: (source) => !source.includes('open-data') });
  return dir;
}

/** Everything the bot logged in a test, one JSON line each. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.lines.push(
      ...String(chunk)
        .split('\n')
        .filter((l) => l !== ''),
    );
    callback();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface Harness {
  readonly discord: FakeDiscord;
  readonly bot: RunningBot;
  readonly logs: LogCapture;
  stop(): Promise<void>;
}

/** Start the local Discord-compatible server and the real bot against it, in this process. */
export async function startHarness(
  options: {
    discord?: FakeDiscordOptions;
    /** Bot options; a function so they can name the server's channels. */
    bot?: (discord: FakeDiscord) => Partial<Omit<StartBotOptions, 'token' | 'apiBase' | 'logger'>>;
  } = {},
): Promise<Harness> {
  const discord = await FakeDiscord.start({ heartbeatIntervalMs: 500, ...options.discord });
  const logs = new LogCapture();
  const logger = createLogger('trace', logs);
  const botOptions = options.bot?.(discord) ?? {};
  const knowledge = botOptions.knowledge ?? (await openKnowledge(DEFAULT_KNOWLEDGE_DIR, logger));
  const bot = await startBot({
    cooldown: { max: 0, windowMs: 0 },
    store: openStore(IN_MEMORY),
    ...botOptions,
    knowledge,
    token: discord.token,
    apiBase: discord.apiBase,
    logger,
  });
  return {
    discord,
    bot,
    logs,
    async stop() {
      await bot.stop();
      await discord.stop();
      // A route the server does not know means the bot called something these tests never checked.
      if (discord.unknownRoutes.length > 0) {
        throw new Error(
          `The bot called routes the local server does not know: ${discord.unknownRoutes.join(', ')}`,
        );
      }
    },
  };
}

/** Everything a user would read in a message body: content, embed titles, descriptions, fields, footers. */
export function visibleText(body: JsonObject | undefined): string {
  if (!body) return '';
  const parts: string[] = [];
  const data = (body['data'] as JsonObject | undefined) ?? body;
  if (typeof data['content'] === 'string') parts.push(data['content']);
  for (const embed of (data['embeds'] as JsonObject[] | undefined) ?? []) {
    for (const key of ['title', 'description'] as const)
      if (typeof embed[key] === 'string') parts.push(embed[key]);
    for (const field of (embed['fields'] as JsonObject[] | undefined) ?? [])
      parts.push(`${String(field['name'])}\n${String(field['value'])}`);
    const footer = embed['footer'] as JsonObject | undefined;
    if (footer && typeof footer['text'] === 'string') parts.push(footer['text']);
  }
  return parts.join('\n');
}

/** The custom_ids of every button in a message body or interaction callback. */
export function buttonIds(body: JsonObject | undefined): string[] {
  const data = (body?.['data'] as JsonObject | undefined) ?? body ?? {};
  return ((data['components'] as JsonObject[] | undefined) ?? []).flatMap((row) =>
    ((row['components'] as JsonObject[] | undefined) ?? []).map((b) => String(b['custom_id'])),
  );
}

/** The allowed_mentions a request carried (at the top or inside an interaction callback's data). */
export function allowedMentions(request: RecordedRequest): JsonObject | undefined {
  const body = request.body ?? {};
  const data = (body['data'] as JsonObject | undefined) ?? body;
  return data['allowed_mentions'] as JsonObject | undefined;
}
