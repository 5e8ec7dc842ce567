import { describe, expect, it } from 'vitest';
import type { EventArticle, ResultRow } from '../../src/model/schemas.js';
import { Dataset } from '../../src/domain/dataset.js';
import type { EventPath, Podium } from '../../src/domain/dataset.js';
import { parseArticle } from '../../src/parse/index.js';
import { loadFixture, loadSeeds } from '../search/helpers.js';

const seeds = await loadSeeds();
const longTrack1000 = loadFixture('long-track-1000m-men.txt');
const data = new Dataset(seeds);
const [massStartMen, massStartWomen, shortTrack1000] = seeds as [EventArticle, EventArticle, EventArticle];

function markOf(row: ResultRow): string | null {
  return row.mark.kind === 'time' ? row.mark.time.text : row.mark.kind === 'status' ? row.mark.text : null;
}

/** A podium as the used-by examples state it: medal, name, NOC, and points or time. */
function podiumFacts(podium: Podium) {
  return {
    round: podium.round?.label ?? null,
    places: podium.places.map((p) => [
      p.medal,
      p.name,
      p.noc,
      p.row?.points?.total ?? (p.row ? markOf(p.row) : null),
    ]),
    others: podium.others.map((row) => [row.rank, row.name, row.points?.total ?? markOf(row)]),
  };
}

function pathFacts(path: EventPath) {
  return {
    event: path.event.id,
    path: path.path.map(({ round, heat, row }) => [
      round.label,
      heat.number,
      row.rank,
      markOf(row),
      row.notes,
    ]),
    placing: path.placing,
    medal: path.medal,
    eliminatedIn: path.eliminatedIn?.label ?? null,
  };
}

function summaryOf(dataset: Dataset, id: string) {
  const athlete = dataset.athletes.get(id);
  if (!athlete) throw new Error(`no athlete ${id}`);
  const summary = dataset.summary(athlete);
  return { name: summary.athlete.name, events: summary.events.map(pathFacts), medals: summary.medals };
}

