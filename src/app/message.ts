import type { APIEmbed } from 'discord-api-types/v10';
import type { PictureJob } from '../pictures/requests.js';
import type { UserError } from '../domain/errors.js';
import { renderApology, renderUserError } from '../render/errors.js';
import { checkReplyLimits } from '../render/limits.js';
import type { Reply } from '../render/reply.js';
import type { Message } from './types.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

// A right-to-left override or isolate typed into an option (and echoed back, even inside code) reverses
// the rest of its line; no message needs one, so none is sent.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const withoutBidi = (text: string) => text.replace(BIDI_CONTROLS, '');

function embedWithoutBidi(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (embed.title !== undefined) out.title = withoutBidi(embed.title);
  if (embed.description !== undefined) out.description = withoutBidi(embed.description);
  if (embed.footer) out.footer = { ...embed.footer, text: withoutBidi(embed.footer.text) };
  if (embed.author) out.author = { ...embed.author, name: withoutBidi(embed.author.name) };
  if (embed.fields)
    out.fields = embed.fields.map((f) => ({ ...f, name: withoutBidi(f.name), value: withoutBidi(f.value) }));
  return out;
}

/** A reply as a message: nothing it contains can ping anyone or reorder the text around it. */
export function toMessage(reply: Reply): Message {
  return {
    content: withoutBidi(reply.content ?? ''),
    embeds: (reply.embeds ?? []).map(embedWithoutBidi),
    components: reply.components ?? [],
    files: reply.files ?? [],
    ephemeral: reply.ephemeral ?? false,
    allowedMentions: { parse: [] },
  };
}

/**
 * The message with its picture: shown in the first embed, whose text stays (it is what screen readers and
 * notification previews read), and attached as a file.
 */
export function withPicture<T extends Reply>(message: T, job: PictureJob, png: Buffer): T {
  const [first, ...rest] = message.embeds ?? [];
  const image = { url: `attachment://${job.name}` };
  return {
    ...message,
    embeds: first ? [{ ...first, image }, ...rest] : [],
    files: [...(message.files ?? []), { name: job.name, data: png, description: job.description }],
  };
}

/** Every way the message breaks Discord's limits (which would make Discord refuse it); empty when none. */
export function limitProblems(message: Reply): string[] {
  return checkReplyLimits(message, { phoneWidth: false });
}

/** The private message explaining a user's mistake, with the closest matches to try. */
export function userErrorMessage(error: UserError, lang: Lang = EN): Message {
  const { message, suggestions } = error.textIn(lang);
  return toMessage(renderUserError(message, suggestions, lang));
}

/** The private apology for anything the user did not cause. */
export function apologyMessage(lang: Lang = EN): Message {
  return toMessage(renderApology(lang));
}
