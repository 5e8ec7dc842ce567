import { UserError } from '../bot/command.js';
import type { CommandModule, Context } from '../bot/command.js';
import type { DataStore } from '../load/store.js';
import { renderApology, renderUserError } from '../render/errors.js';
import type { Reply, ReplyFile } from '../render/reply.js';
import { commandSpecs, optionReader, parseLine, splitLine } from './line.js';
import type { CommandSpec, LineSegment, OptionValue } from './line.js';
import { listButtons, renderReply, savePictures } from './render.js';
import type { RenderOptions } from './render.js';

/** What one line (or button press) produced: the reply, and how it reads in the terminal. */
export interface RunResult {
  output: string;
  isUserError: boolean;
  /** Something other than the user's mistake went wrong; it was logged and the reply is an apology. */
  failed: boolean;
  reply: Reply;
}

/** Completions in readline's shape: candidates for the text being typed, and that text. */
export type Completion = [candidates: string[], fragment: string];

export interface SessionOptions {
  commands: ReadonlyMap<string, CommandModule>;
  ctx: Context;
  render: Omit<RenderOptions, 'pictures'>;
  /** Where pictures are written; `./out/` by default. */
  pictureDir?: string;
  /** Saves a reply's pictures and says where each went; defaults to writing them to `pictureDir`. */
  savePictures?: (files: readonly ReplyFile[]) => Promise<ReadonlyMap<string, string>>;
  /** Where an unexpected error goes; the user only sees an apology. */
  logError?: (what: string, error: unknown) => void;
}

export interface ConsoleSession {
  readonly specs: ReadonlyMap<string, CommandSpec>;
  runLine(line: string): Promise<RunResult>;
  /** Presses button `index` (from 1) of the last reply that had buttons. */
  button(index: number): Promise<RunResult>;
  /** Presses the last paged reply's next or previous button. */
  turnPage(direction: 'next' | 'prev'): Promise<RunResult>;
  complete(line: string): Completion;
}

const PAGE_BUTTON = {
  next: /next|forward|[▶►→›»⏩]/i,
  prev: /prev|back|[◀◄←‹«⏪]/i,
};

/** A Context over a store: each request reads the dataset as it is at that moment. */
export function storeContext(store: DataStore): Context {
  return {
    get data() {
      return store.data;
    },
    status: () => store.status(),
    reload: () => store.reload(),
  };
}

function defaultLogError(what: string, error: unknown): void {
  console.error(`${what} failed:`, error);
}

/** What is already typed, for an autocomplete handler that depends on other options. */
function typedValues(segments: readonly LineSegment[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const { option, value } of segments) {
    const text = value.trim();
    if (option.kind === 'integer' || option.kind === 'number') {
      if (text !== '' && Number.isFinite(Number(text))) values[option.name] = Number(text);
    } else values[option.name] = text;
  }
  return values;
}

/**
 * The engine behind the interactive console and the one-shot `ask`: parses a line, runs the command
 * with the bot's dispatch rules (a UserError becomes a private error reply; anything else is logged
 * and answered with an apology), renders the reply, and keeps the last paged reply for its buttons.
 */
