// The HTTP host end to end: `node dist/bundle/main.js` with INTERACTIONS_PORT set, answering interactions the
// stand-in POSTs to it, signed, and editing its answers through the stand-in's REST routes.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import type { APIButtonComponentWithCustomId, APIEmbed, APIMessage } from 'discord.js';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { BotProcess, SEEDS_DIR, ensureBuilt } from './bot-process.js';
import { DiscordStandin } from './standin.js';
import type { InteractionCallback, InteractionHandle, MultipartBody, OptionInput } from './standin.js';
import { DEFAULT_PERMISSIONS } from './standin-payloads.js';
import { HttpDelivery } from './standin-http.js';

const EPHEMERAL = 64;
const MANAGER = (BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const standins: DiscordStandin[] = [];
const tempDirs: string[] = [];

/** A stand-in delivering over HTTP, and the bot as an HTTP host on a free loopback port. */
async function startHttpBot(seedsDir = SEEDS_DIR) {
  const standin = await DiscordStandin.start();
  standins.push(standin);
  const delivery = HttpDelivery.attach(standin);
  const bot = BotProcess.start(standin, {
    seedsDir,
    logLevel: 'debug',
    env: { INTERACTIONS_PORT: '0', LISTEN_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: delivery.publicKey },
  });
  const listening = await bot.waitForLog((line) => line.msg === 'listening', { timeoutMs: 15_000 });
  const base = `http://127.0.0.1:${Number(listening['port'])}`;
  delivery.endpoint = `${base}/interactions`;
  return { standin, delivery, bot, base };
}

beforeAll(() => ensureBuilt(), 120_000);

afterAll(async () => {
  await Promise.all(BotProcess.all.map((bot) => bot.kill()));
  await Promise.all(standins.map((standin) => standin.close()));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const option = (name: string, value: string | number): OptionInput => ({ name, value });
const typing = (name: string, value: string): OptionInput => ({ name, value, focused: true });

function onlyEmbed(callback: InteractionCallback): APIEmbed {
  const embeds = (callback.data?.['embeds'] ?? []) as APIEmbed[];
  expect(embeds).toHaveLength(1);
  return embeds[0]!;
}

function flagsOf(callback: InteractionCallback): number {
  return (callback.data?.['flags'] as number | undefined) ?? 0;
}

function expectReply(callback: InteractionCallback, privately: boolean): void {
  expect(callback.type).toBe(4);
  expect(flagsOf(callback) & EPHEMERAL).toBe(privately ? EPHEMERAL : 0);
  expect(callback.data?.['allowed_mentions']).toStrictEqual({ parse: [] });
}

function codeBlockLines(text: string | undefined): string[] {
  const block = /```\n(?<body>[\s\S]*?)```/.exec(text ?? '')?.groups?.['body'] ?? '';
  return block.split('\n').filter((line) => line !== '');
}

function buttonsOf(message: APIMessage | undefined): APIButtonComponentWithCustomId[] {
  return (message?.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as APIButtonComponentWithCustomId[]) : [],
  );
}

describe('the HTTP host (INTERACTIONS_PORT) against the stand-in delivering over HTTP', () => {
  let standin: DiscordStandin;
  let delivery: HttpDelivery;
  let bot: BotProcess;
  let base: string;

  beforeAll(async () => {
    ({ standin, delivery, bot, base } = await startHttpBot());
    await bot.ready();
  }, 30_000);

  afterAll(async () => {
    const exit = await bot?.stop('SIGTERM');
    expect(exit).toMatchObject({ code: 0, signal: null });
  });

  /** No request the stand-in has no route for, every POST answered 200, nothing logged as an error. */
  function expectClean(): void {
    standin.assertNoUnexpected();
    expect(delivery.failures().filter((exchange) => exchange.status !== 0)).toStrictEqual([]);
    expect(bot.logs().filter((line) => line.level >= 50)).toStrictEqual([]);
  }

  const handled = (handle: InteractionHandle) =>
    bot.waitForLog((line) => line.msg === 'handled' && line['interaction'] === handle.id);

  /** The picture arrives by a multipart PATCH of @original: one PNG, the embed unchanged but for its image. */
  async function expectPictureEdit(handle: InteractionHandle, first: InteractionCallback, alt: RegExp) {
    const edit = await handle.waitForEdit({ timeoutMs: 10_000 });
    expect(`${edit.method} ${edit.path}`).toBe(
      `PATCH /webhooks/${standin.applicationId}/${handle.token}/messages/@original`,
    );
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    const { payload_json: json, files } = edit.body as MultipartBody;
    const payload = json as Record<string, unknown>;
    expect(files).toHaveLength(1);
    expect(files[0]?.contentType).toBe('image/png');
    expect(files[0]?.data.subarray(0, 8)).toStrictEqual(PNG_SIGNATURE);
    expect(payload['embeds']).toStrictEqual([
      { ...onlyEmbed(first), image: { url: `attachment://${files[0]?.name}` } },
    ]);
    expect((payload['attachments'] as { description?: string }[])[0]?.description).toMatch(alt);
    expect(payload['allowed_mentions']).toStrictEqual({ parse: [] });
    expect(handle.message()?.attachments.map((a) => a.filename)).toStrictEqual([files[0]?.name]);
    await handled(handle);
    expect(handle.edits()).toHaveLength(1);
  }

  it('opens no gateway connection and registers its commands over REST', () => {
    expect(standin.connections).toStrictEqual([]);
    expect(standin.commands(standin.guildId).map((c) => c.name)).toContain('podium');
    expectClean();
  });

  it('answers a signed PING with PONG, and an unsigned one with 401', async () => {
    const ping = JSON.stringify({
      id: '1',
      application_id: standin.applicationId,
      type: 1,
      token: 't',
      version: 1,
    });
    const pong = await delivery.post(ping);
    expect({ status: pong.status, body: JSON.parse(pong.body.toString()) as unknown }).toStrictEqual({
      status: 200,
      body: { type: 1 },
    });
    const refused = await delivery.post(ping, {
      'x-signature-ed25519': '0'.repeat(128),
      'x-signature-timestamp': '1',
    });
    expect(refused.status).toBe(401);
  });

  describe('the used-by examples', () => {
    it('/podium event:mass-start-men: the three medallists with NOC and points, then the card by edit', async () => {
      const command = standin.sendCommand({ name: 'podium', options: [option('event', 'mass-start-men')] });
      const reply = await command.response();
      expectReply(reply, false);
      expect(reply.files).toStrictEqual([]);
      const embed = onlyEmbed(reply);
      expect(embed.title).toMatch(/Men's mass start/);
      expect(embed.image).toBeUndefined();
      const lines = embed.description?.split('\n') ?? [];
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^🥇 .*Jorrit Bergsma.* NED .*\b68 pts$/);
      expect(lines[1]).toMatch(/^🥈 .*Viktor Hald Thorup.* DEN\b/);
      expect(lines[2]).toMatch(/^🥉 .*Andrea Giovannini.* ITA\b/);
      await expectPictureEdit(command, reply, /Jorrit Bergsma/);
      expectClean();
    });

    it('/athlete name:Sun Long follows him from the heats to silver in Final A', async () => {
      const reply = await standin
        .sendCommand({ name: 'athlete', options: [option('name', 'Sun Long')] })
        .response();
      expectReply(reply, false);
      const embed = onlyEmbed(reply);
      expect(embed.title).toBe('Sun Long');
      const [field] = embed.fields ?? [];
      expect(field?.name).toMatch(/Men's 1000 metres.*🥈/);
      const rounds = field?.value.split('\n') ?? [];
      expect(rounds).toHaveLength(4);
      expect(rounds[0]).toMatch(/Heats, heat 8\b.* 2nd .*\bQ$/);
      expect(rounds[1]).toMatch(/Quarterfinals, heat 3\b.* 1st .*\bQ$/);
      expect(rounds[2]).toMatch(/Semifinals, heat 1\b.* 2nd .*\bQA$/);
      expect(rounds[3]).toMatch(/Final A\b.* 2nd\b/);
      expectClean();
    });

    it('/heat event:1000m round:quarterfinal n:3: the five skaters with times and notes, then a chart', async () => {
      const command = standin.sendCommand({
        name: 'heat',
        options: [option('event', '1000m'), option('round', 'quarterfinal'), option('n', 3)],
      });
      const reply = await command.response();
      expectReply(reply, false);
      const embed = onlyEmbed(reply);
      expect(embed.description).toMatch(/^\*\*Quarterfinals, heat 3\*\*/);
      const rows = codeBlockLines(embed.description).slice(1);
      expect(rows).toHaveLength(5);
      expect(rows[0]).toMatch(/^1 Sun Long +1:26\.563 .*\bQ$/);
      expect(rows[1]).toMatch(/^2 Roberts Krūzbergs +1:27\.133 .*\bQ$/);
      expect(rows[2]).toMatch(/^3 Michał Niewiński +1:46\.369 .*\bADV$/);
      expect(rows[3]).toMatch(/^ +Pietro Sighel .*\bPEN$/);
      expect(rows[4]).toMatch(/^ +Quentin Fercoq .*\bPEN$/);
      await expectPictureEdit(command, reply, /Quarterfinals, heat 3/);
      expectClean();
    });

    it('/compare a:Sun Long b:Roberts Krūzbergs: the races side by side, then the head-to-head picture', async () => {
      const command = standin.sendCommand({
        name: 'compare',
        options: [option('a', 'Sun Long'), option('b', 'Roberts Krūzbergs')],
      });
      const reply = await command.response();
      expectReply(reply, false);
      expect(onlyEmbed(reply).title).toBe('Sun Long vs Roberts Krūzbergs');
      await expectPictureEdit(command, reply, /^Sun Long vs Roberts Krūzbergs — Met in 4 races:/);
      expectClean();
    });
  });

  it.each<{ what: string; command: string; options: OptionInput[]; values: (string | number)[] }>([
    {
      what: '/podium event, nothing typed yet',
      command: 'podium',
      options: [typing('event', '')],
      values: ['short-track-1000m-men-2026', 'mass-start-men-2026', 'mass-start-women-2026'],
    },
    { what: '/athlete name:sun', command: 'athlete', options: [typing('name', 'sun')], values: ['long-sun'] },
    {
      what: '/heat n after event:1000m round:quarterfinal',
      command: 'heat',
      options: [option('event', '1000m'), option('round', 'quarterfinal'), typing('n', '')],
      values: [1, 2, 3, 4],
    },
  ])('autocomplete: $what', async ({ command, options, values }) => {
    const reply = await standin.sendAutocomplete({ name: command, options }).response();
    expect(reply.type).toBe(8);
    expect(((reply.data?.['choices'] ?? []) as { value: unknown }[]).map((c) => c.value)).toStrictEqual(
      values,
    );
    expectClean();
  });

  it('turns to page 2 with the Next button, updating the same message in the HTTP response', async () => {
    const command = standin.sendCommand({ name: 'results', options: [option('event', '1000m')] });
    expectReply(await command.response(), false);
    const message = command.message()!;
    const labels = buttonsOf(message).map((button) => button.label);
    expect(labels[1]).toMatch(/^Page 1 of \d+$/);
    const next = buttonsOf(message).find((button) => /Next/.test(button.label ?? ''))!;
    await handled(command);
    const before = standin.requests.length;
    const click = standin.sendButton({ customId: next.custom_id, messageId: message.id });
    const update = await click.response();
    await handled(click);
    expect(update.type).toBe(7);
    expect(update.data?.['allowed_mentions']).toStrictEqual({ parse: [] });
    // Only the callback the stand-in recorded from the HTTP response: no REST call from the bot.
    expect(standin.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toStrictEqual([
      `POST /interactions/${click.id}/${click.token}/callback`,
    ]);
    const page2 = standin.storedMessage(message.id)!;
    expect(buttonsOf(page2).map((button) => button.label)[1]).toBe(labels[1]!.replace('Page 1', 'Page 2'));
    expectClean();
  });

  it.each<{ what: string; name: string; options: OptionInput[]; permissions?: string; says: RegExp }>([
    {
      what: 'an unknown event',
      name: 'podium',
      options: [option('event', 'curling')],
      says: /^No event matches `curling`/,
    },
    {
      what: 'a heat out of range',
      name: 'heat',
      options: [option('event', '1000m'), option('round', 'quarterfinal'), option('n', 9)],
      says: /^Quarterfinals has no heat 9; it has heats 1, 2, 3, 4\.$/,
    },
    {
      what: '/reload from a member',
      name: 'reload',
      options: [],
      permissions: DEFAULT_PERMISSIONS,
      says: /server managers only/,
    },
  ])('answers $what privately, pinging no one', async ({ name, options, permissions, says }) => {
    const reply = await standin
      .sendCommand({ name, options, ...(permissions ? { memberPermissions: permissions } : {}) })
      .response();
    expectReply(reply, true);
    expect(onlyEmbed(reply).description).toMatch(says);
    expectClean();
  });

  it('lets a server manager run /status', async () => {
    const reply = await standin.sendCommand({ name: 'status', memberPermissions: MANAGER }).response();
    expectReply(reply, true);
    expect(onlyEmbed(reply).description).toMatch(/3 articles/);
    expectClean();
  });

  it('counts on /metrics what it was sent, by kind, command and outcome', async () => {
    const scrape = async () => (await (await fetch(`${base}/metrics`)).text()).split('\n');
    const value = (lines: string[], series: string) =>
      Number(lines.find((line) => line.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);
    const series = {
      podium: 'bot_interactions_total{kind="command",command="podium",outcome="reply"}',
      unknown: 'bot_interactions_total{kind="command",command="podium",outcome="user_error"}',
      choices: 'bot_interactions_total{kind="autocomplete",command="athlete",outcome="choices"}',
      pictures: 'bot_pictures_total{outcome="sent"}',
      latency: 'bot_first_answer_seconds_count{kind="command"}',
      rejected: 'bot_http_rejected_total{reason="bad signature"}',
    };
    const before = await scrape();
    const podium = standin.sendCommand({ name: 'podium', options: [option('event', 'mass-start-women')] });
    await podium.waitForEdit({ timeoutMs: 10_000 });
    for (let i = 0; i < 2; i += 1)
      await standin.sendCommand({ name: 'podium', options: [option('event', 'curling')] }).response();
    for (let i = 0; i < 3; i += 1)
      await standin.sendAutocomplete({ name: 'athlete', options: [typing('name', 'ber')] }).response();
    const body = JSON.stringify({ type: 1 });
    await delivery.post(body, {
      ...delivery.sign(body),
      'x-signature-timestamp': String(Math.floor(Date.now() / 1000) - 1),
    });
    await handled(podium);
    const after = await scrape();
    const delta = Object.fromEntries(
      Object.entries(series).map(([key, name]) => [key, value(after, name) - value(before, name)]),
    );
    expect(delta).toStrictEqual({ podium: 1, unknown: 2, choices: 3, pictures: 1, latency: 3, rejected: 1 });
    expect(value(after, 'bot_articles_loaded')).toBe(3);
    expectClean();
  });
});

describe('the HTTP host over its lifetime', () => {
  it('answers /healthz 503 while the articles load and 200 once they are, and exits 0 on SIGTERM', async () => {
    // Enough articles that loading takes a while after the port opens.
    const seeds = mkdtempSync(join(tmpdir(), 'skate-http-seeds-'));
    tempDirs.push(seeds);
    cpSync(SEEDS_DIR, seeds, { recursive: true });
    writeCorpus(seeds, { scale: 60, seed: 7 });
    const { bot, base } = await startHttpBot(seeds);
    const seen: number[] = [];
    const deadline = performance.now() + 20_000;
    while (!seen.includes(200) && performance.now() < deadline) {
      seen.push((await fetch(`${base}/healthz`)).status);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // 503 from the moment the port opened until the articles were in, then 200.
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen.slice(0, -1))).toStrictEqual(new Set([503]));
    expect(seen.at(-1)).toBe(200);
    await bot.ready();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await bot.stop('SIGTERM')).code).toBe(0);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  }, 40_000);
});
