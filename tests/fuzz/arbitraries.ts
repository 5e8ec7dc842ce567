import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

/** The seed articles, read from this checkout's seeds/ when the module loads. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));
export const SEEDS: ReadonlyArray<{ file: string; text: string }> = readdirSync(SEEDS_DIR)
  .filter((file) => file.endsWith('.txt'))
  .sort()
  .map((file) => ({ file, text: readFileSync(`${SEEDS_DIR}/${file}`, 'utf8') }));

/** A document to parse and how it was made, printed in a readable form when a property fails. */
export class FuzzDocument {
  constructor(
    readonly origin: string,
    readonly steps: readonly string[],
    readonly text: string,
  ) {}

  [fc.toStringMethod](): string {
    const head = JSON.stringify(this.text.slice(0, 300));
    return `${this.origin} ${JSON.stringify(this.steps)} (${this.text.length} chars) ${head}${this.text.length > 300 ? '…' : ''}`;
  }
}

/** A change to a document's lines, with a label that says what it did. */
interface Mutation {
  label: string;
  apply(lines: string[]): string[];
}

/** How big the generator may make things; the CI run is small, `npm run fuzz` is large. */
export interface FuzzSize {
  /** Longest line a long-line mutation writes, in characters. */
  maxLine: number;
  /** Most copies a repeat-rows mutation makes. */
  maxRepeat: number;
  /** Most mutations applied to one seed. */
  maxMutations: number;
  /** A mutation that would make the document longer than this is skipped (repeating a long row can). */
  maxChars: number;
}

export const CI_SIZE: FuzzSize = { maxLine: 50_000, maxRepeat: 300, maxMutations: 6, maxChars: 1_000_000 };
export const LARGE_SIZE: FuzzSize = {
  maxLine: 200_000,
  maxRepeat: 2_000,
  maxMutations: 10,
  maxChars: 10_000_000,
};

