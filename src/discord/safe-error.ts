import { Writable } from 'node:stream';

/**
 * What of an error may be logged. discord.js errors carry request URLs with interaction tokens
 * (/interactions/:id/:token/callback, /webhooks/:app/:token) and request bodies; keep the useful
 * parts and mask the tokens. The bot token itself never reaches an error message; the log
 * destination also scrubs it as a last line of defence (scrubbingDestination below).
 */
export interface SafeError {
  readonly name: string;
  readonly message: string;
  readonly code?: string | number;
  readonly status?: number;
  readonly method?: string;
  readonly url?: string;
  readonly stack?: string;
}

const TOKEN_IN_PATH = /\/(interactions\/\d+|webhooks\/\d+)\/[\w.-]+/g;

export function maskTokens(text: string): string {
  return text.replace(TOKEN_IN_PATH, '/$1/[token]');
}

export function safeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { name: 'NonError', message: maskTokens(String(error)) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  return {
    name: e.name,
    message: maskTokens(e.message),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(typeof e.url === 'string' ? { url: maskTokens(e.url) } : {}),
    ...(e.stack ? { stack: maskTokens(e.stack) } : {}),
  };
}

/** A log destination that replaces every occurrence of `secret` before the line is written. */
export function scrubbingDestination(
  secret: string,
  target: NodeJS.WritableStream = process.stderr,
): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      const line = String(chunk);
      target.write(secret.length > 0 ? line.split(secret).join('[redacted]') : line);
      callback();
    },
  });
}

/** Discord's JSON error code of a failed REST call (50013 missing permissions...), if it has one. */
export function discordErrorCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}
