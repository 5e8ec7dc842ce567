import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Heat, Infobox, Mark, ResultRow, Round } from '../../src/model/schemas.js';
import { EventArticle } from '../../src/model/schemas.js';
import { parseArticle } from '../../src/parse/article.js';

// Golden facts for the three seed articles, written out by hand from the text (not from the parser).
const SEEDS = new URL('../../seeds/', import.meta.url);

function loadSeed(file: string) {
  return parseArticle(readFileSync(new URL(file, SEEDS), 'utf8'), file);
}

type Sprints = [number | null, number | null, number | null, number | null];
/** A mass-start row: line, rank, heat, name, athlete id, laps, S1-S4, Total, time as written, ms, decimals, notes. */
type MassRow = [
  line: number,
  rank: number | null,
  heat: number | null,
  name: string,
  athleteId: string,
  laps: number,
  sprints: Sprints,
  total: number,
  time: string,
  ms: number,
  decimals: number,
  notes: string[],
];
/** A short-track row: line, rank, heat, name, athlete id, mark, notes. */
type TrackRow = [
  line: number,
  rank: number | null,
  heat: number | null,
  name: string,
  athleteId: string,
  mark: Mark,
  notes: string[],
];

const NONE: Mark = { kind: 'none' };
function time(text: string, ms: number, decimals: number): Mark {
  return { kind: 'time', time: { text, ms, decimals } };
}

function massRow([
  line,
  rank,
  ,
  name,
  athleteId,
  laps,
  sprints,
  total,
  text,
  ms,
  decimals,
  notes,
]: MassRow): ResultRow {
  return {
    line,
    rank,
    name,
    athleteId,
    country: null,
    pair: null,
    lane: null,
    laps,
    points: { sprints, total },
    mark: time(text, ms, decimals),
    behind: null,
    notes,
  };
}

function trackRow([line, rank, , name, athleteId, mark, notes]: TrackRow): ResultRow {
  return {
    line,
    rank,
    name,
    athleteId,
    country: null,
    pair: null,
    lane: null,
    laps: null,
    points: null,
    mark,
    behind: null,
    notes,
  };
}

/** Groups expected rows into heats by their heat number, in order of first appearance. */
function heatsOf<T extends MassRow | TrackRow>(rows: T[], toRow: (row: T) => ResultRow): Heat[] {
  const heats: Heat[] = [];
  for (const row of rows) {
    const number = row[2];
    let heat = heats.find((h) => h.number === number);
    if (!heat) {
      heat = { number, rows: [] };
      heats.push(heat);
    }
    heat.rows.push(toRow(row));
  }
  return heats;
}

function shape(rounds: Round[]) {
  return rounds.map((round) => [round.id, round.heats.map((heat) => [heat.number, heat.rows.length])]);
}

