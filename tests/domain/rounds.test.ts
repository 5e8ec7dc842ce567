import { describe, expect, it } from 'vitest';
import type { EventArticle, Round } from '../../src/model/schemas.js';
import { heatLabel, resolveHeat, resolveRound, suggestRounds } from '../../src/domain/rounds.js';
import { loadFixture, loadSeeds, outcomeOf } from '../search/helpers.js';

const seeds = await loadSeeds();
const [massStartMen, , shortTrack1000] = seeds as [EventArticle, EventArticle, EventArticle];
const longTrack1000 = loadFixture('long-track-1000m-men.txt');

const ALL_1000M_ROUNDS = ['heat', 'quarterfinal', 'semifinal', 'final-b', 'final'];

function roundOf(event: EventArticle, id: string): Round {
  const round = event.rounds.find((r) => r.id === id);
  if (!round) throw new Error(`${event.id} has no round ${id}`);
  return round;
}

describe('search/rounds', () => {
  describe('resolveRound', () => {
    it.each([
      ['heat', 'heat', 'Heats'],
      ['heats', 'heat', 'Heats'],
      ['Heats', 'heat', 'Heats'],
      ['quarterfinal', 'quarterfinal', 'Quarterfinals'],
      ['quarterfinals', 'quarterfinal', 'Quarterfinals'],
      ['quarter-final', 'quarterfinal', 'Quarterfinals'],
      ['QF', 'quarterfinal', 'Quarterfinals'],
      ['semi', 'semifinal', 'Semifinals'],
      ['semis', 'semifinal', 'Semifinals'],
      ['semifinal', 'semifinal', 'Semifinals'],
      ['Semi-finals', 'semifinal', 'Semifinals'],
      ['final', 'final', 'Final A'],
      ['finals', 'final', 'Final A'],
      ['final a', 'final', 'Final A'],
      ['Final A', 'final', 'Final A'],
      ['final-b', 'final-b', 'Final B'],
      ['Final B', 'final-b', 'Final B'],
      ['b', 'final-b', 'Final B'],
    ])('1000 m: %j is the %s round (%s)', (query, id, label) => {
      const outcome = resolveRound(shortTrack1000, query);
      expect(outcome.kind === 'found' ? [outcome.value.id, outcome.value.label] : outcome).toStrictEqual([
        id,
        label,
      ]);
    });

    it.each([
      ['final', 'final'],
      ['finals', 'final'],
      ['semifinals', 'semifinal'],
      ['semi', 'semifinal'],
    ])('mass start: %j is the %s round', (query, id) => {
      expect(outcomeOf(resolveRound(massStartMen, query), (r) => r.id)).toStrictEqual({
        kind: 'found',
        value: id,
      });
    });

    it.each([null, '', '  ', 'final', 'Final', 'race'])('a single race is found for %j', (query) => {
      expect(outcomeOf(resolveRound(longTrack1000, query), (r) => r.id)).toStrictEqual({
        kind: 'found',
        value: 'race',
      });
    });

    it.each([
      { name: '1000 m', event: shortTrack1000, query: null, rounds: ALL_1000M_ROUNDS },
      { name: '1000 m', event: shortTrack1000, query: 'repechage', rounds: ALL_1000M_ROUNDS },
      { name: '1000 m', event: shortTrack1000, query: 'final-c', rounds: ALL_1000M_ROUNDS },
      // A word every object has as a property is still not a round.
      { name: '1000 m', event: shortTrack1000, query: 'constructor', rounds: ALL_1000M_ROUNDS },
      { name: 'mass start', event: massStartMen, query: null, rounds: ['semifinal', 'final'] },
      { name: 'mass start', event: massStartMen, query: 'quarterfinal', rounds: ['semifinal', 'final'] },
      { name: 'mass start', event: massStartMen, query: 'heats', rounds: ['semifinal', 'final'] },
      { name: 'long-track 1000 m', event: longTrack1000, query: 'heat', rounds: ['race'] },
    ])('$name: $query is missing, listing the event’s rounds', ({ event, query, rounds }) => {
      expect(outcomeOf(resolveRound(event, query), (r) => r.id)).toStrictEqual({
        kind: 'missing',
        suggestions: rounds,
      });
    });
  });

  describe('suggestRounds', () => {
    it.each([
      ['', ALL_1000M_ROUNDS],
      ['semi', ['semifinal']],
      ['q', ['quarterfinal']],
      ['f', ['final-b', 'final']],
      ['final b', ['final-b']],
      ['b', ['final-b']],
      ['zzz', ALL_1000M_ROUNDS],
    ])('1000 m: %j -> %j', (query, ids) => {
      expect(suggestRounds(shortTrack1000, query).map((r) => r.id)).toStrictEqual(ids);
    });
  });

  describe('resolveHeat', () => {
    const quarterfinals = roundOf(shortTrack1000, 'quarterfinal');
    const massStartFinal = roundOf(massStartMen, 'final');
    const race = roundOf(longTrack1000, 'race');

    it('finds quarterfinal heat 3 with every row as written', () => {
      const outcome = resolveHeat(quarterfinals, 3);
      expect(outcome.kind).toBe('found');
      const rows = outcome.kind === 'found' ? outcome.value.rows : [];
      expect(
        rows.map((row) => [
          row.rank,
          row.name,
          row.mark.kind === 'time' ? row.mark.time.text : null,
          row.notes,
        ]),
      ).toStrictEqual([
        [1, 'Sun Long', '1:26.563', ['Q']],
        [2, 'Roberts Krūzbergs', '1:27.133', ['Q']],
        [3, 'Michał Niewiński', '1:46.369', ['ADV']],
        [null, 'Pietro Sighel', null, ['PEN']],
        [null, 'Quentin Fercoq', null, ['PEN']],
      ]);
      expect(rows.slice(3).map((row) => row.mark)).toStrictEqual([{ kind: 'none' }, { kind: 'none' }]);
    });

    it.each([0, 5, -1, null])('quarterfinals: heat %j is missing, listing heats 1-4', (n) => {
      expect(outcomeOf(resolveHeat(quarterfinals, n), (h) => String(h.number))).toStrictEqual({
        kind: 'missing',
        suggestions: ['1', '2', '3', '4'],
      });
    });

    it.each([
      { name: 'mass-start final', round: massStartFinal, n: null },
      { name: 'mass-start final', round: massStartFinal, n: 1 },
      { name: 'long-track race', round: race, n: null },
      { name: 'long-track race', round: race, n: 1 },
    ])('the single-race $name is found for n = $n', ({ round, n }) => {
      expect(resolveHeat(round, n)).toStrictEqual({ kind: 'found', value: round.heats[0] });
    });

    it.each([2, 0])('a single-race round has no heat %j', (n) => {
      expect(outcomeOf(resolveHeat(massStartFinal, n), (h) => String(h.number))).toStrictEqual({
        kind: 'missing',
        suggestions: ['null'],
      });
    });
  });

  describe('heatLabel', () => {
    it.each([
      ['Quarterfinals, heat 3', roundOf(shortTrack1000, 'quarterfinal'), 2],
      ['Final A', roundOf(shortTrack1000, 'final'), 0],
      ['Semifinals, heat 2', roundOf(massStartMen, 'semifinal'), 1],
      ['Race', roundOf(longTrack1000, 'race'), 0],
    ])('%s', (label, round, index) => {
      expect(heatLabel(round, round.heats[index]!)).toBe(label);
    });
  });
});
