// The purpose-built skater index must rank exactly as the MiniSearch-based one did (tests/search/reference.ts),
// on the seeds and on a generated corpus, for every kind of query people type.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { loadDirectory } from '../../src/load/loader.js';
import { foldName, nameTokens } from '../../src/model/names.js';
import type { Athlete, Ranked } from '../../src/search/athletes.js';
import { Dataset } from '../../src/domain/dataset.js';
import { outcomeOf } from './helpers.js';
import { loadSeeds } from './helpers.js';
import { ReferenceAthleteIndex, referenceResolve } from './reference.js';

const work = mkdtempSync(join(tmpdir(), 'skate-equivalence-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What people type for a skater: whole, started, unaccented, mistyped, reordered, one word, joined. */
function queriesFor(athlete: Athlete): string[] {
  const tokens = nameTokens(athlete.name);
  const longest = [...tokens].sort((a, b) => b.length - a.length)[0] ?? '';
  const mid = Math.max(1, Math.floor(longest.length / 2));
  const swapped =
    longest.slice(0, mid - 1) + (longest[mid] ?? '') + (longest[mid - 1] ?? '') + longest.slice(mid + 1);
  const dropped = longest.slice(0, mid) + longest.slice(mid + 1);
  const doubled = longest.slice(0, mid) + (longest[mid] ?? '') + longest.slice(mid);
  return [
    athlete.name,
    athlete.name.slice(0, 1),
    athlete.name.slice(0, 2),
    athlete.name.slice(0, 4),
    athlete.name.slice(0, Math.ceil(athlete.name.length * 0.6)),
    foldName(athlete.name),
    tokens.map((t) => (t === longest ? swapped : t)).join(' '),
    tokens.map((t) => (t === longest ? dropped : t)).join(' '),
    doubled,
    [...athlete.name.split(' ')].reverse().join(' '),
    longest,
    longest.slice(0, 3),
    tokens.join(''),
    tokens.slice(1).join(' '),
    `${tokens.at(-1) ?? ''} ${(tokens[0] ?? '').slice(0, 1)}`,
  ];
}

/** A ranking reduced to what decides it, the scores apart. */
function shape(ranked: readonly Ranked[]): Array<[string, number, number]> {
  return ranked.map((r) => [r.athlete.id, r.tier, r.words]);
}

/** Scores agree past any noise from the order their parts were summed in. */
function expectSameScores(ours: readonly Ranked[], reference: readonly Ranked[], query: string): void {
  ours.forEach((r, i) => {
    const expected = reference[i]?.score ?? NaN;
    expect(Math.abs(r.score - expected), `${query}: ${r.athlete.id}`).toBeLessThanOrEqual(1e-8 * expected);
  });
}

function compare(data: Dataset, athletes: readonly Athlete[], extra: readonly string[]): number {
  const reference = new ReferenceAthleteIndex(data.athletes.athletes);
  const byId = new Map(data.athletes.athletes.map((a) => [a.id, a]));
  const queries = [...new Set([...athletes.flatMap(queriesFor), ...extra])];
  for (const query of queries) {
    const ours = data.athletes.rank(query, 200);
    const expected = reference.rank(query, 200);
    expect(shape(ours), query).toStrictEqual(shape(expected));
    expectSameScores(ours, expected, query);
    expect(
      outcomeOf(data.athletes.resolve(query), (a) => a.id),
      query,
    ).toStrictEqual(referenceResolve(reference, byId, query));
  }
  return queries.length;
}

const ODD = [
  '',
  ' ',
  'xyzzy',
  'a',
  'e',
  'van',
  'van t',
  'de',
  'jan jan',
  'zzzz zzzz',
  'o',
  '1000',
  'kim kim kim',
];

describe('AthleteIndex agrees with the MiniSearch reference', () => {
  it('on the seeds, for every skater', async () => {
    const data = new Dataset(await loadSeeds());
    expect(compare(data, data.athletes.athletes, ODD)).toBeGreaterThan(500);
  });

  it('on a generated corpus, for a sample of skaters', async () => {
    const dir = join(work, 'x20');
    writeCorpus(dir, { scale: 20, seed: 7 });
    const data = new Dataset((await loadDirectory(dir)).articles);
    const all = data.athletes.athletes;
    expect(all.length).toBeGreaterThan(500);
    const sample = all.filter((_, i) => i % Math.floor(all.length / 120) === 0);
    expect(compare(data, sample, ODD)).toBeGreaterThan(1000);
  });
});