// Vocabularies: what the article family writes, what it could plausibly write, and what breaks things.
// prettier-ignore
const CELL_VALUES = [
  '', ' ', '-', '–', '—', '0', '1', '3', '-1', '01', '=3', 'T2', '3.', '9999', '99999999999999999999', '1e3',
  'NaN', 'Infinity', '7:42.49', '1:24.537', '39.17', '2:22.4', '1:02:03.4', '75.00', '1:75.00', '99:99.999',
  '0.000', '1:23,456', 'DQ', 'DNF', 'DNS', 'DSQ', 'PEN', 'Q', 'q', 'ADV', 'QA', 'qA', 'QB', 'YC', 'OR', 'WR',
  '1:23.456 OR, WR', '1:23.456 (WR)', 'Q, PEN', 'Jorrit Bergsma', 'Sun Long (CHN)', "Jens van 't Wout [a]",
  'Netherlands', 'the Netherlands', 'NED', '16', '60', '[[Link|Name]]', '__proto__', 'constructor',
  'toString', '<@123456789012345678>', '@everyone', '**bold**', '`x`',
];
// prettier-ignore
const HEADER_NAMES = [
  'Rank', 'Rk', 'Pos', 'Place', 'Heat', 'Race', 'Pair', 'Lane', 'Name', 'Athlete', 'Skater', 'Country',
  'Nation', 'NOC', 'Laps', 'Points', 'Pts', 'Total', 'S1', 'S2', 'S3', 'S4', 'Sprint 1', 'Final sprint',
  'Time', 'Result', 'Time behind', 'Behind', 'Gap', 'Notes', 'Note', 'Date', 'OR', 'WR', '', 'RANK', 'name.',
  'Rank Rank', '__proto__', 'constructor',
];
// prettier-ignore
const HEADING_TITLES = [
  'Results', 'Result', 'Heats', 'Heat', 'Heat 1', 'Heat 0', 'Heat 99999999999999999999', 'Quarterfinals',
  'Quarter-finals', 'Semifinals', 'Semi finals', 'Semifinal 2', 'Final', 'Finals', 'Final A', 'Final B',
  'Final C', 'Final D', 'Final E', 'A final', 'B Final', 'Race', 'Race 3', 'Round 1', 'First round',
  'Preliminary round', 'Records', 'Background', 'Summary', '', ' ', '=', 'x', 'Ĥéåţş',
];
// prettier-ignore
const INFOBOX_KEYS = [
  'Event', 'Games', 'Venue', 'Date', 'Competitors', 'Nations', 'Win Value', 'Win Label', 'Gold', 'Goldnoc',
  'Silver', 'Silvernoc', 'Bronze', 'Bronzenoc', 'Prev', 'Next', 'date', 'WIN VALUE', '__proto__',
  'constructor', 'x',
];
// prettier-ignore
const INFOBOX_VALUES = [
  '', '21 February 2026', '10 and 12 February', '10–12 February 2026', '29 January – 1 February',
  'February 10, 2026', '31 February', '0 February', '12–10 February', '1 January 0001 – 31 December 9999',
  '1 January 1000 – 1 January 9999', '0', '-1', '29', '99999999999999999999999', '1e400', '68', '68.5',
  '1:24.537', '7:42.49', '9:99.99', 'Winning points', 'Winning time', 'NED', 'ned', 'NEDX', 'Jorrit Bergsma',
  'Milano Speed Skating Stadium,, Milan', ',,,,', '2026 Winter', '2026 Summer',
];
// prettier-ignore
const START_LINES = [
  '10 February 2026, 11:10', '31 February 2026, 11:10', '10 February 2026, 25:61',
  '10 February 2026, 11:10 (UTC+1)', '10 February 2026 at 11.10', '1 January 0001, 00:00',
  '10 February 9999, 23:59 (UTC-12)',
];
const MONTHS = ['January', 'February', 'Feb', 'March', 'December', 'Dec', 'Month', 'to'];
// prettier-ignore
const JUNK = [
  '\u0301\u0301\u0301', '\u202E', '\u202D', '\u200B', '\u200D', '\u2066', '\uFEFF', '\uD800', '\uDFFF',
  '\uDBFF\uDFFF', '😀', '👨‍👩‍👧‍👦', '🇳🇱', '\0', '\x07', '\x1b[31m', '\u0085', '\u2028', '\u2029', '\r', '\n',
  '\t', '\v', '\f', 'İ', 'ß', 'ﬁ', '\u0308a', '|', '||', '=', '==', ':', '-', '(', ')', '[', ']', ' of ',
];
// Long-line parts: a prefix puts the line in a context (title, heading, infobox, row, prose), a unit
// repeats, and a suffix decides whether the line still matches that context's pattern at its end.
// prettier-ignore
const LONG_PREFIXES = [
  '', '= ', "= Speed skating at the 2026 Winter Olympics – Men's 500 metres", '== ', '=== Heat ', '- Venue: ',
  '- Date: 1', '- a', '- ', '| 1 | ', '| ', '| 1 | 1 | Jorrit', 'Infobox ', '10 February 2026, ',
  'Jorrit Bergsma of the Netherlands',
];
// prettier-ignore
const LONG_UNITS = [
  ' ', '\t', 'a', 'a ', ' |', '|', '=', '= ', ' of Netherlands', ' of ', '1', '1:', '[', '(', 'Q ', '-',
  '\u0301', '😀', ' \u200B', ' | x', '1,', ' ,',
];
const LONG_SUFFIXES = ['', 'b', ' =', ' ==', '=', ' |', ':', ' (NED)', ']', 'x x', ' 1:24.537 |'];

const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

/** Junk text: chosen nasties, arbitrary code points (lone surrogates included), graphemes, mark runs. */
export const junk: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...JUNK), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 300 }).map((n) => `a${'\u0301'.repeat(n)}`), weight: 1 },
);

/** A date-like infobox value with arbitrary days and years, ranges included. */
const dateText: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom(...MONTHS),
    fc.option(fc.integer({ min: 0, max: 9999 })),
    fc.option(
      fc.tuple(
        fc.constantFrom(' – ', '-', ' to ', ' and ', ', '),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom(...MONTHS),
        fc.option(fc.integer({ min: 0, max: 9999 })),
      ),
    ),
  )
  .map(([day, month, year, range]) => {
    const first = `${day} ${month}${year === null ? '' : ` ${String(year).padStart(4, '0')}`}`;
    if (!range) return first;
    const [sep, day2, month2, year2] = range;
    return `${first}${sep}${day2} ${month2}${year2 === null ? '' : ` ${String(year2).padStart(4, '0')}`}`;
  });

const cellValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...CELL_VALUES), weight: 6 },
  { arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String), weight: 1 },
  { arbitrary: junk, weight: 1 },
);

const longLine = (size: FuzzSize): fc.Arbitrary<string> =>
  fc
    .record({
      prefix: fc.constantFrom(...LONG_PREFIXES),
      unit: fc.constantFrom(...LONG_UNITS),
      length: fc.integer({ min: 1_000, max: size.maxLine }),
      suffix: fc.constantFrom(...LONG_SUFFIXES),
    })
    .map(
      ({ prefix, unit, length, suffix }) =>
        `${prefix}${unit.repeat(Math.max(1, Math.floor(length / unit.length)))}${suffix}`,
    );

const TABLE_ROW = /^\s*\|/;

function at<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

function indicesWhere(lines: readonly string[], test: (line: string, i: number) => boolean): number[] {
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (test(line, i)) out.push(i);
  });
  return out;
}

const isRow = () => (line: string) => TABLE_ROW.test(line);
// The first two rows of a table: its header, or both rows of a grouped header.
const isHeader = (lines: readonly string[]) => (line: string, i: number) =>
  TABLE_ROW.test(line) && (!TABLE_ROW.test(lines[i - 1] ?? '') || !TABLE_ROW.test(lines[i - 2] ?? ''));
const isHeading = () => (line: string) => /^\s*=/.test(line);
const isInfoboxEntry = () => (line: string) => /^\s*[-*]/.test(line);

/** Applies `change` to one line chosen by `where`; the document is unchanged when no line qualifies. */
function onLine(
  lines: string[],
  where: (lines: readonly string[]) => (line: string, i: number) => boolean,
  pick: number,
  change: (line: string) => string | string[],
): string[] {
  const index = at(indicesWhere(lines, where(lines)), pick);
  if (index === undefined) return lines;
  const changed = change(lines[index] ?? '');
  return [
    ...lines.slice(0, index),
    ...(Array.isArray(changed) ? changed : [changed]),
    ...lines.slice(index + 1),
  ];
}

/** The cells of a pipe row between its outer pipes, and a way to put the row back together. */
function editCells(line: string, edit: (cells: string[]) => string[]): string {
  const parts = line.split('|');
  if (parts.length < 3) return edit(parts).join('|');
  const inner = edit(parts.slice(1, -1));
  return [parts[0], ...inner, parts[parts.length - 1]].join('|');
}

const any = () => () => true;

