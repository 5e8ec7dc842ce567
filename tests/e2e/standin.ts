// A local stand-in for Discord's REST v10 and JSON gateway v10 on one loopback port, good enough for the
// real discord.js 14.28 client to log in, register commands, receive interactions and answer them.
//
// Facts the design rests on (checked against discord.js 14.28 / @discordjs/ws 1.2 / @discordjs/rest 2.6):
// - The only redirect discord.js has is the REST base (`rest: { api }`, no version suffix); it finds the
//   gateway through GET /gateway/bot and reconnects to READY's `resume_gateway_url`.
// - Without the optional zlib-sync package the client asks for no compression; plain JSON text frames.
// - A client that misses one heartbeat ACK closes with 4200 and resumes; op 7 resumes; op 9 `true` resumes
//   on the same socket; op 9 `false` and close code 1000 re-identify. Every reconnect waits 500 ms first.
// - discord.js drops INTERACTION_CREATE payloads without `entitlements` or `authorizing_integration_owners`.
// - Sharding: IDENTIFY carries `shard: [id, count]`; a guild's events go to the shard
//   `(guild_id >> 22) % count`, DMs to shard 0. @discordjs/ws 1.2's SimpleIdentifyThrottler lets shards of
//   one rate-limit key (`id % max_concurrency`) identify 5 s apart (plus up to 1.5 s of jitter), and
//   shards of different keys at once.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import type { APIApplicationCommand, APIMessage, APIUser } from 'discord.js';
import {
  ATTACHMENT_SIZE_LIMIT,
  DEFAULT_PERMISSIONS,
  FormErrors,
  LOCALE,
  MESSAGE_FLAG,
  buildApplication,
  buildGuildCreate,
  buildMember,
  buildMessage,
  buildTextChannel,
  buildUser,
  isEmptyMessage,
  isRecord,
  makeSnowflake,
  resolveAttachments,
  storeCommands,
  validateChoices,
  validateCommands,
  validateMessage,
} from './standin-payloads.js';
import type { UploadedFile } from './standin-payloads.js';

export type { UploadedFile } from './standin-payloads.js';

export interface StandinOptions {
  applicationId?: string;
  guildId?: string;
  /** Defaults to the application id, as for any bot created since 2020. */
  botUserId?: string;
  /** Discord's usual 41 250 ms by default; a few hundred ms makes zombie-connection tests fast. */
  heartbeatIntervalMs?: number;
  /** The bot token REST calls and IDENTIFY must carry; generated when omitted. */
  token?: string;
  /** How long an interaction accepts its first callback before 10062; Discord allows 3 s. */
  interactionTimeoutMs?: number;
  /** The shard count GET /gateway/bot recommends (1 by default). */
  shardCount?: number;
  /** `session_start_limit.max_concurrency`: how many rate-limit keys identify in parallel (1 by default). */
  maxConcurrency?: number;
  /** More guilds the bot is in besides `guildId`, each with one text channel. */
  extraGuildIds?: string[];
}

/** The shard that receives a guild's events: `(guild_id >> 22) % count`. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** A guild id (a valid snowflake) that shard `shard` of `count` owns; `n` picks another one. */
export function guildIdForShard(shard: number, count: number, n = 0): string {
  const timestamp = ((1n << 40n) / BigInt(count)) * BigInt(count);
  return (((timestamp + BigInt(n * count + shard)) << 22n) | 2n).toString();
}

export interface RecordedRequest {
  method: string;
  /** Percent-decoded and relative to /api/v10, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, a {@link MultipartBody}, or undefined when there was none. */
  body: unknown;
  at: number;
  /** 0 until the stand-in has answered. */
  status: number;
  response: unknown;
}

export interface MultipartBody {
  payload_json: unknown;
  files: UploadedFile[];
}

export interface GatewayPayload {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export interface RecordedFrame {
  direction: 'in' | 'out';
  connection: number;
  payload: GatewayPayload;
  at: number;
}

export interface ConnectionRecord {
  id: number;
  query: Record<string, string>;
  /** `[id, count]` once the connection has identified or resumed. */
  shard?: [number, number];
  openedAt: number;
  closedAt?: number;
  /** The code of the close frame, whichever side sent it; 1006 when the socket just dropped. */
  closeCode?: number;
}

export interface SessionEvent {
  kind: 'ready' | 'resumed';
  sessionId: string;
  connection: number;
  shard: number;
  at: number;
}

/** One IDENTIFY as the stand-in received it. */
export interface IdentifyRecord {
  /** As sent, or `[0, 1]` when the IDENTIFY had none. */
  shard: [number, number];
  connection: number;
  /** `performance.now()` in the stand-in's process. */
  at: number;
}

export interface InteractionCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  files: UploadedFile[];
  request: RecordedRequest;
}

export interface WaitOptions {
  timeoutMs?: number;
}

export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  /** The INTERACTION_CREATE payload as dispatched. */
  readonly payload: Record<string, unknown>;
  /** The first accepted callback (POST /interactions/:id/:token/callback). */
  response(options?: WaitOptions): Promise<InteractionCallback>;
  callbacks(): InteractionCallback[];
  /** Accepted webhook PATCH and POST requests under this interaction's token, in order. */
  edits(): RecordedRequest[];
  /** Resolves with the `count`-th accepted edit or follow-up (1 by default). */
  waitForEdit(options?: WaitOptions & { count?: number }): Promise<RecordedRequest>;
  /** The original response message as it stands now. */
  message(): APIMessage | undefined;
  /** From now on the interaction answers 10062 and its webhook 50027, as after Discord's time limits. */
  expire(): void;
}

export interface OptionInput {
  name: string;
  /** ApplicationCommandOptionType; taken from the registered command when omitted, else from the value. */
  type?: number;
  value?: string | number | boolean;
  focused?: boolean;
  /** Sub-command (group) contents. */
  options?: OptionInput[];
}

