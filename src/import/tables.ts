// A results table of the page as dump-format pipe rows: spans laid out, columns given the parser's roles.
import type { Element } from 'domhandler';
import { COLUMN_NAMES } from '../parse/table.js';
import type { Column as Role } from '../parse/table.js';
import { NAME_NOC, cellText, countryNoc, flagNoc, rankText, teamLinkNoc } from './cells.js';
import { isElement, visibleText } from './dom.js';
import { loadHtml } from './html.js';
import { nocFromText } from './nocs.js';
import type { ConvertProblem } from './types.js';

const HEAT_DIVIDER = /^(?:heat|race|group)\s*(?<n>\d{1,3})$/i;
const POINTS_GROUP = /^(?:points|pts|sprints?|sprint points)$/i;
// A table can span thousands of rows; a cell can say any rowspan or colspan. These bound the grid a
// broken or hostile page can make us build.
const MAX_SPAN = 1000;
const MAX_COLUMNS = 64;
const MAX_ROWS = 20_000;

/** Column roles of a results table (the parser's own), with the header the dump format gives each. */
const ROLE_HEADER: Record<Role, string> = {
  rank: 'Rank',
  heat: 'Heat',
  pair: 'Pair',
  lane: 'Lane',
  name: 'Name',
  country: 'Country',
  laps: 'Laps',
  s1: 'S1',
  s2: 'S2',
  s3: 'S3',
  s4: 'S4',
  total: 'Total',
  time: 'Time',
  behind: 'Time behind',
  notes: 'Notes',
};

// Every header the parser reads, and the ones only Wikipedia's pages write (the importer writes the
// parser's own words in their place).
const ROLE_NAMES: Readonly<Record<string, Role>> = {
  ...COLUMN_NAMES,
  '#': 'rank',
  nationality: 'country',
  sp1: 's1',
  sp2: 's2',
  sp3: 's3',
  fs: 's4',
};

/** One cell of a table as laid out: the element and where it started, so a span is read once. */
interface Placed {
  cell: Element;
  header: boolean;
  top: number;
  left: number;
}

/** A table's own rows (not those of tables nested in its cells). */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'tbody' || child.name === 'thead' || child.name === 'tfoot')
      for (const row of child.children) if (isElement(row) && row.name === 'tr') rows.push(row);
  }
  return rows;
}

export function ownCells(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** The table as a grid, rowspan and colspan expanded: each position holds the cell that covers it. */
function layOut(table: Element): Placed[][] {
  const rows = ownRows(table).slice(0, MAX_ROWS);
  const grid: Array<Array<Placed | undefined>> = rows.map(() => []);
  rows.forEach((row, r) => {
    const line = grid[r] as Array<Placed | undefined>;
    let column = 0;
    for (const cell of ownCells(row)) {
      while (line[column] !== undefined) column++;
      if (column >= MAX_COLUMNS) break;
      const placed: Placed = { cell, header: cell.name === 'th', top: r, left: column };
      const down = Math.min(span(cell.attribs.rowspan), rows.length - r);
      const across = Math.min(span(cell.attribs.colspan), MAX_COLUMNS - column);
      for (let dr = 0; dr < down; dr++) {
        const target = grid[r + dr] as Array<Placed | undefined>;
        for (let dc = 0; dc < across; dc++) target[column + dc] ??= placed;
      }
      column += across;
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  // A row shorter than the widest has holes where the page left cells out; they read as empty.
  return grid.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? emptyCell(c)));
}

const EMPTY_ELEMENT = loadHtml('<table><tr><td></td></tr></table>')('td').get(0) as Element;

function emptyCell(left: number): Placed {
  return { cell: EMPTY_ELEMENT, header: false, top: -1, left };
}

function roleOf(label: string): Role | null {
  // "Time (hand)", "Rank." and "Pos" name the same columns as "Time", "Rank" and "Pos".
  const key = label
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!:*]+$/, '')
    .trim();
  return ROLE_NAMES[key] ?? null;
}

interface ConvertedTable {
  lines: string[];
  rows: number;
}

/** Header labels per column: the lowest header row's label, or "Group Label" where a group is not points. */
function headerLabels(grid: Placed[][], headerRows: number): string[] {
  const width = grid[0]?.length ?? 0;
  return Array.from({ length: width }, (_, c) => {
    const labels: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      const placed = grid[r]?.[c];
      if (!placed) continue;
      const label = visibleText(placed.cell);
      if (label !== '' && labels.at(-1) !== label) labels.push(label);
    }
    const bottom = labels.at(-1) ?? '';
    const group = labels.length > 1 ? (labels.at(-2) ?? '') : '';
    return group === '' || POINTS_GROUP.test(group) ? bottom : `${group} ${bottom}`;
  });
}

