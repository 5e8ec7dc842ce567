import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { loadSources, readSourcesSync } from '../../src/load/loader.js';
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

  it('writes ASCII only, with the format number', async () => {
    const snapshot = snapshotOf(readSourcesSync(SEEDS_DIR));
    const names = snapshot.articles.flatMap((a) => a.rounds.flatMap((r) => r.heats.flatMap((h) => h.rows)));
    expect(names.some((row) => /[^\x20-\x7e]/.test(row.name))).toBe(true);
    await writeSnapshot(work, snapshot);
    const text = await readFile(await onlyFile(work), 'utf8');
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect((JSON.parse(text) as { format: unknown }).format).toBe(SNAPSHOT_FORMAT);
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

    const rewrite = async (change: (file: Record<string, unknown>) => unknown) =>
      writeFile(
        path,
        JSON.stringify(change(JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>)),
      );

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

    it('a file cut short', async () => {
      const text = await readFile(path, 'utf8');
      await writeFile(path, text.slice(0, text.length / 2));
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
    expect((JSON.parse(await readFile(path, 'utf8')) as { format: unknown }).format).toBe(SNAPSHOT_FORMAT);

    const fromSnapshot = await DataStore.open(dir, { snapshotDir: cache });
    expect(fromSnapshot.data.articles).toStrictEqual(fresh.data.articles);
    expect(fromSnapshot.status()).toStrictEqual(fresh.status());
  });
});
