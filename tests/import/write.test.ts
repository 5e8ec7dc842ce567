import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDirectory } from '../../src/load/loader.js';
import { describeChanges, fileNameFor, writeArticle } from '../../src/import/write.js';

const TITLE = "Speed skating at the 1964 Winter Olympics – Men's 5000 metres";
const FILE = 'speed-skating-at-the-1964-winter-olympics-mens-5000-metres.txt';

/** A small article in the dump format with the header the converter writes (source, revision, retrieval, licence). */
function article(revid: number, rows: string[], retrieved = '2026-12-06'): string {
  return [
    `# Source: ${TITLE} (https://en.wikipedia.org/wiki/Speed_skating_at_the_1964_Winter_Olympics_%E2%80%93_Men's_5000_metres)`,
    `# Revision: ${revid}`,
    `# Retrieved: ${retrieved}T12:00:00.000Z`,
    '# Licence: text from Wikipedia, CC BY-SA 4.0',
    `= ${TITLE} =`,
    '',
    '== Results ==',
    '| Pair | Rank | Name | Country | Time | Notes |',
    ...rows,
    '',
  ].join('\n');
}

const ROWS = [
  '| 1 | 1 | Knut Solberg | NOR | 7:38.4 | OR |',
  '| 2 | 2 | Per Haugen | NOR | 7:38.6 | |',
  '| 3 | 3 | Fred Maurer | SUI | 7:39.6 | |',
  '| 4 | 4 | Nils Aas | NOR | 7:42.0 | |',
];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skate-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('write', () => {
  describe('fileNameFor', () => {
    it.each([
      [TITLE, FILE],
      [
        'Short-track speed skating at the 2026 Winter Olympics – Women’s 500 metres',
        'short-track-speed-skating-at-the-2026-winter-olympics-womens-500-metres.txt',
      ],
      [
        "Speed skating at the 2014 Winter Olympics – Ladies' 1000 metres (Jílek)",
        'speed-skating-at-the-2014-winter-olympics-ladies-1000-metres-jilek.txt',
      ],
      ['!!!', 'article.txt'],
    ])('%s -> %s', (title, file) => expect(fileNameFor(title)).toBe(file));
  });

  describe('writeArticle', () => {
    it('writes a file the loader then serves, under a name made from the title, and leaves no temporary file', async () => {
      const outcome = await writeArticle(article(100, ROWS), TITLE, dir);
      expect(outcome).toMatchObject({ kind: 'imported', file: FILE, eventId: '5000m-men-1964' });
      expect(readdirSync(dir)).toStrictEqual([FILE]);
      const loaded = await loadDirectory(dir);
      expect(loaded.articles.map((a) => a.id)).toStrictEqual(['5000m-men-1964']);
      expect(loaded.articles[0]?.rounds[0]?.heats[0]?.rows.map((r) => [r.name, r.country])).toStrictEqual([
        ['Knut Solberg', 'NOR'],
        ['Per Haugen', 'NOR'],
        ['Fred Maurer', 'SUI'],
        ['Nils Aas', 'NOR'],
      ]);
    });

    it('creates the output folder when it is not there', async () => {
      const out = join(dir, 'new', 'seeds');
      expect((await writeArticle(article(100, ROWS), TITLE, out)).kind).toBe('imported');
      expect(readdirSync(out)).toStrictEqual([FILE]);
    });

    it('refuses what the parser rejects, with the position of each problem, and writes nothing', async () => {
      const broken = article(100, ROWS).replace(`= ${TITLE} =`, '= Speed skating – no Games named =');
      // Line 5: after the four header lines.
      const outcome = await writeArticle(broken, TITLE, dir);
      expect(outcome).toStrictEqual({
        kind: 'refused',
        file: FILE,
        problems: [
          `${FILE}:5:1: title does not name "<sport> at the <year> <season> Olympics – <event>"\n  = Speed skating – no Games named =`,
        ],
      });
      expect(readdirSync(dir)).toStrictEqual([]);
    });

    it('refuses an article whose event another file already serves, naming that file', async () => {
      writeFileSync(join(dir, '000_hand-written.txt'), article(1, ROWS.slice(0, 2)));
      const outcome = await writeArticle(article(100, ROWS), TITLE, dir);
      expect(outcome).toStrictEqual({
        kind: 'refused',
        file: FILE,
        problems: [
          `${FILE}: event 5000m-men-1964 is already served from 000_hand-written.txt; remove that file to import this article`,
        ],
      });
      expect(readdirSync(dir)).toStrictEqual(['000_hand-written.txt']);
    });

    it('does nothing for the same revision imported again, even on another day', async () => {
      await writeArticle(article(100, ROWS, '2026-12-01'), TITLE, dir);
      const before = statSync(join(dir, FILE)).mtimeMs;
      await new Promise((resolve) => setTimeout(resolve, 20));
      const outcome = await writeArticle(article(100, ROWS, '2026-12-06'), TITLE, dir);
      expect(outcome).toStrictEqual({ kind: 'unchanged', file: FILE, eventId: '5000m-men-1964' });
      expect(statSync(join(dir, FILE)).mtimeMs).toBe(before);
      expect(readFileSync(join(dir, FILE), 'utf8')).toContain('# Retrieved: 2026-12-01');
    });

    it('replaces a changed revision and says what changed: rows added and removed, times corrected, ranks', async () => {
      await writeArticle(article(100, ROWS), TITLE, dir);
      const next = [
        '| 1 | 1 | Knut Solberg | NOR | 7:38.4 | OR |',
        '| 2 | 3 | Per Haugen | NOR | 7:39.8 | |',
        '| 3 | 2 | Fred Maurer | SUI | 7:39.6 | |',
        '| 5 | 4 | Jan Smit | NED | 7:44.1 | |',
      ];
      const outcome = await writeArticle(article(101, next), TITLE, dir);
      if (outcome.kind !== 'updated') throw new Error(`expected an update, got ${outcome.kind}`);
      expect(outcome.changes).toStrictEqual({
        fromRevision: 100,
        toRevision: 101,
        rowsAdded: [{ round: 'Race', heat: null, name: 'Jan Smit' }],
        rowsRemoved: [{ round: 'Race', heat: null, name: 'Nils Aas' }],
        timesCorrected: [{ round: 'Race', heat: null, name: 'Per Haugen', from: '7:38.6', to: '7:39.8' }],
        ranksChanged: [
          { round: 'Race', heat: null, name: 'Per Haugen', from: 2, to: 3 },
          { round: 'Race', heat: null, name: 'Fred Maurer', from: 3, to: 2 },
        ],
        countriesChanged: [],
        otherChanges: false,
      });
      expect(describeChanges(outcome.changes)).toStrictEqual([
        'revision 100 -> 101',
        '1 rows added: Jan Smit (Race)',
        '1 rows removed: Nils Aas (Race)',
        '1 times corrected: Per Haugen (Race) 7:38.6 -> 7:39.8',
        '2 ranks changed: Per Haugen (Race) 2 -> 3, Fred Maurer (Race) 3 -> 2',
      ]);
      expect(readFileSync(join(dir, FILE), 'utf8')).toBe(article(101, next));
      expect(readdirSync(dir)).toStrictEqual([FILE]);
    });

    it('says when a new revision changed nothing in the results', async () => {
      await writeArticle(article(100, ROWS), TITLE, dir);
      const outcome = await writeArticle(article(101, ROWS), TITLE, dir);
      if (outcome.kind !== 'updated') throw new Error(`expected an update, got ${outcome.kind}`);
      expect(describeChanges(outcome.changes)).toStrictEqual([
        'revision 100 -> 101',
        'no change to the results',
      ]);
    });

    it('leaves the served file whole and no temporary file behind when the write fails', async () => {
      // A folder where the file should go: the rename fails after the temporary file was written.
      mkdirSync(join(dir, FILE));
      writeFileSync(join(dir, FILE, 'keep'), 'x');
      await expect(writeArticle(article(100, ROWS), TITLE, dir)).rejects.toThrow();
      expect(readdirSync(dir)).toStrictEqual([FILE]);
      expect(readdirSync(join(dir, FILE))).toStrictEqual(['keep']);
    });
  });
});
