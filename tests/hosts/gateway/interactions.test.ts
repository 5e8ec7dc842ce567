import { MessageFlags, SlashCommandBuilder } from 'discord.js';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/app/command.js';
import type { Choice, CommandModule, Context } from '../../../src/app/command.js';
import { renderApology } from '../../../src/render/errors.js';
import type { Reply } from '../../../src/render/reply.js';
import type { PictureJob } from '../../../src/pictures/requests.js';
import { Dataset } from '../../../src/domain/index.js';
import { fakeInteraction, gatewayDispatch } from './fake-interaction.js';
import type { Call, FakeOptions, Method } from './fake-interaction.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits, a timer tick at a time so pending promise callbacks run, until `done` holds; fails after 2 s. */
async function until(done: () => boolean): Promise<void> {
  for (const started = Date.now(); !done(); await sleep(1)) {
    if (Date.now() - started > 2_000) throw new Error('timed out waiting');
  }
}

function command(name: string, parts: Partial<CommandModule>): CommandModule {
  return {
    data: new SlashCommandBuilder().setName(name).setDescription('test command'),
    execute: () => ({ content: `${name} ran` }),
    ...parts,
  };
}

const adminRuns: string[] = [];
function gate(): { promise: Promise<void>; resolve(): void } {
  let resolve = () => undefined as void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}
let pictureGate = gate();
const job = (name: string): PictureJob => ({
  key: name,
  name,
  description: 'the card',
  request: { kind: 'times', input: { title: '', subtitle: '', rows: [] } },
});
const DEFER_AFTER_MS = 50;
const SLOW_MS = 150;
const HANDLER_TIMEOUT_MS = 400;

// Each command is healthy or carries one injected fault.
const COMMANDS = new Map<string, CommandModule>(
  [
    command('echo', {
      execute: (invocation) => ({ content: `echo ${invocation.options.getString('text') ?? ''}` }),
      autocomplete: ({ focused }) => [{ name: `typed ${focused.value}`, value: focused.value }],
      button: (customId) => ({ content: `pressed ${customId}` }),
    }),
    command('boom', {
      execute: () => {
        throw new TypeError('injected: cannot read properties of undefined');
      },
    }),
    command('reject', { execute: () => Promise.reject(new Error('injected: async failure')) }),
    command('throw-string', {
      execute: () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a library may throw anything
        throw 'injected: not an Error';
      },
    }),
    command('too-long', { execute: () => ({ content: 'x'.repeat(2001) }) }),
    command('slow', {
      execute: async () => {
        await sleep(SLOW_MS);
        return { content: 'slow answer' };
      },
    }),
    command('slow-private', {
      execute: async () => {
        await sleep(SLOW_MS);
        return { content: 'slow private answer', ephemeral: true };
      },
    }),
    command('slow-user-error', {
      execute: async () => {
        await sleep(SLOW_MS);
        throw new UserError('No event matches `x`.');
      },
    }),
    command('slow-crash', {
      execute: async () => {
        await sleep(SLOW_MS);
        throw new Error('injected: failed late');
      },
    }),
    command('hang', { execute: () => new Promise<Reply>(() => undefined) }),
    command('slow-button', {
      button: async (customId) => {
        await sleep(SLOW_MS);
        return { content: `slowly pressed ${customId}` };
      },
    }),
    command('slow-button-gone', {
      button: async () => {
        await sleep(SLOW_MS);
        throw new UserError('These results are no longer loaded; run `/results` again.');
      },
    }),
    command('ac-throws', {
      autocomplete: () => {
        throw new Error('injected: autocomplete failed');
      },
    }),
    command('ac-many', {
      autocomplete: () =>
        Array.from({ length: 30 }, (_, i): Choice => ({
          name: `${i} ${'n'.repeat(150)}`,
          value: 'v'.repeat(150),
        })),
    }),
    command('button-boom', {
      button: () => {
        throw new Error('injected: button failed');
      },
    }),
    // Text first, picture later; `gate` holds the picture back until a test lets it through.
    command('picture', {
      execute: () => ({ embeds: [{ title: 'Podium' }], picture: job('card.png') }),
      button: (customId) => ({ content: `page ${customId}` }),
    }),
    command('picture-fails', { execute: () => ({ content: 'text', picture: job('fails.png') }) }),
    command('picture-none', { execute: () => ({ content: 'text', picture: job('none.png') }) }),
    command('admin', {
      adminOnly: true,
      execute: () => {
        adminRuns.push('admin');
        return { content: 'admin only', ephemeral: true };
      },
    }),
  ].map((c) => [c.data.name, c]),
);

