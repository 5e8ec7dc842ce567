import type { Diagnostic } from '../model/schemas.js';
import type { SourceText } from './errors.js';

/** A pipe table as it stands in the article: rows of trimmed cells, each with its line. */
export interface RawTable {
  line: number;
  rows: Array<{ line: number; cells: string[] }>;
}

/** The column roles a results table can have; any other header is kept by name and ignored. */
export type Column =
  | 'rank'
  | 'heat'
  | 'pair'
  | 'lane'
  | 'name'
  | 'country'
  | 'laps'
  | 's1'
  | 's2'
  | 's3'
  | 's4'
  | 'total'
  | 'time'
  | 'behind'
  | 'notes';

/** A table whose header has been read: the role of each cell position, and the data rows. */
export interface HeadedTable {
  line: number;
  columns: Array<Column | null>;
  headers: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

/** Header words of the dump format and the column each names. */
export const COLUMN_NAMES: Readonly<Record<string, Column>> = {
  rank: 'rank',
  rk: 'rank',
  pos: 'rank',
  place: 'rank',
  position: 'rank',
  heat: 'heat',
  race: 'heat',
  pair: 'pair',
  lane: 'lane',
  name: 'name',
  athlete: 'name',
  skater: 'name',
  country: 'country',
  nation: 'country',
  noc: 'country',
  laps: 'laps',
  points: 'total',
  pts: 'total',
  total: 'total',
  s1: 's1',
  s2: 's2',
  s3: 's3',
  s4: 's4',
  'sprint 1': 's1',
  'sprint 2': 's2',
  'sprint 3': 's3',
  'sprint 4': 's4',
  'final sprint': 's4',
  time: 'time',
  result: 'time',
  'time behind': 'behind',
  behind: 'behind',
  deficit: 'behind',
  gap: 'behind',
  notes: 'notes',
  note: 'notes',
};
const SUBHEADER_CELL = /^(?:s\d{1,2}|sprint ?\d{1,2}|final sprint|total|pts|points)$/i;
const TABLE_ROW = /^\s*\|/;

/** Splits `| a | b |` into trimmed cells. */
export function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return body.split('|').map((cell) => cell.trim());
}

/** Index in `line` where cell `index` (0-based) begins, so a warning can point at that cell. */
export function cellStart(line: string, index: number): number {
  let pipe = line.indexOf('|');
  for (let n = 0; n < index && pipe >= 0; n++) pipe = line.indexOf('|', pipe + 1);
  return pipe < 0 ? 0 : pipe + 1;
}

/** `cellStart` of every cell of `line` at once, for a caller that points at many cells of one line. */
function cellStarts(line: string): (index: number) => number {
  const starts: number[] = [];
  for (let pipe = line.indexOf('|'); pipe >= 0; pipe = line.indexOf('|', pipe + 1)) starts.push(pipe + 1);
  return (index) => starts[index] ?? 0;
}

export function isTableRow(line: string): boolean {
  return TABLE_ROW.test(line);
}

/** Reads the table starting at 0-based `start`; returns it and the index of the first line after it. */
export function readTable(lines: readonly string[], start: number): { table: RawTable; next: number } {
  const rows: RawTable['rows'] = [];
  let i = start;
  while (i < lines.length && isTableRow(lines[i] ?? '')) {
    rows.push({ line: i + 1, cells: splitRow(lines[i] ?? '') });
    i++;
  }
  return { table: { line: start + 1, rows }, next: i };
}

function columnOf(header: string): Column | null {
  return COLUMN_NAMES[header.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '')] ?? null;
}

function dropTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return cells.slice(0, end);
}

/**
 * Reads the header of a table. A grouped header spans two rows: the first names a group (the mass
 * start's `Points`), the second names the group's cells (`S1 | S2 | S3 | S4 | Total`); both rows are
 * padded with empty cells, which are dropped.
 */
export function readHeader(text: SourceText, table: RawTable, diagnostics: Diagnostic[]): HeadedTable | null {
  const [first, second, ...rest] = table.rows;
  if (!first) return null;
  const top = dropTrailingEmpty(first.cells);
  const sub = second ? dropTrailingEmpty(second.cells) : [];
  const grouped = sub.length >= 2 && sub.every((cell) => SUBHEADER_CELL.test(cell));
  let headers = top;
  // Where each header cell stands in the article (row line, cell index), for positions.
  let origins = top.map((_, cell) => ({ line: first.line, cell }));
  let rows = second ? [second, ...rest] : [];
  if (grouped && second) {
    const group = top.findIndex((cell) => /^(?:points|pts|sprints?|sprint points)$/i.test(cell));
    const at = group >= 0 ? group : top.findIndex((cell) => columnOf(cell) === null);
    if (at < 0) {
      diagnostics.push(
        text.warning(second.line, 'two-row header without a group column; the second row is ignored'),
      );
    } else {
      headers = [...top.slice(0, at), ...sub, ...top.slice(at + 1)];
      origins = [
        ...origins.slice(0, at),
        ...sub.map((_, cell) => ({ line: second.line, cell })),
        ...origins.slice(at + 1),
      ];
    }
    rows = rest;
  }
  const columns = headers.map(columnOf);
  const seen = new Set<Column>();
  // A header line can repeat a column thousands of times; its cells are located once, not once per warning.
  const startsOn = new Map<number, (index: number) => number>();
  const startOf = (line: number, cell: number) => {
    let starts = startsOn.get(line);
    if (!starts) {
      starts = cellStarts(text.lines[line - 1] ?? '');
      startsOn.set(line, starts);
    }
    return starts(cell);
  };
  columns.forEach((column, index) => {
    if (column === null) return;
    if (seen.has(column)) {
      // A second `Time` column (e.g. a split) must not overwrite the first; keep the first, say so.
      const origin = origins[index] ?? { line: first.line, cell: index };
      const from = startOf(origin.line, origin.cell);
      diagnostics.push(
        text.warning(origin.line, `duplicate column "${headers[index] ?? ''}" ignored`, headers[index], from),
      );
      columns[index] = null;
    }
    seen.add(column);
  });
  return { line: table.line, columns, headers, rows };
}

/** True when the table has what makes it a race result: a rank and a skater. A records table has neither. */
export function isRaceTable(table: HeadedTable): boolean {
  return table.columns.includes('rank') && table.columns.includes('name');
}
