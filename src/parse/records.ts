import type { StatedRecord } from '../model/schemas.js';
import type { RawTable } from './table.js';
import { parseMarkCell } from './time.js';

// The standing records: a row per record, its kind in the first cell and no header row.
const KIND_LABEL = /^(?:(?<world>world record|wr)|(?<olympic>olympic record|or))$/i;
const HOLDER_WITH_NOC = /^(?<name>.*?)\s*\((?<noc>[A-Z]{3})\)$/;

function holderOf(cell: string | undefined): { holder: string | null; noc: string | null } {
  const text = (cell ?? '').trim();
  if (text === '') return { holder: null, noc: null };
  const match = HOLDER_WITH_NOC.exec(text);
  if (match?.groups?.['name']) return { holder: match.groups['name'], noc: match.groups['noc'] ?? null };
  return { holder: text, noc: null };
}

const orNull = (cell: string | undefined): string | null => (cell?.trim() ? cell.trim() : null);

/** `| World record | Yevgeny Kulikov (URS) | 36.17 | Alma-Ata, ... | 29 March 1975 |` */
function readStandingRow(row: RawTable['rows'][number]): StatedRecord | null {
  const [label = '', ...rest] = row.cells;
  const kind = KIND_LABEL.exec(label.trim())?.groups;
  if (!kind) return null;
  const at = rest.findIndex((cell) => parseMarkCell(cell).mark.kind === 'time');
  if (at < 1) return null;
  const mark = parseMarkCell(rest[at] ?? '').mark;
  if (mark.kind !== 'time') return null;
  const after = rest.slice(at + 1).filter((cell) => cell.trim() !== '');
  return {
    kind: kind['world'] ? 'world' : 'olympic',
    time: mark.time,
    ...holderOf(rest[0]),
    // A separate NOC cell (`| Name | URS | 36.17 |`) overrides nothing the name cell stated.
    place: after.length > 1 ? orNull(after[0]) : null,
    date: orNull(after.at(-1)),
    setHere: false,
    line: row.line,
  };
}

/** `| Date | Athlete | Time | OR | WR |`: one row per record set, marked in its OR and WR columns. */
function readSetTable(table: RawTable): StatedRecord[] | null {
  const header = (table.rows[0]?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  const or = header.indexOf('or');
  const wr = header.indexOf('wr');
  const time = header.indexOf('time');
  if ((or < 0 && wr < 0) || time < 0) return null;
  const athlete = header.findIndex((cell) => ['athlete', 'name', 'skater'].includes(cell));
  const date = header.indexOf('date');
  const records: StatedRecord[] = [];
  for (const row of table.rows.slice(1)) {
    const mark = parseMarkCell(row.cells[time] ?? '').mark;
    if (mark.kind !== 'time') continue;
    const base = {
      time: mark.time,
      ...holderOf(athlete >= 0 ? row.cells[athlete] : undefined),
      place: null,
      date: date >= 0 ? orNull(row.cells[date]) : null,
      setHere: true,
      line: row.line,
    };
    if (wr >= 0 && row.cells[wr]?.trim()) records.push({ kind: 'world', ...base });
    if (or >= 0 && row.cells[or]?.trim()) records.push({ kind: 'olympic', ...base });
  }
  return records;
}

/**
 * The records a Records section's tables state: the standing world and Olympic records, and those set
 * at the competition. A row that states no time states no record and is skipped.
 */
export function readRecords(tables: readonly RawTable[]): StatedRecord[] {
  return tables.flatMap(
    (table) => readSetTable(table) ?? table.rows.flatMap((row) => readStandingRow(row) ?? []),
  );
}
