import type { Column as Role } from '../parse/table.js';
import type { AnyNode, Element } from 'domhandler';
import { ArticleParseError } from '../parse/errors.js';
import { parseArticle } from '../parse/index.js';
import { EVENT_TITLE } from '../parse/title.js';
import { loadHtml } from './html.js';
import { linkTarget } from './links.js';
import { nocFromFlagFile, nocFromName, nocFromTeamArticle, nocFromText } from './nocs.js';
import type { ConvertProblem, ConvertResult, SourcePage } from './types.js';

const GAMES_TITLE = /^(?<sport>.+?) at the \d{4} (?:Winter|Summer)(?: Youth)? Olympics$/;
const SKATING_SPORT = /^(?:short[- ]?track )?speed skating$/i;
const RESULTS_HEADING = /^results?$/i;
const ROUND_HEADING =
  /^(?:(?:heats?|races?|quarter-?finals?|semi-?finals?|finals?|first round|second round|round \d+)(?:\s+(?:\d+|[a-d]))?|[a-d] final|final round)$/i;
// Sections after the article proper: nothing in them is the event's prose or results.
const END_MATTER =
  /^(?:references?|notes?|footnotes|citations|sources|bibliography|see also|external links|further reading)$/i;
const SKIPPED_CLASSES = [
  'navbox',
  'reflist',
  'references',
  'mw-references-wrap',
  'hatnote',
  'toc',
  'thumb',
  'mw-editsection',
  'metadata',
  'sistersitebox',
  'shortdescription',
  'mw-empty-elt',
  'sortkey',
  'reference',
  'noprint',
];
const MEDAL = /\b(?<medal>gold|silver|bronze)[ _]medal/i;
const MEDAL_RANK: Record<string, string> = { gold: '1', silver: '2', bronze: '3' };
const LEADING_NUMBER = /^\s*(?<n>\d{1,4})\b/;
const COMPETITORS =
  /(?<competitors>\d+)\s*(?:athletes?|competitors?|skaters?)?\s*from\s*(?<nations>\d+)\s*nations?/i;
const NUMBER = /^\d+$/;
const WIN_TOKEN = /^(?:\d{1,2}:)?\d{1,2}(?:[.,]\d{1,3})?$|^\d+$/;
const NAME_NOC = /\s*\((?<code>[A-Z]{3})\)\s*$/;
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
const ROLE_NAMES: Record<string, Role> = {
  rank: 'rank',
  rk: 'rank',
  pos: 'rank',
  place: 'rank',
  position: 'rank',
  '#': 'rank',
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
  nationality: 'country',
  laps: 'laps',
  s1: 's1',
  s2: 's2',
  s3: 's3',
  s4: 's4',
  'sprint 1': 's1',
  'sprint 2': 's2',
  'sprint 3': 's3',
  'sprint 4': 's4',
  'final sprint': 's4',
  sp1: 's1',
  sp2: 's2',
  sp3: 's3',
  fs: 's4',
  total: 'total',
  points: 'total',
  pts: 'total',
  time: 'time',
  result: 'time',
  'time behind': 'behind',
  behind: 'behind',
  deficit: 'behind',
  gap: 'behind',
  notes: 'notes',
  note: 'notes',
};

interface Section {
  heading: string | null;
  level: number;
  paragraphs: string[];
  tables: Element[];
}

/** One cell of a table as laid out: the element and where it started, so a span is read once. */
interface Placed {
  cell: Element;
  header: boolean;
  top: number;
  left: number;
}

/** The dump-format header lines: where the text came from, which revision, when, and under what licence. */
export function formatSourceHeader(page: SourcePage): string[] {
  const url = `https://en.wikipedia.org/wiki/${encodeURIComponent(page.title.replace(/ /g, '_'))}`;
  return [
    `# Source: ${oneLine(page.title)} (${url})`,
    `# Revision: ${page.revid ?? 'unknown'}`,
    `# Retrieved: ${page.retrieved.toISOString()}`,
    '# Licence: text from Wikipedia, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); ' +
      `authors in the page history (${url}?action=history)`,
  ];
}

