// The Interactions Endpoint URL: Discord POSTs each interaction here, signed, and reads the HTTP response as
// the first answer; later changes (a deferred answer, a picture) edit the original response through REST.
// Nothing is kept between requests, so any number of replicas can stand behind a load balancer.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { REST } from 'discord.js';
import { InteractionResponseType, InteractionType, MessageFlags, Routes } from 'discord-api-types/v10';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import type { Logger } from 'pino';
import type { App, AppHooks, AppRequest, Message, PictureJob } from '../../app/types.js';
import { outcomeLabel, requestName } from '../../metrics.js';
import type { Metrics } from '../../metrics.js';
import { serveStatus } from '../status.js';
import { messageData, messageFiles, toAppRequest } from './payloads.js';
import { verifyRequest } from './verify.js';

/** Interactions are a few KB at most; anything much larger is not from Discord. */
export const MAX_BODY_BYTES = 64 * 1024;
/** How long SIGTERM waits for answers and picture edits in flight before closing what is left. */
export const STOP_GRACE_MS = 3_000;

export interface InteractionsServerOptions {
  publicKey: KeyObject;
  /** The core once the articles are loaded; null before, when interactions get 503 and /healthz too. */
  app: () => App | null;
  /** The message with its picture drawn in, or null when the picture could not be drawn. */
  addPicture: (message: Message, job: PictureJob) => Promise<Message | null>;
  /** discord.js's REST client; the interaction's token authorises the webhook routes it is used for. */
  rest: Pick<REST, 'patch' | 'post' | 'delete'>;
  logger: Logger;
  metrics: Metrics;
  maxBodyBytes?: number;
}

export interface InteractionsServer {
  readonly server: Server;
  /** Resolves with the port taken (`port` 0 picks a free one). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting connections, waits for what is in flight (up to `graceMs`), then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The body as received, or null once it passes `limit` bytes (the rest is not read). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) resolve(null);
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const { publicKey, rest, logger, metrics, addPicture } = options;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const inflight = new Set<Promise<void>>();
  let stopping = false;
  const ready = () => options.app() !== null;

  /** 401 and nothing else: no hint of what was wrong beyond the log, never a PONG. */
  function deny(response: ServerResponse, reason: string): void {
    metrics.countRejected(reason);
    logger.debug({ reason }, 'interaction refused');
    response
      .writeHead(401, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
      .end('invalid request signature\n');
  }

  async function onInteraction(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const arrived = performance.now();
    const body = await readBody(request, maxBodyBytes);
    if (body === null) return deny(response, 'body too large');
    const verdict = verifyRequest(
      publicKey,
      header(request, 'x-signature-ed25519'),
      header(request, 'x-signature-timestamp'),
      body,
    );
    if (!verdict.ok) return deny(response, verdict.reason);
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(body.toString('utf8')) as APIInteraction;
    } catch {
      return sendJson(response, 400, { message: 'the body is not JSON' });
    }
    if (interaction.type === InteractionType.Ping) return sendJson(response, 200, { type: 1 });
    const app = options.app();
    if (!app) {
      response.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    const appRequest = toAppRequest(interaction);
    if (!appRequest) return sendJson(response, 400, { message: 'this interaction type is not handled' });
    await answer(app, interaction, appRequest, response, arrived);
  }

  async function answer(
    app: App,
    interaction: APIInteraction,
    request: AppRequest,
    response: ServerResponse,
    arrived: number,
  ): Promise<void> {
    const { application_id: appId, token } = interaction;
    const original = Routes.webhookMessage(appId, token, '@original');
    const where = { interaction: interaction.id, command: requestName(request) };
    let responded = false;
    const respond = (payload: APIInteractionResponse) => {
      responded = true;
      sendJson(response, 200, payload);
      metrics.observeFirstAnswer(request.kind, (performance.now() - arrived) / 1000);
    };
    const edit = (message: Message) =>
      rest.patch(original, {
        body: messageData(message),
        files: messageFiles(message),
        auth: false,
      });
    const hooks: AppHooks = {
      defer: () => {
        // A button's message is edited in place; a command gets "thinking…" until the edit.
        if (!responded)
          respond({
            type:
              request.kind === 'component'
                ? InteractionResponseType.DeferredMessageUpdate
                : InteractionResponseType.DeferredChannelMessageWithSource,
          });
        return Promise.resolve();
      },
    };

    const outcome = await app.handle(request, hooks);
    let label = outcomeLabel(outcome);
    try {
      if (outcome.kind === 'choices') {
        respond({
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: outcome.choices },
        });
      } else {
        const { message } = outcome;
        const update = outcome.kind === 'update';
        const flags = message.ephemeral ? { flags: MessageFlags.Ephemeral } : {};
        let editable = true;
        if (!responded && message.files.length === 0) {
          respond({
            type: update
              ? InteractionResponseType.UpdateMessage
              : InteractionResponseType.ChannelMessageWithSource,
            data: { ...messageData(message), ...flags },
          });
        } else if (!responded) {
          // Files go up as multipart, which the edit route takes: acknowledge now, the edit brings it all.
          respond({
            type: update
              ? InteractionResponseType.DeferredMessageUpdate
              : InteractionResponseType.DeferredChannelMessageWithSource,
            ...(message.ephemeral ? { data: flags } : {}),
          });
          await edit(message);
        } else if (message.ephemeral && !update) {
          // The deferral was public ("thinking…", or the pressed button's message): a private answer
          // is a follow-up of its own, and a command's placeholder goes.
          if (request.kind === 'command') await rest.delete(original, { auth: false });
          await rest.post(Routes.webhook(appId, token), {
            body: { ...messageData(message), ...flags },
            files: messageFiles(message),
            auth: false,
          });
          editable = false;
        } else {
          await edit(message);
        }
        if (outcome.picture && editable) await sendPicture(message, outcome.picture, edit, where);
      }
    } catch (error) {
      label = 'failed';
      logger.error({ err: error, ...where }, 'could not answer interaction');
    }
    metrics.countInteraction(request.kind, requestName(request), label);
    logger.debug({ ...where, ms: performance.now() - arrived }, 'handled');
  }

  /** Draws the picture and edits the answer to carry it; a failure leaves the text answer as it is. */
  async function sendPicture(
    message: Message,
    job: PictureJob,
    edit: (message: Message) => Promise<unknown>,
    where: Record<string, unknown>,
  ): Promise<void> {
    try {
      const next = await addPicture(message, job);
      if (!next) {
        metrics.countPicture('failed');
        return;
      }
      await edit(next);
      metrics.countPicture('sent');
    } catch (error) {
      metrics.countPicture('failed');
      logger.error({ err: error, ...where }, 'picture edit failed; the first answer stays');
    }
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (stopping) response.setHeader('connection', 'close');
    const path = (request.url ?? '/').split('?', 1)[0];
    if (path === '/interactions') {
      if (request.method === 'POST') return onInteraction(request, response);
      response.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    if (await serveStatus(request, response, { metrics, ready })) return;
    response.writeHead(404).end();
  }

  const server = createServer((request, response) => {
    const work = route(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'request failed');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
  });

  return {
    server,
    listen: (port, host) =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    async close(graceMs = STOP_GRACE_MS) {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([Promise.allSettled([...inflight]), grace]);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
    },
  };
}