export interface InteractionTarget {
  userId?: string;
  /** Decimal permission string for `member.permissions`. */
  memberPermissions?: string;
  /** `false` sends the interaction from a DM with the bot (delivered on shard 0). */
  guild?: boolean;
  /** Which of the bot's guilds it comes from (`guildId` by default); delivered on the shard that owns it. */
  guildId?: string;
  locale?: string;
  /**
   * Where the command is used, as Discord's `context`: 0 a server, 1 the bot's DM, 2 a private channel
   * (a group DM, or a DM between users). Without it, 0 or 1 from `guild`.
   */
  context?: 0 | 1 | 2;
  /** The install that lets the user run it: the server's (default) or the user's own (`user`). */
  install?: 'guild' | 'user';
}

export interface CommandInput extends InteractionTarget {
  name: string;
  options?: OptionInput[];
}

export interface ButtonInput extends InteractionTarget {
  customId: string;
  /** The message the button sits on; by default the newest stored message with that custom_id. */
  messageId?: string;
}

interface Session {
  id: string;
  shard: [number, number];
  seq: number;
  log: GatewayPayload[];
  connection: Live | undefined;
  resumable: boolean;
}

interface Live {
  record: ConnectionRecord;
  socket: WebSocket;
  session: Session | undefined;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  user: APIUser;
  channelId: string;
  createdAt: number;
  acknowledged: boolean;
  expired: boolean;
  originalId: string | undefined;
  sourceMessageId: string | undefined;
  messageIds: Set<string>;
  commandName: string | undefined;
}

interface Reply {
  status: number;
  body?: unknown;
}

type Params = Partial<Record<string, string>>;

type Handler = (request: RecordedRequest, params: Params) => Reply | Promise<Reply>;
/** Method, path pattern relative to /api/v10, whether the bot token is required, handler. */
type Route = readonly [string, RegExp, boolean, Handler];

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }

  get reply(): Reply {
    const body = { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
    return { status: this.status, body };
  }
}

const API_PREFIX = '/api/v10';
const DEFAULT_WAIT_MS = 5_000;
/** The other member of the group DM a private-channel interaction comes from. */
const FRIEND_ID = '300000000000000002';
const COMMANDS = /^\/applications\/(?<app>[^/]+)(?:\/guilds\/(?<guild>[^/]+))?\/commands$/;
const CALLBACK = /^\/interactions\/(?<id>[^/]+)\/(?<token>[^/]+)\/callback$/;
const WEBHOOK = /^\/webhooks\/(?<app>[^/]+)\/(?<token>[^/]+)$/;
const WEBHOOK_MESSAGE = /^\/webhooks\/(?<app>[^/]+)\/(?<token>[^/]+)\/messages\/(?<message>[^/]+)$/;
/** Callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 modal). */
const CALLBACK_TYPES: Partial<Record<number, readonly number[]>> = {
  2: [4, 5, 9, 12],
  3: [4, 5, 6, 7, 9],
  4: [8],
  5: [4, 5, 6, 7],
};
/** SUPPRESS_EMBEDS and IS_COMPONENTS_V2; ephemeral can be chosen when sending, never by an edit. */
const EDITABLE_FLAGS = (1 << 2) | MESSAGE_FLAG.componentsV2;
const SENDABLE_FLAGS = MESSAGE_FLAG.ephemeral | EDITABLE_FLAGS;

const ok = (body: unknown): Reply => ({ status: 200, body });

function invalidFormBody(errors: FormErrors): ApiError {
  return new ApiError(400, 50035, 'Invalid Form Body', errors.errors);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<unknown> {
  if (raw.length === 0) return undefined;
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    const body: MultipartBody = { payload_json: undefined, files: [] };
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body.payload_json = parseJson(value);
        continue;
      }
      const data = Buffer.from(await value.arrayBuffer());
      body.files.push({ field, name: value.name, size: data.length, contentType: value.type, data });
    }
    return body;
  }
  return parseJson(raw.toString('utf8'));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 50109, 'The request body contains invalid JSON.');
  }
}

function isMultipart(body: unknown): body is MultipartBody {
  return isRecord(body) && 'payload_json' in body && Array.isArray(body['files']);
}

function splitBody(body: unknown): { json: Record<string, unknown>; files: UploadedFile[] } {
  if (isMultipart(body)) {
    return { json: isRecord(body.payload_json) ? body.payload_json : {}, files: body.files };
  }
  return { json: isRecord(body) ? body : {}, files: [] };
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function describeRequest(request: RecordedRequest): string {
  const query = new URLSearchParams(request.query).toString();
  return `${request.method} ${request.path}${query ? `?${query}` : ''} -> ${request.status}`;
}

interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: InteractionOption[];
}

function inferOptionType(input: OptionInput): number {
  if (input.options) return 1;
  if (typeof input.value === 'boolean') return 5;
  if (typeof input.value === 'number') return Number.isInteger(input.value) ? 4 : 10;
  return 3;
}

function coerceOptionValue(type: number, value: OptionInput['value']): string | number | boolean {
  if (type === 4 || type === 10) return Number(value);
  if (type === 5) return value === true || value === 'true';
  return String(value ?? '');
}

/** Discord sends the text being typed into a focused option as a string, whatever the option's type. */
function buildOptions(inputs: readonly OptionInput[] | undefined, definitions: unknown): InteractionOption[] {
  const known = Array.isArray(definitions) ? definitions.filter(isRecord) : [];
  return (inputs ?? []).map((input) => {
    const definition = known.find((candidate) => candidate['name'] === input.name);
    const type =
      input.type ?? (typeof definition?.['type'] === 'number' ? definition['type'] : inferOptionType(input));
    if (type === 1 || type === 2) {
      return { name: input.name, type, options: buildOptions(input.options, definition?.['options']) };
    }
    if (input.focused) return { name: input.name, type, value: String(input.value ?? ''), focused: true };
    return { name: input.name, type, value: coerceOptionValue(type, input.value) };
  });
}

function hasFocus(options: readonly InteractionOption[]): boolean {
  return options.some((option) => option.focused === true || hasFocus(option.options ?? []));
}

