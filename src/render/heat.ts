import type { APIEmbed } from 'discord.js';
import type { EventArticle, Heat, Round } from '../model/schemas.js';
import { heatLabel } from '../domain/index.js';
import { BRAND_COLOUR, clip, discordTime, eventTitle, mdSafe, noteLegend, sourceFooter } from './format.js';
import { resultColumns, sharedLaps } from './columns.js';
import { codeBlock, renderTable } from './table.js';
import type { Reply } from './reply.js';

/** Facts every row shares (e.g. "16 laps"), said once above the table instead of in a column. */
function sharedFacts(heat: Heat): string[] {
  const laps = sharedLaps(heat.rows);
  return laps === null ? [] : [`${laps} laps`];
}

// Keyed by the heat object itself, which belongs to one round of one event and is never changed in place
// (a reload makes new objects): the text of a heat is laid out once, not on every /heat.
const embeds = new WeakMap<Heat, APIEmbed>();

/** One heat: its table sized for a phone, the start time in the reader's zone, and a legend. */
export function renderHeat(event: EventArticle, round: Round, heat: Heat): Reply {
  let text = embeds.get(heat);
  if (!text) {
    text = heatEmbed(event, round, heat);
    embeds.set(heat, text);
  }
  // A copy: the core may add the picture to it.
  return { embeds: [{ ...text }] };
}

function heatEmbed(event: EventArticle, round: Round, heat: Heat): APIEmbed {
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
  return {
    title: clip(eventTitle(event), 256),
    description: clip(description.join('\n'), 4096),
    color: BRAND_COLOUR,
    fields,
    footer: sourceFooter(event),
  };
}
