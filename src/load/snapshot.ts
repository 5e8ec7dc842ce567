import { createHash } from 'node:crypto';
import {
  close,
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  read,
  readFileSync,
  readSync,
  readdirSync,
} from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatasetParts, MedalTable } from '../domain/dataset.js';
import type { EventArticle, Heat, Mark, ResultRow, Round, Section } from '../model/schemas.js';
import type { Appearance, Athlete } from '../search/athletes.js';
import type { EventForms, EventIndexParts } from '../search/events.js';
import type { TermIndexParts } from '../search/terms.js';
import { endsWithLineBreak, hashText } from './loader.js';
import type { FileReport, SourceFile, Stamp } from './loader.js';

/** One source file as the snapshot was made from it. */
export interface SourceState {
  file: string;
  /** Its stamp (see loader.ts) taken before it was read; null when it was not statted. */
  stamp: string | null;
  /** The stamp's `changedMs`. */
  changedMs: number;
  /** hashText of its text, as FileReport.hash. */
  hash: string;
  endsWithBreak: boolean;
}

/**
 * What a snapshot holds: for one set of sources, the per-file reports, the parsed articles and what the
 * Dataset made of them (the skaters, their name index, the event index, the medal table).
 */
export interface Snapshot {
  /** When the sources were statted and read (ms since the epoch, taken before the first stat). */
  readAt: number;
  sources: SourceState[];
  files: FileReport[];
  articles: EventArticle[];
  parts: DatasetParts;
}

/** The folder a snapshot must match, as it is now: its stamps, and where to read a file whose stamp differs. */
export interface CurrentSources {
  dir: string;
  stamps: ReadonlyMap<string, Stamp>;
}

/**
 * The state of each source as read: its stamp from `stamps` (taken before the read, at `readAt`), else
 * none and changed at `readAt`, so that it is checked by content.
 */
export function sourceStates(
  sources: readonly SourceFile[],
  stamps: ReadonlyMap<string, Stamp>,
  readAt: number,
): SourceState[] {
  return sources.map(({ file, text }) => {
    const stamp = stamps.get(file);
    return {
      file,
      stamp: stamp?.stamp ?? null,
      changedMs: stamp?.changedMs ?? readAt,
      hash: hashText(text),
      endsWithBreak: endsWithLineBreak(text),
    };
  });
}

const HERE = dirname(fileURLToPath(import.meta.url));
let codeHash: string | null = null;

/**
 * A hash of the code, so that a snapshot written by other code is never served, without anyone having
 * to remember to bump a version. What a snapshot stores is made by the parser, the model, the indexes
 * and the Dataset, which import from render and i18n in turn: the whole source tree is hashed rather
 * than a list of folders that would have to follow the imports.
 */
