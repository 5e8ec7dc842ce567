// The table layout as it was before it was made fast (23c76e9): every candidate layout built in full and
// measured, every cell measured with string-width and made safe with two replaces. Kept only so that
// tests/render/table.test.ts can check the fast layout gives the same tables.
import stringWidth from 'string-width';
import type { RenderedTable, TableColumn } from '../../src/render/table.js';

const displayWidth = (text: string): number => stringWidth(text);
const codeSafe = (text: string): string =>
  text.replace(/`/g, 'ˋ').replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
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

export function referenceRenderTable<T>(
  rows: readonly T[],
  columns: TableColumn<T>[],
  maxWidth: number,
): RenderedTable {
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
