import { BRAND_COLOUR, mdSafe } from './format.js';
import type { Reply } from './reply.js';
import type { Lang, ReplyKey } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

/** One command as /help presents it. */
export interface HelpEntry {
  name: string;
  /** What it answers, in a few words. */
  summary: string;
  /** The summary's resource key, for every other language. */
  summaryKey: ReplyKey;
  /** A complete invocation that works on the seed articles. */
  example: string;
  /** Only server managers see and may run it. */
  admin?: boolean;
}

function entryText(entry: HelpEntry, lang: Lang): string {
  const summary = lang.locale === EN.locale ? entry.summary : lang.t(entry.summaryKey);
  return `**/${entry.name}** — ${mdSafe(summary)}\n\`${entry.example.replace(/`/g, 'ˋ')}\``;
}

/** Every command with an example; the managers' commands only for managers. */
export function renderHelp(entries: readonly HelpEntry[], isAdmin: boolean, lang: Lang = EN): Reply {
  const everyone = entries.filter((e) => !e.admin).map((e) => entryText(e, lang));
  const managers = entries.filter((e) => e.admin).map((e) => entryText(e, lang));
  const description = [...everyone];
  if (isAdmin && managers.length > 0) description.push('', `__${lang.t('help.managers')}__`, ...managers);
  return {
    embeds: [
      {
        title: lang.t('help.title'),
        description: description.join('\n'),
        color: BRAND_COLOUR,
        footer: { text: lang.t('help.footer') },
      },
    ],
    ephemeral: true,
  };
}
