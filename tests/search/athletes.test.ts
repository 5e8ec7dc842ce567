import { describe, expect, it } from 'vitest';
import { athleteKey, nameTokens } from '../../src/model/names.js';
import { AthleteIndex } from '../../src/search/athletes.js';
import type { Athlete } from '../../src/search/athletes.js';
import { Dataset } from '../../src/domain/dataset.js';
import { MAX_CHOICES, Tier } from '../../src/search/resolution.js';
import { loadFixture, loadSeeds, outcomeOf } from './helpers.js';

const seeds = await loadSeeds();
const longTrack1000 = loadFixture('long-track-1000m-men.txt');
const { athletes } = new Dataset(seeds);

/** An athlete with no appearances, for ranking tests on names alone. */
function person(name: string): Athlete {
  return { id: athleteKey(name), name, tokens: nameTokens(name), noc: null, appearances: [] };
}

function names(list: readonly Athlete[]): string[] {
  return list.map((athlete) => athlete.name);
}

describe('search/athletes', () => {
  describe('AthleteIndex.resolve', () => {
    it.each([
      // As written, and by id.
      ['Sun Long', 'Sun Long'],
      ['long-sun', 'Sun Long'],
      ['Antoine Gélinas-Beaulieu', 'Antoine Gélinas-Beaulieu'],
      // Without accents.
      ['Gelinas-Beaulieu', 'Antoine Gélinas-Beaulieu'],
      ['Gelinas Beaulieu', 'Antoine Gélinas-Beaulieu'],
      ['Kruzbergs', 'Roberts Krūzbergs'],
      ['Berzins', 'Reinis Bērziņš'],
      ['Niewinski', 'Michał Niewiński'],
      ['Jilek', 'Metoděj Jílek'],
      ['Lovas', 'Aurora Grinden Løvås'],
      ['Hardi', 'Ramona Härdi'],
      ['Nogradi', 'Bence Nógrádi'],
      ['Etienne Bastier', 'Étienne Bastier'],
      ['Holbo Dyrset', 'Sigurd Holbø Dyrset'],
      // With a typo.
      ['Sun Lnog', 'Sun Long'],
      ['Lnog Sun', 'Sun Long'],
      ['Jorit Bergsma', 'Jorrit Bergsma'],
      ['Bergmsa', 'Jorrit Bergsma'],
      ['Niewinsky', 'Michał Niewiński'],
      ['Giovanini', 'Andrea Giovannini'],
      ['Groenewood', 'Marijke Groenewoud'],
      ['Stoltz', 'Jordan Stolz'],
      // Surname (or any one name) only.
      ['Bergsma', 'Jorrit Bergsma'],
      ['Krūzbergs', 'Roberts Krūzbergs'],
      ['Thorup', 'Viktor Hald Thorup'],
      ['Hald', 'Viktor Hald Thorup'],
      ['Chung', 'Chung Jae-won'],
      ['Liu', 'Shaoang Liu'],
      ['Sun', 'Sun Long'],
      ['Di Stefano', 'Daniele Di Stefano'],
      // A whole word beats the start of a longer one: Li Wenhao, not Lim, Lin, Livio or Liu.
      ['Li', 'Li Wenhao'],
      ['Li Wen', 'Li Wenhao'],
      // The other order.
      ['Long Sun', 'Sun Long'],
      ['Liu Shaoang', 'Shaoang Liu'],
      ['Jong-un Rim', 'Rim Jong-un'],
      ['Jae-won Chung', 'Chung Jae-won'],
      ['Min-seok Kim', 'Kim Min-seok'],
      ['Thorup Viktor', 'Viktor Hald Thorup'],
      // Particles.
      ["van 't Wout", "Jens van 't Wout"],
      ['van t Wout', "Jens van 't Wout"],
      ['vant wout', "Jens van 't Wout"],
      ['vantwout', "Jens van 't Wout"],
      ['Wout', "Jens van 't Wout"],
      ['van de bunt', 'Stijn van de Bunt'],
      ['vandebunt', 'Stijn van de Bunt'],
      // Spaces the name does not have.
      ['Van Houtte', 'Fran Vanhoutte'],
      ['de Clemente', 'Clayton DeClemente'],
      // Hyphen or not.
      ['Rim Jongun', 'Rim Jong-un'],
      ['Rim Jong un', 'Rim Jong-un'],
      ['Chung Jae won', 'Chung Jae-won'],
      ['Chung Jaewon', 'Chung Jae-won'],
      ['Kim Minseok', 'Kim Min-seok'],
      // Given name and an initial.
      ['Kim B', 'Brandon Kim'],
      ['Felix P', 'Félix Pigeon'],
    ])('%j finds %s', (query, name) => {
      expect(outcomeOf(athletes.resolve(query), (a) => a.name)).toStrictEqual({ kind: 'found', value: name });
    });

    it.each([
      ['Kim', ['Kim Min-seok', 'Brandon Kim']],
      ['van', ["Jens van 't Wout", 'Stijn van de Bunt']],
      ['Felix', ['Felix Maly', 'Félix Pigeon', 'Félix Roussel']],
      ['jo', ['Josie Hofmann', 'Jordan Stolz', 'Jorrit Bergsma', 'Rim Jong-un']],
    ])('%j is ambiguous between %j', (query, candidates) => {
      expect(outcomeOf(athletes.resolve(query), (a) => a.name)).toStrictEqual({
        kind: 'ambiguous',
        candidates,
      });
    });

    it.each(['xyzzy', '', '  ', '---'])('%j is missing', (query) => {
      expect(athletes.resolve(query)).toStrictEqual({ kind: 'missing', suggestions: [] });
    });
  });

  describe('AthleteIndex.suggest', () => {
    it.each([
      // Whole words before starts of words, then by score.
      ['kim', ['Kim Min-seok', 'Brandon Kim']],
      ['li', ['Li Wenhao', 'Lim Lee-won', 'Lin Xiaojun', 'Livio Wenger', 'Shaoang Liu']],
      ['van', ["Jens van 't Wout", 'Stijn van de Bunt', 'Fran Vanhoutte']],
      ['ber', ['Jorrit Bergsma', 'Reinis Bērziņš']],
      ['Gelinas', ['Antoine Gélinas-Beaulieu']],
      ['xyzzy', []],
    ])('%j -> %j', (query, expected) => {
      expect(names(athletes.suggest(query))).toStrictEqual(expected);
    });

    it.each(['', '   '])('suggests nothing for %j', (query) => {
      expect(athletes.suggest(query)).toStrictEqual([]);
    });

    const blooms = new AthleteIndex(
      ['Jan Blom', 'Jan Blomqvist', 'Jan Blum', 'Piet Blom', 'Jan Bloem'].map(person),
    );
    it.each([
      // Exact, then prefix, then fuzzy.
      ['jan blom', ['Jan Blom', 'Jan Blomqvist', 'Jan Bloem', 'Jan Blum']],
      ['Blom Jan', ['Jan Blom', 'Jan Blomqvist', 'Jan Bloem', 'Jan Blum']],
      // Whole word, then prefix, then fuzzy.
      ['blom', ['Jan Blom', 'Piet Blom', 'Jan Blomqvist', 'Jan Bloem', 'Jan Blum']],
    ])('ranks exact > prefix > fuzzy: %j -> %j', (query, expected) => {
      expect(names(blooms.suggest(query))).toStrictEqual(expected);
    });

    it(`returns at most ${MAX_CHOICES}`, () => {
      const index = new AthleteIndex(Array.from({ length: 30 }, (_, i) => person(`Skater ${i + 100}`)));
      expect(index.suggest('skater').length).toBe(MAX_CHOICES);
      expect(index.suggest('skater', 3).length).toBe(3);
    });
  });

  describe('AthleteIndex (resolving with the ranking)', () => {
    const blooms = new AthleteIndex(['Jan Blom', 'Jan Blomqvist', 'Piet Blom'].map(person));
    it.each([
      ['Jan Blom', { kind: 'found', value: 'Jan Blom' }],
      ['Blomqvist', { kind: 'found', value: 'Jan Blomqvist' }],
      ['Blom', { kind: 'ambiguous', candidates: ['Jan Blom', 'Piet Blom'] }],
      ['Blo', { kind: 'ambiguous', candidates: ['Jan Blomqvist', 'Jan Blom', 'Piet Blom'] }],
    ])('%j -> %j', (query, outcome) => {
      expect(outcomeOf(blooms.resolve(query), (a) => a.name)).toStrictEqual(outcome);
    });
  });

  describe('AthleteIndex.rank', () => {
    const tierOf = (query: string) => {
      const [best] = athletes.rank(query, 1);
      return best ? [best.athlete.name, best.tier, best.words] : null;
    };
    it.each([
      // Particles: the whole name in either order is exact; without the given name, a run of its words.
      ["Jens van 't Wout", ["Jens van 't Wout", Tier.Exact, 4]],
      ['wout t van jens', ["Jens van 't Wout", Tier.Exact, 4]],
      ['van t wout', ["Jens van 't Wout", Tier.Prefix, 3]],
      ['wout van t', ["Jens van 't Wout", Tier.Prefix, 3]],
      // Spaces where the name has none, or none where it has one: a joined run of its words.
      ['vant wout', ["Jens van 't Wout", Tier.Prefix, 2]],
      ['Van Houtte', ['Fran Vanhoutte', Tier.Prefix, 2]],
      // Words of the name, but not all and not from the start.
      ['van wout', ["Jens van 't Wout", Tier.Prefix, 2]],
      ['Long Sun', ['Sun Long', Tier.Exact, 2]],
      ['Sun Lo', ['Sun Long', Tier.Prefix, 1]],
      // One edit from four letters, two from six.
      ['Wuot', null],
      ['Bolm', null],
      ['Stoltz', ['Jordan Stolz', Tier.Fuzzy, 0]],
      ['Bregsma', ['Jorrit Bergsma', Tier.Fuzzy, 0]],
      ['Bregmsa', null],
    ])('%j -> %j', (query, expected) => {
      expect(tierOf(query)).toStrictEqual(expected);
    });

    it.each(['jo', 'kim', 'van', 'li', 'ber', 'e', 'an'])(
      'keeps the best few of %j in the order of the whole ranking',
      (query) => {
        const whole = athletes.rank(query, 1000);
        expect(whole.length).toBeGreaterThan(1);
        for (const limit of [1, 2, 5]) {
          expect(athletes.rank(query, limit)).toStrictEqual(whole.slice(0, limit));
        }
      },
    );
  });

  describe('Dataset athletes (one person across rounds and events)', () => {
    it('follows Sun Long through four rounds, in order', () => {
      const sun = athletes.get('long-sun');
      expect(
        sun?.appearances.map(({ event, round, heat, row }) => [
          event.id,
          round.id,
          heat.number,
          row.rank,
          row.notes,
        ]),
      ).toStrictEqual([
        ['short-track-1000m-men-2026', 'heat', 8, 2, ['Q']],
        ['short-track-1000m-men-2026', 'quarterfinal', 3, 1, ['Q']],
        ['short-track-1000m-men-2026', 'semifinal', 1, 2, ['QA']],
        ['short-track-1000m-men-2026', 'final', null, 2, []],
      ]);
      expect(sun?.noc).toBe('CHN');
    });

    it('finds nobody in both mass starts in the seeds', () => {
      const both = athletes.athletes.filter((athlete) => {
        const events = new Set(athlete.appearances.map((a) => a.event.id));
        return events.has('mass-start-men-2026') && events.has('mass-start-women-2026');
      });
      expect(both).toStrictEqual([]);
    });

    // The fixture writes "Metodej Jilek" without diacritics and repeats Jordan Stolz from the mass start.
    it.each([
      ['seeds first', [...seeds, longTrack1000]],
      ['fixture first', [longTrack1000, ...seeds]],
    ])(
      'merges a skater named in two articles into one person, keeping the diacritics (%s)',
      (_, articles) => {
        const data = new Dataset(articles);
        expect(data.athletes.athletes.length).toBe(athletes.athletes.length + 4);
        const jilek = data.athletes.resolve('Metodej Jilek');
        expect(jilek.kind).toBe('found');
        const person = jilek.kind === 'found' ? jilek.value : null;
        expect(person?.name).toBe('Metoděj Jílek');
        expect(
          person?.appearances.map(({ event, round, row }) => [event.id, round.id, row.name, row.rank]).sort(),
        ).toStrictEqual([
          ['1000m-men-2026', 'race', 'Metodej Jilek', 4],
          ['mass-start-men-2026', 'final', 'Metoděj Jílek', 14],
          ['mass-start-men-2026', 'semifinal', 'Metoděj Jílek', 6],
        ]);
        expect(data.athletes.resolve('Jílek')).toStrictEqual({ kind: 'found', value: person });

        const stolz = data.athletes.get('jordan-stolz');
        expect(stolz?.appearances.map((a) => a.event.id).sort()).toStrictEqual([
          '1000m-men-2026',
          'mass-start-men-2026',
          'mass-start-men-2026',
        ]);
        // The NOC comes from the one article that states it.
        expect(stolz?.noc).toBe('USA');
      },
    );
  });
});