function mutations(size: FuzzSize): fc.Arbitrary<Mutation> {
  const nat = fc.nat();
  const m = (label: string, apply: Mutation['apply']): Mutation => ({ label, apply });
  return fc.oneof(
    fc
      .tuple(nat, nat)
      .map(([row, cell]) =>
        m(`drop cell ${cell} of row #${row}`, (lines) =>
          onLine(lines, isRow, row, (line) =>
            editCells(line, (cells) => cells.filter((_, i) => i !== cell % Math.max(1, cells.length))),
          ),
        ),
      ),
    fc.tuple(nat, nat, cellValue).map(([row, cell, value]) =>
      m(`add cell ${JSON.stringify(value)} at ${cell} of row #${row}`, (lines) =>
        onLine(lines, isRow, row, (line) =>
          editCells(line, (cells) => {
            const i = cell % (cells.length + 1);
            return [...cells.slice(0, i), ` ${value} `, ...cells.slice(i)];
          }),
        ),
      ),
    ),
    fc
      .tuple(nat, nat, cellValue)
      .map(([row, cell, value]) =>
        m(`set cell ${cell} of row #${row} to ${JSON.stringify(value)}`, (lines) =>
          onLine(lines, isRow, row, (line) =>
            editCells(line, (cells) => cells.map((c, i) => (i === cell % cells.length ? ` ${value} ` : c))),
          ),
        ),
      ),
    fc
      .tuple(nat, nat)
      .map(([row, cut]) =>
        m(`cut row #${row} at ${cut}`, (lines) =>
          onLine(lines, isRow, row, (line) => line.slice(0, cut % (line.length + 1))),
        ),
      ),
    fc.tuple(nat, fc.array(nat, { minLength: 1, maxLength: 12 })).map(([row, keys]) =>
      m(`shuffle header #${row} by ${JSON.stringify(keys)}`, (lines) =>
        onLine(lines, isHeader, row, (line) =>
          editCells(line, (cells) =>
            cells
              .map((cell, i) => ({ cell, key: keys[i % keys.length] ?? 0 }))
              .sort((a, b) => a.key - b.key)
              .map((x) => x.cell),
          ),
        ),
      ),
    ),
    fc.tuple(nat, nat, fc.boolean()).map(([row, cell, wholeRow]) =>
      m(`duplicate ${wholeRow ? 'header row' : `header cell ${cell}`} #${row}`, (lines) =>
        onLine(lines, isHeader, row, (line) =>
          wholeRow
            ? [line, line]
            : editCells(line, (cells) => {
                const i = cell % Math.max(1, cells.length);
                return [...cells.slice(0, i + 1), cells[i] ?? '', ...cells.slice(i + 1)];
              }),
        ),
      ),
    ),
    fc
      .tuple(nat, nat, fc.constantFrom(...HEADER_NAMES))
      .map(([row, cell, name]) =>
        m(`rename header cell ${cell} of #${row} to ${JSON.stringify(name)}`, (lines) =>
          onLine(lines, isHeader, row, (line) =>
            editCells(line, (cells) => cells.map((c, i) => (i === cell % cells.length ? ` ${name} ` : c))),
          ),
        ),
      ),
    fc
      .tuple(
        nat,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom(...HEADING_TITLES),
      )
      .map(([heading, open, close, title]) =>
        m(`heading #${heading} -> ${open}/${close} ${JSON.stringify(title)}`, (lines) =>
          onLine(lines, isHeading, heading, () => `${'='.repeat(open)} ${title} ${'='.repeat(close)}`),
        ),
      ),
    fc
      .tuple(
        nat,
        // Mostly a new value under the entry's own key, so each key's value reader is reached often.
        fc.option(fc.constantFrom(...INFOBOX_KEYS), { freq: 3 }),
        fc.oneof(fc.constantFrom(...INFOBOX_VALUES), dateText),
      )
      .map(([entry, key, value]) =>
        m(`infobox entry #${entry} -> ${JSON.stringify(`${key ?? '(same key)'}: ${value}`)}`, (lines) =>
          onLine(
            lines,
            isInfoboxEntry,
            entry,
            (line) => `- ${key ?? /^\s*[-*]\s*([^:]*)/.exec(line)?.[1]}: ${value}`,
          ),
        ),
      ),
    fc
      .tuple(nat, fc.constantFrom(...START_LINES))
      .map(([heading, start]) =>
        m(`start line after heading #${heading}: ${start}`, (lines) =>
          onLine(lines, isHeading, heading, (line) => [line, start]),
        ),
      ),
    fc.tuple(nat, nat, junk).map(([line, column, text]) =>
      m(`insert ${JSON.stringify(text)} in line ${line} at ${column}`, (lines) =>
        onLine(lines, any, line, (l) => {
          const c = column % (l.length + 1);
          return `${l.slice(0, c)}${text}${l.slice(c)}`;
        }),
      ),
    ),
    fc
      .tuple(nat, longLine(size), fc.boolean())
      .map(([line, long, replace]) =>
        m(
          `${replace ? 'replace' : 'insert before'} line ${line} with a ${long.length}-char line ${JSON.stringify(long.slice(0, 40))}`,
          (lines) => onLine(lines, any, line, (l) => (replace ? long : [long, l])),
        ),
      ),
    fc
      .tuple(nat, fc.string({ unit: 'binary', maxLength: 200 }))
      .map(([line, text]) =>
        m(`replace line ${line} with ${JSON.stringify(text)}`, (lines) =>
          onLine(lines, any, line, () => text),
        ),
      ),
    fc.tuple(nat, fc.integer({ min: 1, max: 20 })).map(([line, count]) =>
      m(`delete ${count} lines from ${line}`, (lines) => {
        const i = line % Math.max(1, lines.length);
        return [...lines.slice(0, i), ...lines.slice(i + count)];
      }),
    ),
    fc.tuple(nat, nat).map(([a, b]) =>
      m(`swap lines ${a} and ${b}`, (lines) => {
        const out = [...lines];
        const i = a % Math.max(1, out.length);
        const j = b % Math.max(1, out.length);
        [out[i], out[j]] = [out[j] ?? '', out[i] ?? ''];
        return out;
      }),
    ),
    fc
      .tuple(nat, fc.integer({ min: 1, max: size.maxRepeat }))
      .map(([row, times]) =>
        m(`repeat row #${row} ${times} times`, (lines) =>
          onLine(lines, isRow, row, (line) => Array.from({ length: times + 1 }, () => line)),
        ),
      ),
    fc
      .tuple(nat, fc.integer({ min: 2, max: size.maxRepeat }))
      .map(([row, times]) =>
        m(`widen row #${row} to ${times} times its cells`, (lines) =>
          onLine(lines, isRow, row, (line) =>
            editCells(line, (cells) => Array.from({ length: times }, () => cells).flat()),
          ),
        ),
      ),
    fc
      .tuple(nat, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: size.maxRepeat }))
      .map(([line, count, times]) =>
        m(`repeat ${count} lines from ${line} ${times} times`, (lines) => {
          const i = line % Math.max(1, lines.length);
          const block = lines.slice(i, i + count);
          return [
            ...lines.slice(0, i),
            ...Array.from({ length: times }, () => block).flat(),
            ...lines.slice(i + count),
          ];
        }),
      ),
    fc
      .tuple(nat, fc.constantFrom(...SEEDS), nat, fc.integer({ min: 1, max: 80 }))
      .map(([line, seed, from, count]) =>
        m(`splice ${count} lines of ${seed.file} from ${from} at ${line}`, (lines) => {
          const other = seed.text.split('\n');
          const start = from % other.length;
          const i = line % (lines.length + 1);
          return [...lines.slice(0, i), ...other.slice(start, start + count), ...lines.slice(i)];
        }),
      ),
    fc.tuple(nat, nat).map(([line, column]) =>
      m(`truncate at line ${line} column ${column} (half-written)`, (lines) => {
        const i = line % Math.max(1, lines.length);
        const last = lines[i] ?? '';
        return [...lines.slice(0, i), last.slice(0, column % (last.length + 1))];
      }),
    ),
  );
}

