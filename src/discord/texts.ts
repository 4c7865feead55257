/** Everything the Discord adapter says on its own (answers themselves come from the renderer). */
export const TEXTS = Object.freeze({
  presence: 'Ask me: /help or mention me',
  cooldownNote: 'You are asking quickly: give me a few seconds, then ask again.',
  apology: 'Sorry, something went wrong on my side while answering. Please try again in a moment.',
  unknownCommand: 'I do not know that command any more. Try /help.',
  staleButton: 'That button no longer works. Ask the question again and use the new buttons.',
  answeredPrivately: (channelId: string) =>
    `I could not answer in <#${channelId}>: I am missing a permission there (Send Messages, or Send Messages in Threads). Here is my answer privately.`,
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  voteRecorded: (helpful: boolean) =>
    `Thanks: noted as ${helpful ? 'helpful' : 'not helpful'}. You can change your vote with the other button.`,
  voteChanged: (helpful: boolean) => `Changed: your vote is now "${helpful ? 'helpful' : 'not helpful'}".`,
  voteUnchanged: (helpful: boolean) =>
    `You have already said this answer was ${helpful ? 'helpful' : 'not helpful'}.`,
  feedbackUnavailable: 'Sorry, I could not save your vote just now. Please try again later.',
});

/** What /config says. */
export const CONFIG_TEXTS = Object.freeze({
  onlyInServers: '/config changes settings of a server: use it in the server.',
  needsManageServer: 'Only members with the Manage Server permission can change my settings here.',
  notInstalledHere:
    'I am not installed in this server (only on your account), so there is nothing to configure here. A server admin can invite me with the link in my README.',
  needsMessageContent:
    'Answer channels are unavailable: this bot runs without the Message Content intent (MESSAGE_CONTENT=false), so Discord does not show it the text of messages that do not mention it. Mention me, reply to me with the mention on, DM me or use /ask instead.',
  channelAdded: (id: string) =>
    `<#${id}> is now an answer channel: I answer every message there (and in its threads).`,
  channelAlready: (id: string) => `<#${id}> is already an answer channel.`,
  channelRemoved: (id: string) => `<#${id}> is no longer an answer channel.`,
  channelNotAnswer: (id: string) => `<#${id}> was not an answer channel.`,
  tooManyChannels: (max: number) =>
    `This server already has ${max} answer channel settings; remove some first.`,
  noChannels: 'No answer channels here: I answer when mentioned, when replied to and by DM.',
  channelsHeading: 'Answer channels (I answer every message there and in their threads):',
  defaultNote: '(default from ANSWER_CHANNEL_IDS)',
  cooldownSet: (max: number, seconds: number) =>
    max === 0
      ? 'Cooldown off: members may ask as often as they like.'
      : `Cooldown set: at most ${max} question(s) per member every ${seconds} s.`,
  repliesSet: (on: boolean) =>
    on
      ? 'I answer replies to my messages again.'
      : 'I no longer answer replies to my messages unless they mention me.',
  cooldownNow: (max: number, seconds: number) =>
    max === 0 ? 'Cooldown: off.' : `Cooldown: at most ${max} question(s) per member every ${seconds} s.`,
  repliesNow: (on: boolean) =>
    on ? 'Replies to my messages: answered.' : 'Replies to my messages: answered only when they mention me.',
  repliesNeedMention: ' (Without the Message Content intent I only see replies that keep the mention on.)',
  saveFailed: 'Sorry, I could not save that setting just now. Nothing was changed; please try again.',
});

/** Start-up failures: each says what is wrong and what to change. Never includes the token. */
export const FATAL = Object.freeze({
  missingToken:
    'DISCORD_TOKEN is not set. Create a bot in the Discord Developer Portal (Applications > your app > Bot > Reset Token), then put DISCORD_TOKEN=<token> in .env or the environment.',
  tokenRefused:
    'Discord refused DISCORD_TOKEN (401 / gateway close 4004: authentication failed). The token is wrong, was reset, or has extra characters: copy a fresh one from the Developer Portal (Bot > Reset Token) into DISCORD_TOKEN.',
  disallowedIntents:
    'Discord refused the Message Content intent (gateway close 4014: disallowed intents). Enable it in the Developer Portal: Applications > your app > Bot > Privileged Gateway Intents > MESSAGE CONTENT INTENT, save, and start the bot again; or set MESSAGE_CONTENT=false to run without it (no answer channels).',
  invalidIntents:
    'Discord refused the requested intents (gateway close 4013). This is a bug in careerbot: please report it.',
  unrecoverable: (code: number) =>
    `The Discord gateway closed the connection with code ${code}, which cannot be recovered from. See https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes`,
});