function sourceCodeHash(): string {
  if (codeHash !== null) return codeHash;
  const hash = createHash('sha256');
  const tree = join(HERE, '..');
  if (existsSync(join(tree, 'parse'))) {
    const files = readdirSync(tree, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:js|ts|json)$/.test(f))
      .sort();
    for (const file of files) hash.update(file).update(readFileSync(join(tree, file)));
  } else {
    // In the bundle (dist/bundle/) the code is spread over its chunks, discord.js's too: some 11 MB. A
    // chunk's name carries a hash of its content (esbuild's `[name]-[hash]`, the hash covering the names
    // of the chunks it imports), so the names stand for the chunks, and only the entry points, whose
    // names carry none, are read.
    for (const file of readdirSync(HERE)
      .filter((f) => f.endsWith('.js'))
      .sort()) {
      hash.update(file);
      if (!HASHED_CHUNK.test(file)) hash.update(readFileSync(join(HERE, file)));
    }
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

/** esbuild's name for a chunk: `[name]-[hash].js`, the hash eight characters of A-Z and 2-7. */
const HASHED_CHUNK = /-[A-Z2-7]{8}\.js$/;

/**
 * A stamp alone is not trusted for a file changed less than this long before the snapshot read it: a
 * second write within the same tick of the file system's clock (a few ms on Linux, 2 s on FAT) may
 * leave size and times as they were, and a snapshot read between the two would then pass for current.
 * Such a file is checked by its content at every start. Against a network file system whose clock is
 * behind this one's by more than this, such a file can pass for older than it is.
 */
const RACY_MS = 2000;

const FILE_NAME = 'articles.json';

/** An index into the snapshot's `strings`; NONE stands for null. */
type Ref = number;
const NONE = -1;

// Offsets within a row. Nullable numbers use NONE: every one of them is non-negative when present.
const LINE = 0;
const RANK = 1;
const NAME = 2;
const ATHLETE = 3;
const COUNTRY = 4;
const PAIR = 5;
const LANE = 6;
const LAPS = 7;
/** MARK_NONE, MARK_STATUS or MARK_TIME. */
const MARK = 8;
/** The status word or the time as written. */
const MARK_TEXT = 9;
const MARK_MS = 10;
const MARK_DECIMALS = 11;
/** NONE when the row has no points. */
const TOTAL = 12;
const SPRINTS = 13;
const BEHIND = 17;
/** An index into `noteLists`. */
const NOTES = 18;
const ROW_WIDTH = 19;

const MARK_NONE = 0;
const MARK_STATUS = 1;
const MARK_TIME = 2;

/**
 * Which offsets of a row hold each field of `ResultRow`, and the parts of the field they hold: one entry
 * per field of the schema (the type sees to it), checked against encode and decode by
 * tests/model/row-shape.test.ts.
 */
export const ROW_LAYOUT: { readonly [K in keyof ResultRow]-?: Readonly<Record<string, number>> } = {
  line: { line: LINE },
  rank: { rank: RANK },
  name: { name: NAME },
  athleteId: { athleteId: ATHLETE },
  country: { country: COUNTRY },
  pair: { pair: PAIR },
  lane: { lane: LANE },
  laps: { laps: LAPS },
  points: { total: TOTAL, s1: SPRINTS, s2: SPRINTS + 1, s3: SPRINTS + 2, s4: SPRINTS + 3 },
  mark: { kind: MARK, text: MARK_TEXT, ms: MARK_MS, decimals: MARK_DECIMALS },
  behind: { behind: BEHIND },
  notes: { notes: NOTES },
};

// The file is one line of ASCII JSON (the header: what decides whether the snapshot is used, and where
// each part lies), then binary parts, each at a multiple of 8 bytes from the end of the line, read as
// views of the file's bytes. What the Dataset is restored from comes first and is read in one read: the
// `meta` part (ASCII JSON: each article's scalar fields, the string table, the event index, the medal
// table, the name index's terms), the skaters and the name index's arrays. The rest, most of the file, is
// read by a thread of the pool meanwhile and decoded on first use: an article's infobox, rounds, NOCs and
// records are one small JSON text each, decoded with its rows when the article is first used; the rows
// are int32s, ROW_WIDTH to a row, heat after heat in article order, with every string they hold in the
// one table (a name, a time or a note is one string in memory however many rows hold it). The prose
// (every article's sections, as one JSON array) is parsed when an event's page or the full-text search
// first needs it.

/** The fields of an article read on first use; the others are read at start. */
const LAZY_FIELDS = ['infobox', 'rounds', 'nocs', 'records'] as const satisfies ReadonlyArray<
  keyof EventArticle
>;
type LazyField = (typeof LAZY_FIELDS)[number];
type Shell = Omit<EventArticle, LazyField | 'sections'>;

/**
 * The binary parts, in file order, and the array type each is read as. Those from `appearances` on (the
 * rows, the articles' lazy fields, the skaters' appearances and the prose: most of the file) are not
 * needed to restore the indexes, and are read by a thread of the pool meanwhile (see LazyRegion).
 */
const PARTS = {
  /** SnapshotMeta. */
  meta: Uint8Array,
  /** Per article, its first row; then the number of rows. */
  articleRows: Int32Array,
  /** Per article, where its lazy fields' JSON starts in `bodies`; then the end. */
  bodyOffsets: Int32Array,
  /** Per skater: id, name and NOC, as strings. */
  athletes: Int32Array,
  /** Per skater, its first name token in `tokens`; then the number of tokens. */
  tokenStarts: Int32Array,
  tokens: Int32Array,
  /** Per skater, its first row in `appearances`; then the number of appearances. */
  appearanceStarts: Int32Array,
  termOffsets: Int32Array,
  postDocs: Int32Array,
  postFreqs: Uint16Array,
  lengthNorm: Float64Array,
  trieChars: Uint16Array,
  trieFirstChild: Int32Array,
  trieNextSibling: Int32Array,
  trieTermAt: Int32Array,
  trieMinLength: Uint16Array,
  trieMaxLength: Uint16Array,
  /** Rows, by their number in `rows`. */
  appearances: Int32Array,
  rows: Int32Array,
  bodies: Uint8Array,
  prose: Uint8Array,
} as const;
const FIRST_LAZY_PART = 'appearances';
type PartName = keyof typeof PARTS;
type ArrayOf<T> = T extends Int32ArrayConstructor
  ? Int32Array
  : T extends Uint16ArrayConstructor
    ? Uint16Array
    : T extends Float64ArrayConstructor
      ? Float64Array
      : Uint8Array;
type PartArrays = { [K in PartName]: ArrayOf<(typeof PARTS)[K]> };
const PART_NAMES = Object.keys(PARTS) as PartName[];
const ATHLETE_WIDTH = 3;
const PART_ALIGN = 8;

/** The first line of the file: what decides whether the snapshot is read at all, and where its parts lie. */
interface SnapshotHeader {
  format: number;
  /** sourceCodeHash() of the writer. */
  code: string;
  /** The writer's byte order: the parts are read as they lie in the file. */
  endianness: 'LE' | 'BE';
  readAt: number;
  sources: Array<
    [file: string, stamp: string | null, changedMs: number, hash: string, endsWithBreak: boolean]
  >;
  /** Per part: its offset in bytes from the first part, and its length in elements. */
  parts: Record<PartName, [offset: number, length: number]>;
}

/** The `meta` part: ASCII JSON, read with the other parts needed at start. */
interface SnapshotMeta {
  /** The reports, each without its hash: the file's source entry has it. */
  files: Array<Omit<FileReport, 'hash'>>;
  strings: string[];
  /** The distinct lists of note codes, as indexes into `strings`; the first is the empty list. */
  noteLists: Ref[][];
  shells: Shell[];
  /** Per article, which of LAZY_FIELDS it has (bit i for LAZY_FIELDS[i]). */
  lazy: number[];
  /** The event index's parts, with each list of names per language once (`names`), not per event. */
  events: Omit<EventIndexParts, 'forms'> & {
    forms: Array<[title: string, eventName: string, names: number]>;
    names: EventForms[2][];
  };
  medals: MedalTable;
  /** The skater name index's sorted terms. */
  terms: string[];
}

/** The fields of the header line and of the meta part, every one of them (the types see to it). */
const HEADER_FIELDS = [
  'format',
  'code',
  'endianness',
  'readAt',
  'sources',
  'parts',
] as const satisfies ReadonlyArray<keyof SnapshotHeader>;
const META_FIELDS = [
  'files',
  'strings',
  'noteLists',
  'shells',
  'lazy',
  'events',
  'medals',
  'terms',
] as const satisfies ReadonlyArray<keyof SnapshotMeta>;
const HEADER_COMPLETE: Exclude<keyof SnapshotHeader, (typeof HEADER_FIELDS)[number]> extends never
  ? Exclude<keyof SnapshotMeta, (typeof META_FIELDS)[number]> extends never
    ? true
    : false
  : false = true;

/**
 * The layout of the file, as a number derived from what decides it: the row layout and width, the null
 * marker, the header's fields, the parts and their types, and which fields are read lazily. A snapshot
 * of another layout is ignored (and rewritten) rather than misread, and changing the layout changes
 * this without anyone having to remember to.
 */
export const SNAPSHOT_FORMAT = Number.parseInt(
  createHash('sha256')
    .update(
      JSON.stringify({
        row: ROW_LAYOUT,
        width: ROW_WIDTH,
        none: NONE,
        marks: [MARK_NONE, MARK_STATUS, MARK_TIME],
        header: HEADER_COMPLETE && HEADER_FIELDS,
        meta: META_FIELDS,
        parts: PART_NAMES.map((name) => [name, PARTS[name].name]),
        lazy: LAZY_FIELDS,
        athlete: ATHLETE_WIDTH,
      }),
    )
    .digest('hex')
    .slice(0, 8),
  16,
);

type EncodedRound = Omit<Round, 'heats'> & {
  /** `rows`: how many rows of the block are this heat's. */
  heats: Array<{ number: number | null; rows: number }>;
};

/** The strings the rows and skaters hold, each once, and the lists of note codes. */
class StringTable {
  readonly strings: string[] = [];
  private readonly refs = new Map<string, Ref>();
  readonly noteLists: Ref[][] = [[]];
  private readonly noteRefs = new Map<string, number>([['', 0]]);

  ref(s: string | null): Ref {
    if (s === null) return NONE;
    let at = this.refs.get(s);
    if (at === undefined) {
      at = this.strings.push(s) - 1;
      this.refs.set(s, at);
    }
    return at;
  }

  notes(notes: readonly string[]): number {
    const list = notes.map((note) => this.ref(note));
    const id = list.join(',');
    let at = this.noteRefs.get(id);
    if (at === undefined) {
      at = this.noteLists.push(list) - 1;
      this.noteRefs.set(id, at);
    }
    return at;
  }
}

function int32s(values: readonly number[]): Int32Array {
  const array = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // An int32 holds any line, rank or time of a real article (2^31 ms is 24 days); a value that does not
    // fit fails the write, and the next start parses instead of reading a wrong number.
    if ((value | 0) !== value) throw new RangeError(`${value} does not fit a snapshot row`);
    array[i] = value;
  }
  return array;
}

