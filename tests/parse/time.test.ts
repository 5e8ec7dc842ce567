import { describe, expect, it } from 'vitest';
import type { Mark, RaceTime } from '../../src/model/schemas.js';
import { formatDuration, parseMarkCell, parseRaceTime } from '../../src/parse/time.js';

describe('parse/time', () => {
  describe('parseRaceTime', () => {
    it.each<[string, RaceTime]>([
      ['7:42.49', { text: '7:42.49', ms: 462_490, decimals: 2 }],
      ['1:24.537', { text: '1:24.537', ms: 84_537, decimals: 3 }],
      ['39.17', { text: '39.17', ms: 39_170, decimals: 2 }],
      ['2:22.4', { text: '2:22.4', ms: 142_400, decimals: 1 }],
      ['1:02:03.4', { text: '1:02:03.4', ms: 3_723_400, decimals: 1 }],
      ['7:38.0', { text: '7:38.0', ms: 458_000, decimals: 1 }],
      ['1:24.500', { text: '1:24.500', ms: 84_500, decimals: 3 }],
      ['0.5', { text: '0.5', ms: 500, decimals: 1 }],
      ['68', { text: '68', ms: 68_000, decimals: 0 }],
      ['39,17', { text: '39,17', ms: 39_170, decimals: 2 }],
      [' 39.17 ', { text: '39.17', ms: 39_170, decimals: 2 }],
    ])('reads %j', (text, expected) => {
      expect(parseRaceTime(text)).toStrictEqual(expected);
    });

    it.each([
      ['7:75.00', 'seconds past 59 after minutes'],
      ['1:60:00.0', 'minutes past 59 after hours'],
      ['abc', 'not a number'],
      ['', 'empty'],
      ['7:42.', 'a point with no digits'],
      ['.5', 'no whole seconds'],
      ['1.2.3', 'two points'],
      ['-1', 'a sign'],
      ['1:24.5371', 'four decimals'],
      ['DQ', 'a status word'],
    ])('rejects %j (%s)', (text) => {
      expect(parseRaceTime(text)).toBeNull();
    });
  });

  describe('parseMarkCell', () => {
    const time = (text: string, ms: number, decimals: number): Mark => ({
      kind: 'time',
      time: { text, ms, decimals },
    });

    it.each<[string, Mark, string[], boolean]>([
      ['7:42.49', time('7:42.49', 462_490, 2), [], true],
      ['39.17', time('39.17', 39_170, 2), [], true],
      ['DQ', { kind: 'status', text: 'DQ' }, [], true],
      ['DNF', { kind: 'status', text: 'DNF' }, [], true],
      ['DNS', { kind: 'status', text: 'DNS' }, [], true],
      ['dq', { kind: 'status', text: 'dq' }, [], true],
      ['PEN', { kind: 'status', text: 'PEN' }, [], true],
      ['', { kind: 'none' }, [], true],
      ['  ', { kind: 'none' }, [], true],
      ['-', { kind: 'none' }, [], true],
      ['–', { kind: 'none' }, [], true],
      ['—', { kind: 'none' }, [], true],
      ['1:23.456 OR', time('1:23.456', 83_456, 3), ['OR'], true],
      ['1:23.456 (OR)', time('1:23.456', 83_456, 3), ['OR'], true],
      ['1:23.456 WR, OR', time('1:23.456', 83_456, 3), ['WR', 'OR'], true],
      ['37.04 OR WR', time('37.04', 37_040, 2), ['OR', 'WR'], true],
      ['abc', { kind: 'status', text: 'abc' }, [], false],
      ['7:75.00', { kind: 'status', text: '7:75.00' }, [], false],
    ])('reads %j', (cell, mark, extraNotes, ok) => {
      expect(parseMarkCell(cell)).toStrictEqual({ mark, extraNotes, ok });
    });
  });

  describe('formatDuration', () => {
    it.each([
      ['7:42.49'],
      ['1:24.537'],
      ['39.17'],
      ['2:22.4'],
      ['1:02:03.4'],
      ['8:05.10'],
      ['1:24.500'],
      ['0.005'],
    ])('round-trips %j with its decimals', (text) => {
      const time = parseRaceTime(text)!;
      expect(formatDuration(time.ms, time.decimals)).toBe(text);
    });

    it.each([
      [462_490, 2, '7:42.49'],
      [462_490, 3, '7:42.490'],
      [462_490, 1, '7:42.5'],
      [462_490, 0, '7:42'],
      [59_999, 2, '1:00.00'],
      [3_600_000, 1, '1:00:00.0'],
      [39_170, 2, '39.17'],
    ])('formats %i ms with %i decimals as %j', (ms, decimals, expected) => {
      expect(formatDuration(ms, decimals)).toBe(expected);
    });
  });
});
