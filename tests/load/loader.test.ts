import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashText, loadDirectory, loadSources } from '../../src/load/loader.js';
import type { SourceFile } from '../../src/load/loader.js';
import { SEEDS_DIR } from '../search/helpers.js';

const SEED_FILES = ['000_1a0ef7e0fe2592fc.txt', '001_b655e7eba899887c.txt', '002_719e20d4052c2932.txt'];
const SEED_IDS = ['mass-start-men-2026', 'mass-start-women-2026', 'short-track-1000m-men-2026'];
const MASS_START_MEN_TITLE = "= Speed skating at the 2026 Winter Olympics – Men's mass start =";

const seeds: SourceFile[] = await Promise.all(
  SEED_FILES.map(async (file) => ({ file, text: await readFile(join(SEEDS_DIR, file), 'utf8') })),
);
const [massStartMen, , shortTrack] = seeds as [SourceFile, SourceFile, SourceFile];

/** Files that cannot load, each with the error's message and where it points. */
const BROKEN: Array<{
  what: string;
  text: string;
  message: RegExp;
  line: number;
  column: number;
  at: string;
}> = [
  { what: 'an empty file', text: '', message: /empty/, line: 1, column: 1, at: '' },
  {
    what: 'no title line',
    text: 'Infobox\n- Event: Men’s mass start\n',
    message: /title line/,
    line: 1,
    column: 1,
    at: 'Infobox',
  },
  {
    what: 'a title after blank lines that names no Olympics',
    text: "\n\n= Speed skating at the World Championships – Men's mass start =\n",
    message: /title does not name/,
    line: 3,
    column: 1,
    at: "= Speed skating at the World Championships – Men's mass start =",
  },
  {
    what: 'a title that names no event',
    text: '= Speed skating at the 2026 Winter Olympics – ... =\n',
    message: /names no event/,
    line: 1,
    column: 47,
    at: '= Speed skating at the 2026 Winter Olympics – ... =',
  },
];

