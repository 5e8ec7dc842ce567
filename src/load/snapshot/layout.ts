import { createHash } from 'node:crypto';
import type { DatasetParts, MedalTable } from '../../domain/dataset.js';
import type { EventArticle, ResultRow, Round } from '../../model/schemas.js';
import type { EventForms, EventIndexParts } from '../../search/events.js';
import type { FileReport } from '../loader.js';

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

export const FILE_NAME = 'articles.json';

/** An index into the snapshot's `strings`; NONE stands for null. */
export type Ref = number;
export const NONE = -1;

// Offsets within a row. Nullable numbers use NONE: every one of them is non-negative when present.
export const LINE = 0;
export const RANK = 1;
export const NAME = 2;
export const ATHLETE = 3;
export const COUNTRY = 4;
export const PAIR = 5;
export const LANE = 6;
export const LAPS = 7;
/** MARK_NONE, MARK_STATUS or MARK_TIME. */
export const MARK = 8;
/** The status word or the time as written. */
export const MARK_TEXT = 9;
export const MARK_MS = 10;
export const MARK_DECIMALS = 11;
/** NONE when the row has no points. */
export const TOTAL = 12;
export const SPRINTS = 13;
export const BEHIND = 17;
/** An index into `noteLists`. */
export const NOTES = 18;
export const ROW_WIDTH = 19;

export const MARK_NONE = 0;
export const MARK_STATUS = 1;
export const MARK_TIME = 2;

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
export const LAZY_FIELDS = ['infobox', 'rounds', 'nocs', 'records'] as const satisfies ReadonlyArray<
  keyof EventArticle
>;
export type LazyField = (typeof LAZY_FIELDS)[number];
export type Shell = Omit<EventArticle, LazyField | 'sections'>;

/**
 * The binary parts, in file order, and the array type each is read as. Those from `appearances` on (the
 * rows, the articles' lazy fields, the skaters' appearances and the prose: most of the file) are not
 * needed to restore the indexes, and are read by a thread of the pool meanwhile (see LazyRegion).
 */
export const PARTS = {
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
export const FIRST_LAZY_PART = 'appearances';
export type PartName = keyof typeof PARTS;
type ArrayOf<T> = T extends Int32ArrayConstructor
  ? Int32Array
  : T extends Uint16ArrayConstructor
    ? Uint16Array
    : T extends Float64ArrayConstructor
      ? Float64Array
      : Uint8Array;
export type PartArrays = { [K in PartName]: ArrayOf<(typeof PARTS)[K]> };
export const PART_NAMES = Object.keys(PARTS) as PartName[];
export const ATHLETE_WIDTH = 3;
export const PART_ALIGN = 8;

/** The first line of the file: what decides whether the snapshot is read at all, and where its parts lie. */
export interface SnapshotHeader {
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
export interface SnapshotMeta {
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
export const HEADER_FIELDS = [
  'format',
  'code',
  'endianness',
  'readAt',
  'sources',
  'parts',
] as const satisfies ReadonlyArray<keyof SnapshotHeader>;
export const META_FIELDS = [
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

export type EncodedRound = Omit<Round, 'heats'> & {
  /** `rows`: how many rows of the block are this heat's. */
  heats: Array<{ number: number | null; rows: number }>;
};
