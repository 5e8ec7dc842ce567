import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../src/search/terms.js';
import type { TermIndexParts } from '../../src/search/term-parts.js';
import type { TermSearchOptions } from '../../src/search/terms.js';

/** Plain Levenshtein distance, the definition the trie walk must agree with. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

const DOCS = [
  [['jan', 'blom'], ['janblom']],
  [['jan', 'blomqvist'], ['janblomqvist']],
  [['jan', 'bloem'], ['janbloem']],
  [['piet', 'blom'], ['pietblom']],
  [['jan', 'blum'], ['janblum']],
  [
    ['van', 't', 'wout'],
    ['vant', 'vantwout', 'twout'],
  ],
];
const index = new TermIndex(DOCS, [2, 1]);
const OPTIONS: TermSearchOptions = {
  prefix: true,
  maxDistance: (term) => (term.length >= 4 ? Math.min(2, Math.round(term.length * 0.25)) : 0),
  weights: { fuzzy: 0.4, prefix: 0.7 },
};

function found(query: string[]): Record<number, number> {
  const { docs, scores } = index.searchAllElseAny(query, OPTIONS);
  return Object.fromEntries(docs.map((doc, i) => [doc, Number(scores[i]!.toFixed(4))]));
}

describe('search/terms', () => {
  // A snapshot stores an index's parts and a start restores it from them: the restored index must be the
  // same index, and parts that do not fit together must be refused at once, not on some later query.
  describe('parts', () => {
    it('restore an index that answers every query as the built one', () => {
      const restored = new TermIndex(index.parts(), [2, 1]);
      expect(restored.terms).toStrictEqual(index.terms);
      expect(restored.documents).toBe(DOCS.length);
      for (const query of [['jan'], ['blom'], ['jna', 'blom'], ['vantwout'], ['x'], ['bl', 'van']]) {
        expect(restored.searchAllElseAny(query, OPTIONS)).toStrictEqual(
          index.searchAllElseAny(query, OPTIONS),
        );
      }
      for (const term of index.terms) expect(restored.idOf(term)).toBe(index.idOf(term));
    });

    it.each([
      ['a term missing', (p: TermIndexParts) => ({ ...p, terms: p.terms.slice(1) })],
      ['a posting missing', (p: TermIndexParts) => ({ ...p, postDocs: p.postDocs.subarray(1) })],
      [
        'a trie array cut short',
        (p: TermIndexParts) => ({ ...p, trie: { ...p.trie, termAt: p.trie.termAt.subarray(1) } }),
      ],
      ['lengths for other fields', (p: TermIndexParts) => ({ ...p, lengthNorm: p.lengthNorm.subarray(1) })],
    ])('refuse %s', (_, change) => {
      expect(() => new TermIndex(change(index.parts()), [2, 1])).toThrow(RangeError);
    });
  });

  it('keeps every distinct term, sorted', () => {
    // Default sort is by UTF-16 code unit, the order the index keeps.
    expect(index.terms).toStrictEqual([...new Set(DOCS.flat(2))].sort());
    for (const [i, term] of index.terms.entries()) expect(index.idOf(term)).toBe(i);
    expect(index.idOf('blo')).toBe(-1);
  });

  it.each([
    ['blo', ['bloem', 'blom', 'blomqvist']],
    ['blom', ['blom', 'blomqvist']],
    ['van', ['van', 'vant', 'vantwout']],
    ['x', []],
    ['', index.terms],
  ])('prefix %j covers %j', (prefix, terms) => {
    const [start, end] = index.prefixRange(prefix);
    expect(index.terms.slice(start, end)).toStrictEqual(terms);
  });

  it.each([
    [
      'blom',
      1,
      [
        ['bloem', 1],
        ['blom', 0],
        ['blum', 1],
      ],
    ],
    [
      'bolm',
      2,
      [
        ['bloem', 2],
        ['blom', 2],
        ['blum', 2],
      ],
    ],
    ['vantwuot', 2, [['vantwout', 2]]],
    [
      'wout',
      1,
      [
        ['twout', 1],
        ['wout', 0],
      ],
    ],
    ['zzzz', 2, []],
  ])('fuzzy %j within %i finds %j', (query, max, expected) => {
    const found = index.fuzzy(query, max).sort((a, b) => a[0] - b[0]);
    expect(found.map(([i, d]) => [index.terms[i], d])).toStrictEqual(expected);
  });

  it('agrees with plain Levenshtein on any words', () => {
    const word = fc.stringMatching(/^[abc]{1,7}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        word,
        fc.integer({ min: 1, max: 2 }),
        (words, query, max) => {
          const terms = new TermIndex(
            words.map((w) => [[w]]),
            [1],
          );
          const expected = terms.terms
            .map((term, i): [number, number] => [i, levenshtein(query, term)])
            .filter(([, d]) => d <= max);
          expect(terms.fuzzy(query, max).sort((a, b) => a[0] - b[0])).toStrictEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  describe('searchAllElseAny', () => {
    it('ranks whole words over prefixes over typos, and the name field over joined runs', () => {
      const blom = found(['blom']);
      // Jan Blom and Piet Blom (whole word), Blomqvist (prefix), Bloem and Blum (one edit).
      expect(Object.keys(blom).map(Number).sort()).toStrictEqual([0, 1, 2, 3, 4]);
      expect(blom[0]).toBe(blom[3]);
      expect(blom[0]!).toBeGreaterThan(blom[1]!);
      expect(blom[1]!).toBeGreaterThan(blom[2]!);
    });

    it('needs every word when some document has them all', () => {
      expect(
        Object.keys(found(['jan', 'blom']))
          .map(Number)
          .sort(),
      ).toStrictEqual([0, 1, 2, 4]);
    });

    it('falls back to any word, scaling the score by how many matched', () => {
      const any = found(['piet', 'wout']);
      expect(Object.keys(any).map(Number).sort()).toStrictEqual([3, 5]);
      const both = found(['jan', 'xyzzy']);
      expect(Object.keys(both).map(Number).sort()).toStrictEqual([0, 1, 2, 4]);
    });

    it('finds joined runs by their start: "vantw" and "vant wout"', () => {
      expect(Object.keys(found(['vantw']))).toStrictEqual(['5']);
      expect(Object.keys(found(['vant', 'wout']))).toStrictEqual(['5']);
    });

    it('finds nothing for nothing', () => {
      expect(found(['xyzzy'])).toStrictEqual({});
    });
  });
});
