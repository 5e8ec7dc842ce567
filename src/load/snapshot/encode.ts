import { endianness } from 'node:os';
import type { EventArticle, ResultRow } from '../../model/schemas.js';
import type { EventForms, EventIndexParts } from '../../search/events.js';
import { alignUp, asciiJson } from './file.js';
import {
  LAZY_FIELDS,
  MARK_NONE,
  MARK_STATUS,
  MARK_TIME,
  NONE,
  PART_ALIGN,
  PART_NAMES,
  ROW_WIDTH,
  SNAPSHOT_FORMAT,
} from './layout.js';
import type {
  EncodedRound,
  LazyField,
  PartArrays,
  Ref,
  Shell,
  Snapshot,
  SnapshotHeader,
  SnapshotMeta,
} from './layout.js';
import { sourceCodeHash } from './stamps.js';

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

export function encode(snapshot: Snapshot): { header: SnapshotHeader; parts: PartArrays } {
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
