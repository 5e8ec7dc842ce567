import type { EventArticle, Heat, Medal, ResultRow, Round } from '../model/schemas.js';
import { nocOfCountryCell } from '../model/countries.js';
import { countryName } from './countries.js';
import { slug } from '../parse/slug.js';
import type { PictureJob } from '../pictures/requests.js';
import type { Podium } from '../domain/index.js';
import type { HeadToHead, Meeting } from '../domain/compare.js';
import type { PersonalBest } from '../domain/bests.js';
import type { ChartLabels, HeadToHeadBest, HeadToHeadMark, HeadToHeadRace } from './images/index.js';
import { MAX_RACE_ROWS } from './images/sizes.js';
import type { Lang } from '../i18n/lang.js';
import { EN, capitalize } from '../i18n/lang.js';
import { winText } from './podium.js';
import { distanceName, eventName, gamesName, heatName, sportName } from '../i18n/names.js';
import { competitionDates, pointsText } from './format.js';

// Keys name the data objects themselves, so a reloaded article never gets the picture of its old version.
const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(data: object): number {
  let id = ids.get(data);
  if (id === undefined) {
    id = ++nextId;
    ids.set(data, id);
  }
  return id;
}
function keyOf(kind: string, data: object | readonly object[], lang: Lang): string {
  const id = Array.isArray(data) ? data.map(idOf).join(':') : idOf(data);
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

function headToHeadMark(row: ResultRow, lang: Lang): HeadToHeadMark {
  return {
    rank: row.rank,
    text: row.mark.kind === 'time' ? row.mark.time.text : row.mark.kind === 'status' ? row.mark.text : null,
    points: row.points ? pointsText(row.points.total, lang) : null,
  };
}

function raceLine(m: Meeting, lang: Lang): HeadToHeadRace {
  return {
    race: `${heatName(m.round, m.heat, lang)}${m.samePair ? lang.t('replies.compare.samePair') : ''}`,
    event: `${m.event.games.year} · ${eventName(m.event, lang)}`,
    a: headToHeadMark(m.a, lang),
    b: headToHeadMark(m.b, lang),
    ahead: m.ahead,
  };
}

/**
 * Best times side by side: over the distances both have a time for when they met, else every distance
 * either has one for (a dash for the other), so two who never met still have something to compare.
 */
function bestLines(h: HeadToHead, lang: Lang): HeadToHeadBest[] {
  const distance = (best: PersonalBest) => capitalize(distanceName(best.sport, best.discipline, lang), lang);
  if (h.meetings.length > 0 && h.sharedBests.length > 0)
    return h.sharedBests.map((s) => ({
      distance: distance(s.a),
      a: s.a.time.text,
      b: s.b.time.text,
      faster: s.faster,
    }));
  const lines = new Map<string, HeadToHeadBest>();
  for (const [side, bests] of [
    ['a', h.bests.a],
    ['b', h.bests.b],
  ] as const) {
    for (const best of bests) {
      const line = lines.get(best.key) ?? { distance: distance(best), a: null, b: null, faster: null };
      line[side] = best.time.text;
      lines.set(best.key, line);
    }
  }
  for (const shared of h.sharedBests) {
    const line = lines.get(shared.key);
    if (line) line.faster = shared.faster;
  }
  return [...lines.values()];
}

/** The alt text: who against whom, the tally or that they never met, and the best times drawn. */
function headToHeadAlt(h: HeadToHead, bests: readonly HeadToHeadBest[], lang: Lang): string {
  const { a, b } = h;
  const summary =
    h.meetings.length === 0
      ? lang.t('replies.compare.never')
      : lang.t('replies.compare.met', {
          count: h.meetings.length,
          a: a.name,
          b: b.name,
          winsA: h.wins.a,
          winsB: h.wins.b,
        });
  const times = bests.map((best) => {
    const marks = [
      best.a === null ? [] : [`${a.name} ${best.a}`],
      best.b === null ? [] : [`${b.name} ${best.b}`],
    ];
    return `${best.distance}: ${marks.flat().join(', ')}`;
  });
  const title = lang.t('replies.compare.title', { a: a.name, b: b.name });
  return [`${title} — ${summary}`, ...times].join(' · ').slice(0, 1024);
}

/**
 * The head-to-head picture: the races where they met with who finished ahead, the tally, and the best
 * times; null when there is neither a race nor a time to draw (the text says all there is).
 */
export function headToHeadPicture(h: HeadToHead, lang: Lang = EN): PictureJob | null {
  const bests = bestLines(h, lang);
  if (h.meetings.length === 0 && bests.length === 0) return null;
  const total = h.meetings.length;
  const hidden = total - Math.min(total, MAX_RACE_ROWS);
  return {
    key: keyOf('headToHead', [h.a, h.b], lang),
    // A name in a script slug() drops leaves nothing, hence the fallback.
    name: `compare-${slug(h.a.name) || 'a'}-${slug(h.b.name) || 'b'}.png`,
    description: headToHeadAlt(h, bests, lang),
    request: {
      kind: 'headToHead',
      input: {
        a: { name: h.a.name, noc: h.a.noc },
        b: { name: h.b.name, noc: h.b.noc },
        races: h.meetings.slice(0, MAX_RACE_ROWS).map((m) => raceLine(m, lang)),
        wins: { a: h.wins.a, b: h.wins.b, total },
        bests,
        labels: {
          headToHead: lang.t('pictures.headToHead'),
          versus: lang.t('pictures.versus'),
          racesWon: lang.t('pictures.racesWon'),
          race: lang.t('pictures.race'),
          neither: lang.t('replies.compare.neither'),
          neverMet: lang.t('replies.compare.never'),
          noTime: lang.t('replies.compare.noTime'),
          moreRaces: hidden > 0 ? lang.t('pictures.moreRaces', { count: hidden }) : null,
          bests: lang.t(
            total > 0 && h.sharedBests.length > 0 ? 'replies.compare.sharedBests' : 'replies.bests.field',
          ),
        },
      },
    },
  };
}
