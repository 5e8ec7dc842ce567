import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { PersonalBest } from '../domain/bests.js';
import type { HeadToHead, Meeting } from '../domain/compare.js';
import type { Medal, ResultRow } from '../model/schemas.js';
import type { Athlete } from '../search/index.js';
import { bestText } from './bests.js';
import { BRAND_COLOUR, MEDAL_EMOJI, clip, markText, mdSafe, ordinal, pointsText } from './format.js';
import { LIMITS, embedLength } from './limits.js';
import type { Reply } from './reply.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { distanceName, eventLine, eventName, heatName } from '../i18n/names.js';

/** Races listed one field each; the rest are counted in the footer (fields are capped at 25). */
const MAX_MEETINGS = 20;

function rowText(row: ResultRow, lang: Lang): string {
  const parts = [row.rank === null ? lang.t('replies.common.noRank') : ordinal(row.rank, lang)];
  if (row.points) parts.push(pointsText(row.points.total, lang));
  if (row.mark.kind !== 'none') parts.push(markText(row.mark));
  if (row.notes.length > 0) parts.push(row.notes.map(mdSafe).join(' '));
  return parts.join(' · ');
}

function medalText(medals: Record<Medal, number>, lang: Lang): string {
  const line = (['gold', 'silver', 'bronze'] as const)
    .filter((m) => medals[m] > 0)
    .map((m) => `${MEDAL_EMOJI[m]} ×${medals[m]}`)
    .join(' ');
  return line || lang.t('replies.compare.noMedals');
}

function meetingField(h: HeadToHead, m: Meeting, lang: Lang): APIEmbedField {
  const line = (who: Athlete, row: ResultRow, ahead: boolean) =>
    `${ahead ? '▶ **' : ''}${mdSafe(who.name)}${ahead ? '**' : ''} — ${rowText(row, lang)}`;
  const verdict =
    m.ahead === null
      ? lang.t('replies.compare.neither')
      : lang.t('replies.compare.ahead', { name: mdSafe((m.ahead === 'a' ? h.a : h.b).name) });
  const race = `${heatName(m.round, m.heat, lang)}${m.samePair ? lang.t('replies.compare.samePair') : ''}`;
  return {
    name: clip(`${m.event.games.year} · ${eventName(m.event, lang)} — ${race}`, 256),
    value: clip([line(h.a, m.a, m.ahead === 'a'), line(h.b, m.b, m.ahead === 'b'), verdict].join('\n'), 1024),
  };
}

function bestsOf(who: Athlete, bests: readonly PersonalBest[], lang: Lang): APIEmbedField {
  const lines = bests.map((b) => `**${distanceName(b.sport, b.discipline, lang)}**: ${bestText(b, lang)}`);
  return {
    name: clip(lang.t('replies.compare.bestsOf', { name: who.name }), 256),
    value: clip(lines.length > 0 ? lines.join('\n') : lang.t('replies.compare.noTime'), 1024),
  };
}

/** Two skaters side by side: the races where they met, who was ahead, best times and medals. */
export function renderCompare(h: HeadToHead, lang: Lang = EN): Reply {
  const a = mdSafe(h.a.name);
  const b = mdSafe(h.b.name);
  const count = h.meetings.length;
  const summary =
    count === 0
      ? lang.t('replies.compare.never')
      : lang.t('replies.compare.met', { count, a, b, winsA: h.wins.a, winsB: h.wins.b });
  const events =
    h.sharedEvents.length === 0
      ? lang.t('replies.compare.noShared')
      : lang.t('replies.compare.shared', {
          events: h.sharedEvents.map((e) => eventLine(e, lang)).join('; '),
        });
  const description = [
    summary,
    events,
    lang.t('replies.compare.medals', {
      a,
      b,
      medalsA: medalText(h.medals.a, lang),
      medalsB: medalText(h.medals.b, lang),
    }),
  ].join('\n');
  const fields = h.meetings.slice(0, MAX_MEETINGS).map((m) => meetingField(h, m, lang));
  if (h.sharedBests.length > 0) {
    const lines = h.sharedBests.map((s) => {
      const mark = (who: 'a' | 'b') => (s.faster === who ? `**${s[who].time.text}**` : s[who].time.text);
      return `**${distanceName(s.a.sport, s.a.discipline, lang)}**: ${a} ${mark('a')} · ${b} ${mark('b')}`;
    });
    fields.push({ name: lang.t('replies.compare.sharedBests'), value: clip(lines.join('\n'), 1024) });
  }
  // Distances only one of them skated; the shared ones are in the field above.
  const shared = new Set(h.sharedBests.map((s) => s.key));
  for (const [who, bests] of [
    [h.a, h.bests.a],
    [h.b, h.bests.b],
  ] as const) {
    const own = bests.filter((best) => !shared.has(best.key));
    if (own.length > 0 || shared.size === 0) fields.push(bestsOf(who, own, lang));
  }
  const embed: APIEmbed = {
    title: clip(lang.t('replies.compare.title', { a: h.a.name, b: h.b.name }), 256),
    description: clip(description, 2000),
    color: BRAND_COLOUR,
    fields,
  };
  // Long names and many races could pass the 6000 characters of a message: fewer races, never the bests.
  let shown = Math.min(count, MAX_MEETINGS);
  const footer = () => ({ text: lang.t('replies.compare.showing', { shown, count }) });
  if (shown < count) embed.footer = footer();
  while (shown > 0 && embedLength(embed) > LIMITS.embedTotal) {
    fields.splice(--shown, 1);
    embed.footer = footer();
  }
  return { embeds: [embed] };
}
