import { ConfigError, loadConfig } from './config.js';
import type { Config } from './config.js';
import { loadCommands } from './app/registry.js';
import { DataStore } from './load/store.js';
import type { Logger } from 'pino';

function summarise(store: DataStore): string {
  const status = store.status();
  const errors = status.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error'));
  const warnings = status.files.flatMap((f) => f.diagnostics.filter((d) => d.severity === 'warning'));
  return `${status.events} events, ${status.athletes} skaters from ${status.files.length} files in ${status.dir} (${errors.length} errors, ${warnings.length} warnings)`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const token = config.DISCORD_TOKEN;
  const port = process.argv.includes('--check') ? undefined : config.INTERACTIONS_PORT;
  // The console and --check print to the terminal; only the bot needs structured logs, so pino loads only then.
  const logger =
    token || port !== undefined
      ? (await import('./logger.js')).createLogger(config.LOG_LEVEL, token ? [token] : [], 1)
      : null;
  const report = (level: 'error' | 'warn', message: string) =>
    logger ? logger[level](message) : console.error(message);
  const started = performance.now();
  process.on('unhandledRejection', (reason) =>
    logger
      ? logger.error({ err: reason }, 'unhandled rejection')
      : console.error('unhandled rejection', reason),
  );

  const load = async () => {
    const store = await DataStore.open(
      config.SEEDS_DIR,
      config.SNAPSHOT_DIR ? { snapshotDir: config.SNAPSHOT_DIR } : {},
    );
    for (const file of store.status().files) {
      for (const d of file.diagnostics) {
        const { source, line, column } = d.position;
        // In the console only errors are printed up front; /status lists every warning.
        if (logger || d.severity === 'error')
          report(d.severity === 'error' ? 'error' : 'warn', `${source}:${line}:${column}: ${d.message}`);
      }
    }
    const commands = await loadCommands();
    logger?.info({ ms: Math.round(performance.now() - started) }, summarise(store));
    return { store, commands };
  };

  // With INTERACTIONS_PORT the bot answers over HTTP and opens no gateway connection.
  if (port !== undefined && logger && config.DISCORD_PUBLIC_KEY) {
    const signals = stopOnSignals(logger);
    const { startHttpHost } = await import('./hosts/http/index.js');
    const stop = await startHttpHost({
      config: { ...config, INTERACTIONS_PORT: port, DISCORD_PUBLIC_KEY: config.DISCORD_PUBLIC_KEY },
      logger,
      load,
    });
    signals.attach(stop);
    return;
  }
  const { store, commands } = await load();

  // `--check`: load and validate everything the bot would serve, report, and exit (for operators and CI).
  if (process.argv.includes('--check')) {
    await import('./hosts/gateway/client.js');
    const failed = store.status().files.filter((f) => f.eventId === null).length;
    console.log(`ready: ${summarise(store)}; ${commands.size} commands`);
    process.exit(failed > 0 ? 1 : 0);
  }

  // Live updates from Wikipedia (WATCH_WIKIPEDIA); the importer is loaded only when something is watched.
  if (config.WATCH_WIKIPEDIA)
    (await import('./import/watch.js')).startWikipediaWatch(config, store, logger ?? undefined);

  if (!token || !logger) {
    const { startConsole } = await import('./hosts/console/repl.js');
    const { consoleLocale } = await import('./hosts/console/locale.js');
    const { locale } = consoleLocale(process.argv.slice(2), process.env);
    await startConsole({ store, commands, banner: summarise(store), locale });
    return;
  }
  const signals = stopOnSignals(logger);
  const { startBot } = await import('./hosts/gateway/client.js');
  const stop = await startBot({ config: { ...config, DISCORD_TOKEN: token }, store, commands, logger });
  signals.attach(stop);
}

/**
 * On SIGINT or SIGTERM: stop the host (it finishes what is in flight), then exit; at most 4 s. Listening
 * starts before the host does: the host logs "ready" before its start resolves, and a signal in between
 * would otherwise kill the process without a shutdown. Such a signal stops the host once it is attached.
 */
function stopOnSignals(logger: Logger): { attach(stop: () => Promise<void>): void } {
  let stopHost: (() => Promise<void>) | null = null;
  let stopping = false;
  const run = (stop: () => Promise<void>) =>
    stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(0), 4_000);
    force.unref();
    if (stopHost) void run(stopHost);
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return {
    attach(stop) {
      stopHost = stop;
      if (stopping) void run(stop);
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
