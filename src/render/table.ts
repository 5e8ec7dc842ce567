import { codeSafe, displayWidth, isPrintableAscii } from './format.js';

/** Characters of a code-block line that stay on one line on a phone held upright. */
export const PHONE_WIDTH = 42;

/** One column of a monospace table. */
export interface TableColumn<T> {
  header: string;
  align: 'left' | 'right';
  cell: (row: T) => string;
  /** Columns with a higher number are dropped first when the table is too wide; 0 is never dropped. */
  drop: number;
  /** The name column: shortened (with an ellipsis) before anything else is dropped, down to `minWidth`. */
  shrink?: { minWidth: number };
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  // Each character its own one-column grapheme, and the ellipsis one column: no segmenting needed.
  if (isPrintableAscii(text)) return `${text.slice(0, Math.max(0, width - 1))}…`;
  let out = '';
  // Measured a grapheme at a time: re-measuring a growing prefix would be quadratic in the name's length.
  let used = displayWidth('…');
  for (const { segment } of graphemes.segment(text)) {
    used += displayWidth(segment);
    if (used > width) break;
    out += segment;
  }
  return `${out}…`;
}

/** A column's cells, made safe and measured once: a table is laid out several times while it is fitted. */
interface Cells {
  /** The header first, then one value per row. */
  values: string[];
  widths: number[];
  /** Widths without trailing white space, which the end of a line loses. */
  trimmed: number[];
  /** Nothing but white space: a line ending in it ends before it. (Zero-width is not white space.) */
  empty: boolean[];
  /** The widest cell, header included. */
  natural: number;
  /** No row has anything in this column. */
  blank: boolean;
}

function measure<T>(rows: readonly T[], column: TableColumn<T>): Cells {
  const raw = rows.map((row) => column.cell(row));
  const values = [column.header, ...raw.map(codeSafe)];
  const widths = values.map(displayWidth);
  const trimmed = values.map((v, i) => (/\s$/.test(v) ? displayWidth(v.trimEnd()) : (widths[i] ?? 0)));
  const empty = values.map((v) => v.trimEnd() === '');
  let natural = 0;
  for (const width of widths) if (width > natural) natural = width;
  return { values, widths, trimmed, empty, natural, blank: raw.every((v) => v === '') };
}

function columnWidths<T>(columns: TableColumn<T>[], cells: Cells[], shrinkTo: number | null): number[] {
  return columns.map((c, i) => {
    const natural = cells[i]?.natural ?? 0;
    return c.shrink && shrinkTo !== null ? Math.min(natural, Math.max(c.shrink.minWidth, shrinkTo)) : natural;
  });
}

/**
 * The width of the widest line a layout would have, without building the lines: a line is trimmed, so
 * it ends where its last non-blank cell's text does.
 */
function layoutWidth<T>(columns: TableColumn<T>[], cells: Cells[], widths: number[], lines: number): number {
  const starts: number[] = [];
  let at = 0;
  for (const width of widths) {
    starts.push(at);
    at += width + 1;
  }
  let widest = 0;
  for (let r = 0; r < lines; r++) {
    for (let i = columns.length - 1; i >= 0; i--) {
      const column = cells[i];
      const width = widths[i] ?? 0;
      if (!column) continue;
      const full = column.widths[r] ?? 0;
      let text: number;
      let end: number;
      if (full <= width) {
        if (column.empty[r] !== false) continue;
        text = column.trimmed[r] ?? 0;
        end = columns[i]?.align === 'right' ? width - (full - text) : text;
      } else {
        // Cut to fit, ending in an ellipsis (a wide character may leave a column spare).
        text = displayWidth(truncate(column.values[r] ?? '', width));
        end = columns[i]?.align === 'right' ? width : text;
      }
      widest = Math.max(widest, (starts[i] ?? 0) + end);
      break;
    }
  }
  return widest;
}

function layout<T>(columns: TableColumn<T>[], cells: Cells[], widths: number[], count: number): string[] {
  const lines: string[] = [];
  for (let r = 0; r < count; r++) {
    lines.push(
      cells
        .map((c, i) => {
          const width = widths[i] ?? 0;
          return pad(truncate(c.values[r] ?? '', width), width, columns[i]?.align ?? 'left');
        })
        .join(' ')
        .trimEnd(),
    );
  }
  return lines;
}

export interface RenderedTable {
  lines: string[];
  /** Headers of the columns left out to fit the width (empty columns are left out silently). */
  dropped: string[];
  width: number;
}

/**
 * Lays out a table to fit `maxWidth` display columns: first the full table; then the name column
 * shortened; then the least important columns dropped one by one. The caller says what was dropped.
 */
export function renderTable<T>(
  rows: readonly T[],
  columns: TableColumn<T>[],
  maxWidth = PHONE_WIDTH,
): RenderedTable {
  // A column that says the same thing on every row says it better once, above the table.
  const measured = columns.map((c) => ({ column: c, cells: measure(rows, c) }));
  const kept = measured.filter(({ column, cells }) => column.drop === 0 || !cells.blank);
  const order = [...new Set(kept.map(({ column }) => column.drop))]
    .filter((d) => d > 0)
    .sort((a, b) => b - a);
  let active = kept;
  const dropped: string[] = [];
  // Widths are worked out from the measured cells; lines are built once, for the layout chosen.
  const finish = (shrinkTo: number | null): RenderedTable => {
    const cols = active.map((a) => a.column);
    const cells = active.map((a) => a.cells);
    const lines = layout(cols, cells, columnWidths(cols, cells, shrinkTo), rows.length + 1);
    return { lines, dropped, width: Math.max(...lines.map(displayWidth)) };
  };
  for (let step = 0; ; step++) {
    const cols = active.map((a) => a.column);
    const cells = active.map((a) => a.cells);
    if (layoutWidth(cols, cells, columnWidths(cols, cells, null), rows.length + 1) <= maxWidth)
      return finish(null);
    const shrinkable = cols.find((c) => c.shrink);
    const minWidth = shrinkable?.shrink?.minWidth;
    if (minWidth !== undefined) {
      const atMin = layoutWidth(cols, cells, columnWidths(cols, cells, minWidth), rows.length + 1);
      if (atMin <= maxWidth) return finish(minWidth + (maxWidth - atMin));
    }
    const next = order[step];
    if (next === undefined) return finish(minWidth ?? null);
    dropped.push(...cols.filter((c) => c.drop === next).map((c) => c.header));
    active = active.filter(({ column }) => column.drop !== next);
  }
}

/** Wraps table lines in a code block. */
export function codeBlock(lines: readonly string[]): string {
  return ['```', ...lines, '```'].join('\n');
}
