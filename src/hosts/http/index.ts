// The HTTP host: listens first (so /healthz can say "loading"), loads the articles, then answers. With a
// token it also checks the registered commands at start, as the gateway host does; every replica may.
import { REST } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { CommandModule } from '../../bot/command.js';
import { contextFor } from '../../bot/client.js';
import { commandBodies, syncCommands } from '../../bot/sync.js';
import type { DataStore } from '../../load/store.js';
import { processMetrics } from '../../metrics.js';
import { setDrawerLog, stopDrawing } from '../../pictures/drawer.js';
import type { App } from '../../app/types.js';
import { addLegacyPicture, createLegacyApp } from './legacy-app.js';
import { createInteractionsServer } from './server.js';
import { importPublicKey } from './verify.js';

export interface HttpHostOptions {
  config: Config & { INTERACTIONS_PORT: number; DISCORD_PUBLIC_KEY: string };
  logger: Logger;
  /** Loads the articles and the commands (the slow part, done once the port is open). */
  load: () => Promise<{ store: DataStore; commands: ReadonlyMap<string, CommandModule> }>;
}

/** Serves the interactions endpoint; resolves to a stop function once the articles are loaded. */
export async function startHttpHost({ config, logger, load }: HttpHostOptions): Promise<() => Promise<void>> {
  const metrics = processMetrics();
  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE } : {});
  let app: App | null = null;
  const host = createInteractionsServer({
    publicKey: importPublicKey(config.DISCORD_PUBLIC_KEY),
    app: () => app,
    addPicture: addLegacyPicture,
    rest,
    logger,
    metrics,
  });
  const port = await host.listen(config.INTERACTIONS_PORT, config.LISTEN_HOST);
  logger.info({ port, host: config.LISTEN_HOST }, 'listening');

  const { store, commands } = await load();
  setDrawerLog(logger);
  const showLoaded = () => metrics.setArticles(store.data.articles.length, new Date());
  showLoaded();
  if (config.DISCORD_TOKEN && config.DISCORD_CLIENT_ID) {
    try {
      rest.setToken(config.DISCORD_TOKEN);
      const outcome = await syncCommands(
        rest,
        config.DISCORD_CLIENT_ID,
        config.DISCORD_GUILD_ID,
        commandBodies(commands),
      );
      logger.info({ outcome, scope: config.DISCORD_GUILD_ID ? 'guild' : 'global' }, 'commands checked');
    } catch (error) {
      logger.error({ err: error }, 'could not register commands; the bot serves what is registered');
    }
  }
  const stopWatching = config.WATCH_SEEDS
    ? store.watch((report) => {
        if (report instanceof Error) return logger.error({ err: report }, 'reload failed');
        showLoaded();
        logger.info({ ...report, at: report.at.toISOString() }, 'articles reloaded');
      })
    : () => undefined;
  app = createLegacyApp(commands, contextFor(store), logger);
  logger.info({ port, events: store.data.articles.length }, 'ready');
  return async () => {
    stopWatching();
    await host.close();
    await stopDrawing();
  };
}
