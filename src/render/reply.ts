import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

/** A file attached to a reply, referenced from an embed as `attachment://name`. */
export interface ReplyFile {
  name: string;
  data: Buffer;
  /** Alt text for screen readers. */
  description: string;
}

/**
 * What a command answers, independent of where it is shown: the bot sends it to Discord,
 * the console prints it in a terminal.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: ReplyFile[];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
  /**
   * Slow extras (a picture), made after this reply has been sent so the text is not held up by them:
   * resolves to the message that replaces it, or null to leave it as it is. The reply above must stand
   * on its own, since this may fail, be dropped when the message has changed meanwhile, or never run.
   * A `later` on the message it resolves to is ignored.
   */
  later?: () => Promise<Reply | null>;
}
