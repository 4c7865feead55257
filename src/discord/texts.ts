/** Everything the Discord adapter says on its own (answers themselves come from the renderer). */
export const TEXTS = Object.freeze({
  presence: 'Ask me: /help or mention me',
  cooldownNote: 'You are asking quickly: give me a few seconds, then ask again.',
  apology: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  unknownCommand: 'I do not know that command any more. Try /help.',
  staleButton: 'That button no longer works. Ask the question again and use the new buttons.',
});

/** Start-up failures: each says what is wrong and what to change. Never includes the token. */
export const FATAL = Object.freeze({
  missingToken:
    'DISCORD_TOKEN is not set. Create a bot in the Discord Developer Portal (Applications > your app > Bot > Reset Token), then put DISCORD_TOKEN=<token> in .env or the environment.',
  tokenRefused:
    'Discord refused DISCORD_TOKEN (401 / gateway close 4004: authentication failed). The token is wrong, was reset, or has extra characters: copy a fresh one from the Developer Portal (Bot > Reset Token) into DISCORD_TOKEN.',
  disallowedIntents:
    'Discord refused the Message Content intent (gateway close 4014: disallowed intents). Enable it in the Developer Portal: Applications > your app > Bot > Privileged Gateway Intents > MESSAGE CONTENT INTENT, save, and start the bot again.',
  invalidIntents:
    'Discord refused the requested intents (gateway close 4013). This is a bug in careerbot: please report it.',
  unrecoverable: (code: number) =>
    `The Discord gateway closed the connection with code ${code}, which cannot be recovered from. See https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes`,
});
