import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedArticle } from '../../src/parse/article.js';
import { parseArticle } from '../../src/parse/article.js';
import { ArticleParseError } from '../../src/parse/errors.js';
import { CI_SIZE, SEEDS, bigDocuments, fuzzDocument } from './arbitraries.js';
import { checkDocument, parseViaLoader } from './oracle.js';

/** Documents per CI run; `npm run fuzz` runs 100,000. About 5 s here. */
const RUNS = 3_000;

const seed = SEEDS[2]!;
const good = () => parseArticle(seed.text, 'doc.txt');
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

/** Parsers that break the contract one way each: the oracle must catch every one. */
const BROKEN: Array<{ what: string; parse: (text: string, source: string) => ParsedArticle; says: RegExp }> =
  [
    {
      what: 'throws a TypeError',
      parse: () => {
        throw new TypeError("Cannot read properties of undefined (reading 'line')");
      },
      says: /threw something other than ArticleParseError: TypeError/,
    },
    {
      what: 'overflows the stack',
      parse: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
      says: /threw something other than ArticleParseError: RangeError/,
    },
    {
      what: 'returns a warning at line 0',
      parse: () => ({
        ...good(),
        warnings: [{ ...warningAt(1), position: { ...warningAt(1).position, line: 0 } }],
      }),
      says: /warning 0 is not a warning/,
    },
    {
      what: 'returns a warning past the last line',
      parse: () => ({ ...good(), warnings: [warningAt(999)] }),
      says: /warning 0 .*line 999 of 126/,
    },
    {
      what: 'returns a warning quoting another line',
      parse: () => ({
        ...good(),
        warnings: [{ ...warningAt(1), position: { ...warningAt(1).position, line: 2 } }],
      }),
      says: /warning 0 .*quotes "= Short-track/,
    },
    {
      what: 'returns a warning with a column past the end of its line',
      parse: () => ({
        ...good(),
        warnings: [{ ...warningAt(2), position: { ...warningAt(2).position, column: 5 } }],
      }),
      says: /column 5 on line 2 of 0 characters/,
    },
    {
      what: 'returns an error as a warning',
      parse: () => ({ ...good(), warnings: [{ ...warningAt(1), severity: 'error' }] }),
      says: /warning 0 is not a warning/,
    },
    {
      what: 'returns an article the schema refuses',
      parse: () => ({ ...good(), article: { ...good().article, id: 'Not An Id' } }),
      says: /does not validate/,
    },
    {
      what: 'returns a row whose line is not in the document',
      parse: () => {
        const parsed = good();
        parsed.article.rounds[0]!.heats[0]!.rows[0]!.line = 500;
        return parsed;
      },
      says: /article\.rounds\.0\.heats\.0\.rows\.0\.line is 500; the document has 126 lines/,
    },
    {
      what: 'throws an error positioned past the end',
      parse: () => {
        throw new ArticleParseError('bad', { source: 'doc.txt', line: 200, column: 1, text: '' });
      },
      says: /error position: line 200 of 126/,
    },
    {
      what: 'throws an error for a different file',
      parse: () => {
        throw new ArticleParseError('bad', {
          source: 'other.txt',
          line: 1,
          column: 1,
          text: seed.text.split('\n')[0]!,
        });
      },
      says: /error position: source other.txt/,
    },
    {
      what: "gives up with the schema's last-resort refusal",
      parse: () => {
        throw new ArticleParseError('invalid rounds.0.label: Too small', {
          source: 'doc.txt',
          line: 1,
          column: 1,
          text: seed.text.split('\n')[0]!,
        });
      },
      says: /built an article the schema refuses: invalid rounds\.0\.label/,
    },
    {
      what: 'takes longer than its budget, every time',
      parse: () => {
        busy(30);
        return good();
      },
      says: /took \d+ ms for 5003 characters \(budget 10 ms\)/,
    },
  ];

function warningAt(line: number) {
  const text = seed.text.split('\n')[line - 1] ?? '';
  return {
    severity: 'warning' as const,
    message: 'made up',
    position: { source: 'doc.txt', line, column: 1, text },
  };
}