function hasCustomId(message: APIMessage, customId: string): boolean {
  const visit = (node: unknown): boolean =>
    Array.isArray(node)
      ? node.some(visit)
      : isRecord(node) &&
        (node['custom_id'] === customId || visit(node['components']) || visit(node['accessory']));
  return visit(message.components);
}

export class DiscordStandin {
  readonly applicationId: string;
  readonly guildId: string;
  readonly botUserId: string;
  readonly channelId: string;
  /** The default interaction user, also the guild owner. */
  readonly userId: string;
  readonly token: string;
  /** What the bot gets as DISCORD_API_BASE: no version suffix, discord.js appends /v10. */
  readonly apiBase: string;
  readonly gatewayUrl: string;

  readonly requests: RecordedRequest[] = [];
  readonly gateway: RecordedFrame[] = [];
  readonly unexpected: RecordedRequest[] = [];
  readonly connections: ConnectionRecord[] = [];
  readonly sessionEvents: SessionEvent[] = [];
  /**
   * Delivers interactions instead of the gateway when set: the HTTP stand-in (standin-http.ts) POSTs each
   * one, signed, to the bot's Interactions Endpoint URL.
   */
  deliverInteraction: ((payload: Record<string, unknown>) => void) | undefined;
  readonly identifies: IdentifyRecord[] = [];
  /** `guildId` first, then `extraGuildIds`. */
  readonly guildIds: readonly string[];
  readonly shardCount: number;
  readonly maxConcurrency: number;

  private readonly heartbeatIntervalMs: number;
  private readonly interactionTimeoutMs: number;
  private readonly botUser: APIUser;
  private readonly live = new Set<Live>();
  /** The newest session of each shard id. */
  private readonly sessions = new Map<number, Session>();
  private readonly channels = new Map<string, string>();
  private resumes = 0;
  private acksToDrop = 0;
  private sessionMark = 0;
  private readonly interactions = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly messages = new Map<string, APIMessage>();
  private readonly commandStore = new Map<string, APIApplicationCommand[]>();
  private readonly unregisteredCommandIds = new Map<string, string>();
  private readonly dmChannels = new Map<string, string>();
  private readonly groupDms = new Map<string, string>();
  private readonly changes = new EventEmitter().setMaxListeners(0);
  private readonly aborts = new Set<(error: Error) => void>();
  private closed = false;

  private readonly routes: readonly Route[] = [
    ['GET', /^\/gateway\/bot$/, true, () => ok(this.gatewayBot())],
    ['GET', /^\/gateway$/, false, () => ok({ url: this.gatewayUrl })],
    ['GET', /^\/users\/@me$/, true, () => ok(this.botUser)],
    ['GET', /^\/applications\/@me$/, true, () => ok(this.application())],
    ['GET', COMMANDS, true, (request, params) => ok(this.listCommands(request, params))],
    ['PUT', COMMANDS, true, (request, params) => this.overwrite(request, params)],
    ['POST', CALLBACK, false, (request, params) => this.callback(request, params)],
    ['GET', WEBHOOK_MESSAGE, false, (_request, params) => this.fetchReply(params)],
    ['PATCH', WEBHOOK_MESSAGE, false, (request, params) => this.edit(request, params)],
    ['DELETE', WEBHOOK_MESSAGE, false, (_request, params) => this.remove(params)],
    ['POST', WEBHOOK, false, (request, params) => this.followUp(request, params)],
  ];

