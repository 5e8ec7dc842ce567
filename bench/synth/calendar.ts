import type { Gender, Sport } from './names.js';
import type { Random } from './random.js';

export type Format = 'mass-start' | 'single' | 'short-track';
/** Skaters specialise: a career is spent within one group, with some crossing to the neighbouring one. */
export type Group = 'sprint' | 'middle' | 'distance' | 'short';

export interface Discipline {
  /** Slug as the bot's ids use it: `500m`, `mass-start`. */
  slug: string;
  sport: Sport;
  format: Format;
  metres: number | null;
  group: Group;
  /** First Games at which the event was really held, per gender; null when it never was. */
  heldFrom: Readonly<Record<Gender, number | null>>;
  field: readonly [number, number];
  /** Winning time in seconds around 2026, men and women. */
  base: readonly [number, number];
}

function lt(
  metres: number,
  group: Group,
  men: number | null,
  women: number | null,
  field: [number, number],
  base: [number, number],
): Discipline {
  return {
    slug: `${metres}m`,
    sport: 'long-track',
    format: 'single',
    metres,
    group,
    heldFrom: { men, women },
    field,
    base,
  };
}

function st(
  metres: number,
  from: number | null,
  field: [number, number],
  base: [number, number],
): Discipline {
  return {
    slug: `${metres}m`,
    sport: 'short-track',
    format: 'short-track',
    metres,
    group: 'short',
    heldFrom: { men: from, women: from },
    field,
    base,
  };
}

// Odd distances (100, 300, 700, 333, 777, 3000 m short track) exist only so that scale 1000 has room for
// 3000 distinct events: 103 years x 2 genders x 16 disciplines.
export const DISCIPLINES: readonly Discipline[] = [
  lt(100, 'sprint', null, null, [20, 32], [9.5, 10.3]),
  lt(300, 'sprint', null, null, [20, 32], [23.2, 25.1]),
  lt(500, 'sprint', 1924, 1960, [26, 40], [34.2, 37.0]),
  lt(700, 'sprint', null, null, [20, 32], [48.0, 52.0]),
  lt(1000, 'sprint', 1976, 1960, [24, 40], [67.2, 73.5]),
  lt(1500, 'middle', 1924, 1960, [24, 38], [103.5, 113.5]),
  lt(3000, 'middle', null, 1960, [16, 30], [216, 236]),
  lt(5000, 'distance', 1924, 1988, [14, 28], [368, 398]),
  lt(10000, 'distance', 1924, null, [10, 20], [765, 830]),
  {
    slug: 'mass-start',
    sport: 'long-track',
    format: 'mass-start',
    metres: null,
    group: 'distance',
    heldFrom: { men: 2018, women: 2018 },
    field: [24, 32],
    base: [465, 515],
  },
  st(333, null, [16, 24], [27.5, 29.2]),
  st(500, 1992, [16, 30], [40.2, 42.4]),
  st(777, null, [16, 24], [65.0, 69.0]),
  st(1000, 1992, [16, 30], [83.5, 87.5]),
  st(1500, 2002, [16, 30], [132, 139]),
  st(3000, null, [16, 20], [278, 295]),
];

export const FIRST_YEAR = 1924;
export const LAST_YEAR = 2026;

export const REAL_GAMES = new Set([
  1924, 1928, 1932, 1936, 1948, 1952, 1956, 1960, 1964, 1968, 1972, 1976, 1980, 1984, 1988, 1992, 1994, 1998,
  2002, 2006, 2010, 2014, 2018, 2022, 2026,
]);

export interface Venue {
  name: string;
  city: string;
}

type VenuePair = readonly [long: Venue, short: Venue];

function same(name: string, city: string): VenuePair {
  return [
    { name, city },
    { name, city },
  ];
}

