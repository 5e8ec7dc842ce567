import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { encode } from './encode.js';
import { alignUp, asciiJson, replaceFile } from './file.js';
import { FILE_NAME, PART_ALIGN, PART_NAMES } from './layout.js';
import type { Snapshot } from './layout.js';

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
