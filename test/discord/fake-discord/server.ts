import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A local Discord-compatible server for end-to-end tests: the REST routes and the gateway the real
 * discord.js client uses, on 127.0.0.1 with a random port. Records every REST request and every
 * gateway payload so tests can assert exactly what the bot sent. Start it in beforeAll, stop it in
 * afterAll; point the bot at `apiBase` (DISCORD_API_BASE).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface RecordedRequest {
  /** Position in the log, for "anything after this point" waits. */
  readonly index: number;
  readonly method: string;
  /** Path after /api/v10, e.g. /channels/123/messages. */
  readonly route: string;
  readonly query: URLSearchParams;
  readonly authorization: string | undefined;
  /** Parsed JSON object body (payload_json for multipart), or undefined. */
  readonly body: JsonObject | undefined;
  /** The parsed body whatever its shape (arrays for command registration). */
  readonly json: Json | undefined;
  status: number;
  /** What the server answered (the created message for POST /channels/:id/messages). */
  response: Json | undefined;
  readonly at: number;
}

export interface GatewayRecord {
  readonly index: number;
  /** `in`: sent by the bot; `out`: sent by the server. */
  readonly direction: 'in' | 'out';
  readonly connection: number;
  readonly payload: { op: number; d: Json; s?: number | null; t?: string | null };
}

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly bot?: boolean;
}

export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  /** Set for a thread: the channel it was started in. */
  readonly parentId?: string;
}

export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  /** Channels and threads (a thread names its parent). */
  readonly channels: readonly FakeChannel[];
  /** Permissions of @everyone, the bot's only role (default: every permission). */
  readonly everyonePermissions?: string;
}

export interface FakeDiscordOptions {
  /** The token the server accepts; anything else gets 401 on REST and 4004 on IDENTIFY. */
  readonly token?: string;
  readonly heartbeatIntervalMs?: number;
  readonly guilds?: readonly FakeGuild[];
  /** The token the gateway accepts, when it should differ from the REST one (to test close 4004). */
  readonly gatewayToken?: string;
  /** Close IDENTIFY with 4014 when it asks for any of these intent bits (privileged, not enabled). */
  readonly disallowedIntents?: number;
  /** Fail the test loudly on routes this server does not know (default true: they are recorded and logged). */
  readonly logUnknownRoutes?: boolean;
  /** Shards GET /gateway/bot recommends (default 1); each shard gets the guilds Discord would send it. */
  readonly shards?: number;
}

/** Something the server should do instead of answering a route normally, once or a few times. */
export interface InjectedFault {
  readonly method: string;
  readonly route: RegExp;
  readonly status: 403 | 404 | 429 | 500 | 502 | 503;
  /** Seconds, for 429. */
  readonly retryAfter?: number;
  /** Discord's JSON error code, for 403 and 404 (50013: Missing Permissions). */
  readonly code?: number;
  times: number;
}

