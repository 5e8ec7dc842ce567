import type { EventArticle, Heat, Medal, ResultRow, Round } from '../model/schemas.js';
import { nocOfCountryCell } from '../model/countries.js';
import { countryName } from './countries.js';
import { slug } from '../parse/slug.js';
import type { PictureJob } from '../pictures/requests.js';
import type { Podium } from '../domain/index.js';
import type { ChartLabels } from './images/index.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { winText } from './podium.js';
import { eventName, gamesName, heatName, sportName } from './names.js';
import { competitionDates } from './format.js';

// Keys name the data object itself, so a reloaded article never gets the picture of its old version.
const ids = new WeakMap<object, number>();
let nextId = 0;
function keyOf(kind: string, data: object, lang: Lang): string {
  let id = ids.get(data);
  if (id === undefined) {
    id = ++nextId;
    ids.set(data, id);
  }
  return lang.locale === EN.locale ? `${kind}:${id}` : `${kind}:${id}:${lang.locale}`;
}

// The words a picture draws travel in its job as plain strings, so a worker thread draws them unchanged.
// English jobs carry none: the renderer's own English is the same words.
function chartLabels(lang: Lang): { labels?: ChartLabels } {
  if (lang.locale === EN.locale) return {};
  const sprint = (n: number) => lang.t('pictures.sprint', { n });
  return {
    labels: {
      skater: lang.t('pictures.skater'),
      points: lang.t('pictures.points'),
      time: lang.t('pictures.time'),
      gap: lang.t('pictures.gap'),
      sprints: [sprint(1), sprint(2), sprint(3), lang.t('pictures.finalSprint')],
      winner: lang.t('pictures.winner'),
      noTime: lang.t('pictures.noTime'),
      noResults: lang.t('pictures.noResults'),
      penalised: lang.t('pictures.penalised'),
      didNotFinish: lang.t('pictures.didNotFinish'),
      didNotStart: lang.t('pictures.didNotStart'),
      disqualified: lang.t('pictures.disqualified'),
    },
  };
}

function medalLabels(lang: Lang): { medalLabels?: Record<Medal, string> } {
  if (lang.locale === EN.locale) return {};
  return {
    medalLabels: {
      gold: lang.t('pictures.gold'),
      silver: lang.t('pictures.silver'),
      bronze: lang.t('pictures.bronze'),
    },
  };
}

/** A skater as a heat chart names them: with the NOC their row's Country cell gives, where it gives one. */
function chartName(row: ResultRow): string {
  const noc = nocOfCountryCell(row.country);
  return noc === null ? row.name : `${row.name} (${noc})`;
}

/** The podium card for an event, or null when there is nobody to put on it. */
export function podiumPicture(podium: Podium, lang: Lang = EN): PictureJob | null {
  if (podium.places.length === 0) return null;
  const { event } = podium;
  const medal = {
    gold: lang.t('pictures.gold'),
    silver: lang.t('pictures.silver'),
    bronze: lang.t('pictures.bronze'),
  };
  const names = podium.places
    .map((p) => `${medal[p.medal]} ${p.name}${p.noc ? ` (${p.noc})` : ''}`)
    .join(', ');
  return {
    key: keyOf('podium', podium.round ?? event, lang),
    name: `podium-${slug(event.id)}.png`,
    description: lang
      .t('pictures.altPodium', { event: eventName(event, lang), medallists: names })
      .slice(0, 1024),
    request: {
      kind: 'podium',
      input: {
        eventName: eventName(event, lang),
        gamesLabel: gamesName(event, lang),
        venue: event.infobox?.venue ?? null,
        date: lang.locale === EN.locale ? (event.infobox?.dateText ?? null) : competitionDates(event, lang),
        sportLabel: sportName(event, lang),
        medallists: podium.places.map((p) => ({
          medal: p.medal,
          name: p.name,
          noc: p.noc,
          countryName: p.noc ? countryName(p.noc, lang) : null,
        })),
        winValue: podium.win ? winText(podium.win, lang) : null,
        ...medalLabels(lang),
      },
    },
  };
}

/** A chart of one heat: sprint points for a points race, times and gaps otherwise; null with neither. */
export function heatPicture(
  event: EventArticle,
  round: Round,
  heat: Heat,
  lang: Lang = EN,
): PictureJob | null {
  const title = `${eventName(event, lang)} · ${heatName(round, heat, lang)}`;
  const subtitle = `${sportName(event, lang)} · ${gamesName(event, lang)}`;
  const name = `${slug(event.id)}-${slug(round.id)}${heat.number === null ? '' : `-${heat.number}`}.png`;
  const job = (kind: 'sprints' | 'times', request: PictureJob['request']): PictureJob => ({
    key: keyOf(kind, heat, lang),
    name,
    description: lang
      .t(kind === 'sprints' ? 'pictures.altSprints' : 'pictures.altTimes', { title })
      .slice(0, 1024),
    request,
  });
  const timeOf = (row: ResultRow) => (row.mark.kind === 'time' ? row.mark.time : null);
  const placeOf = (row: ResultRow) => ({ rank: row.rank, name: chartName(row) });
  if (heat.rows.some((row) => row.points)) {
    return job('sprints', {
      kind: 'sprints',
      input: {
        title,
        subtitle,
        rows: heat.rows.map((row) => ({
          ...placeOf(row),
          sprints: row.points?.sprints ?? [null, null, null, null],
          total: row.points?.total ?? 0,
          time: timeOf(row)?.text ?? null,
        })),
        ...chartLabels(lang),
      },
    });
  }
  if (!heat.rows.some((row) => row.mark.kind === 'time')) return null;
  return job('times', {
    kind: 'times',
    input: {
      title,
      subtitle,
      rows: heat.rows.map((row) => ({
        ...placeOf(row),
        timeText: timeOf(row)?.text ?? null,
        ms: timeOf(row)?.ms ?? null,
        note: row.notes[0] ?? (row.mark.kind === 'status' ? row.mark.text : null),
      })),
      ...chartLabels(lang),
    },
  });
}
