import { describe, expect, it } from 'vitest';
import type { StartTime } from '../../src/model/schemas.js';
import { isStartLine, parseDateList, parseStartLine } from '../../src/parse/dates.js';

describe('parse/dates', () => {
  describe('parseDateList', () => {
    it.each<[string, string[]]>([
      ['21 February 2026', ['2026-02-21']],
      ['10 and 12 February', ['2026-02-10', '2026-02-12']],
      ['10 and 12 February 2026', ['2026-02-10', '2026-02-12']],
      ['10, 11 and 12 February', ['2026-02-10', '2026-02-11', '2026-02-12']],
      ['10–12 February 2026', ['2026-02-10', '2026-02-11', '2026-02-12']],
      ['10-12 February', ['2026-02-10', '2026-02-11', '2026-02-12']],
      ['29 January – 1 February', ['2026-01-29', '2026-01-30', '2026-01-31', '2026-02-01']],
      ['February 10, 2026', ['2026-02-10']],
      ['February 10–12, 2026', ['2026-02-10', '2026-02-11', '2026-02-12']],
      ['Feb 10 to 12', ['2026-02-10', '2026-02-11', '2026-02-12']],
      ['13 February 2022', ['2022-02-13']],
      [
        '29 December 2025 – 2 January 2026',
        ['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'],
      ],
    ])('reads %j (Games year 2026)', (text, expected) => {
      expect(parseDateList(text, 2026)).toStrictEqual(expected);
    });

    it('takes the year from the Games when the text has none', () => {
      expect(parseDateList('10 and 12 February', 2022)).toStrictEqual(['2022-02-10', '2022-02-12']);
    });

    it.each([
      ['garbage', 'no date at all'],
      ['', 'empty'],
      ['2026', 'a year alone'],
      ['May 2026', 'a month with no day'],
      ['10 and 12', 'days with no month'],
      ['30 February 2026', 'a day that does not exist'],
      ['12–10 February 2026', 'a range running backwards'],
    ])('returns null for %j (%s)', (text) => {
      expect(parseDateList(text, 2026)).toBeNull();
    });
  });

  describe('parseStartLine', () => {
    it.each<[string, number, StartTime]>([
      [
        '10 February 2026, 11:10',
        2026,
        { text: '10 February 2026, 11:10', local: '2026-02-10T11:10', unix: 1_770_718_200 },
      ],
      [
        '12 February 2026, 21:58',
        2026,
        { text: '12 February 2026, 21:58', local: '2026-02-12T21:58', unix: 1_770_929_880 },
      ],
      [
        '13 February 2022, 21:56',
        2022,
        { text: '13 February 2022, 21:56', local: '2022-02-13T21:56', unix: 1_644_760_560 },
      ],
      [
        '10 February 2026 at 11.10',
        2026,
        { text: '10 February 2026 at 11.10', local: '2026-02-10T11:10', unix: 1_770_718_200 },
      ],
      [
        '10 Feb 2026, 9:05',
        2026,
        { text: '10 Feb 2026, 9:05', local: '2026-02-10T09:05', unix: 1_770_710_700 },
      ],
      [
        '4 February 1964, 10:00',
        1964,
        { text: '4 February 1964, 10:00', local: '1964-02-04T10:00', unix: -186_418_800 },
      ],
    ])('reads %j in the venue time zone of the %i Games', (line, year, expected) => {
      expect(parseStartLine(line, year)).toStrictEqual(expected);
    });

    it('leaves the instant unknown when the Games have no known time zone', () => {
      expect(parseStartLine('10 February 2026, 11:10', 2024)).toStrictEqual({
        text: '10 February 2026, 11:10',
        local: '2026-02-10T11:10',
        unix: null,
      });
    });

    it('uses an offset written on the line', () => {
      expect(parseStartLine('13 February 2022, 21:56 (UTC+8)', 2024)).toStrictEqual({
        text: '13 February 2022, 21:56 (UTC+8)',
        local: '2022-02-13T21:56',
        unix: 1_644_760_560,
      });
    });

    it.each([
      ['31 February 2026, 11:10', 'a day that does not exist'],
      ['10 February 2026, 24:00', 'an hour past 23'],
      ['10 February 2026, 11:60', 'a minute past 59'],
      ['10 Smarch 2026, 11:10', 'no such month'],
      ['10 February 2026', 'no time'],
      ['Prior to this competition, the records were as follows.', 'prose'],
    ])('returns null for %j (%s)', (line) => {
      expect(parseStartLine(line, 2026)).toBeNull();
    });
  });

  describe('isStartLine', () => {
    it.each([
      ['10 February 2026, 11:10', true],
      ['  12 February 2026, 21:52  ', true],
      ['13 February 2022, 21:56 (UTC+8)', true],
      ['10 February 2026', false],
      ['The heats were held on 10 February 2026, 11:10 local time.', false],
    ])('%j -> %s', (line, expected) => {
      expect(isStartLine(line)).toBe(expected);
    });
  });
});
