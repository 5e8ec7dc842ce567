import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/loader.js';
import { parseOffThread } from '../../src/load/parse-thread.js';
import { DataStore } from '../../src/load/store.js';
import type { ReloadReport } from '../../src/load/store.js';
import { SEEDS_DIR } from '../search/helpers.js';

const MEN = '000_1a0ef7e0fe2592fc.txt';
const ADDED = 'zz-5000m-women.txt';

let dir: string;
let original: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skate-thread-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
  original = await readFile(join(dir, MEN), 'utf8');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/**
 * The mass start with a results table of `rows` more lines that are not results (no Rank or Name
 * column): costly to read, and nothing to index, so what a reload costs the answering thread is parsing.
 */
function heavy(rows: number): string {
  const table = ['| Lap | Split |', ...Array.from({ length: rows }, (_, i) => `| ${i} | 28.${i % 100} |`)];
  return original.replace('==Results==', `==Splits==\n${table.join('\n')}\n\n==Results==`);
}

describe('load/parse-thread', () => {
  describe('parseOffThread', () => {
    it('gives what parseSource gives, for each file in order', async () => {
      const sources = [
        { file: 'a.txt', text: original },
        { file: 'b.txt', text: 'not an article' },
      ];
      expect(await parseOffThread(sources)).toStrictEqual(sources.map(parseSource));
    });
  });

  describe('DataStore.reload', () => {
    it('keeps the event loop turning while a big article is parsed', async () => {
      const store = await DataStore.open(dir);
      const text = heavy(300_000);
      // What the same parse costs when it runs on the answering thread.
      const started = performance.now();
      parseSource({ file: MEN, text });
      const inThread = performance.now() - started;

      await writeFile(join(dir, MEN), text);
      let longest = 0;
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 5);
      const report = await store.reload().finally(() => clearInterval(ticker));
      expect(report.updated).toStrictEqual([MEN]);
      // A timer waits at most a fraction of the parse: on this thread it would wait for all of it.
      expect(longest).toBeLessThan(inThread / 2);
    }, 60_000);

    it('reads a new, empty file again after the debounce instead of reporting it empty', async () => {
      const store = await DataStore.open(dir);
      const reports: Array<ReloadReport | Error> = [];
      const stop = store.watch((report) => reports.push(report), 20);
      try {
        // Created empty, as a writer creates a file before writing it: one change, then quiet.
        await writeFile(join(dir, ADDED), '');
        for (let i = 0; i < 500 && reports.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      } finally {
        stop();
      }
      // The retry came without a second change, and neither reload reported the file.
      expect(reports.length).toBeGreaterThanOrEqual(2);
      expect(reports.slice(0, 2).map((r) => (r instanceof Error ? r : r.failed))).toStrictEqual([[], []]);
      expect(store.status().files.map((f) => f.file)).not.toContain(ADDED);

      await writeFile(join(dir, ADDED), original.replaceAll("Men's mass start", "Women's 5000 metres"));
      expect((await store.reload()).added).toStrictEqual([ADDED]);
    });

    it('reports a file that stays empty once it has been read empty a few times', async () => {
      const store = await DataStore.open(dir);
      await writeFile(join(dir, ADDED), '');
      expect((await store.reload()).failed).toStrictEqual([]);
      expect((await store.reload()).failed).toStrictEqual([]);
      expect((await store.reload()).failed).toStrictEqual([{ file: ADDED, keptPrevious: false }]);
      const diagnostics = store.status().files.find((f) => f.file === ADDED)?.diagnostics;
      expect(diagnostics?.map((d) => d.message)).toStrictEqual(['empty article']);
    });
  });
});
