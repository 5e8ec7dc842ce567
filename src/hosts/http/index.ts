// The HTTP host: listens first (so /healthz can say "loading"), loads the articles, then answers. With a
// token it also checks the registered commands at start, as the gateway host does; every replica may.
import { REST } from 'discord.js';
import type { Logger } from 'pino';
import { createApp } from '../../app/app.js';
import type { CommandModule } from '../../app/command.js';
import { storeContext } from '../../app/context.js';
import { withPicture } from '../../app/message.js';
import type { App } from '../../app/types.js';
import type { Config } from '../../config.js';
import type { DataStore } from '../../load/store.js';
import { processMetrics } from '../../metrics.js';
import { createPictures } from '../../pictures/service.js';
import { commandBodies, syncCommands } from '../sync.js';
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
  const pictures = createPictures({ log: logger });
  let app: App | null = null;
  const host = createInteractionsServer({
    publicKey: importPublicKey(config.DISCORD_PUBLIC_KEY),
    app: () => app,
    addPicture: async (message, job) => {
      const png = await pictures.draw(job);
      return png && withPicture(message, job, png);
    },
    rest,
    logger,
    metrics,
  });
  const port = await host.listen(config.INTERACTIONS_PORT, config.LISTEN_HOST);
  logger.info({ port, host: config.LISTEN_HOST }, 'listening');

  const { store, commands } = await load();
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
  app = createApp({ commands, context: storeContext(store), logger, pictures });
  logger.info({ port, events: store.data.articles.length }, 'ready');
  return async () => {
    stopWatching();
    // Answers and picture edits in flight finish first; the picture workers stop after them.
    await host.close();
    await pictures.stop(0);
  };
}
