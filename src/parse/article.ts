import type {
  Diagnostic,
  EventArticle,
  Gender,
  Heat,
  Infobox,
  Medal,
  Medallist,
  ResultRow,
  Round,
  RoundKind,
  Section,
  StartTime,
  WinValue,
} from '../model/schemas.js';
import { nocFromCountryName } from '../model/countries.js';
import { checkInvariants } from '../model/invariants.js';
import { athleteKey } from '../model/names.js';
import { parseEventArticle } from '../model/rows.js';
import { isStartLine, parseDateList, parseStartLine } from './dates.js';
import { SourceText } from './errors.js';
import { cellStart, isRaceTable, isTableRow, readHeader, readTable } from './table.js';
import { readRecords } from './records.js';
import type { Column, HeadedTable, RawTable } from './table.js';
import { isStatusWord, parseMarkCell, parseRaceTime } from './time.js';

// Title, heading and infobox patterns capture untrimmed and the code trims: a lazy group next to `\s*`
// backtracks through every split of a run of spaces, which made a long line take minutes (found by fuzzing).
const TITLE_LINE = /^=(?!=)(?<title>.*)=$/;
const TITLE =
  /^(?<sport>.+?) at the (?<year>\d{4}) (?<season>Winter|Summer) Olympics\s*[–—-]+\s*(?<event>.+)$/;
