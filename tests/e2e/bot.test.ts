// The bot end to end: `node dist/bundle/main.js` as `npm start` starts it, talking to the local Discord stand-in.
import {
  copyFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import type {
  APIApplicationCommandOption,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIMessage,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, COMMANDS_DIR, ROOT, SEEDS_DIR, ensureBuilt, pollFor } from './bot-process.js';
import { DiscordStandin } from './standin.js';
import type {
  CommandInput,
  InteractionCallback,
  InteractionHandle,
  MultipartBody,
  OptionInput,
} from './standin.js';
import { DEFAULT_PERMISSIONS } from './standin-payloads.js';

const EPHEMERAL = 64;
const STRING = 3;
const INTEGER = 4;
/** An ordinary member plus Manage Server. */
const MANAGER = (BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();
const FIXTURE = join(ROOT, 'tests', 'fixtures', 'e2e', '3000m-women-2026.txt');
const MASS_START_MEN = '000_1a0ef7e0fe2592fc.txt';

const standins: DiscordStandin[] = [];
const tempDirs: string[] = [];

async function startStandin(options: Parameters<typeof DiscordStandin.start>[0] = {}) {
  const standin = await DiscordStandin.start(options);
  standins.push(standin);
  return standin;
}

beforeAll(() => ensureBuilt(), 120_000);

// Runs even when a test failed half-way: no bot outlives the file, no temp folder is left behind.
afterAll(async () => {
  await Promise.all(BotProcess.all.map((bot) => bot.kill()));
  await Promise.all(standins.map((standin) => standin.close()));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

// Helpers over the stand-in's recorded callbacks.

function embedsOf(callback: InteractionCallback): APIEmbed[] {
  return (callback.data?.['embeds'] ?? []) as APIEmbed[];
}

function onlyEmbed(callback: InteractionCallback): APIEmbed {
  const embeds = embedsOf(callback);
  expect(embeds).toHaveLength(1);
  return embeds[0]!;
}

function flagsOf(callback: InteractionCallback): number {
  return (callback.data?.['flags'] as number | undefined) ?? 0;
}

function choicesOf(callback: InteractionCallback): { name: string; value: string | number }[] {
  return (callback.data?.['choices'] ?? []) as { name: string; value: string | number }[];
}

function buttonsOf(message: APIMessage | undefined): APIButtonComponentWithCustomId[] {
  return (message?.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as APIButtonComponentWithCustomId[]) : [],
  );
}

/** A reply everyone in the channel sees, that can ping no one. */
function expectPublicReply(callback: InteractionCallback): void {
  expect(callback.type).toBe(4);
  expect(flagsOf(callback) & EPHEMERAL).toBe(0);
  expect(callback.data?.['allowed_mentions']).toStrictEqual({ parse: [] });
}

/** A reply only the person who asked sees, that can ping no one. */
function expectPrivateReply(callback: InteractionCallback): void {
  expect(callback.type).toBe(4);
  expect(flagsOf(callback) & EPHEMERAL).toBe(EPHEMERAL);
  expect(callback.data?.['allowed_mentions']).toStrictEqual({ parse: [] });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The text reply, sent without waiting for the picture: JSON, nothing attached, no image in the embed. */
function expectTextFirst(callback: InteractionCallback): void {
  expect(callback.request.headers['content-type']).toMatch(/^application\/json/);
  expect(callback.files).toStrictEqual([]);
  expect(onlyEmbed(callback).image).toBeUndefined();
}

/**
 * The picture, added afterwards by editing the original response: a PATCH of `@original` uploading one PNG
 * (multipart) with alt text saying `alt`, the embed unchanged but for the image that shows it.
 */
async function expectPictureEdit(
  standin: DiscordStandin,
  handle: InteractionHandle,
  first: InteractionCallback,
  alt: RegExp,
): Promise<void> {
  const edit = await handle.waitForEdit({ timeoutMs: 10_000 });
  expect(`${edit.method} ${edit.path}`).toBe(
    `PATCH /webhooks/${standin.applicationId}/${handle.token}/messages/@original`,
  );
  expect(handle.edits()).toHaveLength(1);
  expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
  const { payload_json: json, files } = edit.body as MultipartBody;
  const payload = json as Record<string, unknown>;
  expect(files).toHaveLength(1);
  const [file] = files;
  expect(file?.contentType).toBe('image/png');
  expect(file?.data.subarray(0, PNG_SIGNATURE.length)).toStrictEqual(PNG_SIGNATURE);
  expect(payload['embeds']).toStrictEqual([
    { ...onlyEmbed(first), image: { url: `attachment://${file?.name}` } },
  ]);
  const attachments = (payload['attachments'] ?? []) as { description?: string }[];
  expect(attachments).toHaveLength(1);
  expect(attachments[0]?.description).toMatch(alt);
  expect(payload['allowed_mentions']).toStrictEqual({ parse: [] });
  // The message as the channel shows it now: the text and the picture.
  const message = handle.message();
  expect(message?.attachments.map((a) => a.filename)).toStrictEqual([file?.name]);
  expect(message?.embeds[0]?.description).toBe(onlyEmbed(first).description);
}

const option = (name: string, value: string | number): OptionInput => ({ name, value });
const typing = (name: string, value: string): OptionInput => ({ name, value, focused: true });

/** The lines of the first code block in `text`. */
function codeBlockLines(text: string | undefined): string[] {
  const block = /```\n(?<body>[\s\S]*?)```/.exec(text ?? '')?.groups?.['body'] ?? '';
  return block.split('\n').filter((line) => line !== '');
}

interface OptionSpec {
  name: string;
  type: number;
  required: boolean;
  autocomplete: boolean;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
}

const EVENT_OPTION: OptionSpec = {
  name: 'event',
  type: STRING,
  required: true,
  autocomplete: true,
  max_length: 100,
};
const roundOption = (required: boolean): OptionSpec => ({
  name: 'round',
  type: STRING,
  required,
  autocomplete: true,
  max_length: 40,
});

/** Server and user installs; server, bot DM and private channel (discord-api-types' enums). */
const EVERY_INSTALL = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];
const EVERY_CONTEXT = [
  InteractionContextType.Guild,
  InteractionContextType.BotDM,
  InteractionContextType.PrivateChannel,
];

/**
 * What each file in commands/ must register; admin commands are hidden from members, guild-only and
 * not offered to user installs.
 */
const COMMAND_SPECS: Record<string, { options: OptionSpec[]; admin: boolean }> = {
  athlete: {
    options: [{ name: 'name', type: STRING, required: true, autocomplete: true, max_length: 100 }],
    admin: false,
  },
  compare: {
    options: [
      { name: 'a', type: STRING, required: true, autocomplete: true, max_length: 100 },
      { name: 'b', type: STRING, required: true, autocomplete: true, max_length: 100 },
    ],
    admin: false,
  },
  event: { options: [EVENT_OPTION], admin: false },
  heat: {
    options: [
      EVENT_OPTION,
      roundOption(true),
      { name: 'n', type: INTEGER, required: false, autocomplete: true, min_value: 1, max_value: 99 },
    ],
    admin: false,
  },
  help: { options: [], admin: false },
  medals: { options: [], admin: false },
  podium: { options: [EVENT_OPTION], admin: false },
  reload: { options: [], admin: true },
  results: { options: [EVENT_OPTION, roundOption(false)], admin: false },
  search: {
    options: [{ name: 'query', type: STRING, required: true, autocomplete: false, max_length: 100 }],
    admin: false,
  },
  status: { options: [], admin: true },
};

/** An option as registered, reduced to what {@link OptionSpec} describes; absent limits are left out. */
function optionShape(o: APIApplicationCommandOption): OptionSpec {
  const limits = o as Partial<Record<'min_value' | 'max_value' | 'min_length' | 'max_length', number>>;
  const shape: OptionSpec = {
    name: o.name,
    type: o.type,
    required: o.required === true,
    autocomplete: 'autocomplete' in o && o.autocomplete === true,
  };
  for (const key of ['min_value', 'max_value', 'min_length', 'max_length'] as const) {
    if (limits[key] !== undefined) shape[key] = limits[key];
  }
  return shape;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

describe('the bot process (node dist/bundle/main.js) against the Discord stand-in', () => {
  let standin: DiscordStandin;
  let bot: BotProcess;

  beforeAll(async () => {
    // A short heartbeat makes a missed ACK show within a second or two.
    standin = await startStandin({ heartbeatIntervalMs: 1_000 });
    bot = BotProcess.start(standin, { logLevel: 'debug' });
    await bot.ready();
  }, 30_000);

  afterAll(async () => {
    const exit = await bot?.stop('SIGTERM');
    expect(exit).toMatchObject({ code: 0, signal: null });
  });

  /** Every test ends here: no request the stand-in has no route for, no error in the bot's log. */
  function expectClean(): void {
    standin.assertNoUnexpected();
    expect(bot.logs().filter((line) => line.level >= 50)).toStrictEqual([]);
  }

  /** Waits until the bot has finished with an interaction, follow-ups and all (its debug "handled" line). */
  function handled(handle: InteractionHandle) {
    return bot.waitForLog((line) => line.msg === 'handled' && line['interaction'] === handle.id);
  }

  describe('command registration', () => {
    it('registers every command file with its options, limits and permissions in one guild PUT', () => {
      const route = `/applications/${standin.applicationId}/guilds/${standin.guildId}/commands`;
      const calls = standin.requests
        .filter((request) => request.path === route)
        .map((request) => `${request.method} ${request.status}`);
      expect(calls).toStrictEqual(['GET 200', 'PUT 200']);
      const put = standin.requests.find((request) => request.method === 'PUT' && request.path === route)!;
      const body = put.body as RESTPostAPIChatInputApplicationCommandsJSONBody[];

      const files = readdirSync(COMMANDS_DIR)
        .filter((file) => file.endsWith('.ts'))
        .map((file) => file.slice(0, -'.ts'.length))
        .sort();
      expect(Object.keys(COMMAND_SPECS).sort()).toStrictEqual(files);

      const registered = Object.fromEntries(
        body.map((command) => [
          command.name,
          {
            options: (command.options ?? []).map(optionShape),
            permissions: command.default_member_permissions ?? null,
            contexts: command.contexts ?? null,
            installs: command.integration_types ?? null,
          },
        ]),
      );
      const expected = Object.fromEntries(
        Object.entries(COMMAND_SPECS).map(([name, spec]) => [
          name,
          {
            options: spec.options,
            permissions: spec.admin ? PermissionFlagsBits.ManageGuild.toString() : null,
            contexts: spec.admin ? [InteractionContextType.Guild] : EVERY_CONTEXT,
            installs: spec.admin ? [ApplicationIntegrationType.GuildInstall] : EVERY_INSTALL,
          },
        ]),
      );
      expect(registered).toStrictEqual(expected);
      const badDescriptions = body.flatMap((command) =>
        [command, ...(command.options ?? [])]
          .filter((item) => item.description.length < 1 || item.description.length > 100)
          .map((item) => `${command.name}/${item.name}: ${item.description.length} characters`),
      );
      expect(badDescriptions).toStrictEqual([]);
      expect(standin.commands(standin.guildId).map((command) => command.name)).toStrictEqual(
        body.map((command) => command.name),
      );
      expectClean();
    });
  });

  describe('the used-by examples', () => {
    it('/podium event:mass-start-men shows the three medallists with NOC and points, then the card', async () => {
      const command = standin.sendCommand({ name: 'podium', options: [option('event', 'mass-start-men')] });
      const reply = await command.response();
      expectPublicReply(reply);
      expectTextFirst(reply);
      const embed = onlyEmbed(reply);
      expect(embed.title).toMatch(/Men's mass start/);
      const lines = embed.description?.split('\n') ?? [];
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^🥇 .*Jorrit Bergsma.* NED .*\b68 pts$/);
      expect(lines[1]).toMatch(/^🥈 .*Viktor Hald Thorup.* DEN\b/);
      expect(lines[2]).toMatch(/^🥉 .*Andrea Giovannini.* ITA\b/);
      await expectPictureEdit(standin, command, reply, /Jorrit Bergsma/);
      // Drawn off the main thread, by the worker the bundle carries (not the in-thread fallback).
      const started = bot.logs().filter((line) => line.msg === 'picture worker started');
      expect(started.length).toBeGreaterThanOrEqual(1);
      expect(String(started[0]?.['file'])).toBe(join(ROOT, 'dist', 'bundle', 'picture-worker.js'));
      expectClean();
    });

    it('/athlete name:Sun Long follows him from the heats to silver in Final A', async () => {
      const reply = await standin
        .sendCommand({ name: 'athlete', options: [option('name', 'Sun Long')] })
        .response();
      expectPublicReply(reply);
      const embed = onlyEmbed(reply);
      expect(embed.title).toBe('Sun Long');
      expect(embed.fields).toHaveLength(2);
      const [field, bests] = embed.fields!;
      expect(bests).toStrictEqual({
        name: 'Best times in the loaded events',
        value: '**1000 m (short track)**: 1:23.585 — Semifinals, heat 1, 2026',
      });
      expect(field?.name).toMatch(/Men's 1000 metres.*🥈/);
      const rounds = field?.value.split('\n') ?? [];
      expect(rounds).toHaveLength(4);
      expect(rounds[0]).toMatch(/Heats, heat 8\b.* 2nd .*\bQ$/);
      expect(rounds[1]).toMatch(/Quarterfinals, heat 3\b.* 1st .*\bQ$/);
      expect(rounds[2]).toMatch(/Semifinals, heat 1\b.* 2nd .*\bQA$/);
      expect(rounds[3]).toMatch(/Final A\b.* 2nd\b/);
      expectClean();
    });

    it('/heat event:1000m round:quarterfinal n:3 lists the five skaters with times and notes, then a chart', async () => {
      const command = standin.sendCommand({
        name: 'heat',
        options: [option('event', '1000m'), option('round', 'quarterfinal'), option('n', 3)],
      });
      const reply = await command.response();
      expectPublicReply(reply);
      expectTextFirst(reply);
      const embed = onlyEmbed(reply);
      expect(embed.description).toMatch(/^\*\*Quarterfinals, heat 3\*\*/);
      const rows = codeBlockLines(embed.description).slice(1);
      expect(rows).toHaveLength(5);
      expect(rows[0]).toMatch(/^1 Sun Long +1:26\.563 .*\bQ$/);
      expect(rows[1]).toMatch(/^2 Roberts Krūzbergs +1:27\.133 .*\bQ$/);
      expect(rows[2]).toMatch(/^3 Michał Niewiński +1:46\.369 .*\bADV$/);
      expect(rows[3]).toMatch(/^ +Pietro Sighel .*\bPEN$/);
      expect(rows[4]).toMatch(/^ +Quentin Fercoq .*\bPEN$/);
      await expectPictureEdit(standin, command, reply, /Quarterfinals, heat 3/);
      expectClean();
    });

    it('/compare a:Sun Long b:Roberts Krūzbergs puts the four races side by side, then the head-to-head picture', async () => {
      const command = standin.sendCommand({
        name: 'compare',
        options: [option('a', 'Sun Long'), option('b', 'Roberts Krūzbergs')],
      });
      const reply = await command.response();
      expectPublicReply(reply);
      expectTextFirst(reply);
      expect(onlyEmbed(reply).title).toBe('Sun Long vs Roberts Krūzbergs');
      await expectPictureEdit(
        standin,
        command,
        reply,
        /^Sun Long vs Roberts Krūzbergs — Met in 4 races: Sun Long finished ahead 4×, Roberts Krūzbergs 0×\./,
      );
      const edit = command.edits()[0];
      expect((edit?.body as MultipartBody).files[0]?.name).toBe('compare-sun-long-roberts-kruzbergs.png');
      expectClean();
    });

    it('/compare of two who never met says so in the picture’s alt text too', async () => {
      const command = standin.sendCommand({
        name: 'compare',
        options: [option('a', 'Jorrit Bergsma'), option('b', 'Sun Long')],
      });
      const reply = await command.response();
      expectPublicReply(reply);
      expectTextFirst(reply);
      await expectPictureEdit(standin, command, reply, /They never met in a race in the loaded events\./);
      expectClean();
    });
  });

  describe('the used-by examples in Dutch and Korean (interactions carrying `locale`)', () => {
    it('/podium event:mass-start-men in nl and ko: translated headings, names and points as written', async () => {
      const expected = {
        nl: {
          title: 'Podium · Massastart mannen · Olympische Winterspelen 2026',
          pts: '68 ptn',
          places: 'Plaatsen 4–8',
        },
        ko: { title: '시상대 · 남자 매스스타트 · 2026 동계 올림픽', pts: '68점', places: '4–8위' },
      };
      for (const [locale, want] of Object.entries(expected)) {
        const command = standin.sendCommand({
          name: 'podium',
          options: [option('event', 'mass-start-men')],
          locale,
        });
        const reply = await command.response();
        expectPublicReply(reply);
        const embed = onlyEmbed(reply);
        expect(embed.title, locale).toBe(want.title);
        const lines = embed.description?.split('\n') ?? [];
        expect(lines, locale).toHaveLength(3);
        expect(lines[0], locale).toBe(`🥇 **Jorrit Bergsma** 🇳🇱 NED — ${want.pts}`);
        expect(lines[1], locale).toMatch(/^🥈 \*\*Viktor Hald Thorup\*\* 🇩🇰 DEN — /);
        expect(
          embed.fields?.map((f) => f.name),
          locale,
        ).toContain(want.places);
        await handled(command);
      }
      expectClean();
    });

    it('/athlete name:Sun Long in nl and ko: round names in the language, times as written', async () => {
      const expected = {
        nl: {
          field: '2026 · 1000 meter mannen (shorttrack) — 🥈 2e',
          rounds: [
            '**Serie 8** — 2e · 1:25.339 · Q',
            '**Kwartfinale 3** — 1e · 1:26.563 · Q',
            '**Halve finale 1** — 2e · 1:23.585 · QA',
            '**A-finale** — 2e · 1:24.565',
          ],
          bests: {
            name: 'Beste tijden in de geladen onderdelen',
            value: '**1000 meter (shorttrack)**: 1:23.585 — Halve finale 1, 2026',
          },
        },
        ko: {
          field: '2026 · 남자 1000m (쇼트트랙) — 🥈 2위',
          rounds: [
            '**예선 8조** — 2위 · 1:25.339 · Q',
            '**준준결승 3조** — 1위 · 1:26.563 · Q',
            '**준결승 1조** — 2위 · 1:23.585 · QA',
            '**결승 A** — 2위 · 1:24.565',
          ],
          bests: {
            name: '불러온 종목의 최고 기록',
            value: '**1000m (쇼트트랙)**: 1:23.585 — 준결승 1조, 2026',
          },
        },
      };
      for (const [locale, want] of Object.entries(expected)) {
        const reply = await standin
          .sendCommand({ name: 'athlete', options: [option('name', 'Sun Long')], locale })
          .response();
        expectPublicReply(reply);
        const embed = onlyEmbed(reply);
        expect(embed.title, locale).toBe('Sun Long');
        const [field, bests] = embed.fields ?? [];
        expect(field?.name, locale).toBe(want.field);
        expect(field?.value.split('\n'), locale).toStrictEqual(want.rounds);
        expect(bests, locale).toStrictEqual(want.bests);
      }
      expectClean();
    });

    it('/heat event:1000m round:quarterfinal n:3 in nl and ko: translated heading, columns and legend', async () => {
      const expected = {
        nl: {
          head: '**Kwartfinale 3**',
          columns: /^# Naam +Tijd +Verschil$/,
          notes: 'Toelichting',
          legend: '**Q** geplaatst op plaats',
        },
        ko: {
          head: '**준준결승 3조**',
          columns: /^# 선수 +기록 +차이$/,
          notes: '기호 설명',
          legend: '**Q** 순위로 진출',
        },
      };
      for (const [locale, want] of Object.entries(expected)) {
        const command = standin.sendCommand({
          name: 'heat',
          options: [option('event', '1000m'), option('round', 'quarterfinal'), option('n', 3)],
          locale,
        });
        const reply = await command.response();
        expectPublicReply(reply);
        const embed = onlyEmbed(reply);
        expect(embed.description?.startsWith(want.head), locale).toBe(true);
        const [header, ...rows] = codeBlockLines(embed.description);
        expect(header, locale).toMatch(want.columns);
        expect(rows).toHaveLength(5);
        expect(rows[0]).toMatch(/^1 Sun Long +1:26\.563 .*\bQ$/);
        expect(rows[1]).toMatch(/^2 Roberts Krūzbergs +1:27\.133 +\+0\.570 Q$/);
        expect(rows[2]).toMatch(/^3 Michał Niewiński +1:46\.369 +\+19\.806 ADV$/);
        expect(rows[3]).toMatch(/^ +Pietro Sighel .*\bPEN$/);
        const notes = embed.fields?.find((f) => f.name === want.notes);
        expect(notes?.value.startsWith(want.legend), locale).toBe(true);
        await handled(command);
      }
      expectClean();
    });

    it('/compare in ko: the head-to-head picture arrives by edit with Korean alt text, names and times as written', async () => {
      const command = standin.sendCommand({
        name: 'compare',
        options: [option('a', 'Sun Long'), option('b', 'Roberts Krūzbergs')],
        locale: 'ko',
      });
      const reply = await command.response();
      expectPublicReply(reply);
      expectTextFirst(reply);
      expect(onlyEmbed(reply).title).toBe('Sun Long 대 Roberts Krūzbergs');
      await expectPictureEdit(
        standin,
        command,
        reply,
        /^Sun Long 대 Roberts Krūzbergs — 4경기에서 만남: Sun Long 4회 앞섬, Roberts Krūzbergs 0회\. · 1000m \(쇼트트랙\): Sun Long 1:23\.585, Roberts Krūzbergs 1:23\.700$/,
      );
      expectClean();
    });
  });

  describe('every other command', () => {
    it.each<{ what: string; input: CommandInput; private: boolean; expect: (embed: APIEmbed) => void }>([
      {
        what: '/event event:1000m',
        input: { name: 'event', options: [option('event', '1000m')] },
        private: false,
        expect: (embed) => expect(embed.fields).toContainEqual(expect.objectContaining({ name: 'Venue' })),
      },
      {
        what: '/results event:mass-start-women round:final',
        input: { name: 'results', options: [option('event', 'mass-start-women'), option('round', 'final')] },
        private: false,
        expect: (embed) =>
          expect(codeBlockLines(embed.description)[2]).toMatch(/^ *2 Ivanie Blondin .* 8:35\.09$/),
      },
      {
        what: '/search query:defending champion',
        input: { name: 'search', options: [option('query', 'defending champion')] },
        private: false,
        expect: (embed) => expect(embed.description).toMatch(/Ren Ziwei/),
      },
      {
        what: '/medals',
        input: { name: 'medals' },
        private: false,
        expect: (embed) => expect(embed.description).toMatch(/NED.*🥇 3/),
      },
      {
        what: '/help',
        input: { name: 'help' },
        private: true,
        expect: (embed) => expect(embed.description).toMatch(/\/heat event:1000m round:quarterfinal n:3/),
      },
      {
        what: '/status from a server manager',
        input: { name: 'status', memberPermissions: MANAGER },
        private: true,
        expect: (embed) => expect(embed.description).toMatch(/3 articles/),
      },
      {
        what: '/reload from a server manager',
        input: { name: 'reload', memberPermissions: MANAGER },
        private: true,
        expect: (embed) => expect(embed.title).toBe('Reloaded: nothing changed'),
      },
    ])('$what', async ({ input, private: isPrivate, expect: check }) => {
      const reply = await standin.sendCommand(input).response();
      if (isPrivate) expectPrivateReply(reply);
      else expectPublicReply(reply);
      check(onlyEmbed(reply));
      expectClean();
    });
  });

  describe('autocomplete', () => {
    const cases: { what: string; command: string; options: OptionInput[]; values: (string | number)[] }[] = [
      {
        what: '/podium event, nothing typed yet',
        command: 'podium',
        options: [typing('event', '')],
        values: ['short-track-1000m-men-2026', 'mass-start-men-2026', 'mass-start-women-2026'],
      },
      {
        what: '/event event:1000',
        command: 'event',
        options: [typing('event', '1000')],
        values: ['short-track-1000m-men-2026'],
      },
      {
        what: '/results event:mass',
        command: 'results',
        options: [typing('event', 'mass')],
        values: ['mass-start-men-2026', 'mass-start-women-2026'],
      },
      {
        what: '/heat event:mass-start-w, the prefix match first',
        command: 'heat',
        options: [typing('event', 'mass-start-w')],
        values: ['mass-start-women-2026', 'mass-start-men-2026'],
      },
      {
        what: '/athlete name:sun',
        command: 'athlete',
        options: [typing('name', 'sun')],
        values: ['long-sun'],
      },
      {
        what: '/compare a:sun',
        command: 'compare',
        options: [typing('a', 'sun')],
        values: ['long-sun'],
      },
      {
        what: '/compare b:kruz after a:Sun Long',
        command: 'compare',
        options: [option('a', 'Sun Long'), typing('b', 'kruz')],
        values: ['kruzbergs-roberts'],
      },
      {
        what: '/heat round after event:1000m',
        command: 'heat',
        options: [option('event', '1000m'), typing('round', '')],
        values: ['heat', 'quarterfinal', 'semifinal', 'final-b', 'final'],
      },
      {
        what: '/results round after event:mass-start-women',
        command: 'results',
        options: [option('event', 'mass-start-women'), typing('round', '')],
        values: ['semifinal', 'final'],
      },
      {
        what: '/heat n after event:1000m round:quarterfinal',
        command: 'heat',
        options: [option('event', '1000m'), option('round', 'quarterfinal'), typing('n', '')],
        values: [1, 2, 3, 4],
      },
      {
        what: '/heat n:7 after event:1000m round:heat',
        command: 'heat',
        options: [option('event', '1000m'), option('round', 'heat'), typing('n', '7')],
        values: [7],
      },
      // A dependent option offers nothing until what it depends on is clear.
      {
        what: '/heat round after an ambiguous event',
        command: 'heat',
        options: [option('event', 'mass start'), typing('round', '')],
        values: [],
      },
    ];

    it('covers every option registered with autocomplete', () => {
      const registered = standin
        .commands(standin.guildId)
        .flatMap((command) =>
          (command.options ?? [])
            .filter((o) => 'autocomplete' in o && o.autocomplete === true)
            .map((o) => `${command.name}.${o.name}`),
        );
      const covered = cases.map((c) => `${c.command}.${c.options.find((o) => o.focused)!.name}`);
      expect([...new Set(covered)].sort()).toStrictEqual(registered.sort());
      expectClean();
    });

    it.each(cases)('$what', async ({ command, options, values }) => {
      const handle = standin.sendAutocomplete({ name: command, options });
      const focused = (
        handle.payload['data'] as { options: { focused?: boolean; value: unknown }[] }
      ).options.find((o) => o.focused);
      // Discord sends the text being typed, even for an integer option.
      expect(typeof focused?.value).toBe('string');
      const reply = await handle.response();
      expect(reply.type).toBe(8);
      const choices = choicesOf(reply);
      expect(choices.map((choice) => choice.value)).toStrictEqual(values);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        expect(String(choice.value).length).toBeLessThanOrEqual(100);
      }
      expectClean();
    });

    it('names the rounds of the 1000 m and the heats of its quarterfinal', async () => {
      const rounds = await standin
        .sendAutocomplete({ name: 'heat', options: [option('event', '1000m'), typing('round', '')] })
        .response();
      expect(choicesOf(rounds).map((choice) => choice.name.replace(/ \(.*\)$/, ''))).toStrictEqual([
        'Heats',
        'Quarterfinals',
        'Semifinals',
        'Final B',
        'Final A',
      ]);
      const heats = await standin
        .sendAutocomplete({
          name: 'heat',
          options: [option('event', '1000m'), option('round', 'quarterfinal'), typing('n', '')],
        })
        .response();
      expect(choicesOf(heats)[2]?.name).toMatch(/^Quarterfinals, heat 3 — Sun Long/);
      expectClean();
    });
  });

  describe('paged results', () => {
    it('turns to page 2 with the Next button, updating the same message and nothing else', async () => {
      const command = standin.sendCommand({ name: 'results', options: [option('event', '1000m')] });
      const first = await command.response();
      expectPublicReply(first);
      const message = command.message()!;
      const labels = buttonsOf(message).map((button) => button.label);
      expect(labels[0]).toMatch(/Prev/);
      expect(labels[1]).toMatch(/^Page 1 of \d+$/);
      const next = buttonsOf(message).find((button) => /Next/.test(button.label ?? ''))!;
      expect(next.custom_id).toBe('results:short-track-1000m-men-2026:*:2');
      expect(next.disabled).toBe(false);
      await handled(command);

      const before = standin.requests.length;
      const click = standin.sendButton({ customId: next.custom_id, messageId: message.id });
      const update = await click.response();
      await handled(click);
      expect(update.type).toBe(7);
      expect(update.data?.['allowed_mentions']).toStrictEqual({ parse: [] });
      expect(
        standin.requests.slice(before).map((request) => `${request.method} ${request.path}`),
      ).toStrictEqual([`POST /interactions/${click.id}/${click.token}/callback`]);
      const page2 = standin.storedMessage(message.id)!;
      expect(click.message()?.id).toBe(message.id);
      expect(buttonsOf(page2).map((button) => button.label)[1]).toBe(labels[1]!.replace('Page 1', 'Page 2'));
      const [was] = message.embeds;
      const [now] = page2.embeds;
      expect(now?.description).not.toBe(was?.description);
      expect({ title: now?.title, footer: now?.footer, flags: page2.flags }).toStrictEqual({
        title: was?.title,
        footer: was?.footer,
        flags: message.flags,
      });
      expectClean();
    });
  });

  describe('user errors', () => {
    it.each<{ what: string; input: CommandInput; says: RegExp }>([
      {
        what: 'an unknown event',
        input: { name: 'podium', options: [option('event', 'curling')] },
        says: /^No event matches `curling`/,
      },
      {
        what: 'an ambiguous event',
        input: { name: 'podium', options: [option('event', 'mass start')] },
        says: /^`mass start` matches 2 events/,
      },
      {
        what: 'a heat out of range',
        input: {
          name: 'heat',
          options: [option('event', '1000m'), option('round', 'quarterfinal'), option('n', 9)],
        },
        says: /^Quarterfinals has no heat 9; it has heats 1, 2, 3, 4\.$/,
      },
      {
        what: '/reload from a member without Manage Server',
        input: { name: 'reload', memberPermissions: DEFAULT_PERMISSIONS },
        says: /server managers only/,
      },
      {
        what: '/status from a member without Manage Server',
        input: { name: 'status', memberPermissions: DEFAULT_PERMISSIONS },
        says: /server managers only/,
      },
      {
        what: 'a name that is @everyone',
        input: { name: 'athlete', options: [option('name', '@everyone')] },
        says: /^No skater matches `@everyone`/,
      },
      {
        what: 'a name that is a user mention',
        input: { name: 'athlete', options: [option('name', 'Bob <@123456789012345678>')] },
        says: /^No skater matches `Bob <@123456789012345678>`/,
      },
      {
        what: 'an event that is @here',
        input: { name: 'event', options: [option('event', '@here')] },
        says: /^No event matches `@here`/,
      },
    ])('answers $what privately, pinging no one', async ({ input, says }) => {
      const reply = await standin.sendCommand(input).response();
      expectPrivateReply(reply);
      expect(onlyEmbed(reply).description).toMatch(says);
      expectClean();
    });

    it('lists the candidates of an ambiguous event', async () => {
      const reply = await standin
        .sendCommand({ name: 'podium', options: [option('event', 'mass start')] })
        .response();
      const field = onlyEmbed(reply).fields?.[0];
      expect(field?.value).toMatch(/mass-start-men-2026/);
      expect(field?.value).toMatch(/mass-start-women-2026/);
      expectClean();
    });
  });

  describe('gateway faults', () => {
    it.each<{ fault: string; inject: (s: DiscordStandin) => void; kind: 'ready' | 'resumed' }>([
      { fault: 'a dropped socket', inject: (s) => s.closeSocket(), kind: 'resumed' },
      { fault: 'op 7 RECONNECT', inject: (s) => s.sendReconnect(), kind: 'resumed' },
      {
        fault: 'op 9 INVALID_SESSION, resumable',
        inject: (s) => s.sendInvalidSession(true),
        kind: 'resumed',
      },
      // discord.js holds a second IDENTIFY for about 5 s (its identify throttler).
      {
        fault: 'op 9 INVALID_SESSION, not resumable',
        inject: (s) => s.sendInvalidSession(false),
        kind: 'ready',
      },
      { fault: 'missed heartbeat ACKs', inject: (s) => s.dropHeartbeatAcks(1), kind: 'resumed' },
    ])(
      'comes back after $fault ($kind) and answers the next command',
      async ({ inject, kind }) => {
        inject(standin);
        expect((await standin.waitForSession({ timeoutMs: 15_000 })).kind).toBe(kind);
        const reply = await standin
          .sendCommand({ name: 'podium', options: [option('event', 'mass-start-women')] })
          .response();
        expectPublicReply(reply);
        expect(onlyEmbed(reply).description).toMatch(/Marijke Groenewoud/);
        expectClean();
      },
      30_000,
    );
  });

  describe('outside servers: the bot DM and private channels (user installs)', () => {
    /** Follow-ups (POSTs under the token): a user-installed app may send at most 5 per interaction. */
    function followUps(handle: InteractionHandle): number {
      return handle.edits().filter((request) => request.method === 'POST').length;
    }

    it('answers /podium in a DM with the bot (context 1), no member or guild in the interaction', async () => {
      const command = standin.sendCommand({
        name: 'podium',
        options: [option('event', 'mass-start-women')],
        context: 1,
      });
      const reply = await command.response();
      expectPublicReply(reply);
      expect(onlyEmbed(reply).description?.split('\n')[0]).toMatch(/^🥇 .*Marijke Groenewoud/);
      await handled(command);
      expect(followUps(command)).toBe(0);
      expectClean();
    });

    it('answers /heat in a group DM through a user install (context 2), picture included', async () => {
      const command = standin.sendCommand({
        name: 'heat',
        options: [option('event', '1000m'), option('round', 'semifinal'), option('n', 2)],
        context: 2,
        install: 'user',
      });
      const reply = await command.response();
      expectPublicReply(reply);
      expect(onlyEmbed(reply).title).toMatch(/Men's 1000 metres/);
      expect(onlyEmbed(reply).description).toMatch(/Semifinals, heat 2/);
      await handled(command);
      // The picture arrives as an edit of the original response, which is not a follow-up.
      const pictures = [
        reply.files,
        ...command.edits().map((edit) => (edit.body as MultipartBody).files ?? []),
      ];
      expect(pictures.flat().some((file) => file.contentType === 'image/png')).toBe(true);
      expect(followUps(command)).toBeLessThanOrEqual(5);
      expectClean();
    });

    it('answers /compare in a group DM through a user install', async () => {
      const command = standin.sendCommand({
        name: 'compare',
        options: [option('a', 'Sun Long'), option('b', 'Roberts Krūzbergs')],
        context: 2,
        install: 'user',
      });
      const reply = await command.response();
      expectPublicReply(reply);
      expect(onlyEmbed(reply).title).toBe('Sun Long vs Roberts Krūzbergs');
      expect(onlyEmbed(reply).description?.split('\n')[0]).toBe(
        'Met in 4 races: Sun Long finished ahead 4×, Roberts Krūzbergs 0×.',
      );
      await handled(command);
      // The picture comes with the reply when drawn before, else as an edit: never as a follow-up.
      const pictures = [
        reply.files,
        ...command.edits().map((edit) => (edit.body as MultipartBody).files ?? []),
      ];
      expect(pictures.flat().map((file) => [file.name, file.contentType])).toStrictEqual([
        ['compare-sun-long-roberts-kruzbergs.png', 'image/png'],
      ]);
      expect(followUps(command)).toBe(0);
      expectClean();
    });

    it('refuses /status in a DM privately: no one manages a DM', async () => {
      const reply = await standin.sendCommand({ name: 'status', context: 1, install: 'user' }).response();
      expectPrivateReply(reply);
      expectClean();
    });
  });

  describe('latency', () => {
    it('answers a burst of 1000 interactions, in waves of 50, each within 3 s', async () => {
      const mix: { kind: 'command' | 'autocomplete'; input: CommandInput }[] = [
        { kind: 'command', input: { name: 'podium', options: [option('event', 'mass-start-men')] } },
        { kind: 'autocomplete', input: { name: 'podium', options: [typing('event', 'mass')] } },
        {
          kind: 'command',
          input: {
            name: 'heat',
            options: [option('event', '1000m'), option('round', 'quarterfinal'), option('n', 3)],
          },
        },
        {
          kind: 'autocomplete',
          input: { name: 'heat', options: [option('event', '1000m'), typing('round', 'q')] },
        },
        { kind: 'command', input: { name: 'athlete', options: [option('name', 'Sun Long')] } },
        { kind: 'autocomplete', input: { name: 'athlete', options: [typing('name', 'ber')] } },
        { kind: 'command', input: { name: 'results', options: [option('event', '1000m')] } },
        {
          kind: 'autocomplete',
          input: {
            name: 'heat',
            options: [option('event', '1000m'), option('round', 'heat'), typing('n', '')],
          },
        },
        { kind: 'command', input: { name: 'event', options: [option('event', 'mass-start-women')] } },
        { kind: 'autocomplete', input: { name: 'results', options: [typing('event', '')] } },
      ];
      const total = 1_000;
      const wave = 50;
      const answered: { kind: string; handle: InteractionHandle; reply: InteractionCallback }[] = [];
      for (let start = 0; start < total; start += wave) {
        const sent = Array.from({ length: wave }, (_, i) => {
          const { kind, input } = mix[(start + i) % mix.length]!;
          return {
            kind,
            handle: kind === 'command' ? standin.sendCommand(input) : standin.sendAutocomplete(input),
          };
        });
        const replies = await Promise.all(sent.map(({ handle }) => handle.response({ timeoutMs: 5_000 })));
        sent.forEach((s, i) => answered.push({ ...s, reply: replies[i]! }));
      }

      const dispatchedAt = new Map(
        standin.gateway
          .filter((frame) => frame.direction === 'out' && frame.payload.t === 'INTERACTION_CREATE')
          .map((frame) => [(frame.payload.d as { id: string }).id, frame.at]),
      );
      const latencies = answered.map(({ kind, handle, reply }) => {
        expect(reply.type).toBe(kind === 'command' ? 4 : 8);
        if (kind === 'command') expectPublicReply(reply);
        return { kind, ms: reply.request.at - dispatchedAt.get(handle.id)! };
      });
      expect(latencies).toHaveLength(total);
      // The bot's own view, from its debug log: from discord.js handing it the interaction to the callback's answer.
      const ids = new Set(answered.map(({ handle }) => handle.id));
      const inside = await pollFor(
        () => {
          const lines = bot
            .logs()
            .filter((line) => line.msg === 'handled' && ids.has(String(line['interaction'])));
          return lines.length === total ? lines.map((line) => Number(line['replyMs'])) : undefined;
        },
        () => `a "handled" log line for each of the ${total} interactions`,
      );
      const stats = (values: number[]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
        return `median ${fmt(percentile(sorted, 0.5))}, p99 ${fmt(percentile(sorted, 0.99))}, max ${fmt(sorted.at(-1)!)}`;
      };
      const of = (kind: string) => latencies.filter((l) => l.kind === kind).map((l) => l.ms);
      console.log(
        [
          `dispatch-to-callback latency, ${total} interactions in waves of ${wave}:`,
          `  all:                ${stats(latencies.map((l) => l.ms))}`,
          `  commands (${of('command').length}):     ${stats(of('command'))}`,
          `  autocompletes (${of('autocomplete').length}): ${stats(of('autocomplete'))}`,
          `  bot's own timing:   ${stats(inside)} (interaction event to callback acknowledged)`,
        ].join('\n'),
      );
      // A sanity bound only: Discord's own limit for the first answer.
      expect(Math.max(...latencies.map((l) => l.ms))).toBeLessThan(3_000);
      expectClean();
    }, 120_000);
  });
});

describe('the bot process over its lifetime', () => {
  it('exits with code 0 within 5 s of SIGTERM, closing its gateway connection', async () => {
    const standin = await startStandin();
    const bot = BotProcess.start(standin);
    await bot.ready();
    const reply = await standin.sendCommand({ name: 'medals' }).response();
    expectPublicReply(reply);
    const exit = await bot.stop('SIGTERM');
    expect({ code: exit.code, signal: exit.signal }).toStrictEqual({ code: 0, signal: null });
    expect(exit.ms).toBeLessThan(5_000);
    expect(bot.logs().find((line) => line.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
    expect(standin.connections.map((connection) => connection.closeCode)).toStrictEqual([1000]);
    expect(bot.stderr).toBe('');
    standin.assertNoUnexpected();
  }, 30_000);

  it('shuts down cleanly on a SIGTERM that arrives while it is still starting (after IDENTIFY)', async () => {
    const standin = await startStandin();
    const bot = BotProcess.start(standin);
    // Still starting: READY, the guilds and the command check are to come. Without a listener yet, the
    // signal's default action would end the process at once (no exit code, no goodbye to the gateway).
    await pollFor(
      () =>
        standin.gateway.some((frame) => frame.direction === 'in' && frame.payload.op === 2)
          ? true
          : undefined,
      () => 'an IDENTIFY from the bot',
    );
    const exit = await bot.stop('SIGTERM');
    expect({ code: exit.code, signal: exit.signal }).toStrictEqual({ code: 0, signal: null });
    expect(bot.logs().find((line) => line.msg === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
    expect(bot.stderr).toBe('');
  }, 30_000);

  it('checks the commands on restart and leaves them alone when unchanged: a GET and no PUT', async () => {
    const standin = await startStandin();
    const route = `/applications/${standin.applicationId}/guilds/${standin.guildId}/commands`;
    const calls = () =>
      standin.requests.filter((request) => request.path === route).map((request) => request.method);
    const first = BotProcess.start(standin);
    await first.ready();
    expect(calls()).toStrictEqual(['GET', 'PUT']);
    const registered = standin.commands(standin.guildId);
    expect((await first.stop('SIGTERM')).code).toBe(0);

    const second = BotProcess.start(standin);
    await second.ready();
    expect(calls()).toStrictEqual(['GET', 'PUT', 'GET']);
    expect(second.logs().find((line) => line.msg === 'commands checked')).toMatchObject({
      outcome: 'unchanged',
    });
    expect(standin.commands(standin.guildId)).toStrictEqual(registered);
    const reply = await standin
      .sendCommand({ name: 'podium', options: [option('event', '1000m')] })
      .response();
    expectPublicReply(reply);
    expect((await second.stop('SIGTERM')).code).toBe(0);
    standin.assertNoUnexpected();
  }, 40_000);

  it('serves an article added while running, and keeps serving the old version of one broken on disk', async () => {
    const standin = await startStandin();
    const seeds = mkdtempSync(join(tmpdir(), 'skate-e2e-seeds-'));
    tempDirs.push(seeds);
    cpSync(SEEDS_DIR, seeds, { recursive: true });
    const bot = BotProcess.start(standin, { seedsDir: seeds, watchSeeds: true });
    await bot.ready();
    const suggest = async (typed: string) =>
      choicesOf(
        await standin.sendAutocomplete({ name: 'podium', options: [typing('event', typed)] }).response(),
      ).map((choice) => choice.value);
    const reloaded = (from: number, check: (line: Record<string, unknown>) => boolean) =>
      bot.waitForLog((line) => line.msg === 'articles reloaded' && check(line), { from, timeoutMs: 10_000 });
    expect(await suggest('3000')).not.toContain('3000m-women-2026');

    let mark = bot.logs().length;
    // Copied in whole, as a deploy would: the watcher never sees half a file.
    copyFileSync(FIXTURE, join(seeds, '003_e2e_3000m-women.part'));
    renameSync(join(seeds, '003_e2e_3000m-women.part'), join(seeds, '003_e2e_3000m-women.txt'));
    await reloaded(mark, (line) => JSON.stringify(line['added']) === '["003_e2e_3000m-women.txt"]');
    expect((await suggest('3000'))[0]).toBe('3000m-women-2026');
    const added = standin.sendCommand({ name: 'podium', options: [option('event', '3000m-women-2026')] });
    const podium = await added.response();
    expectPublicReply(podium);
    expect(onlyEmbed(podium).description).toMatch(/^🥇 .*Ada Lindqvist/);
    await added.waitForEdit({ timeoutMs: 10_000 });

    // Half-way through an edit: the title line is gone, so the file no longer parses.
    mark = bot.logs().length;
    const original = readFileSync(join(seeds, MASS_START_MEN), 'utf8');
    writeFileSync(join(seeds, MASS_START_MEN), original.split('\n').slice(1).join('\n'));
    await reloaded(
      mark,
      (line) =>
        JSON.stringify(line['failed']) === JSON.stringify([{ file: MASS_START_MEN, keptPrevious: true }]),
    );
    expect((await suggest('mass-start-men'))[0]).toBe('mass-start-men-2026');
    const kept = standin.sendCommand({ name: 'podium', options: [option('event', 'mass-start-men')] });
    const old = await kept.response();
    expectPublicReply(old);
    expect(onlyEmbed(old).description).toMatch(/^🥇 .*Jorrit Bergsma.* NED .*\b68 pts/);
    // Its card too, before the bot is stopped below.
    await kept.waitForEdit({ timeoutMs: 10_000 });
    const status = await standin.sendCommand({ name: 'status', memberPermissions: MANAGER }).response();
    expectPrivateReply(status);
    expect(JSON.stringify(onlyEmbed(status))).toMatch(new RegExp(MASS_START_MEN.replace('.', '\\.')));

    expect((await bot.stop('SIGTERM')).code).toBe(0);
    expect(bot.logs().filter((line) => line.level >= 50)).toStrictEqual([]);
    standin.assertNoUnexpected();
  }, 40_000);
});

describe('secrets', () => {
  it('never writes the token to stdout or stderr, in any process started by this file', () => {
    expect(BotProcess.all.length).toBeGreaterThan(0);
    for (const bot of BotProcess.all) {
      expect(bot.stdout.length).toBeGreaterThan(0);
      const secret = bot.token.split('.').at(-1)!;
      expect(`${bot.stdout}${bot.stderr}`.includes(secret)).toBe(false);
    }
    for (const standin of standins) standin.assertNoUnexpected();
  });
});
