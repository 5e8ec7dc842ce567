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
}
