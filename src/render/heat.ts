import type { APIEmbed } from 'discord.js';
import type { EventArticle, Heat, Round } from '../model/schemas.js';
import { BRAND_COLOUR, clip, discordTime, eventTitle, mdSafe, noteLegend, sourceFooter } from './format.js';
import { resultColumns, sharedLaps } from './columns.js';
import { codeBlock, renderTable } from './table.js';
import type { Reply } from './reply.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { heatName } from '../i18n/names.js';
import { LocaleMemo } from '../i18n/memo.js';

/** Facts every row shares (e.g. "16 laps"), said once above the table instead of in a column. */
function sharedFacts(heat: Heat, lang: Lang): string[] {
  const laps = sharedLaps(heat.rows);
  return laps === null ? [] : [lang.t('replies.common.laps', { count: laps })];
}

// Keyed by the heat object itself, which belongs to one round of one event: the text of a heat is laid
// out once per language, not on every /heat.
const embeds = new LocaleMemo<Heat, APIEmbed>();

/** One heat: its table sized for a phone, the start time in the reader's zone, and a legend. */
export function renderHeat(event: EventArticle, round: Round, heat: Heat, lang: Lang = EN): Reply {
  const text = embeds.get(heat, lang, () => heatEmbed(event, round, heat, lang));
  // A copy: the core may add the picture to it.
  return { embeds: [{ ...text }] };
}

function heatEmbed(event: EventArticle, round: Round, heat: Heat, lang: Lang): APIEmbed {
  const rows = heat.rows.map((row) => ({ row, heat: heat.number }));
  const facts = sharedFacts(heat, lang);
  const columns = resultColumns(rows, { laps: facts.length === 0 }, lang);
  const table = renderTable(rows, columns);
  const head = [`**${mdSafe(heatName(round, heat, lang))}**`];
  if (round.start?.unix != null)
    head.push(`${discordTime(round.start.unix, 'f')} (${discordTime(round.start.unix, 'R')})`);
  else if (round.start) head.push(mdSafe(round.start.text));
  head.push(...facts);
  const description = [head.join(' · '), codeBlock(table.lines)];
  if (table.dropped.length > 0) {
    description.push(`-# ${lang.t('replies.common.dropped', { columns: table.dropped.join(', ') })}`);
  }
  const fields: NonNullable<APIEmbed['fields']> = [];
  const legend = noteLegend(heat.rows, lang);
  if (legend) fields.push({ name: lang.t('replies.common.notesField'), value: clip(legend, 1024) });
  const others = round.heats.filter((h) => h !== heat && h.number !== null).map((h) => h.number);
  if (others.length > 0)
    fields.push({
      name: lang.t('replies.heat.otherHeats'),
      value: lang.t('replies.heat.otherHeatsValue', { heats: others.join(', ') }),
    });
  return {
    title: clip(eventTitle(event, lang), 256),
    description: clip(description.join('\n'), 4096),
    color: BRAND_COLOUR,
    fields,
    footer: sourceFooter(event, lang),
  };
}
