import type { APIEmbed } from 'discord.js';
import type { Podium, WinningValue } from '../domain/index.js';
import {
  MEDAL_COLOUR,
  MEDAL_EMOJI,
  BRAND_COLOUR,
  clip,
  competitionDates,
  eventTitle,
  markText,
  mdSafe,
  nocLabel,
  ordinal,
  pointsText,
  sourceFooter,
} from './format.js';
import { codeBlock, renderTable } from './table.js';
import type { Reply } from './reply.js';
import { recordMark, recordsField } from './records.js';
import { eventRecords } from '../domain/records.js';
import type { EventArticle, ResultRow } from '../model/schemas.js';
import { LocaleMemo } from '../i18n/memo.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

function valueOf(row: ResultRow | null, lang: Lang): string {
  if (!row) return '';
  if (row.points) return pointsText(row.points.total, lang);
  return row.mark.kind === 'none' ? '' : markText(row.mark);
}

/** A winning value as the podium and its picture show it: `68 pts`, `1:24.537`. */
export function winText({ value }: WinningValue, lang: Lang = EN): string {
  return value.kind === 'points' ? pointsText(value.points, lang) : value.text;
}

/** The infobox's name for the winning value ("Winning points"), or the reader's words for it. */
export function winLabel(win: WinningValue, lang: Lang = EN): string {
  if (lang.locale === EN.locale || win.value.kind === 'other') return win.label;
  return lang.t(win.value.kind === 'points' ? 'replies.podium.winningPoints' : 'replies.podium.winningTime');
}

// Keyed by the event: its podium follows from the event alone, so the reply is laid out once per language.
const embeds = new LocaleMemo<EventArticle, APIEmbed>();

/** The medallists with medal emoji, NOC and flag where stated, the winning value, and places 4-8. */
export function renderPodium(podium: Podium, lang: Lang = EN): Reply {
  const embed = embeds.get(podium.event, lang, () => podiumEmbed(podium, lang));
  // A copy: the core may add the picture to it.
  return { embeds: [{ ...embed }] };
}

function podiumEmbed(podium: Podium, lang: Lang): APIEmbed {
  const { event } = podium;
  const lines = podium.places.map((place) => {
    const noc = nocLabel(place.noc);
    const value = valueOf(place.row, lang);
    const record = place.row ? recordMark(place.row, lang) : '';
    return `${MEDAL_EMOJI[place.medal]} **${mdSafe(place.name)}**${noc ? ` ${noc}` : ''}${value ? ` — ${value}` : ''}${record}`;
  });
  if (lines.length === 0) lines.push(lang.t('replies.podium.none'));
  const fields: NonNullable<APIEmbed['fields']> = [];
  // Only a figure the infobox states gets a field; the winner's own row is in the lines above.
  const { win } = podium;
  if (win?.from === 'infobox')
    fields.push({ name: winLabel(win, lang), value: winText(win, lang), inline: true });
  if (event.infobox?.venue)
    fields.push({ name: lang.t('replies.common.venue'), value: mdSafe(event.infobox.venue), inline: true });
  const date = competitionDates(event, lang);
  if (date) fields.push({ name: lang.t('replies.common.date'), value: mdSafe(date), inline: true });
  if (podium.others.length > 0) {
    const table = renderTable(podium.others, [
      {
        header: lang.t('replies.columns.rank'),
        align: 'right',
        cell: (row) => ordinal(row.rank ?? 0, lang),
        drop: 0,
      },
      {
        header: lang.t('replies.columns.name'),
        align: 'left',
        cell: (row) => row.name,
        drop: 0,
        shrink: { minWidth: 14 },
      },
      {
        header: lang.t('replies.columns.result'),
        align: 'right',
        cell: (row) => valueOf(row, lang),
        drop: 0,
      },
    ]);
    fields.push({
      name: lang.t('replies.podium.places', { last: podium.others.at(-1)?.rank ?? 8 }),
      value: codeBlock(table.lines.slice(1)),
    });
  }
  const records = recordsField(eventRecords(event), lang);
  if (records) fields.push(records);
  const gold = podium.places.find((p) => p.medal === 'gold');
  const embed: APIEmbed = {
    title: clip(lang.t('replies.podium.title', { event: eventTitle(event, lang) }), 256),
    description: lines.join('\n'),
    color: gold ? MEDAL_COLOUR.gold : BRAND_COLOUR,
    fields,
    footer: sourceFooter(event, lang),
  };
  return embed;
}
