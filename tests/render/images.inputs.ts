import type {
  HeadToHeadInput,
  HeadToHeadLabels,
  HeadToHeadMark,
  PodiumCardInput,
  SprintChartInput,
  TimeChartInput,
} from '../../src/render/images/index.js';

/** The men's mass start podium, as in seeds/000_*.txt. */
export const mensMassStartPodium: PodiumCardInput = {
  eventName: "Men's mass start",
  gamesLabel: '2026 Winter Olympics',
  venue: 'Milano Speed Skating Stadium, Milan',
  date: '21 February 2026',
  sportLabel: 'Speed skating',
  medallists: [
    { medal: 'gold', name: 'Jorrit Bergsma', noc: 'NED', countryName: 'Netherlands' },
    { medal: 'silver', name: 'Viktor Hald Thorup', noc: 'DEN', countryName: 'Denmark' },
    { medal: 'bronze', name: 'Andrea Giovannini', noc: 'ITA', countryName: 'Italy' },
  ],
  winValue: '68 pts',
};

/** The women's mass start final, every row of seeds/001_*.txt. */
export const womensMassStartFinal: SprintChartInput = {
  title: "Women's mass start — Final",
  subtitle: 'Speed skating · 2026 Winter Olympics · Milano Speed Skating Stadium, Milan · 21 February 2026',
  rows: [
    { rank: 1, name: 'Marijke Groenewoud', sprints: [null, null, null, 60], total: 60, time: '8:34.70' },
    { rank: 2, name: 'Ivanie Blondin', sprints: [null, null, null, 40], total: 40, time: '8:35.09' },
    { rank: 3, name: 'Mia Manganello', sprints: [null, null, null, 20], total: 20, time: '8:35.39' },
    { rank: 4, name: 'Francesca Lollobrigida', sprints: [null, null, null, 10], total: 10, time: '8:35.95' },
    { rank: 5, name: 'Valérie Maltais', sprints: [null, null, null, 6], total: 6, time: '8:36.10' },
    { rank: 6, name: 'Kaitlyn McGregor', sprints: [null, 3, 2, null], total: 5, time: '8:47.96' },
    { rank: 7, name: 'Yang Binyu', sprints: [null, null, null, 3], total: 3, time: '8:36.16' },
    { rank: 8, name: 'Jeannine Rosner', sprints: [3, null, null, null], total: 3, time: '8:36.68' },
    { rank: 9, name: 'Fran Vanhoutte', sprints: [null, null, 3, null], total: 3, time: '8:58.71' },
    { rank: 10, name: 'Bente Kerkhoff', sprints: [2, null, 1, null], total: 3, time: '9:08.16' },
    { rank: 11, name: 'Ramona Härdi', sprints: [null, 2, null, null], total: 2, time: '8:53.52' },
    { rank: 12, name: 'Greta Myers', sprints: [1, null, null, null], total: 1, time: '8:37.14' },
    { rank: 13, name: 'Sandrine Tas', sprints: [null, 1, null, null], total: 1, time: '8:47.72' },
    { rank: 14, name: 'Park Ji-woo', sprints: [null, null, null, null], total: 0, time: '8:36.31' },
    { rank: 15, name: 'Ayano Sato', sprints: [null, null, null, null], total: 0, time: '8:36.58' },
    { rank: 16, name: 'Elizaveta Golubeva', sprints: [null, null, null, null], total: 0, time: '8:38.07' },
  ],
};

/** Short-track men's 1000 m, quarterfinal heat 3, as in seeds/002_*.txt. */
export const shortTrackQuarterfinal3: TimeChartInput = {
  title: "Men's 1000 metres — Quarterfinal 3",
  subtitle: 'Short-track speed skating · 2026 Winter Olympics · Forum di Milano, Milan · 12 February 2026',
  rows: [
    { rank: 1, name: 'Sun Long', timeText: '1:26.563', ms: 86_563, note: 'Q' },
    { rank: 2, name: 'Roberts Krūzbergs', timeText: '1:27.133', ms: 87_133, note: 'Q' },
    { rank: 3, name: 'Michał Niewiński', timeText: '1:46.369', ms: 106_369, note: 'ADV' },
    { rank: null, name: 'Pietro Sighel', timeText: null, ms: null, note: 'PEN' },
    { rank: null, name: 'Quentin Fercoq', timeText: null, ms: null, note: 'PEN' },
  ],
};