const GAMES_VENUES: Readonly<Record<number, VenuePair>> = {
  1924: same('Stade Olympique de Chamonix', 'Chamonix'),
  1928: same('Olympic Ice Rink', 'St. Moritz'),
  1932: same('James B. Sheffield Speed Skating Oval', 'Lake Placid'),
  1936: same('Riessersee', 'Garmisch-Partenkirchen'),
  1948: same('Olympic Ice Rink', 'St. Moritz'),
  1952: same('Bislett Stadion', 'Oslo'),
  1956: same('Lago di Misurina', 'Misurina'),
  1960: same('Squaw Valley Olympic Skating Rink', 'Squaw Valley'),
  1964: same('Eisschnelllaufbahn', 'Innsbruck'),
  1968: same("L'Anneau de Vitesse", 'Grenoble'),
  1972: same('Makomanai Speed Skating Rink', 'Sapporo'),
  1976: same('Eisschnelllaufbahn', 'Innsbruck'),
  1980: same('James B. Sheffield Speed Skating Oval', 'Lake Placid'),
  1984: same('Zetra Ice Rink', 'Sarajevo'),
  1988: [
    { name: 'Olympic Oval', city: 'Calgary' },
    { name: 'Max Bell Arena', city: 'Calgary' },
  ],
  1992: [
    { name: 'Anneau de vitesse', city: 'Albertville' },
    { name: 'Halle de Glace Olympique', city: 'Albertville' },
  ],
  1994: [
    { name: 'Vikingskipet', city: 'Hamar' },
    { name: 'Hamar Olympic Amphitheatre', city: 'Hamar' },
  ],
  1998: [
    { name: 'M-Wave', city: 'Nagano' },
    { name: 'White Ring', city: 'Nagano' },
  ],
  2002: [
    { name: 'Utah Olympic Oval', city: 'Kearns' },
    { name: 'Salt Lake Ice Center', city: 'Salt Lake City' },
  ],
  2006: [
    { name: 'Oval Lingotto', city: 'Turin' },
    { name: 'Palavela', city: 'Turin' },
  ],
  2010: [
    { name: 'Richmond Olympic Oval', city: 'Richmond' },
    { name: 'Pacific Coliseum', city: 'Vancouver' },
  ],
  2014: [
    { name: 'Adler Arena Skating Center', city: 'Sochi' },
    { name: 'Iceberg Skating Palace', city: 'Sochi' },
  ],
  2018: [
    { name: 'Gangneung Oval', city: 'Gangneung' },
    { name: 'Gangneung Ice Arena', city: 'Gangneung' },
  ],
  2022: [
    { name: 'National Speed Skating Oval', city: 'Beijing' },
    { name: 'Capital Indoor Stadium', city: 'Beijing' },
  ],
  2026: [
    { name: 'Milano Speed Skating Stadium', city: 'Milan' },
    { name: 'Forum di Milano', city: 'Milan' },
  ],
};

const OTHER_LONG: readonly Venue[] = [
  { name: 'Thialf', city: 'Heerenveen' },
  { name: 'Olympic Oval', city: 'Calgary' },
  { name: 'Utah Olympic Oval', city: 'Salt Lake City' },
  { name: 'Max Aicher Arena', city: 'Inzell' },
  { name: 'Vikingskipet', city: 'Hamar' },
  { name: 'Arena Lodowa', city: 'Tomaszów Mazowiecki' },
  { name: 'Sportforum Hohenschönhausen', city: 'Berlin' },
  { name: 'Taereung International Skating Rink', city: 'Seoul' },
];
const OTHER_SHORT: readonly Venue[] = [
  { name: 'Mokdong Ice Rink', city: 'Seoul' },
  { name: 'Maurice Richard Arena', city: 'Montreal' },
  { name: 'Papp László Sportaréna', city: 'Budapest' },
  { name: 'Ice Palace', city: 'Dordrecht' },
  { name: 'Sportpaleis', city: 'Antwerp' },
  { name: 'Shougang Ice Arena', city: 'Beijing' },
];

