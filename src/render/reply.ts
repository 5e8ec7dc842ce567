import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import type { PictureJob } from '../pictures/requests.js';

/** A file attached to a reply, referenced from an embed as `attachment://name`. */
export interface ReplyFile {
  name: string;
  data: Buffer;
  /** Alt text for screen readers. */
  description: string;
}

/** What a command answers, independent of where it is shown; the core turns it into a Message. */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files?: ReplyFile[];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
  /** A picture for the first embed; the reply above must stand on its own without it. */
  picture?: PictureJob | null;
}