function encode(snapshot: Snapshot): { header: SnapshotHeader; parts: PartArrays } {
  const table = new StringTable();
  const ref = (s: string | null) => table.ref(s);
  const orNone = (n: number | null): number => n ?? NONE;
  const out: number[] = [];
  const rowNumbers = new Map<ResultRow, number>();
  const encodeRows = (rows: ResultRow[]): number => {
    for (const row of rows) {
      const { mark, points } = row;
      rowNumbers.set(row, out.length / ROW_WIDTH);
      out.push(
        row.line,
        orNone(row.rank),
        ref(row.name),
        ref(row.athleteId),
        ref(row.country),
        orNone(row.pair),
        ref(row.lane),
        orNone(row.laps),
        mark.kind === 'time' ? MARK_TIME : mark.kind === 'status' ? MARK_STATUS : MARK_NONE,
        mark.kind === 'time' ? ref(mark.time.text) : mark.kind === 'status' ? ref(mark.text) : NONE,
        mark.kind === 'time' ? mark.time.ms : 0,
        mark.kind === 'time' ? mark.time.decimals : 0,
        points ? points.total : NONE,
        ...(points ? points.sprints.map(orNone) : [NONE, NONE, NONE, NONE]),
        ref(row.behind),
        table.notes(row.notes),
      );
    }
    return rows.length;
  };
  const shells: Shell[] = [];
  const lazy: number[] = [];
  const articleRows: number[] = [];
  const bodies: string[] = [];
  for (const article of snapshot.articles) {
    articleRows.push(out.length / ROW_WIDTH);
    const { infobox, rounds, nocs, records } = article;
    const shell: Partial<EventArticle> = { ...article };
    for (const field of [...LAZY_FIELDS, 'sections'] as const) delete shell[field];
    const body: Partial<Record<LazyField, unknown>> = { infobox, nocs, records };
    body.rounds = rounds.map((round): EncodedRound => ({
      ...round,
      heats: round.heats.map((heat) => ({ number: heat.number, rows: encodeRows(heat.rows) })),
    }));
    let mask = 0;
    LAZY_FIELDS.forEach((field, bit) => {
      if (field in article) mask |= 1 << bit;
      else delete body[field];
    });
    shells.push(shell as Shell);
    lazy.push(mask);
    bodies.push(asciiJson(body));
  }
  articleRows.push(out.length / ROW_WIDTH);
  const bodyOffsets: number[] = [0];
  for (const body of bodies) bodyOffsets.push(bodyOffsets.at(-1)! + body.length);

  const { athletes, terms, events, medals } = snapshot.parts;
  const athleteCells: number[] = [];
  const tokenStarts: number[] = [];
  const tokens: number[] = [];
  const appearanceStarts: number[] = [];
  const appearances: number[] = [];
  for (const athlete of athletes) {
    athleteCells.push(ref(athlete.id), ref(athlete.name), ref(athlete.noc));
    tokenStarts.push(tokens.length);
    for (const token of athlete.tokens) tokens.push(ref(token));
    appearanceStarts.push(appearances.length);
    for (const { row } of athlete.appearances) {
      const number = rowNumbers.get(row);
      if (number === undefined) throw new Error(`a row of ${athlete.id} is in no article of the snapshot`);
      appearances.push(number);
    }
  }
  tokenStarts.push(tokens.length);
  appearanceStarts.push(appearances.length);

  const meta: SnapshotMeta = {
    files: snapshot.files.map(({ file, eventId, diagnostics }) => ({ file, eventId, diagnostics })),
    strings: table.strings,
    noteLists: table.noteLists,
    shells,
    lazy,
    events: encodeEvents(events),
    medals,
    terms: terms.terms,
  };
  const parts: PartArrays = {
    meta: Buffer.from(asciiJson(meta), 'latin1'),
    rows: int32s(out),
    articleRows: int32s(articleRows),
    bodyOffsets: int32s(bodyOffsets),
    bodies: Buffer.from(bodies.join(''), 'latin1'),
    athletes: int32s(athleteCells),
    tokenStarts: int32s(tokenStarts),
    tokens: int32s(tokens),
    appearanceStarts: int32s(appearanceStarts),
    appearances: int32s(appearances),
    termOffsets: terms.offsets,
    postDocs: terms.postDocs,
    postFreqs: terms.postFreqs,
    lengthNorm: terms.lengthNorm,
    trieChars: terms.trie.chars,
    trieFirstChild: terms.trie.firstChild,
    trieNextSibling: terms.trie.nextSibling,
    trieTermAt: terms.trie.termAt,
    trieMinLength: terms.trie.minLength,
    trieMaxLength: terms.trie.maxLength,
    prose: Buffer.from(asciiJson(snapshot.articles.map((a) => a.sections)), 'latin1'),
  };
  const layout = {} as SnapshotHeader['parts'];
  let offset = 0;
  for (const name of PART_NAMES) {
    layout[name] = [offset, parts[name].length];
    offset = alignUp(offset + parts[name].byteLength, PART_ALIGN);
  }
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    code: sourceCodeHash(),
    endianness: endianness(),
    readAt: snapshot.readAt,
    sources: snapshot.sources.map((s) => [s.file, s.stamp, s.changedMs, s.hash, s.endsWithBreak]),
    parts: layout,
  };
  return { header, parts };
}

