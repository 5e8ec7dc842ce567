import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Reply } from '../render/reply.js';
import type { Dataset } from '../search/index.js';
import type { ReloadReport, StatusReport } from '../load/store.js';
import type { ShardsStatus } from '../render/status.js';

/** A mistake the user made; its message is safe to show them, with the closest matches. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The options of an invocation; discord.js's option resolver satisfies it, and so do the console and tests. */
export interface OptionReader {
  getString(name: string): string | null;
  getInteger(name: string): number | null;
}

/** A slash command as a handler sees it. */
export interface Invocation {
  options: OptionReader;
  /** May use admin commands (Manage Server), checked at run time as well as by Discord. */
  isAdmin: boolean;
}

/** An autocomplete request: the option being typed (always text, even for integers) and the others. */
export interface AutocompleteInvocation extends Invocation {
  focused: { name: string; value: string };
}

export interface Choice {
  name: string;
  value: string | number;
}

/** What every handler receives: the data as it is now, and the operator's controls. */
export interface Context {
  /** The current dataset; replaced whole on reload, so read it once per request. */
  readonly data: Dataset;
  status(): StatusReport;
  reload(): Promise<ReloadReport>;
  /** The gateway shards this process runs; absent where there is no gateway connection. */
  shards?(): ShardsStatus;
}

/** One file in commands/: its definition, handler and (optional) autocomplete and button handlers. */
export interface CommandModule {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(invocation: Invocation, ctx: Context): Reply | Promise<Reply>;
  /** Never throws; returns at most 25 choices. */
  autocomplete?(invocation: AutocompleteInvocation, ctx: Context): Choice[];
  /** Handles a button whose custom_id starts with `<command name>:`; returns the updated message. */
  button?(customId: string, ctx: Context): Reply | Promise<Reply>;
  /** Admin-only commands are hidden from members and checked again when run. */
  adminOnly?: boolean;
}

/** Reads a required string option, trimmed; a blank value is a user error. */
export function requireString(options: OptionReader, name: string): string {
  const value = options.getString(name)?.trim() ?? '';
  if (value === '') throw new UserError(`Please give a value for \`${name}\`.`);
  return value;
}