describe('load/loader', () => {
  describe('loadDirectory', () => {
    it('loads the three seeds with no diagnostics', async () => {
      const { articles, files } = await loadDirectory(SEEDS_DIR);
      expect(articles.map((article) => article.id)).toStrictEqual(SEED_IDS);
      expect(files.map(({ file, eventId, diagnostics }) => ({ file, eventId, diagnostics }))).toStrictEqual(
        SEED_FILES.map((file, i) => ({ file, eventId: SEED_IDS[i], diagnostics: [] })),
      );
    });

    describe('in a folder of mixed files', () => {
      let dir = '';
      beforeAll(async () => {
        dir = await mkdtemp(join(tmpdir(), 'loader-test-'));
        await copyFile(join(SEEDS_DIR, SEED_FILES[2]!), join(dir, 'b-short-track.txt'));
        await writeFile(join(dir, 'a-broken.txt'), 'not an article\n');
        // Articles under other names: were any read, it would load as a duplicate or a second event.
        await copyFile(join(SEEDS_DIR, SEED_FILES[2]!), join(dir, 'notes.md'));
        await copyFile(join(SEEDS_DIR, SEED_FILES[0]!), join(dir, 'b-mass-start.txt.bak'));
        await copyFile(join(SEEDS_DIR, SEED_FILES[0]!), join(dir, 'README'));
      });
      afterAll(async () => {
        await rm(dir, { recursive: true, force: true });
      });

      it('reads only .txt files, reports the broken one with its position and loads the rest', async () => {
        const { articles, files } = await loadDirectory(dir);
        expect(articles.map((article) => article.id)).toStrictEqual(['short-track-1000m-men-2026']);
        expect(files.map(({ file, eventId, diagnostics }) => ({ file, eventId, diagnostics }))).toStrictEqual(
          [
            {
              file: 'a-broken.txt',
              eventId: null,
              diagnostics: [
                {
                  severity: 'error',
                  message: expect.stringMatching(/title line/) as string,
                  position: { source: 'a-broken.txt', line: 1, column: 1, text: 'not an article' },
                },
              ],
            },
            { file: 'b-short-track.txt', eventId: 'short-track-1000m-men-2026', diagnostics: [] },
          ],
        );
      });
    });
  });

  describe('loadSources', () => {
    it.each(BROKEN)('reports $what at $line:$column, skips it and loads the others', (broken) => {
      const { articles, files } = loadSources([...seeds, { file: 'broken.txt', text: broken.text }]);
      expect(articles.map((article) => article.id)).toStrictEqual(SEED_IDS);
      expect(files.find((report) => report.file === 'broken.txt')).toStrictEqual({
        file: 'broken.txt',
        hash: hashText(broken.text),
        eventId: null,
        diagnostics: [
          {
            severity: 'error',
            message: expect.stringMatching(broken.message) as string,
            position: { source: 'broken.txt', line: broken.line, column: broken.column, text: broken.at },
          },
        ],
      });
    });

    it('keeps the first of two files with one event id and reports the second', () => {
      const { articles, files } = loadSources([
        { file: 'b-again.txt', text: massStartMen.text },
        massStartMen,
        shortTrack,
      ]);
      expect(articles.map((article) => [article.id, article.source])).toStrictEqual([
        ['mass-start-men-2026', SEED_FILES[0]],
        ['short-track-1000m-men-2026', SEED_FILES[2]],
      ]);
      expect(files.map((report) => [report.file, report.eventId])).toStrictEqual([
        [SEED_FILES[0], 'mass-start-men-2026'],
        [SEED_FILES[2], 'short-track-1000m-men-2026'],
        ['b-again.txt', null],
      ]);
      expect(files[2]?.diagnostics).toStrictEqual([
        {
          severity: 'error',
          message: `event mass-start-men-2026 is already loaded from ${SEED_FILES[0]}; this file is skipped`,
          position: {
            source: 'b-again.txt',
            line: 1,
            column: 1,
            text: MASS_START_MEN_TITLE.slice(2, -2),
          },
        },
      ]);
    });

    it('orders files by code unit, not by locale, so the same duplicate is kept everywhere', () => {
      // Locale collation puts "a" before "Z"; readSources (and the store) sort "Z" first.
      const { articles, files } = loadSources([
        { file: 'a-copy.txt', text: massStartMen.text },
        { file: 'Z-copy.txt', text: massStartMen.text },
      ]);
      expect(articles.map((article) => article.source)).toStrictEqual(['Z-copy.txt']);
      expect(files.map((report) => [report.file, report.eventId])).toStrictEqual([
        ['Z-copy.txt', 'mass-start-men-2026'],
        ['a-copy.txt', null],
      ]);
    });

    it('loads an article with a broken fact and keeps the warning, with file and line, on its report', () => {
      const text = massStartMen.text.replace('| 2 | 3 | 3 | 60 | 68 |', '| 2 | 3 | 3 | 60 | 69 |');
      expect(text).not.toBe(massStartMen.text);
      const { articles, files } = loadSources([{ file: 'edited.txt', text }]);
      expect(articles.map((article) => article.id)).toStrictEqual(['mass-start-men-2026']);
      // The Total check points at the edited row; the infobox check at the winning value it no longer matches.
      expect(
        files[0]?.diagnostics.map((d) => [d.severity, d.position.source, d.position.line, d.position.text]),
      ).toStrictEqual([
        ['warning', 'edited.txt', 66, '| 1 | Jorrit Bergsma | | 16 | 2 | 3 | 3 | 60 | 69 | 7:55.50 |'],
        ['warning', 'edited.txt', 10, '- Win Value: 68'],
      ]);
    });

    it('gives an empty result for no files', () => {
      expect(loadSources([])).toStrictEqual({ articles: [], files: [] });
    });
  });

  describe('hashText', () => {
    it('is the sha256 of the text, in hex', () => {
      expect(hashText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
      expect(hashText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    });
  });
});
