// `npm run bench:http`: the HTTP host's throughput and latency (signed interactions a second, p50/p99) at 1x
// and at the generated 1000x corpus (BENCH_HTTP_SCALES picks others), one replica alone and three behind nginx,
// beside the floor: a node:http server that only verifies the signature and answers a constant PONG. Also
// the cost of one signature check. Figures go to bench/HTTP-RESULTS.md with the machine they came from.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateKeyPairSync, sign } from 'node:crypto';
import { importPublicKey, verifyRequest } from '../src/hosts/http/verify.js';
import { writeCorpus } from './generate.js';
import { loadSources, readSourcesSync } from '../src/load/loader.js';
import { NGINX_BIN, startNginx } from './nginx.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const MAIN = join(ROOT, 'dist', 'bundle', 'main.js');
const SCALES = (process.env.BENCH_HTTP_SCALES ?? '1,1000').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 3000);
const WARMUP = 300;
const CONCURRENCY = 16;

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const PUBLIC_HEX = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');

/** The floor: verify, then a constant PONG. Runs as its own process, like a replica. */
function runFloor(): void {
  const key = importPublicKey(process.env.DISCORD_PUBLIC_KEY ?? '');
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const signature = request.headers['x-signature-ed25519'];
      const timestamp = request.headers['x-signature-timestamp'];
      const verdict = verifyRequest(
        key,
        typeof signature === 'string' ? signature : undefined,
        typeof timestamp === 'string' ? timestamp : undefined,
        Buffer.concat(chunks),
      );
      if (!verdict.ok) response.writeHead(401).end();
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"type":1}');
    });
  });
  server.listen(0, '127.0.0.1', () =>
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })),
  );
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** What the mix asks for: a skater and an event that the corpus being served has, so every answer is a hit. */
interface Targets {
  athlete: string;
  athletePrefix: string;
  event: string;
  eventPrefix: string;
}

const SEED_TARGETS: Targets = {
  athlete: 'Sun Long',
  athletePrefix: 'ber',
  event: '1000m',
  eventPrefix: 'mass',
};

/** A skater and an event of a generated corpus, read through the bot's own parser. */
function targetsOf(dir: string): Targets {
  const { articles } = loadSources(readSourcesSync(dir));
  const event = articles[Math.floor(articles.length / 2)]!;
  const athlete = event.rounds[0]!.heats[0]!.rows[0]!.name;
  return { athlete, athletePrefix: athlete.slice(0, 3), event: event.id, eventPrefix: event.id.slice(0, 4) };
}

let seq = 0;
function interactionBody(i: number, targets: Targets = SEED_TARGETS): string {
  seq += 1;
  const id = (1230000000000100000n + BigInt(seq)).toString();
  const base = {
    id,
    application_id: '1230000000000000001',
    token: `bench-token-${id}`,
    version: 1,
    locale: 'en-US',
    guild_id: '1230000000000000002',
    channel_id: '1230000000000000003',
    member: { user: { id: '1230000000000000004', username: 'bench' }, permissions: '0' },
  };
  const mixes = [
    {
      type: 4,
      data: {
        id: '9',
        name: 'athlete',
        type: 1,
        options: [{ name: 'name', type: 3, value: targets.athletePrefix, focused: true }],
      },
    },
    {
      type: 2,
      data: {
        id: '9',
        name: 'athlete',
        type: 1,
        options: [{ name: 'name', type: 3, value: targets.athlete }],
      },
    },
    {
      type: 4,
      data: {
        id: '9',
        name: 'podium',
        type: 1,
        options: [{ name: 'event', type: 3, value: targets.eventPrefix, focused: true }],
      },
    },
    {
      type: 2,
      data: { id: '9', name: 'event', type: 1, options: [{ name: 'event', type: 3, value: targets.event }] },
    },
  ];
  return JSON.stringify({ ...base, ...mixes[i % mixes.length] });
}

interface Figures {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  privateReplies: number;
}

/** REQUESTS signed interactions, CONCURRENCY at a time, after a warm-up; all signed before the clock starts. */
async function drive(url: string, targets?: Targets): Promise<Figures> {
  const { hostname, port, pathname } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const prepared = Array.from({ length: WARMUP + REQUESTS }, (_, i) => {
    const body = Buffer.from(interactionBody(i, targets));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-signature-ed25519': signature,
        'x-signature-timestamp': timestamp,
      },
    };
  });
  // A private reply is the bot explaining a mistake: the mix should never cause one, so it is counted.
  const post = (i: number) =>
    new Promise<{ status: number; private: boolean }>((resolve) => {
      const { body, headers } = prepared[i]!;
      const request = httpRequest(
        { host: hostname, port, path: pathname, method: 'POST', headers, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            let flags = 0;
            try {
              flags =
                (JSON.parse(Buffer.concat(chunks).toString()) as { data?: { flags?: number } }).data?.flags ??
                0;
            } catch {
              // Not JSON: counted by its status.
            }
            resolve({ status: response.statusCode ?? 0, private: (flags & 64) !== 0 });
          });
        },
      );
      request.on('error', () => resolve({ status: 0, private: false }));
      request.end(body);
    });
  const run = async (from: number, count: number) => {
    const latencies: number[] = [];
    let errors = 0;
    let privateReplies = 0;
    let next = from;
    const worker = async () => {
      while (next < from + count) {
        const i = next++;
        const started = performance.now();
        const answer = await post(i);
        latencies.push(performance.now() - started);
        if (answer.status !== 200) errors += 1;
        if (answer.private) privateReplies += 1;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return { ms: performance.now() - started, latencies, errors, privateReplies };
  };
  await run(0, WARMUP);
  const { ms, latencies, errors, privateReplies } = await run(WARMUP, REQUESTS);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    perSecond: (REQUESTS / ms) * 1000,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    errors,
    privateReplies,
  };
}