export function createSession(options: SessionOptions): ConsoleSession {
  const { commands, ctx } = options;
  const specs = commandSpecs(commands);
  const logError = options.logError ?? defaultLogError;
  const save =
    options.savePictures ?? ((files: readonly ReplyFile[]) => savePictures(files, options.pictureDir));
  let paged: Reply | null = null;

  async function show(
    reply: Reply,
    what: string,
    outcome: 'ok' | 'user-error' | 'failed',
  ): Promise<RunResult> {
    let pictures: ReadonlyMap<string, string> = new Map();
    try {
      pictures = await save(reply.files ?? []);
    } catch (error) {
      logError(`saving the pictures of ${what}`, error);
    }
    const output = renderReply(reply, { ...options.render, pictures });
    return { output, isUserError: outcome === 'user-error', failed: outcome === 'failed', reply };
  }

  /** The reply as the bot's message ends up: a terminal has no message to edit, so `later` is awaited. */
  async function finished(reply: Reply, what: string): Promise<Reply> {
    const { later, ...first } = reply;
    if (!later) return reply;
    try {
      return (await later()) ?? first;
    } catch (error) {
      // As in Discord: the text reply stands without its picture.
      logError(`the picture of ${what}`, error);
      return first;
    }
  }

  async function dispatch(what: string, run: () => Reply | Promise<Reply>): Promise<RunResult> {
    try {
      const reply = await finished(await run(), what);
      if (listButtons(reply).length > 0) paged = reply;
      return await show(reply, what, 'ok');
    } catch (error) {
      if (error instanceof UserError)
        return show(renderUserError(error.message, error.suggestions), what, 'user-error');
      logError(what, error);
      return show(renderApology(), what, 'failed');
    }
  }

  function press(index: number): Promise<RunResult> {
    return dispatch(`button ${index}`, () => {
      const buttons = paged ? listButtons(paged) : [];
      const button = buttons.find((b) => b.index === index);
      if (!button) {
        throw new UserError(
          buttons.length === 0
            ? 'There is no reply with buttons to press yet.'
            : `There is no button ${index}; they are numbered 1 to ${buttons.length}.`,
        );
      }
      if (button.url !== null) throw new UserError(`Button ${index} is a link: ${button.url}`);
      if (button.disabled || button.customId === null)
        throw new UserError(`Button ${index} (${button.label}) is switched off.`);
      const name = button.customId.split(':')[0] ?? '';
      const module = commands.get(name);
      if (!module?.button) throw new UserError('This button no longer works; run the command again.');
      return module.button(button.customId, ctx);
    });
  }

  function completeValue(spec: CommandSpec, segments: LineSegment[], line: string): Completion {
    const focused = segments.at(-1);
    if (!focused) return [[], ''];
    const { option } = focused;
    const fragment = line.slice(focused.valueStart);
    const typed = fragment.replace(/^["'“]/, '').trim();
    let values: string[] = [];
    if (option.choices.length > 0) {
      const lower = typed.toLowerCase();
      values = option.choices
        .filter(
          (c) => String(c.value).toLowerCase().startsWith(lower) || c.name.toLowerCase().startsWith(lower),
        )
        .map((c) => String(c.value));
    } else if (option.autocomplete) {
      const module = commands.get(spec.name);
      const invocation = {
        options: optionReader(typedValues(segments.slice(0, -1))),
        isAdmin: true,
        focused: { name: option.name, value: typed },
      };
      try {
        values = (module?.autocomplete?.(invocation, ctx) ?? []).map((c) => String(c.value));
      } catch (error) {
        logError(`autocomplete of /${spec.name} ${option.name}`, error);
      }
    }
    return [values.length === 1 ? [`${values[0] ?? ''} `] : values, fragment];
  }

  function complete(line: string): Completion {
    const split = splitLine(line, specs);
    if (split.argsStart === line.length) {
      const typed = split.commandName;
      const names = [...specs.keys()].filter((n) => n.startsWith(typed)).sort();
      return [names.map((n) => `/${n} `), line.trimStart()];
    }
    const { spec, segments } = split;
    if (!spec) return [[], ''];
    const word = /\S*$/.exec(line)?.[0] ?? '';
    const last = segments.at(-1);
    const wordStart = line.length - word.length;
    const afterValue = !last || (wordStart > last.valueStart && /\s/.test(line[wordStart - 1] ?? ''));
    if (afterValue && !word.includes(':') && (last !== undefined || !split.leading.includes(' '))) {
      const given = new Set(segments.map((s) => s.option.name));
      const names = spec.options.filter((o) => !given.has(o.name) && o.name.startsWith(word.toLowerCase()));
      if (names.length > 0 || !last) return [names.map((o) => `${o.name}:`), word];
    }
    return completeValue(spec, segments, line);
  }

  return {
    specs,
    runLine(line) {
      if (line.trim() === '')
        return Promise.resolve({ output: '', isUserError: false, failed: false, reply: {} });
      return dispatch(line.trim(), () => {
        const parsed = parseLine(line, specs);
        const module = commands.get(parsed.command);
        if (!module) throw new Error(`/${parsed.command} has a definition but no module`);
        return module.execute({ options: optionReader(parsed.values), isAdmin: true }, ctx);
      });
    },
    button: press,
    turnPage(direction) {
      const buttons = paged ? listButtons(paged) : [];
      const button = buttons.find((b) => PAGE_BUTTON[direction].test(`${b.label} ${b.customId ?? ''}`));
      if (!button || button.disabled) {
        const why = !button
          ? 'The last reply has no pages to turn.'
          : `This is the ${direction === 'next' ? 'last' : 'first'} page.`;
        return dispatch(direction, () => {
          throw new UserError(why);
        });
      }
      return press(button.index);
    },
    complete,
  };
}
