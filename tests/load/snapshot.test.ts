import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeCorpus } from '../../bench/generate.js';
import { Dataset } from '../../src/domain/index.js';
import { loadSources, readSourcesSync, stampSources } from '../../src/load/loader.js';
import { SNAPSHOT_FORMAT, readSnapshot, sourceStates, writeSnapshot } from '../../src/load/snapshot/index.js';
import type { CurrentSources, Snapshot } from '../../src/load/snapshot/index.js';
import { DataStore } from '../../src/load/store.js';
import { SEEDS_DIR } from '../search/helpers.js';

let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'skate-snapshot-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A folder of articles: the seeds, or a generated corpus. */
async function folder(name: string, from: 'seeds' | 'corpus' = 'seeds'): Promise<string> {
  const dir = join(work, name);
  if (from === 'seeds') await cp(SEEDS_DIR, dir, { recursive: true });
  else writeCorpus(dir, { scale: 4, seed: 7 });
  return dir;
}

/** What DataStore.open writes for `dir`: stamps first, then the read, the parse and the Dataset's parts. */
function snapshotOf(dir: string, readAt = Date.now()): Snapshot {
  const stamps = stampSources(dir);
  const sources = readSourcesSync(dir);
  const { articles, files } = loadSources(sources);
  return {
    readAt,
    sources: sourceStates(sources, stamps, readAt),
    files,
    articles,
    parts: new Dataset(articles).parts(),
  };
}

function current(dir: string): CurrentSources {
  return { dir, stamps: stampSources(dir) };
}

/** The JSON line a snapshot starts with, and the parts: the bytes after it, from the next multiple of 8. */
async function split(
  path: string,
): Promise<{ header: Record<string, unknown>; headerText: string; block: Buffer }> {
  const bytes = await readFile(path);
  const newline = bytes.indexOf(0x0a);
  const headerText = bytes.subarray(0, newline).toString('latin1');
  return {
    header: JSON.parse(headerText) as Record<string, unknown>,
    headerText,
    block: bytes.subarray(Math.ceil((newline + 1) / 8) * 8),
  };
}

/** Rewrites the header, padded as the writer pads it, so the parts still lie where they should. */
async function rewrite(path: string, change: (header: Record<string, unknown>) => unknown): Promise<void> {
  const { header, block } = await split(path);
  const json = JSON.stringify(change(header)).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const head = `${json}\n`;
  const padded = head.padEnd(Math.ceil(head.length / 8) * 8, ' ');
  await writeFile(path, Buffer.concat([Buffer.from(padded, 'latin1'), block]));
}

