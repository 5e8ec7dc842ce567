import type { APIEmbed } from 'discord.js';
import type { ResultRow } from '../model/schemas.js';
import type { AthleteSummary, EventPath } from '../domain/index.js';
import { heatLabel } from '../domain/index.js';
import {
  BRAND_COLOUR,
  MEDAL_COLOUR,
  MEDAL_EMOJI,
  clip,
  markText,
  mdSafe,
  nocLabel,
  ordinal,
  pointsText,
} from './format.js';
import type { Reply } from './reply.js';

function resultOf(row: ResultRow): string {
  const parts: string[] = [];
  parts.push(row.rank === null ? 'no rank' : ordinal(row.rank));
  if (row.points) parts.push(pointsText(row.points.total));
  if (row.mark.kind !== 'none') parts.push(markText(row.mark));
  if (row.notes.length > 0) parts.push(row.notes.map(mdSafe).join(' '));
  return parts.join(' · ');
}

function outcome(path: EventPath): string {
  if (path.medal) return `${MEDAL_EMOJI[path.medal]} ${ordinal(path.placing ?? 0)}`;
  if (path.placing !== null) return ordinal(path.placing);
  if (path.eliminatedIn) return `out in ${path.eliminatedIn.label.toLowerCase()}`;
  return '';
}

/** A person through every round of every event loaded: NOC where stated, medals, and each path. */
export function renderAthlete(summary: AthleteSummary): Reply {
  const { athlete, medals } = summary;
  const noc = nocLabel(athlete.noc);
  const medalLine = (['gold', 'silver', 'bronze'] as const)
    .filter((m) => medals[m] > 0)
    .map((m) => `${MEDAL_EMOJI[m]} ×${medals[m]}`)
    .join('  ');
  const count = summary.events.length;
  const description = [
    noc ? `Representing ${noc}` : 'Nation not stated in the articles',
    medalLine || 'No medals in the loaded events',
    `${count} event${count === 1 ? '' : 's'} loaded`,
  ].join('\n');
  const fields = summary.events.slice(0, 25).map((path) => {
    const sport = path.event.sport === 'short-track' ? 'short track' : 'speed skating';
    const steps = path.path.map((a) => `**${mdSafe(heatLabel(a.round, a.heat))}** — ${resultOf(a.row)}`);
    return {
      name: clip(`${path.event.games.year} · ${path.event.eventName} (${sport}) — ${outcome(path)}`, 256),
      value: clip(steps.join('\n'), 1024),
    };
  });
  const best = (['gold', 'silver', 'bronze'] as const).find((m) => medals[m] > 0);
  const embed: APIEmbed = {
    title: clip(athlete.name, 256),
    description,
    color: best ? MEDAL_COLOUR[best] : BRAND_COLOUR,
    fields,
  };
  if (summary.events.length > 25) embed.footer = { text: `Showing 25 of ${summary.events.length} events.` };
  return { embeds: [embed] };
}
