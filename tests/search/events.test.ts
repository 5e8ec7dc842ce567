import { describe, expect, it } from 'vitest';
import type { EventArticle } from '../../src/model/schemas.js';
import { EventIndex, eventLabel } from '../../src/search/events.js';
import { MAX_CHOICES } from '../../src/search/resolution.js';
import { loadFixture, loadSeeds, outcomeOf } from './helpers.js';
import type { Outcome } from './helpers.js';

const seeds = await loadSeeds();
const longTrack1000 = loadFixture('long-track-1000m-men.txt');
const seedIndex = new EventIndex(seeds);
const withLongTrack = new EventIndex([...seeds, longTrack1000]);

const MEN = 'mass-start-men-2026';
const WOMEN = 'mass-start-women-2026';
const ST1000 = 'short-track-1000m-men-2026';
const LT1000 = '1000m-men-2026';

function resolved(index: EventIndex, query: string): Outcome {
  return outcomeOf(index.resolve(query), (event) => event.id);
}

/** `count` copies of an article, each its own event (a year of its own), to fill past Discord's cap. */
function manyEvents(article: EventArticle, count: number): EventArticle[] {
  return Array.from({ length: count }, (_, i) => ({
    ...article,
    id: `mass-start-men-${1990 + i}`,
    games: { ...article.games, year: 1990 + i },
  }));
}

