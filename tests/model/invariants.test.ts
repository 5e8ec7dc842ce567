import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkInvariants, decidingRound } from '../../src/model/invariants.js';
import type { EventArticle } from '../../src/model/schemas.js';
import { parseArticle } from '../../src/parse/article.js';
import { SourceText } from '../../src/parse/errors.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const SEEDS = new URL('../../seeds/', import.meta.url);

function load(url: URL): { text: SourceText; article: EventArticle } {
  const raw = readFileSync(url, 'utf8');
  return { text: new SourceText('doc.txt', raw), article: parseArticle(raw, 'doc.txt').article };
}

describe('model/invariants', () => {
  describe('decidingRound', () => {
    it.each([
      [new URL('short-track-500m-women-2026.txt', FIXTURES), 'Final A'],
      [new URL('002_719e20d4052c2932.txt', SEEDS), 'Final A'],
      [new URL('000_1a0ef7e0fe2592fc.txt', SEEDS), 'Final'],
      [new URL('500m-women-2022.txt', FIXTURES), 'Race'],
    ])('%s -> %j', (url, label) => {
      expect(decidingRound(load(url).article)?.label).toBe(label);
    });

    it('is undefined for an article with no rounds', () => {
      const { article } = load(new URL('500m-women-2022.txt', FIXTURES));
      expect(decidingRound({ ...article, rounds: [] })).toBeUndefined();
    });
  });

  describe('checkInvariants', () => {
    it('finds nothing wrong in a seed', () => {
      const { text, article } = load(new URL('002_719e20d4052c2932.txt', SEEDS));
      expect(checkInvariants(article, (line, needle) => text.at(line, needle))).toStrictEqual([]);
    });

    it('points infobox facts at the Infobox line when it is not told where the keys are', () => {
      const { text, article } = load(new URL('000_1a0ef7e0fe2592fc.txt', SEEDS));
      const infobox = article.infobox!;
      const changed = { ...article, infobox: { ...infobox, competitors: 30 } };
      expect(checkInvariants(changed, (line, needle) => text.at(line, needle))).toStrictEqual([
        {
          severity: 'warning',
          message: 'infobox gives 30 competitors; Semifinals has 29 skaters',
          position: { source: 'doc.txt', line: 3, column: 1, text: 'Infobox' },
        },
      ]);
    });
    it.each([
      ['after the ranked skaters of Final A', 5],
      ['after every skater of Final A, a penalised one included', 6],
    ])('accepts Final B ranks continuing %s', (_, first) => {
      const { text, article } = load(new URL('002_719e20d4052c2932.txt', SEEDS));
      const penalised = (row: EventArticle['rounds'][number]['heats'][number]['rows'][number]) =>
        row.rank === 5 ? { ...row, rank: null, mark: { kind: 'none' as const }, notes: ['PEN'] } : row;
      const rounds = article.rounds.map((round) => {
        if (round.kind === 'final')
          return { ...round, heats: round.heats.map((h) => ({ ...h, rows: h.rows.map(penalised) })) };
        if (round.kind !== 'final-b') return round;
        return {
          ...round,
          heats: round.heats.map((h) => ({ ...h, rows: h.rows.map((r, i) => ({ ...r, rank: first + i })) })),
        };
      });
      expect(checkInvariants({ ...article, rounds }, (line, needle) => text.at(line, needle))).toStrictEqual(
        [],
      );
    });

    it('warns when Final B ranks start anywhere else', () => {
      const { text, article } = load(new URL('002_719e20d4052c2932.txt', SEEDS));
      const rounds = article.rounds.map((round) =>
        round.kind === 'final-b'
          ? {
              ...round,
              heats: round.heats.map((h) => ({ ...h, rows: h.rows.map((r, i) => ({ ...r, rank: 8 + i })) })),
            }
          : round,
      );
      const messages = checkInvariants({ ...article, rounds }, (line, needle) => text.at(line, needle)).map(
        (d) => d.message,
      );
      expect(messages).toStrictEqual(['ranks 8, 9, 10, 11, 12 in heat are not 6..10']);
    });
  });
});
