import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parse/index.js';
import { readRecords } from '../../src/parse/records.js';
import type { RawTable } from '../../src/parse/table.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const parseFixture = (file: string) =>
  parseArticle(readFileSync(new URL(file, FIXTURES), 'utf8'), file).article;

/** A table as readTable gives it, from cell lists; lines count from 10. */
const table = (...rows: string[][]): RawTable => ({
  line: 10,
  rows: rows.map((cells, i) => ({ line: 10 + i, cells })),
});
const time = (text: string, ms: number, decimals = 2) => ({ text, ms, decimals });

describe('parse/records', () => {
  describe('parseArticle', () => {
    it('reads the standing records and the one set, from the 1976 men’s 500 m', () => {
      expect(parseFixture('500m-men-1976.txt').records).toStrictEqual([
        {
          kind: 'world',
          time: time('36.17', 36170),
          holder: 'Yevgeny Kulikov',
          noc: 'URS',
          place: 'Alma-Ata, Kazakh SSR, Soviet Union',
          date: '29 March 1975',
          setHere: false,
          line: 23,
        },
        {
          kind: 'olympic',
          time: time('39.44', 39440),
          holder: 'Erhard Keller',
          noc: 'FRG',
          place: 'Sapporo, Japan',
          date: '5 February 1972',
          setHere: false,
          line: 24,
        },
        {
          kind: 'olympic',
          time: time('39.17', 39170),
          holder: 'Yevgeny Kulikov',
          noc: 'URS',
          place: null,
          date: '10 February',
          setHere: true,
          line: 28,
        },
      ]);
    });

    it('reads a records-set table with its OR column, from the 2022 women’s 500 m', () => {
      expect(parseFixture('500m-women-2022.txt').records).toStrictEqual([
        {
          kind: 'olympic',
          time: time('37.04', 37040),
          holder: 'Erin Walker',
          noc: null,
          place: null,
          date: '13 February 2022',
          setHere: true,
          line: 26,
        },
      ]);
    });

    it('states no records for a Records section that lost its table (the 1000 m seed)', () => {
      const text = readFileSync(new URL('../../seeds/002_719e20d4052c2932.txt', import.meta.url), 'utf8');
      expect(text).toMatch(/== Records ==\nPrior to this competition/);
      expect(parseArticle(text, 'seed').article.records).toBeUndefined();
    });
  });

  describe('readRecords', () => {
    it.each([
      ['WR and OR', true, true],
      ['WR only', true, false],
      ['OR only', false, true],
    ])('a row marked %s states each record it is marked with', (_, world, olympic) => {
      const records = readRecords([
        table(
          ['Date', 'Athlete', 'Time', 'OR', 'WR'],
          ['11 February', 'Jordan Stolz', '1:06.28', olympic ? 'OR' : '', world ? 'WR' : ''],
        ),
      ]);
      expect(records.map((r) => r.kind)).toStrictEqual([
        ...(world ? ['world'] : []),
        ...(olympic ? ['olympic'] : []),
      ]);
    });

    it.each([
      ['a row without a time', table(['World record', 'Someone (NED)', '', 'Calgary', '2001'])],
      ['a label that is no record', table(['Junior record', 'Someone', '36.00', 'Calgary', '2001'])],
      [
        'a records-set row without a time',
        table(['Date', 'Athlete', 'Time', 'OR'], ['1 Feb', 'A', 'DQ', 'OR']),
      ],
      ['a results table', table(['Rank', 'Name', 'Time', 'Notes'], ['1', 'A', '36.00', 'OR'])],
    ])('states nothing for %s', (_, input) => {
      expect(readRecords([input])).toStrictEqual([]);
    });
  });
});