describe('parse/article', () => {
  describe('parseArticle (seeds)', () => {
    const files = readdirSync(SEEDS).filter((file) => file.endsWith('.txt'));

    it('finds the three seed articles', () => {
      expect(files).toEqual(
        expect.arrayContaining([
          '000_1a0ef7e0fe2592fc.txt',
          '001_b655e7eba899887c.txt',
          '002_719e20d4052c2932.txt',
        ]),
      );
    });

    it.each(files)('%s parses with no warnings and validates', (file) => {
      const { article, warnings } = loadSeed(file);
      expect(warnings).toStrictEqual([]);
      expect(EventArticle.parse(article)).toStrictEqual(article);
    });

    it.each(files)('%s reads the same with a byte-order mark and CRLF line endings', (file) => {
      const text = readFileSync(new URL(file, SEEDS), 'utf8');
      expect(parseArticle(`\uFEFF${text.replace(/\n/g, '\r\n')}`, file)).toStrictEqual(loadSeed(file));
    });

    it('reads 160 result rows across the three seeds', () => {
      const rows = ['000_1a0ef7e0fe2592fc.txt', '001_b655e7eba899887c.txt', '002_719e20d4052c2932.txt']
        .map((file) => loadSeed(file).article)
        .flatMap((article) => article.rounds.flatMap((round) => round.heats.flatMap((heat) => heat.rows)));
      expect(rows.length).toBe(160);
    });
  });

  describe("parseArticle (seed 000: men's mass start)", () => {
    const { article } = loadSeed('000_1a0ef7e0fe2592fc.txt');

    it('reads the title', () => {
      expect({
        id: article.id,
        source: article.source,
        title: article.title,
        sport: article.sport,
        sportLabel: article.sportLabel,
        games: article.games,
        eventName: article.eventName,
        gender: article.gender,
        discipline: article.discipline,
      }).toStrictEqual({
        id: 'mass-start-men-2026',
        source: '000_1a0ef7e0fe2592fc.txt',
        title: "Speed skating at the 2026 Winter Olympics – Men's mass start",
        sport: 'long-track',
        sportLabel: 'Speed skating',
        games: { year: 2026, season: 'Winter', label: '2026 Winter Olympics' },
        eventName: "Men's mass start",
        gender: 'men',
        discipline: 'mass-start',
      });
    });

    it('reads the infobox raw and normalised', () => {
      expect(article.infobox).toStrictEqual<Infobox>({
        raw: {
          Event: "Men's mass start",
          Games: '2026 Winter',
          Venue: 'Milano Speed Skating Stadium,, Milan',
          Date: '21 February 2026',
          Competitors: '29',
          Nations: '17',
          'Win Value': '68',
          'Win Label': 'Winning points',
          Gold: 'Jorrit Bergsma',
          Goldnoc: 'NED',
          Silver: 'Viktor Hald Thorup',
          Silvernoc: 'DEN',
          Bronze: 'Andrea Giovannini',
          Bronzenoc: 'ITA',
          Prev: '2022',
          Next: '2030',
        },
        line: 3,
        event: "Men's mass start",
        venue: 'Milano Speed Skating Stadium, Milan',
        dates: ['2026-02-21'],
        dateText: '21 February 2026',
        competitors: 29,
        nations: 17,
        win: { kind: 'points', points: 68, label: 'Winning points' },
        medallists: [
          { medal: 'gold', name: 'Jorrit Bergsma', athleteId: 'bergsma-jorrit', noc: 'NED' },
          { medal: 'silver', name: 'Viktor Hald Thorup', athleteId: 'hald-thorup-viktor', noc: 'DEN' },
          { medal: 'bronze', name: 'Andrea Giovannini', athleteId: 'andrea-giovannini', noc: 'ITA' },
        ],
        prev: '2022',
        next: '2030',
      });
    });

    it('reads the prose sections', () => {
      expect(article.sections.map((s) => [s.heading, s.level, s.line, s.paragraphs.length])).toStrictEqual([
        [null, 1, 1, 1],
        ['Background', 2, 23, 1],
        ['Summary', 2, 26, 1],
      ]);
    });

    it('reads the rounds, heats and row counts', () => {
      expect(article.rounds.map((r) => [r.id, r.kind, r.label, r.line, r.start])).toStrictEqual([
        ['semifinal', 'semifinal', 'Semifinals', 30, null],
        ['final', 'final', 'Final', 63, null],
      ]);
      expect(shape(article.rounds)).toStrictEqual([
        [
          'semifinal',
          [
            [1, 14],
            [2, 15],
          ],
        ],
        ['final', [[null, 16]]],
      ]);
    });

    it('reads every row of every table', () => {
      expect(article.rounds.map((round) => round.heats)).toStrictEqual([
        heatsOf(SEED_000_SEMIFINALS, massRow),
        heatsOf(SEED_000_FINAL, massRow),
      ]);
    });

    it('states the NOCs of the medallists and no one else', () => {
      expect(article.nocs).toStrictEqual({
        'bergsma-jorrit': 'NED',
        'hald-thorup-viktor': 'DEN',
        'andrea-giovannini': 'ITA',
      });
    });
  });

  describe("parseArticle (seed 001: women's mass start)", () => {
    const { article } = loadSeed('001_b655e7eba899887c.txt');

    it('reads the title', () => {
      expect([
        article.id,
        article.title,
        article.sport,
        article.eventName,
        article.gender,
        article.discipline,
      ]).toStrictEqual([
        'mass-start-women-2026',
        "Speed skating at the 2026 Winter Olympics – Women's mass start",
        'long-track',
        "Women's mass start",
        'women',
        'mass-start',
      ]);
    });

    it('reads the infobox raw and normalised', () => {
      expect(article.infobox).toStrictEqual<Infobox>({
        raw: {
          Event: "Women's mass start",
          Games: '2026 Winter',
          Venue: 'Milano Speed Skating Stadium,, Milan',
          Date: '21 February 2026',
          Competitors: '27',
          Nations: '16',
          'Win Value': '60',
          'Win Label': 'Winning points',
          Gold: 'Marijke Groenewoud',
          Goldnoc: 'NED',
          Silver: 'Ivanie Blondin',
          Silvernoc: 'CAN',
          Bronze: 'Mia Manganello',
          Bronzenoc: 'USA',
          Prev: '2022',
          Next: '2030',
        },
        line: 3,
        event: "Women's mass start",
        venue: 'Milano Speed Skating Stadium, Milan',
        dates: ['2026-02-21'],
        dateText: '21 February 2026',
        competitors: 27,
        nations: 16,
        win: { kind: 'points', points: 60, label: 'Winning points' },
        medallists: [
          { medal: 'gold', name: 'Marijke Groenewoud', athleteId: 'groenewoud-marijke', noc: 'NED' },
          { medal: 'silver', name: 'Ivanie Blondin', athleteId: 'blondin-ivanie', noc: 'CAN' },
          { medal: 'bronze', name: 'Mia Manganello', athleteId: 'manganello-mia', noc: 'USA' },
        ],
        prev: '2022',
        next: '2030',
      });
    });

    it('reads the prose sections', () => {
      expect(article.sections.map((s) => [s.heading, s.level, s.line, s.paragraphs.length])).toStrictEqual([
        [null, 1, 1, 1],
        ['Background', 2, 23, 1],
      ]);
    });

    it('reads the rounds, heats and row counts', () => {
      expect(article.rounds.map((r) => [r.id, r.kind, r.label, r.line, r.start])).toStrictEqual([
        ['semifinal', 'semifinal', 'Semifinals', 27, null],
        ['final', 'final', 'Final', 58, null],
      ]);
      expect(shape(article.rounds)).toStrictEqual([
        [
          'semifinal',
          [
            [1, 13],
            [2, 14],
          ],
        ],
        ['final', [[null, 16]]],
      ]);
    });

    it('reads every row of every table', () => {
      expect(article.rounds.map((round) => round.heats)).toStrictEqual([
        heatsOf(SEED_001_SEMIFINALS, massRow),
        heatsOf(SEED_001_FINAL, massRow),
      ]);
    });

    it('states the NOCs of the medallists and no one else', () => {
      expect(article.nocs).toStrictEqual({
        'groenewoud-marijke': 'NED',
        'blondin-ivanie': 'CAN',
        'manganello-mia': 'USA',
      });
    });
  });

  describe("parseArticle (seed 002: short-track men's 1000 metres)", () => {
    const { article } = loadSeed('002_719e20d4052c2932.txt');

    it('reads the title', () => {
      expect([
        article.id,
        article.title,
        article.sport,
        article.sportLabel,
        article.eventName,
        article.gender,
        article.discipline,
      ]).toStrictEqual([
        'short-track-1000m-men-2026',
        "Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres",
        'short-track',
        'Short-track speed skating',
        "Men's 1000 metres",
        'men',
        '1000m',
      ]);
    });

    it('reads the infobox raw and normalised, with the year of the dates taken from the Games', () => {
      expect(article.infobox).toStrictEqual<Infobox>({
        raw: {
          Event: "Men's 1000 metres",
          Games: '2026 Winter',
          Venue: 'Forum di Milano, Milan',
          Date: '10 and 12 February',
          Competitors: '32',
          Nations: '17',
          'Win Value': '1:24.537',
          Gold: "Jens van 't Wout",
          Goldnoc: 'NED',
          Silver: 'Sun Long',
          Silvernoc: 'CHN',
          Bronze: 'Rim Jong-un',
          Bronzenoc: 'KOR',
          Prev: '2022',
          Next: '2030',
        },
        line: 3,
        event: "Men's 1000 metres",
        venue: 'Forum di Milano, Milan',
        dates: ['2026-02-10', '2026-02-12'],
        dateText: '10 and 12 February',
        competitors: 32,
        nations: 17,
        win: { kind: 'time', time: { text: '1:24.537', ms: 84_537, decimals: 3 }, label: 'Winning time' },
        medallists: [
          { medal: 'gold', name: "Jens van 't Wout", athleteId: 'jens-t-van-wout', noc: 'NED' },
          { medal: 'silver', name: 'Sun Long', athleteId: 'long-sun', noc: 'CHN' },
          { medal: 'bronze', name: 'Rim Jong-un', athleteId: 'jong-rim-un', noc: 'KOR' },
        ],
        prev: '2022',
        next: '2030',
      });
    });

    it('reads the prose sections, and the start lines are not prose', () => {
      expect(article.sections.map((s) => [s.heading, s.level, s.line, s.paragraphs.length])).toStrictEqual([
        [null, 1, 1, 1],
        ['Background', 2, 22, 1],
        ['Qualification', 2, 25, 1],
        ['Records', 2, 29, 1],
      ]);
    });

    it('reads the rounds with their start times (Milan is UTC+1 in February)', () => {
      expect(article.rounds.map((r) => [r.id, r.kind, r.label, r.line, r.start])).toStrictEqual([
        [
          'heat',
          'heat',
          'Heats',
          34,
          { text: '10 February 2026, 11:10', local: '2026-02-10T11:10', unix: 1_770_718_200 },
        ],
        [
          'quarterfinal',
          'quarterfinal',
          'Quarterfinals',
          70,
          { text: '12 February 2026, 20:34', local: '2026-02-12T20:34', unix: 1_770_924_840 },
        ],
        [
          'semifinal',
          'semifinal',
          'Semifinals',
          94,
          { text: '12 February 2026, 21:12', local: '2026-02-12T21:12', unix: 1_770_927_120 },
        ],
        [
          'final-b',
          'final-b',
          'Final B',
          109,
          { text: '12 February 2026, 21:52', local: '2026-02-12T21:52', unix: 1_770_929_520 },
        ],
        [
          'final',
          'final',
          'Final A',
          118,
          { text: '12 February 2026, 21:58', local: '2026-02-12T21:58', unix: 1_770_929_880 },
        ],
      ]);
    });

    it('reads the heat numbers and row counts', () => {
      expect(shape(article.rounds)).toStrictEqual([
        [
          'heat',
          [
            [1, 4],
            [2, 4],
            [3, 4],
            [4, 4],
            [5, 4],
            [6, 4],
            [7, 4],
            [8, 4],
          ],
        ],
        [
          'quarterfinal',
          [
            [1, 5],
            [2, 5],
            [3, 5],
            [4, 5],
          ],
        ],
        [
          'semifinal',
          [
            [1, 5],
            [2, 5],
          ],
        ],
        ['final-b', [[null, 5]]],
        ['final', [[null, 5]]],
      ]);
    });

    it('reads every row of every table', () => {
      expect(article.rounds.map((round) => round.heats)).toStrictEqual([
        heatsOf(SEED_002_HEATS, trackRow),
        heatsOf(SEED_002_QUARTERFINALS, trackRow),
        heatsOf(SEED_002_SEMIFINALS, trackRow),
        heatsOf(SEED_002_FINAL_B, trackRow),
        heatsOf(SEED_002_FINAL_A, trackRow),
      ]);
    });

    it('states the NOCs of the medallists (infobox and prose agree) and no one else', () => {
      expect(article.nocs).toStrictEqual({
        'jens-t-van-wout': 'NED',
        'long-sun': 'CHN',
        'jong-rim-un': 'KOR',
      });
    });
  });
});

