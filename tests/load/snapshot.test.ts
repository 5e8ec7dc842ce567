import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { loadSources, readSourceBytesSync, readSourcesSync } from '../../src/load/loader.js';
import type { SourceFile } from '../../src/load/loader.js';
import { SNAPSHOT_FORMAT, readSnapshot, snapshotKey, writeSnapshot } from '../../src/load/snapshot.js';
import type { Snapshot } from '../../src/load/snapshot.js';
import { DataStore } from '../../src/load/store.js';
import { SEEDS_DIR } from '../search/helpers.js';

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'skate-snapshot-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function snapshotOf(sources: SourceFile[]): Snapshot {
  const { articles, files } = loadSources(sources);
  return { key: snapshotKey(sources), files, articles };
}

/** The JSON line a snapshot starts with, and the rows: the bytes after it, from the next multiple of 4. */
async function split(
  path: string,
): Promise<{ header: Record<string, unknown>; headerText: string; block: Buffer }> {
  const bytes = await readFile(path);
  const newline = bytes.indexOf(0x0a);
  const headerText = bytes.subarray(0, newline).toString('latin1');
  return {
    header: JSON.parse(headerText) as Record<string, unknown>,
    headerText,
    block: bytes.subarray(Math.ceil((newline + 1) / 4) * 4),
  };
}

