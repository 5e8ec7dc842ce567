import type { APIEmbed } from 'discord.js';
import type { EventArticle, Heat, Round } from '../model/schemas.js';
import { heatLabel } from '../search/index.js';
import { BRAND_COLOUR, clip, discordTime, eventTitle, mdSafe, noteLegend, sourceFooter } from './format.js';
import { resultColumns, sharedLaps } from './columns.js';
import { codeBlock, renderTable } from './table.js';
import type { Reply, ReplyFile } from './reply.js';

/** Facts every row shares (e.g. "16 laps"), said once above the table instead of in a column. */
function sharedFacts(heat: Heat): string[] {
  const laps = sharedLaps(heat.rows);
  return laps === null ? [] : [`${laps} laps`];
}

/** One heat: its table sized for a phone, the start time in the reader's zone, and a legend. */
export function renderHeat(
  event: EventArticle,
  round: Round,
  heat: Heat,
  picture: ReplyFile | null = null,
): Reply {
  const rows = heat.rows.map((row) => ({ row, heat: heat.number }));
  const facts = sharedFacts(heat);
  const columns = resultColumns(rows).filter((c) => !(c.header === 'Laps' && facts.length > 0));
  const table = renderTable(rows, columns);
  const head = [`**${mdSafe(heatLabel(round, heat))}**`];
  if (round.start?.unix != null)
    head.push(`${discordTime(round.start.unix, 'f')} (${discordTime(round.start.unix, 'R')})`);
  else if (round.start) head.push(mdSafe(round.start.text));
  head.push(...facts);
  const description = [head.join(' · '), codeBlock(table.lines)];
  if (table.dropped.length > 0) {
    description.push(`-# ${table.dropped.join(', ')} left out to fit a phone screen.`);
  }
  const fields: NonNullable<APIEmbed['fields']> = [];
  const legend = noteLegend(heat.rows);
  if (legend) fields.push({ name: 'Notes', value: clip(legend, 1024) });
  const others = round.heats.filter((h) => h !== heat && h.number !== null).map((h) => h.number);
  if (others.length > 0)
    fields.push({ name: 'Other heats', value: `${others.join(', ')} — \`/heat\` with \`n\`` });
  const embed: APIEmbed = {
    title: clip(eventTitle(event), 256),
    description: clip(description.join('\n'), 4096),
    color: BRAND_COLOUR,
    fields,
    footer: sourceFooter(event),
  };
  // The text above stays: it is what screen readers and notification previews read.
  if (picture) embed.image = { url: `attachment://${picture.name}` };
  return picture ? { embeds: [embed], files: [picture] } : { embeds: [embed] };
}