// prettier-ignore
const SEED_000_SEMIFINALS: MassRow[] = [
  [33, 1, 1, 'Antoine Gélinas-Beaulieu', 'antoine-beaulieu-gelinas', 16, [null, null, null, 60], 60, '7:42.49', 462490, 2, ['Q']],
  [34, 2, 1, 'Shomu Sasaki', 'sasaki-shomu', 16, [null, null, null, 40], 40, '7:42.61', 462610, 2, ['Q']],
  [35, 3, 1, 'Chung Jae-won', 'chung-jae-won', 16, [1, null, null, 20], 21, '7:42.81', 462810, 2, ['Q']],
  [36, 4, 1, 'Jordan Stolz', 'jordan-stolz', 16, [3, null, 2, 6], 11, '7:43.81', 463810, 2, ['Q']],
  [37, 5, 1, 'Mathieu Belloir', 'belloir-mathieu', 16, [null, null, null, 10], 10, '7:43.78', 463780, 2, ['Q']],
  [38, 6, 1, 'Indra Médard', 'indra-medard', 16, [null, null, null, 3], 3, '7:44.03', 464030, 2, ['Q']],
  [39, 7, 1, 'Jorrit Bergsma', 'bergsma-jorrit', 16, [null, 3, null, null], 3, '7:47.81', 467810, 2, ['Q']],
  [40, 8, 1, 'Viktor Hald Thorup', 'hald-thorup-viktor', 16, [null, null, 3, null], 3, '8:01.77', 481770, 2, ['Q']],
  [41, 9, 1, 'Daniele Di Stefano', 'daniele-di-stefano', 16, [2, null, 1, null], 3, '8:05.12', 485120, 2, []],
  [42, 10, 1, 'Li Wenhao', 'li-wenhao', 16, [null, 2, null, null], 2, '7:53.54', 473540, 2, []],
  [43, 11, 1, 'Vladimir Semirunniy', 'semirunniy-vladimir', 16, [null, 1, null, null], 1, '7:46.08', 466080, 2, []],
  [44, 12, 1, 'Sigurd Holbø Dyrset', 'dyrset-holbo-sigurd', 16, [null, null, null, null], 0, '7:44.18', 464180, 2, []],
  [45, 13, 1, 'Felix Maly', 'felix-maly', 16, [null, null, null, null], 0, '7:46.65', 466650, 2, []],
  [46, 14, 1, 'Alexander Farthofer', 'alexander-farthofer', 16, [null, null, null, null], 0, '7:55.59', 475590, 2, []],
  [47, 1, 2, 'Timothy Loubineaud', 'loubineaud-timothy', 16, [null, null, 1, 60], 61, '7:47.23', 467230, 2, ['Q']],
  [48, 2, 2, 'Wu Yu', 'wu-yu', 16, [null, null, null, 40], 40, '7:47.92', 467920, 2, ['Q']],
  [49, 3, 2, 'Stijn van de Bunt', 'bunt-de-stijn-van', 16, [null, 2, 2, 20], 24, '7:51.46', 471460, 2, ['Q']],
  [50, 4, 2, 'Andrea Giovannini', 'andrea-giovannini', 16, [3, null, null, 10], 13, '7:51.81', 471810, 2, ['Q']],
  [51, 5, 2, 'Bart Swings', 'bart-swings', 16, [1, null, null, 6], 7, '7:52.03', 472030, 2, ['Q']],
  [52, 6, 2, 'Metoděj Jílek', 'jilek-metodej', 16, [null, 3, 3, null], 6, '8:12.96', 492960, 2, ['Q']],
  [53, 7, 2, 'Gabriel Odor', 'gabriel-odor', 16, [null, null, null, 3], 3, '7:52.45', 472450, 2, ['Q']],
  [54, 8, 2, 'Motonaga Arito', 'arito-motonaga', 16, [2, null, null, null], 2, '7:53.95', 473950, 2, ['Q']],
  [55, 9, 2, 'Ethan Cepuran', 'cepuran-ethan', 16, [null, 1, null, null], 1, '7:53.07', 473070, 2, []],
  [56, 10, 2, 'Livio Wenger', 'livio-wenger', 16, [null, null, null, null], 0, '7:52.74', 472740, 2, []],
  [57, 11, 2, 'Daniel Hall', 'daniel-hall', 16, [null, null, null, null], 0, '7:53.68', 473680, 2, []],
  [58, 12, 2, 'Kim Min-seok', 'kim-min-seok', 16, [null, null, null, null], 0, '7:53.86', 473860, 2, []],
  [59, 13, 2, 'Cho Seung-min', 'cho-min-seung', 16, [null, null, null, null], 0, '7:56.44', 476440, 2, []],
  [60, 14, 2, 'Fridtjof Petzold', 'fridtjof-petzold', 16, [null, null, null, null], 0, '8:00.76', 480760, 2, []],
  [61, 15, 2, 'Didrik Eng Strand', 'didrik-eng-strand', 16, [null, null, null, null], 0, '8:42.18', 522180, 2, []],
];
// prettier-ignore
const SEED_000_FINAL: MassRow[] = [
  [66, 1, null, 'Jorrit Bergsma', 'bergsma-jorrit', 16, [2, 3, 3, 60], 68, '7:55.50', 475500, 2, []],
  [67, 2, null, 'Viktor Hald Thorup', 'hald-thorup-viktor', 16, [3, 2, 2, 40], 47, '8:00.52', 480520, 2, []],
  [68, 3, null, 'Andrea Giovannini', 'andrea-giovannini', 16, [1, null, null, 20], 21, '8:04.42', 484420, 2, []],
  [69, 4, null, 'Jordan Stolz', 'jordan-stolz', 16, [null, null, null, 10], 10, '8:04.51', 484510, 2, []],
  [70, 5, null, 'Chung Jae-won', 'chung-jae-won', 16, [null, null, null, 6], 6, '8:04.60', 484600, 2, []],
  [71, 6, null, 'Antoine Gélinas-Beaulieu', 'antoine-beaulieu-gelinas', 16, [null, null, null, 3], 3, '8:04.76', 484760, 2, []],
  [72, 7, null, 'Mathieu Belloir', 'belloir-mathieu', 16, [null, 1, null, null], 1, '8:12.96', 492960, 2, []],
  [73, 8, null, 'Indra Médard', 'indra-medard', 16, [null, null, 1, null], 1, '8:26.25', 506250, 2, []],
  [74, 9, null, 'Bart Swings', 'bart-swings', 16, [null, null, null, null], 0, '8:05.37', 485370, 2, []],
  [75, 10, null, 'Shomu Sasaki', 'sasaki-shomu', 16, [null, null, null, null], 0, '8:05.56', 485560, 2, []],
  [76, 11, null, 'Timothy Loubineaud', 'loubineaud-timothy', 16, [null, null, null, null], 0, '8:06.93', 486930, 2, []],
  [77, 12, null, 'Gabriel Odor', 'gabriel-odor', 16, [null, null, null, null], 0, '8:07.08', 487080, 2, []],
  [78, 13, null, 'Motonaga Arito', 'arito-motonaga', 16, [null, null, null, null], 0, '8:09.46', 489460, 2, []],
  [79, 14, null, 'Metoděj Jílek', 'jilek-metodej', 16, [null, null, null, null], 0, '8:10.90', 490900, 2, []],
  [80, 15, null, 'Wu Yu', 'wu-yu', 16, [null, null, null, null], 0, '8:12.04', 492040, 2, []],
  [81, 16, null, 'Stijn van de Bunt', 'bunt-de-stijn-van', 16, [null, null, null, null], 0, '8:18.60', 498600, 2, []],
];
// prettier-ignore
const SEED_001_SEMIFINALS: MassRow[] = [
  [30, 1, 1, 'Ayano Sato', 'ayano-sato', 16, [null, null, null, 60], 60, '8:36.33', 516330, 2, ['Q']],
  [31, 2, 1, 'Yang Binyu', 'binyu-yang', 16, [3, null, null, 40], 43, '8:36.44', 516440, 2, ['Q']],
  [32, 3, 1, 'Mia Manganello', 'manganello-mia', 16, [null, 3, null, 20], 23, '8:36.62', 516620, 2, ['Q']],
  [33, 4, 1, 'Valérie Maltais', 'maltais-valerie', 16, [1, null, null, 10], 11, '8:36.69', 516690, 2, ['Q']],
  [34, 5, 1, 'Sandrine Tas', 'sandrine-tas', 16, [2, null, 1, 6], 9, '8:37.28', 517280, 2, ['Q']],
  [35, 6, 1, 'Jeannine Rosner', 'jeannine-rosner', 16, [null, null, 2, 3], 5, '8:37.44', 517440, 2, ['Q']],
  [36, 7, 1, 'Kaitlyn McGregor', 'kaitlyn-mcgregor', 16, [null, null, 3, null], 3, '8:40.11', 520110, 2, ['Q']],
  [37, 8, 1, 'Bente Kerkhoff', 'bente-kerkhoff', 16, [null, 2, null, null], 2, '8:37.46', 517460, 2, ['Q']],
  [38, 9, 1, 'Maira Jasch', 'jasch-maira', 16, [null, 1, null, null], 1, '8:39.72', 519720, 2, []],
  [39, 10, 1, 'Lim Lee-won', 'lee-lim-won', 16, [null, null, null, null], 0, '8:39.27', 519270, 2, []],
  [40, 11, 1, 'Maryna Zuyeva', 'maryna-zuyeva', 16, [null, null, null, null], 0, '8:39.63', 519630, 2, []],
  [41, 12, 1, 'Aurora Grinden Løvås', 'aurora-grinden-lovas', 16, [null, null, null, null], 0, '8:43.15', 523150, 2, []],
  [42, 13, 1, 'Natalia Czerwonka', 'czerwonka-natalia', 16, [null, null, null, null], 0, '8:52.93', 532930, 2, []],
  [43, 1, 2, 'Marijke Groenewoud', 'groenewoud-marijke', 16, [null, 2, 2, 60], 64, '8:43.59', 523590, 2, ['Q']],
  [44, 2, 2, 'Francesca Lollobrigida', 'francesca-lollobrigida', 16, [2, null, 3, 40], 45, '8:44.02', 524020, 2, ['Q']],
  [45, 3, 2, 'Park Ji-woo', 'ji-park-woo', 16, [null, null, null, 20], 20, '8:44.22', 524220, 2, ['Q']],
  [46, 4, 2, 'Fran Vanhoutte', 'fran-vanhoutte', 16, [null, null, null, 10], 10, '8:44.36', 524360, 2, ['Q']],
  [47, 5, 2, 'Ramona Härdi', 'hardi-ramona', 16, [null, null, null, 6], 6, '8:44.52', 524520, 2, ['Q']],
  [48, 6, 2, 'Ivanie Blondin', 'blondin-ivanie', 16, [3, 1, 1, null], 5, '8:46.50', 526500, 2, ['Q']],
  [49, 7, 2, 'Elizaveta Golubeva', 'elizaveta-golubeva', 16, [null, null, null, 3], 3, '8:44.66', 524660, 2, ['Q']],
  [50, 8, 2, 'Greta Myers', 'greta-myers', 16, [null, 3, null, null], 3, '8:48.84', 528840, 2, ['Q']],
  [51, 9, 2, 'Anastasiia Semenova', 'anastasiia-semenova', 16, [1, null, null, null], 1, '8:45.91', 525910, 2, []],
  [52, 10, 2, 'Ahenaer Adake', 'adake-ahenaer', 16, [null, null, null, null], 0, '8:45.31', 525310, 2, []],
  [53, 11, 2, 'Josie Hofmann', 'hofmann-josie', 16, [null, null, null, null], 0, '8:45.54', 525540, 2, []],
  [54, 12, 2, 'Momoka Horikawa', 'horikawa-momoka', 16, [null, null, null, null], 0, '8:46.79', 526790, 2, []],
  [55, 13, 2, 'Anna Molnar', 'anna-molnar', 16, [null, null, null, null], 0, '8:48.55', 528550, 2, []],
  [56, 14, 2, 'Violette Braun', 'braun-violette', 16, [null, null, null, null], 0, '8:50.91', 530910, 2, []],
];
// prettier-ignore
const SEED_001_FINAL: MassRow[] = [
  [61, 1, null, 'Marijke Groenewoud', 'groenewoud-marijke', 16, [null, null, null, 60], 60, '8:34.70', 514700, 2, []],
  [62, 2, null, 'Ivanie Blondin', 'blondin-ivanie', 16, [null, null, null, 40], 40, '8:35.09', 515090, 2, []],
  [63, 3, null, 'Mia Manganello', 'manganello-mia', 16, [null, null, null, 20], 20, '8:35.39', 515390, 2, []],
  [64, 4, null, 'Francesca Lollobrigida', 'francesca-lollobrigida', 16, [null, null, null, 10], 10, '8:35.95', 515950, 2, []],
  [65, 5, null, 'Valérie Maltais', 'maltais-valerie', 16, [null, null, null, 6], 6, '8:36.10', 516100, 2, []],
  [66, 6, null, 'Kaitlyn McGregor', 'kaitlyn-mcgregor', 16, [null, 3, 2, null], 5, '8:47.96', 527960, 2, []],
  [67, 7, null, 'Yang Binyu', 'binyu-yang', 16, [null, null, null, 3], 3, '8:36.16', 516160, 2, []],
  [68, 8, null, 'Jeannine Rosner', 'jeannine-rosner', 16, [3, null, null, null], 3, '8:36.68', 516680, 2, []],
  [69, 9, null, 'Fran Vanhoutte', 'fran-vanhoutte', 16, [null, null, 3, null], 3, '8:58.71', 538710, 2, []],
  [70, 10, null, 'Bente Kerkhoff', 'bente-kerkhoff', 16, [2, null, 1, null], 3, '9:08.16', 548160, 2, []],
  [71, 11, null, 'Ramona Härdi', 'hardi-ramona', 16, [null, 2, null, null], 2, '8:53.52', 533520, 2, []],
  [72, 12, null, 'Greta Myers', 'greta-myers', 16, [1, null, null, null], 1, '8:37.14', 517140, 2, []],
  [73, 13, null, 'Sandrine Tas', 'sandrine-tas', 16, [null, 1, null, null], 1, '8:47.72', 527720, 2, []],
  [74, 14, null, 'Park Ji-woo', 'ji-park-woo', 16, [null, null, null, null], 0, '8:36.31', 516310, 2, []],
  [75, 15, null, 'Ayano Sato', 'ayano-sato', 16, [null, null, null, null], 0, '8:36.58', 516580, 2, []],
  [76, 16, null, 'Elizaveta Golubeva', 'elizaveta-golubeva', 16, [null, null, null, null], 0, '8:38.07', 518070, 2, []],
];
// prettier-ignore
const SEED_002_HEATS: TrackRow[] = [
  [37, 1, 1, 'Pietro Sighel', 'pietro-sighel', time('1:25.740', 85740, 3), ['Q']],
  [38, 2, 1, 'Quentin Fercoq', 'fercoq-quentin', time('1:25.818', 85818, 3), ['Q']],
  [39, 3, 1, 'Denis Nikisha', 'denis-nikisha', time('1:25.987', 85987, 3), []],
  [40, 4, 1, 'Brendan Corey', 'brendan-corey', time('1:26.052', 86052, 3), []],
  [41, 1, 2, 'Luca Spechenhauser', 'luca-spechenhauser', time('1:25.422', 85422, 3), ['Q']],
  [42, 2, 2, 'Rim Jong-un', 'jong-rim-un', time('1:25.558', 85558, 3), ['Q']],
  [43, 3, 2, 'Stijn Desmet', 'desmet-stijn', time('1:25.581', 85581, 3), []],
  [44, 4, 2, 'Kwok Tsz Fung', 'fung-kwok-tsz', time('1:27.237', 87237, 3), []],
  [45, 1, 3, 'Shaoang Liu', 'liu-shaoang', time('1:26.814', 86814, 3), ['Q']],
  [46, 2, 3, 'Thomas Nadalini', 'nadalini-thomas', time('1:26.882', 86882, 3), ['Q']],
  [47, 3, 3, 'Shogo Miyata', 'miyata-shogo', time('1:26.997', 86997, 3), []],
  [48, 4, 3, 'Bence Nógrádi', 'bence-nogradi', time('1:27.132', 87132, 3), []],
  [49, 1, 4, 'Kazuki Yoshinaga', 'kazuki-yoshinaga', time('1:25.944', 85944, 3), ['Q']],
  [50, 2, 4, 'Clayton DeClemente', 'clayton-declemente', time('1:26.189', 86189, 3), ['Q']],
  [51, 3, 4, 'Steven Dubois', 'dubois-steven', time('1:50.137', 110137, 3), []],
  [52, 4, 4, 'Niall Treacy', 'niall-treacy', time('1:54.040', 114040, 3), []],
  [53, 1, 5, 'William Dandjinou', 'dandjinou-william', time('1:24.672', 84672, 3), ['Q']],
  [54, 2, 5, 'Shin Dong-min', 'dong-min-shin', time('1:24.870', 84870, 3), ['Q']],
  [55, 3, 5, 'Moon Won-jun', 'jun-moon-won', time('1:25.048', 85048, 3), ['q']],
  [56, 4, 5, 'Étienne Bastier', 'bastier-etienne', time('1:25.908', 85908, 3), []],
  [57, 1, 6, 'Félix Roussel', 'felix-roussel', time('1:23.828', 83828, 3), ['Q']],
  [58, 2, 6, 'Hwang Dae-heon', 'dae-heon-hwang', time('1:24.133', 84133, 3), ['Q']],
  [59, 3, 6, 'Teun Boer', 'boer-teun', time('1:24.395', 84395, 3), ['q']],
  [60, 4, 6, 'Félix Pigeon', 'felix-pigeon', time('1:26.271', 86271, 3), []],
  [61, 1, 7, "Jens van 't Wout", 'jens-t-van-wout', time('1:25.237', 85237, 3), ['Q']],
  [62, 2, 7, 'Reinis Bērziņš', 'berzins-reinis', time('1:25.741', 85741, 3), ['Q']],
  [63, 3, 7, 'Lin Xiaojun', 'lin-xiaojun', time('1:26.314', 86314, 3), ['ADV']],
  [64, null, 7, 'Ivan Posashkov', 'ivan-posashkov', NONE, ['PEN']],
  [65, 1, 8, 'Michał Niewiński', 'michal-niewinski', time('1:25.135', 85135, 3), ['Q']],
  [66, 2, 8, 'Sun Long', 'long-sun', time('1:25.339', 85339, 3), ['Q']],
  [67, 3, 8, 'Roberts Krūzbergs', 'kruzbergs-roberts', time('1:25.341', 85341, 3), ['ADV']],
  [68, null, 8, 'Brandon Kim', 'brandon-kim', NONE, ['PEN']],
];
// prettier-ignore
const SEED_002_QUARTERFINALS: TrackRow[] = [
  [73, 1, 1, 'Félix Roussel', 'felix-roussel', time('1:24.227', 84227, 3), ['Q']],
  [74, 2, 1, 'Shaoang Liu', 'liu-shaoang', time('1:24.292', 84292, 3), ['Q']],
  [75, 3, 1, 'Teun Boer', 'boer-teun', time('1:26.638', 86638, 3), ['ADV']],
  [76, 4, 1, 'Thomas Nadalini', 'nadalini-thomas', time('1:34.487', 94487, 3), []],
  [77, null, 1, 'Hwang Dae-heon', 'dae-heon-hwang', NONE, ['PEN']],
  [78, 1, 2, 'William Dandjinou', 'dandjinou-william', time('1:23.781', 83781, 3), ['Q']],
  [79, 2, 2, 'Shin Dong-min', 'dong-min-shin', time('1:23.971', 83971, 3), ['Q']],
  [80, 3, 2, 'Moon Won-jun', 'jun-moon-won', time('1:23.988', 83988, 3), []],
  [81, 4, 2, 'Kazuki Yoshinaga', 'kazuki-yoshinaga', time('1:24.079', 84079, 3), []],
  [82, 5, 2, 'Clayton DeClemente', 'clayton-declemente', time('1:24.244', 84244, 3), []],
  [83, 1, 3, 'Sun Long', 'long-sun', time('1:26.563', 86563, 3), ['Q']],
  [84, 2, 3, 'Roberts Krūzbergs', 'kruzbergs-roberts', time('1:27.133', 87133, 3), ['Q']],
  [85, 3, 3, 'Michał Niewiński', 'michal-niewinski', time('1:46.369', 106369, 3), ['ADV']],
  [86, null, 3, 'Pietro Sighel', 'pietro-sighel', NONE, ['PEN']],
  [87, null, 3, 'Quentin Fercoq', 'fercoq-quentin', NONE, ['PEN']],
  [88, 1, 4, "Jens van 't Wout", 'jens-t-van-wout', time('1:25.199', 85199, 3), ['Q']],
  [89, 2, 4, 'Rim Jong-un', 'jong-rim-un', time('1:25.213', 85213, 3), ['Q']],
  [90, 3, 4, 'Luca Spechenhauser', 'luca-spechenhauser', time('1:25.260', 85260, 3), []],
  [91, 4, 4, 'Reinis Bērziņš', 'berzins-reinis', time('1:25.379', 85379, 3), []],
  [92, 5, 4, 'Lin Xiaojun', 'lin-xiaojun', time('1:25.782', 85782, 3), []],
];
// prettier-ignore
const SEED_002_SEMIFINALS: TrackRow[] = [
  [97, 1, 1, 'William Dandjinou', 'dandjinou-william', time('1:23.520', 83520, 3), ['QA']],
  [98, 2, 1, 'Sun Long', 'long-sun', time('1:23.585', 83585, 3), ['QA']],
  [99, 3, 1, 'Roberts Krūzbergs', 'kruzbergs-roberts', time('1:23.700', 83700, 3), ['qA']],
  [100, 4, 1, 'Teun Boer', 'boer-teun', time('1:24.209', 84209, 3), ['QB']],
  [101, 5, 1, 'Shin Dong-min', 'dong-min-shin', time('1:24.327', 84327, 3), ['QB']],
  [102, 1, 2, 'Rim Jong-un', 'jong-rim-un', time('1:24.025', 84025, 3), ['QA']],
  [103, 2, 2, "Jens van 't Wout", 'jens-t-van-wout', time('1:24.664', 84664, 3), ['QA']],
  [104, 3, 2, 'Michał Niewiński', 'michal-niewinski', time('1:25.617', 85617, 3), ['QB']],
  [105, 4, 2, 'Shaoang Liu', 'liu-shaoang', time('1:26.102', 86102, 3), ['QB']],
  [106, 5, 2, 'Félix Roussel', 'felix-roussel', time('1:57.163', 117163, 3), ['QB']],
];
// prettier-ignore
const SEED_002_FINAL_B: TrackRow[] = [
  [112, 6, null, 'Shaoang Liu', 'liu-shaoang', time('1:27.211', 87211, 3), []],
  [113, 7, null, 'Teun Boer', 'boer-teun', time('1:27.267', 87267, 3), []],
  [114, 8, null, 'Shin Dong-min', 'dong-min-shin', time('1:27.453', 87453, 3), []],
  [115, 9, null, 'Michał Niewiński', 'michal-niewinski', time('1:27.521', 87521, 3), []],
  [116, 10, null, 'Félix Roussel', 'felix-roussel', time('1:28.007', 88007, 3), []],
];
// prettier-ignore
const SEED_002_FINAL_A: TrackRow[] = [
  [121, 1, null, "Jens van 't Wout", 'jens-t-van-wout', time('1:24.537', 84537, 3), []],
  [122, 2, null, 'Sun Long', 'long-sun', time('1:24.565', 84565, 3), []],
  [123, 3, null, 'Rim Jong-un', 'jong-rim-un', time('1:24.611', 84611, 3), []],
  [124, 4, null, 'William Dandjinou', 'dandjinou-william', time('1:24.671', 84671, 3), []],
  [125, 5, null, 'Roberts Krūzbergs', 'kruzbergs-roberts', time('1:24.681', 84681, 3), []],
];