const context: Context = {
  data: new Dataset([]),
  status: () => {
    throw new Error('status() was not expected');
  },
  reload: () => Promise.reject(new Error('reload() was not expected')),
};

interface LogRecord {
  level: number;
  msg: string;
  err?: { message?: string };
}
const logs: LogRecord[] = [];
const logger = pino(
  { level: 'debug' },
  {
    write: (line: string) => {
      logs.push(JSON.parse(line) as LogRecord);
    },
  },
);
/** The drawing service: `card.png` waits for the gate, `fails.png` fails, `none.png` gives nothing. */
const pictures = {
  cached: () => undefined,
  draw: async ({ name }: PictureJob) => {
    if (name === 'fails.png') throw new Error('injected: canvas failed');
    if (name === 'none.png') return null;
    await pictureGate.promise;
    return Buffer.from('png');
  },
};
const dispatch = gatewayDispatch({
  commands: COMMANDS,
  context,
  logger,
  pictures,
  deferAfterMs: DEFER_AFTER_MS,
  handlerTimeoutMs: HANDLER_TIMEOUT_MS,
});

const ERROR = 50;
const WARN = 40;
const APOLOGY = renderApology().embeds?.[0]?.description;
const EPHEMERAL = MessageFlags.Ephemeral;

/** The payload of the one call to `method`. */
function payloadOf(calls: Call[], method: Method): Record<string, unknown> {
  const found = calls.filter((c) => c.method === method);
  expect(found).toHaveLength(1);
  return found[0]!.payload as Record<string, unknown>;
}

function descriptionOf(payload: Record<string, unknown>): string | undefined {
  return (payload.embeds as Reply['embeds'])?.[0]?.description;
}

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onRejection);
});
afterAll(() => {
  process.off('unhandledRejection', onRejection);
});
afterEach(async () => {
  // A rejection nobody handled surfaces after the microtasks of the test have run.
  await new Promise((resolve) => setImmediate(resolve));
  expect(rejections).toStrictEqual([]);
  logs.length = 0;
});

/** After any fault, the same dispatcher still answers an ordinary command at once. */
async function expectStillServing(): Promise<void> {
  const { interaction, calls } = fakeInteraction({ name: 'echo', options: { text: 'again' } });
  await dispatch(interaction);
  expect(calls.map((c) => c.method)).toStrictEqual(['reply']);
  expect(payloadOf(calls, 'reply').content).toBe('echo again');
}

interface Fault {
  what: string;
  interaction: FakeOptions;
  calls: Method[];
  /** What the user sees: the description or content of the last message call, and whether it is private. */
  says?: string;
  private?: boolean;
  log?: { level: number; msg: string; err?: string };
}

