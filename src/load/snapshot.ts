import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventArticle } from '../model/schemas.js';
import type { FileReport, SourceFile } from './loader.js';
import { hashText } from './loader.js';

/** What a snapshot holds: the parsed, validated articles and the per-file reports for one set of sources. */
export interface Snapshot {
  key: string;
  files: FileReport[];
  articles: EventArticle[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
let codeHash: Promise<string> | null = null;

/**
 * A hash of the parser's and model's own code, so a snapshot written by an older parser is never
 * served by a newer one, without anyone having to remember to bump a version.
 */
function parserCodeHash(): Promise<string> {
  codeHash ??= (async () => {
    const hash = createHash('sha256');
    // In the bundle (dist/bundle/) the parser is spread over its chunks, so they all key the snapshot: any
    // rebuild starts from the articles again, which costs one parse.
    const parse = join(HERE, '..', 'parse');
    const dirs = existsSync(parse) ? [parse, join(HERE, '..', 'model')] : [HERE];
    for (const dir of dirs) {
      for (const file of (await readdir(dir)).filter((f) => /\.(?:js|ts)$/.test(f)).sort()) {
        hash.update(file).update(await readFile(join(dir, file)));
      }
    }
    return hash.digest('hex');
  })();
  return codeHash;
}

/** The key of a set of sources: their names and contents, and the parser's code. */
export async function snapshotKey(sources: readonly SourceFile[]): Promise<string> {
  const hash = createHash('sha256').update(await parserCodeHash());
  for (const { file, text } of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(file).update('\0').update(hashText(text)).update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

function pathFor(dir: string, key: string): string {
  return join(dir, `articles-${key}.json`);
}

/** The snapshot for `key`, or null when there is none (or it cannot be read). */
export async function readSnapshot(dir: string, key: string): Promise<Snapshot | null> {
  try {
    const snapshot = JSON.parse(await readFile(pathFor(dir, key), 'utf8')) as Snapshot;
    return snapshot.key === key ? snapshot : null;
  } catch {
    return null;
  }
}

/** Writes atomically (temp file, then rename) so a crash never leaves half a snapshot to be read. */
export async function writeSnapshot(dir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = pathFor(dir, snapshot.key);
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, target);
}
