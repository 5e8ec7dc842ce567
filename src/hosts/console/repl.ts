import { createInterface } from 'node:readline';
import type { CommandModule } from '../../app/command.js';
import type { DataStore } from '../../load/store.js';
import { shouldColor } from './render.js';
import { storeContext } from '../../app/context.js';
import { createSession } from './session.js';
import type { ConsoleSession, RunResult } from './session.js';

export interface ConsoleOptions {
  store: DataStore;
  commands: ReadonlyMap<string, CommandModule>;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean };
  /** Defaults to colour on a TTY unless NO_COLOR is set (FORCE_COLOR wins). */
  color?: boolean;
  /** Where pictures are written; `./out/` by default. */
  pictureDir?: string;
  /** What is loaded, in one line; by default counted from the store. */
  banner?: string;
  /** The Discord locale tag replies are written in (`--locale` or LANG); `en-US` by default. */
  locale?: string;
}

const QUIT = new Set(['/quit', '/exit', 'quit', 'exit']);
const NEXT = new Set(['next', 'n']);
const PREV = new Set(['prev', 'p']);

/** What is loaded and how to start, in two lines. */
export function renderBanner(
  store: DataStore,
  commands: ReadonlyMap<string, unknown>,
  loaded?: string,
): string {
  const status = store.status();
  const diagnostics = status.files.flatMap((f) => f.diagnostics);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const failed = status.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).length;
  const counts = [`${status.events} event${status.events === 1 ? '' : 's'}`, `${status.athletes} skaters`];
  const notes = [`${warnings} warning${warnings === 1 ? '' : 's'}`];
  if (failed > 0)
    notes.push(
      `${failed} file${failed === 1 ? '' : 's'} not loaded${commands.has('status') ? ', see /status' : ''}`,
    );
  const example =
    store.data.events.resolve('mass-start-men').kind === 'found'
      ? 'mass-start-men'
      : store.data.articles[0]?.id;
  const tries = [
    commands.has('help') ? '/help' : `commands: ${[...commands.keys()].map((n) => `/${n}`).join(' ')}`,
  ];
  if (example !== undefined && commands.has('podium')) tries.push(`/podium event:${example}`);
  return [
    `Skate console · ${loaded ?? `${counts.join(', ')} from ${status.dir} (${notes.join('; ')})`}`,
    `Try ${tries.join(' or ')}. TAB completes, next/prev turn pages, /quit leaves.`,
  ].join('\n');
}

function runTyped(session: ConsoleSession, line: string): Promise<RunResult> {
  const word = line.toLowerCase();
  if (NEXT.has(word)) return session.turnPage('next');
  if (PREV.has(word)) return session.turnPage('prev');
  if (/^\d+$/.test(word)) return session.button(Number(word));
  return session.runLine(line);
}

/** The interactive console: the bot's commands typed at a `skate> ` prompt, replies printed in the terminal. */
export async function startConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const color = options.color ?? shouldColor(output, process.env);
  const session = createSession({
    commands: options.commands,
    ctx: storeContext(options.store),
    render: { color, locale: options.locale },
    pictureDir: options.pictureDir,
    locale: options.locale,
  });
  const rl = createInterface({
    input,
    output,
    prompt: 'skate> ',
    historySize: 500,
    removeHistoryDuplicates: true,
    completer: (line: string) => session.complete(line),
  });
  rl.on('SIGINT', () => {
    if (rl.line === '') rl.close();
    else {
      rl.write(null, { ctrl: true, name: 'u' });
      output.write('\n');
      rl.prompt();
    }
  });
  output.write(`${renderBanner(options.store, options.commands, options.banner)}\n`);
  rl.prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line !== '') {
      const result = await runTyped(session, line);
      output.write(`${result.output}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}
