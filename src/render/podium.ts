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
import type { ResultRow } from '../model/schemas.js';

function valueOf(row: ResultRow | null): string {
  if (!row) return '';
  if (row.points) return pointsText(row.points.total);
  return row.mark.kind === 'none' ? '' : markText(row.mark);
}

/** A winning value as the podium and its picture show it: `68 pts`, `1:24.537`. */
export function winText({ value }: WinningValue): string {
  return value.kind === 'points' ? pointsText(value.points) : value.text;
}

/** The medallists with medal emoji, NOC and flag where stated, the winning value, and places 4-8. */
export function renderPodium(podium: Podium): Reply {
  const { event } = podium;
  const lines = podium.places.map((place) => {
    const noc = nocLabel(place.noc);
    const value = valueOf(place.row);
    return `${MEDAL_EMOJI[place.medal]} **${mdSafe(place.name)}**${noc ? ` ${noc}` : ''}${value ? ` — ${value}` : ''}`;
  });
  if (lines.length === 0) lines.push('No medallists are stated in this article.');
  const fields: NonNullable<APIEmbed['fields']> = [];
  // Only a figure the infobox states gets a field; the winner's own row is in the lines above.
  const { win } = podium;
  if (win?.from === 'infobox') fields.push({ name: win.label, value: winText(win), inline: true });
  if (event.infobox?.venue) fields.push({ name: 'Venue', value: mdSafe(event.infobox.venue), inline: true });
  const date = competitionDates(event);
  if (date) fields.push({ name: 'Date', value: mdSafe(date), inline: true });
  if (podium.others.length > 0) {
    const table = renderTable(podium.others, [
      { header: '#', align: 'right', cell: (row) => ordinal(row.rank ?? 0), drop: 0 },
      { header: 'Name', align: 'left', cell: (row) => row.name, drop: 0, shrink: { minWidth: 14 } },
      { header: 'Result', align: 'right', cell: (row) => valueOf(row), drop: 0 },
    ]);
    fields.push({
      name: `Places 4–${podium.others.at(-1)?.rank ?? 8}`,
      value: codeBlock(table.lines.slice(1)),
    });
  }
  const gold = podium.places.find((p) => p.medal === 'gold');
  const embed: APIEmbed = {
    title: clip(`Podium · ${eventTitle(event)}`, 256),
    description: lines.join('\n'),
    color: gold ? MEDAL_COLOUR.gold : BRAND_COLOUR,
    fields,
    footer: sourceFooter(event),
  };
  return { embeds: [embed] };
}