const joined = (lines: readonly string[], eol: string, bom: boolean) =>
  `${bom ? '\uFEFF' : ''}${lines.join(eol)}`;

/** A seed with up to `maxMutations` mutations, with any line ending and an optional byte-order mark. */
function mutatedSeed(size: FuzzSize): fc.Arbitrary<FuzzDocument> {
  return fc
    .tuple(
      fc.constantFrom(...SEEDS),
      fc.array(mutations(size), { minLength: 0, maxLength: size.maxMutations }),
      lineEnding,
      fc.boolean(),
    )
    .map(([seed, steps, eol, bom]) => {
      const applied: string[] = [];
      const lines = steps.reduce((acc, step) => {
        const next = step.apply(acc);
        if (next.reduce((n, line) => n + line.length + 1, 0) > size.maxChars) return acc;
        applied.push(step.label);
        return next;
      }, seed.text.split('\n'));
      const labels = [...applied, ...(eol === '\n' ? [] : [JSON.stringify(eol)]), ...(bom ? ['BOM'] : [])];
      return new FuzzDocument(seed.file, labels, joined(lines, eol, bom));
    });
}

// Lines an article is made of, recombined in any order: reaches states no single seed is near.
const ARTICLE_LINES = [
  "= Speed skating at the 2026 Winter Olympics – Men's 500 metres =",
  "= Short-track speed skating at the 2022 Winter Olympics – Women's 5000 metre relay =",
  '= Speed skating at the 1964 Winter Olympics – Ladies 1,500 m =',
  'Infobox',
  '- Win Value: 68',
  '- Win Value: 1:24.537',
  '- Win Label: Winning points',
  '- Gold: Jorrit Bergsma',
  '- Goldnoc: NED',
  '- Competitors: 4',
  '- Date: 10 and 12 February',
  '==Results==',
  '== Results ==',
  '=== Heats ===',
  '===Final A===',
  '====Heat 2====',
  '=== Finals ===',
  '==== Final B ====',
  '10 February 2026, 11:10',
  '| Rank | Heat | Name | Country | Time | Notes |',
  '| Rank | Pair | Lane | Name | Country | Time | Time behind | Notes |',
  '| Rank | Name | Country | Laps | Points | Time | | | |',
  '| S1 | S2 | S3 | S4 | Total | | | |',
  '| 1 | 1 | Ari Eins | | 1:25.740 | Q |',
  '| 2 | 1 | Bo Zwei | | 1:25.818 | q |',
  '| | 1 | Cy Drei | | | PEN |',
  '| 1 | 3 | i | Ari Eins | | 34.32 | | OR |',
  '| 1 | Ari Eins | | 16 | | | | 60 | 60 | 7:42.49 |',
  '| Date | Athlete | Time | OR | WR |',
  'Ari Eins of the Netherlands won.',
  'Bo Zwei of Denmark came second.',
  '',
];

