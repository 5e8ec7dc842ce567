// Three replicas of the HTTP host behind a real nginx (Debian's package, configured from deploy/nginx.conf),
// all on loopback: a burst of signed interactions is answered, each exactly once, also when one replica is
// stopped in the middle of it, and when one is killed outright.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX_BIN, startNginx } from '../../bench/nginx.js';
import type { Nginx } from '../../bench/nginx.js';
import { BotProcess, ensureBuilt } from './bot-process.js';
import { DiscordStandin } from './standin.js';
import type { CommandInput, InteractionHandle } from './standin.js';
import { HttpDelivery } from './standin-http.js';

if (!NGINX_BIN)
  console.warn("replicas test skipped: no nginx binary (.ci/run installs Debian's nginx package)");

const REPLICAS = 3;
const BURST = 1_000;
/** Interactions in flight at once, as a busy bot sees them. */
const CONCURRENCY = 50;

describe.skipIf(!NGINX_BIN)('three HTTP replicas behind nginx', () => {
  let standin: DiscordStandin;
  let delivery: HttpDelivery;
  let nginx: Nginx;
  const replicas: BotProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    standin = await DiscordStandin.start();
    delivery = HttpDelivery.attach(standin, { forward: false });
    const ports: number[] = [];
    for (let i = 0; i < REPLICAS; i += 1) {
      const bot = BotProcess.start(standin, {
        logLevel: 'debug',
        env: { INTERACTIONS_PORT: '0', LISTEN_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: delivery.publicKey },
      });
      replicas.push(bot);
      const line = await bot.waitForLog((l) => l.msg === 'listening', { timeoutMs: 15_000 });
      ports.push(Number(line['port']));
    }
    await Promise.all(replicas.map((bot) => bot.ready()));
    nginx = await startNginx(ports);
    delivery.endpoint = `${nginx.base}/interactions`;
  }, 60_000);

  const readLog = () => nginx.errorLog();

  afterAll(async () => {
    await nginx?.stop();
    await Promise.all(replicas.map((bot) => bot.kill()));
    await standin?.close();
  });

  const MIX: {
    kind: 'command' | 'autocomplete';
    input: CommandInput;
    check: (data: Record<string, unknown>) => boolean;
  }[] = [
    {
      kind: 'command',
      input: { name: 'athlete', options: [{ name: 'name', value: 'Sun Long' }] },
      check: (data) => (data['embeds'] as { title?: string }[])[0]?.title === 'Sun Long',
    },
    {
      kind: 'autocomplete',
      input: { name: 'athlete', options: [{ name: 'name', value: 'ber', focused: true }] },
      check: (data) => (data['choices'] as unknown[]).length > 0,
    },
    {
      kind: 'command',
      input: {
        name: 'results',
        options: [
          { name: 'event', value: 'mass-start-women' },
          { name: 'round', value: 'final' },
        ],
      },
      check: (data) => /Ivanie Blondin/.test(JSON.stringify(data['embeds'])),
    },
    {
      kind: 'autocomplete',
      input: { name: 'podium', options: [{ name: 'event', value: 'mass', focused: true }] },
      check: (data) => (data['choices'] as { value: string }[])[0]?.value === 'mass-start-men-2026',
    },
  ];

  /** Sends `total` interactions, `CONCURRENCY` at a time; `during(sent)` runs after each is sent. */
  async function burst(total: number, during: (sent: number) => void = () => undefined) {
    const handles: { handle: InteractionHandle; mix: (typeof MIX)[number] }[] = [];
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        const mix = MIX[i % MIX.length]!;
        const handle =
          mix.kind === 'command' ? standin.sendCommand(mix.input) : standin.sendAutocomplete(mix.input);
        handles.push({ handle, mix });
        during(i + 1);
        await delivery.answered(handle.id);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return handles;
  }

  /** Which replica logged having handled each interaction. */
  function handledBy(): Map<string, number[]> {
    const by = new Map<string, number[]>();
    replicas.forEach((bot, index) => {
      for (const line of bot.logs())
        if (line.msg === 'handled') {
          const id = String(line['interaction']);
          by.set(id, [...(by.get(id) ?? []), index]);
        }
    });
    return by;
  }

  function expectEachAnsweredOnce(handles: Awaited<ReturnType<typeof burst>>) {
    const failed = handles
      .map(({ handle }) => delivery.exchange(handle.id)!)
      .filter((exchange) => exchange.status !== 200)
      .map(
        (exchange) =>
          `${exchange.id}: ${exchange.status} ${exchange.error ?? exchange.response?.toString() ?? ''}`,
      );
    expect(failed, readLog()).toStrictEqual([]);
    // Each HTTP answer is the callback: the right type and content.
    const wrong = handles.filter(({ handle, mix }) => {
      const exchange = delivery.exchange(handle.id)!;
      const answer = JSON.parse(exchange.response?.toString() ?? '{}') as {
        type?: number;
        data?: Record<string, unknown>;
      };
      return answer.type !== (mix.kind === 'command' ? 4 : 8) || !mix.check(answer.data ?? {});
    });
    expect(wrong.map(({ handle }) => handle.id)).toStrictEqual([]);
    const by = handledBy();
    const twice = handles.filter(({ handle }) => (by.get(handle.id) ?? []).length !== 1);
    expect(twice.map(({ handle }) => `${handle.id}: ${JSON.stringify(by.get(handle.id))}`)).toStrictEqual([]);
    standin.assertNoUnexpected();
  }

  it(`answers a burst of ${BURST} signed interactions, each once, spread over the replicas`, async () => {
    const handles = await burst(BURST);
    expectEachAnsweredOnce(handles);
    const by = handledBy();
    const perReplica = replicas.map(
      (_, index) => handles.filter(({ handle }) => by.get(handle.id)?.[0] === index).length,
    );
    expect(perReplica.every((count) => count > BURST / REPLICAS / 2)).toBe(true);
  }, 120_000);

  it(`loses none of ${BURST} when a replica is stopped (SIGTERM) in the middle, and answers none twice`, async () => {
    const victim = replicas[1]!;
    let stopped: Promise<unknown> | undefined;
    const handles = await burst(BURST, (sent) => {
      if (sent === Math.floor(BURST / 3)) stopped = victim.stop('SIGTERM');
    });
    const exit = (await stopped) as { code: number | null };
    expect(exit.code).toBe(0);
    expectEachAnsweredOnce(handles);
    // The stopped replica answered what it had accepted, and the rest went to the other two.
    const by = handledBy();
    const byVictim = handles.filter(({ handle }) => by.get(handle.id)?.[0] === 1).length;
    expect(byVictim).toBeGreaterThan(0);
    expect(byVictim).toBeLessThan(BURST / 2);
  }, 120_000);

  it(`loses none of ${BURST} when a replica is killed outright (SIGKILL) in the middle`, async () => {
    // The replica stopped above is gone; this kills another, so one replica is left to answer the rest.
    const victim = replicas[2]!;
    const survivor = replicas[0]!;
    let killed: Promise<unknown> | undefined;
    const logBefore = readLog().length;
    const handles = await burst(BURST, (sent) => {
      if (sent === Math.floor(BURST / 3)) killed = victim.stop('SIGKILL');
    });
    const exit = (await killed) as { signal: NodeJS.Signals | null };
    expect(exit.signal).toBe('SIGKILL');
    // Every interaction got its one HTTP answer, with the right content: what the killed replica had not
    // answered when it died, nginx sent to the survivor (its connection was reset or refused).
    const failed = handles
      .map(({ handle }) => delivery.exchange(handle.id)!)
      .filter((exchange) => exchange.status !== 200)
      .map((exchange) => `${exchange.id}: ${exchange.status} ${exchange.error ?? ''}`);
    expect(failed, readLog()).toStrictEqual([]);
    const wrong = handles.filter(({ handle, mix }) => {
      const answer = JSON.parse(delivery.exchange(handle.id)?.response?.toString() ?? '{}') as {
        type?: number;
        data?: Record<string, unknown>;
      };
      return answer.type !== (mix.kind === 'command' ? 4 : 8) || !mix.check(answer.data ?? {});
    });
    expect(wrong.map(({ handle }) => handle.id)).toStrictEqual([]);
    // The survivor handled each at most once; a killed process's last log lines may be lost, so the
    // victim's share is counted from what the survivor did not handle.
    const bySurvivor = new Map<string, number>();
    for (const line of survivor.logs())
      if (line.msg === 'handled') {
        const id = String(line['interaction']);
        bySurvivor.set(id, (bySurvivor.get(id) ?? 0) + 1);
      }
    expect(handles.filter(({ handle }) => (bySurvivor.get(handle.id) ?? 0) > 1)).toStrictEqual([]);
    const answeredByVictim = handles.filter(({ handle }) => !bySurvivor.has(handle.id)).length;
    expect(answeredByVictim).toBeGreaterThan(0);
    expect(answeredByVictim).toBeLessThan(BURST / 2);
    const upstreamFailures = readLog()
      .slice(logBefore)
      .split('\n')
      .filter((line) => /upstream/.test(line)).length;
    console.log(
      `SIGKILL of one of two replicas after ${Math.floor(BURST / 3)} of ${BURST} sent: all ${BURST} answered, ` +
        `${answeredByVictim} by the killed replica before it died, ${BURST - answeredByVictim} by the survivor; ` +
        `nginx logged ${upstreamFailures} upstream failures, each tried again on the survivor`,
    );
    standin.assertNoUnexpected();
  }, 120_000);
});
