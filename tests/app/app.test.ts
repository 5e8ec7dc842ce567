import { SlashCommandBuilder } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/app.js';
import type { CommandModule } from '../../src/app/command.js';
import { storeContext } from '../../src/app/context.js';
import { loadCommands } from '../../src/app/registry.js';
import type { AppRequest, Caller, Message, Outcome } from '../../src/app/types.js';
import { DataStore } from '../../src/load/store.js';
import type { PictureJob } from '../../src/pictures/requests.js';
import type { Reply } from '../../src/render/reply.js';
import { SEEDS_DIR, invoke } from '../commands/factory.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DEFER_AFTER_MS = 40;
const HANDLER_TIMEOUT_MS = 250;

function command(name: string, parts: Partial<CommandModule>): CommandModule {
  return {
    data: new SlashCommandBuilder().setName(name).setDescription('test command'),
    execute: () => ({ content: `${name} ran` }),
    ...parts,
  };
}

/** A picture job as commands make them; only `key` and `name` matter to the core. */
const job = (key: string): PictureJob => ({
  key,
  name: `${key}.png`,
  description: 'a picture',
  request: { kind: 'times', input: { title: '', subtitle: '', rows: [] } },
});

// The real commands over the seeds, and beside them commands that each carry one fault.
const commands = await loadCommands();
const FAULTY: CommandModule[] = [
  command('boom', {
    execute: () => {
      throw new TypeError('injected: cannot read properties of undefined');
    },
    button: () => {
      throw new Error('injected: button failed');
    },
    autocomplete: () => {
      throw new Error('injected: autocomplete failed');
    },
  }),
  command('slow', {
    execute: async () => {
      await sleep(DEFER_AFTER_MS * 3);
      return { content: 'slow answer' };
    },
  }),
  command('hang', { execute: () => new Promise<Reply>(() => undefined) }),
  command('too-long', { execute: () => ({ content: 'x'.repeat(2001) }) }),
  command('echo', {
    execute: (invocation) => ({ content: `echo ${invocation.options.getString('text') ?? ''} <@123>` }),
    autocomplete: () =>
      Array.from({ length: 30 }, (_, i) => ({ name: `${i} ${'n'.repeat(150)}`, value: 'v'.repeat(150) })),
  }),
  command('cached', { execute: () => ({ embeds: [{ title: 'Card' }], picture: job('drawn-before') }) }),
];
for (const faulty of FAULTY) commands.set(faulty.data.name, faulty);

const store = await DataStore.open(SEEDS_DIR);
const logs: Array<{ message: string; fields: Record<string, unknown> }> = [];
const log = (fields: object, message: string) =>
  logs.push({ message, fields: fields as Record<string, unknown> });
const CACHED = Buffer.from('png drawn before');
const app = createApp({
  commands,
  context: storeContext(store),
  logger: { error: log, warn: log },
  pictures: { cached: (key) => (key === 'drawn-before' ? CACHED : undefined) },
  deferAfterMs: DEFER_AFTER_MS,
  handlerTimeoutMs: HANDLER_TIMEOUT_MS,
});

const MEMBER: Caller = { userId: 'member', isAdmin: false, locale: 'en-GB' };
const MANAGER: Caller = { ...MEMBER, userId: 'manager', isAdmin: true };
const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

function ask(name: string, values: Record<string, string | number> = {}, caller = MEMBER): AppRequest {
  return { kind: 'command', command: name, options: invoke(values).options, caller };
}

function messageOf(outcome: Outcome): Message {
  if (outcome.kind === 'choices') throw new Error('expected a message');
  return outcome.message;
}

/** What a test compares: the kind, whether it is private, its first line, the error class and the picture. */
function summary(outcome: Outcome) {
  if (outcome.kind === 'choices') throw new Error('expected a message');
  const { message } = outcome;
  const embed = message.embeds[0];
  return {
    kind: outcome.kind,
    ephemeral: message.ephemeral,
    first: (embed?.title ?? embed?.description ?? message.content).split('\n')[0],
    error: outcome.error ?? null,
    picture: outcome.picture?.name ?? null,
  };
}

afterEach(() => {
  logs.length = 0;
});