/** Where and by whom an interaction happens. Default: alex, in #general of the first guild. */
export interface InteractionPlace {
  readonly user?: FakeUser;
  readonly channelId?: string;
  /** In the user's DM with the bot (context 1). */
  readonly dm?: boolean;
  /** In a group DM the bot is not part of (context 2, a user install). */
  readonly privateChannelId?: string;
  /** In this guild (default: the first); a guild the bot is not in makes it a user install. */
  readonly guildId?: string;
  /** The app is installed on the user's account only, not in the guild. */
  readonly userInstall?: boolean;
  /** The member's permissions in the channel (default: every permission). */
  readonly permissions?: string;
  /** The app's permissions in the channel. */
  readonly appPermissions?: string;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;

/** A numeric snowflake string, unique within the process, time-ordered like Discord's. */
export function snowflake(): string {
  sequence = (sequence + 1n) & 0xfffn;
  const ms = BigInt(Date.now()) - DISCORD_EPOCH;
  const id = (ms << 22n) | (1n << 17n) | sequence;
  return id.toString();
}

function userJson(user: FakeUser): JsonObject {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.username,
    avatar: null,
    bot: user.bot ?? false,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

/** Channel types as Discord numbers them. */
const GUILD_TEXT = 0;
const DM = 1;
const GROUP_DM = 3;
/** GatewayIntentBits.MessageContent. */
const MESSAGE_CONTENT_INTENT = 1 << 15;
const PUBLIC_THREAD = 11;

interface Connection {
  socket: WebSocket;
  connection: number;
  sessionId: string | null;
  /** [shard id, shard count] from IDENTIFY. */
  shard: [number, number];
  /** The intents IDENTIFY asked for. */
  intents: number;
}

/** Every permission bit the bot could need, as Discord sends them (a decimal string). */
const ALL_PERMISSIONS = ((1n << 50n) - 1n).toString();

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly gateway: GatewayRecord[] = [];
  readonly unknownRoutes: string[] = [];
  /** Every gateway connection that closed, with the close code (1000 when the bot logs out cleanly). */
  readonly closes: { readonly connection: number; readonly code: number; readonly at: number }[] = [];
  /** Commands registered with PUT, by scope ("global" or a guild id). */
  readonly registeredCommands = new Map<string, JsonObject[]>();
  readonly botUser: FakeUser = { id: snowflake(), username: 'careerbot', bot: true };
  readonly applicationId = this.botUser.id;
  readonly guilds: readonly FakeGuild[];
  readonly token: string;

  readonly #options: FakeDiscordOptions;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Map<number, WebSocket>();
  readonly #messages = new Map<string, JsonObject>();
  /** Interaction token -> the message its response created (@original). */
  readonly #originals = new Map<string, JsonObject>();
  readonly #interactionTokens = new Map<
    string,
    { interactionId: string; message?: JsonObject; channelId: string; place: InteractionPlace }
  >();
  /** Where the interaction that created a message happened, so clicks on it happen there too. */
  readonly #places = new Map<string, InteractionPlace>();
  readonly #faults: InjectedFault[] = [];
  readonly #listeners = new Set<() => void>();
  #connectionCounter = 0;
  #current: Connection | null = null;
  readonly #byShard = new Map<number, Connection>();
  /** Guilds a test moved to another shard (as a resharding would). */
  readonly #guildShard = new Map<string, number>();
  #sessions = new Map<string, { seq: number; shard: [number, number]; intents: number }>();
  #acknowledgeHeartbeats = true;
  #port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.#options = options;
    this.token = options.token ?? 'fake-token-for-tests.AAAA.BBBB';
    this.guilds = options.guilds ?? [
      {
        id: snowflake(),
        name: 'Career Club',
        channels: [
          { id: snowflake(), name: 'general' },
          { id: snowflake(), name: 'ask-careers' },
          { id: snowflake(), name: 'random' },
        ],
      },
    ];
    this.#http = createServer((req, res) => void this.#handleHttp(req, res));
    this.#wss = new WebSocketServer({ server: this.#http });
    this.#wss.on('connection', (socket, req) => this.#handleSocket(socket, req));
  }

