import { codeSafe, displayWidth } from './format.js';

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
  let out = '';
  // Measured a grapheme at a time: re-measuring the growing prefix made long names quadratic.
  let used = displayWidth('…');
  for (const { segment } of graphemes.segment(text)) {
    used += displayWidth(segment);
    if (used > width) break;
    out += segment;
  }
  return `${out}…`;
}

function layout<T>(rows: readonly T[], columns: TableColumn<T>[], shrinkTo: number | null): string[] {
  const cells = rows.map((row) => columns.map((c) => codeSafe(c.cell(row))));
  const widths = columns.map((c, i) => {
    const natural = Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i] ?? '')));
    return c.shrink && shrinkTo !== null ? Math.min(natural, Math.max(c.shrink.minWidth, shrinkTo)) : natural;
  });
  const line = (values: string[]) =>
    values
      .map((v, i) => pad(truncate(v, widths[i] ?? 0), widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join(' ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
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
  const kept = columns.filter((c) => c.drop === 0 || rows.some((row) => c.cell(row) !== ''));
  const order = [...new Set(kept.map((c) => c.drop))].filter((d) => d > 0).sort((a, b) => b - a);
  let active = kept;
  const dropped: string[] = [];
  for (let step = 0; ; step++) {
    const full = layout(rows, active, null);
    const width = Math.max(...full.map(displayWidth));
    if (width <= maxWidth) return { lines: full, dropped, width };
    const shrinkable = active.find((c) => c.shrink);
    const minWidth = shrinkable?.shrink?.minWidth;
    if (minWidth !== undefined) {
      const atMin = Math.max(...layout(rows, active, minWidth).map(displayWidth));
      if (atMin <= maxWidth) {
        const shrunk = layout(rows, active, minWidth + (maxWidth - atMin));
        return { lines: shrunk, dropped, width: Math.max(...shrunk.map(displayWidth)) };
      }
    }
    const next = order[step];
    if (next === undefined) {
      const shrunk = layout(rows, active, minWidth ?? null);
      return { lines: shrunk, dropped, width: Math.max(...shrunk.map(displayWidth)) };
    }
    dropped.push(...active.filter((c) => c.drop === next).map((c) => c.header));
    active = active.filter((c) => c.drop !== next);
  }
}

/** Wraps table lines in a code block. */
export function codeBlock(lines: readonly string[]): string {
  return ['```', ...lines, '```'].join('\n');
}