/** What a correct parser does with each big document (see bigDocuments). */
const BIG_EXPECTED: Record<string, { outcome: 'article' | 'error'; warnings: number; first?: string }> = {
  'title with 1 MB of spaces': {
    outcome: 'error',
    warnings: 0,
    first: 'title does not name "<sport> at the <year> <season> Olympics – <event>"',
  },
  'heading with 1 MB of spaces': {
    outcome: 'article',
    warnings: 1,
    first: 'article has no results tables under a Results heading',
  },
  'infobox key with 1 MB of spaces': { outcome: 'article', warnings: 0 },
  'infobox value with 1 MB of spaces': { outcome: 'article', warnings: 0 },
  'name cell with 1 MB of spaces': { outcome: 'article', warnings: 0 },
  'time cell with 1 MB of codes': { outcome: 'article', warnings: 0 },
  'paragraph of 1 MB of " of " phrases': {
    outcome: 'article',
    warnings: 41_666,
    first: 'prose gives Sun Long as NED, the infobox as CHN; the infobox is kept',
  },
  'a single race of 20,000 skaters': { outcome: 'article', warnings: 10_002 },
  'a date range of 9,999 years': { outcome: 'article', warnings: 1, first: 'infobox date not understood' },
  '10 MB: a mass start of 200,000 rows, every Total wrong': {
    outcome: 'article',
    warnings: 200_001,
    first: 'Total 2 is not S1+S2+S3+S4 = 1',
  },
  'a header line of 40,000 cells': {
    outcome: 'article',
    warnings: 40_096,
    first: 'duplicate column "Rank" ignored',
  },
  'a row of 40,000 cells': {
    outcome: 'article',
    warnings: 4,
    first: 'row has 59999 cells, the header 6; extra cells ignored',
  },
  'a Final B of 10,000 heats after a Final A of 10,000 rows': {
    outcome: 'article',
    warnings: 10_003,
    first: 'article has no Infobox',
  },
  '5,000 heats under their own headings': {
    outcome: 'article',
    warnings: 1,
    first: 'article has no Infobox',
  },
  'prose giving 10,000 skaters a country': {
    outcome: 'article',
    warnings: 2,
    first: 'article has no Infobox',
  },
};

describe('parse/article under fuzzing', () => {
  describe('checkDocument (the oracle)', () => {
    it.each(SEEDS)('accepts seed $file as an article', ({ file, text }) => {
      expect(checkDocument(text, file)).toMatchObject({ outcome: 'article', warnings: 0 });
    });

    it.each(BROKEN)('catches a parser that $what', ({ what, parse, says }) => {
      // Only the slow parser is judged by the tight budget; the others parse a seed, which on a loaded
      // machine can itself take more than 10 ms, and must fail for what they break, not for time.
      const budget = what.startsWith('takes longer') ? 10 : 10_000;
      expect(() => checkDocument(seed.text, 'doc.txt', parse, () => budget)).toThrow(says);
    });

    it('lets one slow run pass when the second is fast: a GC pause is not a hang', () => {
      let calls = 0;
      const once = (text: string, source: string) => {
        if (calls++ === 0) busy(30);
        return parseArticle(text, source);
      };
      expect(checkDocument(seed.text, 'doc.txt', once, () => 20)).toMatchObject({ outcome: 'article' });
      expect(calls).toBe(2);
    });
  });

  describe('parseArticle', () => {
    it(`returns a valid article with positioned warnings, or a positioned error, for ${RUNS} generated documents`, () => {
      const tally = { article: 0, error: 0, warnings: 0 };
      fc.assert(
        fc.property(fuzzDocument(CI_SIZE), (doc) => {
          const verdict = checkDocument(doc.text);
          tally[verdict.outcome]++;
          tally.warnings += verdict.warnings;
        }),
        { numRuns: RUNS },
      );
      // The generator must reach deep into the parser, not stop every document at its title: most
      // documents load, many fail, and the loaded ones carry warnings (about 11 each when this was written).
      expect(tally.article).toBeGreaterThan(RUNS * 0.5);
      expect(tally.error).toBeGreaterThan(RUNS * 0.15);
      expect(tally.warnings).toBeGreaterThan(RUNS * 3);
    }, 60_000);

    const big = bigDocuments();
    it('has an expectation for every big document', () => {
      expect(big.map((d) => d.name)).toStrictEqual(Object.keys(BIG_EXPECTED));
    });

    // Each aims at a place where a long input could cost the square of its length, or overflow the stack.
    it.each(big)(
      '$name: parses or fails with a position within its budget',
      ({ name, text }) => {
        const verdict = checkDocument(text, 'big.txt', parseViaLoader);
        const expected = BIG_EXPECTED[name]!;
        expect(verdict.outcome).toBe(expected.outcome);
        expect(verdict.warnings).toBe(expected.warnings);
        if (expected.first) expect(verdict.messages[0]).toBe(expected.first);
      },
      // The per-kilobyte budget inside checkDocument is the check; this only stops a run that never ends.
      120_000,
    );
  });
});