/** Every fault injected, with what the user must see and what must be logged. */
const FAULTS: Fault[] = [
  {
    what: 'a handler throws',
    interaction: { name: 'boom' },
    calls: ['reply'],
    says: APOLOGY,
    private: true,
    log: { level: ERROR, msg: 'handler failed', err: 'injected: cannot read properties of undefined' },
  },
  {
    what: 'a handler rejects',
    interaction: { name: 'reject' },
    calls: ['reply'],
    says: APOLOGY,
    private: true,
    log: { level: ERROR, msg: 'handler failed', err: 'injected: async failure' },
  },
  {
    what: 'a handler throws a string',
    interaction: { name: 'throw-string' },
    calls: ['reply'],
    says: APOLOGY,
    private: true,
    log: { level: ERROR, msg: 'handler failed' },
  },
  {
    what: 'a handler returns a reply over Discord limits',
    interaction: { name: 'too-long' },
    calls: ['reply'],
    says: APOLOGY,
    private: true,
    log: { level: ERROR, msg: 'reply breaks Discord limits' },
  },
  {
    what: 'the command is not one of this bot (stale registration)',
    interaction: { name: 'gone' },
    calls: ['reply'],
    says: '`/gone` is not a command of this bot any more. Try `/help`.',
    private: true,
  },
  {
    what: 'a handler is slow: defer first, then edit the deferred reply',
    interaction: { name: 'slow' },
    calls: ['deferReply', 'editReply'],
    says: 'slow answer',
    private: false,
  },
  {
    what: 'a slow handler answers privately: the public deferral is replaced by a private follow-up',
    interaction: { name: 'slow-private' },
    calls: ['deferReply', 'deleteReply', 'followUp'],
    says: 'slow private answer',
    private: true,
  },
  {
    what: 'a slow handler ends in a UserError',
    interaction: { name: 'slow-user-error' },
    calls: ['deferReply', 'deleteReply', 'followUp'],
    says: 'No event matches `x`.',
    private: true,
  },
  {
    what: 'a slow handler crashes',
    interaction: { name: 'slow-crash' },
    calls: ['deferReply', 'deleteReply', 'followUp'],
    says: APOLOGY,
    private: true,
    log: { level: ERROR, msg: 'handler failed', err: 'injected: failed late' },
  },
  {
    what: 'a handler never finishes: an apology once its time is up',
    interaction: { name: 'hang' },
    calls: ['deferReply', 'deleteReply', 'followUp'],
    says: APOLOGY,
    private: true,
    log: {
      level: ERROR,
      msg: 'handler failed',
      err: `handler did not finish within ${HANDLER_TIMEOUT_MS} ms`,
    },
  },
  {
    what: 'the deferral is refused (network): the answer still goes out as a reply',
    interaction: { name: 'slow', failing: ['deferReply'] },
    calls: ['deferReply', 'reply'],
    says: 'slow answer',
    private: false,
    log: { level: WARN, msg: 'defer failed', err: 'Unknown interaction' },
  },
  {
    what: 'the interaction expired: reply rejects',
    interaction: { name: 'echo', options: { text: 'late' }, failing: ['reply'] },
    calls: ['reply'],
    says: 'echo late',
    private: false,
    log: { level: ERROR, msg: 'could not answer interaction', err: 'Unknown interaction' },
  },
  {
    what: 'the deferred reply cannot be edited',
    interaction: { name: 'slow', failing: ['editReply'] },
    calls: ['deferReply', 'editReply'],
    says: 'slow answer',
    private: false,
    log: { level: ERROR, msg: 'could not answer interaction', err: 'Unknown interaction' },
  },
  {
    what: 'the deferral cannot be deleted: the private follow-up still goes out',
    interaction: { name: 'slow-user-error', failing: ['deleteReply'] },
    calls: ['deferReply', 'deleteReply', 'followUp'],
    says: 'No event matches `x`.',
    private: true,
  },
  {
    what: 'the private follow-up is refused',
    interaction: { name: 'slow-user-error', failing: ['followUp'] },
    calls: ['deferReply', 'deleteReply', 'followUp'],
    says: 'No event matches `x`.',
    private: true,
    log: { level: ERROR, msg: 'could not answer interaction', err: 'Unknown interaction' },
  },
  {
    what: 'autocomplete throws: no suggestions rather than an error',
    interaction: { kind: 'autocomplete', name: 'ac-throws' },
    calls: ['respond'],
    log: { level: ERROR, msg: 'autocomplete failed', err: 'injected: autocomplete failed' },
  },
  {
    what: 'autocomplete for a command that has none',
    interaction: { kind: 'autocomplete', name: 'gone' },
    calls: ['respond'],
  },
  {
    what: 'autocomplete cannot respond',
    interaction: { kind: 'autocomplete', name: 'echo', failing: ['respond'] },
    calls: ['respond'],
    log: { level: ERROR, msg: 'could not answer interaction', err: 'Unknown interaction' },
  },
  {
    what: 'a button handler throws',
    interaction: { kind: 'button', name: 'button-boom' },
    calls: ['reply'],
    says: APOLOGY,
    private: true,
    log: { level: ERROR, msg: 'handler failed', err: 'injected: button failed' },
  },
  {
    what: 'a button of a command that no longer has buttons',
    interaction: { kind: 'button', name: 'boom' },
    calls: ['reply'],
    says: 'This button no longer works; run the command again.',
    private: true,
  },
  {
    what: 'a button handler is slow: defer the update, then edit the message',
    interaction: { kind: 'button', name: 'slow-button' },
    calls: ['deferUpdate', 'editReply'],
    says: 'slowly pressed slow-button:1',
    private: false,
  },
  {
    what: 'a slow button handler ends in a UserError: a private follow-up, the message left alone',
    interaction: { kind: 'button', name: 'slow-button-gone' },
    calls: ['deferUpdate', 'followUp'],
    says: 'These results are no longer loaded; run `/results` again.',
    private: true,
  },
  {
    what: 'a button press cannot update its message',
    interaction: { kind: 'button', name: 'echo', failing: ['update'] },
    calls: ['update'],
    says: 'pressed echo:1',
    private: false,
    log: { level: ERROR, msg: 'could not answer interaction', err: 'Unknown interaction' },
  },
];

