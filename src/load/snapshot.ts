import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventArticle, Mark, ResultRow, Section } from '../model/schemas.js';
import type { FileReport, SourceBytes, SourceFile } from './loader.js';

/** What a snapshot holds: the parsed, validated articles and the per-file reports for one set of sources. */
export interface Snapshot {
  key: string;
  files: FileReport[];
  articles: EventArticle[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
let codeHash: string | null = null;

/**
 * A hash of the parser's and model's own code, so a snapshot written by an older parser is never
 * served by a newer one, without anyone having to remember to bump a version.
 */
function parserCodeHash(): string {
  if (codeHash !== null) return codeHash;
  const hash = createHash('sha256');
  // In the bundle (dist/bundle/) the parser is spread over its chunks, so they all key the snapshot: any
  // rebuild starts from the articles again, which costs one parse.
  const parse = join(HERE, '..', 'parse');
  const dirs = existsSync(parse) ? [parse, join(HERE, '..', 'model')] : [HERE];
  for (const dir of dirs) {
    for (const file of readdirSync(dir)
      .filter((f) => /\.(?:js|ts)$/.test(f))
      .sort()) {
      hash.update(file).update(readFileSync(join(dir, file)));
    }
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

/**
 * The key of a set of sources: their names and contents, and the parser's code. Sources may be given as
 * bytes, as at start (no UTF-8 decoding when the snapshot is there), or as text: a text hashes as its
 * UTF-8 bytes, so a valid file keys the same either way.
 */
export function snapshotKey(sources: ReadonlyArray<SourceFile | SourceBytes>): string {
  const hash = createHash('sha256').update(parserCodeHash());
  // Code-unit order, as the loader reads them: no locale, and no sorting work for a folder already in order.
  const sorted = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const source of sorted) {
    const content = 'bytes' in source ? source.bytes : Buffer.from(source.text, 'utf8');
    // One hash over everything, each file framed by its name and length so no two sets run together.
    hash.update(source.file).update(`\0${content.length}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 32);
}

function pathFor(dir: string, key: string): string {
  // Still .json (its first line is), so a snapshot of an older format with this key is overwritten, not left behind.
  return join(dir, `articles-${key}.json`);
}

// Rows are most of a snapshot, and written as objects every key would repeat in each. Here the file is
// one line of JSON (the articles without their rows, and a table of every string the rows hold) followed
// by the rows themselves: int32s, ROW_WIDTH to a row, heat after heat in article order, read as a view of
// the file's bytes. After the rows comes the prose (every article's sections, as one JSON array in
// article order): only an event's page and the full-text search read it, so it is parsed on first use
// rather than before the bot can answer, and it is half of what the header would otherwise hold. Parsing objects and arrays of rows that are garbage once the rows are built would
// spend as long in the GC as in JSON.parse; and a name, a time or a note is one string in memory however
// many rows hold it.

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

/** The fields of the header line, every one of them (the type sees to it). */
const HEADER_FIELDS = [
  'format',
  'key',
  'endianness',
  'files',
  'strings',
  'noteLists',
  'articles',
  'rows',
  'prose',
] as const satisfies ReadonlyArray<keyof SnapshotHeader>;
const HEADER_COMPLETE: Exclude<keyof SnapshotHeader, (typeof HEADER_FIELDS)[number]> extends never
  ? true
  : false = true;

/**
 * The layout of the file, as a number derived from what decides it: the row layout and width, the null
 * marker, and the header's fields. A snapshot of another layout is ignored (and rewritten) rather than
 * misread, and changing the layout changes this without anyone having to remember to.
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
      }),
    )
    .digest('hex')
    .slice(0, 8),
  16,
);

interface EncodedArticle extends Omit<EventArticle, 'rounds' | 'sections'> {
  rounds: Array<
    Omit<EventArticle['rounds'][number], 'heats'> & {
      /** `rows`: how many rows of the block are this heat's. */
      heats: Array<{ number: number | null; rows: number }>;
    }
  >;
}

interface SnapshotHeader {
  format: number;
  key: string;
  /** The writer's byte order: the block is read as it lies in the file. */
  endianness: 'LE' | 'BE';
  files: FileReport[];
  strings: string[];
  /** The distinct lists of note codes, as indexes into `strings`; the first is the empty list. */
  noteLists: Ref[][];
  articles: EncodedArticle[];
  /** Rows in the block. */
  rows: number;
  /** Bytes of prose after the block: ASCII JSON, each article's sections in article order. */
  prose: number;
}

const ALIGN = Int32Array.BYTES_PER_ELEMENT;

function encode(snapshot: Snapshot): { header: SnapshotHeader; block: Int32Array; prose: Buffer } {
  const strings: string[] = [];
  const refs = new Map<string, Ref>();
  const ref = (s: string | null): Ref => {
    if (s === null) return NONE;
    let at = refs.get(s);
    if (at === undefined) {
      at = strings.push(s) - 1;
      refs.set(s, at);
    }
    return at;
  };
  const noteLists: Ref[][] = [[]];
  const noteRefs = new Map<string, number>([['', 0]]);
  const notesRef = (notes: string[]): number => {
    const list = notes.map(ref);
    const id = list.join(',');
    let at = noteRefs.get(id);
    if (at === undefined) {
      at = noteLists.push(list) - 1;
      noteRefs.set(id, at);
    }
    return at;
  };
  const orNone = (n: number | null): number => n ?? NONE;
  const out: number[] = [];
  const encodeRows = (rows: ResultRow[]): number => {
    for (const row of rows) {
      const { mark, points } = row;
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
        notesRef(row.notes),
      );
    }
    return rows.length;
  };
  const articles = snapshot.articles.map(({ sections: _, ...article }) => ({
    ...article,
    rounds: article.rounds.map((round) => ({
      ...round,
      heats: round.heats.map((heat) => ({ number: heat.number, rows: encodeRows(heat.rows) })),
    })),
  }));
  const prose = Buffer.from(asciiJson(snapshot.articles.map((a) => a.sections)), 'latin1');
  const block = new Int32Array(out.length);
  for (let i = 0; i < out.length; i++) {
    const value = out[i]!;
    // An int32 holds any line, rank or time of a real article (2^31 ms is 24 days); a value that does not
    // fit fails the write, and the next start parses instead of reading a wrong number.
    if ((value | 0) !== value) throw new RangeError(`${value} does not fit a snapshot row`);
    block[i] = value;
  }
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    key: snapshot.key,
    endianness: endianness(),
    files: snapshot.files,
    strings,
    noteLists,
    articles,
    rows: out.length / ROW_WIDTH,
    prose: prose.length,
  };
  return { header, block, prose };
}

function decode(file: SnapshotHeader, block: Int32Array, proseBytes: Buffer): Snapshot {
  const { strings, noteLists } = file;
  if (block.length !== file.rows * ROW_WIDTH) throw new Error('snapshot rows are cut short');
  let next = 0;
  const at = (i: number): string => {
    const s = strings[i];
    if (s === undefined) throw new Error(`snapshot string ${i} is missing`);
    return s;
  };
  const orNull = (n: number): number | null => (n === NONE ? null : n);
  const atOrNull = (i: number): string | null => (i === NONE ? null : at(i));
  const notesAt = (i: number): string[] => {
    const list = noteLists[i];
    if (list === undefined) throw new Error(`snapshot note list ${i} is missing`);
    return list.length === 0 ? [] : list.map(at);
  };
  const decodeRows = (count: number): ResultRow[] => {
    const r = block;
    const end = next + count * ROW_WIDTH;
    if (!Number.isSafeInteger(count) || count < 0 || end > r.length)
      throw new Error('snapshot rows are cut short');
    const rows: ResultRow[] = [];
    for (let i = next; i < end; i += ROW_WIDTH) {
      const kind = r[i + MARK];
      const total = r[i + TOTAL]!;
      const mark: Mark =
        kind === MARK_TIME
          ? {
              kind: 'time',
              time: { text: at(r[i + MARK_TEXT]!), ms: r[i + MARK_MS]!, decimals: r[i + MARK_DECIMALS]! },
            }
          : kind === MARK_STATUS
            ? { kind: 'status', text: at(r[i + MARK_TEXT]!) }
            : { kind: 'none' };
      // Keys in the order the parser writes them, so decoded rows share their objects' shape with parsed ones.
      rows.push({
        line: r[i + LINE]!,
        rank: orNull(r[i + RANK]!),
        name: at(r[i + NAME]!),
        athleteId: at(r[i + ATHLETE]!),
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
        notes: notesAt(r[i + NOTES]!),
      });
    }
    next = end;
    return rows;
  };
  // In place: the encoded articles are garbage the moment they are decoded, so copying them only feeds the GC.
  for (const article of file.articles) {
    for (const round of article.rounds) {
      for (const heat of round.heats) {
        (heat as { rows: unknown }).rows = decodeRows(heat.rows);
      }
    }
  }
  if (next !== block.length) throw new Error('snapshot has rows no heat holds');
  const prose = lazyProse(proseBytes, file.articles.length);
  const order = new WeakMap<object, number>();
  const settle = (article: object, sections: Section[]) =>
    Object.defineProperty(article, 'sections', {
      value: sections,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  // One getter for every article, not a closure each: articles whose accessors differ differ in shape, and
  // every pass over the articles (the indexes built at start) would then be megamorphic.
  const sections: PropertyDescriptor = {
    configurable: true,
    enumerable: true,
    get(this: object): Section[] {
      const value = prose()[order.get(this)!]!;
      settle(this, value);
      return value;
    },
    set(this: object, value: Section[]) {
      settle(this, value);
    },
  };
  file.articles.forEach((article, i) => {
    order.set(article, i);
    Object.defineProperty(article, 'sections', sections);
  });
  return { key: file.key, files: file.files, articles: file.articles as unknown as EventArticle[] };
}

/**
 * Every article's sections, parsed once on first call. The bytes were checked to hold one JSON array
 * when the snapshot was read; a file changed on disk since is not read again, so what fails here is a
 * snapshot written wrong, and it throws rather than serve an event without its prose.
 */
function lazyProse(bytes: Buffer, articles: number): () => Section[][] {
  let parsed: Section[][] | null = null;
  return () => {
    if (parsed) return parsed;
    const value = JSON.parse(bytes.toString('latin1')) as unknown;
    if (!Array.isArray(value) || value.length !== articles)
      throw new Error('snapshot prose does not match its articles');
    parsed = value as Section[][];
    return parsed;
  };
}

/**
 * The snapshot for `key`, or null when there is none, it cannot be read, or it is of another format.
 * Synchronous: it is read once, at start, before anything else is served.
 */
export function readSnapshot(dir: string, key: string): Snapshot | null {
  let header: Partial<SnapshotHeader>;
  let block: Int32Array;
  let prose: Buffer;
  try {
    const bytes = readFileSync(pathFor(dir, key));
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) return null;
    // The header is ASCII (see writeSnapshot), so it is read without UTF-8 decoding, into a one-byte string.
    header = JSON.parse(bytes.toString('latin1', 0, newline)) as Partial<SnapshotHeader>;
    if (header === null || typeof header !== 'object') return null;
    const start = alignUp(newline + 1);
    const rows = header.rows;
    if (typeof rows !== 'number' || typeof header.prose !== 'number') return null;
    const length = rows * ROW_WIDTH;
    const end = start + length * ALIGN;
    if (!Number.isSafeInteger(length) || length < 0 || end + header.prose !== bytes.length) return null;
    // A copy of the prose alone, so the rest of the file is not held until the prose is first read.
    prose = Buffer.from(bytes.subarray(end));
    // The prose is one JSON array; anything else is refused now rather than found out on first use.
    if (prose.at(0) !== 0x5b || prose.at(-1) !== 0x5d) return null;
    // A view when the bytes lie aligned, which a file read whole into its own buffer does; else a copy.
    block =
      (bytes.byteOffset + start) % ALIGN === 0
        ? new Int32Array(bytes.buffer, bytes.byteOffset + start, length)
        : new Int32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + end));
  } catch {
    return null;
  }
  if (
    header.format !== SNAPSHOT_FORMAT ||
    header.key !== key ||
    header.endianness !== endianness() ||
    !Array.isArray(header.strings) ||
    !Array.isArray(header.noteLists) ||
    !Array.isArray(header.articles) ||
    !Array.isArray(header.files)
  )
    return null;
  try {
    return decode(header as SnapshotHeader, block, prose);
  } catch {
    return null;
  }
}

function alignUp(offset: number): number {
  return Math.ceil(offset / ALIGN) * ALIGN;
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
export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = pathFor(dir, snapshot.key);
  const temp = `${target}.${process.pid}.tmp`;
  const { header, block, prose } = encode(snapshot);
  const head = Buffer.from(`${asciiJson(header)}\n`, 'latin1');
  const padding = Buffer.alloc(alignUp(head.length) - head.length, 0x20);
  await writeFile(temp, [
    head,
    padding,
    new Uint8Array(block.buffer, block.byteOffset, block.byteLength),
    prose,
  ]);
  await rename(temp, target);
  await removeOthers(dir, target);
}

const SNAPSHOT_FILE = /^articles-[0-9a-f]+\.json$/;

/** Removes every snapshot but `keep`: each is keyed by sources and code that are gone, and never read again. */
async function removeOthers(dir: string, keep: string): Promise<void> {
  const stale = (await readdir(dir)).filter((name) => SNAPSHOT_FILE.test(name) && join(dir, name) !== keep);
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
}
