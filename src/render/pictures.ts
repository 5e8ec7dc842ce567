import type { EventArticle, Heat, Round } from '../model/schemas.js';
import { nocByCode } from '../model/countries.js';
import { slug } from '../parse/slug.js';
import type { PictureJob } from '../pictures/requests.js';
import type { Podium } from '../domain/index.js';
import { heatLabel } from '../domain/index.js';
import { winText } from './podium.js';

// Keys name the data object itself, so a reloaded article never gets the picture of its old version.
const ids = new WeakMap<object, number>();
let nextId = 0;
function keyOf(kind: string, data: object): string {
  let id = ids.get(data);
  if (id === undefined) {
    id = ++nextId;
    ids.set(data, id);
  }
  return `${kind}:${id}`;
}

/** The podium card for an event, or null when there is nobody to put on it. */
export function podiumPicture(podium: Podium): PictureJob | null {
  if (podium.places.length === 0) return null;
  const { event } = podium;
  const names = podium.places.map((p) => `${p.medal} ${p.name}${p.noc ? ` (${p.noc})` : ''}`).join(', ');
  return {
    key: keyOf('podium', podium.round ?? event),
    name: `podium-${slug(event.id)}.png`,
    description: `Podium of ${event.eventName}: ${names}`.slice(0, 1024),
    request: {
      kind: 'podium',
      input: {
        eventName: event.eventName,
        gamesLabel: event.games.label,
        venue: event.infobox?.venue ?? null,
        date: event.infobox?.dateText ?? null,
        sportLabel: event.sportLabel,
        medallists: podium.places.map((p) => ({
          medal: p.medal,
          name: p.name,
          noc: p.noc,
          countryName: p.noc ? nocByCode(p.noc).name : null,
        })),
        winValue: podium.win ? winText(podium.win) : null,
      },
    },
  };
}

/** A chart of one heat: sprint points for a points race, times and gaps otherwise; null with neither. */
export function heatPicture(event: EventArticle, round: Round, heat: Heat): PictureJob | null {
  const title = `${event.eventName} · ${heatLabel(round, heat)}`;
  const subtitle = `${event.sportLabel} · ${event.games.label}`;
  const name = `${slug(event.id)}-${slug(round.id)}${heat.number === null ? '' : `-${heat.number}`}.png`;
  const job = (kind: 'sprints' | 'times', what: string, request: PictureJob['request']): PictureJob => ({
    key: keyOf(kind, heat),
    name,
    description: `${what}, ${title}`.slice(0, 1024),
    request,
  });
  if (heat.rows.some((row) => row.points)) {
    return job('sprints', 'Sprint points per skater', {
      kind: 'sprints',
      input: {
        title,
        subtitle,
        rows: heat.rows.map((row) => ({
          rank: row.rank,
          name: row.name,
          sprints: row.points?.sprints ?? [null, null, null, null],
          total: row.points?.total ?? 0,
          time: row.mark.kind === 'time' ? row.mark.time.text : null,
        })),
      },
    });
  }
  if (!heat.rows.some((row) => row.mark.kind === 'time')) return null;
  return job('times', 'Times and gaps to the winner', {
    kind: 'times',
    input: {
      title,
      subtitle,
      rows: heat.rows.map((row) => ({
        rank: row.rank,
        name: row.name,
        timeText: row.mark.kind === 'time' ? row.mark.time.text : null,
        ms: row.mark.kind === 'time' ? row.mark.time.ms : null,
        note: row.notes[0] ?? (row.mark.kind === 'status' ? row.mark.text : null),
      })),
    },
  });
}
