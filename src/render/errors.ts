import type { APIEmbed } from 'discord.js';
import { clip } from './format.js';
import type { Reply } from './reply.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

const ERROR_COLOUR = 0xe53e3e;

/** A private reply for a mistake the user made, with the closest matches to try. */
export function renderUserError(
  message: string,
  suggestions: readonly string[] = [],
  lang: Lang = EN,
): Reply {
  const embed: APIEmbed = { description: clip(message, 4096), color: ERROR_COLOUR };
  if (suggestions.length > 0) {
    embed.fields = [
      {
        name: lang.t('errors.didYouMean'),
        value: clip(
          suggestions
            .slice(0, 10)
            .map((s) => `• ${s}`)
            .join('\n'),
          1024,
        ),
      },
    ];
  }
  return { embeds: [embed], ephemeral: true };
}

/** The private apology for anything the user did not cause. */
export function renderApology(lang: Lang = EN): Reply {
  return {
    embeds: [
      {
        description: lang.t('errors.apology'),
        color: ERROR_COLOUR,
      },
    ],
    ephemeral: true,
  };
}
