import type { PodiumCardInput, SprintChartInput, TimeChartInput } from '../../src/render/images/index.js';

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
