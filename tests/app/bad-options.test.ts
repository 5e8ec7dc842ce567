import { ApplicationCommandOptionType } from 'discord.js';
import type { APIApplicationCommandOption, APIEmbed } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/app/command.js';
import type { Context, Invocation } from '../../src/app/command.js';
import { toMessage } from '../../src/app/message.js';
import { loadCommands } from '../../src/app/registry.js';
import { DataStore } from '../../src/load/store.js';
import { renderUserError } from '../../src/render/errors.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import type { Reply } from '../../src/render/reply.js';
import { SEEDS_DIR, invoke, typing } from '../commands/factory.js';
import { fakeInteraction, gatewayDispatch } from '../hosts/gateway/fake-interaction.js';

const commands = await loadCommands();
const store = await DataStore.open(SEEDS_DIR);
const ctx: Context = {
  get data() {
    return store.data;
  },
  status: () => store.status(),
  reload: () => store.reload(),
};

/** Values that work for every option, so each case breaks exactly one option. */
const VALID: Record<string, Record<string, string | number>> = {
  athlete: { name: 'Sun Long' },
  compare: { a: 'Sun Long', b: 'Roberts Krūzbergs' },
  event: { event: 'mass-start-men' },
  heat: { event: '1000m', round: 'quarterfinal', n: 3 },
  podium: { event: 'mass-start-men' },
  results: { event: '1000m', round: 'quarterfinal' },
  search: { query: 'Bergsma' },
  help: {},
  medals: {},
  status: {},
  reload: {},
};

/** Per option, a value that matches more than one thing in the seeds. */
const AMBIGUOUS: Record<string, string> = { event: 'mass start', name: 'Kim', round: 'fin', query: 'Kim' };

/** Every class of bad text, as a user could type it (Discord checks max_length; the bot must not rely on it). */
const TEXT_CLASSES: Array<[what: string, value: (option: string) => string]> = [
  ['unknown', () => 'zzqx nothing like this'],
  ['ambiguous', (option) => AMBIGUOUS[option] ?? 'mass start'],
  ['empty', () => ''],
  ['whitespace', () => ' \t\u00a0 '],
  ['6000 characters', () => 'mass start '.repeat(546).slice(0, 6000)],
  ['bold markdown', () => '**bold** __under__'],
  ['a backtick', () => '`'],
  ['a code block', () => '```js\nalert(1)\n```'],
  ['a spoiler', () => '||spoiler||'],
  ['a block quote', () => '> quoted'],
  ['a heading', () => '# Big'],
  ['a masked link', () => '[click me](https://example.com)'],
  ['@everyone', () => '@everyone'],
  ['@here', () => '@here hello'],
  ['a user mention', () => '<@123456789012345678>'],
  ['a nickname mention', () => '<@!123456789012345678>'],
  ['a role mention', () => '<@&123>'],
  ['zero-width spaces', () => 'mass\u200Bstart\u200D'],
  ['a right-to-left override', () => '\u202Etrats ssam'],
  ['emoji', () => '⛸️🥇👨‍👩‍👧'],
  ['control characters', () => 'a\u0000b\u0007c\u001b[31md\u007f'],
  ['a lone surrogate', () => '\uD800zzqx\uDFFF'],
  ['line breaks', () => 'mass\nstart\r\n'],
];

const INTEGER_CLASSES: Array<[what: string, value: number | null]> = [
  ['zero', 0],
  ['negative', -1],
  ['over the option maximum', 100],
  ['a heat the round does not have', 5],
  ['2^31', 2 ** 31],
  ['the largest safe integer', Number.MAX_SAFE_INTEGER],
  ['missing', null],
];

interface Case {
  command: string;
  option: string;
  what: string;
  value: string | number | null;
  autocomplete: boolean;
  required: boolean;
}

function optionsOf(name: string): APIApplicationCommandOption[] {
  return commands.get(name)?.data.toJSON().options ?? [];
}

const CASES: Case[] = [...commands.keys()].flatMap((command) =>
  optionsOf(command).flatMap((option): Case[] => {
    const base = {
      command,
      option: option.name,
      autocomplete: 'autocomplete' in option && option.autocomplete === true,
      required: option.required === true,
    };
    if (option.type === ApplicationCommandOptionType.Integer)
      return INTEGER_CLASSES.map(([what, value]) => ({ ...base, what, value }));
    return TEXT_CLASSES.map(([what, value]) => ({ ...base, what, value: value(option.name) }));
  }),
);

/** What the user would see: the reply, or the private explanation of their mistake. */
async function answer(invocation: Invocation, command: string): Promise<{ reply: Reply; error: boolean }> {
  const module = commands.get(command)!;
  try {
    return { reply: await module.execute(invocation, ctx), error: false };
  } catch (error) {
    // Anything but a UserError would reach the user as "something went wrong": a bug.
    if (!(error instanceof UserError)) throw error;
    return { reply: renderUserError(error.message, error.suggestions), error: true };
  }
}

/** The text of a reply that Discord renders with markdown and mentions. */
function renderedTexts(reply: Reply): string[] {
  return [
    reply.content ?? '',
    ...(reply.embeds ?? []).flatMap((e) => [
      e.description ?? '',
      e.footer?.text ?? '',
      ...(e.fields ?? []).map((f) => f.value),
    ]),
  ];
}

/** Every text of a reply, including those Discord shows as plain text (titles, field names). */
function allTexts(reply: Reply): string[] {
  return [
    ...renderedTexts(reply),
    ...(reply.embeds ?? []).flatMap((e) => [
      e.title ?? '',
      e.author?.name ?? '',
      ...(e.fields ?? []).map((f) => f.name),
    ]),
  ];
}