const LABELS: HeadToHeadLabels = {
  headToHead: 'Head to head',
  versus: 'vs',
  racesWon: 'Races won',
  race: 'Race',
  neither: 'Neither finished ahead',
  neverMet: 'They never met in a race in the loaded events.',
  noTime: 'No finishing time in the loaded events',
  moreRaces: null,
  bests: 'Best times over the same distance',
};

const mark = (rank: number | null, text: string | null, points: string | null = null): HeadToHeadMark => ({
  rank,
  text,
  points,
});

/** Sun Long against Roberts Krūzbergs: the four races of seeds/002_*.txt where they met. */
export const sunLongVsKruzbergs: HeadToHeadInput = {
  a: { name: 'Sun Long', noc: 'CHN' },
  b: { name: 'Roberts Krūzbergs', noc: null },
  races: [
    {
      race: 'Heats, heat 8',
      event: "2026 · Men's 1000 metres",
      a: mark(2, '1:25.339'),
      b: mark(3, '1:25.341'),
      ahead: 'a',
    },
    {
      race: 'Quarterfinals, heat 3',
      event: "2026 · Men's 1000 metres",
      a: mark(1, '1:26.563'),
      b: mark(2, '1:27.133'),
      ahead: 'a',
    },
    {
      race: 'Semifinals, heat 1',
      event: "2026 · Men's 1000 metres",
      a: mark(2, '1:23.585'),
      b: mark(3, '1:23.700'),
      ahead: 'a',
    },
    {
      race: 'Final A',
      event: "2026 · Men's 1000 metres",
      a: mark(2, '1:24.565'),
      b: mark(5, '1:24.681'),
      ahead: 'a',
    },
  ],
  wins: { a: 4, b: 0, total: 4 },
  bests: [{ distance: '1000 m (short track)', a: '1:23.585', b: '1:23.700', faster: 'a' }],
  labels: LABELS,
};

/** Jorrit Bergsma and Sun Long, who skated different events: no race, each one's best alone. */
export const bergsmaVsSunLong: HeadToHeadInput = {
  a: { name: 'Jorrit Bergsma', noc: 'NED' },
  b: { name: 'Sun Long', noc: 'CHN' },
  races: [],
  wins: { a: 0, b: 0, total: 0 },
  bests: [
    { distance: 'Mass start', a: '7:47.81', b: null, faster: null },
    { distance: '1000 m (short track)', a: null, b: '1:23.585', faster: null },
  ],
  labels: { ...LABELS, bests: 'Best times in the loaded events' },
};

/** Everything the seeds do not show at once: a tie, a penalty, points, long names, more races than rows. */
export const crowdedHeadToHead: HeadToHeadInput = {
  a: { name: 'Antoine Gélinas-Beaulieu Tremblay-Fortin', noc: 'CAN' },
  b: { name: 'Aurora Grinden Løvås', noc: null },
  races: [
    {
      race: 'Semifinals, heat 2',
      event: "2022 · Men's mass start",
      a: mark(3, '7:40.12', '20 pts'),
      b: mark(9, '7:52.40', '1 pt'),
      ahead: 'a',
    },
    {
      race: 'Quarterfinals, heat 1',
      event: "2026 · Men's 1500 metres",
      a: mark(null, 'PEN'),
      b: mark(2, '2:14.052'),
      ahead: 'b',
    },
    {
      race: 'Final B',
      event: "2026 · Men's 1500 metres",
      a: mark(null, 'DNF'),
      b: mark(null, null),
      ahead: null,
    },
    ...Array.from({ length: 7 }, (_, index) => ({
      race: `Heats, heat ${index + 1}`,
      event: "2030 · Men's 1000 metres",
      a: mark(1, '1:25.000'),
      b: mark(2, '1:25.010'),
      ahead: 'a' as const,
    })),
  ],
  wins: { a: 10, b: 2, total: 13 },
  bests: [],
  labels: { ...LABELS, moreRaces: '…and 3 more races' },
};
