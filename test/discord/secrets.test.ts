import { describe, expect, it } from 'vitest';
import { scrubbingDestination } from '../../src/discord/bot.js';
import { safeError } from '../../src/discord/safe-error.js';
import { createLogger } from '../../src/log.js';
import { LogCapture } from './harness.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.secret-part_of-the-token';

describe('secrets in logs', () => {
  it('the bot token never reaches the log, wherever it hides in what is logged', () => {
    const sink = new LogCapture();
    const logger = createLogger('trace', scrubbingDestination(TOKEN, sink));
    const error = Object.assign(new Error(`login failed for ${TOKEN}`), { requestBody: { token: TOKEN } });
    logger.error({ err: error, nested: { deeper: [`Bot ${TOKEN}`] } }, `message with ${TOKEN}`);
    logger.error({ err: safeError(error) }, 'through safeError');
    expect(sink.lines).toHaveLength(2);
    expect(sink.text).not.toContain(TOKEN);
    expect(sink.text).toContain('[redacted]');
  });

  it('interaction and webhook tokens in request URLs are masked in logged errors', () => {
    const error = Object.assign(new Error('Unknown interaction'), {
      status: 404,
      method: 'POST',
      url: 'https://discord.com/api/v10/interactions/123456789/aW50ZXJhY3Rpb24.token/callback',
    });
    const safe = safeError(error);
    expect(safe.url).toBe('https://discord.com/api/v10/interactions/123456789/[token]/callback');
    expect(
      JSON.stringify(safeError(new Error('PATCH /webhooks/42/abc.def-ghi/messages/@original failed'))),
    ).not.toContain('abc.def-ghi');
  });
});
