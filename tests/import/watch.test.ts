import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config.js';
import { WikipediaClient } from '../../src/import/fetch.js';
import { WikipediaWatcher } from '../../src/import/watch.js';
import type { WatchLog } from '../../src/import/watch.js';
import type { ReloadReport } from '../../src/load/store.js';
import { renderStatus } from '../../src/render/status.js';
import { MediaWikiStandin, fixturePage } from './standin-mediawiki.js';

const SKATING_2006 = fixturePage('wtq_204-page_201');
const SKATING_1976 = fixturePage('wtq_204-page_912');
const OVERVIEW_1972 = fixturePage('wtq_204-page_216');
const FILE_2006 = 'speed-skating-at-the-2006-winter-olympics-mens-1000-metres.txt';
const FILE_1976 = 'speed-skating-at-the-1976-winter-olympics-mens-500-metres.txt';

let standin: MediaWikiStandin;
let dir: string;
let reloads: number;
let logged: Array<[string, string]>;

const log: WatchLog = {
  info: (_, message) => logged.push(['info', message]),
  warn: (_, message) => logged.push(['warn', message]),
  error: (_, message) => logged.push(['error', message]),
};

beforeEach(async () => {
  standin = await MediaWikiStandin.start();
  for (const page of [SKATING_2006, SKATING_1976, OVERVIEW_1972]) standin.setPage(page);
  dir = mkdtempSync(join(tmpdir(), 'skate-watch-'));
  reloads = 0;
  logged = [];
});
afterEach(async () => {
  await standin.close();
  rmSync(dir, { recursive: true, force: true });
});

function watcher(watch: string): WikipediaWatcher {
  return new WikipediaWatcher({
    client: new WikipediaClient({
      api: standin.api,
      contact: 'ops@example.org',
      timeoutMs: 500,
      baseDelayMs: 10,
      retries: 1,
    }),
    watch,
    dir,
    intervalMs: 60_000,
    reload: () => {
      reloads++;
      return Promise.resolve({} as ReloadReport);
    },
    log,
  });
}

/** What each request of the last poll was: the action and the titles it named. */
function requestsSince(from: number): string[] {
  return standin.requests.slice(from).map((r) => `${r.action} ${r.titles.join('|')}`);
}

