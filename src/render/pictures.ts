import type { EventArticle, Heat, Round } from '../model/schemas.js';
import { nocByCode } from '../model/countries.js';
import type { Podium } from '../search/index.js';
import { heatLabel } from '../search/index.js';
import { createImageCache } from '../pictures/cache.js';
import { draw } from '../pictures/drawer.js';
import type { DrawRequest } from '../pictures/requests.js';
import { markText, pointsText } from './format.js';
import type { Reply, ReplyFile } from './reply.js';

const cache = createImageCache(64);

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

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A picture a reply can carry: what it is called and says, and how to draw it (only when not cached). */
export interface PictureJob {
  key: string;
  name: string;
  description: string;
  request: () => DrawRequest;
}

/**
 * A reply with its picture. One drawn before is attached at once: a single message, no second request.
 * Otherwise the text goes first and the picture follows in `later` (see Reply.later).
 */
export function withPicture(job: PictureJob | null, render: (picture: ReplyFile | null) => Reply): Reply {
  if (!job) return render(null);
  const file = (data: Buffer): ReplyFile => ({ name: job.name, data, description: job.description });
  const cached = cache.get(job.key);
  if (cached !== undefined) return render(file(cached));
  return {
    ...render(null),
    later: async () => render(file(await cache.getOrDraw(job.key, () => draw(job.request())))),
  };
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
    request: () => ({
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
        winValue: (() => {
          const win = event.infobox?.win;
          if (win) return win.kind === 'points' ? pointsText(win.points) : win.time.text;
          const gold = podium.places.find((p) => p.medal === 'gold')?.row;
          return gold ? (gold.points ? pointsText(gold.points.total) : markText(gold.mark)) : null;
        })(),
      },
    }),
  };
}

/** A chart of one heat: sprint points for a points race, times and gaps otherwise; null with neither. */
export function heatPicture(event: EventArticle, round: Round, heat: Heat): PictureJob | null {
  const title = `${event.eventName} · ${heatLabel(round, heat)}`;
  const subtitle = `${event.sportLabel} · ${event.games.label}`;
  const name = `${slug(event.id)}-${slug(round.id)}${heat.number === null ? '' : `-${heat.number}`}.png`;
  const job = (kind: 'sprints' | 'times', what: string, request: () => DrawRequest): PictureJob => ({
    key: keyOf(kind, heat),
    name,
    description: `${what}, ${title}`.slice(0, 1024),
    request,
  });
  if (heat.rows.some((row) => row.points)) {
    return job('sprints', 'Sprint points per skater', () => ({
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
    }));
  }
  if (!heat.rows.some((row) => row.mark.kind === 'time')) return null;
  return job('times', 'Times and gaps to the winner', () => ({
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
  }));
}
