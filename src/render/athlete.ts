import type { APIEmbed } from 'discord.js';
import type { ResultRow } from '../model/schemas.js';
import type { AthleteSummary, EventPath } from '../domain/index.js';
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
import { bestsField } from './bests.js';
import type { PersonalBest } from '../domain/bests.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { eventName, heatName, roundName, sportWord } from '../i18n/names.js';

function resultOf(row: ResultRow, lang: Lang): string {
  const parts: string[] = [];
  parts.push(row.rank === null ? lang.t('replies.common.noRank') : ordinal(row.rank, lang));
  if (row.points) parts.push(pointsText(row.points.total, lang));
  if (row.mark.kind !== 'none') parts.push(markText(row.mark));
  if (row.notes.length > 0) parts.push(row.notes.map(mdSafe).join(' '));
  return parts.join(' · ');
}

function outcome(path: EventPath, lang: Lang): string {
  if (path.medal) return `${MEDAL_EMOJI[path.medal]} ${ordinal(path.placing ?? 0, lang)}`;
  if (path.placing !== null) return ordinal(path.placing, lang);
  if (path.eliminatedIn)
    return lang.t('replies.athlete.outIn', {
      round: roundName(path.eliminatedIn, lang).toLocaleLowerCase(lang.locale),
    });
  return '';
}

/** A person through every round of every event loaded: NOC where stated, medals, and each path. */
export function renderAthlete(
  summary: AthleteSummary,
  bests: readonly PersonalBest[] = [],
  lang: Lang = EN,
): Reply {
  const { athlete, medals } = summary;
  const noc = nocLabel(athlete.noc);
  const medalLine = (['gold', 'silver', 'bronze'] as const)
    .filter((m) => medals[m] > 0)
    .map((m) => `${MEDAL_EMOJI[m]} ×${medals[m]}`)
    .join('  ');
  const count = summary.events.length;
  const description = [
    noc ? lang.t('replies.athlete.representing', { noc }) : lang.t('replies.athlete.nationUnknown'),
    medalLine || lang.t('replies.athlete.noMedals'),
    lang.t('replies.athlete.events', { count }),
  ].join('\n');
  const shown = bests.length > 0 ? 24 : 25;
  const fields = summary.events.slice(0, shown).map((path) => {
    const steps = path.path.map(
      (a) => `**${mdSafe(heatName(a.round, a.heat, lang))}** — ${resultOf(a.row, lang)}`,
    );
    // Another language's event name says short track itself: "1000 meter mannen (shorttrack)".
    const name =
      lang.locale === EN.locale
        ? `${path.event.eventName} (${sportWord(path.event)})`
        : `${eventName(path.event, lang)}${path.event.sport === 'short-track' ? '' : ` (${sportWord(path.event, lang)})`}`;
    return {
      name: clip(`${path.event.games.year} · ${name} — ${outcome(path, lang)}`, 256),
      value: clip(steps.join('\n'), 1024),
    };
  });
  if (bests.length > 0) fields.push(bestsField(bests, lang));
  const best = (['gold', 'silver', 'bronze'] as const).find((m) => medals[m] > 0);
  const embed: APIEmbed = {
    title: clip(athlete.name, 256),
    description,
    color: best ? MEDAL_COLOUR[best] : BRAND_COLOUR,
    fields,
  };
  if (summary.events.length > shown)
    embed.footer = { text: lang.t('replies.athlete.showing', { shown, count: summary.events.length }) };
  return { embeds: [embed] };
}
