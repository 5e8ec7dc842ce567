import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import podium from '../../commands/podium.js';
import { runImport } from '../../src/import/cli.js';
import { Dataset } from '../../src/domain/index.js';
import { contextFor, invoke } from '../commands/factory.js';
import { loadDirectory } from '../../src/load/loader.js';
import { MediaWikiStandin, WIKI_FIXTURES, fixturePage } from './standin-mediawiki.js';
import type { Fault } from './standin-mediawiki.js';

const SKATING_2006 = fixturePage('wtq_204-page_201');
const SKATING_1976 = fixturePage('wtq_204-page_912');
const OVERVIEW_1972 = fixturePage('wtq_204-page_216');
const FILE_2006 = 'speed-skating-at-the-2006-winter-olympics-mens-1000-metres.txt';
const FILE_1976 = 'speed-skating-at-the-1976-winter-olympics-mens-500-metres.txt';
/** The eight event articles the 1972 overview links, read off the fixture by hand. */
const EVENTS_1972 = [
  "Speed skating at the 1972 Winter Olympics – Men's 500 metres",
  "Speed skating at the 1972 Winter Olympics – Men's 1500 metres",
  "Speed skating at the 1972 Winter Olympics – Men's 5000 metres",
  "Speed skating at the 1972 Winter Olympics – Men's 10000 metres",
  "Speed skating at the 1972 Winter Olympics – Women's 500 metres",
  "Speed skating at the 1972 Winter Olympics – Women's 1000 metres",
  "Speed skating at the 1972 Winter Olympics – Women's 1500 metres",
  "Speed skating at the 1972 Winter Olympics – Women's 3000 metres",
];

let standin: MediaWikiStandin;
let dir: string;

