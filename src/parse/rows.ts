import type { Diagnostic, ResultRow } from '../model/schemas.js';
import { athleteKey } from '../model/names.js';
import type { SourceText } from './errors.js';
import { wholeNumber } from './numbers.js';
import { cellStart } from './table.js';
import type { Column, HeadedTable } from './table.js';
import { isStatusWord, parseMarkCell } from './time.js';

const RANK = /^[=T]?(?<rank>\d{1,4})[=.]?$/;
const DASH = /^[-–—]$/;
// Greedy and without `\s*`: a lazy name next to `\s*` backtracks through every split of a run of spaces.
// The name is trimmed where it is used.
const NAME_WITH_NOC = /^(?<name>.+)\((?<noc>[A-Z]{3})\)$/;
const FOOTNOTE = /\[[^\]]{1,12}\]$/;
const NOTE_SPLIT = /[\s,;]+/;
const SPRINTS = ['s1', 's2', 's3', 's4'] as const;

/** Where each column role stands in a table's rows, looked up once per table rather than once per cell. */
export type ColumnLayout = ReadonlyMap<Column, number>;

/** The cell position of each column role of `table` (readHeader leaves each role in one position). */
export function columnLayout(table: HeadedTable): ColumnLayout {
  const layout = new Map<Column, number>();
  table.columns.forEach((column, index) => {
    if (column !== null && !layout.has(column)) layout.set(column, index);
  });
  return layout;
}

function cellOf(layout: ColumnLayout, cells: readonly string[], column: Column): string | null {
  const index = layout.get(column);
  return index === undefined ? null : (cells[index] ?? '');
}

function readInt(
  text: SourceText,
  line: number,
  value: string | null,
  what: string,
  warnings: Diagnostic[],
  positive = false,
): number | null {
  if (value === null || value === '' || DASH.test(value)) return null;
  const number = wholeNumber(value);
  if (number !== null && (!positive || number > 0)) return number;
  warnings.push(
    text.warning(line, `${what} "${value}" is not a ${positive ? 'positive' : 'whole'} number`, value),
  );
  return null;
}

/**
 * Reads one data row of a results table into a ResultRow, and the heat its Heat cell gives. A row with
 * no skater is skipped (null); a cell that does not read is a warning, and the row is kept.
 */
export function readRow(
  text: SourceText,
  table: HeadedTable,
  layout: ColumnLayout,
  raw: { line: number; cells: string[] },
  warnings: Diagnostic[],
): { heat: number | null; row: ResultRow } | null {
  const { line, cells } = raw;
  if (cells.every((cell) => cell === '')) return null;
  const width = table.columns.length;
  const filled = cells.reduce((last, cell, index) => (cell === '' ? last : index + 1), 0);
  if (filled > width) {
    const extra = cells.findIndex((cell, index) => index >= width && cell !== '');
    const from = cellStart(text.lines[line - 1] ?? '', extra);
    warnings.push(
      text.warning(
        line,
        `row has ${filled} cells, the header ${width}; extra cells ignored`,
        cells[extra],
        from,
      ),
    );
  } else if (cells.length < width)
    warnings.push(
      text.warning(
        line,
        `row has ${cells.length} cells, the header ${width}; the missing ones read as empty`,
      ),
    );

  let name = cellOf(layout, cells, 'name') ?? '';
  let nameNoc: string | null = null;
  name = name.replace(FOOTNOTE, '').trim();
  const withNoc = NAME_WITH_NOC.exec(name);
  if (withNoc?.groups) {
    name = (withNoc.groups.name ?? name).trim();
    nameNoc = withNoc.groups.noc ?? null;
  }
  const athleteId = athleteKey(name);
  if (athleteId === '') {
    warnings.push(text.warning(line, 'row has no skater name; skipped'));
    return null;
  }

  const rankCell = cellOf(layout, cells, 'rank') ?? '';
  let rank: number | null = null;
  const rankMatch = RANK.exec(rankCell);
  // Some articles put DNF/DQ in the Rank column instead of the Time column; it is a note, not an error.
  const rankStatus = isStatusWord(rankCell) ? rankCell : null;
  if (rankMatch?.groups && Number(rankMatch.groups.rank) > 0) rank = Number(rankMatch.groups.rank);
  else if (rankCell !== '' && !DASH.test(rankCell) && rankStatus === null)
    warnings.push(text.warning(line, `rank "${rankCell}" is not a number`, rankCell));

  const hasPoints = layout.has('total') || SPRINTS.some((c) => layout.has(c));
  let points: ResultRow['points'] = null;
  if (hasPoints) {
    const sprints = SPRINTS.map((c) =>
      readInt(text, line, cellOf(layout, cells, c), c.toUpperCase(), warnings),
    ) as [number | null, number | null, number | null, number | null];
    const totalCell = cellOf(layout, cells, 'total');
    let total = readInt(text, line, totalCell, 'Total', warnings);
    if (total === null) {
      total = sprints.reduce<number>((sum, p) => sum + (p ?? 0), 0);
      if (totalCell !== null && sprints.some((p) => p !== null))
        warnings.push(text.warning(line, 'Total is blank; the sum of the sprints is used'));
    }
    points = { sprints, total };
  }

  const timeCell = cellOf(layout, cells, 'time');
  const markCell = parseMarkCell(timeCell ?? '');
  if (!markCell.ok)
    warnings.push(
      text.warning(line, `time "${timeCell ?? ''}" not understood; kept as written`, timeCell ?? undefined),
    );
  const notes = (cellOf(layout, cells, 'notes') ?? '')
    .split(NOTE_SPLIT)
    .filter((code) => code !== '' && !DASH.test(code));
  for (const code of markCell.extraNotes) notes.push(code);
  if (rankStatus !== null && !notes.includes(rankStatus)) notes.push(rankStatus);

  const country = cellOf(layout, cells, 'country');
  const behind = cellOf(layout, cells, 'behind');
  const lane = cellOf(layout, cells, 'lane');
  return {
    heat: readInt(text, line, cellOf(layout, cells, 'heat'), 'heat', warnings, true),
    row: {
      line,
      rank,
      name,
      athleteId,
      country: country === null || country === '' ? nameNoc : country,
      pair: readInt(text, line, cellOf(layout, cells, 'pair'), 'pair', warnings, true),
      lane: lane === null || lane === '' ? null : lane,
      laps: readInt(text, line, cellOf(layout, cells, 'laps'), 'laps', warnings),
      points,
      mark: markCell.mark,
      behind: behind === null || behind === '' || DASH.test(behind) ? null : behind,
      notes,
    },
  };
}