async function onlyFile(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

describe('load/snapshot', () => {
  // The seeds have points, status words, lanes and notes; the generated corpus has many more of each.
  it.each([
    ['the seeds', () => readSourcesSync(SEEDS_DIR)],
    ['a generated corpus', () => generateCorpus({ scale: 4, seed: 7 })],
  ])('reads back exactly what it wrote, for %s', async (_, sources) => {
    const snapshot = snapshotOf(sources());
    await writeSnapshot(work, snapshot);
    const read = readSnapshot(work, snapshot.key);
    expect(read).toStrictEqual(snapshot);
  });

  it('keeps only the current snapshot: writing one removes the others', async () => {
    const seeds = readSourcesSync(SEEDS_DIR);
    const older = snapshotOf(seeds.slice(0, 1));
    await writeSnapshot(work, older);
    await writeFile(join(work, 'notes.json'), '{}');
    const current = snapshotOf(seeds);
    await writeSnapshot(work, current);
    expect((await readdir(work)).sort()).toStrictEqual([`articles-${current.key}.json`, 'notes.json']);
    expect(readSnapshot(work, current.key)).toStrictEqual(current);
  });

  it('keys a folder read as bytes (at start) as it keys the same folder read as text', () => {
    const bytes = readSourceBytesSync(SEEDS_DIR);
    const key = snapshotKey(bytes);
    expect(snapshotKey(readSourcesSync(SEEDS_DIR))).toBe(key);
    // A change of one byte, or of a name, or bytes moved from one file to the next, is another key.
    const [first, second, ...rest] = bytes;
    const flipped = Buffer.from(first!.bytes);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 2) ^ 1, flipped.length - 2);
    expect(snapshotKey([{ ...first!, bytes: flipped }, second!, ...rest])).not.toBe(key);
    expect(snapshotKey([{ ...first!, file: `x${first!.file}` }, second!, ...rest])).not.toBe(key);
    const moved = [
      { file: first!.file, bytes: first!.bytes.subarray(0, -1) },
      { file: second!.file, bytes: Buffer.concat([first!.bytes.subarray(-1), second!.bytes]) },
      ...rest,
    ];
    expect(snapshotKey(moved)).not.toBe(key);
  });

  it('starts with a line of ASCII JSON with the format number', async () => {
    const snapshot = snapshotOf(readSourcesSync(SEEDS_DIR));
    const names = snapshot.articles.flatMap((a) => a.rounds.flatMap((r) => r.heats.flatMap((h) => h.rows)));
    expect(names.some((row) => /[^\x20-\x7e]/.test(row.name))).toBe(true);
    await writeSnapshot(work, snapshot);
    const { header, headerText } = await split(await onlyFile(work));
    expect(headerText).toMatch(/^[\x20-\x7e]*$/);
    expect(header.format).toBe(SNAPSHOT_FORMAT);
  });

  it('keeps strings with astral characters and lone surrogates', async () => {
    const snapshot = snapshotOf(readSourcesSync(SEEDS_DIR));
    const row = snapshot.articles[0]!.rounds[0]!.heats[0]!.rows[0]!;
    row.name = 'Ølaf 🐧 \ud800 Tanaka';
    row.behind = '+0.5\udfff';
    await writeSnapshot(work, snapshot);
    expect(readSnapshot(work, snapshot.key)).toStrictEqual(snapshot);
  });

  describe('refuses, so that the articles are parsed again', () => {
    let snapshot: Snapshot;
    let path: string;

    beforeEach(async () => {
      snapshot = snapshotOf(readSourcesSync(SEEDS_DIR));
      await writeSnapshot(work, snapshot);
      path = await onlyFile(work);
    });

    /** Rewrites the header, padded as the writer pads it, so the rows still lie where they should. */
    const rewrite = async (change: (header: Record<string, unknown>) => unknown) => {
      const { header, block } = await split(path);
      const json = JSON.stringify(change(header)).replace(
        /[\u007f-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      const head = `${json}\n`;
      const padded = head.padEnd(Math.ceil(head.length / 4) * 4, ' ');
      await writeFile(path, Buffer.concat([Buffer.from(padded, 'latin1'), block]));
    };

    it('nothing, when it is only rewritten as the writer writes it', async () => {
      await rewrite((header) => header);
      expect(readSnapshot(work, snapshot.key)).toStrictEqual(snapshot);
    });

    it('a prose part cut short', async () => {
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, -1));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('a prose part that is not one JSON array', async () => {
      const bytes = Buffer.from(await readFile(path));
      bytes[bytes.length - 1] = 0x7d;
      await writeFile(path, bytes);
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('bytes after the prose', async () => {
      await writeFile(path, Buffer.concat([await readFile(path), Buffer.from('[]')]));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('a header without the prose length (the layout with the prose in the header)', async () => {
      await rewrite(({ prose: _, ...header }) => header);
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('the format before formats were numbered (articles as objects)', async () => {
      await writeFile(path, JSON.stringify(snapshot));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it.each([SNAPSHOT_FORMAT - 1, SNAPSHOT_FORMAT + 1, String(SNAPSHOT_FORMAT), null])(
      'format %j',
      async (format) => {
        await rewrite((file) => ({ ...file, format }));
        expect(readSnapshot(work, snapshot.key)).toBeNull();
      },
    );

    it('another key', async () => {
      await rewrite((file) => ({ ...file, key: 'f'.repeat(32) }));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it.each([0.3, 0.99])('a file cut short, at %d of its length', async (at) => {
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * at)));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('rows no heat holds', async () => {
      await writeFile(path, Buffer.concat([await readFile(path), Buffer.alloc(19 * 4)]));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('another byte order', async () => {
      await rewrite((header) => ({ ...header, endianness: header.endianness === 'LE' ? 'BE' : 'LE' }));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('a row that names a string the table does not have', async () => {
      await rewrite((file) => ({ ...file, strings: [] }));
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });

    it('JSON that is not an object', async () => {
      await writeFile(path, 'null');
      expect(readSnapshot(work, snapshot.key)).toBeNull();
    });
  });

  it('DataStore starts from a snapshot of an older format as from none, and replaces it', async () => {
    const dir = join(work, 'seeds');
    const cache = join(work, 'cache');
    await cp(SEEDS_DIR, dir, { recursive: true });
    const fresh = await DataStore.open(dir, { snapshotDir: cache });
    const path = await onlyFile(cache);
    const snapshot = snapshotOf(readSourcesSync(dir));
    // The layout written before formats were numbered.
    await writeFile(path, JSON.stringify(snapshot));

    const reopened = await DataStore.open(dir, { snapshotDir: cache });
    expect(reopened.data.articles).toStrictEqual(fresh.data.articles);
    expect(reopened.status().files).toStrictEqual(fresh.status().files);
    expect((await split(path)).header.format).toBe(SNAPSHOT_FORMAT);

    const fromSnapshot = await DataStore.open(dir, { snapshotDir: cache });
    expect(fromSnapshot.data.articles).toStrictEqual(fresh.data.articles);
    expect(fromSnapshot.status()).toStrictEqual(fresh.status());
  });

  // Whether each file ended with a line break is read from its bytes on a start from a snapshot; a version
  // cut mid-line after such a start must still be taken for one being written, not served.
  it('DataStore from a snapshot keeps the last version of a file then caught mid-write', async () => {
    const dir = join(work, 'seeds');
    const cache = join(work, 'cache');
    await cp(SEEDS_DIR, dir, { recursive: true });
    await DataStore.open(dir, { snapshotDir: cache });
    const store = await DataStore.open(dir, { snapshotDir: cache });
    const file = '000_1a0ef7e0fe2592fc.txt';
    const original = await readFile(join(dir, file), 'utf8');
    await writeFile(join(dir, file), original.slice(0, original.indexOf('| 4 | Jordan Stolz |') + 12));
    const report = await store.reload();
    expect(report.failed).toStrictEqual([{ file, keptPrevious: true }]);
    expect(store.data.podium(store.data.events.get('mass-start-men-2026')!).places).toHaveLength(3);
  });

  it('leaves the prose unparsed until the sections of an article are first read', async () => {
    const snapshot = snapshotOf(readSourcesSync(SEEDS_DIR));
    await writeSnapshot(work, snapshot);
    const read = readSnapshot(work, snapshot.key)!;
    const [first, second] = read.articles;
    expect(Object.getOwnPropertyDescriptor(first, 'sections')?.get).toBeTypeOf('function');
    expect(first!.sections).toStrictEqual(snapshot.articles[0]!.sections);
    // Read once, then a plain property, as a parsed article's.
    expect(Object.getOwnPropertyDescriptor(first, 'sections')).toMatchObject({ writable: true });
    expect(second!.sections).toStrictEqual(snapshot.articles[1]!.sections);
  });

  // What a start from a snapshot serves must be what a start that parses serves, for every query the
  // seeds can be asked: each event's podium and prose, each skater by their name and by a prefix of it,
  // the medal table, and the full-text search over words of the prose.
  it('DataStore from a snapshot answers as one that parsed, for every seed event and skater', async () => {
    const dir = join(work, 'seeds');
    const cache = join(work, 'cache');
    await cp(SEEDS_DIR, dir, { recursive: true });
    const parsed = (await DataStore.open(dir)).data;
    await DataStore.open(dir, { snapshotDir: cache });
    const data = (await DataStore.open(dir, { snapshotDir: cache })).data;
    expect(data).not.toBe(parsed);
    for (const event of parsed.articles) {
      const same = data.events.get(event.id)!;
      expect(data.podium(same)).toStrictEqual(parsed.podium(event));
      expect(same.sections).toStrictEqual(event.sections);
      expect(data.events.resolve(event.eventName)).toStrictEqual(parsed.events.resolve(event.eventName));
    }
    const ids = (list: Array<{ id: string }>) => list.map((a) => a.id);
    for (const athlete of parsed.athletes.athletes) {
      const same = data.athletes.get(athlete.id)!;
      expect(data.summary(same)).toStrictEqual(parsed.summary(athlete));
      expect(ids(data.athletes.suggest(athlete.name))).toStrictEqual(
        ids(parsed.athletes.suggest(athlete.name)),
      );
      const prefix = athlete.name.slice(0, 4);
      expect(ids(data.athletes.suggest(prefix))).toStrictEqual(ids(parsed.athletes.suggest(prefix)));
    }
    expect(data.medalTable()).toStrictEqual(parsed.medalTable());
    const words = parsed.articles.flatMap((a) =>
      a.sections.flatMap((s) =>
        s.paragraphs.flatMap((p) =>
          p
            .split(/\s+/)
            .filter((w) => w.length > 6)
            .slice(0, 2),
        ),
      ),
    );
    expect(words.length).toBeGreaterThan(10);
    const hit = (h: ReturnType<typeof data.text.query>[number]) =>
      h.kind === 'athlete' ? h.athlete.id : h.kind === 'event' ? h.event.id : `${h.event.id}:${h.paragraph}`;
    for (const word of words) {
      expect(data.text.query(word, 10).map(hit)).toStrictEqual(parsed.text.query(word, 10).map(hit));
    }
  });
});
