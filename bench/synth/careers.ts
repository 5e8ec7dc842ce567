import type { Group, Slot } from './calendar.js';
import type { Gender, NamePool } from './names.js';
import type { Random } from './random.js';

export interface Skater {
  id: number;
  name: string;
  noc: string;
  gender: Gender;
  group: Group;
  /** 0..1; drives results, so the strong skaters win again at the next Games. */
  ability: number;
  gamesLeft: number;
  lastYear: number;
  entriesThisYear: number;
  medals: number;
  golds: number;
}

/** Average starts per skater in one Games year; with 1-4 Games per career this gives ~2.5 events each. */
const ENTRIES_PER_YEAR = 1.4;
/** A career does not resume after a break longer than two Olympic cycles. */
const MAX_GAP = 8;
const CROSSOVER = 0.12;

const NEIGHBOURS: Readonly<Record<Group, readonly Group[]>> = {
  sprint: ['middle'],
  middle: ['sprint', 'distance'],
  distance: ['middle'],
  short: [],
};

/**
 * Fills each event's field, year by year: a roster per (group, gender) carries skaters over from earlier
 * Games until their career ends, and newcomers make up the rest.
 */
export function draftFields(
  slots: readonly Slot[],
  sizes: readonly number[],
  rng: Random,
  pool: NamePool,
): Skater[][] {
  const fields: Skater[][] = slots.map(() => []);
  const carried = new Map<string, Skater[]>();
  let nextId = 0;
  const byYear = new Map<number, number[]>();
  slots.forEach((slot, i) => byYear.set(slot.year, [...(byYear.get(slot.year) ?? []), i]));

  for (const [year, indices] of [...byYear.entries()].sort((a, b) => a[0] - b[0])) {
    const rosters = new Map<string, Skater[]>();
    const demand = new Map<string, { total: number; max: number; group: Group; gender: Gender }>();
    for (const i of indices) {
      const slot = slots[i]!;
      const key = `${slot.discipline.group}/${slot.gender}`;
      const d = demand.get(key) ?? { total: 0, max: 0, group: slot.discipline.group, gender: slot.gender };
      d.total += sizes[i]!;
      d.max = Math.max(d.max, sizes[i]!);
      demand.set(key, d);
    }
    for (const [key, d] of demand) {
      const size = Math.max(d.max, Math.ceil(d.total / ENTRIES_PER_YEAR));
      const roster = (carried.get(key) ?? []).filter((s) => year - s.lastYear <= MAX_GAP).slice(0, size);
      const sport = d.group === 'short' ? 'short-track' : 'long-track';
      while (roster.length < size) {
        const person = pool.draw(d.gender, sport);
        roster.push({
          id: nextId++,
          ...person,
          gender: d.gender,
          group: d.group,
          ability: rng.next(),
          gamesLeft: rng.weighted([
            [1, 45],
            [2, 33],
            [3, 17],
            [4, 5],
          ] as const),
          lastYear: year,
          entriesThisYear: 0,
          medals: 0,
          golds: 0,
        });
      }
      for (const s of roster) s.entriesThisYear = 0;
      rosters.set(key, roster);
    }

    for (const i of indices) {
      const slot = slots[i]!;
      const own = rosters.get(`${slot.discipline.group}/${slot.gender}`)!;
      const others = NEIGHBOURS[slot.discipline.group].flatMap(
        (g) => rosters.get(`${g}/${slot.gender}`) ?? [],
      );
      const size = sizes[i]!;
      const crossing =
        others.length > 0 ? Math.min(Math.round(size * CROSSOVER * rng.next() * 2), others.length) : 0;
      const field = [...leastUsed(others, crossing, rng), ...leastUsed(own, size - crossing, rng)];
      for (const s of field) s.entriesThisYear++;
      fields[i] = field;
    }

    for (const [key, roster] of rosters) {
      for (const s of roster) {
        s.gamesLeft--;
        s.lastYear = year;
      }
      // Stronger skaters keep their place on the roster when it shrinks.
      carried.set(
        key,
        roster.filter((s) => s.gamesLeft > 0).sort((a, b) => b.ability - a.ability),
      );
    }
  }
  return fields;
}

function leastUsed(roster: readonly Skater[], count: number, rng: Random): Skater[] {
  return roster
    .map((s) => ({ s, order: s.entriesThisYear + rng.next() * 0.9 }))
    .sort((a, b) => a.order - b.order)
    .slice(0, count)
    .map((x) => x.s);
}