  /** Start on 127.0.0.1 with a random free port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      server.#http.once('error', reject);
      server.#http.listen(0, '127.0.0.1', () => resolve());
    });
    server.#port = (server.#http.address() as AddressInfo).port;
    return server;
  }

  get port(): number {
    return this.#port;
  }

  /** What DISCORD_API_BASE should be. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  get guild(): FakeGuild {
    const guild = this.guilds[0];
    if (!guild) throw new Error('FakeDiscord has no guild');
    return guild;
  }

  channel(name: string): FakeChannel {
    const channel = this.guilds.flatMap((g) => g.channels).find((c) => c.name === name);
    if (!channel) throw new Error(`FakeDiscord has no channel named ${name}`);
    return channel;
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets.values()) socket.terminate();
    this.#wss.close();
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  // ---------------------------------------------------------------- faults and gateway control

  /** Make the next `times` matching REST requests fail with `status` (429 carries retry-after). */
  injectFault(fault: Omit<InjectedFault, 'times'> & { times?: number }): void {
    this.#faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** Close the bot's gateway connection with a close code (4000 and 1006-like codes are resumable). */
  closeGateway(code: number): void {
    const current = this.#requireSocket();
    current.socket.close(code, 'closed by the test');
  }

  /** Drop the connection without a close frame, as a network failure does. */
  dropGateway(): void {
    this.#requireSocket().socket.terminate();
  }

  /** Op 7: ask the bot to reconnect and resume. */
  sendReconnect(): void {
    this.#sendOp(7, null);
  }

  /** Op 9: invalid session; `resumable` tells the bot whether it may resume. */
  sendInvalidSession(resumable: boolean): void {
    this.#sendOp(9, resumable);
  }

  /** Stop answering heartbeats (a zombie connection, as Discord's side of a half-dead socket looks). */
  /** Whether a bot session is on the gateway now (identified or resumed), so a dispatch would reach it. */
  get connected(): boolean {
    return this.#current?.sessionId != null;
  }

  stopHeartbeatAcks(): void {
    this.#acknowledgeHeartbeats = false;
  }

  resumeHeartbeatAcks(): void {
    this.#acknowledgeHeartbeats = true;
  }

  /** The shard Discord sends a guild's events to: (guild_id >> 22) % shard count, unless moved. */
  shardOf(guildId: string | null): number {
    const count = this.#options.shards ?? 1;
    if (guildId === null || count <= 1) return 0;
    return this.#guildShard.get(guildId) ?? Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /** Send a guild's events to another shard from now on (as after resharding): it gets GUILD_CREATE. */
  moveGuild(guildId: string, shard: number): void {
    this.#guildShard.set(guildId, shard);
    const guild = this.guilds.find((g) => g.id === guildId);
    if (guild && this.#byShard.has(shard)) this.dispatch('GUILD_CREATE', this.#guildJson(guild), shard);
  }

  /** The guild a channel or thread belongs to. */
  guildOf(channelId: string): FakeGuild | undefined {
    return this.guilds.find((g) => g.channels.some((c) => c.id === channelId));
  }

  /** Send any dispatch event, on the connection of `shard` when given, else on the latest one. */
  dispatch(event: string, data: JsonObject, shard?: number): void {
    const current =
      shard === undefined || (this.#options.shards ?? 1) <= 1
        ? this.#requireSocket()
        : this.#shardSocket(shard);
    const session = current.sessionId ? this.#sessions.get(current.sessionId) : undefined;
    const s = session ? ++session.seq : null;
    this.#send(current, { op: 0, t: event, s, d: data });
  }

  // ---------------------------------------------------------------- what users do

  /** A user writes in a guild channel. Returns the message as dispatched. */
  sendGuildMessage(input: {
    channelId: string;
    content: string;
    author?: FakeUser;
    mentionsBot?: boolean;
    mentionEveryone?: boolean;
    replyTo?: string;
    webhookId?: string;
  }): JsonObject {
    const author = input.author ?? { id: '300000000000000001', username: 'alex' };
    const guild = this.guildOf(input.channelId) ?? this.guild;
    const mentions: Json[] = input.mentionsBot ? [userJson(this.botUser)] : [];
    const referenced = input.replyTo ? this.#messages.get(input.replyTo) : undefined;
    if (input.replyTo && !referenced) throw new Error(`no message ${input.replyTo} to reply to`);
    const message: JsonObject = {
      ...this.#messageBase(input.channelId, author, input.content),
      guild_id: guild.id,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      mentions,
      mention_everyone: input.mentionEveryone ?? false,
      ...(referenced
        ? {
            type: 19,
            message_reference: {
              type: 0,
              message_id: referenced['id'] ?? null,
              channel_id: input.channelId,
              guild_id: guild.id,
            },
            referenced_message: referenced,
          }
        : {}),
      ...(input.webhookId ? { webhook_id: input.webhookId } : {}),
    };
    this.#messages.set(message['id'] as string, message);
    const shard = this.shardOf(guild.id);
    // Without the Message Content intent Discord sends guild messages that do not mention the bot
    // with their text, embeds and attachments empty.
    const connection = (this.#options.shards ?? 1) > 1 ? this.#byShard.get(shard) : this.#current;
    const readable =
      ((connection?.intents ?? 0) & MESSAGE_CONTENT_INTENT) !== 0 || input.mentionsBot === true;
    this.dispatch(
      'MESSAGE_CREATE',
      readable ? message : { ...message, content: '', embeds: [], attachments: [] },
      shard,
    );
    return message;
  }

  /** A user writes to the bot in a DM. The DM channel id is derived from the user id. */
  sendDirectMessage(input: { content: string; author?: FakeUser; channelId?: string }): JsonObject {
    const author = input.author ?? { id: '300000000000000001', username: 'alex' };
    const channelId = input.channelId ?? this.dmChannelId(author.id);
    const message: JsonObject = {
      ...this.#messageBase(channelId, author, input.content),
      channel_type: DM,
      mentions: [],
      mention_everyone: false,
    };
    this.#messages.set(message['id'] as string, message);
    this.dispatch('MESSAGE_CREATE', message, 0);
    return message;
  }

  /** The DM channel between the bot and a user (stable per user). */
  dmChannelId(userId: string): string {
    return (BigInt(userId) + 7n).toString();
  }

  /** A user runs a slash command. Returns the interaction id and token to match the callback. */
  runCommand(
    input: {
      name: string;
      options?: readonly JsonObject[];
      resolved?: JsonObject;
    } & InteractionPlace,
  ): { id: string; token: string } {
    return this.#interaction(
      2,
      {
        id: snowflake(),
        name: input.name,
        type: 1,
        options: [...(input.options ?? [])],
        ...(input.resolved ? { resolved: input.resolved } : {}),
      },
      input,
    );
  }

  /** A user types into an autocompleted option: `focused` names the option being typed. */
  autocomplete(input: { name: string; options: readonly JsonObject[] } & InteractionPlace): {
    id: string;
    token: string;
  } {
    return this.#interaction(
      4,
      { id: snowflake(), name: input.name, type: 1, options: [...input.options] },
      input,
    );
  }

  /** A user clicks a button on a message the bot posted. */
  clickButton(input: { messageId: string; customId: string } & InteractionPlace): {
    id: string;
    token: string;
  } {
    const message = this.#messages.get(input.messageId);
    if (!message) throw new Error(`no message ${input.messageId} to click on`);
    const channelId = message['channel_id'] as string;
    const guildId = typeof message['guild_id'] === 'string' ? message['guild_id'] : undefined;
    const place = this.#places.get(input.messageId);
    return this.#interaction(
      3,
      { custom_id: input.customId, component_type: 2 },
      {
        ...place,
        ...input,
        channelId,
        dm: place?.dm ?? guildId === undefined,
        ...(guildId ? { guildId } : {}),
      },
      message,
    );
  }

  /**
   * Forget every recorded request, gateway payload and stored message (load tests measure the bot's
   * memory in the same process). Waits that use earlier indexes are meaningless afterwards.
   */
  forgetHistory(): void {
    this.requests.length = 0;
    this.gateway.length = 0;
    this.#messages.clear();
    this.#originals.clear();
    this.#interactionTokens.clear();
  }

  /** The message with this id as the server knows it now (after edits). */
  message(id: string): JsonObject | undefined {
    return this.#messages.get(id);
  }

  /** The message an interaction's response created or edited (its @original). */
  original(token: string): JsonObject | undefined {
    return this.#originals.get(token);
  }

  // ---------------------------------------------------------------- waiting and asserting

  /** Resolve with the first request matching `predicate` at or after `from` (default: from now). */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    options: { from?: number; timeoutMs?: number; what?: string } = {},
  ): Promise<RecordedRequest> {
    const from = options.from ?? this.requests.length;
    return this.#waitFor(
      () => this.requests.slice(from).find(predicate),
      options.timeoutMs ?? 10_000,
      options.what ?? 'a matching REST request',
    );
  }

