import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Logs go to stderr (fd 2): stdout belongs to answers (`ask --json`). Secrets are redacted by key,
 * and callers never pass the token in a message.
 */
export function createLogger(
  level = 'info',
  destination: pino.DestinationStream = pino.destination(2),
): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'],
        censor: '[redacted]',
      },
      base: null,
    },
    destination,
  );
}