describe('search/dataset', () => {
  describe('Dataset.podium', () => {
    it('gives the men’s mass start medallists with points and places 4 to 8', () => {
      expect(podiumFacts(data.podium(massStartMen))).toStrictEqual({
        round: 'Final',
        places: [
          ['gold', 'Jorrit Bergsma', 'NED', 68],
          ['silver', 'Viktor Hald Thorup', 'DEN', 47],
          ['bronze', 'Andrea Giovannini', 'ITA', 21],
        ],
        others: [
          [4, 'Jordan Stolz', 10],
          [5, 'Chung Jae-won', 6],
          [6, 'Antoine Gélinas-Beaulieu', 3],
          [7, 'Mathieu Belloir', 1],
          [8, 'Indra Médard', 1],
        ],
      });
    });

    it('gives the women’s mass start medallists', () => {
      expect(podiumFacts(data.podium(massStartWomen)).places).toStrictEqual([
        ['gold', 'Marijke Groenewoud', 'NED', 60],
        ['silver', 'Ivanie Blondin', 'CAN', 40],
        ['bronze', 'Mia Manganello', 'USA', 20],
      ]);
    });

    it('takes the 1000 m podium from Final A and places 6-8 from Final B, with times as written', () => {
      expect(podiumFacts(data.podium(shortTrack1000))).toStrictEqual({
        round: 'Final A',
        places: [
          ['gold', "Jens van 't Wout", 'NED', '1:24.537'],
          ['silver', 'Sun Long', 'CHN', '1:24.565'],
          ['bronze', 'Rim Jong-un', 'KOR', '1:24.611'],
        ],
        others: [
          [4, 'William Dandjinou', '1:24.671'],
          [5, 'Roberts Krūzbergs', '1:24.681'],
          [6, 'Shaoang Liu', '1:27.211'],
          [7, 'Teun Boer', '1:27.267'],
          [8, 'Shin Dong-min', '1:27.453'],
        ],
      });
    });

    it('takes a single race’s podium from the race', () => {
      expect(podiumFacts(new Dataset([longTrack1000]).podium(longTrack1000))).toStrictEqual({
        round: 'Race',
        places: [
          ['gold', 'Jordan Stolz', 'USA', '1:06.28'],
          ['silver', 'Jenning de Boo', 'NED', '1:06.78'],
          ['bronze', 'Ning Zhongyan', 'CHN', '1:07.34'],
        ],
        others: [
          [4, 'Metodej Jilek', '1:08.12'],
          [5, 'Marten Liiv', '1:08.40'],
          [6, 'Joep Wennemars', '1:08.95'],
        ],
      });
    });

    it('falls back to the infobox when the article lost its results', () => {
      const noResults: EventArticle = { ...massStartMen, rounds: [] };
      expect(podiumFacts(new Dataset([noResults]).podium(noResults))).toStrictEqual({
        round: null,
        places: [
          ['gold', 'Jorrit Bergsma', 'NED', null],
          ['silver', 'Viktor Hald Thorup', 'DEN', null],
          ['bronze', 'Andrea Giovannini', 'ITA', null],
        ],
        others: [],
      });
    });
  });

  describe('Dataset.summary', () => {
    it('follows Sun Long from heat 8 to silver in Final A', () => {
      expect(summaryOf(data, 'long-sun')).toStrictEqual({
        name: 'Sun Long',
        events: [
          {
            event: 'short-track-1000m-men-2026',
            path: [
              ['Heats', 8, 2, '1:25.339', ['Q']],
              ['Quarterfinals', 3, 1, '1:26.563', ['Q']],
              ['Semifinals', 1, 2, '1:23.585', ['QA']],
              ['Final A', null, 2, '1:24.565', []],
            ],
            placing: 2,
            medal: 'silver',
            eliminatedIn: null,
          },
        ],
        medals: { gold: 0, silver: 1, bronze: 0 },
      });
    });

    it('gives Jens van ’t Wout his gold', () => {
      const summary = summaryOf(data, 'jens-t-van-wout');
      expect(summary.events.map((e) => [e.placing, e.medal])).toStrictEqual([[1, 'gold']]);
      expect(summary.medals).toStrictEqual({ gold: 1, silver: 0, bronze: 0 });
    });

    it('says where a skater went out in the heats', () => {
      expect(summaryOf(data, 'denis-nikisha')).toStrictEqual({
        name: 'Denis Nikisha',
        events: [
          {
            event: 'short-track-1000m-men-2026',
            path: [['Heats', 1, 3, '1:25.987', []]],
            placing: null,
            medal: null,
            eliminatedIn: 'Heats',
          },
        ],
        medals: { gold: 0, silver: 0, bronze: 0 },
      });
    });

    it('says where a penalised skater went out', () => {
      expect(summaryOf(data, 'dae-heon-hwang').events).toStrictEqual([
        {
          event: 'short-track-1000m-men-2026',
          path: [
            ['Heats', 6, 2, '1:24.133', ['Q']],
            ['Quarterfinals', 1, null, null, ['PEN']],
          ],
          placing: null,
          medal: null,
          eliminatedIn: 'Quarterfinals',
        },
      ]);
    });

    it('places a Final B skater after Final A, with no medal', () => {
      expect(summaryOf(data, 'liu-shaoang').events).toStrictEqual([
        {
          event: 'short-track-1000m-men-2026',
          path: [
            ['Heats', 3, 1, '1:26.814', ['Q']],
            ['Quarterfinals', 1, 2, '1:24.292', ['Q']],
            ['Semifinals', 2, 4, '1:26.102', ['QB']],
            ['Final B', null, 6, '1:27.211', []],
          ],
          placing: 6,
          medal: null,
          eliminatedIn: null,
        },
      ]);
    });

    it('places a mass-start finalist ranked 9th or lower', () => {
      expect(summaryOf(data, 'bart-swings').events).toStrictEqual([
        {
          event: 'mass-start-men-2026',
          path: [
            ['Semifinals', 2, 5, '7:52.03', ['Q']],
            ['Final', null, 9, '8:05.37', []],
          ],
          placing: 9,
          medal: null,
          eliminatedIn: null,
        },
      ]);
    });

    it('says a skater who raced only the mass-start semifinal went out there', () => {
      expect(summaryOf(data, 'daniele-di-stefano').events).toStrictEqual([
        {
          event: 'mass-start-men-2026',
          path: [['Semifinals', 1, 9, '8:05.12', []]],
          placing: null,
          medal: null,
          eliminatedIn: 'Semifinals',
        },
      ]);
    });

    it('follows a skater through every event loaded, ordered by event name', () => {
      const both = new Dataset([...seeds, longTrack1000]);
      expect(summaryOf(both, 'jordan-stolz')).toStrictEqual({
        name: 'Jordan Stolz',
        events: [
          {
            event: '1000m-men-2026',
            path: [['Race', null, 1, '1:06.28', ['OR']]],
            placing: 1,
            medal: 'gold',
            eliminatedIn: null,
          },
          {
            event: 'mass-start-men-2026',
            path: [
              ['Semifinals', 1, 4, '7:43.81', ['Q']],
              ['Final', null, 4, '8:04.51', []],
            ],
            placing: 4,
            medal: null,
            eliminatedIn: null,
          },
        ],
        medals: { gold: 1, silver: 0, bronze: 0 },
      });
    });
  });

  describe('Dataset.medalTable', () => {
    it('counts the seeds’ medals by NOC: gold, then silver, then bronze, then code', () => {
      expect(data.medalTable()).toStrictEqual({
        rows: [
          { noc: 'NED', gold: 3, silver: 0, bronze: 0, total: 3 },
          { noc: 'CAN', gold: 0, silver: 1, bronze: 0, total: 1 },
          { noc: 'CHN', gold: 0, silver: 1, bronze: 0, total: 1 },
          { noc: 'DEN', gold: 0, silver: 1, bronze: 0, total: 1 },
          { noc: 'ITA', gold: 0, silver: 0, bronze: 1, total: 1 },
          { noc: 'KOR', gold: 0, silver: 0, bronze: 1, total: 1 },
          { noc: 'USA', gold: 0, silver: 0, bronze: 1, total: 1 },
        ],
        unstated: 0,
      });
    });

    it('adds a fourth event’s medals to the same rows', () => {
      expect(new Dataset([...seeds, longTrack1000]).medalTable()).toStrictEqual({
        rows: [
          { noc: 'NED', gold: 3, silver: 1, bronze: 0, total: 4 },
          { noc: 'USA', gold: 1, silver: 0, bronze: 1, total: 2 },
          { noc: 'CHN', gold: 0, silver: 1, bronze: 1, total: 2 },
          { noc: 'CAN', gold: 0, silver: 1, bronze: 0, total: 1 },
          { noc: 'DEN', gold: 0, silver: 1, bronze: 0, total: 1 },
          { noc: 'ITA', gold: 0, silver: 0, bronze: 1, total: 1 },
          { noc: 'KOR', gold: 0, silver: 0, bronze: 1, total: 1 },
        ],
        unstated: 0,
      });
    });

    it('counts medallists whose NOC no article states apart', () => {
      const unstated: EventArticle = { ...massStartMen, nocs: {} };
      expect(new Dataset([unstated, shortTrack1000]).medalTable()).toStrictEqual({
        rows: [
          { noc: 'NED', gold: 1, silver: 0, bronze: 0, total: 1 },
          { noc: 'CHN', gold: 0, silver: 1, bronze: 0, total: 1 },
          { noc: 'KOR', gold: 0, silver: 0, bronze: 1, total: 1 },
        ],
        unstated: 3,
      });
    });
  });

  describe('Dataset', () => {
    it('indexes every event by id and every skater once', () => {
      expect([...data.byId.keys()]).toStrictEqual([
        'mass-start-men-2026',
        'mass-start-women-2026',
        'short-track-1000m-men-2026',
      ]);
      // 29 + 27 + 32 competitors, and nobody in two seed events.
      expect(data.athletes.athletes.length).toBe(88);
      expect(new Set(data.athletes.athletes.map((a) => a.id)).size).toBe(88);
    });
  });
});

