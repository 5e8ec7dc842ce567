import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import { createApp } from '../../app/app.js';
import type { CommandModule } from '../../app/command.js';
import { storeContext } from '../../app/context.js';
import type { Config } from '../../config.js';
import type { DataStore } from '../../load/store.js';
import { processMetrics } from '../../metrics.js';
import { STOP_GRACE_MS, createPictures } from '../../pictures/service.js';
import { startStatusServer } from '../status.js';
import { commandBodies, createRest, syncCommands } from '../sync.js';
import { createInteractionHandler } from './interactions.js';
import { forgetShardEnv, shardClientOptions } from './shard-plan.js';
import { ShardTracker } from './shards.js';

export interface BotOptions {
  config: Config & { DISCORD_TOKEN: string };
  store: DataStore;
  commands: ReadonlyMap<string, CommandModule>;
  logger: Logger;
}

/** Logs in, registers commands when they changed, serves interactions; resolves to a stop function. */
export async function startBot({
  config,
  store,
  commands,
  logger,
}: BotOptions): Promise<() => Promise<void>> {
  forgetShardEnv(process.env);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...shardClientOptions(config.SHARDS),
    ...(config.DISCORD_API_BASE ? { rest: { api: config.DISCORD_API_BASE } } : {}),
  });
  const shards = new ShardTracker(client, logger).attach(config.SHARDS);
  const pictures = createPictures({ log: logger });
  // Object.assign keeps the context's `data` getter, so each request still reads the dataset of the moment.
  const context = Object.assign(storeContext(store), { shards: () => shards.status() });
  const app = createApp({ commands, context, logger, pictures });
  const metrics = processMetrics();
  const showLoaded = () => metrics.setArticles(store.data.articles.length, new Date());
  showLoaded();
  const { dispatch, settle } = createInteractionHandler({ app, pictures, logger, metrics });
  // /metrics and /healthz for operators; healthy while the gateway connection is up.
  const status =
    config.METRICS_PORT === undefined
      ? null
      : await startStatusServer(config.METRICS_PORT, config.LISTEN_HOST, {
          metrics,
          ready: () => client.isReady(),
        });
  if (status) logger.info({ port: status.port, host: config.LISTEN_HOST }, 'metrics listening');
  client.on(Events.InteractionCreate, (interaction) => void dispatch(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(config.DISCORD_TOKEN);
  await ready;
  const applicationId = client.application?.id ?? config.DISCORD_CLIENT_ID ?? '';
  try {
    const rest = createRest(config.DISCORD_TOKEN, config.DISCORD_API_BASE);
    const outcome = await syncCommands(rest, applicationId, config.DISCORD_GUILD_ID, commandBodies(commands));
    logger.info({ outcome, scope: config.DISCORD_GUILD_ID ? 'guild' : 'global' }, 'commands checked');
  } catch (error) {
    logger.error({ err: error }, 'could not register commands; the bot serves what is registered');
  }

  const stopWatching = config.WATCH_SEEDS
    ? store.watch((report) => {
        if (report instanceof Error) logger.error({ err: report }, 'reload failed');
        else {
          showLoaded();
          logger.info({ ...report, at: report.at.toISOString() }, 'articles reloaded');
        }
      })
    : () => undefined;
  logger.info({ user: client.user?.tag, events: store.data.articles.length, ...shards.describe() }, 'ready');
  return async () => {
    stopWatching();
    shards.detach();
    // A picture still being drawn gets a moment to finish and go out before the workers stop.
    await settle(STOP_GRACE_MS);
    await pictures.stop(0);
    await client.destroy();
    await status?.close();
  };
}
