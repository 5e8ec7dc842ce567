import { ConfigError, loadConfig } from './config.js';
import type { Config } from './config.js';
import { createLogger } from './bot/logger.js';
import { loadCommands } from './bot/registry.js';
import { DataStore } from './load/store.js';

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
  // In the console, stdout belongs to the replies; logs go to stderr.
  const logger = createLogger(token ? config.LOG_LEVEL : 'warn', token ? [token] : [], token ? 1 : 2);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  const store = await DataStore.open(
    config.SEEDS_DIR,
    config.SNAPSHOT_DIR ? { snapshotDir: config.SNAPSHOT_DIR } : {},
  );
  for (const file of store.status().files) {
    for (const d of file.diagnostics) {
      const { source, line, column } = d.position;
      logger[d.severity === 'error' ? 'error' : 'warn'](`${source}:${line}:${column}: ${d.message}`);
    }
  }
  const commands = await loadCommands();

  if (!token) {
    const { startConsole } = await import('./console/repl.js');
    await startConsole({ store, commands, banner: summarise(store) });
    return;
  }
  logger.info(summarise(store));
  const { startBot } = await import('./bot/client.js');
  const stop = await startBot({ config: { ...config, DISCORD_TOKEN: token }, store, commands, logger });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(0), 4_000);
    force.unref();
    stop().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
