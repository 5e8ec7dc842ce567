import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/schemas.js';
import { SourceText } from '../../src/parse/errors.js';
import type { Column, HeadedTable } from '../../src/parse/table.js';
import {
  cellStart,
  isRaceTable,
  isTableRow,
  readHeader,
  readTable,
  splitRow,
} from '../../src/parse/table.js';

/** Reads the header of a table written as lines, from line 1 of a small document. */
function header(lines: string[]): { table: HeadedTable | null; diagnostics: Diagnostic[] } {
  const text = new SourceText('table.txt', lines.join('\n'));
  const diagnostics: Diagnostic[] = [];
  const table = readHeader(text, readTable(text.lines, 0).table, diagnostics);
  return { table, diagnostics };
}

describe('parse/table', () => {
  describe('splitRow', () => {
    it.each<[string, string[]]>([
      ['| a | b |', ['a', 'b']],
      ['|a|b|', ['a', 'b']],
      ['|a|b', ['a', 'b']],
      ['  | x |  ', ['x']],
      ['| 1 | | 16 | |', ['1', '', '16', '']],
      ['| a || b |', ['a', '', 'b']],
      ["| 1 | 7 | Jens van 't Wout | | 1:25.237 | Q |", ['1', '7', "Jens van 't Wout", '', '1:25.237', 'Q']],
      ['| S1 | S2 | S3 | S4 | Total | | | |', ['S1', 'S2', 'S3', 'S4', 'Total', '', '', '']],
    ])('splits %j', (line, cells) => {
      expect(splitRow(line)).toStrictEqual(cells);
    });
  });

  describe('isTableRow', () => {
    it.each([
      ['| a |', true],
      ['   | a |', true],
      ['a | b', false],
      ['', false],
      ['== Results ==', false],
    ])('%j -> %s', (line, expected) => {
      expect(isTableRow(line)).toBe(expected);
    });
  });

  describe('cellStart', () => {
    it.each([
      ['| Rank | Time | Time |', 0, 1],
      ['| Rank | Time | Time |', 1, 8],
      ['| Rank | Time | Time |', 2, 15],
      ['  |a|b|', 1, 5],
    ])('%j cell %i starts at %i', (line, index, expected) => {
      expect(cellStart(line, index)).toBe(expected);
    });
  });

  describe('readTable', () => {
    it('reads consecutive pipe rows with their 1-based lines and stops at the first other line', () => {
      const lines = ['intro', '| A | B |', '| 1 | 2 |', '', '| 3 | 4 |'];
      expect(readTable(lines, 1)).toStrictEqual({
        table: {
          line: 2,
          rows: [
            { line: 2, cells: ['A', 'B'] },
            { line: 3, cells: ['1', '2'] },
          ],
        },
        next: 3,
      });
    });
  });

  describe('readHeader', () => {
    it('merges a grouped two-row header (mass-start semifinal) and drops the padding of both rows', () => {
      const { table, diagnostics } = header([
        '| Rank | Heat | Name | Country | Laps | Points | Time | Notes | | | | |',
        '| S1 | S2 | S3 | S4 | Total | | | | | | | |',
        '| 1 | 1 | Antoine Gélinas-Beaulieu | | 16 | | | | 60 | 60 | 7:42.49 | Q |',
      ]);
      expect(table).toStrictEqual({
        line: 1,
        columns: [
          'rank',
          'heat',
          'name',
          'country',
          'laps',
          's1',
          's2',
          's3',
          's4',
          'total',
          'time',
          'notes',
        ],
        headers: [
          'Rank',
          'Heat',
          'Name',
          'Country',
          'Laps',
          'S1',
          'S2',
          'S3',
          'S4',
          'Total',
          'Time',
          'Notes',
        ],
        rows: [
          {
            line: 3,
            cells: ['1', '1', 'Antoine Gélinas-Beaulieu', '', '16', '', '', '', '60', '60', '7:42.49', 'Q'],
          },
        ],
      });
      expect(diagnostics).toStrictEqual([]);
    });

    it('merges the grouped header of a mass-start final (no Heat, no Notes)', () => {
      const { table, diagnostics } = header([
        '| Rank | Name | Country | Laps | Points | Time | | | | |',
        '| S1 | S2 | S3 | S4 | Total | | | | | |',
        '| 1 | Jorrit Bergsma | | 16 | 2 | 3 | 3 | 60 | 68 | 7:55.50 |',
      ]);
      expect(table?.columns).toStrictEqual<Array<Column | null>>([
        'rank',
        'name',
        'country',
        'laps',
        's1',
        's2',
        's3',
        's4',
        'total',
        'time',
      ]);
      expect(table?.rows).toStrictEqual([
        { line: 3, cells: ['1', 'Jorrit Bergsma', '', '16', '2', '3', '3', '60', '68', '7:55.50'] },
      ]);
      expect(diagnostics).toStrictEqual([]);
    });

    it('drops trailing empty padding from a one-row header and keeps the first data row as data', () => {
      const { table, diagnostics } = header([
        '| Rank | Name | Country | Time | Notes | | |',
        "| 1 | Jens van 't Wout | | 1:24.537 | | | |",
      ]);
      expect(table).toStrictEqual({
        line: 1,
        columns: ['rank', 'name', 'country', 'time', 'notes'],
        headers: ['Rank', 'Name', 'Country', 'Time', 'Notes'],
        rows: [{ line: 2, cells: ['1', "Jens van 't Wout", '', '1:24.537', '', '', ''] }],
      });
      expect(diagnostics).toStrictEqual([]);
    });

    it('reads Athlete as the name column, and Pair, Lane and Time behind by name in any order', () => {
      const { table, diagnostics } = header([
        '| Pair | Lane | Athlete | Rank | Time behind | Time | Country | Notes |',
        '| 7 | i | Erin Jackson | 1 | | 37.04 | | OR |',
      ]);
      expect(table?.columns).toStrictEqual<Array<Column | null>>([
        'pair',
        'lane',
        'name',
        'rank',
        'behind',
        'time',
        'country',
        'notes',
      ]);
      expect(table !== null && isRaceTable(table)).toBe(true);
      expect(diagnostics).toStrictEqual([]);
    });

    it.each<[string, Column | null]>([
      ['Rank', 'rank'],
      ['Rk', 'rank'],
      ['Pos.', 'rank'],
      ['Place', 'rank'],
      ['Heat', 'heat'],
      ['Pair', 'pair'],
      ['Lane', 'lane'],
      ['Name', 'name'],
      ['Athlete', 'name'],
      ['Skater', 'name'],
      ['Country', 'country'],
      ['Nation', 'country'],
      ['NOC', 'country'],
      ['Laps', 'laps'],
      ['Points', 'total'],
      ['Time', 'time'],
      ['Result', 'time'],
      ['Time behind', 'behind'],
      ['Time  Behind', 'behind'],
      ['Behind', 'behind'],
      ['Notes', 'notes'],
      ['Note', 'notes'],
      ['Date', null],
      ['OR', null],
      ['', null],
    ])('reads the header %j as %j', (cell, column) => {
      expect(header([`| ${cell} | X |`]).table?.columns).toStrictEqual([column, null]);
    });

    it('keeps the first of duplicate columns and warns at the duplicate cell', () => {
      const { table, diagnostics } = header([
        '| Rank | Name | Time | Time | Notes | Rank |',
        '| 1 | A | 1:00.00 | 1:01.00 | | 1 |',
      ]);
      expect(table?.columns).toStrictEqual(['rank', 'name', 'time', null, 'notes', null]);
      expect(diagnostics).toStrictEqual<Diagnostic[]>([
        {
          severity: 'warning',
          message: 'duplicate column "Time" ignored',
          position: {
            source: 'table.txt',
            line: 1,
            column: 24,
            text: '| Rank | Name | Time | Time | Notes | Rank |',
          },
        },
        {
          severity: 'warning',
          message: 'duplicate column "Rank" ignored',
          position: {
            source: 'table.txt',
            line: 1,
            column: 39,
            text: '| Rank | Name | Time | Time | Notes | Rank |',
          },
        },
      ]);
    });

    it('warns at the sub-header cell when a grouped header repeats a column', () => {
      const { table, diagnostics } = header([
        '| Rank | Name | Total | Points | Time |',
        '| S1 | S2 | Total |',
        '| 1 | A | 3 | 1 | 2 | 3 | 7:00.00 |',
      ]);
      expect(table?.columns).toStrictEqual(['rank', 'name', 'total', 's1', 's2', null, 'time']);
      expect(diagnostics).toStrictEqual<Diagnostic[]>([
        {
          severity: 'warning',
          message: 'duplicate column "Total" ignored',
          position: { source: 'table.txt', line: 2, column: 13, text: '| S1 | S2 | Total |' },
        },
      ]);
    });

    it('returns null for a table with no rows', () => {
      expect(header([]).table).toBeNull();
    });
  });

  describe('isRaceTable', () => {
    it.each([
      [['| Rank | Name | Time |'], true],
      [['| Rank | Athlete | Time |'], true],
      [['| Date | Athlete | Time | OR | WR |'], false],
      [['| Name | Time |'], false],
      [['| Rank | Time |'], false],
    ])('%j -> %s', (lines, expected) => {
      const { table } = header(lines);
      expect(table !== null && isRaceTable(table)).toBe(expected);
    });
  });
});