function encodeEvents({ forms, ...rest }: EventIndexParts): SnapshotMeta['events'] {
  // An event's names per language follow from its shape, and a large corpus has few shapes.
  const names: EventForms[2][] = [];
  const known = new Map<string, number>();
  const encoded = forms.map(([title, eventName, list]): [string, string, number] => {
    const key = JSON.stringify(list);
    let at = known.get(key);
    if (at === undefined) {
      at = names.push(list) - 1;
      known.set(key, at);
    }
    return [title, eventName, at];
  });
  return { ...rest, forms: encoded, names };
}

/** Reads a snapshot's rows, articles and skaters as they are first used. */
class Restorer {
  private readonly strings: string[];
  private readonly noteLists: Ref[][];
  private readonly articles: EventArticle[];
  /** Each article's and skater's place in the snapshot, for the getters shared by all of them. */
  private readonly order = new WeakMap<object, number>();

  /** `parts`: with getters for the lazy ones; `lengths`: every part's, without reading it. */
  constructor(
    meta: SnapshotMeta,
    private readonly parts: PartArrays,
    private readonly lengths: Readonly<Record<PartName, number>>,
  ) {
    this.strings = meta.strings;
    this.noteLists = meta.noteLists;
    const { articleRows, bodyOffsets } = parts;
    const count = meta.shells.length;
    if (
      lengths.rows % ROW_WIDTH !== 0 ||
      meta.lazy.length !== count ||
      articleRows.length !== count + 1 ||
      articleRows[count] !== lengths.rows / ROW_WIDTH ||
      bodyOffsets.length !== count + 1 ||
      bodyOffsets[count] !== lengths.bodies
    )
      throw new Error('snapshot parts do not match its articles');
    const prose = lazyProse(() => parts.prose, count);
    const settle = (article: object, field: string, value: unknown) =>
      Object.defineProperty(article, field, { value, writable: true, enumerable: true, configurable: true });
    const order = this.order;
    const restore = (article: object) => this.restoreArticle(order.get(article)!);
    // One getter per field for every article, not a closure each: articles whose accessors differ differ
    // in shape, and every pass over the articles would then be megamorphic.
    const lazyField = (field: string): PropertyDescriptor => ({
      configurable: true,
      enumerable: true,
      get(this: object): unknown {
        restore(this);
        return (this as Record<string, unknown>)[field];
      },
      set(this: object, value: unknown) {
        restore(this);
        settle(this, field, value);
      },
    });
    const fields = LAZY_FIELDS.map(lazyField);
    const sections: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: object): Section[] {
        const value = prose()[order.get(this)!]!;
        settle(this, 'sections', value);
        return value;
      },
      set(this: object, value: Section[]) {
        settle(this, 'sections', value);
      },
    };
    meta.shells.forEach((article, i) => {
      order.set(article, i);
      const mask = meta.lazy[i]!;
      LAZY_FIELDS.forEach((_, bit) => {
        if (mask & (1 << bit)) Object.defineProperty(article, LAZY_FIELDS[bit]!, fields[bit]!);
      });
      Object.defineProperty(article, 'sections', sections);
    });
    this.articles = meta.shells as EventArticle[];
  }

  private at(i: number): string {
    const s = this.strings[i];
    if (s === undefined) throw new Error(`snapshot string ${i} is missing`);
    return s;
  }

  /** Reads article `i`'s lazy fields and rows, and puts them on the article as plain properties. */
  private restoreArticle(i: number): void {
    const article = this.articles[i]!;
    const { bodyOffsets, bodies, articleRows } = this.parts;
    const text = Buffer.from(bodies.buffer, bodies.byteOffset, bodies.length).toString(
      'latin1',
      bodyOffsets[i],
      bodyOffsets[i + 1],
    );
    const body = JSON.parse(text) as Partial<Record<LazyField, unknown>> & { rounds?: EncodedRound[] };
    let next = articleRows[i]!;
    for (const round of body.rounds ?? []) {
      for (const heat of round.heats) {
        const count = heat.rows;
        (heat as unknown as Heat).rows = this.decodeRows(next, count);
        next += count;
      }
    }
    if (next !== articleRows[i + 1]) throw new Error(`snapshot rows do not match article ${article.id}`);
    for (const field of LAZY_FIELDS) {
      if (!(field in body)) continue;
      Object.defineProperty(article, field, {
        value: body[field],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }

  private decodeRows(first: number, count: number): ResultRow[] {
    const r = this.parts.rows;
    const end = (first + count) * ROW_WIDTH;
    if (!Number.isSafeInteger(count) || count < 0 || end > r.length)
      throw new Error('snapshot rows are cut short');
    const orNull = (n: number): number | null => (n === NONE ? null : n);
    const atOrNull = (i: number): string | null => (i === NONE ? null : this.at(i));
    const rows: ResultRow[] = [];
    for (let i = first * ROW_WIDTH; i < end; i += ROW_WIDTH) {
      const kind = r[i + MARK];
      const total = r[i + TOTAL]!;
      const mark: Mark =
        kind === MARK_TIME
          ? {
              kind: 'time',
              time: {
                text: this.at(r[i + MARK_TEXT]!),
                ms: r[i + MARK_MS]!,
                decimals: r[i + MARK_DECIMALS]!,
              },
            }
          : kind === MARK_STATUS
            ? { kind: 'status', text: this.at(r[i + MARK_TEXT]!) }
            : { kind: 'none' };
      const notes = this.noteLists[r[i + NOTES]!];
      if (notes === undefined) throw new Error(`snapshot note list ${r[i + NOTES]} is missing`);
      // Keys in the order the parser writes them, so decoded rows share their objects' shape with parsed ones.
      rows.push({
        line: r[i + LINE]!,
        rank: orNull(r[i + RANK]!),
        name: this.at(r[i + NAME]!),
        athleteId: this.at(r[i + ATHLETE]!),
        country: atOrNull(r[i + COUNTRY]!),
        pair: orNull(r[i + PAIR]!),
        lane: atOrNull(r[i + LANE]!),
        laps: orNull(r[i + LAPS]!),
        points:
          total === NONE
            ? null
            : {
                sprints: [
                  orNull(r[i + SPRINTS]!),
                  orNull(r[i + SPRINTS + 1]!),
                  orNull(r[i + SPRINTS + 2]!),
                  orNull(r[i + SPRINTS + 3]!),
                ],
                total,
              },
        mark,
        behind: atOrNull(r[i + BEHIND]!),
        notes: notes.length === 0 ? [] : notes.map((note) => this.at(note)),
      });
    }
    return rows;
  }

  /** The article holding row `row`, by a binary search of the articles' first rows. */
  private articleOf(row: number): number {
    const starts = this.parts.articleRows;
    let lo = 0;
    let hi = starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private appearancesOf(athlete: number): Appearance[] {
    const { appearanceStarts, appearances, articleRows } = this.parts;
    const out: Appearance[] = [];
    for (let p = appearanceStarts[athlete]!; p < appearanceStarts[athlete + 1]!; p++) {
      const number = appearances[p]!;
      const a = this.articleOf(number);
      const event = this.articles[a]!;
      let local = number - articleRows[a]!;
      let found: Appearance | null = null;
      for (const round of event.rounds) {
        for (const heat of round.heats) {
          if (local < heat.rows.length) {
            found = { event, round, heat, row: heat.rows[local]! };
            break;
          }
          local -= heat.rows.length;
        }
        if (found) break;
      }
      if (!found) throw new Error(`snapshot row ${number} is in no heat`);
      out.push(found);
    }
    return out;
  }

  /** The skaters, each with its appearances read on first use. */
  athletes(count: number): Athlete[] {
    const { athletes: cells, tokenStarts, tokens, appearanceStarts } = this.parts;
    if (
      cells.length !== count * ATHLETE_WIDTH ||
      tokenStarts.length !== count + 1 ||
      tokenStarts[count] !== tokens.length ||
      appearanceStarts.length !== count + 1 ||
      appearanceStarts[count] !== this.lengths.appearances
    )
      throw new Error('snapshot skaters do not match their parts');
    const order = this.order;
    const appearancesOf = (athlete: number) => this.appearancesOf(athlete);
    const settle = (athlete: object, value: Appearance[]) =>
      Object.defineProperty(athlete, 'appearances', {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    const lazyAppearances: PropertyDescriptor = {
      configurable: true,
      enumerable: true,
      get(this: object): Appearance[] {
        const value = appearancesOf(order.get(this)!);
        settle(this, value);
        return value;
      },
      set(this: object, value: Appearance[]) {
        settle(this, value);
      },
    };
    const out = new Array<Athlete>(count);
    for (let i = 0; i < count; i++) {
      const tokenList: string[] = [];
      for (let t = tokenStarts[i]!; t < tokenStarts[i + 1]!; t++) tokenList.push(this.at(tokens[t]!));
      const noc = cells[i * ATHLETE_WIDTH + 2]!;
      const athlete = {
        id: this.at(cells[i * ATHLETE_WIDTH]!),
        name: this.at(cells[i * ATHLETE_WIDTH + 1]!),
        tokens: tokenList,
        noc: noc === NONE ? null : this.at(noc),
      } as Athlete;
      Object.defineProperty(athlete, 'appearances', lazyAppearances);
      order.set(athlete, i);
      out[i] = athlete;
    }
    return out;
  }

  get restoredArticles(): EventArticle[] {
    return this.articles;
  }
}

/**
 * Every article's sections, parsed once on first call. The bytes were checked to hold one JSON array
 * when the snapshot was read; a file changed on disk since is not read again, so what fails here is a
 * snapshot written wrong, and it throws rather than serve an event without its prose.
 */
function lazyProse(part: () => Uint8Array, articles: number): () => Section[][] {
  let parsed: Section[][] | null = null;
  return () => {
    if (parsed) return parsed;
    const bytes = part();
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    const value = JSON.parse(text) as unknown;
    if (!Array.isArray(value) || value.length !== articles)
      throw new Error('snapshot prose does not match its articles');
    parsed = value as Section[][];
    return parsed;
  };
}

/**
 * Whether the sources are those the snapshot was made from. A file whose stamp is the one recorded, and
 * was last changed well before it was read (see RACY_MS), is taken as unchanged without being read;
 * any other is read and its content hash compared, so a touched but unchanged file still matches.
 */
function matches(header: SnapshotHeader, current: CurrentSources): 'by stamps' | 'by content' | false {
  if (header.sources.length !== current.stamps.size) return false;
  let read = false;
  for (const [file, stamp, changedMs, hash] of header.sources) {
    const now = current.stamps.get(file);
    if (now === undefined) return false;
    if (stamp !== null && now.stamp === stamp && changedMs < header.readAt - RACY_MS) continue;
    let text: string;
    try {
      text = readFileSync(join(current.dir, file), 'utf8');
    } catch {
      return false;
    }
    if (hashText(text) !== hash) return false;
    read = true;
  }
  return read ? 'by content' : 'by stamps';
}

/**
 * The snapshot of the sources `current` describes, or null when there is none, it is of other sources,
 * of another format or code, or cannot be read. Synchronous: it is read once, at start, before anything
 * else is served. Articles and skaters come back with getters that read them on first use; a snapshot
 * written wrong in a way the checks here miss throws then.
 */
export function readSnapshot(dir: string, current: CurrentSources): Snapshot | null {
  let fd: number;
  try {
    fd = openSync(join(dir, FILE_NAME), 'r');
  } catch {
    return null;
  }
  let region: LazyRegion | null = null;
  let served = false;
  try {
    const size = fstatSync(fd).size;
    const head = readHeader(fd, size);
    if (!head) return null;
    // The header is ASCII (see writeSnapshot), so it is read without UTF-8 decoding, into a one-byte string.
    const header = JSON.parse(head.toString('latin1')) as Partial<SnapshotHeader> | null;
    if (
      header === null ||
      typeof header !== 'object' ||
      header.format !== SNAPSHOT_FORMAT ||
      header.code !== sourceCodeHash() ||
      header.endianness !== endianness() ||
      typeof header.readAt !== 'number' ||
      typeof header.parts !== 'object' ||
      header.parts === null ||
      !HEADER_FIELDS.every((field) => header[field] !== undefined)
    )
      return null;
    const match = matches(header as SnapshotHeader, current);
    if (!match) return null;
    const start = alignUp(head.length + 1, PART_ALIGN);
    const places = {} as Record<PartName, { from: number; length: number }>;
    let end = start;
    for (const name of PART_NAMES) {
      const [offset, length]: unknown[] = (header as SnapshotHeader).parts[name] ?? [];
      if (typeof offset !== 'number' || typeof length !== 'number') return null;
      if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
        return null;
      const from = start + offset;
      if (from < end) return null;
      places[name] = { from, length };
      end = from + length * PARTS[name].BYTES_PER_ELEMENT;
    }
    if (end !== size) return null;
    const lazyFrom = places[FIRST_LAZY_PART].from;
    const eager = readRange(fd, start, lazyFrom);
    // The prose is one JSON array; anything else is refused now rather than found out on first use.
    const prose = places.prose;
    if (prose.length < 2 || readRange(fd, prose.from, prose.from + 1)[0] !== 0x5b) return null;
    if (readRange(fd, size - 1, size)[0] !== 0x5d) return null;
    region = new LazyRegion(fd, lazyFrom, size);
    // Read on a thread of the pool while this one restores the rest.
    const read = region.prefetch();
    const lazy = region;
    const arrays = {} as PartArrays;
    let lazyArrays: Partial<PartArrays> | null = null;
    for (const name of PART_NAMES) {
      const { from, length } = places[name];
      if (from < lazyFrom) {
        (arrays as Record<PartName, unknown>)[name] = view(eager, from - start, PARTS[name], length);
        continue;
      }
      Object.defineProperty(arrays, name, {
        enumerable: true,
        get(): unknown {
          if (!lazyArrays) {
            const bytes = lazy.bytes();
            lazyArrays = {};
            for (const part of PART_NAMES) {
              const place = places[part];
              if (place.from < lazyFrom) continue;
              (lazyArrays as Record<PartName, unknown>)[part] = view(
                bytes,
                place.from - lazyFrom,
                PARTS[part],
                place.length,
              );
            }
          }
          return lazyArrays[name];
        },
      });
    }
    const lengths = Object.fromEntries(PART_NAMES.map((name) => [name, places[name].length])) as Record<
      PartName,
      number
    >;
    const metaBytes = arrays.meta;
    const meta = JSON.parse(
      Buffer.from(metaBytes.buffer, metaBytes.byteOffset, metaBytes.length).toString('latin1'),
    ) as Partial<SnapshotMeta> | null;
    if (meta === null || typeof meta !== 'object' || !META_FIELDS.every((field) => meta[field] !== undefined))
      return null;
    const full = { ...header, ...meta } as SnapshotHeader & SnapshotMeta;
    const restorer = new Restorer(full, arrays, lengths);
    const terms: TermIndexParts = {
      terms: full.terms,
      offsets: arrays.termOffsets,
      postDocs: arrays.postDocs,
      postFreqs: arrays.postFreqs,
      lengthNorm: arrays.lengthNorm,
      trie: {
        chars: arrays.trieChars,
        firstChild: arrays.trieFirstChild,
        nextSibling: arrays.trieNextSibling,
        termAt: arrays.trieTermAt,
        minLength: arrays.trieMinLength,
        maxLength: arrays.trieMaxLength,
      },
    };
    const athletes = restorer.athletes(arrays.athletes.length / ATHLETE_WIDTH);
    const hashes = new Map<string, string>();
    const sources = full.sources.map(([file, stamp, changedMs, hash, endsWithBreak]) => {
      hashes.set(file, hash);
      return { file, stamp, changedMs, hash, endsWithBreak };
    });
    const files: FileReport[] = [];
    for (const { file, eventId, diagnostics } of full.files) {
      const hash = hashes.get(file);
      if (hash === undefined) return null;
      files.push({ file, hash, eventId, diagnostics });
    }
    const { names, forms, newestFirst, search } = full.events;
    const events: EventIndexParts = {
      forms: forms.map(([title, eventName, shape]) => {
        const list = names[shape];
        if (!list) throw new Error(`snapshot event names ${shape} are missing`);
        return [title, eventName, list];
      }),
      newestFirst,
      search,
    };
    const snapshot: Snapshot = {
      readAt: full.readAt,
      sources,
      files,
      articles: restorer.restoredArticles,
      parts: { athletes, terms, events, medals: full.medals },
    };
    reads.set(snapshot, read);
    if (match === 'by content') readByContent.add(snapshot);
    served = true;
    return snapshot;
  } catch {
    return null;
  } finally {
    // A served snapshot's region closes the file once it is read.
    if (!served) {
      if (region) region.abandon();
      else closeSync(fd);
    }
  }
}

const reads = new WeakMap<Snapshot, Promise<void>>();
/** Snapshots served after some file was read to compare its content: their stamps are out of date. */
const readByContent = new WeakSet<Snapshot>();

/**
 * After a start from `snapshot` that had to read files to compare their content (touched, copied or
 * checked out again, or changed just before the snapshot was written), writes their stamps as they are
 * now, so the next start reads none of them: the header line alone changes. Only a file still holding
 * the snapshot that was served is changed (another process may have replaced it); `current` and
 * `readAt` are those of the start that served it.
 */
export async function refreshStamps(
  dir: string,
  snapshot: Snapshot,
  current: CurrentSources,
  readAt: number,
): Promise<void> {
  if (!readByContent.has(snapshot)) return;
  const target = join(dir, FILE_NAME);
  const bytes = await readFile(target);
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return;
  const header = JSON.parse(bytes.toString('latin1', 0, newline)) as SnapshotHeader;
  const served = snapshot.sources;
  if (
    header.format !== SNAPSHOT_FORMAT ||
    header.code !== sourceCodeHash() ||
    header.sources.length !== served.length ||
    header.sources.some(([file, , , hash], i) => served[i]?.file !== file || served[i]?.hash !== hash)
  )
    return;
  const sources = header.sources.map(([file, , , hash, endsWithBreak]): SnapshotHeader['sources'][number] => {
    const stamp = current.stamps.get(file);
    return [file, stamp?.stamp ?? null, stamp?.changedMs ?? readAt, hash, endsWithBreak];
  });
  const head = Buffer.from(`${asciiJson({ ...header, readAt, sources })}\n`, 'latin1');
  await replaceFile(target, [
    head,
    Buffer.alloc(alignUp(head.length, PART_ALIGN) - head.length, 0x20),
    bytes.subarray(alignUp(newline + 1, PART_ALIGN)),
  ]);
  readByContent.delete(snapshot);
}

/**
 * Resolves once the parts of a snapshot that are read after the start (rows, article bodies,
 * appearances, prose) are in memory, so that no question waits for the disk.
 */
export function whenRead(snapshot: Snapshot): Promise<void> {
  return reads.get(snapshot) ?? Promise.resolve();
}

/** The header line, without its line break; null when the file has none. */
function readHeader(fd: number, size: number): Buffer | null {
  let chunk = 1 << 20;
  let bytes = Buffer.alloc(0);
  while (bytes.length < size) {
    const next = readRange(fd, bytes.length, Math.min(size, bytes.length + chunk));
    const newline = next.indexOf(0x0a);
    if (newline >= 0) return Buffer.concat([bytes, next.subarray(0, newline)]);
    bytes = Buffer.concat([bytes, next]);
    chunk *= 2;
  }
  return null;
}

/** Bytes [from, to) of the file, in a buffer of their own (so at offset 0 of it, aligned for any view). */
function readRange(fd: number, from: number, to: number): Buffer {
  const bytes = Buffer.allocUnsafeSlow(to - from);
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, from + done);
    if (read === 0) throw new Error('snapshot is shorter than it was');
    done += read;
  }
  return bytes;
}

function view<T extends (typeof PARTS)[PartName]>(
  bytes: Buffer,
  at: number,
  Type: T,
  length: number,
): InstanceType<T> {
  const offset = bytes.byteOffset + at;
  // A view when the bytes lie aligned, as a buffer of their own read from a multiple of 8 does; else a copy.
  return (
    offset % Type.BYTES_PER_ELEMENT === 0
      ? new Type(bytes.buffer as ArrayBuffer, offset, length)
      : new Type((bytes.buffer as ArrayBuffer).slice(offset, offset + length * Type.BYTES_PER_ELEMENT))
  ) as InstanceType<T>;
}

/**
 * The part of the file not needed to restore the indexes: read by a thread of the pool while the main
 * thread restores them (see whenRead), and read at once if something needs it before that read is in.
 * The file stays open until then: a snapshot written meanwhile replaces it by a rename, which leaves the
 * open file as it was.
 */
class LazyRegion {
  private read: Buffer | null = null;
  private pending = false;
  private closed = false;
  private abandoned = false;

  constructor(
    private readonly fd: number,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** Starts reading the region; resolves once it is read, or has failed (bytes() then reads it). */
  prefetch(): Promise<void> {
    const bytes = Buffer.allocUnsafeSlow(this.to - this.from);
    this.pending = true;
    return new Promise((resolve) => {
      // One read is enough for a snapshot under 2 GB; a short one leaves the bytes to bytes().
      read(this.fd, bytes, 0, bytes.length, this.from, (error, count) => {
        this.pending = false;
        if (!error && count === bytes.length) this.read ??= bytes;
        this.closeWhenDone();
        resolve();
      });
    });
  }

  bytes(): Buffer {
    if (!this.read) {
      if (this.closed) throw new Error('snapshot file is closed');
      this.read = readRange(this.fd, this.from, this.to);
      this.closeWhenDone();
    }
    return this.read;
  }

  /** The snapshot is not served: the file is closed once a read under way is done. */
  abandon(): void {
    this.abandoned = true;
    this.closeWhenDone();
  }

  private closeWhenDone(): void {
    if ((this.read || this.abandoned) && !this.pending && !this.closed) {
      this.closed = true;
      close(this.fd, () => undefined);
    }
  }
}

function alignUp(offset: number, to: number): number {
  return Math.ceil(offset / to) * to;
}

const NON_ASCII = /[\u007f-\uffff]/g;

/**
 * JSON with every non-ASCII code unit escaped: the header is then read as one-byte text, without decoding
 * UTF-8 or parsing the two-byte string that would make, and escapes are rare (names with diacritics).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NON_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes atomically (temp file, then rename) so a crash never leaves half a snapshot to be read. */
async function replaceFile(target: string, chunks: Uint8Array[]): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, chunks);
  await rename(temp, target);
}

export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, FILE_NAME);
  const { header, parts } = encode(snapshot);
  const head = Buffer.from(`${asciiJson(header)}\n`, 'latin1');
  const chunks: Uint8Array[] = [head, Buffer.alloc(alignUp(head.length, PART_ALIGN) - head.length, 0x20)];
  for (const name of PART_NAMES) {
    const part = parts[name];
    chunks.push(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
    chunks.push(Buffer.alloc(alignUp(part.byteLength, PART_ALIGN) - part.byteLength));
  }
  // The last part ends the file: no padding after it.
  chunks.pop();
  await replaceFile(target, chunks);
  await removeOthers(dir);
}

/** Snapshots of earlier layouts, named by their key: never read again. */
const OLD_SNAPSHOT = /^articles-[0-9a-f]+\.json$/;

async function removeOthers(dir: string): Promise<void> {
  const stale = (await readdir(dir)).filter((name) => OLD_SNAPSHOT.test(name));
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}