describe('a skater whose key is the name of an Object member', () => {
  // "Constructor" folds to the key `constructor`: read as a plain property, every article "states" a NOC
  // for it (Object.prototype.constructor), and the podium showed a function where a NOC belongs.
  const text = `= Speed skating at the 2026 Winter Olympics – Men's 500 metres =

==Results==
| Rank | Pair | Lane | Name | Country | Time | Notes |
| 1 | 1 | i | Constructor | | 34.10 | |
| 2 | 1 | o | Jenning de Boo | | 34.50 | |
| 3 | 2 | i | Tostring | | 34.90 | |
`;
  const article = parseArticle(text, 'members.txt').article;
  const members = new Dataset([article]);

  it('has no NOC the article does not state', () => {
    expect(Object.hasOwn(article.nocs, 'constructor')).toBe(false);
    expect(members.podium(article).places.map((p) => [p.name, p.noc])).toStrictEqual([
      ['Constructor', null],
      ['Jenning de Boo', null],
      ['Tostring', null],
    ]);
    expect(members.athletes.get('constructor')?.noc).toBeNull();
  });

  it('keeps a NOC the prose states for it', () => {
    const stated = parseArticle(
      text.replace('==Results==', 'Constructor of the Netherlands won.\n\n==Results=='),
      'members.txt',
    ).article;
    expect(stated.nocs).toStrictEqual({ constructor: 'NED' });
    expect(new Dataset([stated]).podium(stated).places[0]?.noc).toBe('NED');
  });
});
