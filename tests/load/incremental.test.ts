import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as loader from '../../src/load/loader.js';
import * as thread from '../../src/load/parse-thread.js';
import { DataStore } from '../../src/load/store.js';
import { SEEDS_DIR } from '../search/helpers.js';

// The store's own calls go through the mocks, so the test sees which files it parsed: at start on this
// thread, on a reload on the parse thread.
vi.mock('../../src/load/loader.js', async (importOriginal) => {
  const original = await importOriginal<typeof loader>();
  return { ...original, parseSource: vi.fn(original.parseSource) };
});
vi.mock('../../src/load/parse-thread.js', async (importOriginal) => {
  const original = await importOriginal<typeof thread>();
  return { ...original, parseOffThread: vi.fn(original.parseOffThread) };
});

const parsed = () =>
  [
    ...vi.mocked(loader.parseSource).mock.calls.map(([source]) => source.file),
    ...vi.mocked(thread.parseOffThread).mock.calls.flatMap(([sources]) => sources.map((s) => s.file)),
  ].sort();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skate-incremental-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('load/store reload', () => {
  it('parses only the files whose text changed', async () => {
    const store = await DataStore.open(dir);
    expect(parsed()).toHaveLength(3);
    const [first, second] = parsed();

    vi.mocked(loader.parseSource).mockClear();
    vi.mocked(thread.parseOffThread).mockClear();
    const unchanged = await store.reload();
    expect(parsed()).toStrictEqual([]);
    expect(unchanged).toMatchObject({ added: [], updated: [], removed: [], failed: [] });

    const file = join(dir, second!);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA line added by an editor.\n`);
    const report = await store.reload();
    expect(parsed()).toStrictEqual([second]);
    expect(report.updated).toStrictEqual([second]);
    expect(store.data.articles.map((a) => a.source)).toContain(first);
  });
});
