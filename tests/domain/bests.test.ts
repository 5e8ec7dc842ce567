import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceLabel, personalBests } from '../../src/domain/bests.js';
import { parseArticle } from '../../src/parse/index.js';
import { SEEDS_DIR, seedDataset } from '../commands/factory.js';

const data = await seedDataset();

/** Straight from the articles: athlete id -> `sport:discipline` -> the smallest time in ms of their rows. */
function minimaFromArticles(): Map<string, Map<string, number>> {
  const minima = new Map<string, Map<string, number>>();
  for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) {
    const { article } = parseArticle(readFileSync(join(SEEDS_DIR, file), 'utf8'), file);
    for (const round of article.rounds)
      for (const heat of round.heats)
        for (const row of heat.rows) {
          if (row.mark.kind !== 'time') continue;
          const byDistance = minima.get(row.athleteId) ?? new Map<string, number>();
          const key = `${article.sport}:${article.discipline}`;
          byDistance.set(key, Math.min(byDistance.get(key) ?? Infinity, row.mark.time.ms));
          minima.set(row.athleteId, byDistance);
        }
  }
  return minima;
}

describe('domain/bests', () => {
  describe('personalBests', () => {
    const minima = minimaFromArticles();
    const athletes = data.athletes.athletes;

    it('covers every seed skater', () => {
      expect(athletes.length).toBeGreaterThan(80);
    });

    it.each(athletes.map((a) => [a.name, a] as const))(
      '%s: the best per distance is the minimum of their rows',
      (_, athlete) => {
        const bests = personalBests(athlete);
        const got = new Map(bests.map((b) => [b.key, b.time.ms]));
        expect(got).toStrictEqual(minima.get(athlete.id) ?? new Map());
        for (const best of bests) {
          // The race named is one of theirs, over that distance, with that very time.
          expect(best.from.row.athleteId).toBe(athlete.id);
          expect(best.from.row.mark).toStrictEqual({ kind: 'time', time: best.time });
          expect(`${best.from.event.sport}:${best.from.event.discipline}`).toBe(best.key);
        }
      },
    );

    it('names the race of Sun Long’s best: the first semifinal of the 1000 m', () => {
      const sun = data.athletes.get(data.athletes.suggest('Sun Long', 1)[0]!.id)!;
      const [best, ...rest] = personalBests(sun);
      expect(rest).toStrictEqual([]);
      expect(best?.time.text).toBe('1:23.585');
      expect(best?.from.round.label).toBe('Semifinals');
      expect(best?.from.heat.number).toBe(1);
    });

    it('counts no status word as a time: a skater penalised in every race has no best', () => {
      const penalised = athletes.filter((a) => a.appearances.every((x) => x.row.mark.kind !== 'time'));
      expect(penalised.length).toBeGreaterThan(0);
      for (const athlete of penalised) expect(personalBests(athlete)).toStrictEqual([]);
    });
  });

  describe('distanceLabel', () => {
    it.each([
      ['short-track', '1000m', '1000 m (short track)'],
      ['long-track', '500m', '500 m'],
      ['long-track', 'mass-start', 'mass start'],
      ['short-track', '5000m-relay', '5000 m relay (short track)'],
    ] as const)('%s %s -> %s', (sport, discipline, label) => {
      expect(distanceLabel(sport, discipline)).toBe(label);
    });
  });
});
