import { createApp } from '../../app/app.js';
import type { AppLog } from '../../app/app.js';
import { UserError } from '../../app/command.js';
import type { CommandModule, Context } from '../../app/command.js';
import { apologyMessage, userErrorMessage, withPicture } from '../../app/message.js';
import type { AppRequest, Caller, Message, MessageFile } from '../../app/types.js';
import { createPictures } from '../../pictures/service.js';
import type { Pictures } from '../../pictures/service.js';
import { commandSpecs, optionReader, parseLine, splitLine } from './line.js';
import type { CommandSpec, LineSegment, OptionValue } from './line.js';
import { listButtons, renderReply, savePictures } from './render.js';
import type { RenderOptions } from './render.js';
import { langFor } from '../../i18n/lang.js';

/** What one line (or button press) produced: the message, and how it reads in the terminal. */
export interface RunResult {
  output: string;
  isUserError: boolean;
  /** Something other than the user's mistake went wrong; it was logged and the reply is an apology. */
  failed: boolean;
  reply: Message;
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
  savePictures?: (files: readonly MessageFile[]) => Promise<ReadonlyMap<string, string>>;
  /** Where an unexpected error goes; the user only sees an apology. */
  logError?: (what: string, error: unknown) => void;
  pictures?: Pictures;
  /** The Discord locale tag the replies are written in; `en-US` by default. */
  locale?: string;
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

const PAGE_BUTTON = { next: /next|forward|[▶►→›»⏩]/i, prev: /prev|back|[◀◄←‹«⏪]/i };

const nothing = (): Message => ({
  content: '',
  embeds: [],
  components: [],
  files: [],
  ephemeral: false,
  allowedMentions: { parse: [] },
});

function defaultLogError(what: string, error: unknown): void {
  console.error(`${what} failed:`, error);
}

/** What is already typed, for an autocomplete handler that depends on other options. */
function typedValues(segments: readonly LineSegment[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const { option, value } of segments) {
    const text = value.trim();
    if (option.kind !== 'integer' && option.kind !== 'number') values[option.name] = text;
    else if (text !== '' && Number.isFinite(Number(text))) values[option.name] = Number(text);
  }
  return values;
}

/**
 * The console host, behind the interactive prompt and the one-shot `ask`: a typed line or a button
 * number becomes a request to the core; its outcome is printed, its picture awaited and saved.
 */
export function createSession(options: SessionOptions): ConsoleSession {
  const { commands, ctx } = options;
  const specs = commandSpecs(commands);
  // The person at the terminal runs the bot, so every command is theirs to use.
  const CALLER: Caller = { userId: 'console', isAdmin: true, locale: options.locale ?? 'en-US' };
  const lang = langFor(CALLER.locale);
  const logError = options.logError ?? defaultLogError;
  const what = (f: Record<string, unknown>) =>
    typeof f.button === 'string' ? `button ${f.button}` : `/${String(f.command)}`;
  const report = (fields: object, message: string) => {
    const f = fields as Record<string, unknown>;
    logError(what(f), f.err ?? new Error(`${message}: ${JSON.stringify(f.problems ?? f)}`));
  };
  const logger: AppLog = { error: report, warn: report };
  const pictures = options.pictures ?? createPictures({ log: { debug: () => undefined, error: report } });
  const app = createApp({ commands, context: ctx, logger, pictures });
  const save =
    options.savePictures ?? ((files: readonly MessageFile[]) => savePictures(files, options.pictureDir));
  let paged: Message | null = null;

  async function show(reply: Message, error?: 'user' | 'internal'): Promise<RunResult> {
    let saved: ReadonlyMap<string, string> = new Map();
    try {
      saved = await save(reply.files);
    } catch (failure) {
      logError('saving the pictures', failure);
    }
    const output = renderReply(reply, { ...options.render, pictures: saved });
    return { output, isUserError: error === 'user', failed: error === 'internal', reply };
  }

  /** A request to the core; a terminal has no message to edit later, so the picture is awaited. */
  async function ask(request: () => AppRequest): Promise<RunResult> {
    let built: AppRequest;
    try {
      built = request();
    } catch (error) {
      if (error instanceof UserError) return show(userErrorMessage(error, lang), 'user');
      logError('reading the line', error);
      return show(apologyMessage(lang), 'internal');
    }
    const outcome = await app.handle(built);
    if (outcome.kind === 'choices') return show(nothing());
    let { message } = outcome;
    const png = outcome.picture ? await pictures.draw(outcome.picture) : null;
    if (outcome.picture && png) message = withPicture(message, outcome.picture, png);
    if (listButtons(message).length > 0) paged = message;
    return show(message, outcome.error);
  }

  function press(index: number): Promise<RunResult> {
    return ask(() => {
      const buttons = paged ? listButtons(paged) : [];
      const button = buttons.find((b) => b.index === index);
      if (!button)
        throw new UserError(
          buttons.length === 0
            ? 'There is no reply with buttons to press yet.'
            : `There is no button ${index}; they are numbered 1 to ${buttons.length}.`,
        );
      if (button.url !== null) throw new UserError(`Button ${index} is a link: ${button.url}`);
      if (button.disabled || button.customId === null)
        throw new UserError(`Button ${index} (${button.label}) is switched off.`);
      return { kind: 'component', customId: button.customId, caller: CALLER };
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
      const options = optionReader(typedValues(segments.slice(0, -1)));
      const focus = { name: option.name, value: typed };
      const request = {
        kind: 'autocomplete',
        command: spec.name,
        options,
        focused: focus,
        caller: CALLER,
      } as const;
      values = app.choices(request).map((c) => String(c.value));
    }
    return [values.length === 1 ? [`${values[0] ?? ''} `] : values, fragment];
  }

  function complete(line: string): Completion {
    const split = splitLine(line, specs);
    if (split.argsStart === line.length) {
      const names = [...specs.keys()].filter((n) => n.startsWith(split.commandName)).sort();
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
      if (line.trim() === '') return show(nothing());
      return ask(() => {
        const parsed = parseLine(line, specs);
        return {
          kind: 'command',
          command: parsed.command,
          options: optionReader(parsed.values),
          caller: CALLER,
        };
      });
    },
    button: press,
    turnPage(direction) {
      const buttons = paged ? listButtons(paged) : [];
      const button = buttons.find((b) => PAGE_BUTTON[direction].test(`${b.label} ${b.customId ?? ''}`));
      if (button && !button.disabled) return press(button.index);
      const why = !button
        ? 'The last reply has no pages to turn.'
        : `This is the ${direction === 'next' ? 'last' : 'first'} page.`;
      return ask(() => {
        throw new UserError(why);
      });
    },
    complete,
  };
}
