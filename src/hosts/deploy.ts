import { loadConfig, ConfigError } from '../config.js';
import { loadCommands } from '../app/registry.js';
import { commandBodies, createRest, syncCommands } from './sync.js';

/** `npm run deploy`: registers the slash commands, guild-scoped when DISCORD_GUILD_ID is set. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    throw new ConfigError(['DISCORD_TOKEN and DISCORD_CLIENT_ID are required to register commands']);
  }
  const bodies = commandBodies(await loadCommands());
  const rest = createRest(config.DISCORD_TOKEN, config.DISCORD_API_BASE);
  await syncCommands(rest, config.DISCORD_CLIENT_ID, config.DISCORD_GUILD_ID, bodies, true);
  const scope = config.DISCORD_GUILD_ID
    ? `server ${config.DISCORD_GUILD_ID}`
    : 'all servers (global; may take up to an hour to show)';
  console.log(
    `Registered ${bodies.length} commands for ${scope}: ${bodies.map((b) => `/${b.name}`).join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error),
  );
  process.exit(1);
});
