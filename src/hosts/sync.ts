import { REST, Routes } from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandModule } from '../app/command.js';

export function commandBodies(
  commands: ReadonlyMap<string, CommandModule>,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [...commands.values()].map((c) => c.data.toJSON());
}

/** A REST client for the real API, or for the stand-in/proxy named by DISCORD_API_BASE. */
export function createRest(token: string, apiBase?: string): REST {
  return new REST(apiBase ? { api: apiBase } : {}).setToken(token);
}

/** True when every key we send has the same value in what Discord holds (Discord adds ids, versions, defaults). */
function covers(existing: unknown, wanted: unknown): boolean {
  if (wanted === undefined) return true;
  if (Array.isArray(wanted)) {
    return (
      Array.isArray(existing) &&
      existing.length === wanted.length &&
      wanted.every((w, i) => covers(existing[i], w))
    );
  }
  if (wanted !== null && typeof wanted === 'object') {
    if (existing === null || typeof existing !== 'object') return false;
    return Object.entries(wanted).every(([key, value]) =>
      covers((existing as Record<string, unknown>)[key], value),
    );
  }
  // Discord returns permissions as strings and omits false booleans.
  return (
    existing === wanted ||
    (wanted === false && existing === undefined) ||
    (typeof existing === 'string' &&
      (typeof wanted === 'number' || typeof wanted === 'bigint') &&
      existing === wanted.toString())
  );
}

export function sameCommands(
  existing: unknown[],
  wanted: RESTPostAPIChatInputApplicationCommandsJSONBody[],
): boolean {
  if (existing.length !== wanted.length) return false;
  return wanted.every((w) =>
    covers(
      existing.find((e) => (e as { name?: string }).name === w.name),
      w,
    ),
  );
}

/** Registers the commands (guild-scoped when a guild is given, global otherwise) unless they are already current. */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  bodies: RESTPostAPIChatInputApplicationCommandsJSONBody[],
  force = false,
): Promise<'updated' | 'unchanged'> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  if (!force) {
    const existing = (await rest.get(route)) as unknown[];
    if (sameCommands(existing, bodies)) return 'unchanged';
  }
  await rest.put(route, { body: bodies });
  return 'updated';
}