function lineSoup(): fc.Arbitrary<FuzzDocument> {
  const titles = ARTICLE_LINES.filter((line) => /^=[^=]/.test(line));
  const line = fc.oneof(
    { arbitrary: fc.constantFrom(...ARTICLE_LINES), weight: 8 },
    { arbitrary: junk, weight: 1 },
  );
  // Mostly led by a title, or nearly every document would stop at the first line.
  return fc
    .tuple(fc.option(fc.constantFrom(...titles), { freq: 4 }), fc.array(line, { maxLength: 60 }))
    .map(([title, lines]) => {
      const all = title === null ? lines : [title, ...lines];
      return new FuzzDocument('article lines', [`${all.length} lines`], all.join('\n'));
    });
}

/** Anything at all: arbitrary code points, or bytes decoded as a file is (invalid UTF-8 becomes U+FFFD). */
function randomText(): fc.Arbitrary<FuzzDocument> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 2_000 }).map((text) => new FuzzDocument('random text', [], text)),
    fc
      .uint8Array({ maxLength: 2_000 })
      .map((bytes) => new FuzzDocument('random bytes', [], new TextDecoder().decode(bytes))),
  );
}

const blank = fc
  .constantFrom('', ' ', '\n', '\n\n\n', '\t\r\n', '\uFEFF', '\u200B', '\r', '\u2028\u2029', ' \n \n ')
  .map((text) => new FuzzDocument('blank', [], text));

/** Article-shaped documents, mostly mutated seeds, some built from scratch, some not articles at all. */
export function fuzzDocument(size: FuzzSize = CI_SIZE): fc.Arbitrary<FuzzDocument> {
  return fc.oneof(
    { arbitrary: mutatedSeed(size), weight: 14 },
    { arbitrary: lineSoup(), weight: 3 },
    { arbitrary: randomText(), weight: 2 },
    { arbitrary: blank, weight: 1 },
  );
}

const MB = 1_000_000;

/**
 * Large documents, each aimed at one place a long input could go quadratic: a 1 MB run of spaces
 * inside the title, a heading, an infobox key and value, a name and a time cell; a paragraph of
 * " of " country phrases; a single race of 20,000 skaters; a date range of 9,999 years; one 10 MB
 * mass start of 200,000 rows whose every Total is wrong (200,000 warnings); a header and a row of
 * 40,000 cells; a Final B of many heats after a long Final A; many headed heats; and prose naming
 * the countries of many skaters.
 */