describe('hosts/gateway/interactions', () => {
  describe('createInteractionHandler', () => {
    describe(`${FAULTS.length} injected faults: the user gets an answer and the bot keeps serving`, () => {
      it.each(FAULTS)('$what', async (fault) => {
        const { interaction, calls } = fakeInteraction(fault.interaction);
        await expect(dispatch(interaction)).resolves.toBeUndefined();
        expect(calls.map((c) => c.method)).toStrictEqual(fault.calls);
        const last = calls.at(-1)!;
        const payload = last.payload as Record<string, unknown>;
        if (fault.says !== undefined) {
          expect(descriptionOf(payload) ?? payload.content).toBe(fault.says);
          // Nothing the bot sends can ping anyone, whatever the handler put in it.
          expect(payload.allowedMentions).toStrictEqual({ parse: [] });
          expect(payload.flags).toBe(fault.private && last.method !== 'editReply' ? EPHEMERAL : undefined);
        }
        const logged = logs.filter((l) => l.level >= WARN);
        if (fault.log) {
          expect(logged).toHaveLength(1);
          expect(logged[0]).toMatchObject({ level: fault.log.level, msg: fault.log.msg });
          if (fault.log.err) expect(logged[0]?.err?.message).toBe(fault.log.err);
        } else {
          expect(logged).toStrictEqual([]);
        }
        await expectStillServing();
      });
    });

    it('defers before a slow handler finishes, not before the deadline', async () => {
      const { interaction, calls } = fakeInteraction({ name: 'slow' });
      await dispatch(interaction);
      const [defer, edit] = calls;
      expect([defer?.method, edit?.method]).toStrictEqual(['deferReply', 'editReply']);
      // Not at once (a fast answer needs no deferral) and, being a timer of 50 ms, well before the
      // handler's 150; no upper bound, which a busy machine could stretch.
      expect(defer!.ms).toBeGreaterThanOrEqual(DEFER_AFTER_MS - 5);
      expect(edit!.ms).toBeGreaterThanOrEqual(SLOW_MS - 5);
    });

    it('answers a fast handler with one reply and never defers', async () => {
      const { interaction, calls } = fakeInteraction({ name: 'echo', options: { text: 'hi' } });
      await dispatch(interaction);
      await sleep(DEFER_AFTER_MS * 2);
      expect(calls.map((c) => c.method)).toStrictEqual(['reply']);
    });

    it('cuts autocomplete to 25 choices with names and values of at most 100 characters', async () => {
      const { interaction, calls } = fakeInteraction({ kind: 'autocomplete', name: 'ac-many' });
      await dispatch(interaction);
      const choices = calls[0]?.payload as Choice[];
      expect(choices).toHaveLength(25);
      expect(choices.every((c) => String(c.name).length === 100 && String(c.value).length === 100)).toBe(
        true,
      );
    });

    it('responds with no choices when autocomplete throws', async () => {
      const { interaction, calls } = fakeInteraction({ kind: 'autocomplete', name: 'ac-throws' });
      await dispatch(interaction);
      expect(calls[0]?.payload).toStrictEqual([]);
    });

    describe('admin-only commands', () => {
      it.each([
        ['a member', false],
        ['a DM, where there is no member', null],
      ] as const)('refuses %s privately, without running the handler', async (_, admin) => {
        adminRuns.length = 0;
        const { interaction, calls } = fakeInteraction({ name: 'admin', admin });
        await dispatch(interaction);
        const payload = payloadOf(calls, 'reply');
        expect(descriptionOf(payload)).toBe('This command is for server managers only.');
        expect(payload.flags).toBe(EPHEMERAL);
        expect(adminRuns).toStrictEqual([]);
        await expectStillServing();
      });

      it('runs for a member with Manage Server', async () => {
        adminRuns.length = 0;
        const { interaction, calls } = fakeInteraction({ name: 'admin', admin: true });
        await dispatch(interaction);
        expect(payloadOf(calls, 'reply')).toMatchObject({ content: 'admin only', flags: EPHEMERAL });
        expect(adminRuns).toStrictEqual(['admin']);
      });
    });

    it('serves healthy interactions while every fault happens at once', async () => {
      const faults = FAULTS.map((fault) => fakeInteraction(fault.interaction));
      const healthy = Array.from({ length: 20 }, (_, i) =>
        fakeInteraction({ name: 'echo', options: { text: String(i) } }),
      );
      await Promise.all([...faults, ...healthy].map(({ interaction }) => dispatch(interaction)));
      expect(
        healthy.map(({ calls }) => calls.map((c) => [c.method, (c.payload as Reply).content])),
      ).toStrictEqual(healthy.map((_, i) => [['reply', `echo ${i}`]]));
      expect(faults.map(({ calls }) => calls.map((c) => c.method))).toStrictEqual(FAULTS.map((f) => f.calls));
    });

    describe('text first, picture later', () => {
      afterEach(() => {
        pictureGate = gate();
      });

      it('replies with the text at once, then edits the reply to add the picture', async () => {
        pictureGate.resolve();
        const { interaction, calls } = fakeInteraction({ name: 'picture' });
        await dispatch(interaction);
        expect(calls.map((c) => c.method)).toStrictEqual(['reply', 'editReply']);
        const first = payloadOf(calls, 'reply');
        expect(first.files).toStrictEqual([]);
        expect(first.embeds).toStrictEqual([{ title: 'Podium' }]);
        const edit = payloadOf(calls, 'editReply') as { files: { name: string }[]; embeds: unknown[] };
        expect(edit.files.map((f) => f.name)).toStrictEqual(['card.png']);
        expect(edit.embeds).toStrictEqual([{ title: 'Podium', image: { url: 'attachment://card.png' } }]);
        const handled = logs.find((l) => l.msg === 'handled') as LogRecord & { ms: number; replyMs: number };
        expect(handled.replyMs).toBeLessThanOrEqual(handled.ms);
      });

      it('does not hold the text reply back while the picture is drawn', async () => {
        const { interaction, calls } = fakeInteraction({ name: 'picture' });
        const done = dispatch(interaction);
        await until(() => calls.length > 0);
        expect(calls.map((c) => c.method)).toStrictEqual(['reply']);
        pictureGate.resolve();
        await done;
        expect(calls.map((c) => c.method)).toStrictEqual(['reply', 'editReply']);
      });

      it.each([
        ['fails', 'picture-fails', { level: ERROR, msg: 'late edit failed; the first reply stays' }],
        ['gives nothing', 'picture-none', undefined],
      ] as const)('keeps the text reply when the picture %s', async (_, name, log) => {
        const { interaction, calls } = fakeInteraction({ name });
        await dispatch(interaction);
        expect(calls.map((c) => c.method)).toStrictEqual(['reply']);
        expect(payloadOf(calls, 'reply').content).toBe('text');
        const logged = logs.filter((l) => l.level >= WARN);
        expect(logged).toStrictEqual(log ? [expect.objectContaining(log)] : []);
        await expectStillServing();
      });

      it.each([
        ['drops a late picture for the message a button has changed since', 'command-1', ['reply'], true],
        [
          'still attaches the picture when a button is pressed on another message',
          'command-other',
          ['reply', 'editReply'],
          false,
        ],
      ] as const)('%s', async (_, madeBy, methods, dropped) => {
        const command = fakeInteraction({ name: 'picture', id: 'command-1' });
        const done = dispatch(command.interaction);
        // The press comes after the text reply is out and while the picture is still being drawn.
        await until(() => command.calls.length > 0);
        const press = fakeInteraction({
          kind: 'button',
          id: 'button-1',
          customId: 'picture:2',
          message: { id: 'message-1', madeBy },
        });
        await dispatch(press.interaction);
        expect(press.calls.map((c) => c.method)).toStrictEqual(['update']);
        pictureGate.resolve();
        await done;
        expect(command.calls.map((c) => c.method)).toStrictEqual(methods);
        expect(logs.some((l) => l.msg === 'late edit dropped: the message changed meanwhile')).toBe(dropped);
      });
    });
  });
});