/** The revision an imported file's header names, or null (no header, or "unknown"). */
export function readSourceRevision(text: string): number | null {
  for (const line of text.split(/\r?\n/, 8)) {
    if (!line.startsWith('#')) break;
    const match = /^# Revision: (?<revid>\d+)\s*$/.exec(line);
    if (match?.groups) return Number(match.groups.revid);
  }
  return null;
}

/** Collapses runs of space (newlines included) and non-breaking spaces to one space. */
function oneLine(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

function hasClass(element: Element, names: readonly string[]): boolean {
  const classes = (element.attribs.class ?? '').split(/\s+/);
  return names.some((name) => classes.includes(name));
}

function isHidden(element: Element): boolean {
  return /display\s*:\s*none/i.test(element.attribs.style ?? '');
}

// Node types as strings: domhandler's ElementType enum is not a dependency of ours.
function isElement(node: AnyNode): node is Element {
  const type = String(node.type);
  return type === 'tag' || type === 'script' || type === 'style';
}

function isText(node: AnyNode): node is AnyNode & { data: string } {
  return String(node.type) === 'text';
}

/** The text a reader sees: footnote markers, sort keys, hidden spans and edit links left out. */
function visibleText(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (current: AnyNode): void => {
    if (isText(current)) {
      parts.push(current.data);
      return;
    }
    if (!isElement(current)) return;
    const name = current.name.toLowerCase();
    if (name === 'style' || name === 'script' || name === 'img') return;
    if (name === 'br') {
      parts.push(' ');
      return;
    }
    if (isHidden(current) || hasClass(current, ['reference', 'sortkey', 'mw-editsection', 'noprint'])) return;
    for (const child of current.children) walk(child);
  };
  walk(node);
  return oneLine(parts.join(''));
}

/** Every element below `node` (not `node` itself), in document order. */
function descendants(node: Element): Element[] {
  const found: Element[] = [];
  const walk = (current: AnyNode): void => {
    if (!isElement(current)) return;
    for (const child of current.children) {
      if (isElement(child)) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(node);
  return found;
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

function ownCells(row: Element): Element[] {
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

/** The file a flag image shows: "Flag_of_X.svg" from a thumbnail URL, a file link, or the image's own name. */
function flagNoc(element: Element): string | null {
  for (const node of [element, ...descendants(element)]) {
    if (node.name === 'img') {
      for (const segment of (node.attribs.src ?? '').split('/').reverse()) {
        let file: string;
        try {
          file = decodeURIComponent(segment)
            .replace(/^\d+px-/, '')
            .replace(/\.svg\.png$/i, '.svg');
        } catch {
          continue;
        }
        const noc = nocFromFlagFile(file);
        if (noc) return noc;
      }
    }
    if (node.name === 'a') {
      const target = linkTarget(node.attribs.href ?? '');
      if (target?.startsWith('File:')) {
        const noc = nocFromFlagFile(target.slice(5));
        if (noc) return noc;
      }
    }
  }
  return null;
}

/** The IOC code of the country a cell shows: a team link, then "(NED)" text, then the name, then the flag. */
function countryNoc(cell: Element, text: string): string | null {
  const links = descendants(cell).filter((node) => node.name === 'a');
  for (const link of links) {
    const target = linkTarget(link.attribs.href ?? '');
    const noc = target === null ? null : nocFromTeamArticle(target);
    if (noc) return noc;
  }
  const written = nocFromText(text) ?? nocFromName(text.replace(NAME_NOC, ''));
  if (written) return written;
  for (const link of links) {
    const target = linkTarget(link.attribs.href ?? '');
    const noc = target === null || target.includes(':') ? null : nocFromName(target);
    if (noc) return noc;
  }
  return flagNoc(cell);
}

/** A rank cell shown as a medal icon reads as its place: the hidden sort key, else the icon's medal. */
function rankText(cell: Element): string {
  const text = visibleText(cell);
  if (text !== '') return text;
  const all = descendants(cell);
  const icon = all.find(
    (node) => node.name === 'img' && MEDAL.test(`${node.attribs.alt ?? ''} ${node.attribs.src ?? ''}`),
  );
  if (!icon) return '';
  const key = all.find(
    (node) => hasClass(node, ['sortkey']) || node.attribs['data-sort-value'] !== undefined,
  );
  const sortValue =
    cell.attribs['data-sort-value'] ?? (key ? (key.attribs['data-sort-value'] ?? textOf(key)) : '');
  const fromKey = LEADING_NUMBER.exec(sortValue)?.groups?.n;
  if (fromKey !== undefined && Number(fromKey) >= 1 && Number(fromKey) <= 3) return String(Number(fromKey));
  const medal = MEDAL.exec(`${icon.attribs.alt ?? ''} ${icon.attribs.src ?? ''}`)?.groups?.medal ?? '';
  return MEDAL_RANK[medal.toLowerCase()] ?? '';
}

function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (current: AnyNode): void => {
    if (isText(current)) parts.push(current.data);
    else if (isElement(current)) for (const child of current.children) walk(child);
  };
  walk(node);
  return oneLine(parts.join(''));
}

/** A cell's text made safe for a pipe row: no pipes, no line breaks. */
function cellText(text: string): string {
  return oneLine(text.replace(/\|/g, '/'));
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
function convertTable(table: Element, number: number, problems: ConvertProblem[]): ConvertedTable | null {
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

function teamLinkNoc(cell: Element): string | null {
  for (const link of descendants(cell)) {
    if (link.name !== 'a') continue;
    const target = linkTarget(link.attribs.href ?? '');
    const noc = target === null ? null : nocFromTeamArticle(target);
    if (noc) return noc;
  }
  return null;
}

interface InfoboxDraft {
  entries: Array<[string, string]>;
}

/** The infobox as dump-format entries: venue, date, counts, winning value, medallists, previous and next. */
function convertInfobox(
  infobox: Element,
  title: { sport: string; year: number; season: string; event: string },
): InfoboxDraft {
  const entries: Array<[string, string]> = [
    ['Event', title.event],
    ['Games', `${title.year} ${title.season}`],
  ];
  const rows = descendants(infobox).filter((node) => node.name === 'tr');
  const medals = new Map<string, { name: string; noc: string | null }>();
  const years: number[] = [];
  for (const row of rows) {
    const cells = ownCells(row);
    const label = cells[0]?.name === 'th' ? visibleText(cells[0]).toLowerCase() : '';
    const valueCell = cells[0]?.name === 'th' && cells.length === 2 ? cells[1] : undefined;
    const value = valueCell ? visibleText(valueCell) : '';
    if (valueCell && value !== '') {
      if (/^venues?$/.test(label)) entries.push(['Venue', value]);
      else if (/^dates?$/.test(label)) entries.push(['Date', value]);
      else if (/^competitors$/.test(label)) {
        const counts = COMPETITORS.exec(value)?.groups;
        if (counts)
          entries.push(['Competitors', counts.competitors ?? ''], ['Nations', counts.nations ?? '']);
        else if (NUMBER.test(value.split(' ')[0] ?? ''))
          entries.push(['Competitors', value.split(' ')[0] ?? '']);
      } else if (/^nations$/.test(label) && NUMBER.test(value.split(' ')[0] ?? ''))
        entries.push(['Nations', value.split(' ')[0] ?? '']);
      else if (/^winning\s/.test(label)) {
        const token = value.split(' ').find((word) => WIN_TOKEN.test(word));
        if (token !== undefined) {
          entries.push(['Win Value', token.replace(',', '.')]);
          if (/point/.test(label)) entries.push(['Win Label', visibleText(cells[0] as Element)]);
        }
      }
    }
    if (descendants(row).some((node) => node.name === 'tr')) continue;
    const icon = descendants(row).find(
      (node) => node.name === 'img' && MEDAL.test(`${node.attribs.alt ?? ''} ${node.attribs.src ?? ''}`),
    );
    const medal = icon
      ? MEDAL.exec(`${icon.attribs.alt ?? ''} ${icon.attribs.src ?? ''}`)?.groups?.medal?.toLowerCase()
      : undefined;
    if (medal !== undefined && !medals.has(medal)) {
      const person = medallistName(row);
      if (person !== null) medals.set(medal, { name: person, noc: teamLinkNoc(row) ?? flagNoc(row) });
    }
  }
  for (const link of descendants(infobox)) {
    if (link.name !== 'a') continue;
    const parts = EVENT_TITLE.exec(linkTarget(link.attribs.href ?? '') ?? '')?.groups;
    if (
      parts &&
      parts.sport?.toLowerCase() === title.sport.toLowerCase() &&
      parts.event?.toLowerCase() === title.event.toLowerCase() &&
      Number(parts.year) !== title.year
    )
      years.push(Number(parts.year));
  }
  for (const medal of ['gold', 'silver', 'bronze']) {
    const found = medals.get(medal);
    if (!found) continue;
    const key = medal[0]?.toUpperCase() + medal.slice(1);
    entries.push([key, found.name]);
    if (found.noc) entries.push([`${key}noc`, found.noc]);
  }
  const prev = Math.max(...years.filter((year) => year < title.year));
  const next = Math.min(...years.filter((year) => year > title.year));
  if (Number.isFinite(prev)) entries.push(['Prev', String(prev)]);
  if (Number.isFinite(next)) entries.push(['Next', String(next)]);
  return { entries };
}

/** The medallist a medal row names: its first link to a person (not a file, a team or a country). */
function medallistName(row: Element): string | null {
  for (const link of descendants(row)) {
    if (link.name !== 'a') continue;
    const target = linkTarget(link.attribs.href ?? '');
    if (target === null || target.includes(':')) continue;
    if (nocFromTeamArticle(target) !== null || nocFromName(target) !== null) continue;
    const name = visibleText(link);
    if (name !== '') return name;
  }
  return null;
}

/** Splits the page into the infobox, and sections of prose and tables in page order. */
function readPage(roots: readonly AnyNode[]): { infobox: Element | null; sections: Section[] } {
  const sections: Section[] = [{ heading: null, level: 1, paragraphs: [], tables: [] }];
  let infobox: Element | null = null;
  const current = () => sections[sections.length - 1] as Section;
  const walk = (node: AnyNode): void => {
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (name === 'style' || name === 'script' || isHidden(node) || hasClass(node, SKIPPED_CLASSES)) return;
    if (node.attribs.id === 'toc') return;
    const heading = /^h(?<level>[1-6])$/.exec(name)?.groups?.level;
    if (heading !== undefined) {
      const text = visibleText(node);
      if (text !== '') sections.push({ heading: text, level: Number(heading), paragraphs: [], tables: [] });
      return;
    }
    if (name === 'p') {
      const text = visibleText(node);
      if (text !== '') current().paragraphs.push(text);
      return;
    }
    if (name === 'table') {
      if (hasClass(node, ['infobox'])) {
        infobox ??= node;
        return;
      }
      if (hasClass(node, ['wikitable'])) {
        current().tables.push(node);
        return;
      }
      // A layout table (heats side by side) holds wikitables in its cells; a sidebar holds none.
      for (const inner of descendants(node))
        if (inner.name === 'table' && hasClass(inner, ['wikitable'])) current().tables.push(inner);
      return;
    }
    if (name === 'ul' || name === 'ol' || name === 'dl' || name === 'figure') return;
    for (const child of node.children) walk(child);
  };
  for (const root of roots) walk(root);
  // A wikitable nested in another is reached through its parent's cells only once.
  for (const section of sections) section.tables = [...new Set(section.tables)];
  return { infobox, sections };
}

/**
 * Older articles put their rounds at the top ("== Heats ==", "== Final =="); the dump format reads rounds
 * under a Results heading, so one is put above the first round and the rounds go one level down.
 */
function gatherRounds(sections: Section[]): Section[] {
  if (sections.some((s) => s.heading !== null && RESULTS_HEADING.test(s.heading))) return sections;
  const first = sections.findIndex((s) => s.heading !== null && ROUND_HEADING.test(s.heading));
  if (first < 0) return sections;
  const base = (sections[first] as Section).level;
  const gathered: Section[] = [{ heading: 'Results', level: base, paragraphs: [], tables: [] }];
  let end = first;
  for (; end < sections.length; end++) {
    const section = sections[end] as Section;
    if (section.level <= base && !ROUND_HEADING.test(section.heading ?? '')) break;
    gathered.push({ ...section, level: section.level + 1 });
  }
  return [...sections.slice(0, first), ...gathered, ...sections.slice(end)];
}

/** Prose safe to write as one line: nothing the dump format would read as a table, heading or title. */
function proseLine(text: string): string {
  return oneLine(text)
    .replace(/^[|=\s]+/, '')
    .replace(/=+$/, '');
}

function headingLine(text: string, level: number): string {
  const marks = '='.repeat(Math.min(Math.max(level, 2), 6));
  const clean =
    oneLine(text)
      .replace(/^=+|=+$/g, '')
      .trim() || 'Section';
  return `${marks} ${clean} ${marks}`;
}

/** Converts one article's HTML to the dump format, or refuses it with the reasons. Pure: no I/O. */
export function convertArticle(page: SourcePage): ConvertResult {
  const title = oneLine(page.title);
  const refuse = (message: string, where = 'title'): ConvertResult => ({
    kind: 'refused',
    problems: [{ message, where }],
  });
  const parts = EVENT_TITLE.exec(title)?.groups;
  if (!parts) {
    if (GAMES_TITLE.test(title))
      return refuse(
        `"${title}" is an overview of a sport at one Games, not one event's results; import its events with --all`,
      );
    return refuse(
      `"${title}" is not an Olympic event article ("<sport> at the <year> Winter Olympics – <event>")`,
    );
  }
  const sport = (parts.sport ?? '').trim();
  if (!SKATING_SPORT.test(sport))
    return refuse(
      `"${title}" is not a speed-skating event (its sport is ${sport}); only speed skating and short-track speed skating are imported`,
    );
  const info = {
    sport,
    year: Number(parts.year),
    season: parts.season ?? 'Winter',
    event: (parts.event ?? '').trim(),
  };

  const $ = loadHtml(page.html);
  // A saved whole page has the article in .mw-parser-output; a fragment is the article itself.
  const content = $('.mw-parser-output').get(0);
  const { infobox, sections } = readPage(content ? [content] : $.root().contents().get());
  const warnings: ConvertProblem[] = [];

  const lines = [...formatSourceHeader({ ...page, title }), '', `= ${title} =`, ''];
  if (infobox) {
    lines.push('Infobox');
    for (const [key, value] of convertInfobox(infobox, info).entries)
      lines.push(`- ${key}: ${oneLine(value)}`);
    lines.push('');
  }

  let tableNumber = 0;
  let resultsLevel: number | null = null;
  let skipBelow: number | null = null;
  let resultTables = 0;
  for (const section of gatherRounds(sections)) {
    if (section.heading !== null) {
      if (skipBelow !== null && section.level > skipBelow) continue;
      skipBelow = null;
      if (resultsLevel !== null && section.level <= resultsLevel) resultsLevel = null;
      if (END_MATTER.test(section.heading)) {
        skipBelow = section.level;
        continue;
      }
      if (resultsLevel === null && RESULTS_HEADING.test(section.heading)) resultsLevel = section.level;
      lines.push(headingLine(section.heading, section.level));
    }
    for (const paragraph of section.paragraphs) {
      const line = proseLine(paragraph);
      if (line !== '') lines.push(line);
    }
    for (const table of section.tables) {
      tableNumber++;
      if (resultsLevel === null) continue;
      const converted = convertTable(table, tableNumber, warnings);
      if (converted === null) {
        warnings.push({
          message: 'not a results table (no Rank and Name columns); left out',
          where: `table ${tableNumber}`,
        });
        continue;
      }
      resultTables++;
      lines.push('', ...converted.lines);
    }
    lines.push('');
  }
  if (resultTables === 0)
    return {
      kind: 'refused',
      problems: [
        {
          message: 'no results table (Rank and Name columns) under a Results heading',
          where: 'section Results',
        },
        ...warnings,
      ],
    };

  const text = `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
  const converted = (line: number) => `converted text line ${line}`;
  try {
    const { article, warnings: parsed } = parseArticle(text, title);
    const rows = article.rounds.flatMap((round) => round.heats.flatMap((heat) => heat.rows));
    if (rows.length === 0) return refuse('no row of the results tables names a skater', 'section Results');
    for (const warning of parsed)
      warnings.push({ message: warning.message, where: converted(warning.position.line) });
    return {
      kind: 'converted',
      text,
      stats: {
        tables: resultTables,
        rows: rows.length,
        rowsWithNoc: rows.filter((row) => row.country !== null && /^[A-Z]{3}$/.test(row.country)).length,
      },
      warnings,
    };
  } catch (error) {
    if (!(error instanceof ArticleParseError)) throw error;
    return refuse(`the converted text does not parse: ${error.reason}`, converted(error.position.line));
  }
}