beforeEach(async () => {
  standin = await MediaWikiStandin.start();
  for (const page of [SKATING_2006, SKATING_1976, OVERVIEW_1972]) standin.setPage(page);
  dir = mkdtempSync(join(tmpdir(), 'skate-import-'));
});
afterEach(async () => {
  await standin.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[], options: { isTTY?: boolean; env?: Record<string, string> } = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  err.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await runImport(['--out', dir, ...args], {
    env: { WIKIPEDIA_API: standin.api, WIKIPEDIA_CONTACT: 'ops@example.org', ...options.env },
    out,
    err,
    isTTY: options.isTTY ?? false,
    client: { timeoutMs: 500, baseDelayMs: 10, maxDelayMs: 1_500, retries: 2 },
  });
  return { code, stdout, stderr };
}

/** The summary line of a run. */
function summary(stdout: string): string {
  return stdout.split('\n').find((line) => line.startsWith('Summary: ')) ?? '';
}

/** The folder holds exactly these files: no temporary file, no partial article. */
function files(): string[] {
  return readdirSync(dir).sort();
}

describe('import/cli', () => {
  describe('runImport', () => {
    it('imports titles through the API into files the loader serves, with a country on every row', async () => {
      const { code, stdout } = await run([SKATING_2006.title, SKATING_1976.title]);
      expect(code).toBe(0);
      expect(summary(stdout)).toBe(
        `Summary: 2 imported, 0 updated, 0 unchanged, 0 refused, 0 failed (into ${dir})`,
      );
      expect(files()).toStrictEqual([FILE_1976, FILE_2006]);
      const loaded = await loadDirectory(dir);
      expect(loaded.articles.map((a) => a.id).sort()).toStrictEqual(['1000m-men-2006', '500m-men-1976']);
      for (const article of loaded.articles) {
        const rows = article.rounds.flatMap((r) => r.heats.flatMap((h) => h.rows));
        expect(rows.length).toBeGreaterThan(20);
        expect(rows.filter((r) => r.country === null)).toStrictEqual([]);
      }
      expect(readFileSync(join(dir, FILE_2006), 'utf8')).toMatch(/^# Source: .*\n# Revision: 593081343\n/);
      expect(new Set(standin.requests.map((r) => r.userAgent))).toStrictEqual(
        new Set([`skate-results-bot/0.1.0 (ops@example.org) node/${process.versions.node}`]),
      );
    });

    it('takes a Wikipedia URL as the title it names, and asks the configured API, not wikipedia.org', async () => {
      const url =
        'https://en.wikipedia.org/wiki/Speed_skating_at_the_2006_Winter_Olympics_%E2%80%93_Men%27s_1000_metres';
      const { code } = await run([url]);
      expect(code).toBe(0);
      expect(standin.parsed()).toStrictEqual([SKATING_2006.title]);
      expect(files()).toStrictEqual([FILE_2006]);
    });

    it('--all requests exactly the event articles the overview links, and fails on those the wiki lacks', async () => {
      const { code, stdout } = await run(['--all', OVERVIEW_1972.title]);
      expect(standin.parsed()[0]).toBe(OVERVIEW_1972.title);
      expect(standin.parsed().slice(1).sort()).toStrictEqual([...EVENTS_1972].sort());
      expect(code).toBe(1);
      expect(summary(stdout)).toBe(
        `Summary: 0 imported, 0 updated, 0 unchanged, 0 refused, 8 failed (into ${dir})`,
      );
      expect(stdout).toContain(`failed: ${EVENTS_1972[0]}: ${EVENTS_1972[0]}: no such page on 127.0.0.1:`);
      expect(files()).toStrictEqual([]);
    });

    it('--all imports each linked article the wiki has', async () => {
      standin.setPage({ ...SKATING_1976, title: EVENTS_1972[0]!.replace('1972', '1976') });
      // The 1972 overview with one link pointed at the 1976 article the stand-in serves.
      const overview = OVERVIEW_1972.html.replace(
        'Speed_skating_at_the_1972_Winter_Olympics_%E2%80%93_Men%27s_500_metres',
        'Speed_skating_at_the_1976_Winter_Olympics_%E2%80%93_Men%27s_500_metres',
      );
      standin.setPage({ title: 'Speed skating at the 1976 Winter Olympics', revid: 1, html: overview });
      const { code, stdout } = await run(['--all', 'Speed skating at the 1976 Winter Olympics']);
      expect(code).toBe(0);
      expect(standin.parsed()).toStrictEqual([
        'Speed skating at the 1976 Winter Olympics',
        SKATING_1976.title,
      ]);
      expect(summary(stdout)).toBe(
        `Summary: 1 imported, 0 updated, 0 unchanged, 0 refused, 0 failed (into ${dir})`,
      );
      expect(files()).toStrictEqual([FILE_1976]);
    });

    it('says when an article is missing or redirects to something that is not an event, and writes nothing', async () => {
      standin.redirect("Speed skating at the 1972 Winter Olympics – Men's 500 m", OVERVIEW_1972.title);
      const { code, stdout } = await run([
        "Speed skating at the 1972 Winter Olympics – Men's 500 m",
        'Nowhere',
      ]);
      expect(code).toBe(1);
      expect(summary(stdout)).toBe(
        `Summary: 0 imported, 0 updated, 0 unchanged, 0 refused, 2 failed (into ${dir})`,
      );
      expect(stdout).toContain(
        'failed: Speed skating at the 1972 Winter Olympics – Men\'s 500 m: Speed skating at the 1972 Winter Olympics – Men\'s 500 m: redirects to "Speed skating at the 1972 Winter Olympics", which is not an event article',
      );
      expect(stdout).toContain('failed: Nowhere: Nowhere: no such page on 127.0.0.1:');
      expect(files()).toStrictEqual([]);
    });

    it.each<[string, Fault, RegExp]>([
      [
        'a 429 that never lets up',
        { kind: 'status', status: 429, retryAfter: '0' },
        /429 Too Many Requests \(gave up after 3 attempts\)/,
      ],
      [
        'a 503 that never lets up',
        { kind: 'status', status: 503 },
        /503 Service Unavailable \(gave up after 3 attempts\)/,
      ],
      [
        'an answer slower than the timeout',
        { kind: 'slow', delayMs: 1_000 },
        /no complete answer within 0.5 s \(gave up after 3 attempts\)/,
      ],
      [
        'a truncated body',
        { kind: 'truncated' },
        /the answer is not complete JSON \(\d+ characters\) \(gave up after 3 attempts\)/,
      ],
    ])('%s: fails clearly, exits 1 and leaves no file', async (_, fault, message) => {
      standin.fault(SKATING_2006.title, fault, 3);
      const { code, stdout } = await run([SKATING_2006.title]);
      expect(code).toBe(1);
      expect(stdout).toMatch(message);
      expect(files()).toStrictEqual([]);
    });

    it.each<[string, Fault]>([
      ['a 429 with Retry-After', { kind: 'status', status: 429, retryAfter: '1' }],
      ['a 503', { kind: 'status', status: 503 }],
      ['a slow answer', { kind: 'slow', delayMs: 1_000 }],
      ['a truncated body', { kind: 'truncated' }],
    ])('%s once: waits, retries and imports the whole article', async (_, fault) => {
      standin.fault(SKATING_2006.title, fault);
      const { code, stdout } = await run([SKATING_2006.title]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^waiting [\d.]+ s \(.+\) before retry 1 of Speed skating at the 2006/m);
      expect(files()).toStrictEqual([FILE_2006]);
      expect(readFileSync(join(dir, FILE_2006), 'utf8')).toMatch(/\n\| .*\|\n$/);
    });

    it('importing the same revision again is a no-op; a new revision replaces the file and says what changed', async () => {
      await run([SKATING_1976.title]);
      const first = readFileSync(join(dir, FILE_1976), 'utf8');

      const again = await run([SKATING_1976.title]);
      expect(again.code).toBe(0);
      expect(summary(again.stdout)).toBe(
        `Summary: 0 imported, 0 updated, 1 unchanged, 0 refused, 0 failed (into ${dir})`,
      );
      expect(readFileSync(join(dir, FILE_1976), 'utf8')).toBe(first);

      // An edit on the wiki: Peter Mueller's time corrected from 39.57 to 39.59.
      standin.setPage({
        ...SKATING_1976,
        revid: 594499654,
        html: SKATING_1976.html.replace('<td>39.57</td>', '<td>39.59</td>'),
      });
      const edited = await run([SKATING_1976.title]);
      expect(edited.code).toBe(0);
      expect(summary(edited.stdout)).toBe(
        `Summary: 0 imported, 1 updated, 0 unchanged, 0 refused, 0 failed (into ${dir})`,
      );
      expect(edited.stdout).toContain('  revision 594499653 -> 594499654\n');
      expect(edited.stdout).toContain('  1 times corrected: Peter Mueller (Race) 39.57 -> 39.59\n');
      const after = readFileSync(join(dir, FILE_1976), 'utf8');
      expect(after).toContain('# Revision: 594499654\n');
      expect(after).toContain('| Peter Mueller | USA | 39.59 |');
      expect(files()).toStrictEqual([FILE_1976]);
    });

    describe('saved files', () => {
      it('reads an action=parse JSON answer (formatversion 1 and 2) without the network', async () => {
        const v2 = join(dir, 'saved-v2.json');
        writeFileSync(
          v2,
          JSON.stringify({
            parse: { title: SKATING_2006.title, revid: SKATING_2006.revid, text: SKATING_2006.html },
          }),
        );
        const v1 = join(dir, 'saved-v1.json');
        writeFileSync(
          v1,
          JSON.stringify({
            parse: { title: SKATING_1976.title, revid: SKATING_1976.revid, text: { '*': SKATING_1976.html } },
          }),
        );
        const out = join(dir, 'out');
        const { code } = await run([v2, v1, '--out', out]);
        expect(code).toBe(0);
        expect(readdirSync(out).sort()).toStrictEqual([FILE_1976, FILE_2006]);
        expect(readFileSync(join(out, FILE_1976), 'utf8')).toContain('# Revision: 594499653\n');
        expect(standin.requests).toStrictEqual([]);
      });

      it('an imported article answers through the bot: /podium with every medallist and the NOC of each place', async () => {
        const saved = join(dir, 'saved.json');
        writeFileSync(
          saved,
          JSON.stringify({
            parse: { title: SKATING_1976.title, revid: SKATING_1976.revid, text: SKATING_1976.html },
          }),
        );
        const out = join(dir, 'out');
        expect((await run([saved, '--out', out])).code).toBe(0);
        const { articles } = await loadDirectory(out);
        const reply = podium.execute(invoke({ event: '500m-men-1976' }), contextFor(new Dataset(articles)));
        const embed = reply.embeds?.[0];
        expect(embed?.title).toBe("Podium · Men's 500 metres · 1976 Winter Olympics");
        expect(embed?.description?.split('\n')).toStrictEqual([
          // The article's records-set table notes Kulikov's 39.17 as a new Olympic record.
          '🥇 **Yevgeny Kulikov** URS — 39.17 · OR (Olympic record)',
          '🥈 **Valery Muratov** URS — 39.25',
          '🥉 **Dan Immerfall** 🇺🇸 USA — 39.54',
        ]);
      });

      it('reads a saved HTML page, taking the title from its canonical link and the revision from its config', async () => {
        const page = join(dir, 'saved.html');
        writeFileSync(
          page,
          [
            "<!DOCTYPE html><html><head><title>Speed skating at the 2006 Winter Olympics – Men's 1000 metres - Wikipedia</title>",
            '<link rel="canonical" href="https://en.wikipedia.org/wiki/Speed_skating_at_the_2006_Winter_Olympics_%E2%80%93_Men%27s_1000_metres">',
            '<script>RLCONF={"wgPageName":"x","wgRevisionId":593081343,"wgArticleId":1};</script></head>',
            '<body><div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">',
            SKATING_2006.html,
            '</div></div><div id="footer">Footer text</div></body></html>',
          ].join('\n'),
        );
        const out = join(dir, 'out');
        expect((await run([page, '--out', out])).code).toBe(0);
        const text = readFileSync(join(out, FILE_2006), 'utf8');
        expect(text).toContain('# Revision: 593081343\n');
        expect(text).not.toContain('Footer text');
      });

      it('reads a bare fragment with --title, its revision from the comment action=render left', async () => {
        const { code } = await run([
          '--title',
          SKATING_2006.title,
          join(WIKI_FIXTURES, 'wtq_204-page_201.html'),
        ]);
        expect(code).toBe(0);
        expect(readFileSync(join(dir, FILE_2006), 'utf8')).toContain('# Revision: 593081343\n');
      });

      it('asks for --title when a bare fragment does not say which article it is', async () => {
        const fragment = join(WIKI_FIXTURES, 'wtq_204-page_201.html');
        const { code, stdout } = await run([fragment]);
        expect(code).toBe(1);
        expect(stdout).toContain(
          `failed: ${fragment}: ${fragment}: a bare HTML fragment does not say which article it is; give --title "<title>"`,
        );
        expect(files()).toStrictEqual([]);
      });

      it('refuses a page that is not an event article, saying why, and writes nothing', async () => {
        const { code, stdout } = await run([
          '--title',
          OVERVIEW_1972.title,
          join(WIKI_FIXTURES, 'wtq_204-page_216.html'),
        ]);
        expect(code).toBe(1);
        expect(summary(stdout)).toBe(
          `Summary: 0 imported, 0 updated, 0 unchanged, 1 refused, 0 failed (into ${dir})`,
        );
        expect(stdout).toMatch(new RegExp(`^  refused: ${OVERVIEW_1972.title}: \\S`, 'm'));
        expect(files()).toStrictEqual([]);
      });
    });

    it('on a terminal draws one progress line: articles done of all and the one being fetched', async () => {
      const { stdout } = await run([SKATING_2006.title, SKATING_1976.title], { isTTY: true });
      expect(stdout).toContain('\r\x1b[K[0/2] fetching Speed skating at the 2006');
      expect(stdout).toContain('\r\x1b[K[1/2] fetching');
      expect(stdout).not.toMatch(/^fetching /m);
    });

    it('prints usage and exits 2 without arguments, and lists every configuration problem', async () => {
      expect((await run([])).code).toBe(2);
      const bad = await run([SKATING_2006.title], { env: { WIKIPEDIA_API: 'ftp://example.org' } });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('WIKIPEDIA_API must be an http(s) URL');
    });
  });
});
