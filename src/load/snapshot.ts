import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventArticle, Mark, ResultRow } from '../model/schemas.js';
import type { FileReport, SourceFile } from './loader.js';
import { hashText } from './loader.js';

/** What a snapshot holds: the parsed, validated articles and the per-file reports for one set of sources. */
export interface Snapshot {
  key: string;
  files: FileReport[];
  articles: EventArticle[];
}

/**
 * The layout of the file. Bump it whenever `encode` changes: the key covers the parser's code and the
 * sources, not this file, and a snapshot of another format is ignored (and rewritten) rather than misread.
 */
export const SNAPSHOT_FORMAT = 2;

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

/** The key of a set of sources: their names and contents, and the parser's code. */
export function snapshotKey(sources: readonly SourceFile[]): string {
  const hash = createHash('sha256').update(parserCodeHash());
  for (const { file, text } of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(file).update('\0').update(hashText(text)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

function pathFor(dir: string, key: string): string {
  return join(dir, `articles-${key}.json`);
}

// Rows are ~75% of a snapshot written as objects (100k rows at 1000x, every key repeated in each), and a
// skater's name and key recur in every row they race. As arrays with names in a shared table the file is
// about a third the size, and each name is one string in memory however many rows hold it.

/** A string, or its index in the snapshot's `strings`. */
type Ref = number;
/** Time: [text, ms, decimals]; status: its text; none: null. */
type EncodedMark = [string, number, number] | string | null;
type EncodedRow = [
  line: number,
  rank: number | null,
  name: Ref,
  athleteId: Ref,
  country: Ref | null,
  pair: number | null,
  lane: Ref | null,
  laps: number | null,
  /** [s1, s2, s3, s4, total] */
  points: [number | null, number | null, number | null, number | null, number] | null,
  mark: EncodedMark,
  behind: string | null,
  notes: Ref[],
];

interface EncodedArticle extends Omit<EventArticle, 'rounds'> {
  rounds: Array<
    Omit<EventArticle['rounds'][number], 'heats'> & {
      heats: Array<{ number: number | null; rows: EncodedRow[] }>;
    }
  >;
}

interface SnapshotFile {
  format: number;
  key: string;
  files: FileReport[];
  strings: string[];
  articles: EncodedArticle[];
}

function encodeMark(mark: Mark): EncodedMark {
  if (mark.kind === 'time') return [mark.time.text, mark.time.ms, mark.time.decimals];
  return mark.kind === 'status' ? mark.text : null;
}

function decodeMark(mark: EncodedMark): Mark {
  if (mark === null) return { kind: 'none' };
  if (typeof mark === 'string') return { kind: 'status', text: mark };
  return { kind: 'time', time: { text: mark[0], ms: mark[1], decimals: mark[2] } };
}

function encode(snapshot: Snapshot): SnapshotFile {
  const strings: string[] = [];
  const refs = new Map<string, Ref>();
  const ref = (s: string): Ref => {
    let at = refs.get(s);
    if (at === undefined) {
      at = strings.push(s) - 1;
      refs.set(s, at);
    }
    return at;
  };
  const refOrNull = (s: string | null): Ref | null => (s === null ? null : ref(s));
  const encodeRow = (row: ResultRow): EncodedRow => [
    row.line,
    row.rank,
    ref(row.name),
    ref(row.athleteId),
    refOrNull(row.country),
    row.pair,
    refOrNull(row.lane),
    row.laps,
    row.points ? [...row.points.sprints, row.points.total] : null,
    encodeMark(row.mark),
    row.behind,
    row.notes.map(ref),
  ];
  const articles = snapshot.articles.map((article) => ({
    ...article,
    rounds: article.rounds.map((round) => ({
      ...round,
      heats: round.heats.map((heat) => ({ number: heat.number, rows: heat.rows.map(encodeRow) })),
    })),
  }));
  return { format: SNAPSHOT_FORMAT, key: snapshot.key, files: snapshot.files, strings, articles };
}

function decode(file: SnapshotFile): Snapshot {
  const { strings } = file;
  const at = (i: Ref): string => {
    const s = strings[i];
    if (s === undefined) throw new Error(`snapshot string ${i} is missing`);
    return s;
  };
  const decodeRow = (r: EncodedRow): ResultRow => {
    const points = r[8];
    const notes = r[11];
    // Keys in the order the parser writes them, so decoded rows share their objects' shape with parsed ones.
    return {
      line: r[0],
      rank: r[1],
      name: at(r[2]),
      athleteId: at(r[3]),
      country: r[4] === null ? null : at(r[4]),
      pair: r[5],
      lane: r[6] === null ? null : at(r[6]),
      laps: r[7],
      points:
        points === null ? null : { sprints: [points[0], points[1], points[2], points[3]], total: points[4] },
      mark: decodeMark(r[9]),
      behind: r[10],
      notes: notes.length === 0 ? [] : notes.map(at),
    };
  };
  // In place: the encoded articles are garbage the moment they are decoded, so copying them only feeds the GC.
  for (const article of file.articles) {
    for (const round of article.rounds) {
      for (const heat of round.heats) {
        const rows = heat.rows as unknown as Array<EncodedRow | ResultRow>;
        for (let i = 0; i < rows.length; i++) rows[i] = decodeRow(rows[i] as EncodedRow);
      }
    }
  }
  return { key: file.key, files: file.files, articles: file.articles as unknown as EventArticle[] };
}

/**
 * The snapshot for `key`, or null when there is none, it cannot be read, or it is of another format.
 * Synchronous: it is read once, at start, before anything else is served.
 */
export function readSnapshot(dir: string, key: string): Snapshot | null {
  let file: Partial<SnapshotFile>;
  try {
    // Written as ASCII (see writeSnapshot), so read without UTF-8 decoding, into a one-byte string.
    file = JSON.parse(readFileSync(pathFor(dir, key), 'latin1')) as Partial<SnapshotFile>;
  } catch {
    return null;
  }
  if (
    file === null ||
    typeof file !== 'object' ||
    file.format !== SNAPSHOT_FORMAT ||
    file.key !== key ||
    !Array.isArray(file.strings) ||
    !Array.isArray(file.articles) ||
    !Array.isArray(file.files)
  )
    return null;
  try {
    return decode(file as SnapshotFile);
  } catch {
    return null;
  }
}

const NON_ASCII = /[\u007f-\uffff]/g;

/**
 * JSON with every non-ASCII code unit escaped: decoding UTF-8 (and parsing the two-byte string it makes)
 * was a fifth of reading a snapshot, and escapes are rare (names with diacritics).
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
  await writeFile(temp, asciiJson(encode(snapshot)));
  await rename(temp, target);
}
