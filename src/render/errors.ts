import type { APIEmbed } from 'discord.js';
import { clip } from './format.js';
import type { Reply } from './reply.js';

const ERROR_COLOUR = 0xe53e3e;

/** A private reply for a mistake the user made, with the closest matches to try. */
export function renderUserError(message: string, suggestions: readonly string[] = []): Reply {
  const embed: APIEmbed = { description: clip(message, 4096), color: ERROR_COLOUR };
  if (suggestions.length > 0) {
    embed.fields = [
      {
        name: 'Did you mean',
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
export function renderApology(): Reply {
  return {
    embeds: [
      {
        description: 'Sorry, something went wrong on our side. Please try again in a moment.',
        color: ERROR_COLOUR,
      },
    ],
    ephemeral: true,
  };
}
