// The HTTP host's own part, with a stand-in core: who gets 401, PING, the response types, deferral, the
// REST edits that follow, /healthz and /metrics. The core itself is tested through its requests elsewhere.
import { generateKeyPairSync, sign } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { App, AppHooks, AppRequest, Message, Outcome } from '../../../src/app/types.js';
import { createMetrics } from '../../../src/metrics.js';
import { MAX_BODY_BYTES, createInteractionsServer } from '../../../src/hosts/http/server.js';
import type { InteractionsServer } from '../../../src/hosts/http/server.js';
import { importPublicKey } from '../../../src/hosts/http/verify.js';

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const PUBLIC_HEX = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');

function signed(body: string | Buffer, timestamp = String(Math.floor(Date.now() / 1000)), key = privateKey) {
  const bytes = Buffer.from(body);
  return {
    'x-signature-ed25519': sign(null, Buffer.concat([Buffer.from(timestamp), bytes]), key).toString('hex'),
    'x-signature-timestamp': timestamp,
  };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function send(port: number, method: string, path: string, headers: Record<string, string>, body?: Buffer) {
  return new Promise<Answer>((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.on('error', reject);
    request.end(body);
  });
}

const message = (over: Partial<Message> = {}): Message => ({
  content: '',
  embeds: [{ title: 'Podium', description: 'text' }],
  components: [],
  files: [],
  ephemeral: false,
  allowedMentions: { parse: [] },
  ...over,
});

function interaction(type: number, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: '1230000000000000100',
    application_id: '1230000000000000001',
    type,
    token: 'tok',
    version: 1,
    locale: 'en-GB',
    member: { user: { id: '1230000000000000004' }, permissions: '0' },
    data,
    ...extra,
  });
}

const COMMAND = interaction(2, {
  id: '9',
  name: 'podium',
  type: 1,
  options: [{ name: 'event', type: 3, value: 'mass-start-men' }],
});

interface RestCall {
  method: string;
  route: string;
  body: unknown;
  files: { name: string }[];
}

let host: InteractionsServer | undefined;
afterEach(async () => {
  await host?.close(100);
  host = undefined;
});

async function start(handle: (request: AppRequest, hooks?: AppHooks) => Promise<Outcome>, ready = true) {
  const calls: RestCall[] = [];
  const record =
    (method: string) =>
    (route: string, options: { body?: unknown; files?: { name: string }[] } = {}) => {
      calls.push({ method, route, body: options.body, files: options.files ?? [] });
      return Promise.resolve({});
    };
  const metrics = createMetrics({ defaults: false });
  const app: App = { handle, choices: () => [] };
  let loaded = ready;
  host = createInteractionsServer({
    publicKey: importPublicKey(PUBLIC_HEX),
    app: () => (loaded ? app : null),
    addPicture: (m, job) =>
      Promise.resolve({
        ...m,
        files: [{ name: job.name, data: Buffer.from('png'), description: job.description }],
      }),
    rest: { patch: record('PATCH'), post: record('POST'), delete: record('DELETE') },
    logger: pino({ level: 'silent' }),
    metrics,
  });
  const port = await host.listen(0, '127.0.0.1');
  const post = (body: string | Buffer, headers: Record<string, string> = signed(body)) =>
    send(
      port,
      'POST',
      '/interactions',
      { 'content-type': 'application/json', ...headers },
      Buffer.from(body),
    );
  return { port, calls, metrics, post, load: () => (loaded = true) };
}

const never = () => Promise.reject(new Error('the core must not be asked'));

