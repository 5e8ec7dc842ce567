import { close, read, readSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { PARTS, PartName } from './layout.js';

/** The header line, without its line break; null when the file has none. */
export function readHeader(fd: number, size: number): Buffer | null {
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
export function readRange(fd: number, from: number, to: number): Buffer {
  const bytes = Buffer.allocUnsafeSlow(to - from);
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, from + done);
    if (read === 0) throw new Error('snapshot is shorter than it was');
    done += read;
  }
  return bytes;
}

export function view<T extends (typeof PARTS)[PartName]>(
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
export class LazyRegion {
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

export function alignUp(offset: number, to: number): number {
  return Math.ceil(offset / to) * to;
}

const NON_ASCII = /[\u007f-\uffff]/g;

/**
 * JSON with every non-ASCII code unit escaped: the header is then read as one-byte text, without decoding
 * UTF-8 or parsing the two-byte string that would make, and escapes are rare (names with diacritics).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    NON_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Writes atomically (temp file, then rename) so a crash never leaves half a snapshot to be read. */
export async function replaceFile(target: string, chunks: Uint8Array[]): Promise<void> {
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, chunks);
  await rename(temp, target);
}