  /** The next message the bot posts to `channelId` (POST /channels/:id/messages). */
  nextMessage(
    channelId: string,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<RecordedRequest> {
    return this.waitForRequest((r) => r.method === 'POST' && r.route === `/channels/${channelId}/messages`, {
      ...options,
      what: `a message posted to channel ${channelId}`,
    });
  }

  /** The callback the bot sends for an interaction. */
  interactionCallback(
    interaction: { id: string; token: string },
    options: { timeoutMs?: number } = {},
  ): Promise<RecordedRequest> {
    return this.waitForRequest(
      (r) =>
        r.method === 'POST' && r.route === `/interactions/${interaction.id}/${interaction.token}/callback`,
      {
        from: 0,
        timeoutMs: options.timeoutMs ?? 10_000,
        what: `the callback for interaction ${interaction.id}`,
      },
    );
  }

  /** Resolve with the first gateway payload matching `predicate` at or after `from` (default: from now). */
  waitForGateway(
    predicate: (record: GatewayRecord) => boolean,
    options: { from?: number; timeoutMs?: number; what?: string } = {},
  ): Promise<GatewayRecord> {
    const from = options.from ?? this.gateway.length;
    return this.#waitFor(
      () => this.gateway.slice(from).find(predicate),
      options.timeoutMs ?? 10_000,
      options.what ?? 'a matching gateway payload',
    );
  }

  /** Payloads the bot sent with this opcode. */
  sentByBot(op: number): GatewayRecord[] {
    return this.gateway.filter((g) => g.direction === 'in' && g.payload.op === op);
  }

  /** The id of the message a recorded create-message request produced. */
  createdId(request: RecordedRequest): string {
    const response = request.response;
    if (
      response === null ||
      typeof response !== 'object' ||
      Array.isArray(response) ||
      typeof response['id'] !== 'string'
    ) {
      throw new Error(`request ${request.method} ${request.route} created no message`);
    }
    return response['id'];
  }