  private constructor(
    private readonly server: Server,
    private readonly sockets: WebSocketServer,
    port: number,
    options: StandinOptions,
  ) {
    this.applicationId = options.applicationId ?? '1230000000000000001';
    this.guildId = options.guildId ?? '1230000000000000002';
    this.botUserId = options.botUserId ?? this.applicationId;
    this.channelId = '1230000000000000003';
    this.guildIds = [this.guildId, ...(options.extraGuildIds ?? [])];
    this.shardCount = options.shardCount ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.channels.set(this.guildId, this.channelId);
    for (const guild of this.guildIds.slice(1)) this.channels.set(guild, makeSnowflake());
    this.userId = '1230000000000000004';
    this.token =
      options.token ??
      `${Buffer.from(this.botUserId).toString('base64url')}.standin.${randomBytes(20).toString('base64url')}`;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.interactionTimeoutMs = options.interactionTimeoutMs ?? 3_000;
    this.apiBase = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
    this.botUser = buildUser(this.botUserId, 'Stand-in Bot', true);

    server.on(
      'request',
      (request: IncomingMessage, response: ServerResponse) => void this.onRequest(request, response),
    );
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', this.apiBase).pathname !== '/gateway') {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, request));
    });
  }

  static async start(options: StandinOptions = {}): Promise<DiscordStandin> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return new DiscordStandin(server, new WebSocketServer({ noServer: true }), port, options);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const abort of [...this.aborts]) abort(new Error('the stand-in was closed'));
    for (const live of this.live) live.socket.terminate();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get identifyCount(): number {
    return this.identifies.length;
  }

  /** The text channel of one of the bot's guilds. */
  channelOf(guildId: string): string {
    const channel = this.channels.get(guildId);
    if (channel === undefined) throw new Error(`the bot is in no guild ${guildId}`);
    return channel;
  }

  /**
   * Identifies that came less than 5 s after an earlier one of the same rate-limit key
   * (`shard id % max_concurrency`): what Discord's identify limit forbids.
   */
  identifyLimitViolations(): IdentifyRecord[] {
    const lastByKey = new Map<number, number>();
    return this.identifies.filter((record) => {
      const key = record.shard[0] % this.maxConcurrency;
      const last = lastByKey.get(key);
      lastByKey.set(key, record.at);
      return last !== undefined && record.at - last < 5_000;
    });
  }

  get resumeCount(): number {
    return this.resumes;
  }

  /** Commands as stored by the last bulk overwrite: global ones, or a guild's. */
  commands(guildId?: string): APIApplicationCommand[] {
    return structuredClone(this.commandStore.get(guildId ?? 'global') ?? []);
  }

  storedMessage(id: string): APIMessage | undefined {
    const message = this.messages.get(id);
    return message && structuredClone(message);
  }

  assertNoUnexpected(): void {
    if (this.unexpected.length === 0) return;
    const lines = this.unexpected.map((request) => `  ${describeRequest(request)}`).join('\n');
    throw new Error(`the stand-in got ${this.unexpected.length} request(s) it has no route for:\n${lines}`);
  }

  /** Returns and forgets the unexpected requests, for tests that provoke one on purpose. */
  takeUnexpected(): RecordedRequest[] {
    return this.unexpected.splice(0);
  }

  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    options: WaitOptions = {},
  ): Promise<RecordedRequest> {
    return this.waitFor(
      () => this.requests.find((request) => request.status !== 0 && predicate(request)),
      options.timeoutMs,
      () => `a matching request; got ${this.requests.map(describeRequest).join(', ') || 'none'}`,
    );
  }

  /** The first READY or RESUMED completed since the last injected fault (or since start). */
  waitForSession(options: WaitOptions = {}): Promise<SessionEvent> {
    const mark = this.sessionMark;
    return this.waitFor(
      () => this.sessionEvents[mark],
      options.timeoutMs,
      () => this.describeSessions('READY or RESUMED'),
    );
  }

  /** The first READY (a fresh IDENTIFY) since the last injected fault (or since start). */
  waitForReady(options: WaitOptions = {}): Promise<SessionEvent> {
    const mark = this.sessionMark;
    return this.waitFor(
      () => this.sessionEvents.slice(mark).find((event) => event.kind === 'ready'),
      options.timeoutMs,
      () => this.describeSessions('READY'),
    );
  }

  /**
   * Closes a shard's live gateway socket (shard 0 by default): abruptly (the client sees 1006) without a
   * code, else with that code.
   */
  closeSocket(code?: number, shard = 0): void {
    const live = this.liveConnection(shard);
    this.markFault();
    if (code === undefined) {
      live.socket.terminate();
      return;
    }
    // Discord ends the session itself for these two; the client's RESUME then gets op 9 false.
    if ((code === 4007 || code === 4009) && live.session) live.session.resumable = false;
    live.socket.close(code, 'closed by the stand-in');
  }

  sendReconnect(shard = 0): void {
    const live = this.liveConnection(shard);
    this.markFault();
    this.send(live, 7, null);
  }

  sendInvalidSession(resumable: boolean, shard = 0): void {
    const live = this.liveConnection(shard);
    this.markFault();
    if (!resumable && live.session) live.session.resumable = false;
    this.send(live, 9, resumable);
  }

  /** Leaves the next `count` heartbeats unanswered, so the client declares the connection a zombie. */
  dropHeartbeatAcks(count: number): void {
    this.liveConnection(0);
    this.markFault();
    this.acksToDrop = count;
  }

  /** Sends any dispatch on a shard's current session (buffered for replay while the client is away). */
  dispatch(event: string, data: unknown, shard = 0): number {
    const session = this.sessions.get(shard);
    if (!session) throw new Error(`no gateway session for shard ${shard} yet: log the client in first`);
    return this.dispatchTo(session, event, data);
  }

  sendCommand(input: CommandInput): InteractionHandle {
    return this.sendApplicationCommand(2, input);
  }

  sendAutocomplete(input: CommandInput): InteractionHandle {
    return this.sendApplicationCommand(4, input);
  }

  sendButton(input: ButtonInput): InteractionHandle {
    const inGuild = input.guild !== false;
    const user = this.userFor(input.userId ?? this.userId);
    let message: APIMessage | undefined;
    if (input.messageId !== undefined) {
      message = this.messages.get(input.messageId);
      if (!message) throw new Error(`no stored message ${input.messageId}`);
    } else {
      message = [...this.messages.values()]
        .reverse()
        .find((candidate) => hasCustomId(candidate, input.customId));
    }
    if (!message) {
      const button = { type: 2, style: 1, label: input.customId, custom_id: input.customId };
      message = buildMessage({
        id: makeSnowflake(),
        channelId: inGuild ? this.channelOf(input.guildId ?? this.guildId) : this.dmChannelFor(user.id),
        author: this.botUser,
        applicationId: this.applicationId,
        type: 0,
        body: { content: 'A message with a button', components: [{ type: 1, components: [button] }] },
        attachments: [],
        flags: 0,
        interactionMetadata: undefined,
        interaction: undefined,
      });
      this.messages.set(message.id, message);
    }
    const data = { custom_id: input.customId, component_type: 2 };
    return this.sendInteraction(3, data, input, structuredClone(message), undefined);
  }

  private sendApplicationCommand(type: 2 | 4, input: CommandInput): InteractionHandle {
    const scopes = input.guild === false ? ['global'] : [input.guildId ?? this.guildId, 'global'];
    const command = scopes
      .flatMap((scope) => this.commandStore.get(scope) ?? [])
      .find((candidate) => candidate.name === input.name && Number(candidate.type) === 1);
    const options = buildOptions(input.options, command?.options);
    if (type === 4 && !hasFocus(options)) {
      throw new Error('an autocomplete interaction needs one focused option');
    }
    const id = command?.id ?? this.unregisteredCommandId(input.name);
    const data = {
      id,
      name: input.name,
      type: 1,
      ...(options.length > 0 ? { options } : {}),
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    };
    return this.sendInteraction(type, data, input, undefined, input.name);
  }

  private sendInteraction(
    type: number,
    data: Record<string, unknown>,
    target: InteractionTarget,
    message: APIMessage | undefined,
    commandName: string | undefined,
  ): InteractionHandle {
    const context = target.context ?? (target.guild === false ? 1 : 0);
    const inGuild = context === 0;
    // A button's interaction comes from the guild its message is in.
    const guildId = (message && this.guildOfChannel(message.channel_id)) ?? target.guildId ?? this.guildId;
    this.channelOf(guildId);
    const session = this.deliverInteraction ? undefined : this.sessionFor(inGuild ? guildId : undefined);
    const user = this.userFor(target.userId ?? this.userId);
    const id = makeSnowflake();
    const token = `${Buffer.from(`interaction:${id}:`).toString('base64url')}${randomBytes(48).toString('base64url')}`;
    const channelId =
      message?.channel_id ??
      (inGuild
        ? this.channelOf(guildId)
        : context === 2
          ? this.groupDmFor(user.id)
          : this.dmChannelFor(user.id));
    const permissions = target.memberPermissions ?? DEFAULT_PERMISSIONS;
    const locale = target.locale ?? LOCALE;
    const where = inGuild
      ? {
          guild_id: guildId,
          guild: { id: guildId, locale: LOCALE, features: [] },
          guild_locale: LOCALE,
          channel: { ...buildTextChannel(channelId, guildId), permissions: DEFAULT_PERMISSIONS },
          member: buildMember(user, permissions),
        }
      : context === 2
        ? {
            // A group DM the bot is not in: only the user's own install can answer there.
            user,
            channel: {
              id: channelId,
              type: 3,
              last_message_id: null,
              flags: 0,
              name: null,
              icon: null,
              owner_id: user.id,
              recipients: [user, this.userFor(FRIEND_ID)],
            },
          }
        : { user, channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] } };
    const payload: Record<string, unknown> = {
      id,
      application_id: this.applicationId,
      type,
      data,
      token,
      version: 1,
      channel_id: channelId,
      ...where,
      locale,
      app_permissions: DEFAULT_PERMISSIONS,
      entitlements: [],
      // The value for a guild install is the guild id, or "0" in the bot's DMs; for a user install, the user's id.
      authorizing_integration_owners:
        target.install === 'user' ? { '1': user.id } : { '0': inGuild ? guildId : '0' },
      context,
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      ...(message ? { message } : {}),
    };
    const state: InteractionState = {
      id,
      token,
      type,
      payload,
      user,
      channelId,
      createdAt: performance.now(),
      acknowledged: false,
      expired: false,
      originalId: undefined,
      sourceMessageId: message?.id,
      messageIds: new Set(),
      commandName,
    };
    this.interactions.set(id, state);
    this.interactionsByToken.set(token, state);
    if (session) this.dispatchTo(session, 'INTERACTION_CREATE', payload);
    else this.deliverInteraction?.(payload);
    return this.handleFor(state);
  }

  private handleFor(state: InteractionState): InteractionHandle {
    const callbackPath = `/interactions/${state.id}/${state.token}/callback`;
    const webhookPath = `/webhooks/${this.applicationId}/${state.token}`;
    const accepted = (request: RecordedRequest): boolean => request.status >= 200 && request.status < 300;
    const callbacks = (): InteractionCallback[] =>
      this.requests
        .filter((request) => request.method === 'POST' && request.path === callbackPath && accepted(request))
        .map((request) => {
          const { json, files } = splitBody(request.body);
          const data = isRecord(json['data']) ? json['data'] : undefined;
          return { type: Number(json['type']), data, files, request };
        });
    const edits = (): RecordedRequest[] =>
      this.requests.filter(
        (request) =>
          (request.method === 'PATCH' || request.method === 'POST') &&
          (request.path === webhookPath || request.path.startsWith(`${webhookPath}/`)) &&
          accepted(request),
      );
    const describe = (what: string) => (): string => {
      const related = this.requests
        .filter((request) => request.path.includes(state.token))
        .map(describeRequest);
      return `${what} of interaction ${state.id}; requests under its token: ${related.join(', ') || 'none'}`;
    };
    return {
      id: state.id,
      token: state.token,
      payload: state.payload,
      response: (options = {}) =>
        this.waitFor(() => callbacks()[0], options.timeoutMs, describe('the response')),
      callbacks,
      edits,
      waitForEdit: ({ count = 1, timeoutMs } = {}) =>
        this.waitFor(() => edits()[count - 1], timeoutMs, describe(`edit or follow-up #${count}`)),
      message: () => (state.originalId === undefined ? undefined : this.storedMessage(state.originalId)),
      expire: () => {
        state.expired = true;
      },
    };
  }

  private waitFor<T>(
    probe: () => T | undefined,
    timeoutMs = DEFAULT_WAIT_MS,
    describe: () => string,
  ): Promise<T> {
    const found = probe();
    if (found !== undefined) return Promise.resolve(found);
    if (this.closed) {
      return Promise.reject(new Error(`the stand-in is closed; it was waiting for ${describe()}`));
    }
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const value = probe();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const abort = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const timer = setTimeout(
        () => abort(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`)),
        timeoutMs,
      );
      const cleanup = (): void => {
        clearTimeout(timer);
        this.changes.off('change', check);
        this.aborts.delete(abort);
      };
      this.changes.on('change', check);
      this.aborts.add(abort);
    });
  }

  private changed(): void {
    this.changes.emit('change');
  }

  private describeSessions(what: string): string {
    const seen = this.sessionEvents.map((event) => event.kind).join(', ') || 'none';
    const closes = this.connections.map((record) => `#${record.id}:${record.closeCode ?? 'open'}`).join(' ');
    return `${what} after fault mark ${this.sessionMark}; sessions so far: ${seen}; connections: ${closes}`;
  }

  private markFault(): void {
    this.sessionMark = this.sessionEvents.length;
  }

  private liveConnection(shard: number): Live {
    const live = this.sessions.get(shard)?.connection;
    if (!live || live.socket.readyState !== WebSocket.OPEN) {
      throw new Error(
        `no live gateway connection for shard ${shard}: wait for the client to log in or come back first`,
      );
    }
    return live;
  }

  /** The session a guild's events go to (DMs: shard 0), as Discord routes them. */
  private sessionFor(guildId: string | undefined): Session {
    for (const session of this.sessions.values()) {
      const [shard, count] = session.shard;
      if (guildId === undefined ? shard === 0 : shardOf(guildId, count) === shard) return session;
    }
    const which =
      guildId === undefined
        ? 'shard 0 (DMs)'
        : `the shard of guild ${guildId} (of ${this.shardCount}: ${shardOf(guildId, this.shardCount)})`;
    throw new Error(`no gateway session for ${which} yet: log the client in first`);
  }

  private guildOfChannel(channelId: string): string | undefined {
    for (const [guild, channel] of this.channels) if (channel === channelId) return guild;
    return undefined;
  }

  private userFor(id: string): APIUser {
    return buildUser(id, id === this.userId ? 'tester' : `user${id.slice(-4)}`);
  }

  private groupDmFor(userId: string): string {
    let id = this.groupDms.get(userId);
    if (id === undefined) this.groupDms.set(userId, (id = makeSnowflake()));
    return id;
  }

  private dmChannelFor(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (id === undefined) this.dmChannels.set(userId, (id = makeSnowflake()));
    return id;
  }

  private unregisteredCommandId(name: string): string {
    let id = this.unregisteredCommandIds.get(name);
    if (id === undefined) this.unregisteredCommandIds.set(name, (id = makeSnowflake()));
    return id;
  }

  // Gateway

  private onConnection(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', this.apiBase);
    const record: ConnectionRecord = {
      id: this.connections.length + 1,
      query: Object.fromEntries(url.searchParams),
      openedAt: performance.now(),
    };
    this.connections.push(record);
    const live: Live = { record, socket, session: undefined };
    this.live.add(live);
    socket.on('message', (data) => this.onFrame(live, data));
    socket.on('close', (code) => {
      record.closedAt = performance.now();
      record.closeCode = code;
      if (live.session?.connection === live) live.session.connection = undefined;
      this.live.delete(live);
      this.changed();
    });
    // A reset socket also emits 'close', which is all the stand-in needs to know.
    socket.on('error', () => undefined);
    if (record.query['v'] !== '10') {
      socket.close(4012, 'Invalid API version');
      return;
    }
    this.send(live, 10, { heartbeat_interval: this.heartbeatIntervalMs });
  }

  private onFrame(live: Live, data: RawData): void {
    let payload: unknown;
    try {
      payload = JSON.parse(rawText(data));
    } catch {
      live.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    if (!isRecord(payload) || typeof payload['op'] !== 'number') {
      live.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    const frame: GatewayPayload = { op: payload['op'], d: payload['d'] ?? null, s: null, t: null };
    this.gateway.push({ direction: 'in', connection: live.record.id, payload: frame, at: performance.now() });
    switch (frame.op) {
      case 1:
        if (this.acksToDrop > 0) this.acksToDrop -= 1;
        else this.send(live, 11, null);
        break;
      case 2:
        this.identify(live, frame.d);
        break;
      case 6:
        this.resume(live, frame.d);
        break;
      case 3:
      case 4:
      case 8:
        if (!live.session) live.socket.close(4003, 'Not authenticated.');
        break;
      default:
        live.socket.close(4001, 'Unknown opcode.');
    }
    this.changed();
  }

  private identify(live: Live, d: unknown): void {
    if (live.session) {
      live.socket.close(4005, 'Already authenticated.');
      return;
    }
    if (!isRecord(d) || d['token'] !== this.token) {
      live.socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard = d['shard'] === undefined ? [0, 1] : d['shard'];
    if (
      !Array.isArray(shard) ||
      shard.length !== 2 ||
      !shard.every((n) => Number.isInteger(n)) ||
      shard[1] < 1 ||
      shard[0] < 0 ||
      shard[0] >= shard[1]
    ) {
      live.socket.close(4010, 'Invalid shard.');
      return;
    }
    const [shardId, count] = shard as [number, number];
    this.identifies.push({ shard: [shardId, count], connection: live.record.id, at: performance.now() });
    live.record.shard = [shardId, count];
    const previous = this.sessions.get(shardId);
    if (previous) previous.resumable = false;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard: [shardId, count],
      seq: 0,
      log: [],
      connection: live,
      resumable: true,
    };
    this.sessions.set(shardId, session);
    live.session = session;
    const guilds = this.guildIds.filter((guild) => shardOf(guild, count) === shardId);
    this.dispatchTo(session, 'READY', {
      v: 10,
      user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [shardId, count],
      application: { id: this.applicationId, flags: 0 },
    });
    // GUILD_CREATE belongs to the Guilds intent (bit 0); discord.js only waits for it when it asked.
    if (typeof d['intents'] === 'number' && (d['intents'] & 1) === 1) {
      for (const guildId of guilds) {
        const guild = buildGuildCreate({
          guildId,
          channelId: this.channelOf(guildId),
          ownerId: this.userId,
          bot: this.botUser,
        });
        this.dispatchTo(session, 'GUILD_CREATE', guild);
      }
    }
    this.sessionEvents.push({
      kind: 'ready',
      sessionId: session.id,
      connection: live.record.id,
      shard: shardId,
      at: performance.now(),
    });
  }

  private resume(live: Live, d: unknown): void {
    if (!isRecord(d) || d['token'] !== this.token) {
      live.socket.close(4004, 'Authentication failed.');
      return;
    }
    const session = [...this.sessions.values()].find((candidate) => candidate.id === d['session_id']);
    if (!session || !session.resumable) {
      this.send(live, 9, false);
      return;
    }
    live.record.shard = [...session.shard];
    const seq = typeof d['seq'] === 'number' ? d['seq'] : 0;
    if (session.connection && session.connection !== live) session.connection.socket.terminate();
    session.connection = live;
    live.session = session;
    for (const frame of session.log) if (frame.s !== null && frame.s > seq) this.write(live, frame);
    this.resumes += 1;
    this.dispatchTo(session, 'RESUMED', {});
    this.sessionEvents.push({
      kind: 'resumed',
      sessionId: session.id,
      connection: live.record.id,
      shard: session.shard[0],
      at: performance.now(),
    });
  }

  private dispatchTo(session: Session, event: string, data: unknown): number {
    session.seq += 1;
    const frame: GatewayPayload = { op: 0, d: data, s: session.seq, t: event };
    session.log.push(frame);
    const live = session.connection;
    if (live && live.socket.readyState === WebSocket.OPEN) this.write(live, frame);
    return session.seq;
  }

  private send(live: Live, op: number, d: unknown): void {
    this.write(live, { op, d, s: null, t: null });
  }

  private write(live: Live, payload: GatewayPayload): void {
    this.gateway.push({ direction: 'out', connection: live.record.id, payload, at: performance.now() });
    live.socket.send(JSON.stringify(payload));
  }

  private application(): unknown {
    return buildApplication(this.applicationId, this.botUser, this.userFor(this.userId));
  }

  private gatewayBot(): unknown {
    return {
      url: this.gatewayUrl,
      shards: this.shardCount,
      session_start_limit: {
        total: 1000,
        remaining: 1000 - this.identifies.length,
        reset_after: 86_400_000,
        max_concurrency: this.maxConcurrency,
      },
    };
  }

  // REST

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(request.url ?? '/', this.apiBase);
    const decoded = url.pathname
      .split('/')
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      })
      .join('/');
    const versioned = decoded.startsWith(`${API_PREFIX}/`);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: versioned ? decoded.slice(API_PREFIX.length) : decoded,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      body: undefined,
      at,
      status: 0,
      response: undefined,
    };
    this.requests.push(recorded);
    let reply: Reply;
    try {
      recorded.body = await parseBody(await readBody(request), request.headers['content-type']);
      reply = versioned ? await this.route(recorded) : this.unknownRoute(recorded);
    } catch (error) {
      if (!(error instanceof ApiError)) this.unexpected.push(recorded);
      reply =
        error instanceof ApiError
          ? error.reply
          : { status: 500, body: { message: `500: ${String(error)}`, code: 0 } };
    }
    recorded.status = reply.status;
    recorded.response = reply.body;
    if (reply.body === undefined) {
      response.writeHead(reply.status).end();
    } else {
      response
        .writeHead(reply.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(reply.body));
    }
    this.changed();
  }

  private route(request: RecordedRequest): Reply | Promise<Reply> {
    const matching = this.routes.filter(([, pattern]) => pattern.test(request.path));
    if (matching.length === 0) return this.unknownRoute(request);
    const route = matching.find(([method]) => method === request.method);
    if (!route) {
      this.unexpected.push(request);
      return { status: 405, body: { message: '405: Method Not Allowed', code: 0 } };
    }
    const [, pattern, auth, handle] = route;
    if (auth && request.headers.authorization !== `Bot ${this.token}`) {
      throw new ApiError(401, 0, '401: Unauthorized');
    }
    return handle(request, pattern.exec(request.path)?.groups ?? {});
  }

  private unknownRoute(request: RecordedRequest): Reply {
    this.unexpected.push(request);
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private commandScope(params: Params): string {
    if (params['app'] !== this.applicationId) throw new ApiError(404, 10002, 'Unknown Application');
    const guild = params['guild'];
    if (guild !== undefined && !this.guildIds.includes(guild))
      throw new ApiError(403, 50001, 'Missing Access');
    return guild ?? 'global';
  }

  /** As Discord lists them: the localization maps only when asked for with `with_localizations=true`. */
  private listCommands(request: RecordedRequest, params: Params): unknown[] {
    const commands = this.commandsAt(params);
    if (request.query['with_localizations'] === 'true') return commands;
    const strip = (item: object): Record<string, unknown> => {
      const rest: Record<string, unknown> = { ...item };
      delete rest['name_localizations'];
      delete rest['description_localizations'];
      if (Array.isArray(rest['options'])) rest['options'] = (rest['options'] as object[]).map(strip);
      if (Array.isArray(rest['choices'])) rest['choices'] = (rest['choices'] as object[]).map(strip);
      return rest;
    };
    return commands.map(strip);
  }

  private commandsAt(params: Params): APIApplicationCommand[] {
    return this.commandStore.get(this.commandScope(params)) ?? [];
  }

  private overwrite(request: RecordedRequest, params: Params): Reply {
    const scope = this.commandScope(params);
    const errors = new FormErrors();
    if (!validateCommands(request.body, errors)) throw invalidFormBody(errors);
    const stored = storeCommands(request.body, {
      applicationId: this.applicationId,
      guildId: scope === 'global' ? undefined : scope,
      previous: this.commandStore.get(scope) ?? [],
    });
    this.commandStore.set(scope, stored);
    return ok(stored);
  }

  private callback(request: RecordedRequest, params: Params): Reply {
    const state = this.interactions.get(params['id'] ?? '');
    if (!state || state.token !== params['token'] || state.expired) {
      throw new ApiError(404, 10062, 'Unknown interaction');
    }
    if (state.acknowledged) throw new ApiError(400, 40060, 'Interaction has already been acknowledged.');
    if (performance.now() - state.createdAt > this.interactionTimeoutMs) {
      throw new ApiError(404, 10062, 'Unknown interaction');
    }
    const { json, files } = splitBody(request.body);
    const type = json['type'];
    const allowed = CALLBACK_TYPES[state.type] ?? [];
    const errors = new FormErrors();
    if (typeof type !== 'number' || !allowed.includes(type)) {
      errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
      throw invalidFormBody(errors);
    }
    const data = isRecord(json['data']) ? json['data'] : {};
    if (type === 4 || type === 7) validateMessage(data, errors, ['data']);
    if (type === 8) validateChoices(data, errors);
    if (!errors.empty) throw invalidFormBody(errors);
    if (type === 4 && isEmptyMessage(data, files)) {
      throw new ApiError(400, 50006, 'Cannot send an empty message');
    }
    this.checkFiles(files);
    state.acknowledged = true;
    const message = this.acknowledge(state, type, data, files);
    if (request.query['with_response'] !== 'true') return { status: 204 };
    return ok({
      interaction: {
        id: state.id,
        type: state.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: type === 5,
              response_message_ephemeral: ((message.flags ?? 0) & MESSAGE_FLAG.ephemeral) !== 0,
            }
          : {}),
      },
      resource: { type, ...(message ? { message } : {}) },
    });
  }

  private acknowledge(
    state: InteractionState,
    type: number,
    data: Record<string, unknown>,
    files: UploadedFile[],
  ): APIMessage | undefined {
    const requested = typeof data['flags'] === 'number' ? data['flags'] : 0;
    switch (type) {
      case 4:
        return this.createMessage(state, data, files, { flags: requested & SENDABLE_FLAGS, original: true });
      case 5: {
        const flags = (requested & MESSAGE_FLAG.ephemeral) | MESSAGE_FLAG.loading;
        return this.createMessage(state, {}, [], { flags, original: true });
      }
      case 6:
      case 7: {
        const source = state.sourceMessageId;
        if (source === undefined) return undefined;
        state.originalId = source;
        state.messageIds.add(source);
        return type === 7 ? this.editMessage(source, data, files) : this.storedMessage(source);
      }
      default:
        return undefined;
    }
  }

  private createMessage(
    state: InteractionState,
    body: Record<string, unknown>,
    files: UploadedFile[],
    { flags, original }: { flags: number; original: boolean },
  ): APIMessage {
    const id = makeSnowflake();
    const owners = state.payload['authorizing_integration_owners'] as Record<string, string>;
    const command = state.type === 2 || state.type === 4;
    const message = buildMessage({
      id,
      channelId: state.channelId,
      author: this.botUser,
      applicationId: this.applicationId,
      type: command ? 20 : 0,
      body,
      attachments: resolveAttachments(body, files, [], state.channelId),
      flags,
      interactionMetadata: (command
        ? { id: state.id, type: 2, user: state.user, authorizing_integration_owners: owners, command_type: 1 }
        : {
            id: state.id,
            type: state.type,
            user: state.user,
            authorizing_integration_owners: owners,
            ...(state.sourceMessageId ? { interacted_message_id: state.sourceMessageId } : {}),
          }) as APIMessage['interaction_metadata'],
      interaction: command
        ? { id: state.id, type: 2, name: state.commandName ?? '', user: state.user }
        : undefined,
    });
    this.messages.set(id, message);
    state.messageIds.add(id);
    if (original) state.originalId = id;
    return structuredClone(message);
  }

  private editMessage(id: string, body: Record<string, unknown>, files: UploadedFile[]): APIMessage {
    const current = this.messages.get(id);
    if (!current) throw new ApiError(404, 10008, 'Unknown Message');
    const flags = current.flags ?? 0;
    const requested = typeof body['flags'] === 'number' ? body['flags'] : flags;
    const listOr = <T>(key: string, fallback: T[]): T[] =>
      key in body ? (Array.isArray(body[key]) ? (body[key] as T[]) : []) : fallback;
    const next: APIMessage = {
      ...current,
      content:
        'content' in body ? (typeof body['content'] === 'string' ? body['content'] : '') : current.content,
      embeds: listOr('embeds', current.embeds),
      components: listOr('components', current.components ?? []),
      attachments:
        'attachments' in body || files.length > 0
          ? resolveAttachments(body, files, current.attachments, current.channel_id)
          : current.attachments,
      flags: (flags & ~MESSAGE_FLAG.loading & ~EDITABLE_FLAGS) | (requested & EDITABLE_FLAGS),
      // Editing a deferred ("thinking") response is its first real content, not an edit.
      edited_timestamp: flags & MESSAGE_FLAG.loading ? null : new Date().toISOString(),
    };
    this.messages.set(id, next);
    return structuredClone(next);
  }

  private checkFiles(files: readonly UploadedFile[]): void {
    if (files.some((file) => file.size > ATTACHMENT_SIZE_LIMIT)) {
      throw new ApiError(413, 40005, 'Request entity too large');
    }
  }

  private webhookInteraction(params: Params): InteractionState {
    if (params['app'] !== this.applicationId) throw new ApiError(404, 10015, 'Unknown Webhook');
    const state = this.interactionsByToken.get(params['token'] ?? '');
    if (!state || state.expired) throw new ApiError(401, 50027, 'Invalid Webhook Token');
    return state;
  }

  private webhookMessageId(state: InteractionState, param: string | undefined): string {
    const id = param === '@original' ? state.originalId : param;
    if (id === undefined || !state.messageIds.has(id) || !this.messages.has(id)) {
      throw new ApiError(404, 10008, 'Unknown Message');
    }
    return id;
  }

  private fetchReply(params: Params): Reply {
    const state = this.webhookInteraction(params);
    return ok(this.storedMessage(this.webhookMessageId(state, params['message'])));
  }

  private edit(request: RecordedRequest, params: Params): Reply {
    const state = this.webhookInteraction(params);
    const id = this.webhookMessageId(state, params['message']);
    const { json, files } = splitBody(request.body);
    const errors = new FormErrors();
    validateMessage(json, errors);
    if (!errors.empty) throw invalidFormBody(errors);
    this.checkFiles(files);
    return ok(this.editMessage(id, json, files));
  }

  private remove(params: Params): Reply {
    const state = this.webhookInteraction(params);
    this.messages.delete(this.webhookMessageId(state, params['message']));
    return { status: 204 };
  }

  private followUp(request: RecordedRequest, params: Params): Reply {
    const state = this.webhookInteraction(params);
    const { json, files } = splitBody(request.body);
    const errors = new FormErrors();
    validateMessage(json, errors);
    if (!errors.empty) throw invalidFormBody(errors);
    if (isEmptyMessage(json, files)) throw new ApiError(400, 50006, 'Cannot send an empty message');
    this.checkFiles(files);
    const flags = (typeof json['flags'] === 'number' ? json['flags'] : 0) & SENDABLE_FLAGS;
    const message = this.createMessage(state, json, files, { flags, original: false });
    return request.query['wait'] === 'true' ? ok(message) : { status: 204 };
  }
}
