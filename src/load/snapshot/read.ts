import { closeSync, fstatSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { join } from 'node:path';
import type { EventIndexParts } from '../../search/events.js';
import type { TermIndexParts } from '../../search/term-parts.js';
import type { FileReport } from '../loader.js';
import { LazyRegion, alignUp, asciiJson, readHeader, readRange, replaceFile, view } from './file.js';
import {
  ATHLETE_WIDTH,
  FILE_NAME,
  FIRST_LAZY_PART,
  HEADER_FIELDS,
  META_FIELDS,
  PARTS,
  PART_ALIGN,
  PART_NAMES,
  SNAPSHOT_FORMAT,
} from './layout.js';
import type { PartArrays, PartName, Snapshot, SnapshotHeader, SnapshotMeta } from './layout.js';
import { Restorer } from './restore.js';
import { matches, sourceCodeHash } from './stamps.js';
import type { CurrentSources } from './stamps.js';

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
