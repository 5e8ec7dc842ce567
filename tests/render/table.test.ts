import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/table.js';
import type { TableColumn } from '../../src/render/table.js';
import { referenceRenderTable } from './table-reference.js';

// Cells of every kind the width and safety rules treat apart: plain ASCII, trailing or only spaces,
// diacritics, wide CJK, emoji and flags, zero-width and bidi controls, backticks, empty.
const piece = fc.constantFrom(
  'Sun Long',
  '1:26.563',
  '+0.570',
  'Q',
  ' ',
  '  ',
  'Krūzbergs',
  'Gélinas-Beaulieu',
  '孙龙',
  '김민석',
  '🥇',
  '🇳🇱',
  '👩‍👩‍👧',
  '\u200b',
  '\u202e',
  '`',
  'x',
  '',
);
const cell = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''));

const column = fc.record({
  header: cell,
  align: fc.constantFrom('left' as const, 'right' as const),
  drop: fc.integer({ min: 0, max: 3 }),
  shrink: fc.option(fc.record({ minWidth: fc.integer({ min: 1, max: 12 }) }), { nil: undefined }),
});

const table = fc
  .tuple(fc.array(column, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 8 }))
  .chain(([columns, rowCount]) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), {
        minLength: rowCount,
        maxLength: rowCount,
      }),
      maxWidth: fc.integer({ min: 4, max: 60 }),
    }),
  );

describe('render/table', () => {
  it('lays out every table exactly as the plain layout it replaced', () => {
    fc.assert(
      fc.property(table, ({ columns, rows, maxWidth }) => {
        const cols: TableColumn<string[]>[] = columns.map((c, i) => ({
          header: c.header,
          align: c.align,
          drop: c.drop,
          ...(c.shrink ? { shrink: c.shrink } : {}),
          cell: (row) => row[i] ?? '',
        }));
        expect(renderTable(rows, cols, maxWidth)).toStrictEqual(referenceRenderTable(rows, cols, maxWidth));
      }),
      { numRuns: 1000 },
    );
  });
});