export function venueFor(year: number, sport: Sport): Venue {
  const games = GAMES_VENUES[year];
  if (games) return sport === 'long-track' ? games[0] : games[1];
  const list = sport === 'long-track' ? OTHER_LONG : OTHER_SHORT;
  return list[year % list.length]!;
}

export interface Slot {
  year: number;
  gender: Gender;
  discipline: Discipline;
  /** 0 for a real event at real Games; higher is less like history, and taken only at larger scales. */
  tier: number;
}

export function slotKey(slot: Pick<Slot, 'year' | 'gender' | 'discipline'>): string {
  return `${slot.discipline.sport}/${slot.discipline.slug}/${slot.gender}/${slot.year}`;
}

export function capacity(): number {
  return (LAST_YEAR - FIRST_YEAR + 1) * 2 * DISCIPLINES.length;
}

/**
 * Picks `count` distinct (year, sport, discipline, gender) slots. The three formats take turns, so a small
 * corpus holds a mass start, a short-track event and a long-track distance, as the seeds do; within a
 * format the most historical slots come first.
 */
export function chooseSlots(rng: Random, count: number): Slot[] {
  const queues = new Map<Format, { slot: Slot; key: number }[]>();
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const gender of ['men', 'women'] as const) {
      for (const discipline of DISCIPLINES) {
        const from = discipline.heldFrom[gender];
        const held = from !== null && year >= from;
        const tier = (REAL_GAMES.has(year) ? 0 : 2) + (held ? 0 : 1);
        const queue = queues.get(discipline.format) ?? [];
        queue.push({ slot: { year, gender, discipline, tier }, key: rng.next() });
        queues.set(discipline.format, queue);
      }
    }
  }
  const ordered = (['mass-start', 'short-track', 'single'] as const).map((format) =>
    (queues.get(format) ?? []).sort((a, b) => a.slot.tier - b.slot.tier || a.key - b.key).map((q) => q.slot),
  );
  const chosen: Slot[] = [];
  const cursors = ordered.map(() => 0);
  while (chosen.length < count) {
    let progressed = false;
    for (let i = 0; i < ordered.length && chosen.length < count; i++) {
      const next = ordered[i]![cursors[i]!];
      if (!next) continue;
      cursors[i]!++;
      chosen.push(next);
      progressed = true;
    }
    if (!progressed) throw new RangeError(`at most ${capacity()} events fit in ${FIRST_YEAR}..${LAST_YEAR}`);
  }
  return chosen.sort(compareSlots);
}

const SPORT_ORDER: Readonly<Record<Sport, number>> = { 'long-track': 0, 'short-track': 1 };

export function compareSlots(a: Slot, b: Slot): number {
  return (
    a.year - b.year ||
    SPORT_ORDER[a.discipline.sport] - SPORT_ORDER[b.discipline.sport] ||
    (a.gender === b.gender ? 0 : a.gender === 'men' ? -1 : 1) ||
    DISCIPLINES.indexOf(a.discipline) - DISCIPLINES.indexOf(b.discipline)
  );
}

/** How much slower skaters were in a given year than now; long distances improved the most. */
export function eraFactor(year: number, discipline: Discipline): number {
  const age = (LAST_YEAR - year) / (LAST_YEAR - FIRST_YEAR);
  if (discipline.format === 'short-track') return 1 + 0.15 * age;
  if (discipline.format === 'mass-start') return 1 + 0.08 * age;
  return 1 + ((discipline.metres ?? 0) >= 3000 ? 0.42 : 0.3) * age;
}

/** Digits after the point: hand timing in tenths before 1972; short track in thousandths from 2002. */
export function timeDecimals(year: number, discipline: Discipline): 1 | 2 | 3 {
  if (discipline.format === 'short-track') return year >= 2002 ? 3 : 2;
  return year >= 1972 ? 2 : 1;
}
