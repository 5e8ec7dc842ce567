// The contract between the core (src/app/) and its hosts (src/hosts/*): plain data both ways, with no
// discord.js runtime in it, so a gateway client, an HTTP interactions endpoint and a terminal can all
// turn their own events into an AppRequest and an Outcome into their own calls.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import type { PictureJob } from '../pictures/requests.js';

export type { PictureJob };

/** Who asked: their id (for logs), whether they may use admin commands (Manage Server), their locale. */
export interface Caller {
  userId: string;
  isAdmin: boolean;
  /** Discord's locale tag, e.g. `en-US`; a host without one says `en-US`. */
  locale: string;
}

/** The options of a request; discord.js's option resolver satisfies it, and so do the other hosts. */
export interface OptionReader {
  getString(name: string): string | null;
  getInteger(name: string): number | null;
}

/** What a host hands the core. */
export type AppRequest =
  /** A slash command was run. */
  | { kind: 'command'; command: string; options: OptionReader; caller: Caller }
  /** An option is being typed; `focused` is that option (its value always as text), `options` the others. */
  | {
      kind: 'autocomplete';
      command: string;
      options: OptionReader;
      focused: { name: string; value: string };
      caller: Caller;
    }
  /** A button (or other message component) was pressed; `customId` is the one the core gave it. */
  | { kind: 'component'; customId: string; caller: Caller };

/** A file attached to a message, referenced from an embed as `attachment://name`. */
export interface MessageFile {
  name: string;
  data: Buffer;
  /** Alt text for screen readers. */
  description: string;
}

/**
 * A message ready to send, whatever the host: within Discord's limits, bidi controls stripped, and
 * mentions switched off, so nothing in an article's text can ping anyone or reorder the line around it.
 */
export interface Message {
  /** Empty when the message is embeds only. */
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files: MessageFile[];
  /** Only the person who asked sees it. */
  ephemeral: boolean;
  allowedMentions: { parse: [] };
}

/** An autocomplete suggestion. */
export interface Choice {
  name: string;
  value: string | number;
}

/** What the core answers. */
export type Outcome =
  /** A new message (a command's answer, or a private answer to a button press). */
  | { kind: 'reply'; message: Message; picture?: PictureJob; error?: OutcomeError }
  /** The message the pressed button is on, replaced. */
  | { kind: 'update'; message: Message; picture?: PictureJob; error?: OutcomeError }
  /** Autocomplete suggestions: at most 25, names and values at most 100 characters. */
  | { kind: 'choices'; choices: Choice[] };

/**
 * Set when the message is not an answer: `user` when it explains the user's mistake (with suggestions),
 * `internal` when it apologises for something else, which the core has logged.
 */
export type OutcomeError = 'user' | 'internal';

/** What a host lets the core do while a request runs. */
export interface AppHooks {
  /**
   * Called once when the answer is slow (after DEFER_AFTER_MS): the gateway defers the reply or the
   * update, an HTTP host answers with a deferred response. `handle` resolves only after this settles.
   */
  defer(): Promise<void>;
}

/** The core. `handle` never rejects: every request gets an outcome (an apology when all else fails). */
export interface App {
  handle(request: AppRequest, hooks?: AppHooks): Promise<Outcome>;
  /** Autocomplete answered at once, for a host whose completion cannot wait (a terminal's). */
  choices(request: Extract<AppRequest, { kind: 'autocomplete' }>): Choice[];
}