describe('search/events', () => {
  describe('EventIndex.resolve', () => {
    it.each([
      // The used-by short forms.
      ['mass-start-men', MEN],
      ['1000m', ST1000],
      // Canonical ids, whatever the case and spacing.
      [MEN, MEN],
      [WOMEN, WOMEN],
      [ST1000, ST1000],
      [' Mass-Start-Women-2026 ', WOMEN],
      // Free forms.
      ['women mass start', WOMEN],
      ['Mass Start Women 2026', WOMEN],
      ["men's mass start", MEN],
      ['massstart men', MEN],
      ['short track 1000', ST1000],
      ['st-1000m-men', ST1000],
      ['short-track-1000m', ST1000],
      ['1000 metres', ST1000],
      ['1 km', ST1000],
      ['ms women', WOMEN],
      ["Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres", ST1000],
      ["Speed skating at the 2026 Winter Olympics – Men's mass start", MEN],
      ["Speed skating at the 2026 Winter Olympics – Women's mass start", WOMEN],
    ])('%j finds %s', (query, id) => {
      expect(resolved(seedIndex, query)).toStrictEqual({ kind: 'found', value: id });
    });

    it.each([
      ['mass start', [MEN, WOMEN]],
      ['mass-start', [MEN, WOMEN]],
      ['men', [ST1000, MEN]],
      ['2026', [ST1000, MEN, WOMEN]],
    ])('%j is ambiguous between %j', (query, candidates) => {
      expect(resolved(seedIndex, query)).toStrictEqual({ kind: 'ambiguous', candidates });
    });

    it.each([
      ['xyzzy', []],
      ['constructor', []],
      ['500m', []],
      ['mass strat', [MEN, WOMEN]],
      ["Women's 1000 metres", [ST1000, WOMEN, MEN]],
      ['mass-start-men-2022', [MEN, WOMEN, ST1000]],
    ])('%j is missing, with suggestions %j', (query, suggestions) => {
      expect(resolved(seedIndex, query)).toStrictEqual({ kind: 'missing', suggestions });
    });

    describe('with a long-track 1000 m loaded beside the short-track one', () => {
      it.each([
        ['1000m', [LT1000, ST1000]],
        ['1000m-men', [LT1000, ST1000]],
        ["Men's 1000 metres", [LT1000, ST1000]],
      ])('%j is ambiguous and lists both 1000 m events', (query, candidates) => {
        expect(resolved(withLongTrack, query)).toStrictEqual({ kind: 'ambiguous', candidates });
      });

      it.each([
        ['short-track-1000m', ST1000],
        ['st 1000m', ST1000],
        ['short track 1000', ST1000],
        ["Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres", ST1000],
        [LT1000, LT1000],
        ['lt 1000m', LT1000],
        ['long track 1000m', LT1000],
        // The long-track title has no word a short-track title lacks; the whole title still names it.
        ["Speed skating at the 2026 Winter Olympics – Men's 1000 metres", LT1000],
        ['mass-start-men', MEN],
      ])('%j still finds %s', (query, id) => {
        expect(resolved(withLongTrack, query)).toStrictEqual({ kind: 'found', value: id });
      });
    });

    it(`lists at most ${MAX_CHOICES} candidates`, () => {
      const index = new EventIndex(manyEvents(seeds[0]!, 30));
      const outcome = index.resolve('mass start men');
      expect(outcome.kind).toBe('ambiguous');
      const ids = outcome.kind === 'ambiguous' ? outcome.candidates.map((event) => event.id) : [];
      expect(ids).toStrictEqual(Array.from({ length: MAX_CHOICES }, (_, i) => `mass-start-men-${2019 - i}`));
    });
  });

  describe('EventIndex.suggest', () => {
    it('lists every event, newest first then by name, for an empty query', () => {
      expect(seedIndex.suggest('').map((event) => event.id)).toStrictEqual([ST1000, MEN, WOMEN]);
      expect(seedIndex.suggest('   ').map((event) => event.id)).toStrictEqual([ST1000, MEN, WOMEN]);
    });

    const indexes = { seeds: seedIndex, 'seeds and long track': withLongTrack };
    it.each<{ loaded: keyof typeof indexes; query: string; ids: string[] }>([
      // Exact id first, then the fuzzy matches.
      { loaded: 'seeds', query: MEN, ids: [MEN, WOMEN, ST1000] },
      // Exact id, then a match on every facet (short track, 1000 m, men, 2026), then fuzzy.
      { loaded: 'seeds and long track', query: LT1000, ids: [LT1000, ST1000, MEN, WOMEN] },
      // An exact title counts as exact.
      {
        loaded: 'seeds and long track',
        query: "Speed skating at the 2026 Winter Olympics – Men's 1000 metres",
        ids: [LT1000, ST1000, MEN, WOMEN],
      },
      // Id prefixes, then facet matches.
      { loaded: 'seeds and long track', query: '1000m', ids: [LT1000, ST1000] },
      { loaded: 'seeds and long track', query: 'men', ids: [LT1000, ST1000, MEN] },
      { loaded: 'seeds', query: 'mass', ids: [MEN, WOMEN] },
      { loaded: 'seeds', query: 'Women', ids: [WOMEN] },
      // "st" is short track by facet, then "start" by prefix in the text.
      { loaded: 'seeds', query: 'st', ids: [ST1000, MEN, WOMEN] },
      { loaded: 'seeds', query: 'xyzzy', ids: [] },
      // The start of an event name is a prefix match, ahead of facets ("m" reads as men) and fuzzy matches.
      { loaded: 'seeds and long track', query: "Women's m", ids: [WOMEN, LT1000, ST1000, MEN] },
      { loaded: 'seeds and long track', query: "Men's m", ids: [MEN, LT1000, ST1000, WOMEN] },
    ])('$loaded: $query -> $ids', ({ loaded, query, ids }) => {
      expect(indexes[loaded].suggest(query).map((event) => event.id)).toStrictEqual(ids);
    });

    it(`returns at most ${MAX_CHOICES}`, () => {
      const index = new EventIndex(manyEvents(seeds[0]!, 30));
      expect(index.suggest('').length).toBe(MAX_CHOICES);
      expect(index.suggest('mass').length).toBe(MAX_CHOICES);
      expect(index.suggest('mass', 5).map((event) => event.id)).toStrictEqual([
        'mass-start-men-2019',
        'mass-start-men-2018',
        'mass-start-men-2017',
        'mass-start-men-2016',
        'mass-start-men-2015',
      ]);
    });
  });

  describe('EventIndex.get', () => {
    it('finds an event by canonical id only', () => {
      expect(seedIndex.get(MEN)?.id).toBe(MEN);
      expect(seedIndex.get('mass-start-men')).toBeUndefined();
    });
  });

  describe('eventLabel', () => {
    it.each([
      [MEN, "2026 · Men's mass start (speed skating)"],
      [ST1000, "2026 · Men's 1000 metres (short track)"],
      [LT1000, "2026 · Men's 1000 metres (speed skating)"],
    ])('%s -> %s', (id, label) => {
      expect(eventLabel(withLongTrack.get(id)!)).toBe(label);
    });
  });
});