describe('app/app', () => {
  describe('createApp().handle: every command', () => {
    it.each<[string, Record<string, string | number>, Caller, ReturnType<typeof summary>]>([
      [
        'podium',
        { event: 'mass-start-men' },
        MEMBER,
        {
          kind: 'reply',
          ephemeral: false,
          first: "Podium · Men's mass start · 2026 Winter Olympics",
          error: null,
          picture: 'podium-mass-start-men-2026.png',
        },
      ],
      [
        'heat',
        { event: '1000m', round: 'quarterfinal', n: 3 },
        MEMBER,
        {
          kind: 'reply',
          ephemeral: false,
          first: "Short track · Men's 1000 metres · 2026 Winter Olympics",
          error: null,
          picture: 'short-track-1000m-men-2026-quarterfinal-3.png',
        },
      ],
      [
        'event',
        { event: '1000m' },
        MEMBER,
        {
          kind: 'reply',
          ephemeral: false,
          first: "Short track · Men's 1000 metres · 2026 Winter Olympics",
          error: null,
          picture: null,
        },
      ],
      [
        'results',
        { event: '1000m', round: 'quarterfinal' },
        MEMBER,
        {
          kind: 'reply',
          ephemeral: false,
          first: "Quarterfinals · Short track · Men's 1000 metres · 2026 Winter Olympics",
          error: null,
          picture: null,
        },
      ],
      [
        'athlete',
        { name: 'Sun Long' },
        MEMBER,
        { kind: 'reply', ephemeral: false, first: 'Sun Long', error: null, picture: null },
      ],
      [
        'search',
        { query: 'Sun Long' },
        MEMBER,
        { kind: 'reply', ephemeral: false, first: 'Search · Sun Long', error: null, picture: null },
      ],
      [
        'medals',
        {},
        MEMBER,
        {
          kind: 'reply',
          ephemeral: false,
          first: 'Medal table · 2026 Winter Olympics',
          error: null,
          picture: null,
        },
      ],
      [
        'help',
        {},
        MEMBER,
        {
          kind: 'reply',
          ephemeral: true,
          first: 'Olympic speed-skating results',
          error: null,
          picture: null,
        },
      ],
      [
        'status',
        {},
        MANAGER,
        { kind: 'reply', ephemeral: true, first: 'Status', error: null, picture: null },
      ],
      [
        'reload',
        {},
        MANAGER,
        { kind: 'reply', ephemeral: true, first: 'Reloaded: nothing changed', error: null, picture: null },
      ],
    ])('/%s %j', async (name, values, caller, expected) => {
      const outcome = await app.handle(ask(name, values, caller));
      expect(summary(outcome)).toStrictEqual(expected);
      expect(messageOf(outcome).allowedMentions).toStrictEqual({ parse: [] });
      expect(logs).toStrictEqual([]);
    });
  });

  describe('createApp().handle: every class of error', () => {
    it.each<[string, AppRequest, string, 'user' | 'internal', string | null]>([
      [
        'an option value that matches nothing, with suggestions',
        ask('podium', { event: 'nonexistent' }),
        'No event matches `nonexistent`.',
        'user',
        null,
      ],
      [
        'an admin-only command run by a member',
        ask('status', {}, MEMBER),
        'This command is for server managers only.',
        'user',
        null,
      ],
      [
        'a command this bot no longer has',
        ask('gone'),
        '`/gone` is not a command of this bot any more. Try `/help`.',
        'user',
        null,
      ],
      ['a handler that throws', ask('boom'), APOLOGY, 'internal', 'handler failed'],
      ['a handler that never finishes', ask('hang'), APOLOGY, 'internal', 'handler failed'],
      ['a reply over Discord limits', ask('too-long'), APOLOGY, 'internal', 'reply breaks Discord limits'],
      [
        'a button whose command is gone',
        { kind: 'component', customId: 'nope:1', caller: MEMBER },
        'This button no longer works; run the command again.',
        'user',
        null,
      ],
      [
        'a results button for data no longer loaded',
        { kind: 'component', customId: 'results:gone:*:2', caller: MEMBER },
        'These results are no longer loaded; run `/results` again.',
        'user',
        null,
      ],
      [
        'a button whose handler throws',
        { kind: 'component', customId: 'boom:1', caller: MEMBER },
        APOLOGY,
        'internal',
        'handler failed',
      ],
    ])('%s', async (_, request, says, error, logged) => {
      const outcome = await app.handle(request);
      const message = messageOf(outcome);
      expect(outcome).toMatchObject({ kind: 'reply', error, message: { ephemeral: true } });
      expect(message.embeds[0]?.description).toBe(says);
      expect(logs.map((l) => l.message)).toStrictEqual(logged ? [logged] : []);
    });

    it('lists the closest matches with a user error', async () => {
      const message = messageOf(await app.handle(ask('podium', { event: 'mass-start' })));
      expect(message.embeds[0]?.fields?.[0]?.name).toBe('Did you mean');
      expect(message.embeds[0]?.fields?.[0]?.value.split('\n')).toStrictEqual([
        "• `mass-start-men-2026` — 2026 · Men's mass start (speed skating)",
        "• `mass-start-women-2026` — 2026 · Women's mass start (speed skating)",
      ]);
    });
  });

  describe('createApp().handle: timing', () => {
    it('has the host defer a slow handler once, and answers when the handler does', async () => {
      const defers: number[] = [];
      const started = performance.now();
      const outcome = await app.handle(ask('slow'), {
        defer: () => {
          defers.push(performance.now() - started);
          return Promise.resolve();
        },
      });
      expect(messageOf(outcome).content).toBe('slow answer');
      expect(defers).toHaveLength(1);
      expect(defers[0]).toBeGreaterThanOrEqual(DEFER_AFTER_MS - 5);
    });

    it('never defers a fast handler', async () => {
      let deferred = false;
      await app.handle(ask('podium', { event: '1000m' }), {
        defer: () => {
          deferred = true;
          return Promise.resolve();
        },
      });
      await sleep(DEFER_AFTER_MS * 2);
      expect(deferred).toBe(false);
    });

    it('logs a failed deferral and still answers', async () => {
      const outcome = await app.handle(ask('slow'), { defer: () => Promise.reject(new Error('expired')) });
      expect(messageOf(outcome).content).toBe('slow answer');
      expect(logs.map((l) => l.message)).toStrictEqual(['defer failed']);
    });
  });

  describe('createApp().handle: what every message is', () => {
    it('strips bidi controls and switches mentions off', async () => {
      const message = messageOf(await app.handle(ask('echo', { text: 'a\u202eb\u2066c' })));
      expect(message.content).toBe('echo abc <@123>');
      expect(message.allowedMentions).toStrictEqual({ parse: [] });
    });

    it('attaches a picture drawn before at once, leaving nothing to draw', async () => {
      const outcome = await app.handle(ask('cached'));
      expect(outcome).toMatchObject({ kind: 'reply' });
      expect(outcome.kind !== 'choices' && outcome.picture).toBeFalsy();
      const message = messageOf(outcome);
      expect(message.embeds).toStrictEqual([
        { title: 'Card', image: { url: 'attachment://drawn-before.png' } },
      ]);
      expect(message.files).toStrictEqual([
        { name: 'drawn-before.png', data: CACHED, description: 'a picture' },
      ]);
    });
  });

  describe('createApp().handle: buttons', () => {
    it('turns a /results page in place, from the id the core gave the button', async () => {
      const first = messageOf(await app.handle(ask('results', { event: '1000m' })));
      const next = first.components[0]?.components.find((c) => 'label' in c && c.label === 'Next ▶');
      const customId = next && 'custom_id' in next ? next.custom_id : '';
      expect(customId).toBe('results:short-track-1000m-men-2026:*:2');
      const outcome = await app.handle({ kind: 'component', customId, caller: MEMBER });
      expect(outcome.kind).toBe('update');
      expect(messageOf(outcome).components[0]?.components[1]).toMatchObject({ label: 'Page 2 of 4' });
    });
  });

  describe('createApp().handle and choices: autocomplete', () => {
    const typing = (name: string, focused: string, value: string, values: Record<string, string> = {}) =>
      ({
        kind: 'autocomplete',
        command: name,
        options: invoke(values).options,
        focused: { name: focused, value },
        caller: MEMBER,
      }) as const;

    it.each<[string, string, string, Record<string, string>, string]>([
      ['podium', 'event', 'mass', {}, 'mass-start-men-2026'],
      ['event', 'event', '1000', {}, 'short-track-1000m-men-2026'],
      ['heat', 'event', 'mass', {}, 'mass-start-women-2026'],
      ['heat', 'round', 'quar', { event: '1000m' }, 'quarterfinal'],
      ['results', 'round', 'semi', { event: '1000m' }, 'semifinal'],
      ['athlete', 'name', 'Sun L', {}, 'long-sun'],
    ])('/%s %s:%s', async (name, focused, value, values, offered) => {
      const outcome = await app.handle(typing(name, focused, value, values));
      expect(outcome.kind).toBe('choices');
      const choices = outcome.kind === 'choices' ? outcome.choices : [];
      expect(choices.map((c) => c.value)).toContain(offered);
      expect(app.choices(typing(name, focused, value, values))).toStrictEqual(choices);
    });

    it('offers heat numbers of the round chosen', () => {
      const choices = app.choices(typing('heat', 'n', '', { event: '1000m', round: 'quarterfinal' }));
      expect(choices.map((c) => c.value)).toStrictEqual([1, 2, 3, 4]);
    });

    it('cuts to 25 choices with names and values of at most 100 characters', () => {
      const choices = app.choices(typing('echo', 'text', ''));
      expect(choices).toHaveLength(25);
      expect(choices.every((c) => c.name.length === 100 && String(c.value).length === 100)).toBe(true);
    });

    it('answers nothing, and logs, when autocomplete throws', async () => {
      expect(await app.handle(typing('boom', 'text', 'x'))).toStrictEqual({ kind: 'choices', choices: [] });
      expect(logs.map((l) => l.message)).toStrictEqual(['autocomplete failed']);
    });

    it('answers nothing for a command without autocomplete, or one that is gone', () => {
      expect(app.choices(typing('medals', 'x', ''))).toStrictEqual([]);
      expect(app.choices(typing('gone', 'x', ''))).toStrictEqual([]);
      expect(logs).toStrictEqual([]);
    });
  });
});
