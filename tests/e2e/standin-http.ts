// HTTP delivery for the Discord stand-in: interactions are POSTed, signed with the stand-in's own Ed25519
// key, to the bot's Interactions Endpoint URL, and the HTTP response is taken as the interaction's callback.
// The callback is handed to the stand-in's own callback route, so everything after it (the message store,
// PATCH of @original with files, follow-ups, the 3 s limit, InteractionHandle) is the stand-in's as it is.
import { generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DiscordStandin } from './standin.js';

/** One POST to the bot's endpoint and what came back. */
export interface HttpExchange {
  id: string;
  body: string;
  sentAt: number;
  /** 0 while waiting; -1 when the request failed without a response. */
  status: number;
  answeredAt?: number;
  contentType?: string;
  response?: Buffer;
  error?: string;
}

export interface SignedHeaders {
  'x-signature-ed25519': string;
  'x-signature-timestamp': string;
}

export class HttpDelivery {
  /** The public key as the developer portal shows it: DISCORD_PUBLIC_KEY for the bot. */
  readonly publicKey: string;
  readonly exchanges: HttpExchange[] = [];
  private readonly byId = new Map<string, { exchange: HttpExchange; done: Promise<HttpExchange> }>();
  /** Where interactions go, e.g. `http://127.0.0.1:PORT/interactions`; set once the bot listens. */
  endpoint: string | undefined;
  private readonly privateKey: KeyObject;

  private constructor(
    private readonly standin: DiscordStandin,
    private readonly forward: boolean,
  ) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    this.publicKey = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  }

  /**
   * From now on the stand-in's sendCommand, sendAutocomplete and sendButton deliver over HTTP. With
   * `forward: false` the answers are only recorded here, not handed to the stand-in's callback route (for
   * bursts, where the stand-in's own bookkeeping would be the slowest part).
   */
  static attach(standin: DiscordStandin, { forward = true }: { forward?: boolean } = {}): HttpDelivery {
    const delivery = new HttpDelivery(standin, forward);
    standin.deliverInteraction = (payload) => delivery.deliver(payload);
    return delivery;
  }

  /** Headers Discord would send with `body` at `timestamp` (now by default). */
  sign(body: string | Buffer, timestamp = String(Math.floor(Date.now() / 1000))): SignedHeaders {
    const message = Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]);
    return {
      'x-signature-ed25519': sign(null, message, this.privateKey).toString('hex'),
      'x-signature-timestamp': timestamp,
    };
  }

  /** A raw POST to the endpoint, signed unless `headers` are given. */
  async post(
    body: string | Buffer,
    headers: Record<string, string> = { ...this.sign(body) },
  ): Promise<{ status: number; contentType: string; body: Buffer }> {
    if (!this.endpoint) throw new Error('no endpoint yet: set `endpoint` once the bot listens');
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: new Uint8Array(Buffer.from(body)),
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: Buffer.from(await response.arrayBuffer()),
    };
  }

  /** The exchange of an interaction, by its id. */
  exchange(id: string): HttpExchange | undefined {
    return this.byId.get(id)?.exchange;
  }

  /** Resolves once the bot's HTTP answer to an interaction has come (and, if 200, been recorded as its callback). */
  answered(id: string): Promise<HttpExchange> {
    const entry = this.byId.get(id);
    if (!entry) return Promise.reject(new Error(`no interaction ${id} was delivered over HTTP`));
    return entry.done;
  }

  /** Exchanges that did not end in 200 (or have not ended yet). */
  failures(): HttpExchange[] {
    return this.exchanges.filter((exchange) => exchange.status !== 200);
  }

  private deliver(payload: Record<string, unknown>): void {
    const body = JSON.stringify(payload);
    const exchange: HttpExchange = { id: String(payload['id']), body, sentAt: performance.now(), status: 0 };
    this.exchanges.push(exchange);
    const done = this.exchangeOnce(exchange, payload).then(() => exchange);
    this.byId.set(exchange.id, { exchange, done });
  }

  private async exchangeOnce(exchange: HttpExchange, payload: Record<string, unknown>): Promise<void> {
    const body = exchange.body;
    try {
      const answer = await this.post(body);
      Object.assign(exchange, {
        status: answer.status,
        answeredAt: performance.now(),
        contentType: answer.contentType,
        response: answer.body,
      });
      if (answer.status !== 200 || !this.forward) return;
      // The response is the callback: record it as if the bot had POSTed it to the callback route.
      await fetch(
        `${this.standin.apiBase}/v10/interactions/${exchange.id}/${String(payload['token'])}/callback`,
        {
          method: 'POST',
          headers: { 'content-type': answer.contentType },
          body: new Uint8Array(answer.body),
        },
      );
    } catch (error) {
      exchange.status = -1;
      exchange.error = String(error);
    }
  }
}
