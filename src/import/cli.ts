// `npm run import -- <what>...`: Wikipedia results articles -> files the bot serves (see README, "Adding articles").
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, parseConfig } from '../config.js';
import type { Config } from '../config.js';
import { FetchError, WikipediaClient } from './fetch.js';
import type { RetryNotice } from './fetch.js';
import { InputError, readInput } from './input.js';
import { eventLinks } from './links.js';
import { describeOutcome, importPage } from './pipeline.js';
import type { ImportOutcome } from './pipeline.js';
import type { SourcePage } from './types.js';
import { fileNameFor } from './write.js';

const USAGE = `Usage: npm run import -- [options] <what>...

<what> is an article title, a Wikipedia URL, or a saved file: an action=parse JSON answer,
a saved HTML page, or a bare HTML fragment (then --title names the article).

Options:
  --all <overview>   import every event article linked from an overview article (title, URL or file)
  --out <dir>        write here instead of SEEDS_DIR
  --title <title>    the article a bare HTML fragment comes from
  -h, --help         this text

Exits non-zero when an article was refused or could not be fetched.`;

export interface CliIo {
  env: Record<string, string | undefined>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Whether `out` is a terminal: then progress is drawn on one line that is rewritten. */
  isTTY: boolean;
  /** Client settings for tests (short timeouts and backoff); etiquette limits stay enforced. */
  client?: { timeoutMs?: number; baseDelayMs?: number; maxDelayMs?: number; retries?: number };
}

/** Progress: on a terminal one status line, rewritten; otherwise a plain line per event. */
class Progress {
  private done = 0;
  private total = 0;
  private readonly active = new Set<string>();
  private waiting: string | null = null;

  constructor(private readonly io: CliIo) {}

  addTotal(n: number): void {
    this.total += n;
    this.draw();
  }

  start(title: string): void {
    this.active.add(title);
    if (!this.io.isTTY) this.io.out.write(`fetching ${title}\n`);
    this.draw();
  }

  retry(notice: RetryNotice): void {
    const seconds = (notice.waitMs / 1000).toFixed(notice.waitMs < 10_000 ? 1 : 0);
    this.waiting = `waiting ${seconds} s (${notice.reason}) before retry ${notice.attempt} of ${notice.title}`;
    if (!this.io.isTTY) this.io.out.write(`${this.waiting}\n`);
    this.draw();
  }

  finish(title: string, lines: string[]): void {
    this.active.delete(title);
    this.done++;
    this.waiting = null;
    this.clear();
    this.io.out.write(`${lines.join('\n')}\n`);
    this.draw();
  }

  /** A line of its own, above the status line. */
  say(line: string): void {
    this.clear();
    this.io.out.write(`${line}\n`);
    this.draw();
  }

  clear(): void {
    if (this.io.isTTY) this.io.out.write('\r\x1b[K');
  }

  private draw(): void {
    if (!this.io.isTTY || this.total === 0) return;
    const now = [...this.active][0];
    const text = `[${this.done}/${this.total}] ${this.waiting ?? (now ? `fetching ${now}` : '')}`;
    const width = (this.io.out as { columns?: number }).columns ?? 100;
    this.io.out.write(`\r\x1b[K${text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text}`);
  }
}

/** Runs the importer; resolves to the exit code. */
export async function runImport(argv: string[], io: CliIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  const parse = (list: string[]) =>
    parseArgs({
      args: list,
      allowPositionals: true,
      options: {
        all: { type: 'string', multiple: true },
        out: { type: 'string' },
        title: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    args = parse(argv);
  } catch (error) {
    io.err.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const overviews = args.values.all ?? [];
  if (args.values.help || (args.positionals.length === 0 && overviews.length === 0)) {
    (args.values.help ? io.out : io.err).write(`${USAGE}\n`);
    return args.values.help ? 0 : 2;
  }
  let config: Config;
  try {
    config = parseConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err.write(`${error.message}\n`);
    return 2;
  }
  const dir = args.values.out ?? config.SEEDS_DIR;
  const progress = new Progress(io);
  const client = new WikipediaClient({
    api: config.WIKIPEDIA_API,
    contact: config.WIKIPEDIA_CONTACT,
    ...io.client,
    onRetry: (notice) => progress.retry(notice),
  });
  let noted = false;
  const fetchPage = (title: string, options?: { expectEvent?: boolean }) => {
    if (!config.WIKIPEDIA_CONTACT && !noted) {
      noted = true;
      progress.clear();
      io.err.write(
        'note: set WIKIPEDIA_CONTACT (an email or URL) so Wikimedia can reach whoever runs this bot\n',
      );
    }
    return client.parsePage(title, options);
  };

  const outcomes: ImportOutcome[] = [];
  const record = (outcome: ImportOutcome) => {
    outcomes.push(outcome);
    progress.finish(outcome.title, describeOutcome(outcome));
  };
  const failed = (title: string, problem: string): ImportOutcome => ({
    kind: 'failed',
    title,
    revid: null,
    file: fileNameFor(title),
    problems: [problem],
  });

  const jobs: Array<() => Promise<void>> = [];
  const importOne = async (what: string, title?: string) => {
    let page: SourcePage;
    const label = what;
    try {
      const input = await readInput(what, title);
      if (input.kind === 'page') page = input.page;
      else {
        progress.start(input.title);
        page = await fetchPage(input.title);
      }
    } catch (error) {
      if (!(error instanceof FetchError) && !(error instanceof InputError)) throw error;
      record(failed(error instanceof FetchError ? error.title : label, error.message));
      return;
    }
    record(await importPage(page, dir));
  };

  progress.addTotal(args.positionals.length);
  for (const what of args.positionals) jobs.push(() => importOne(what, args.values.title));
  for (const overview of overviews) {
    jobs.push(async () => {
      let page: SourcePage;
      try {
        const input = await readInput(overview, args.values.title);
        page = input.kind === 'page' ? input.page : await fetchPage(input.title, { expectEvent: false });
      } catch (error) {
        if (!(error instanceof FetchError) && !(error instanceof InputError)) throw error;
        progress.addTotal(1);
        record(failed(overview, error.message));
        return;
      }
      const titles = eventLinks(page.html, page.title);
      progress.say(`${page.title}: ${titles.length} event articles linked`);
      if (titles.length === 0) {
        progress.addTotal(1);
        record(failed(page.title, `${page.title}: links to no event article`));
        return;
      }
      progress.addTotal(titles.length);
      // The client keeps at most three in flight; starting them together lets it.
      await Promise.all(titles.map((title) => importOne(title)));
    });
  }
  await Promise.all(jobs.map((job) => job()));
  progress.clear();

  const count = (kind: ImportOutcome['kind']) => outcomes.filter((o) => o.kind === kind).length;
  const bad = outcomes.filter((o) => o.kind === 'refused' || o.kind === 'failed');
  io.out.write(
    `\nSummary: ${count('imported')} imported, ${count('updated')} updated, ${count('unchanged')} unchanged, ` +
      `${count('refused')} refused, ${count('failed')} failed (into ${dir})\n`,
  );
  for (const o of bad) io.out.write(`  ${o.kind}: ${o.title}: ${(o.problems[0] ?? '').split('\n')[0]}\n`);
  return bad.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    // Validates .env like the bot does; the values come from process.env after that.
    loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
  }
  runImport(process.argv.slice(2), {
    env: process.env,
    out: process.stdout,
    err: process.stderr,
    isTTY: process.stdout.isTTY === true,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