export function bigDocuments(): Array<{ name: string; text: string }> {
  const [massStart, , shortTrack] = SEEDS.map((s) => s.text) as [string, string, string];
  const spaces = ' '.repeat(MB);
  const race = Array.from(
    { length: 20_000 },
    (_, i) => `| ${i + 1} | ${(i % 20) + 1} | Skater Number${i} | | ${(34 + i / 1000).toFixed(3)} | |`,
  );
  const massRows = Array.from(
    { length: 200_000 },
    // No rank, so the only broken fact per row is its Total: 200,000 warnings, one each.
    (_, i) => `| | 1 | Skater Number${i} | | 16 | | | | 1 | 2 | 7:42.49 | |`,
  );
  return [
    { name: 'title with 1 MB of spaces', text: `= a${spaces}b =\n` },
    { name: 'heading with 1 MB of spaces', text: shortTrack.replace('== Results ==', `== a${spaces}b`) },
    {
      name: 'infobox key with 1 MB of spaces',
      text: shortTrack.replace('- Event:', `- a${spaces}b\n- Event:`),
    },
    {
      name: 'infobox value with 1 MB of spaces',
      text: shortTrack.replace('- Venue: ', `- Venue: a${spaces}b `),
    },
    {
      name: 'name cell with 1 MB of spaces',
      text: shortTrack.replace('Pietro Sighel', `Pietro${spaces}x (ITA`),
    },
    {
      name: 'time cell with 1 MB of codes',
      text: shortTrack.replace('1:25.740 |', `1:25.740 ${'Q '.repeat(MB / 2)}|`),
    },
    {
      name: 'paragraph of 1 MB of " of " phrases',
      text: shortTrack.replace(
        '==Background==',
        `Sun Long${' of Netherlands Sun Long'.repeat(MB / 24)}\n==Background==`,
      ),
    },
    {
      name: 'a single race of 20,000 skaters',
      text: [
        "= Speed skating at the 2026 Winter Olympics – Men's 500 metres =",
        '==Results==',
        '| Rank | Pair | Name | Country | Time | Notes |',
        ...race,
      ].join('\n'),
    },
    {
      name: 'a date range of 9,999 years',
      text: shortTrack.replace('- Date: 10 and 12 February', '- Date: 1 January 0001 – 31 December 9999'),
    },
    {
      name: '10 MB: a mass start of 200,000 rows, every Total wrong',
      text: massStart.replace(/^\| 1 \| 1 \| Antoine.*$/m, massRows.join('\n')),
    },
    {
      name: 'a header line of 40,000 cells',
      text: massStart.replace(/^\| Rank \| Heat .*$/m, '| Rank | Name |'.repeat(20_000)),
    },
    {
      name: 'a row of 40,000 cells',
      text: shortTrack.replace(/^\| 1 \| 1 \| .*$/m, '| 1 | Skater |'.repeat(20_000)),
    },
    {
      name: 'a Final B of 10,000 heats after a Final A of 10,000 rows',
      text: [
        "= Short-track speed skating at the 2026 Winter Olympics – Men's 500 metres =",
        '== Results ==',
        '=== Final A ===',
        '| Rank | Name | Time |',
        ...Array.from({ length: 10_000 }, (_, i) => `| ${i + 1} | Skater A${i} | 40.${i % 1000} |`),
        '=== Final B ===',
        '| Rank | Heat | Name | Time |',
        ...Array.from({ length: 10_000 }, (_, i) => `| 1 | ${i + 1} | Skater B${i} | 41.000 |`),
      ].join('\n'),
    },
    {
      name: '5,000 heats under their own headings',
      text: [
        "= Short-track speed skating at the 2026 Winter Olympics – Men's 500 metres =",
        '== Results ==',
        '=== Heats ===',
        ...Array.from({ length: 5_000 }, (_, i) => [
          `==== Heat ${i + 1} ====`,
          '| Rank | Name | Time |',
          `| 1 | Skater ${i} | 40.123 |`,
        ]).flat(),
      ].join('\n'),
    },
    {
      name: 'prose giving 10,000 skaters a country',
      text: [
        "= Speed skating at the 2026 Winter Olympics – Men's 500 metres =",
        Array.from({ length: 10_000 }, (_, i) => `Skater Number${i} of Norway`).join(', '),
        '==Results==',
        '| Rank | Pair | Name | Country | Time | Notes |',
        ...race.slice(0, 10_000),
      ].join('\n'),
    },
  ];
}