/** Text with code spans and blocks removed: inside them Discord shows everything literally. */
function outsideCode(text: string): string {
  return text.replace(/```[^]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

const MENTION = /@everyone|@here|<@[!&]?\d+>/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const MARKDOWN_VALUE = /[*_`|~>#[\]]/;

/** The checks every answer to a bad value must pass. */
function expectSafeAnswer(reply: Reply, value: string | number | null): void {
  expect(checkReplyLimits(reply, { phoneWidth: false })).toStrictEqual([]);
  // The dispatcher sends every message with no mention parsing: nothing can ping whatever the text says.
  expect(toMessage(reply).allowedMentions).toStrictEqual({ parse: [] });
  for (const text of renderedTexts(reply)) {
    // And the text itself renders no mention: a typed one is shown inside code, literally.
    expect(outsideCode(text)).not.toMatch(MENTION);
    // A typed markdown value is shown escaped or inside code, never formatted.
    if (typeof value === 'string' && value.trim().length > 1 && MARKDOWN_VALUE.test(value))
      expect(outsideCode(text)).not.toContain(value.trim());
  }
  // What is sent has no right-to-left override: it would flip the rest of the line, code or not.
  const sent = toMessage(reply);
  const sentReply: Reply = { content: sent.content ?? '', embeds: sent.embeds };
  for (const text of allTexts(sentReply)) expect(text).not.toMatch(BIDI);
}

describe('every command against every class of bad option value', () => {
  it('has a valid value for every option of every command, so each case breaks one option only', () => {
    expect(
      Object.fromEntries([...commands.keys()].map((c) => [c, optionsOf(c).map((o) => o.name)])),
    ).toStrictEqual(
      Object.fromEntries(Object.entries(VALID).map(([c, values]) => [c, Object.keys(values)])).valueOf(),
    );
  });

  describe(`${CASES.length} inputs to execute, and as many to autocomplete`, () => {
    it.each(CASES)('/$command $option: $what', async ({ command, option, value, autocomplete, required }) => {
      const values = { ...VALID[command], [option]: value };
      // A hang fails on the test's timeout; speed is the benchmark's business, not this test's.
      const { reply, error } = await answer(invoke(values), command);
      expectSafeAnswer(reply, value);
      if (typeof value === 'string' && value.trim() === '' && required) {
        expect(error).toBe(true);
        expect(reply.embeds?.[0]?.description).toBe(`Please give a value for \`${option}\`.`);
      }
      // A mistake is explained privately; only /search (any words are a query) and /results without a
      // round (the whole event) answer publicly.
      if (error || !['search', 'results'].includes(command)) expect(reply.ephemeral).toBe(true);

      if (!autocomplete) return;
      const choices = commands.get(command)!.autocomplete!(typing(option, String(value ?? ''), values), ctx);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.name.length).toBeLessThanOrEqual(100);
        if (typeof choice.value === 'string') expect(choice.value.length).toBeLessThanOrEqual(100);
        else expect(Number.isInteger(choice.value)).toBe(true);
      }
    });
  });

  describe('commands without options, with junk where options would be', () => {
    it.each(
      [...commands.keys()]
        .filter((c) => optionsOf(c).length === 0)
        .flatMap((c) => [[c, false] as const, [c, true] as const]),
    )('/%s (admin: %s)', async (command, isAdmin) => {
      const { reply } = await answer(invoke({ event: '@everyone', n: -1 }, isAdmin), command);
      expectSafeAnswer(reply, null);
    });
  });
});

describe('the same inputs through the dispatcher', () => {
  const logged: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => logged.push(JSON.parse(line) as never) });
  // No defer however loaded the machine is: this asserts one reply per input, not how fast it comes.
  const dispatch = gatewayDispatch({ commands, context: ctx, logger, deferAfterMs: 60_000 });
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onRejection);
  });
  afterAll(() => {
    process.off('unhandledRejection', onRejection);
  });

  it(`answers all ${CASES.length} at once with one reply each, privately for every mistake, and logs no failure`, async () => {
    const runs = CASES.map((c) => ({
      c,
      ...fakeInteraction({ name: c.command, options: { ...VALID[c.command], [c.option]: c.value } }),
    }));
    await Promise.all(runs.map(({ interaction }) => dispatch(interaction)));
    for (const { c, calls } of runs) {
      expect(
        calls.map((call) => call.method),
        `/${c.command} ${c.option}: ${c.what}`,
      ).toStrictEqual(['reply']);
      const payload = calls[0]!.payload as { allowedMentions: unknown; flags?: number; embeds?: APIEmbed[] };
      expect(payload.allowedMentions).toStrictEqual({ parse: [] });
      if (!['search', 'results'].includes(c.command)) expect(payload.flags).toBe(MessageFlags.Ephemeral);
    }
    // Every bad value was the user's mistake (a UserError), never a handler failure or an apology.
    expect(logged).toStrictEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(rejections).toStrictEqual([]);
  });

  it('answers autocomplete for each of them with at most 25 choices', async () => {
    const runs = CASES.filter((c) => c.autocomplete).map((c) =>
      fakeInteraction({
        kind: 'autocomplete',
        name: c.command,
        options: { ...VALID[c.command], [c.option]: c.value },
        focused: { name: c.option, value: String(c.value ?? '') },
      }),
    );
    await Promise.all(runs.map(({ interaction }) => dispatch(interaction)));
    for (const { calls } of runs) {
      expect(calls.map((call) => call.method)).toStrictEqual(['respond']);
      expect((calls[0]!.payload as unknown[]).length).toBeLessThanOrEqual(25);
    }
    expect(logged).toStrictEqual([]);
  });
});
