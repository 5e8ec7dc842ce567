import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { DataStore } from '../load/store.js';
import { forgetShardEnv, shardClientOptions } from '../hosts/gateway/shard-plan.js';
import { ShardTracker } from '../hosts/gateway/shards.js';
import { setDrawerLog, stopDrawing } from '../pictures/drawer.js';
import type { CommandModule, Context } from './command.js';
import { createDispatcher } from './dispatcher.js';
import { commandBodies, createRest, syncCommands } from './sync.js';

export interface BotOptions {
  config: Config & { DISCORD_TOKEN: string };
  store: DataStore;
  commands: ReadonlyMap<string, CommandModule>;
  logger: Logger;
}

export function contextFor(store: DataStore, shards?: ShardTracker): Context {
  return {
    get data() {
      return store.data;
    },
    status: () => store.status(),
    reload: () => store.reload(),
    ...(shards ? { shards: () => shards.status() } : {}),
  };
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
  setDrawerLog(logger);
  const dispatch = createDispatcher({ commands, context: contextFor(store, shards), logger });
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
        else logger.info({ ...report, at: report.at.toISOString() }, 'articles reloaded');
      })
    : () => undefined;
  logger.info({ user: client.user?.tag, events: store.data.articles.length, ...shards.describe() }, 'ready');
  return async () => {
    stopWatching();
    shards.detach();
    await client.destroy();
    await stopDrawing();
  };
}
