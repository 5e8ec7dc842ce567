import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as thread from '../../src/load/parse-thread.js';
import { DataStore } from '../../src/load/store.js';
import { SEEDS_DIR } from '../search/helpers.js';

// The writer goes on writing while the reload parses what it read: the mock finishes the file first.
vi.mock('../../src/load/parse-thread.js', async (importOriginal) => {
  const original = await importOriginal<typeof thread>();
  return { ...original, parseOffThread: vi.fn(original.parseOffThread) };
});

const MEN = '000_1a0ef7e0fe2592fc.txt';
const MEN_ID = 'mass-start-men-2026';

let dir: string;
let original: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skate-writing-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
  original = await readFile(join(dir, MEN), 'utf8');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('load/store', () => {
  describe('DataStore.reload', () => {
    it('keeps the last version of a file read while still being written, even cut at a line break', async () => {
      const store = await DataStore.open(dir);
      const final = () => store.data.events.get(MEN_ID)?.rounds.at(-1)?.heats[0]?.rows;
      const served = final();
      const edited = original.replace('8:04.51', '8:04.52');
      // Cut at the start of a row of the final: it reads as a whole, shorter article.
      const cut = edited.slice(0, edited.indexOf('| 4 | Jordan Stolz |'));
      await writeFile(join(dir, MEN), cut);
      const real = vi.mocked(thread.parseOffThread).getMockImplementation()!;
      vi.mocked(thread.parseOffThread).mockImplementationOnce(async (sources) => {
        await writeFile(join(dir, MEN), edited);
        return real(sources);
      });

      const caught = await store.reload();
      expect(caught.failed).toStrictEqual([{ file: MEN, keptPrevious: true }]);
      const [error] = store.status().files.find((f) => f.file === MEN)?.diagnostics ?? [];
      expect([error?.position.line, error?.message]).toStrictEqual([
        cut.split('\n').length,
        'the file was still being written when it was read; the last complete version is served',
      ]);
      expect(final()).toBe(served);

      // Once the writer is done, the next reload serves the whole new version.
      expect((await store.reload()).updated).toStrictEqual([MEN]);
      expect(final()?.[3]?.mark).toStrictEqual({
        kind: 'time',
        time: { text: '8:04.52', ms: 484_520, decimals: 2 },
      });
      expect(final()).toHaveLength(served?.length ?? -1);
    });
  });
});