describe('import/watch', () => {
  describe('WikipediaWatcher.poll', () => {
    it('imports the watched titles, then asks only for revision ids while nothing changes', async () => {
      const w = watcher(`${SKATING_2006.title}|${SKATING_1976.title}`);
      await w.poll();
      expect(requestsSince(0)).toStrictEqual([
        `query ${SKATING_2006.title}|${SKATING_1976.title}`,
        `parse ${SKATING_2006.title}`,
        `parse ${SKATING_1976.title}`,
      ]);
      expect(readdirSync(dir).sort()).toStrictEqual([FILE_1976, FILE_2006]);
      expect(reloads).toBe(1);

      const mark = standin.requests.length;
      await w.poll();
      expect(requestsSince(mark)).toStrictEqual([`query ${SKATING_2006.title}|${SKATING_1976.title}`]);
      expect(reloads).toBe(1);
      expect(w.status()).toMatchObject({
        lastError: null,
        articles: [
          { title: SKATING_2006.title, file: FILE_2006, revid: 593081343, problem: null },
          { title: SKATING_1976.title, file: FILE_1976, revid: 594499653, problem: null },
        ],
      });
    });

    it('takes the revisions already on disk as served: a restarted bot fetches nothing unchanged', async () => {
      await watcher(SKATING_2006.title).poll();
      const mark = standin.requests.length;
      const restarted = watcher(SKATING_2006.title);
      await restarted.poll();
      expect(requestsSince(mark)).toStrictEqual([`query ${SKATING_2006.title}`]);
      expect(restarted.status().articles[0]?.revid).toBe(593081343);
    });

    it('imports a new revision, replacing the file, and reloads', async () => {
      const w = watcher(SKATING_2006.title);
      await w.poll();
      standin.setPage({
        ...SKATING_2006,
        revid: 593081344,
        html: SKATING_2006.html.replace('<td>1:09.37</td>', '<td>1:09.38</td>'),
      });
      await w.poll();
      expect(reloads).toBe(2);
      expect(readFileSync(join(dir, FILE_2006), 'utf8')).toContain('| Lee Kyou-hyuk | KOR | 1:09.38 |');
      expect(w.status().articles[0]).toMatchObject({ revid: 593081344, problem: null });
      expect(logged.at(-1)).toStrictEqual([
        'info',
        `wikipedia: updated ${FILE_2006} (${SKATING_2006.title}, revision 593081344): 41 rows, 41 with a country`,
      ]);
    });

    it('a failed poll touches nothing and says why; the next one goes on', async () => {
      const w = watcher(SKATING_2006.title);
      await w.poll();
      const before = readFileSync(join(dir, FILE_2006), 'utf8');
      standin.setPage({ ...SKATING_2006, revid: 593081344 });
      standin.fault(SKATING_2006.title, { kind: 'status', status: 503 }, 2);
      await w.poll();
      expect(w.status().lastError).toBe(
        `${SKATING_2006.title}: 503 Service Unavailable (gave up after 2 attempts)`,
      );
      expect(readFileSync(join(dir, FILE_2006), 'utf8')).toBe(before);
      expect(reloads).toBe(1);
      await w.poll();
      expect(w.status().lastError).toBeNull();
      expect(w.status().articles[0]?.revid).toBe(593081344);
    });

    it('a revision the converter refuses is reported, not written, and not fetched again', async () => {
      const w = watcher(SKATING_2006.title);
      await w.poll();
      const before = readFileSync(join(dir, FILE_2006), 'utf8');
      // Vandalism: the article replaced by another page's text.
      standin.setPage({ ...SKATING_2006, revid: 593081399, html: OVERVIEW_1972.html });
      await w.poll();
      const entry = w.status().articles[0];
      expect(entry?.revid).toBe(593081343);
      expect(entry?.problem).not.toBeNull();
      expect(readFileSync(join(dir, FILE_2006), 'utf8')).toBe(before);
      const mark = standin.requests.length;
      await w.poll();
      expect(requestsSince(mark)).toStrictEqual([`query ${SKATING_2006.title}`]);
    });

    it('follows an overview: its event links are the watched titles', async () => {
      const w = watcher(OVERVIEW_1972.title);
      await w.poll();
      const asked = standin.requests.map((r) => r.action);
      expect(asked.slice(0, 2)).toStrictEqual(['query', 'parse']);
      expect(standin.requests[2]?.titles).toHaveLength(8);
      expect(w.status().articles.map((a) => a.problem)).toStrictEqual(
        Array(8).fill('no such page on the wiki'),
      );
      expect(w.status().source).toBe(`overview: ${OVERVIEW_1972.title}`);
    });
  });

  describe('renderStatus with the watcher', () => {
    it('shows the last poll, each article and its revision, and any problem', async () => {
      const w = watcher(`${SKATING_2006.title}|Nowhere`);
      await w.poll();
      const reply = renderStatus({ dir, events: 1, athletes: 41, files: [], lastReload: null }, w.status());
      const field = reply.embeds?.[0]?.fields?.find((f) => f.name === 'Wikipedia');
      const at = Math.floor(w.status().lastPoll!.getTime() / 1000);
      expect(field?.value).toBe(
        [
          `Last poll <t:${at}:R> · every 1 min`,
          `\`${FILE_2006}\` revision 593081343`,
          '`nowhere.txt` not imported\n⛔ no such page on the wiki',
        ].join('\n'),
      );
    });

    it('says a poll failed and that what is served stays, and keeps to a field’s 1,024 characters', () => {
      const articles = Array.from({ length: 100 }, (_, i) => ({
        title: `Speed skating at the 2026 Winter Olympics – Event ${i}`,
        file: `speed-skating-at-the-2026-winter-olympics-event-${i}.txt`,
        revid: 1_000_000 + i,
        updatedAt: null,
        problem: i % 2 === 0 ? 'x'.repeat(300) : null,
      }));
      const reply = renderStatus(
        { dir, events: 0, athletes: 0, files: [], lastReload: null },
        {
          source: 'many',
          intervalSeconds: 300,
          lastPoll: new Date(0),
          lastError: 'Title: 503 Service Unavailable (gave up after 5 attempts)',
          articles,
        },
      );
      const embed = reply.embeds?.[0];
      const value = embed?.fields?.find((f) => f.name === 'Wikipedia')?.value ?? '';
      expect(value.split('\n')[0]).toBe(
        'Last poll <t:0:R> failed: Title: 503 Service Unavailable (gave up after 5 attempts); what is served stays as it was · every 5 min',
      );
      expect(value.length).toBeLessThanOrEqual(1024);
      expect(value).toMatch(/…and \d+ more$/);
      expect(embed?.color).toBe(0xdd6b20);
    });
  });
});

describe("config (the watcher's variables)", () => {
  it('defaults to English Wikipedia every 5 minutes, watching nothing', () => {
    const config = parseConfig({});
    expect([
      config.WIKIPEDIA_API,
      config.WATCH_INTERVAL,
      config.WATCH_WIKIPEDIA,
      config.WIKIPEDIA_CONTACT,
    ]).toStrictEqual(['https://en.wikipedia.org/w/api.php', 300, undefined, undefined]);
  });

  it('allows polling faster than once a minute only when the API is on loopback', () => {
    expect(
      parseConfig({ WATCH_INTERVAL: '0.2', WIKIPEDIA_API: 'http://127.0.0.1:9/w/api.php' }).WATCH_INTERVAL,
    ).toBe(0.2);
    expect(() => parseConfig({ WATCH_INTERVAL: '30' })).toThrow(
      new ConfigError([
        'WATCH_INTERVAL must be at least 60 seconds when WIKIPEDIA_API is not on this machine',
      ]),
    );
    expect(() => parseConfig({ WATCH_INTERVAL: 'often', WIKIPEDIA_API: 'wikipedia' })).toThrow(ConfigError);
  });
});
