import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endsWithLineBreak, hashText } from '../loader.js';
import type { SourceFile, Stamp } from '../loader.js';
import type { SnapshotHeader, SourceState } from './layout.js';

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
const UNBUNDLED = /[\\/]load[\\/]snapshot$/;
let codeHash: string | null = null;

/**
 * A hash of the code, so that a snapshot written by other code is never served, without anyone having
 * to remember to bump a version. What a snapshot stores is made by the parser, the model, the indexes
 * and the Dataset, which import from render and i18n in turn: the whole source tree is hashed rather
 * than a list of folders that would have to follow the imports.
 */
export function sourceCodeHash(): string {
  if (codeHash !== null) return codeHash;
  const hash = createHash('sha256');
  // Run from source or tsc's output, this module is src/load/snapshot/ of a tree; bundled, it is a chunk
  // in dist/bundle/ and the tree two folders up is the project, not code.
  const tree = join(HERE, '..', '..');
  if (UNBUNDLED.test(HERE) && existsSync(join(tree, 'parse'))) {
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

/**
 * Whether the sources are those the snapshot was made from. A file whose stamp is the one recorded, and
 * was last changed well before it was read (see RACY_MS), is taken as unchanged without being read;
 * any other is read and its content hash compared, so a touched but unchanged file still matches.
 */
export function matches(header: SnapshotHeader, current: CurrentSources): 'by stamps' | 'by content' | false {
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