describe('hosts/http/server', () => {
  describe('requests that are not from Discord get 401 and nothing else', () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const ping = interaction(1, {});
    const now = () => String(Math.floor(Date.now() / 1000));
    it.each<{ what: string; body?: string | Buffer; headers: () => Record<string, string> }>([
      { what: 'a signature by another key', headers: () => signed(ping, now(), other) },
      { what: 'a changed body', body: ping.replace('"tok"', '"tol"'), headers: () => signed(ping) },
      {
        what: 'the same JSON re-spaced',
        body: JSON.stringify(JSON.parse(ping), null, 1),
        headers: () => signed(ping),
      },
      {
        what: 'a changed timestamp',
        headers: () => ({ ...signed(ping), 'x-signature-timestamp': String(Number(now()) + 1) }),
      },
      { what: 'a stale timestamp', headers: () => signed(ping, String(Number(now()) - 600)) },
      { what: 'no headers at all', headers: () => ({}) },
      {
        what: 'no timestamp header',
        headers: () => ({ 'x-signature-ed25519': signed(ping)['x-signature-ed25519'] }),
      },
      {
        what: 'a signature that is not hex',
        headers: () => ({ ...signed(ping), 'x-signature-ed25519': 'z'.repeat(128) }),
      },
      {
        what: 'a short signature',
        headers: () => ({
          ...signed(ping),
          'x-signature-ed25519': signed(ping)['x-signature-ed25519'].slice(2),
        }),
      },
      {
        what: 'a body over the limit, even correctly signed',
        body: Buffer.alloc(MAX_BODY_BYTES + 1, 0x20),
        headers: () => signed(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)),
      },
    ])('$what', async ({ body = ping, headers }) => {
      const { post, metrics } = await start(never);
      const answer = await post(body, headers());
      expect(answer.status).toBe(401);
      expect(answer.text).toBe('invalid request signature\n');
      expect((await metrics.render()).body).toMatch(/bot_http_rejected_total\{reason="[a-z ]+"\} 1/);
    });
  });

  it('answers a signed PING with PONG, before the data is loaded too', async () => {
    const { post } = await start(never, false);
    const answer = await post(interaction(1, {}));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toStrictEqual({ type: 1 });
  });

  it('reports 503 on /healthz and for commands until the data is loaded, then 200', async () => {
    const { port, post, load } = await start(
      () => Promise.resolve({ kind: 'reply', message: message() }),
      false,
    );
    expect((await send(port, 'GET', '/healthz', {})).status).toBe(503);
    expect((await post(COMMAND)).status).toBe(503);
    load();
    expect((await send(port, 'GET', '/healthz', {})).status).toBe(200);
    expect((await post(COMMAND)).status).toBe(200);
  });

  it('hands the core a command with its options and caller, and answers it in the HTTP response', async () => {
    const seen: AppRequest[] = [];
    const { post, calls } = await start((request) => {
      seen.push(request);
      return Promise.resolve({ kind: 'reply', message: message() });
    });
    const answer = await post(COMMAND);
    expect(JSON.parse(answer.text)).toStrictEqual({
      type: 4,
      data: {
        content: '',
        embeds: [{ title: 'Podium', description: 'text' }],
        components: [],
        allowed_mentions: { parse: [] },
        attachments: [],
      },
    });
    const [request] = seen;
    expect(request?.kind).toBe('command');
    if (request?.kind !== 'command') return;
    expect(request.command).toBe('podium');
    expect(request.options.getString('event')).toBe('mass-start-men');
    expect(request.caller).toStrictEqual({ userId: '1230000000000000004', isAdmin: false, locale: 'en-GB' });
    expect(calls).toStrictEqual([]);
  });

  it('reads Manage Server and Administrator as admin', async () => {
    const seen: boolean[] = [];
    const { post } = await start((request) => {
      seen.push(request.caller.isAdmin);
      return Promise.resolve({ kind: 'reply', message: message() });
    });
    for (const permissions of ['32', '8', '2048'])
      await post(COMMAND.replace('"permissions":"0"', `"permissions":"${permissions}"`));
    expect(seen).toStrictEqual([true, true, false]);
  });

  it('answers autocomplete with type 8, the typed integer as text', async () => {
    const seen: AppRequest[] = [];
    const { post } = await start((request) => {
      seen.push(request);
      return Promise.resolve({ kind: 'choices', choices: [{ name: 'Heat 3', value: 3 }] });
    });
    const body = interaction(4, {
      id: '9',
      name: 'heat',
      type: 1,
      options: [
        { name: 'event', type: 3, value: '1000m' },
        { name: 'n', type: 4, value: '3', focused: true },
      ],
    });
    expect(JSON.parse((await post(body)).text)).toStrictEqual({
      type: 8,
      data: { choices: [{ name: 'Heat 3', value: 3 }] },
    });
    expect(seen[0]).toMatchObject({
      kind: 'autocomplete',
      command: 'heat',
      focused: { name: 'n', value: '3' },
    });
  });

  it('answers a button with type 7, a private answer to it with type 4 and the ephemeral flag', async () => {
    const { post } = await start((request) =>
      Promise.resolve(
        request.kind === 'component' && request.customId.endsWith(':2')
          ? { kind: 'update', message: message() }
          : { kind: 'reply', message: message({ ephemeral: true }), error: 'user' },
      ),
    );
    const button = (id: string) =>
      interaction(3, { custom_id: id, component_type: 2 }, { message: { id: '5' } });
    expect(JSON.parse((await post(button('results:x:*:2'))).text)).toMatchObject({ type: 7 });
    expect(JSON.parse((await post(button('results:x:*:9'))).text)).toMatchObject({
      type: 4,
      data: { flags: 64 },
    });
  });

  it('defers when the core asks, then edits the original response through REST, then adds the picture', async () => {
    const { post, calls, metrics } = await start(async (_request, hooks) => {
      await hooks?.defer();
      return {
        kind: 'reply',
        message: message(),
        picture: { key: 'k', name: 'podium.png', description: 'alt', request: {} },
      } as Outcome;
    });
    const answer = await post(COMMAND);
    expect(JSON.parse(answer.text)).toStrictEqual({ type: 5 });
    await expect.poll(() => calls.length).toBe(2);
    expect(calls.map((c) => `${c.method} ${c.route}`)).toStrictEqual([
      'PATCH /webhooks/1230000000000000001/tok/messages/%40original',
      'PATCH /webhooks/1230000000000000001/tok/messages/%40original',
    ]);
    expect(calls[0]?.files).toStrictEqual([]);
    expect(calls[1]?.files.map((f) => f.name)).toStrictEqual(['podium.png']);
    expect(calls[1]?.body).toMatchObject({
      attachments: [{ id: 0, filename: 'podium.png', description: 'alt' }],
    });
    const text = (await metrics.render()).body;
    expect(text).toMatch(/bot_interactions_total\{kind="command",command="podium",outcome="reply"\} 1/);
    expect(text).toMatch(/bot_pictures_total\{outcome="sent"\} 1/);
    expect(text).toMatch(/bot_first_answer_seconds_count\{kind="command"\} 1/);
  });

  it('after a public deferral, a private answer replaces the placeholder with a follow-up', async () => {
    const { post, calls } = await start(async (_request, hooks) => {
      await hooks?.defer();
      return { kind: 'reply', message: message({ ephemeral: true }), error: 'user' };
    });
    expect(JSON.parse((await post(COMMAND)).text)).toStrictEqual({ type: 5 });
    await expect.poll(() => calls.length).toBe(2);
    expect(calls.map((c) => `${c.method} ${c.route}`)).toStrictEqual([
      'DELETE /webhooks/1230000000000000001/tok/messages/%40original',
      'POST /webhooks/1230000000000000001/tok',
    ]);
    expect(calls[1]?.body).toMatchObject({ flags: 64 });
  });

  it('sends a message carrying a file (a picture drawn before) by acknowledging, then one edit', async () => {
    const withFile = message({
      files: [{ name: 'heat.png', data: Buffer.from('png'), description: 'chart' }],
    });
    const { post, calls } = await start(() => Promise.resolve({ kind: 'reply', message: withFile }));
    expect(JSON.parse((await post(COMMAND)).text)).toStrictEqual({ type: 5 });
    await expect.poll(() => calls.length).toBe(1);
    expect(calls[0]?.files.map((f) => f.name)).toStrictEqual(['heat.png']);
  });

  it('answers 404 elsewhere and 405 for other methods on /interactions', async () => {
    const { port } = await start(never);
    expect((await send(port, 'GET', '/interactions', {})).status).toBe(405);
    expect((await send(port, 'GET', '/elsewhere', {})).status).toBe(404);
    const metrics = await send(port, 'GET', '/metrics', {});
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/# TYPE bot_interactions_total counter/);
  });

  it('finishes an answer in flight when closed, and then refuses connections', async () => {
    let release: () => void = () => undefined;
    const { port, post } = await start(
      () =>
        new Promise<Outcome>((resolve) => (release = () => resolve({ kind: 'reply', message: message() }))),
    );
    const pending = post(COMMAND);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = host!.close(5_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(send(port, 'GET', '/healthz', {})).rejects.toThrow(/ECONNREFUSED/);
    release();
    expect(JSON.parse((await pending).text)).toMatchObject({ type: 4 });
    await closing;
    host = undefined;
  });
});
