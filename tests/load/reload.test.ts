import { closeSync, openSync, writeSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import reloadCommand from '../../commands/reload.js';
import { eventChoices } from '../../src/app/options.js';
import type { Context } from '../../src/app/command.js';
import { DataStore } from '../../src/load/store.js';
import type { ReloadReport } from '../../src/load/store.js';
import { renderStatus } from '../../src/render/status.js';
import { invoke } from '../commands/factory.js';
import { SEEDS_DIR } from '../search/helpers.js';

const MEN = '000_1a0ef7e0fe2592fc.txt';
const MEN_ID = 'mass-start-men-2026';
const ADDED = 'zz-5000m-women.txt';
const ADDED_ID = '5000m-women-2026';

let dir: string;
let store: DataStore;
let original: string;
const stops: Array<() => void> = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skate-reload-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
  original = await readFile(join(dir, MEN), 'utf8');
  store = await DataStore.open(dir);
});

afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await rm(dir, { recursive: true, force: true });
});

/** Waits for `check` to hold, looking every 10 ms, for at most `ms`: events, not guessed durations. */
async function pollFor<T>(check: () => T | undefined | null | false, what: string, ms = 5_000): Promise<T> {
  const until = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await delay(10);
  }
}

/** The mass start with another event name: a new article with a known winner. */
const renamed = (text: string) => text.replaceAll("Men's mass start", "Women's 5000 metres");

function podiumOf(id: string) {
  const event = store.data.events.get(id);
  if (!event) return undefined;
  return store.data.podium(event).places.map((p) => [p.medal, p.name, p.row?.points?.total]);
}

const MEN_PODIUM = [
  ['gold', 'Jorrit Bergsma', 68],
  ['silver', 'Viktor Hald Thorup', 47],
  ['bronze', 'Andrea Giovannini', 21],
];

function errorsOf(file: string) {
  const report = store.status().files.find((f) => f.file === file);
  return report?.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => [d.position.source, d.position.line, d.message]);
}

const NOTHING = { added: [], updated: [], removed: [], failed: [] };
const changes = ({ added, updated, removed, failed }: ReloadReport) => ({ added, updated, removed, failed });

/** Versions of the men's mass start that must not replace the good one. */
const BROKEN: Array<{ what: string; text: () => string | Buffer; line: number; message: string }> = [
  { what: 'empty (truncated before writing)', text: () => '', line: 1, message: 'empty article' },
  { what: 'only whitespace', text: () => ' \n\t\n', line: 1, message: 'empty article' },
  {
    what: 'binary junk',
    text: () => Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xc3]),
    line: 1,
    message: 'expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="',
  },
  {
    what: 'cut inside its title (half-written)',
    text: () => original.slice(0, 30),
    line: 1,
    message: 'expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="',
  },
  {
    what: 'cut mid-row in the final table (half-written)',
    text: () => original.slice(0, original.indexOf('| 4 | Jordan Stolz |') + 12),
    line: 69,
    message: 'the file stops mid-line, as one still being written does; the last complete version is served',
  },
  {
    what: 'cut mid-row in the semifinals, before the final was written (half-written)',
    text: () => original.slice(0, original.indexOf('| 6 | 2 | Metoděj Jílek') + 9),
    line: 52,
    message: 'the file stops mid-line, as one still being written does; the last complete version is served',
  },
];

