import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Dataset } from '../domain/dataset.js';
import { UserError } from '../domain/errors.js';
import type { ReloadReport, StatusReport } from '../load/store.js';
import type { Reply } from '../render/reply.js';
import type { ShardsStatus } from '../render/status.js';
import type { Choice, OptionReader } from './types.js';
import type { Lang } from '../i18n/lang.js';

export { UserError };
export type { Choice, OptionReader };

/** A slash command as a handler sees it. */
export interface Invocation {
  options: OptionReader;
  /** The reader's language (from the request's locale): every renderer takes it. */
  lang: Lang;
  /** May use admin commands (Manage Server); the core refuses an admin-only command to anyone else. */
  isAdmin: boolean;
}

/** An autocomplete request: the option being typed (always text, even for integers) and the others. */
export interface AutocompleteInvocation extends Invocation {
  focused: { name: string; value: string };
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
  /** Handles a button whose custom_id the core made for this command (src/app/custom-id.ts). */
  button?(customId: string, ctx: Context, lang: Lang): Reply | Promise<Reply>;
  /** Hidden from members by Discord, and refused by the core to anyone who is not an admin. */
  adminOnly?: boolean;
}

/** Reads a required string option, trimmed; a blank value is a user error. */
export function requireString(options: OptionReader, name: string): string {
  const value = options.getString(name)?.trim() ?? '';
  if (value === '') throw UserError.localized((lang) => ({ message: lang.t('errors.blank', { name }) }));
  return value;
}
