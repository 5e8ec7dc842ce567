import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { PersonalBest } from '../domain/bests.js';
import { distanceLabel } from '../domain/bests.js';
import type { HeadToHead, Meeting } from '../domain/compare.js';
import type { Medal, ResultRow } from '../model/schemas.js';
import type { Athlete } from '../search/index.js';
import { eventLabel } from '../search/index.js';
import { heatLabel } from '../domain/index.js';
import { bestText } from './bests.js';
import { BRAND_COLOUR, MEDAL_EMOJI, clip, markText, mdSafe, ordinal, pointsText } from './format.js';
import { LIMITS, embedLength } from './limits.js';
import type { Reply } from './reply.js';

/** Races listed one field each; the rest are counted in the footer (fields are capped at 25). */
const MAX_MEETINGS = 20;

function rowText(row: ResultRow): string {
  const parts = [row.rank === null ? 'no rank' : ordinal(row.rank)];
  if (row.points) parts.push(pointsText(row.points.total));
  if (row.mark.kind !== 'none') parts.push(markText(row.mark));
  if (row.notes.length > 0) parts.push(row.notes.map(mdSafe).join(' '));
  return parts.join(' · ');
}

function medalText(medals: Record<Medal, number>): string {
  const line = (['gold', 'silver', 'bronze'] as const)
    .filter((m) => medals[m] > 0)
    .map((m) => `${MEDAL_EMOJI[m]} ×${medals[m]}`)
    .join(' ');
  return line || 'no medals';
}

function meetingField(h: HeadToHead, m: Meeting): APIEmbedField {
  const line = (who: Athlete, row: ResultRow, ahead: boolean) =>
    `${ahead ? '▶ **' : ''}${mdSafe(who.name)}${ahead ? '**' : ''} — ${rowText(row)}`;
  const verdict =
    m.ahead === null
      ? 'Neither finished ahead'
      : `${mdSafe((m.ahead === 'a' ? h.a : h.b).name)} finished ahead`;
  const race = `${heatLabel(m.round, m.heat)}${m.samePair ? ' (same pair)' : ''}`;
  return {
    name: clip(`${m.event.games.year} · ${m.event.eventName} — ${race}`, 256),
    value: clip([line(h.a, m.a, m.ahead === 'a'), line(h.b, m.b, m.ahead === 'b'), verdict].join('\n'), 1024),
  };
}

function bestsOf(who: Athlete, bests: readonly PersonalBest[]): APIEmbedField {
  const lines = bests.map((b) => `**${distanceLabel(b.sport, b.discipline)}**: ${bestText(b)}`);
  return {
    name: clip(`Best times: ${who.name}`, 256),
    value: clip(lines.length > 0 ? lines.join('\n') : 'No finishing time in the loaded events', 1024),
  };
}

/** Two skaters side by side: the races where they met, who was ahead, best times and medals. */
export function renderCompare(h: HeadToHead): Reply {
  const a = mdSafe(h.a.name);
  const b = mdSafe(h.b.name);
  const count = h.meetings.length;
  const summary =
    count === 0
      ? 'They never met in a race in the loaded events.'
      : `Met in ${count} race${count === 1 ? '' : 's'}: ${a} finished ahead ${h.wins.a}×, ${b} ${h.wins.b}×.`;
  const events =
    h.sharedEvents.length === 0
      ? 'No event in common.'
      : `Both skated: ${h.sharedEvents.map((e) => eventLabel(e)).join('; ')}`;
  const description = [
    summary,
    events,
    `Medals: ${a} ${medalText(h.medals.a)} · ${b} ${medalText(h.medals.b)}`,
  ].join('\n');
  const fields = h.meetings.slice(0, MAX_MEETINGS).map((m) => meetingField(h, m));
  if (h.sharedBests.length > 0) {
    const lines = h.sharedBests.map((s) => {
      const mark = (who: 'a' | 'b') => (s.faster === who ? `**${s[who].time.text}**` : s[who].time.text);
      return `**${distanceLabel(s.a.sport, s.a.discipline)}**: ${a} ${mark('a')} · ${b} ${mark('b')}`;
    });
    fields.push({ name: 'Best times over the same distance', value: clip(lines.join('\n'), 1024) });
  }
  // Distances only one of them skated; the shared ones are in the field above.
  const shared = new Set(h.sharedBests.map((s) => s.key));
  for (const [who, bests] of [
    [h.a, h.bests.a],
    [h.b, h.bests.b],
  ] as const) {
    const own = bests.filter((best) => !shared.has(best.key));
    if (own.length > 0 || shared.size === 0) fields.push(bestsOf(who, own));
  }
  const embed: APIEmbed = {
    title: clip(`${h.a.name} vs ${h.b.name}`, 256),
    description: clip(description, 2000),
    color: BRAND_COLOUR,
    fields,
  };
  // Long names and many races could pass the 6000 characters of a message: fewer races, never the bests.
  let shown = Math.min(count, MAX_MEETINGS);
  const footer = () => ({ text: `Showing ${shown} of ${count} races where they met.` });
  if (shown < count) embed.footer = footer();
  while (shown > 0 && embedLength(embed) > LIMITS.embedTotal) {
    fields.splice(--shown, 1);
    embed.footer = footer();
  }
  return { embeds: [embed] };
}
