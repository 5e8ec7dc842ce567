import { nocOfCountryCell } from '../model/countries.js';
import type { ResultRow } from '../model/schemas.js';
import { gapText, markText } from './format.js';
import type { TableColumn } from './table.js';
import type { Lang, ReplyKey } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

/** A result row with the heat it was raced in, for tables that span a whole round. */
export interface HeatRow {
  row: ResultRow;
  heat: number | null;
}

const HEADERS = {
  rank: 'replies.columns.rank',
  heat: 'replies.columns.heat',
  pair: 'replies.columns.pair',
  lane: 'replies.columns.lane',
  name: 'replies.columns.name',
  noc: 'replies.columns.noc',
  laps: 'replies.columns.laps',
  points: 'replies.columns.points',
  time: 'replies.columns.time',
  gap: 'replies.columns.gap',
} as const satisfies Record<string, ReplyKey>;

/**
 * The columns of a results table. `drop` says which go first on a narrow screen: the pair and lane,
 * the laps (none when `laps` is false: every row shares one count, said above the table), the gap, the sprint points, the time; rank, name, points and notes stay.
 */
export function resultColumns(
  rows: readonly HeatRow[],
  options: { heat?: boolean; laps?: boolean } = {},
  lang: Lang = EN,
): TableColumn<HeatRow>[] {
  const header = (key: keyof typeof HEADERS) => lang.t(HEADERS[key]);
  const hasPoints = rows.some(({ row }) => row.points);
  // Only where the article gives rows a country (imported ones do, every skater's); else no empty column.
  const hasNoc = rows.some(({ row }) => nocOfCountryCell(row.country) !== null);
  const winners = new Map<number | null, ResultRow>();
  for (const { row, heat } of rows) if (row.rank !== null && !winners.has(heat)) winners.set(heat, row);
  const sprint = (i: 0 | 1 | 2 | 3): TableColumn<HeatRow> => ({
    header: `S${i + 1}`,
    align: 'right',
    cell: ({ row }) => String(row.points?.sprints[i] ?? ''),
    drop: 4,
  });
  const columns: Array<TableColumn<HeatRow> | false> = [
    {
      header: header('rank'),
      align: 'right',
      cell: ({ row }) => (row.rank === null ? '' : String(row.rank)),
      drop: 0,
    },
    options.heat === true && {
      header: header('heat'),
      align: 'right',
      cell: ({ heat }) => String(heat ?? ''),
      drop: 0,
    },
    { header: header('pair'), align: 'right', cell: ({ row }) => String(row.pair ?? ''), drop: 8 },
    { header: header('lane'), align: 'left', cell: ({ row }) => row.lane ?? '', drop: 8 },
    { header: header('name'), align: 'left', cell: ({ row }) => row.name, drop: 0, shrink: { minWidth: 14 } },
    hasNoc && {
      header: header('noc'),
      align: 'left',
      cell: ({ row }) => nocOfCountryCell(row.country) ?? '',
      drop: 3,
    },
    options.laps !== false && {
      header: header('laps'),
      align: 'right',
      cell: ({ row }) => String(row.laps ?? ''),
      drop: 7,
    },
    hasPoints && sprint(0),
    hasPoints && sprint(1),
    hasPoints && sprint(2),
    hasPoints && sprint(3),
    hasPoints && {
      header: header('points'),
      align: 'right',
      cell: ({ row }) => String(row.points?.total ?? ''),
      drop: 0,
    },
    // In a points race the time only breaks ties, so on a narrow screen it goes before the sprints.
    {
      header: header('time'),
      align: 'right',
      cell: ({ row }) => markText(row.mark),
      drop: hasPoints ? 5 : 0,
    },
    {
      header: header('gap'),
      align: 'right',
      cell: ({ row, heat }) => (hasPoints ? '' : (row.behind ?? gapText(row, winners.get(heat)))),
      drop: 6,
    },
    // Blank header: the legend under the table names the codes, and "Note" would cost three columns.
    { header: '', align: 'left', cell: ({ row }) => row.notes.join(' '), drop: 2 },
  ];
  return columns.filter((c): c is TableColumn<HeatRow> => c !== false);
}

/** The lap count when every row shares one, said once above the table instead of in a column; else null. */
export function sharedLaps(rows: readonly ResultRow[]): number | null {
  const laps = new Set(rows.map((row) => row.laps));
  const [only] = laps;
  return laps.size === 1 && only !== undefined ? only : null;
}