  /** Messages the bot posted to a channel so far. */
  messagesPostedTo(channelId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.route === `/channels/${channelId}/messages`);
  }

  #waitFor<T>(find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const hit = find();
        if (hit === undefined) return;
        clearTimeout(timer);
        this.#listeners.delete(check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#listeners.add(check);
    });
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  // ---------------------------------------------------------------- gateway

  #handleSocket(socket: WebSocket, req: IncomingMessage): void {
    const connection = ++this.#connectionCounter;
    this.#sockets.set(connection, socket);
    const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
    if (url.searchParams.get('encoding') !== 'json' || url.searchParams.get('v') !== '10') {
      socket.close(4012, 'expected ?v=10&encoding=json');
      return;
    }
    const state: Connection = { socket, connection, sessionId: null, shard: [0, 1], intents: 0 };
    this.#current = state;
    socket.on('close', (code) => {
      this.closes.push({ connection, code, at: Date.now() });
      this.#notify();
      this.#sockets.delete(connection);
      if (this.#current === state) this.#current = null;
      if (this.#byShard.get(state.shard[0]) === state) this.#byShard.delete(state.shard[0]);
    });
    socket.on('message', (raw) => {
      let payload: GatewayRecord['payload'];
      try {
        payload = JSON.parse(String(raw)) as GatewayRecord['payload'];
      } catch {
        socket.close(4002, 'decode error');
        return;
      }
      this.gateway.push({ index: this.gateway.length, direction: 'in', connection, payload });
      this.#onGatewayPayload(state, payload);
      this.#notify();
    });
    this.#send(state, { op: 10, d: { heartbeat_interval: this.#options.heartbeatIntervalMs ?? 1_000 } });
  }

  #onGatewayPayload(state: Connection, payload: GatewayRecord['payload']): void {
    const d = (payload.d ?? {}) as JsonObject;
    switch (payload.op) {
      case 1:
        if (this.#acknowledgeHeartbeats) this.#send(state, { op: 11, d: null });
        return;
      case 2: {
        if (d['token'] !== (this.#options.gatewayToken ?? this.token)) {
          state.socket.close(4004, 'Authentication failed.');
          return;
        }
        const intents = Number(d['intents'] ?? 0);
        if (this.#options.disallowedIntents && (intents & this.#options.disallowedIntents) !== 0) {
          state.socket.close(4014, 'Disallowed intent(s).');
          return;
        }
        state.intents = intents;
        const shard = Array.isArray(d['shard']) ? d['shard'].map(Number) : [0, 1];
        state.shard = [shard[0] ?? 0, shard[1] ?? 1];
        this.#byShard.set(state.shard[0], state);
        const mine = this.guilds.filter((g) => this.shardOf(g.id) === state.shard[0]);
        const sessionId = snowflake();
        state.sessionId = sessionId;
        this.#sessions.set(sessionId, { seq: 0, shard: state.shard, intents });
        this.#current = state;
        this.dispatch('READY', {
          v: 10,
          user: { ...userJson(this.botUser), verified: true, mfa_enabled: false },
          guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
          session_id: sessionId,
          session_type: 'normal',
          resume_gateway_url: this.gatewayUrl,
          shard: state.shard,
          application: { id: this.applicationId, flags: 0 },
          private_channels: [],
          presences: [],
          relationships: [],
          guild_join_requests: [],
          user_settings: {},
          geo_ordered_rtc_regions: [],
        });
        for (const guild of mine) this.dispatch('GUILD_CREATE', this.#guildJson(guild));
        return;
      }
      case 6: {
        const sessionId = String(d['session_id'] ?? '');
        if (d['token'] !== this.token || !this.#sessions.has(sessionId)) {
          this.#send(state, { op: 9, d: false });
          return;
        }
        state.sessionId = sessionId;
        state.shard = this.#sessions.get(sessionId)?.shard ?? [0, 1];
        state.intents = this.#sessions.get(sessionId)?.intents ?? 0;
        this.#byShard.set(state.shard[0], state);
        this.#current = state;
        this.dispatch('RESUMED', {});
        return;
      }
      default:
        return;
    }
  }

  #requireSocket(): Connection {
    if (!this.#current) throw new Error('FakeDiscord: the bot is not connected to the gateway');
    return this.#current;
  }

  #shardSocket(shard: number): Connection {
    const state = this.#byShard.get(shard);
    if (!state) throw new Error(`FakeDiscord: shard ${shard} is not connected to the gateway`);
    return state;
  }

  #sendOp(op: number, d: Json): void {
    this.#send(this.#requireSocket(), { op, d });
  }

  #send(state: { socket: WebSocket; connection: number }, payload: GatewayRecord['payload']): void {
    const full = { s: null, t: null, ...payload };
    this.gateway.push({
      index: this.gateway.length,
      direction: 'out',
      connection: state.connection,
      payload: full,
    });
    state.socket.send(JSON.stringify(full));
    this.#notify();
  }

  #guildJson(guild: FakeGuild): JsonObject {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: '300000000000000099',
      unavailable: false,
      large: false,
      member_count: 3,
      joined_at: new Date().toISOString(),
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        {
          id: guild.id,
          name: '@everyone',
          permissions: guild.everyonePermissions ?? ALL_PERMISSIONS,
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: guild.channels
        .filter((c) => c.parentId === undefined)
        .map((c, position) => ({
          id: c.id,
          type: GUILD_TEXT,
          name: c.name,
          position,
          permission_overwrites: [],
          nsfw: false,
          parent_id: null,
        })),
      threads: guild.channels
        .filter((c) => c.parentId !== undefined)
        .map((c) => ({
          id: c.id,
          type: PUBLIC_THREAD,
          guild_id: guild.id,
          name: c.name,
          parent_id: c.parentId ?? null,
          owner_id: '300000000000000001',
          message_count: 0,
          member_count: 1,
          rate_limit_per_user: 0,
          flags: 0,
          thread_metadata: {
            archived: false,
            auto_archive_duration: 1440,
            archive_timestamp: new Date().toISOString(),
            locked: false,
          },
        })),
      members: [
        {
          user: userJson(this.botUser),
          roles: [],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      preferred_locale: 'en-US',
      premium_tier: 0,
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
    };
  }

  // ---------------------------------------------------------------- interactions

  #interaction(
    type: 2 | 3 | 4,
    data: JsonObject,
    input: InteractionPlace,
    message?: JsonObject,
  ): { id: string; token: string } {
    const user = input.user ?? { id: '300000000000000001', username: 'alex' };
    const privateChannel = input.privateChannelId !== undefined;
    const dm = (input.dm ?? false) || privateChannel;
    const guildId = dm ? undefined : (input.guildId ?? this.guild.id);
    const botInGuild = guildId !== undefined && this.guilds.some((g) => g.id === guildId);
    const channelId =
      input.privateChannelId ??
      input.channelId ??
      (dm ? this.dmChannelId(user.id) : this.channel('general').id);
    const id = snowflake();
    const token = `interaction-token-${id}`;
    const place: InteractionPlace = { ...input, channelId, dm };
    this.#interactionTokens.set(token, {
      interactionId: id,
      channelId,
      place,
      ...(message ? { message } : {}),
    });
    // The app is installed in the guild (0), or on the user's account (1) where it is not a member.
    const owners: JsonObject =
      input.userInstall === true || guildId === undefined || !botInGuild
        ? { '1': user.id }
        : { '0': guildId };
    const common: JsonObject = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data,
      locale: 'en-US',
      app_permissions: input.appPermissions ?? ALL_PERMISSIONS,
      entitlements: [],
      authorizing_integration_owners: owners,
      context: privateChannel ? 2 : dm ? 1 : 0,
      attachment_size_limit: 10_485_760,
      ...(message ? { message } : {}),
    };
    const payload: JsonObject =
      guildId === undefined
        ? {
            ...common,
            user: userJson(user),
            channel_id: channelId,
            channel: privateChannel
              ? { id: channelId, type: GROUP_DM, recipients: [userJson(user)], name: 'friends', flags: 0 }
              : { id: channelId, type: DM, recipients: [userJson(user)], flags: 0 },
          }
        : {
            ...common,
            guild_id: guildId,
            guild_locale: 'en-US',
            guild: { id: guildId, locale: 'en-US', features: [] },
            channel_id: channelId,
            channel: {
              id: channelId,
              type: GUILD_TEXT,
              guild_id: guildId,
              name: 'general',
              position: 0,
              permission_overwrites: [],
              nsfw: false,
              parent_id: null,
              flags: 0,
            },
            member: {
              user: userJson(user),
              roles: [],
              joined_at: new Date().toISOString(),
              permissions: input.permissions ?? ALL_PERMISSIONS,
              deaf: false,
              mute: false,
              flags: 0,
            },
          };
    this.dispatch('INTERACTION_CREATE', payload, this.shardOf(guildId ?? null));
    return { id, token };
  }

  // ---------------------------------------------------------------- REST

  async #handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const route = url.pathname.replace(/^\/api(?:\/v\d+)?/, '');
    const json = parseBody(Buffer.concat(chunks), req.headers['content-type']);
    const record: RecordedRequest = {
      index: this.requests.length,
      method,
      route,
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: json !== null && typeof json === 'object' && !Array.isArray(json) ? json : undefined,
      json,
      status: 0,
      response: undefined,
      at: Date.now(),
    };
    this.requests.push(record);
    const reply = (status: number, body?: Json, headers: Record<string, string> = {}): void => {
      record.status = status;
      record.response = body;
      res.writeHead(
        status,
        body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      );
      res.end(body === undefined ? undefined : JSON.stringify(body));
      this.#notify();
    };

    const fault = this.#faults.find((f) => f.times > 0 && f.method === method && f.route.test(route));
    if (fault) {
      fault.times -= 1;
      if (fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 0.1;
        reply(
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
          { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user' },
        );
      } else if (fault.status === 403 || fault.status === 404) {
        reply(fault.status, {
          message: fault.status === 403 ? 'Missing Permissions' : 'Unknown',
          code: fault.code ?? (fault.status === 403 ? 50013 : 10003),
        });
      } else {
        reply(fault.status, { message: 'Internal Server Error', code: 0 });
      }
      return;
    }

    const isInteractionRoute = route.startsWith('/interactions/') || route.startsWith('/webhooks/');
    if (!isInteractionRoute && req.headers.authorization !== `Bot ${this.token}`) {
      reply(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    const result = this.#route(method, route, record.body ?? {}, json, url.searchParams);
    if (result === undefined) {
      const description = `${method} ${url.pathname}`;
      this.unknownRoutes.push(description);
      if (this.#options.logUnknownRoutes !== false)
        console.error(`FakeDiscord: unknown route ${description}`);
      reply(404, { message: `Unknown route ${description}`, code: 0 });
      return;
    }
    reply(result.status, result.body);
  }

  #route(
    method: string,
    route: string,
    body: JsonObject,
    json: Json | undefined,
    query: URLSearchParams,
  ): { status: number; body?: Json } | undefined {
    const ok = (b?: Json): { status: number; body?: Json } =>
      b === undefined ? { status: 204 } : { status: 200, body: b };
    let m: RegExpExecArray | null;

    if (method === 'GET' && route === '/gateway/bot') {
      return ok({
        url: this.gatewayUrl,
        shards: this.#options.shards ?? 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && route === '/gateway') return ok({ url: this.gatewayUrl });
    if (method === 'GET' && route === '/users/@me') return ok(userJson(this.botUser));
    if (method === 'GET' && route === '/applications/@me') {
      return ok({
        id: this.applicationId,
        name: 'careerbot',
        description: '',
        flags: 0,
        bot_public: true,
        bot_require_code_grant: false,
        verify_key: 'x',
        icon: null,
        owner: userJson({ id: '300000000000000099', username: 'owner' }),
      });
    }
    if ((m = /^\/applications\/(\d+)\/commands$/.exec(route))) {
      if (m[1] !== this.applicationId)
        return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      if (method === 'PUT') return ok(this.#registerCommands('global', json));
      if (method === 'GET') return ok(this.registeredCommands.get('global') ?? []);
    }
    if ((m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(route))) {
      if (m[1] !== this.applicationId)
        return { status: 404, body: { message: 'Unknown Application', code: 10002 } };
      const guildId = m[2] ?? '';
      if (method === 'PUT') return ok(this.#registerCommands(guildId, json));
      if (method === 'GET') return ok(this.registeredCommands.get(guildId) ?? []);
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(route)) && method === 'POST') {
      return ok(this.#createMessage(m[1] ?? '', body, this.botUser));
    }
    if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(route))) {
      const message = this.#messages.get(m[2] ?? '');
      if (!message) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      if (method === 'GET') return ok(message);
      if (method === 'PATCH') return ok(this.#editMessage(message, body));
      if (method === 'DELETE') {
        this.#messages.delete(m[2] ?? '');
        return ok();
      }
    }
    if ((m = /^\/channels\/(\d+)\/typing$/.exec(route)) && method === 'POST') return ok();
    if ((m = /^\/users\/@me\/channels$/.exec(route)) && method === 'POST') {
      const recipient = String(body['recipient_id'] ?? '');
      return ok({
        id: this.dmChannelId(recipient),
        type: DM,
        recipients: [userJson({ id: recipient, username: 'user' })],
        last_message_id: null,
        flags: 0,
      });
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(route)) && method === 'POST') {
      return this.#interactionCallback(m[1] ?? '', m[2] ?? '', body, query);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/.exec(route))) {
      const token = m[2] ?? '';
      const original = this.#originals.get(token);
      if (method === 'GET')
        return original ? ok(original) : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      if (method === 'PATCH') {
        const info = this.#interactionTokens.get(token);
        if (!info) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
        const edited = original
          ? this.#editMessage(original, body)
          : this.#createMessage(info.channelId, body, this.botUser);
        this.#originals.set(token, edited);
        return ok(edited);
      }
      if (method === 'DELETE') {
        this.#originals.delete(token);
        return ok();
      }
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(route)) && method === 'POST') {
      const info = this.#interactionTokens.get(m[2] ?? '');
      if (!info) return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      return ok(this.#createMessage(info.channelId, body, this.botUser));
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(\d+)$/.exec(route))) {
      const message = this.#messages.get(m[3] ?? '');
      if (!message) return { status: 404, body: { message: 'Unknown Message', code: 10008 } };
      if (method === 'PATCH') return ok(this.#editMessage(message, body));
      if (method === 'DELETE') {
        this.#messages.delete(m[3] ?? '');
        return ok();
      }
    }
    return undefined;
  }

  #registerCommands(scope: string, json: Json | undefined): JsonObject[] {
    const list = Array.isArray(json) ? json : [];
    const registered = list.map((c) => ({
      ...(c as JsonObject),
      id: snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      ...(scope === 'global' ? {} : { guild_id: scope }),
    }));
    this.registeredCommands.set(scope, registered);
    return registered;
  }

  #interactionCallback(
    id: string,
    token: string,
    body: JsonObject,
    query: URLSearchParams,
  ): { status: number; body?: Json } {
    const info = this.#interactionTokens.get(token);
    if (!info || info.interactionId !== id)
      return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
    const type = Number(body['type']);
    const data = (body['data'] ?? {}) as JsonObject;
    let resource: JsonObject | undefined;
    if (type === 4 || type === 5) {
      const created = this.#createMessage(
        info.channelId,
        type === 4 ? data : { content: '', flags: data['flags'] ?? 0 },
        this.botUser,
      );
      this.#originals.set(token, created);
      this.#places.set(created['id'] as string, info.place);
      resource = created;
    } else if (type === 7 && info.message) {
      const edited = this.#editMessage(info.message, data);
      info.message = edited;
      this.#originals.set(token, edited);
      resource = edited;
    }
    if (query.get('with_response') !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: 2,
          activity_instance_id: null,
          response_message_id: resource?.['id'] ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: false,
        },
        resource: { type, ...(resource ? { message: resource } : {}) },
      },
    };
  }

  #messageBase(channelId: string, author: FakeUser, content: string): JsonObject {
    return {
      id: snowflake(),
      channel_id: channelId,
      author: userJson(author),
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      components: [],
    };
  }

  #createMessage(channelId: string, body: JsonObject, author: FakeUser): JsonObject {
    const guildChannel = this.guilds.some((g) => g.channels.some((c) => c.id === channelId));
    const reference = body['message_reference'] as JsonObject | undefined;
    const message: JsonObject = {
      ...this.#messageBase(channelId, author, String(body['content'] ?? '')),
      embeds: (body['embeds'] as Json[] | undefined) ?? [],
      components: (body['components'] as Json[] | undefined) ?? [],
      flags: Number(body['flags'] ?? 0),
      ...(guildChannel
        ? { guild_id: this.guilds.find((g) => g.channels.some((c) => c.id === channelId))?.id ?? null }
        : {}),
      ...(reference ? { type: 19, message_reference: { type: 0, ...reference, channel_id: channelId } } : {}),
    };
    // Interaction responses are stored too: users can reply to them and click their buttons.
    this.#messages.set(message['id'] as string, message);
    return message;
  }

  #editMessage(message: JsonObject, body: JsonObject): JsonObject {
    const edited: JsonObject = { ...message, edited_timestamp: new Date().toISOString() };
    for (const key of ['content', 'embeds', 'components', 'flags'] as const) {
      if (key in body) edited[key] = body[key] ?? null;
    }
    this.#messages.set(message['id'] as string, edited);
    return edited;
  }
}

function parseBody(buffer: Buffer, contentType: string | undefined): Json | undefined {
  if (buffer.length === 0) return undefined;
  const text = buffer.toString('utf8');
  if (contentType?.startsWith('multipart/form-data')) {
    const match = /name="payload_json"\r\n(?:[^\r\n]*\r\n)*?\r\n([^\r]*)\r\n/.exec(text);
    return match?.[1] ? (JSON.parse(match[1]) as Json) : undefined;
  }
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}
