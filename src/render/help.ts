import { BRAND_COLOUR, mdSafe } from './format.js';
import type { Reply } from './reply.js';

/** One command as /help presents it. */
export interface HelpEntry {
  name: string;
  /** What it answers, in a few words. */
  summary: string;
  /** A complete invocation that works on the seed articles. */
  example: string;
  /** Only server managers see and may run it. */
  admin?: boolean;
}

function entryText(entry: HelpEntry): string {
  return `**/${entry.name}** — ${mdSafe(entry.summary)}\n\`${entry.example.replace(/`/g, 'ˋ')}\``;
}

/** Every command with an example; the managers' commands only for managers. */
export function renderHelp(entries: readonly HelpEntry[], isAdmin: boolean): Reply {
  const everyone = entries.filter((e) => !e.admin).map(entryText);
  const managers = entries.filter((e) => e.admin).map(entryText);
  const description = [...everyone];
  if (isAdmin && managers.length > 0) description.push('', '__For server managers__', ...managers);
  return {
    embeds: [
      {
        title: 'Olympic speed-skating results',
        description: description.join('\n'),
        color: BRAND_COLOUR,
        footer: {
          text: 'Event, round and name options suggest values as you type. Names work without accents, in either order.',
        },
      },
    ],
    ephemeral: true,
  };
}