async function onlyFile(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

describe('load/snapshot', () => {
  // The seeds have points, status words, lanes and notes; the generated corpus has many more of each.
  it.each([['the seeds', 'seeds'] as const, ['a generated corpus', 'corpus'] as const])(
    'reads back exactly what it wrote, for %s',
    async (_, from) => {
      const dir = await folder('sources', from);
      const snapshot = snapshotOf(dir);
      await writeSnapshot(work, snapshot);
      const read = readSnapshot(work, current(dir));
      expect(read).toStrictEqual(snapshot);
    },
  );

  it('writes one file, and removes the snapshots of the layout that named them by key', async () => {
    const dir = await folder('seeds');
    await writeFile(join(work, `articles-${'ab'.repeat(16)}.json`), '{}');
    await writeFile(join(work, 'notes.json'), '{}');
    const snapshot = snapshotOf(dir);
    await writeSnapshot(work, snapshot);
    expect((await readdir(work)).sort()).toStrictEqual(['articles.json', 'notes.json', 'seeds']);
    expect(readSnapshot(work, current(dir))).toStrictEqual(snapshot);
  });

  it('starts with a line of ASCII JSON with the format number', async () => {
    const dir = await folder('seeds');
    const snapshot = snapshotOf(dir);
    const names = snapshot.articles.flatMap((a) => a.rounds.flatMap((r) => r.heats.flatMap((h) => h.rows)));
    expect(names.some((row) => /[^\x20-\x7e]/.test(row.name))).toBe(true);
    await writeSnapshot(work, snapshot);
    const { header, headerText } = await split(join(work, 'articles.json'));
    expect(headerText).toMatch(/^[\x20-\x7e]*$/);
    expect(header.format).toBe(SNAPSHOT_FORMAT);
  });

  // Run from the sources, the code hash is of every file under src/ (the bundle's is of its entry points
  // and chunk names): a hash of anything less would let a snapshot made by other code be served.
  it('stamps the header with a hash of the whole source tree', async () => {
    const dir = await folder('seeds');
    await writeSnapshot(work, snapshotOf(dir));
    const { header } = await split(join(work, 'articles.json'));
    const tree = join(import.meta.dirname, '..', '..', 'src');
    const files = readdirSync(tree, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(?:js|ts|json)$/.test(f))
      .sort();
    expect(files).toContain(join('load', 'snapshot', 'stamps.ts'));
    expect(files).toContain(join('parse', 'article.ts'));
    const hash = createHash('sha256');
    for (const file of files) hash.update(file).update(readFileSync(join(tree, file)));
    expect(header.code).toBe(hash.digest('hex'));
  });

  it('keeps strings with astral characters and lone surrogates', async () => {
    const dir = await folder('seeds');
    const snapshot = snapshotOf(dir);
    const row = snapshot.articles[0]!.rounds[0]!.heats[0]!.rows[0]!;
    row.name = 'Ølaf 🐧 \ud800 Tanaka';
    row.behind = '+0.5\udfff';
    await writeSnapshot(work, snapshot);
    expect(readSnapshot(work, current(dir))).toStrictEqual(snapshot);
  });

  describe('refuses, so that the articles are parsed again', () => {
    let snapshot: Snapshot;
    let dir: string;
    let path: string;

    beforeEach(async () => {
      dir = await folder('seeds');
      snapshot = snapshotOf(dir);
      await writeSnapshot(work, snapshot);
      path = await onlyFile(work);
    });

    const read = () => readSnapshot(work, current(dir));

    it('nothing, when it is only rewritten as the writer writes it', async () => {
      await rewrite(path, (header) => header);
      expect(read()).toStrictEqual(snapshot);
    });

    it('a prose part cut short', async () => {
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, -1));
      expect(read()).toBeNull();
    });

    it('a prose part that is not one JSON array', async () => {
      const bytes = Buffer.from(await readFile(path));
      bytes[bytes.length - 1] = 0x7d;
      await writeFile(path, bytes);
      expect(read()).toBeNull();
    });

    it('bytes after the prose', async () => {
      await writeFile(path, Buffer.concat([await readFile(path), Buffer.from('[]')]));
      expect(read()).toBeNull();
    });

    it('a header without the table of parts', async () => {
      await rewrite(path, ({ parts: _, ...header }) => header);
      expect(read()).toBeNull();
    });

    it('the format before formats were numbered (articles as objects)', async () => {
      await writeFile(path, JSON.stringify(snapshot));
      expect(read()).toBeNull();
    });

    it.each([SNAPSHOT_FORMAT - 1, SNAPSHOT_FORMAT + 1, String(SNAPSHOT_FORMAT), null])(
      'format %j',
      async (format) => {
        await rewrite(path, (file) => ({ ...file, format }));
        expect(read()).toBeNull();
      },
    );

    // The code hash covers the parser, the model, the indexes and the Dataset: a snapshot made by other
    // code may hold articles, skaters or indexes this code would not make.
    it('one written by other code', async () => {
      await rewrite(path, (file) => ({ ...file, code: 'f'.repeat(64) }));
      expect(read()).toBeNull();
    });

    it.each([0.3, 0.99])('a file cut short, at %d of its length', async (at) => {
      const bytes = await readFile(path);
      await writeFile(path, bytes.subarray(0, Math.floor(bytes.length * at)));
      expect(read()).toBeNull();
    });

    it('parts that overlap', async () => {
      await rewrite(path, (file) => {
        const parts = file.parts as Record<string, [number, number]>;
        return { ...file, parts: { ...parts, articleRows: [parts.rows![0], parts.articleRows![1]] } };
      });
      expect(read()).toBeNull();
    });

    it('rows no article holds', async () => {
      await rewrite(path, (file) => {
        const parts = file.parts as Record<string, [number, number]>;
        return { ...file, parts: { ...parts, rows: [parts.rows![0], parts.rows![1] - 19] } };
      });
      expect(read()).toBeNull();
    });

    it('another byte order', async () => {
      await rewrite(path, (header) => ({ ...header, endianness: header.endianness === 'LE' ? 'BE' : 'LE' }));
      expect(read()).toBeNull();
    });

    it('skaters that do not match their parts', async () => {
      await rewrite(path, (file) => {
        const parts = file.parts as Record<string, [number, number]>;
        return {
          ...file,
          parts: { ...parts, tokenStarts: [parts.tokenStarts![0], parts.tokenStarts![1] - 1] },
        };
      });
      expect(read()).toBeNull();
    });

    it('a meta part that is not JSON', async () => {
      const bytes = Buffer.from(await readFile(path));
      const { header } = await split(path);
      const meta = (header.parts as Record<string, [number, number]>).meta!;
      bytes[bytes.indexOf(0x0a) + 1 + ((8 - ((bytes.indexOf(0x0a) + 1) % 8)) % 8) + meta[0] + 1] = 0x7d;
      await writeFile(path, bytes);
      expect(read()).toBeNull();
    });

    it('JSON that is not an object', async () => {
      await writeFile(path, 'null');
      expect(read()).toBeNull();
    });
  });

  // The stamps (size, times, inode) stand for the files' content; where a stamp cannot be trusted the
  // content is read and its hash compared. `readAt` is moved in the header to put a file inside or
  // outside the window in which a stamp is not trusted, and a wrong hash shows whether the content was read.
  describe('checks the sources by their stamps', () => {
    let dir: string;
    let path: string;
    const file = '000_1a0ef7e0fe2592fc.txt';

    beforeEach(async () => {
      dir = await folder('seeds');
      await writeSnapshot(work, snapshotOf(dir));
      path = await onlyFile(work);
    });

    type Source = [string, string | null, number, string, boolean];
    /** Sets readAt, and gives `file` a wrong content hash. */
    const withReadAt = (readAt: (source: Source) => number) =>
      rewrite(path, (header) => {
        const sources = header.sources as Source[];
        const mine = sources.find(([name]) => name === file)!;
        return {
          ...header,
          readAt: readAt(mine),
          sources: sources.map((s) => (s === mine ? [s[0], s[1], s[2], '0'.repeat(64), s[4]] : s)),
        };
      });

    it('takes a file whose stamp is unchanged, and older than the window, without reading it', async () => {
      await withReadAt(([, , changedMs]) => changedMs + 60_000);
      expect(readSnapshot(work, current(dir))).not.toBeNull();
    });

    it('reads a file changed within the window before the snapshot read it, however equal its stamp', async () => {
      await withReadAt(([, , changedMs]) => changedMs + 1000);
      expect(readSnapshot(work, current(dir))).toBeNull();
    });

    it('reads a file whose stamp changed: serves when its content did not change', async () => {
      await rewrite(path, (header) => ({ ...header, readAt: (header.readAt as number) + 60_000 }));
      const later = new Date(Date.now() + 5000);
      await utimes(join(dir, file), later, later);
      expect(readSnapshot(work, current(dir))).not.toBeNull();
    });

    it('refuses an edit of the same size with a new modification time', async () => {
      await rewrite(path, (header) => ({ ...header, readAt: (header.readAt as number) + 60_000 }));
      const text = await readFile(join(dir, file), 'utf8');
      const edited = text.replace('Jordan Stolz', 'Jordan Stolt');
      expect(edited).not.toBe(text);
      expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
      await writeFile(join(dir, file), edited);
      const later = new Date(Date.now() + 5000);
      await utimes(join(dir, file), later, later);
      expect(readSnapshot(work, current(dir))).toBeNull();
    });

    it('refuses an edit of the same size with the modification time set back', async () => {
      await rewrite(path, (header) => ({ ...header, readAt: (header.readAt as number) + 60_000 }));
      const before = stampSources(dir).get(file)!;
      const text = await readFile(join(dir, file), 'utf8');
      await writeFile(join(dir, file), text.replace('Jordan Stolz', 'Jordan Stolt'));
      const mtime = new Date(Number(before.stamp.split(':')[1]!));
      await utimes(join(dir, file), mtime, mtime);
      expect(readSnapshot(work, current(dir))).toBeNull();
    });

    it('refuses a folder with a file added, removed or renamed', async () => {
      await rewrite(path, (header) => ({ ...header, readAt: (header.readAt as number) + 60_000 }));
      const text = await readFile(join(dir, file), 'utf8');
      await writeFile(join(dir, 'extra.txt'), '');
      expect(readSnapshot(work, current(dir))).toBeNull();
      await rm(join(dir, 'extra.txt'));
      expect(readSnapshot(work, current(dir))).not.toBeNull();
      await rm(join(dir, file));
      expect(readSnapshot(work, current(dir))).toBeNull();
      await writeFile(join(dir, `x${file}`), text);
      expect(readSnapshot(work, current(dir))).toBeNull();
    });
  });

  // A start that had to read files to compare them (their stamps changed, their content did not) writes
  // their stamps as they are now, so that the next start need not read them again.
  it('DataStore serves a snapshot of touched files, then writes their new stamps', async () => {
    const dir = await folder('seeds');
    const cache = join(work, 'cache');
    await DataStore.open(dir, { snapshotDir: cache });
    const path = join(cache, 'articles.json');
    type Source = [string, string | null, number, string, boolean];
    const first = (await split(path)).header;
    const before = first.sources as Source[];
    const later = new Date(Date.now() + 5000);
    for (const [file] of before) await utimes(join(dir, file), later, later);
    const now = stampSources(dir);
    expect(before.map(([file, stamp]) => stamp === now.get(file)!.stamp)).not.toContain(true);

    const store = await DataStore.open(dir, { snapshotDir: cache });
    // Served from the snapshot: its articles are still read on first use.
    expect(Object.getOwnPropertyDescriptor(store.data.articles[0], 'rounds')?.get).toBeTypeOf('function');
    await vi.waitFor(async () => {
      const sources = (await split(path)).header.sources as Source[];
      expect(sources.map(([file, stamp]) => [file, stamp])).toStrictEqual(
        before.map(([file]) => [file, now.get(file)!.stamp]),
      );
    });
    const after = await split(path);
    expect((after.header.sources as Source[]).map(([file, , , hash]) => [file, hash])).toStrictEqual(
      before.map(([file, , , hash]) => [file, hash]),
    );
    expect(after.header.readAt).toBeGreaterThan(first.readAt as number);
    expect(readSnapshot(cache, current(dir))!.articles).toStrictEqual(snapshotOf(dir).articles);
  });

  // The indexes come out of the snapshot rather than being built at start: they must answer exactly as
  // ones built from the articles do.
  it.each([['the seeds', 'seeds'] as const, ['a generated corpus', 'corpus'] as const])(
    'restores indexes that answer as freshly built ones, for %s',
    async (_, from) => {
      const dir = await folder('sources', from);
      await writeSnapshot(work, snapshotOf(dir));
      const read = readSnapshot(work, current(dir))!;
      const restored = new Dataset(read.articles, read.parts);
      const fresh = new Dataset(loadSources(readSourcesSync(dir)).articles);
      const ids = (list: ReadonlyArray<{ id: string }>) => list.map((a) => a.id);
      const outcome = (
        r: ReturnType<typeof fresh.athletes.resolve> | ReturnType<typeof fresh.events.resolve>,
      ) =>
        r.kind === 'found'
          ? r.value.id
          : r.kind === 'ambiguous'
            ? ids(r.candidates)
            : r.suggestions.map((s) => (typeof s === 'string' ? s : s.id));
      const names = fresh.athletes.athletes.map((a) => a.name);
      expect(names.length).toBeGreaterThan(20);
      const queries = names.flatMap((name) => {
        const [first = '', last = first] = name.split(' ');
        return [
          name,
          name.slice(0, 4),
          last,
          `${last} ${first}`,
          `${name.slice(0, -1)}x`,
          name.toLowerCase(),
        ];
      });
      for (const query of queries) {
        expect(ids(restored.athletes.suggest(query))).toStrictEqual(ids(fresh.athletes.suggest(query)));
        expect(outcome(restored.athletes.resolve(query))).toStrictEqual(
          outcome(fresh.athletes.resolve(query)),
        );
      }
      const eventQueries = [
        ...fresh.articles.flatMap((e) => [
          e.id,
          e.eventName,
          e.title,
          e.discipline,
          `${e.discipline} ${e.games.year}`,
        ]),
        '1000m',
        'mass-start-men',
        'massastart mannen',
        '500',
        'women',
        'relay',
        'shorttrak',
        '',
        'm',
        '매스',
        'se',
      ];
      for (const query of eventQueries) {
        expect(ids(restored.events.suggest(query))).toStrictEqual(ids(fresh.events.suggest(query)));
        // The caller's language ranks first: the names per language come back from the snapshot too.
        for (const locale of ['nl', 'ko', 'it'] as const)
          expect(ids(restored.events.suggest(query, 25, locale)), `${locale} ${query}`).toStrictEqual(
            ids(fresh.events.suggest(query, 25, locale)),
          );
        expect(outcome(restored.events.resolve(query))).toStrictEqual(outcome(fresh.events.resolve(query)));
      }
      expect(restored.medalTable()).toStrictEqual(fresh.medalTable());
      for (const athlete of fresh.athletes.athletes.slice(0, 50)) {
        expect(restored.summary(restored.athletes.get(athlete.id)!)).toStrictEqual(fresh.summary(athlete));
      }
    },
  );

  it('DataStore starts from a snapshot of an older format as from none, and replaces it', async () => {
    const dir = join(work, 'seeds');
    const cache = join(work, 'cache');
    await cp(SEEDS_DIR, dir, { recursive: true });
    const fresh = await DataStore.open(dir, { snapshotDir: cache });
    const path = await onlyFile(cache);
    const snapshot = snapshotOf(dir);
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

  it('leaves the rounds, rows and infobox of an article unread until it is first used', async () => {
    const dir = await folder('seeds');
    const snapshot = snapshotOf(dir);
    await writeSnapshot(work, snapshot);
    const read = readSnapshot(work, current(dir))!;
    const [first, second] = read.articles;
    for (const field of ['rounds', 'infobox', 'nocs'])
      expect(Object.getOwnPropertyDescriptor(first, field)?.get).toBeTypeOf('function');
    const athlete = read.parts.athletes.find((a) => a.id === 'jordan-stolz')!;
    expect(Object.getOwnPropertyDescriptor(athlete, 'appearances')?.get).toBeTypeOf('function');
    expect(first!.infobox).toStrictEqual(snapshot.articles[0]!.infobox);
    // The whole article at once, then plain properties, as a parsed article's.
    for (const field of ['rounds', 'infobox', 'nocs'])
      expect(Object.getOwnPropertyDescriptor(first, field)).toMatchObject({ writable: true });
    expect(Object.getOwnPropertyDescriptor(second, 'rounds')?.get).toBeTypeOf('function');
    expect(first!.rounds).toStrictEqual(snapshot.articles[0]!.rounds);
    // A skater's rows are the rows of the articles' heats, not copies.
    const appearance = athlete.appearances[0]!;
    expect(appearance.event.rounds).toContain(appearance.round);
    expect(appearance.round.heats).toContain(appearance.heat);
    expect(appearance.heat.rows).toContain(appearance.row);
    expect(Object.getOwnPropertyDescriptor(athlete, 'appearances')).toMatchObject({ writable: true });
  });

  it('leaves the prose unparsed until the sections of an article are first read', async () => {
    const dir = await folder('seeds');
    const snapshot = snapshotOf(dir);
    await writeSnapshot(work, snapshot);
    const read = readSnapshot(work, current(dir))!;
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