/**
 * One results table in the dump format, or null when it is not one (no rank and name columns).
 * Problems are placed by table number and row as the page has them.
 */
export function convertTable(
  table: Element,
  number: number,
  problems: ConvertProblem[],
): ConvertedTable | null {
  const grid = layOut(table);
  if (grid.length < 2 || (grid[0]?.length ?? 0) === 0) return null;
  let headerRows = 0;
  while (headerRows < grid.length - 1 && (grid[headerRows] ?? []).every((p) => p.header)) headerRows++;
  if (headerRows === 0) headerRows = 1;
  const labels = headerLabels(grid, headerRows);
  const roles: Array<Role | null> = labels.map(roleOf);
  const hasSprints = roles.some((role) => role === 's1' || role === 's2' || role === 's3' || role === 's4');
  // A "Total" with no sprints and no Time column is the sum of two races' times (the 500 m of 1998-2014);
  // a "Points" column stays points.
  if (!hasSprints && !roles.includes('time'))
    roles.forEach(
      (role, c) => (roles[c] = role === 'total' && /^total$/i.test(labels[c] ?? '') ? 'time' : role),
    );
  const seen = new Set<Role>();
  roles.forEach((role, c) => {
    if (role === null) return;
    if (seen.has(role)) roles[c] = null;
    seen.add(role);
  });
  if (!roles.includes('rank') || !roles.includes('name')) return null;

  const where = (row: number) => `table ${number}, row ${row + 1}`;
  const nameColumn = roles.indexOf('name');
  const countryColumn = roles.indexOf('country');
  const body: Array<{ cells: string[]; noc: string | null; heat: string | null; row: number }> = [];
  let heat: string | null = null;
  for (let r = headerRows; r < grid.length; r++) {
    const line = grid[r] ?? [];
    const first = line[0];
    // One cell across the whole row: a divider ("Heat 2") or a note, not a skater.
    if (first && line.every((p) => p.cell === first.cell)) {
      heat = HEAT_DIVIDER.exec(visibleText(first.cell))?.groups?.n ?? heat;
      continue;
    }
    if (line.every((p) => p.header)) continue;
    const cells = line.map((placed, c) => {
      const role = roles[c];
      if (role === 'rank') return cellText(rankText(placed.cell));
      if (role === 'country') return '';
      const text = cellText(visibleText(placed.cell));
      return role === 'name' ? text.replace(NAME_NOC, '') : text;
    });
    const nameCell = line[nameColumn];
    let noc: string | null = null;
    if (countryColumn >= 0) {
      const countryCell = line[countryColumn];
      if (countryCell) {
        const shown = visibleText(countryCell.cell);
        noc = countryNoc(countryCell.cell, shown);
        if (noc === null && (shown !== '' || flagNoc(countryCell.cell) !== null))
          problems.push({ message: `country "${shown}" has no known IOC code; left blank`, where: where(r) });
      }
    } else if (nameCell) {
      const written = NAME_NOC.exec(visibleText(nameCell.cell))?.groups?.code;
      noc = (written ? nocFromText(written) : null) ?? teamLinkNoc(nameCell.cell) ?? flagNoc(nameCell.cell);
      if (noc === null && written !== undefined)
        problems.push({
          message: `country code "${written}" is not a known NOC; left blank`,
          where: where(r),
        });
    }
    if (cells.every((cell) => cell === '')) continue;
    body.push({ cells, noc, heat, row: r });
  }
  if (body.length === 0) return null;

  const columns = labels.map((label, c) => {
    const role = roles[c];
    return role ? ROLE_HEADER[role] : cellText(label) || `Column ${c + 1}`;
  });
  const addCountry = countryColumn < 0 && body.some((row) => row.noc !== null);
  const addHeat = !roles.includes('heat') && body.some((row) => row.heat !== null);
  const header = [...columns];
  if (addCountry) header.splice(nameColumn + 1, 0, 'Country');
  if (addHeat) header.splice(roles.indexOf('rank') + 1, 0, 'Heat');
  const lines = [`| ${header.join(' | ')} |`];
  for (const row of body) {
    const cells = [...row.cells];
    if (countryColumn >= 0) cells[countryColumn] = row.noc ?? '';
    if (addCountry) cells.splice(nameColumn + 1, 0, row.noc ?? '');
    if (addHeat) cells.splice(roles.indexOf('rank') + 1, 0, row.heat ?? '');
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return { lines, rows: body.length };
}