const HEADING = /^(?<open>={2,6})(?!=)(?<title>.+?)(?<close>={2,6})$/;
const INFOBOX_START = /^infobox\b/i;
const INFOBOX_ENTRY = /^\s*[-*](?<key>[^:]+):(?<value>.*)$/;
// "Ladies'" carries its possessive after the s it already ends with.
const GENDER_PREFIX = /^(?<gender>men|women|ladies|mixed)(?:'s|’s|'|’)?\s+/i;
// Starts only where a run of digits and commas starts: tried from every digit, "Men's 500 metres1111…" was quadratic.
const DISTANCE = /(?<![\d,])(?<lead>,*)(?<metres>\d[\d,]*)\s*(?:metres?|meters?|m)\b/g;
const RANK = /^[=T]?(?<rank>\d{1,4})[=.]?$/;
const DASH = /^[-–—]$/;
const INTEGER = /^\d+$/;
// No count, score or heat number comes near a billion; a larger one is a typo (and past 2^53 not an integer
// the schema accepts), so it is a warning rather than a reason to refuse the whole article.
const MAX_NUMBER = 999_999_999;
// Greedy and without `\s*` for the same reason as above; the name is trimmed where they are used.
const NAME_WITH_NOC = /^(?<name>.+)\((?<noc>[A-Z]{3})\)$/;
const FOOTNOTE = /\[[^\]]{1,12}\]$/;
const NOTE_SPLIT = /[\s,;]+/;
const COUNTRY_WORDS =
  /^(?:the\s+)?((?:[\p{Lu}][\p{L}.'’-]*)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|of|the)){0,4})/u;

/** What `parseArticle` returns: the validated article and the recoverable problems found on the way. */
export interface ParsedArticle {
  article: EventArticle;
  warnings: Diagnostic[];
}

interface RawSection {
  heading: string | null;
  level: number;
  line: number;
  paragraphs: string[];
  /** Line of each paragraph, so a warning about prose can point at it. */
  paragraphLines: number[];
  tables: RawTable[];
  start: { line: number; text: string } | null;
}

interface RoundDraft {
  id: string;
  kind: RoundKind;
  label: string;
  line: number;
  start: StartTime | null;
  rows: Array<{ heat: number | null; row: ResultRow }>;
}

/** The whole number `text` writes, or null when it is not one or is implausibly large. */
function wholeNumber(text: string): number | null {
  if (!INTEGER.test(text)) return null;
  const value = Number(text);
  return value <= MAX_NUMBER ? value : null;
}

/** Parses one article. Pure: text in, data out. Throws `ArticleParseError` (with position) when unusable. */
export function parseArticle(input: string, source: string): ParsedArticle {
  const text: SourceText = new SourceText(source, input);
  const warnings: Diagnostic[] = [];

  const titleIndex = text.lines.findIndex((line) => line.trim() !== '');
  const titleLine = titleIndex + 1;
  const titleMatch = TITLE_LINE.exec(text.lines[titleIndex]?.trim() ?? '');
  if (titleIndex < 0) text.fail(1, 'empty article');
  if (!titleMatch?.groups)
    text.fail(titleLine, 'expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="');
  const title = (titleMatch.groups.title ?? '').trim();
  const parts = TITLE.exec(title)?.groups;
  if (!parts) text.fail(titleLine, 'title does not name "<sport> at the <year> <season> Olympics – <event>"');
  const sportLabel = (parts.sport ?? '').trim();
  const year = Number(parts.year);
  const season = parts.season === 'Summer' ? 'Summer' : 'Winter';
  const eventName = (parts.event ?? '').trim();
  const sport = /short[\s-]*track/i.test(sportLabel) ? 'short-track' : 'long-track';
  const { gender, discipline } = readEventName(eventName);
  if (discipline === '') text.fail(titleLine, 'title names no event', eventName);
  const id = [sport === 'short-track' ? 'short-track' : null, discipline, gender, String(year)]
    .filter((part) => part !== null)
    .join('-');

  const { sections, infoboxEntries, infoboxLine } = readStructure(text, titleIndex + 1, warnings);
  const infobox =
    infoboxLine === null ? null : readInfobox(text, infoboxEntries, infoboxLine, year, warnings);
  if (infobox === null) warnings.push(text.warning(titleLine, 'article has no Infobox'));
  const rounds = readRounds(text, sections, year, warnings);
  if (rounds.length === 0)
    warnings.push(text.warning(titleLine, 'article has no results tables under a Results heading'));

  const proseSections: Section[] = sections
    .filter((section) => section.paragraphs.length > 0)
    .map(({ heading, level, line, paragraphs }) => ({ heading, level, line, paragraphs }));
  const nocs = readNocs(text, infobox, rounds, sections, warnings);
  const records = readRecords(recordTables(sections));

  const draft: EventArticle = {
    id,
    source,
    title,
    sport,
    sportLabel,
    games: { year, season, label: `${year} ${season} Olympics` },
    eventName,
    gender,
    discipline,
    infobox,
    sections: proseSections,
    rounds,
    nocs,
    ...(records.length > 0 ? { records } : {}),
  };
  const article = validate(text, draft);
  const keyLine = (key: string) =>
    infoboxEntries.find((entry) => entry.key.toLowerCase() === key)?.line ?? infoboxLine ?? titleLine;
  // Not push(...spread): a table of 200,000 broken rows overflowed the stack with as many arguments.
  for (const warning of checkInvariants(article, (line, needle) => text.at(line, needle), keyLine))
    warnings.push(warning);
  return { article, warnings };
}

function readEventName(eventName: string): { gender: Gender | null; discipline: string } {
  const match = GENDER_PREFIX.exec(eventName);
  const word = match?.groups?.gender?.toLowerCase();
  const gender: Gender | null =
    word === 'men'
      ? 'men'
      : word === 'women' || word === 'ladies'
        ? 'women'
        : word === 'mixed'
          ? 'mixed'
          : null;
  const rest = match ? eventName.slice(match[0].length) : eventName;
  const discipline = rest
    .toLowerCase()
    .replace(DISTANCE, (_, lead: string, metres: string) => `${lead}${metres.replace(/,/g, '')}m`)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { gender, discipline };
}

/** The tables of the Records section and of the sections beneath it. */
function recordTables(sections: RawSection[]): RawTable[] {
  const at = sections.findIndex((s) => s.heading !== null && /^records?$/i.test(s.heading));
  const records = sections[at];
  if (!records) return [];
  const end = sections.findIndex((s, i) => i > at && s.level <= records.level);
  return sections.slice(at, end < 0 ? undefined : end).flatMap((s) => s.tables);
}

/** Splits the article into its infobox, and sections with their prose, tables and start lines. */
function readStructure(text: SourceText, from: number, warnings: Diagnostic[]) {
  const sections: RawSection[] = [
    { heading: null, level: 1, line: from, paragraphs: [], paragraphLines: [], tables: [], start: null },
  ];
  const infoboxEntries: Array<{ key: string; value: string; line: number }> = [];
  let infoboxLine: number | null = null;
  let i = from;
  while (i < text.lines.length) {
    const line = text.lines[i] ?? '';
    const trimmed = line.trim();
    const current = sections[sections.length - 1] as RawSection;
    if (trimmed === '') {
      i++;
      continue;
    }
    if (isTableRow(line)) {
      const { table, next } = readTable(text.lines, i);
      current.tables.push(table);
      i = next;
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading?.groups) {
      const open = heading.groups.open?.length ?? 2;
      const close = heading.groups.close?.length ?? 2;
      if (open !== close)
        warnings.push(text.warning(i + 1, `heading opens with ${open} "=" and closes with ${close}`));
      sections.push({
        heading: (heading.groups.title ?? '').trim(),
        level: Math.min(open, close),
        line: i + 1,
        paragraphs: [],
        paragraphLines: [],
        tables: [],
        start: null,
      });
      i++;
      continue;
    }
    if (INFOBOX_START.test(trimmed) && infoboxLine === null && current.heading === null) {
      infoboxLine = i + 1;
      i++;
      while (i < text.lines.length) {
        const entry = INFOBOX_ENTRY.exec(text.lines[i] ?? '');
        if (!entry?.groups) break;
        infoboxEntries.push({
          key: (entry.groups.key ?? '').trim(),
          value: (entry.groups.value ?? '').trim(),
          line: i + 1,
        });
        i++;
      }
      continue;
    }
    // A round's start time sits right under its heading, before the table.
    if (
      current.heading !== null &&
      current.tables.length === 0 &&
      current.paragraphs.length === 0 &&
      current.start === null
    ) {
      if (isStartLine(trimmed)) {
        current.start = { line: i + 1, text: trimmed };
        i++;
        continue;
      }
    }
    current.paragraphs.push(trimmed);
    current.paragraphLines.push(i + 1);
    i++;
  }
  return { sections, infoboxEntries, infoboxLine };
}

function readInfobox(
  text: SourceText,
  entries: Array<{ key: string; value: string; line: number }>,
  line: number,
  year: number,
  warnings: Diagnostic[],
): Infobox {
  // A Map, not `key in {}`: keys such as "constructor" or "__proto__" are inherited by every object.
  const kept = new Map<string, string>();
  const lines = new Map<string, number>();
  for (const entry of entries) {
    if (kept.has(entry.key))
      warnings.push(text.warning(entry.line, `infobox key "${entry.key}" repeated; the first is kept`));
    // zod drops a "__proto__" key when it validates (one could replace an object's prototype), so it is
    // dropped here, said, rather than vanishing between parse and model.
    else if (entry.key === '__proto__')
      warnings.push(text.warning(entry.line, 'infobox key "__proto__" is not kept'));
    else {
      kept.set(entry.key, entry.value);
      lines.set(entry.key.toLowerCase(), entry.line);
    }
  }
  const raw: Record<string, string> = Object.fromEntries(kept);
  const get = (key: string): string | null => {
    const found = Object.keys(raw).find((k) => k.toLowerCase() === key);
    const value = found === undefined ? undefined : raw[found];
    return value === undefined || value === '' ? null : value;
  };
  const lineOf = (key: string) => lines.get(key) ?? line;
  const count = (key: string): number | null => {
    const value = get(key);
    if (value === null) return null;
    const number = wholeNumber(/^(\d+)/.exec(value)?.[1] ?? '');
    if (number === null) warnings.push(text.warning(lineOf(key), `infobox ${key} is not a number`, value));
    return number;
  };

  // The dump doubles the comma where a link separated venue and city.
  // (?<!\s): a match may only start where a run of spaces starts, or a long run is scanned from each space.
  const venue = get('venue')?.replace(/(?<!\s)\s*,(?:\s*,)+\s*/g, ', ') ?? null;
  const dateText = get('date');
  let dates: string[] = [];
  if (dateText !== null) {
    const parsed = parseDateList(dateText, year);
    if (parsed === null) warnings.push(text.warning(lineOf('date'), 'infobox date not understood', dateText));
    dates = parsed ?? [];
  }

  let win: WinValue | null = null;
  const winText = get('win value');
  const winLabel = get('win label');
  if (winText !== null) {
    const time = parseRaceTime(winText);
    if (
      (winLabel !== null && /point/i.test(winLabel)) ||
      (INTEGER.test(winText) && winLabel === null && !time?.decimals)
    ) {
      const points = wholeNumber(winText);
      if (points !== null) win = { kind: 'points', points, label: winLabel ?? 'Winning points' };
      else warnings.push(text.warning(lineOf('win value'), 'winning points are not a whole number', winText));
    } else if (time) {
      win = { kind: 'time', time, label: winLabel ?? 'Winning time' };
    } else {
      warnings.push(text.warning(lineOf('win value'), 'winning value is neither points nor a time', winText));
    }
  }

  const medallists: Medallist[] = [];
  for (const medal of ['gold', 'silver', 'bronze'] as const satisfies readonly Medal[]) {
    const name = get(medal);
    if (name === null) continue;
    const noc = get(`${medal}noc`);
    if (noc !== null && !/^[A-Z]{3}$/.test(noc))
      warnings.push(text.warning(lineOf(`${medal}noc`), 'NOC is not a three-letter code', noc));
    const athleteId = athleteKey(name);
    // A name of punctuation alone names nobody; the schema would refuse the whole article for it.
    if (athleteId === '') {
      warnings.push(text.warning(lineOf(medal), `infobox ${medal} names no skater`, name));
      continue;
    }
    medallists.push({
      medal,
      name,
      athleteId,
      noc: noc !== null && /^[A-Z]{3}$/.test(noc) ? noc : null,
    });
  }

  return {
    raw,
    line,
    event: get('event'),
    venue,
    dates,
    dateText,
    competitors: count('competitors'),
    nations: count('nations'),
    win,
    medallists,
    prev: get('prev'),
    next: get('next'),
  };
}

function classifyHeading(heading: string): {
  kind: RoundKind;
  id: string;
  heatOf?: RoundKind;
  heatNumber?: number;
} {
  const h = heading.trim().toLowerCase().replace(/\s+/g, ' ');
  const numbered = /^(heat|race|quarter[- ]?final|semi[- ]?final|final)\s+(\d+)$/.exec(h);
  if (numbered) {
    const word = numbered[1] ?? '';
    const of: RoundKind = word.startsWith('quarter')
      ? 'quarterfinal'
      : word.startsWith('semi')
        ? 'semifinal'
        : word === 'final'
          ? 'final'
          : 'heat';
    return { kind: of, id: of, heatOf: of, heatNumber: wholeNumber(numbered[2] ?? '') ?? 0 };
  }
  if (/^(?:heats?|first round|round 1|round one|preliminar(?:y round|ies))$/.test(h))
    return { kind: 'heat', id: 'heat' };
  if (/^quarter[- ]?finals?$/.test(h)) return { kind: 'quarterfinal', id: 'quarterfinal' };
  if (/^semi[- ]?finals?$/.test(h)) return { kind: 'semifinal', id: 'semifinal' };
  if (/^(?:finals?|final a|a final|final round)$/.test(h)) return { kind: 'final', id: 'final' };
  const lettered = /^(?:final ([b-d])|([b-d]) final)$/.exec(h);
  if (lettered) {
    const letter = lettered[1] ?? lettered[2] ?? 'b';
    const kind = `final-${letter}` as RoundKind;
    return { kind, id: kind };
  }
  if (/^(?:race|results?)$/.test(h)) return { kind: 'race', id: 'race' };
  const slug = h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { kind: 'other', id: slug || 'round' };
}

function readRounds(text: SourceText, sections: RawSection[], year: number, warnings: Diagnostic[]): Round[] {
  const resultsIndex = sections.findIndex((s) => s.heading !== null && /^results?$/i.test(s.heading));
  if (resultsIndex < 0) return [];
  const results = sections[resultsIndex] as RawSection;
  const drafts = new Map<string, RoundDraft>();
  // Headings above the current one within Results, so "Heat 2" can find the round it belongs to.
  const stack: Array<{
    level: number;
    kind: RoundKind;
    id: string;
    label: string;
    line: number;
    start: RawSection['start'];
  }> = [];

  for (let s = resultsIndex; s < sections.length; s++) {
    const section = sections[s] as RawSection;
    if (s > resultsIndex && section.level <= results.level) break;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= section.level) stack.pop();
    const cls =
      s === resultsIndex ? { kind: 'race' as const, id: 'race' } : classifyHeading(section.heading ?? '');
    let roundId = cls.id;
    let kind = cls.kind;
    // A heading of only spaces or `=` marks has no title; a round still needs a label to show.
    let label = section.heading || 'Results';
    let line = section.line;
    let heatNumber: number | null = null;
    if ('heatOf' in cls && cls.heatNumber !== undefined) {
      const parent = [...stack].reverse().find((entry) => entry.kind !== 'other' && entry.kind !== 'race');
      roundId = parent?.id ?? cls.id;
      kind = parent?.kind ?? cls.kind;
      label = parent?.label ?? label;
      line = parent?.line ?? line;
      // "Heat 0" names no heat; its rows keep the number their Heat cell gives, if any.
      if (cls.heatNumber > 0) heatNumber = cls.heatNumber;
      else
        warnings.push(
          text.warning(section.line, `heading "${section.heading ?? ''}" gives no positive heat number`),
        );
    }
    if (s > resultsIndex)
      stack.push({ level: section.level, kind, id: roundId, label, line, start: section.start });
    if (s === resultsIndex) label = 'Race';
    const startSource =
      section.start ??
      (heatNumber !== null ? [...stack].reverse().find((e) => e.start)?.start : null) ??
      null;

    for (const table of section.tables) {
      const headed = readHeader(text, table, warnings);
      if (!headed || headed.rows.length === 0) continue;
      if (!isRaceTable(headed)) {
        warnings.push(text.warning(table.line, 'table has no Rank and Name columns; not read as results'));
        continue;
      }
      let draft = drafts.get(roundId);
      if (!draft) {
        const start = startSource ? parseStartLine(startSource.text, year) : null;
        if (startSource && !start)
          warnings.push(text.warning(startSource.line, `start time "${startSource.text}" not understood`));
        draft = { id: roundId, kind, label, line, start, rows: [] };
        drafts.set(roundId, draft);
      }
      for (const raw of headed.rows) {
        const read = readRow(text, headed, raw, warnings);
        if (read) draft.rows.push({ heat: read.heat ?? heatNumber, row: read.row });
      }
    }
  }

  const rounds: Round[] = [];
  for (const draft of drafts.values()) {
    const heats: Heat[] = [];
    const byNumber = new Map<number | null, Heat>();
    for (const { heat, row } of draft.rows) {
      let target = byNumber.get(heat);
      if (!target) {
        target = { number: heat, rows: [] };
        byNumber.set(heat, target);
        heats.push(target);
      }
      target.rows.push(row);
    }
    if (heats.length === 0) continue;
    if (heats.some((h) => h.number === null) && heats.length > 1) {
      const first = draft.rows[0]?.row.line ?? draft.line;
      warnings.push(text.warning(first, `round "${draft.label}" mixes rows with and without a heat number`));
    }
    rounds.push({
      id: draft.id,
      kind: draft.kind,
      label: draft.label,
      line: draft.line,
      start: draft.start,
      heats,
    });
  }
  return rounds;
}

function cellOf(table: HeadedTable, cells: string[], column: Column): string | null {
  const index = table.columns.indexOf(column);
  return index < 0 ? null : (cells[index] ?? '');
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

function readRow(
  text: SourceText,
  table: HeadedTable,
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

  let name = cellOf(table, cells, 'name') ?? '';
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

  const rankCell = cellOf(table, cells, 'rank') ?? '';
  let rank: number | null = null;
  const rankMatch = RANK.exec(rankCell);
  // Some articles put DNF/DQ in the Rank column instead of the Time column; it is a note, not an error.
  const rankStatus = isStatusWord(rankCell) ? rankCell : null;
  if (rankMatch?.groups && Number(rankMatch.groups.rank) > 0) rank = Number(rankMatch.groups.rank);
  else if (rankCell !== '' && !DASH.test(rankCell) && rankStatus === null)
    warnings.push(text.warning(line, `rank "${rankCell}" is not a number`, rankCell));

  const hasPoints = (['s1', 's2', 's3', 's4', 'total'] as const).some((c) => table.columns.includes(c));
  let points: ResultRow['points'] = null;
  if (hasPoints) {
    const sprints = (['s1', 's2', 's3', 's4'] as const).map((c) =>
      readInt(text, line, cellOf(table, cells, c), c.toUpperCase(), warnings),
    ) as [number | null, number | null, number | null, number | null];
    const totalCell = cellOf(table, cells, 'total');
    let total = readInt(text, line, totalCell, 'Total', warnings);
    if (total === null) {
      total = sprints.reduce<number>((sum, p) => sum + (p ?? 0), 0);
      if (totalCell !== null && sprints.some((p) => p !== null))
        warnings.push(text.warning(line, 'Total is blank; the sum of the sprints is used'));
    }
    points = { sprints, total };
  }

  const timeCell = cellOf(table, cells, 'time');
  const markCell = parseMarkCell(timeCell ?? '');
  if (!markCell.ok)
    warnings.push(
      text.warning(line, `time "${timeCell ?? ''}" not understood; kept as written`, timeCell ?? undefined),
    );
  const notes = (cellOf(table, cells, 'notes') ?? '')
    .split(NOTE_SPLIT)
    .filter((code) => code !== '' && !DASH.test(code));
  for (const code of markCell.extraNotes) notes.push(code);
  if (rankStatus !== null && !notes.includes(rankStatus)) notes.push(rankStatus);

  const country = cellOf(table, cells, 'country');
  const behind = cellOf(table, cells, 'behind');
  const lane = cellOf(table, cells, 'lane');
  return {
    heat: readInt(text, line, cellOf(table, cells, 'heat'), 'heat', warnings, true),
    row: {
      line,
      rank,
      name,
      athleteId,
      country: country === null || country === '' ? nameNoc : country,
      pair: readInt(text, line, cellOf(table, cells, 'pair'), 'pair', warnings, true),
      lane: lane === null || lane === '' ? null : lane,
      laps: readInt(text, line, cellOf(table, cells, 'laps'), 'laps', warnings),
      points,
      mark: markCell.mark,
      behind: behind === null || behind === '' || DASH.test(behind) ? null : behind,
      notes,
    },
  };
}

/** NOCs the article states: the infobox medallists, a filled Country cell, and prose like "X of Denmark". */
function readNocs(
  text: SourceText,
  infobox: Infobox | null,
  rounds: Round[],
  sections: RawSection[],
  warnings: Diagnostic[],
): Record<string, string> {
  const nocs: Record<string, string> = {};
  const names = new Map<string, string>();
  for (const round of rounds) {
    for (const heat of round.heats) {
      for (const row of heat.rows) {
        names.set(row.name, row.athleteId);
        if (row.country === null) continue;
        const noc = /^[A-Z]{3}$/.test(row.country) ? row.country : nocFromCountryName(row.country);
        if (noc && !Object.hasOwn(nocs, row.athleteId)) nocs[row.athleteId] = noc;
      }
    }
  }
  for (const medallist of infobox?.medallists ?? []) {
    if (medallist.noc) nocs[medallist.athleteId] = medallist.noc;
  }
  for (const section of sections) {
    for (const [index, paragraph] of section.paragraphs.entries()) {
      // Look only where " of " stands and ask which skater's name ends there: far fewer checks than
      // searching every paragraph for every name.
      for (let at = paragraph.indexOf(' of '); at >= 0; at = paragraph.indexOf(' of ', at + 1)) {
        const noc = countryAtStart(paragraph.slice(at + 4));
        if (!noc) continue;
        for (const [name, id] of names) {
          if (!paragraph.endsWith(name, at)) continue;
          // Own keys only: a skater keyed `constructor` would otherwise already "have" Object's.
          if (!Object.hasOwn(nocs, id)) nocs[id] = noc;
          else if (nocs[id] !== noc) {
            warnings.push(
              text.warning(
                section.paragraphLines[index] ?? section.line,
                `prose gives ${name} as ${noc}, the infobox as ${nocs[id]}; the infobox is kept`,
                `${name} of `,
              ),
            );
          }
        }
      }
    }
  }
  return nocs;
}

function countryAtStart(text: string): string | null {
  const words = COUNTRY_WORDS.exec(text)?.[1]?.split(/\s+/) ?? [];
  for (let n = words.length; n > 0; n--) {
    const noc = nocFromCountryName(
      words
        .slice(0, n)
        .join(' ')
        .replace(/[.'’]+$/, ''),
    );
    if (noc) return noc;
  }
  return null;
}

function validate(text: SourceText, draft: EventArticle): EventArticle {
  const result = parseEventArticle(draft);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  let line = 1;
  let node: unknown = draft;
  for (const key of issue?.path ?? []) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (node !== null && typeof node === 'object' && typeof (node as { line?: unknown }).line === 'number') {
      line = (node as { line: number }).line;
    }
  }
  return text.fail(
    line,
    `invalid ${issue?.path.join('.') ?? 'article'}: ${issue?.message ?? 'unknown problem'}`,
  );
}
