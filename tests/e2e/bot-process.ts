// The bot as a user runs it (`npm start`): `node --enable-source-maps dist/bundle/main.js` in the project root, configured by environment
// variables only, with its stdout and stderr captured for the tests to read, and ended when the test process dies.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { DiscordStandin } from './standin.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'seeds');
export const COMMANDS_DIR = join(ROOT, 'commands');
export const MAIN = join(ROOT, 'dist', 'bundle', 'main.js');
const SOURCE_DIRS = ['src', 'commands'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ when it is missing or older than the sources, so the e2e tests also run without
 * `npm test` building first. tsc emits despite type errors elsewhere (someone else's half-done file):
 * then the errors are printed and the tests go on with what was emitted.
 */
export function ensureBuilt(): void {
  const newest = Math.max(...SOURCE_DIRS.map((dir) => newestSource(join(ROOT, dir))));
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newest) return;
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    const output = `${build.stdout}${build.stderr}`.trim();
    if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < newest) {
      throw new Error(`npm run build failed and left no fresh ${MAIN}:\n${output}`);
    }
    console.warn(`npm run build reported errors; testing what it emitted:\n${output}`);
  }
}

export interface WaitOptions {
  timeoutMs?: number;
}

/** Polls `probe` until it returns a value, or fails after `timeoutMs` saying what it waited for. */
export async function pollFor<T>(
  probe: () => T | undefined,
  describe: () => string,
  { timeoutMs = 5_000 }: WaitOptions = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** One line of the bot's pino output. */
export interface LogLine {
  level: number;
  msg?: string;
  [field: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Since the stop signal was sent, when the exit came from {@link BotProcess.stop}. */
  ms: number;
}

/** The preload that ends a child whose parent has gone (see exit-with-parent.js). */
export const EXIT_WITH_PARENT = join(ROOT, 'tests', 'e2e', 'exit-with-parent.js');

/**
 * Starts `node <args>` with its stdin a pipe from this process and the preload that ends it when the pipe
 * closes: a test process that dies leaves no bot behind. stdout and stderr are piped for the caller.
 */
export function spawnWithParent(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): ChildProcess {
  return spawn(process.execPath, ['--import', pathToFileURL(EXIT_WITH_PARENT).href, ...args], {
    ...options,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export interface BotProcessOptions {
  seedsDir?: string;
  watchSeeds?: boolean;
  logLevel?: 'info' | 'debug';
  /** More variables, set last (e.g. WATCH_WIKIPEDIA, SHARD_COUNT and SHARD_IDS; an empty value unsets one). */
  env?: Record<string, string>;
}

export class BotProcess {
  /** Every process started by this module, for the token check and for cleaning up after a failure. */
  static readonly all: BotProcess[] = [];

  stdout = '';
  stderr = '';
  exit: Exit | undefined;
  private readonly child: ChildProcess;
  private stopSentAt: number | undefined;

  private constructor(
    /** The token it logs in with, to check its output never shows it. */
    readonly token: string,
    env: NodeJS.ProcessEnv,
  ) {
    this.child = spawnWithParent(['--enable-source-maps', MAIN], { cwd: ROOT, env });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    let exitedAt = 0;
    this.child.on('exit', () => (exitedAt = performance.now()));
    // 'close' comes after 'exit' once stdout and stderr are drained: the captured output is complete.
    this.child.on('close', (code, signal) => {
      this.exit = { code, signal, ms: exitedAt - (this.stopSentAt ?? exitedAt) };
    });
  }

  /** Starts the bundled bot against the stand-in; the environment is the only configuration. */
  static start(standin: DiscordStandin, options: BotProcessOptions = {}): BotProcess {
    // Nothing from the caller's environment may point the bot somewhere else.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) =>
          !/^(DISCORD_|SEEDS_DIR|SNAPSHOT_DIR|LOG_LEVEL|WATCH_|WIKIPEDIA_|SHARD|INTERACTIONS_PORT|METRICS_PORT|LISTEN_HOST|NODE_OPTIONS)/.test(
            key,
          ),
      ),
    );
    const bot = new BotProcess(standin.token, {
      ...inherited,
      DISCORD_TOKEN: standin.token,
      DISCORD_CLIENT_ID: standin.applicationId,
      DISCORD_GUILD_ID: standin.guildId,
      DISCORD_API_BASE: standin.apiBase,
      SEEDS_DIR: options.seedsDir ?? SEEDS_DIR,
      SNAPSHOT_DIR: 'off',
      LOG_LEVEL: options.logLevel ?? 'info',
      WATCH_SEEDS: options.watchSeeds ? 'true' : 'false',
      ...options.env,
    });
    BotProcess.all.push(bot);
    return bot;
  }

  /** The JSON log lines written so far; anything else on stdout is kept in `stdout` only. */
  logs(): LogLine[] {
    return this.stdout.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  }

  /** Resolves with the first log line since line `from` that matches. */
  waitForLog(predicate: (line: LogLine) => boolean, options: WaitOptions & { from?: number } = {}) {
    return pollFor(
      () => {
        if (this.exit) throw new Error(`the bot exited (${JSON.stringify(this.exit)}):\n${this.output()}`);
        return this.logs()
          .slice(options.from ?? 0)
          .find(predicate);
      },
      () => `a matching log line; the bot wrote:\n${this.output()}`,
      options,
    );
  }

  /** Waits for the bot's "ready" line: logged in, commands checked, watching seeds when asked to. */
  ready(options: WaitOptions = {}): Promise<LogLine> {
    return this.waitForLog((line) => line.msg === 'ready', { timeoutMs: 15_000, ...options });
  }

  output(): string {
    return `--- stdout\n${this.stdout}--- stderr\n${this.stderr}`;
  }

  /** Sends `signal` and resolves with the exit, or fails when the process outlives `timeoutMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', options: WaitOptions = {}): Promise<Exit> {
    if (this.exit) return this.exit;
    this.stopSentAt = performance.now();
    this.child.kill(signal);
    return pollFor(
      () => this.exit,
      () => `the bot to exit after ${signal}`,
      { timeoutMs: 10_000, ...options },
    );
  }

  /** For afterAll: ends the process however it is doing, and waits until it has gone. */
  async kill(): Promise<void> {
    if (this.exit) return;
    this.child.kill('SIGKILL');
    await pollFor(
      () => this.exit,
      () => 'the bot to exit after SIGKILL',
    );
  }
}