/** Starts a child that prints its port as JSON ({port}) or logs a pino `listening` line, and waits for `ready`. */
function startChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  readyMsg: string,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let port = 0;
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const parsed = JSON.parse(line) as { port?: number; msg?: string };
          if (parsed.port) port = parsed.port;
          if ((parsed.msg ?? 'ready') === readyMsg && port) resolve({ child, port });
        } catch {
          // a partial line; the rest comes with the next chunk
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // The start-up listener rejects on exit; an exit asked for here is no failure.
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** The cost of one verification of a typical interaction (~1 KB), in microseconds. */
function signatureCost(): { median: number; p99: number } {
  const key = importPublicKey(PUBLIC_HEX);
  const body = Buffer.from(interactionBody(1));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');
  const times: number[] = [];
  for (let i = 0; i < 5_000; i += 1) {
    const started = performance.now();
    if (!verifyRequest(key, signature, timestamp, body).ok)
      throw new Error('the bench signature did not verify');
    times.push((performance.now() - started) * 1000);
  }
  const sorted = times.slice(1_000).sort((a, b) => a - b);
  return { median: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

async function main(): Promise<void> {
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    loadavg: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    date: new Date().toISOString(),
  };
  console.log(JSON.stringify(machine));
  const rows: string[] = [];
  const cost = signatureCost();
  console.log(`signature check: median ${cost.median.toFixed(1)} µs, p99 ${cost.p99.toFixed(1)} µs`);

  // A sink for REST calls, so nothing ever goes to discord.com (the mix has no pictures; this is a guard).
  const sink = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(404).end());
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const apiBase = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/api`;

  const floor = await startChild(
    [join(HERE, 'http.js'), '--floor'],
    { DISCORD_PUBLIC_KEY: PUBLIC_HEX },
    'ready',
  );
  const floorFigures = await drive(`http://127.0.0.1:${floor.port}/interactions`);
  await stopChild(floor.child);
  const fmt = (f: Figures) =>
    `${f.perSecond.toFixed(0)} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} | ${f.errors} / ${f.privateReplies}`;
  rows.push(`| floor: verify + constant PONG | - | ${fmt(floorFigures)} | |`);
  console.log(rows.at(-1));

  const work = mkdtempSync(join(tmpdir(), 'skate-bench-http-'));
  try {
    for (const scale of SCALES) {
      const seeds = join(work, `x${scale}`);
      if (scale === 1) cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });
      else writeCorpus(seeds, { scale, seed: 1 });
      const targets = scale === 1 ? SEED_TARGETS : targetsOf(seeds);
      const env = {
        INTERACTIONS_PORT: '0',
        LISTEN_HOST: '127.0.0.1',
        DISCORD_PUBLIC_KEY: PUBLIC_HEX,
        DISCORD_API_BASE: apiBase,
        DISCORD_TOKEN: '',
        SEEDS_DIR: seeds,
        SNAPSHOT_DIR: join(work, `snap${scale}`),
        WATCH_SEEDS: 'false',
        LOG_LEVEL: 'info',
      };
      const replicas = [await startChild(['--enable-source-maps', MAIN], env, 'ready')];
      const alone = await drive(`http://127.0.0.1:${replicas[0]!.port}/interactions`, targets);
      rows.push(
        `| one replica | ${scale}x | ${fmt(alone)} | ${(alone.perSecond / floorFigures.perSecond).toFixed(2)}x |`,
      );
      console.log(rows.at(-1));
      if (NGINX_BIN) {
        replicas.push(await startChild(['--enable-source-maps', MAIN], env, 'ready'));
        replicas.push(await startChild(['--enable-source-maps', MAIN], env, 'ready'));
        const nginx = await startNginx(replicas.map((r) => r.port));
        const three = await drive(`${nginx.base}/interactions`, targets);
        await nginx.stop();
        rows.push(
          `| three replicas behind nginx | ${scale}x | ${fmt(three)} | ${(three.perSecond / floorFigures.perSecond).toFixed(2)}x |`,
        );
        console.log(rows.at(-1));
      } else rows.push(`| three replicas behind nginx | ${scale}x | not run: no nginx | | | | |`);
      for (const r of replicas) await stopChild(r.child);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    sink.close();
  }

  const markdown = [
    '# HTTP host benchmark (`npm run bench:http`)',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadavg} at the start; ${machine.date}.`,
    `The load generator runs on the same machine (${CONCURRENCY} requests in flight, keep-alive, every request signed before the clock starts),`,
    `${REQUESTS} measured requests after ${WARMUP} of warm-up, a mix of /athlete, /event and two autocompletes (no pictures).`,
    'Latency is from writing the request to the end of the response. One run on a shared machine is one run.',
    '',
    '| server | corpus | interactions/s | p50 ms | p99 ms | errors / private replies | vs floor |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Signature check (verifyRequest on a ${Buffer.byteLength(interactionBody(1))}-byte interaction, 4,000 calls after 1,000 of warm-up):`,
    `median ${cost.median.toFixed(1)} µs, p99 ${cost.p99.toFixed(1)} µs.`,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'bench', 'HTTP-RESULTS.md'), markdown);
  console.log(markdown);
}

if (process.argv.includes('--floor')) runFloor();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
