// Gateway shards end to end: the built bot (`node dist/bundle/main.js`) against a stand-in that recommends
// two shards and routes each guild's interactions to the shard that owns it.
import { PermissionFlagsBits } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, ensureBuilt, pollFor } from './bot-process.js';
import { DiscordStandin, guildIdForShard } from './standin.js';
import type { InteractionCallback, InteractionHandle, OptionInput, StandinOptions } from './standin.js';
import { DEFAULT_PERMISSIONS } from './standin-payloads.js';

const EPHEMERAL = 64;
const MANAGER = (BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();
const GUILD_OF_SHARD = [guildIdForShard(0, 2), guildIdForShard(1, 2)] as const;
/** Two guilds, one on each of two shards; commands registered globally, as a bot in many servers does. */
const TWO_SHARDS: StandinOptions = {
  shardCount: 2,
  guildId: GUILD_OF_SHARD[0],
  extraGuildIds: [GUILD_OF_SHARD[1]],
};
const GLOBAL_COMMANDS = { DISCORD_GUILD_ID: '' };

const standins: DiscordStandin[] = [];

async function startStandin(options: StandinOptions): Promise<DiscordStandin> {
  const standin = await DiscordStandin.start(options);
  standins.push(standin);
  return standin;
}

beforeAll(() => ensureBuilt(), 120_000);

afterAll(async () => {
  await Promise.all(BotProcess.all.map((bot) => bot.kill()));
  await Promise.all(standins.map((standin) => standin.close()));
});

const option = (name: string, value: string | number): OptionInput => ({ name, value });

function onlyEmbed(callback: InteractionCallback): APIEmbed {
  const embeds = (callback.data?.['embeds'] ?? []) as APIEmbed[];
  expect(embeds).toHaveLength(1);
  return embeds[0]!;
}

/** The shard of the gateway connection an interaction went out on. */
function shardDeliveredOn(standin: DiscordStandin, handle: InteractionHandle): number | undefined {
  const frame = standin.gateway.find(
    (candidate) =>
      candidate.direction === 'out' &&
      candidate.payload.t === 'INTERACTION_CREATE' &&
      (candidate.payload.d as { id?: string }).id === handle.id,
  );
  return standin.connections.find((record) => record.id === frame?.connection)?.shard?.[0];
}

/** The used-by examples in one guild: each answered publicly, with the facts of the articles. */
async function expectUsedByExamples(standin: DiscordStandin, guildId: string, shard: number): Promise<void> {
  const podium = standin.sendCommand({
    name: 'podium',
    guildId,
    options: [option('event', 'mass-start-men')],
  });
  const athlete = standin.sendCommand({ name: 'athlete', guildId, options: [option('name', 'Sun Long')] });
  const heat = standin.sendCommand({
    name: 'heat',
    guildId,
    options: [option('event', '1000m'), option('round', 'quarterfinal'), option('n', 3)],
  });
  const [podiumReply, athleteReply, heatReply] = await Promise.all(
    [podium, athlete, heat].map((handle) => handle.response({ timeoutMs: 10_000 })),
  );
  for (const reply of [podiumReply!, athleteReply!, heatReply!]) {
    expect(reply.type).toBe(4);
    expect(((reply.data?.['flags'] as number | undefined) ?? 0) & EPHEMERAL).toBe(0);
  }
  expect(onlyEmbed(podiumReply!).description?.split('\n')[0]).toMatch(
    /^🥇 .*Jorrit Bergsma.* NED .*\b68 pts$/,
  );
  expect(onlyEmbed(athleteReply!).title).toBe('Sun Long');
  expect(onlyEmbed(heatReply!).description).toMatch(/^\*\*Quarterfinals, heat 3\*\*/);
  expect(onlyEmbed(heatReply!).description).toMatch(/\n1 Sun Long +1:26\.563 .*\bQ\n/);
  for (const handle of [podium, athlete, heat]) {
    expect(handle.payload['guild_id']).toBe(guildId);
    expect(shardDeliveredOn(standin, handle)).toBe(shard);
  }
  // A picture follows by edit, or comes with the reply when this process drew it before; waiting for the
  // edit keeps the bot from being stopped mid-upload.
  const pictures: [InteractionHandle, InteractionCallback][] = [
    [podium, podiumReply!],
    [heat, heatReply!],
  ];
  await Promise.all(
    pictures.map(([handle, reply]) =>
      reply.files.length > 0 ? Promise.resolve() : handle.waitForEdit({ timeoutMs: 10_000 }),
    ),
  );
}

/** The ids of the interactions the stand-in sent from one guild. */
function interactionsIn(standin: DiscordStandin, guildId: string): string[] {
  return standin.gateway.flatMap((frame) => {
    const d = frame.payload.d as { id?: string; guild_id?: string } | null;
    return frame.direction === 'out' && frame.payload.t === 'INTERACTION_CREATE' && d?.guild_id === guildId
      ? [d.id!]
      : [];
  });
}

async function statusField(standin: DiscordStandin, guildId: string): Promise<string> {
  const reply = await standin.sendCommand({ name: 'status', guildId, memberPermissions: MANAGER }).response();
  expect(reply.type).toBe(4);
  expect(((reply.data?.['flags'] as number | undefined) ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  const field = onlyEmbed(reply).fields?.find((candidate) => candidate.name === 'Gateway shards');
  expect(field).toBeDefined();
  return field!.value;
}

describe('gateway shards (node dist/bundle/main.js against the Discord stand-in)', () => {
  it("two shards in one process ('auto'): identified 5 s apart (max_concurrency 1), each answers its own guild, /status names both", async () => {
    const standin = await startStandin({ ...TWO_SHARDS, maxConcurrency: 1 });
    const bot = BotProcess.start(standin, { env: { ...GLOBAL_COMMANDS, METRICS_PORT: '0' } });
    const ready = await bot.ready({ timeoutMs: 30_000 });
    expect(ready).toMatchObject({ shards: '0-1', shardCount: 2 });
    expect(bot.logs().find((line) => line.msg?.startsWith('gateway shards'))).toMatchObject({
      shards: 'auto',
    });
    expect(
      bot
        .logs()
        .filter((line) => line.msg === 'shard ready')
        .map((line) => line['shard'])
        .sort(),
    ).toStrictEqual([0, 1]);

    expect(standin.identifies.map((record) => record.shard).sort()).toStrictEqual([
      [0, 2],
      [1, 2],
    ]);
    const [first, second] = standin.identifies;
    // Both shards share rate-limit key 0 when max_concurrency is 1: discord.js holds the second 5 s.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(5_000);
    expect(standin.identifyLimitViolations()).toStrictEqual([]);

    await expectUsedByExamples(standin, GUILD_OF_SHARD[0], 0);
    await expectUsedByExamples(standin, GUILD_OF_SHARD[1], 1);

    expect((await statusField(standin, GUILD_OF_SHARD[1])).split('\n')).toStrictEqual([
      'This process runs shards 0-1 of 2',
      expect.stringMatching(/^`0` ready · 1 server · 0 reconnects( · \d+ ms)?$/),
      expect.stringMatching(/^`1` ready · 1 server · 0 reconnects( · \d+ ms)?$/),
    ]);

    // Shard 1 loses its connection: it resumes by itself, and the log and /status count the reconnect.
    standin.closeSocket(undefined, 1);
    expect(await standin.waitForSession()).toMatchObject({ kind: 'resumed', shard: 1 });
    await bot.waitForLog((line) => line.msg === 'shard resumed' && line['shard'] === 1);
    expect(bot.logs().find((line) => line.msg === 'shard reconnecting')).toMatchObject({
      shard: 1,
      reconnects: 1,
    });
    expect((await statusField(standin, GUILD_OF_SHARD[0])).split('\n').slice(1)).toStrictEqual([
      expect.stringMatching(/^`0` ready · 1 server · 0 reconnects/),
      expect.stringMatching(/^`1` ready · 1 server · 1 reconnect( · \d+ ms)?$/),
    ]);
    // The same for Prometheus, on METRICS_PORT.
    const { port } = await bot.waitForLog((line) => line.msg === 'metrics listening');
    const metrics = await (await fetch(`http://127.0.0.1:${String(port)}/metrics`)).text();
    const shardLines = metrics
      .split('\n')
      .filter((line) => /^bot_shard_(state|reconnects_total)\{/.test(line) && !line.endsWith(' 0'));
    expect(shardLines.sort()).toStrictEqual([
      'bot_shard_reconnects_total{shard="1"} 1',
      'bot_shard_state{shard="0",state="ready"} 1',
      'bot_shard_state{shard="1",state="ready"} 1',
    ]);

    standin.assertNoUnexpected();
    expect(bot.logs().filter((line) => line.level >= 50)).toStrictEqual([]);
    expect(await bot.stop()).toMatchObject({ code: 0, signal: null });
    // Stopping is not a reconnect.
    expect(bot.logs().filter((line) => line.msg === 'shard reconnecting')).toHaveLength(1);
  }, 60_000);

  it('two processes with SHARD_COUNT=2 and SHARD_IDS=0 / 1: each identifies its own shard only and answers its own guild', async () => {
    // With max_concurrency 2 the two shards have rate-limit keys of their own, so both machines may start at once.
    const standin = await startStandin({ ...TWO_SHARDS, maxConcurrency: 2 });
    const bots = [0, 1].map((shard) =>
      BotProcess.start(standin, {
        logLevel: 'debug',
        env: { ...GLOBAL_COMMANDS, SHARD_COUNT: '2', SHARD_IDS: String(shard) },
      }),
    );
    const readies = await Promise.all(bots.map((bot) => bot.ready({ timeoutMs: 30_000 })));
    expect(readies.map((line) => [line['shards'], line['shardCount']])).toStrictEqual([
      ['0', 2],
      ['1', 2],
    ]);
    for (const [shard, bot] of bots.entries()) {
      expect(bot.logs().find((line) => line.msg?.startsWith('gateway shards'))).toMatchObject({
        shards: String(shard),
        shardCount: 2,
      });
      expect(
        bot
          .logs()
          .filter((line) => line.msg === 'shard ready')
          .map((line) => line['shard']),
      ).toStrictEqual([shard]);
    }
    expect(standin.identifies.map((record) => record.shard).sort()).toStrictEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(standin.identifyLimitViolations()).toStrictEqual([]);

    for (const shard of [0, 1]) {
      await expectUsedByExamples(standin, GUILD_OF_SHARD[shard]!, shard);
      expect((await statusField(standin, GUILD_OF_SHARD[shard]!)).split('\n')).toStrictEqual([
        `This process runs shard ${shard} of 2`,
        expect.stringMatching(new RegExp(`^\`${shard}\` ready · 1 server · 0 reconnects( · \\d+ ms)?$`)),
      ]);
    }
    // Which process answered which guild: each logs the interactions it handled.
    for (const [shard, bot] of bots.entries()) {
      const other = bots[1 - shard]!;
      for (const id of interactionsIn(standin, GUILD_OF_SHARD[shard]!)) {
        await bot.waitForLog((line) => line.msg === 'handled' && line['interaction'] === id);
        expect(other.logs().filter((line) => line['interaction'] === id)).toStrictEqual([]);
      }
    }

    standin.assertNoUnexpected();
    for (const bot of bots) {
      expect(bot.logs().filter((line) => line.level >= 50)).toStrictEqual([]);
      expect(await bot.stop()).toMatchObject({ code: 0, signal: null });
    }
  }, 60_000);

  it('refuses to start with a SHARD_IDS outside SHARD_COUNT, saying why', async () => {
    const standin = await startStandin(TWO_SHARDS);
    const bot = BotProcess.start(standin, { env: { SHARD_COUNT: '2', SHARD_IDS: '1-2' } });
    const exit = await pollFor(
      () => bot.exit,
      () => 'the bot to exit',
      { timeoutMs: 15_000 },
    );
    expect(exit.code).toBe(1);
    expect(bot.stderr).toContain('SHARD_IDS names shard 2, but with SHARD_COUNT=2 the shards are 0-1');
    expect(standin.connections).toStrictEqual([]);
  });
});