describe('load/store', () => {
  describe('DataStore.reload', () => {
    it('serves an added article at once, and autocomplete offers it', async () => {
      expect(eventChoices(store.data, '5000').map((c) => c.value)).not.toContain(ADDED_ID);
      await writeFile(join(dir, ADDED), renamed(original));
      expect(changes(await store.reload())).toStrictEqual({ ...NOTHING, added: [ADDED] });
      expect(podiumOf(ADDED_ID)).toStrictEqual(MEN_PODIUM);
      expect(eventChoices(store.data, '5000')[0]).toStrictEqual({
        name: "2026 · Women's 5000 metres (speed skating)",
        value: ADDED_ID,
      });
    });

    it.each(BROKEN)(
      'keeps serving the last good version when the file is $what, reports it, and updates once fixed',
      async ({ text, line, message }) => {
        expect(podiumOf(MEN_ID)).toStrictEqual(MEN_PODIUM);
        await writeFile(join(dir, MEN), text());
        expect(changes(await store.reload())).toStrictEqual({
          ...NOTHING,
          failed: [{ file: MEN, keptPrevious: true }],
        });
        expect(podiumOf(MEN_ID)).toStrictEqual(MEN_PODIUM);
        expect(errorsOf(MEN)).toStrictEqual([[MEN, line, message]]);
        // /status names the file and line, first among the problems.
        const status = renderStatus(store.status()).embeds?.[0]?.description?.split('\n') ?? [];
        expect(status[1]).toBe(`3 files in \`${dir}\` · **1 with errors**`);
        expect(status.slice(4, 6)).toStrictEqual([
          '__1 error, 0 warnings__',
          `⛔ \`${MEN}:${line}\` ${message}`,
        ]);

        // Reloading the same broken file changes nothing; mending it serves the mended version.
        expect(changes(await store.reload())).toStrictEqual(NOTHING);
        await writeFile(join(dir, MEN), original.replace('| 68 | 7:55.50 |', '| 68 | 7:55.40 |'));
        expect(changes(await store.reload())).toStrictEqual({ ...NOTHING, updated: [MEN] });
        expect(errorsOf(MEN)).toStrictEqual([]);
        const final = store.data.events.get(MEN_ID)!.rounds.at(-1)!;
        expect(final.heats[0]!.rows[0]!.mark).toStrictEqual({
          kind: 'time',
          time: { text: '7:55.40', ms: 475_400, decimals: 2 },
        });
      },
    );

    it('serves a new file even when it stops mid-line: there is no earlier version to prefer', async () => {
      await writeFile(join(dir, ADDED), renamed(original).trimEnd());
      expect(changes(await store.reload())).toStrictEqual({ ...NOTHING, added: [ADDED] });
      expect(podiumOf(ADDED_ID)).toStrictEqual(MEN_PODIUM);
    });

    it('serves a version cut at a line break: it reads as a shorter article, as an edit could make it', async () => {
      // A cut at a line break cannot be told from an edit; here it breaks no fact, so it brings no warning.
      const cut = original.slice(0, original.indexOf('| 4 | Jordan Stolz |'));
      await writeFile(join(dir, MEN), cut);
      expect(changes(await store.reload())).toStrictEqual({ ...NOTHING, updated: [MEN] });
      expect(podiumOf(MEN_ID)).toStrictEqual(MEN_PODIUM);
      const warnings = store.status().files.find((f) => f.file === MEN)?.diagnostics;
      expect(warnings?.map((d) => [d.severity, d.position.line, d.message])).toStrictEqual([]);
    });

    it('removes a deleted article from answers and autocomplete', async () => {
      await rm(join(dir, MEN));
      expect(changes(await store.reload())).toStrictEqual({ ...NOTHING, removed: [MEN] });
      expect(store.data.events.get(MEN_ID)).toBeUndefined();
      expect(eventChoices(store.data, 'mass start men').map((c) => c.value)).not.toContain(MEN_ID);
    });

    it('shares one run between calls made while a reload runs, and that run sees changes made meanwhile', async () => {
      const first = store.reload();
      await writeFile(join(dir, ADDED), renamed(original));
      const later = [store.reload(), store.reload(), store.reload()];
      const [firstReport, ...laterReports] = await Promise.all([first, ...later]);
      // Every later call gets the same report: one follow-up run, not three.
      expect(new Set(laterReports).size).toBe(1);
      expect(laterReports[0]).not.toBe(firstReport);
      // Whether or not the first run saw the new file, it is served once the later calls resolve.
      expect(podiumOf(ADDED_ID)).toStrictEqual(MEN_PODIUM);
      expect([...firstReport.added, ...laterReports[0]!.added]).toStrictEqual([ADDED]);
    });

    it('shares a single run between calls made together', async () => {
      const reports = await Promise.all([store.reload(), store.reload()]);
      expect(reports[0]).toBe(reports[1]);
    });
  });

  describe('DataStore.watch', () => {
    it('serves an added file without anyone calling reload', async () => {
      const reports: Array<ReloadReport | Error> = [];
      stops.push(store.watch((r) => reports.push(r), 50));
      await writeFile(join(dir, ADDED), renamed(original));
      await pollFor(() => podiumOf(ADDED_ID), 'the added article');
      expect(podiumOf(ADDED_ID)).toStrictEqual(MEN_PODIUM);
      expect(reports.map((r) => (r instanceof Error ? r : changes(r)))).toStrictEqual([
        { ...NOTHING, added: [ADDED] },
      ]);
    });

    it('coalesces a burst of writes into one reload', async () => {
      const reports: Array<ReloadReport | Error> = [];
      stops.push(store.watch((r) => reports.push(r), 100));
      const burst = ['a', 'b', 'c', 'd', 'e'].map((x) => `burst-${x}.txt`);
      for (const [i, file] of burst.entries())
        await writeFile(join(dir, file), original.replaceAll("Men's mass start", `Men's ${i + 1}000 metres`));
      await pollFor(() => reports.length >= 1, 'the burst reload');
      // A marker write after the burst: its reload arriving second proves the burst made only one.
      await writeFile(join(dir, ADDED), renamed(original));
      await pollFor(() => reports.length >= 2, 'the marker reload');
      expect(reports.map((r) => (r instanceof Error ? r : changes(r)))).toStrictEqual([
        { ...NOTHING, added: burst },
        { ...NOTHING, added: [ADDED] },
      ]);
    });

    it('keeps the last good version while a file is being written, and serves the new one once complete', async () => {
      const reports: Array<ReloadReport | Error> = [];
      stops.push(store.watch((r) => reports.push(r), 50));
      const next = original.replace('| 68 | 7:55.50 |', '| 68 | 7:55.40 |');
      const cut = next.indexOf('| 4 | Jordan Stolz |') + 12;
      const fd = openSync(join(dir, MEN), 'w');
      try {
        writeSync(fd, next.slice(0, cut));
        const half = await pollFor(
          () => reports.find((r) => !(r instanceof Error) && r.failed.length > 0),
          'a reload of the half-written file',
        );
        expect(changes(half as ReloadReport)).toStrictEqual({
          ...NOTHING,
          failed: [{ file: MEN, keptPrevious: true }],
        });
        expect(podiumOf(MEN_ID)).toStrictEqual(MEN_PODIUM);
        writeSync(fd, next.slice(cut));
      } finally {
        closeSync(fd);
      }
      await pollFor(
        () => reports.some((r) => !(r instanceof Error) && r.updated.includes(MEN)),
        'the reload of the complete file',
      );
      expect(store.data.events.get(MEN_ID)!.rounds.at(-1)!.heats[0]!.rows[0]!.mark).toMatchObject({
        time: { text: '7:55.40' },
      });
      expect(errorsOf(MEN)).toStrictEqual([]);
    });
  });

  describe('/reload', () => {
    it('reports a half-written file, with its line, as failed with the previous version served', async () => {
      await writeFile(join(dir, MEN), BROKEN[4]!.text());
      const ctx: Context = {
        get data() {
          return store.data;
        },
        status: () => store.status(),
        reload: async () => ({ ...(await store.reload()), durationMs: 7 }),
      };
      const reply = await reloadCommand.execute(invoke({}, true), ctx);
      expect(reply.embeds?.[0]?.fields).toStrictEqual([
        {
          name: 'Failed',
          value: `\`${MEN}\` — the previous version is still served\n↳ line 69: ${BROKEN[4]!.message}`,
        },
      ]);
    });
  });
});
