import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/generate.js';
import type { CorpusFile } from '../../bench/generate.js';

// A deliberately small reader of the article format, independent of src/parse, so that the generator and
// the project's parser check each other rather than share a mistake.

interface Row {
  line: number;
  cells: Record<string, string>;
}

interface Table {
  section: string;
  round: string | null;
  sub: string | null;
  headers: string[];
  rows: Row[];
}

interface Doc {
  file: string;
  title: string;
  infobox: Map<string, string>;
  tables: Table[];
  text: string;
}

const HEADING = /^(={2,4})\s*(.*?)\s*\1$/;
const TIME = /^(?:(\d+):)?(\d{1,2})\.(\d{1,3})$/;
const TITLE =
  /^= (?<sport>Speed skating|Short-track speed skating) at the (?<year>\d{4}) Winter Olympics – (?<gender>Men's|Women's) (?<event>.+) =$/;
const STATUS = new Set(['DQ', 'DNF', 'DNS']);

function cellsOf(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
}

function readDoc(file: string, text: string): Doc {
  const lines = text.split('\n');
  const infobox = new Map<string, string>();
  const tables: Table[] = [];
  let section = '';
  let round: string | null = null;
  let sub: string | null = null;
  let inInfobox = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === 'Infobox') inInfobox = true;
    else if (inInfobox && line.startsWith('- ')) {
      const at = line.indexOf(': ');
      infobox.set(line.slice(2, at), line.slice(at + 2));
    } else inInfobox = false;
    const h = HEADING.exec(line);
    if (h) {
      const level = h[1]!.length;
      if (level === 2) [section, round, sub] = [h[2]!, null, null];
      if (level === 3) [round, sub] = [h[2]!, null];
      if (level === 4) sub = h[2]!;
      continue;
    }
    if (!line.startsWith('|')) continue;
    const start = i;
    while (i + 1 < lines.length && lines[i + 1]!.startsWith('|')) i++;
    const block = lines.slice(start, i + 1).map(cellsOf);
    const top = block[0]!;
    let headers = top.filter((c) => c !== '');
    let first = 1;
    if (block[1]?.[0] === 'S1') {
      const at = headers.indexOf('Points');
      headers = [...headers.slice(0, at), ...block[1].filter((c) => c !== ''), ...headers.slice(at + 1)];
      first = 2;
    }
    const rows = block.slice(first).map((cells, k) => {
      if (cells.length !== top.length)
        throw new Error(`${file}:${start + first + k + 1} has ${cells.length} cells`);
      return {
        line: start + first + k + 1,
        cells: Object.fromEntries(headers.map((name, j) => [name, cells[j]!])),
      };
    });
    tables.push({ section, round, sub, headers, rows });
  }
  return { file, title: lines[0]!, infobox, tables, text };
}

function ms(time: string): number | null {
  const m = TIME.exec(time);
  if (!m) return null;
  return (Number(m[1] ?? 0) * 60 + Number(m[2])) * 1000 + Number(m[3]!.padEnd(3, '0'));
}

function name(row: Row): string {
  return row.cells.Name ?? row.cells.Athlete ?? '';
}

function groupByHeat(rows: readonly Row[]): Row[][] {
  const heats = new Map<string, Row[]>();
  for (const r of rows) heats.set(r.cells.Heat ?? '', [...(heats.get(r.cells.Heat ?? '') ?? []), r]);
  return [...heats.values()];
}

/** Every fact the generator claims for one article; returns the broken ones. */
function checkDoc(doc: Doc): string[] {
  const problems: string[] = [];
  const fail = (what: string): void => void problems.push(`${doc.file}: ${what}`);
  const title = TITLE.exec(doc.title);
  if (!title) return [`${doc.file}: bad title ${doc.title}`];
  const { sport = '', year = '', gender = '', event = '' } = title.groups ?? {};
  const isMass = event === 'mass start';
  const isShort = sport.startsWith('Short');
  const results = doc.tables.filter((t) => t.section === 'Results');
  if (results.length === 0) return [`${doc.file}: no results tables`];
  if (
    doc.tables.some(
      (t) =>
        t.section !== 'Results' &&
        !(t.section === 'Records' && t.headers.join() === 'Date,Athlete,Time,OR,WR'),
    )
  )
    fail('a table outside Results that is not a records table');

  const decimals = new Set<number>();
  for (const table of results) {
    for (const col of ['Rank', 'Time', 'Country'])
      if (!table.headers.includes(col)) fail(`table without ${col}`);
    for (const row of table.rows) {
      if (row.cells.Country !== '') fail(`line ${row.line}: Country not empty`);
      const t = row.cells.Time!;
      const value = ms(t);
      if (value !== null) decimals.add(t.split('.')[1]!.length);
      else if (t !== '' && !STATUS.has(t)) fail(`line ${row.line}: bad time ${t}`);
      const hasRank = /^\d+$/.test(row.cells.Rank!);
      if (!hasRank && row.cells.Rank !== '' && row.cells.Rank !== '–') fail(`line ${row.line}: bad rank`);
      if (hasRank !== (value !== null)) fail(`line ${row.line}: rank without time or time without rank`);
    }
  }
  if (decimals.size !== 1) fail(`times with mixed decimals ${[...decimals].join(',')}`);

  let final: Row[];
  if (isMass) {
    const semis = results.find((t) => t.round === 'Semifinals');
    const fin = results.find((t) => t.round === 'Final');
    if (!semis || !fin) return [...problems, `${doc.file}: mass start without Semifinals and Final`];
    for (const table of [semis, fin]) {
      for (const row of table.rows) {
        const sum = ['S1', 'S2', 'S3', 'S4'].reduce((n, s) => n + Number(row.cells[s] || 0), 0);
        if (sum !== Number(row.cells.Total)) fail(`line ${row.line}: Total ${row.cells.Total} != ${sum}`);
      }
      for (const heat of groupByHeat(table.rows)) {
        const timed = heat.filter((r) => ms(r.cells.Time!) !== null);
        timed.forEach((r, i) => {
          if (Number(r.cells.Rank) !== i + 1) fail(`line ${r.line}: rank ${r.cells.Rank}, expected ${i + 1}`);
          const prev = timed[i - 1];
          if (!prev) return;
          const [pa, pb] = [Number(prev.cells.Total), Number(r.cells.Total)];
          if (pa < pb || (pa === pb && ms(prev.cells.Time!)! > ms(r.cells.Time!)!))
            fail(`line ${r.line}: out of order`);
        });
        if (heat.slice(0, timed.length).some((r) => !timed.includes(r)))
          fail('untimed row above a timed one');
      }
    }
    const qualified = semis.rows.filter((r) => r.cells.Notes === 'Q');
    if (qualified.some((r) => Number(r.cells.Rank) > 8)) fail('Q below 8th place');
    if (new Set(qualified.map(name)).size !== new Set(fin.rows.map(name)).size)
      fail('final is not the qualifiers');
    final = fin.rows;
  } else if (isShort) {
    const finalA = results.find((t) => t.sub === 'Final A');
    const finalB = results.find((t) => t.sub === 'Final B');
    if (!finalA) return [...problems, `${doc.file}: short track without Final A`];
    for (const table of results) {
      const offset = table === finalB ? finalA.rows.length : 0;
      for (const heat of groupByHeat(table.rows)) {
        const timed = heat.filter((r) => ms(r.cells.Time!) !== null);
        timed.forEach((r, i) => {
          if (Number(r.cells.Rank) !== offset + i + 1)
            fail(`line ${r.line}: rank ${r.cells.Rank}, expected ${offset + i + 1}`);
          if (i > 0 && ms(timed[i - 1]!.cells.Time!)! >= ms(r.cells.Time!)!)
            fail(`line ${r.line}: time not after the place above`);
        });
        for (const r of heat) {
          if (r.cells.Time === '' && !['PEN', 'YC', 'DSQ'].includes(r.cells.Notes!))
            fail(`line ${r.line}: blank time, no penalty`);
        }
      }
    }
    const semis = results.find((t) => t.round === 'Semifinals');
    const toA = semis?.rows.filter((r) => r.cells.Notes === 'QA' || r.cells.Notes === 'qA').map(name) ?? [];
    if (toA.sort().join() !== finalA.rows.map(name).sort().join()) fail('Final A is not the QA/qA skaters');
    final = finalA.rows;
  } else {
    if (results.length !== 1 || results[0]!.round !== null)
      fail('a long-track distance should be one table under Results');
    final = results[0]!.rows;
    const times = final.map((r) => ms(r.cells.Time!));
    final.forEach((r, i) => {
      const t = times[i];
      if (t === null || t === undefined) return;
      const expected = 1 + times.filter((x) => x !== null && x !== undefined && x < t).length;
      if (Number(r.cells.Rank) !== expected)
        fail(`line ${r.line}: rank ${r.cells.Rank}, expected ${expected}`);
    });
  }

  const box = doc.infobox;
  for (const [i, medal] of ['Gold', 'Silver', 'Bronze'].entries()) {
    const placed = final.filter((r) => r.cells.Rank === String(i + 1));
    if (placed.length !== 1 || name(placed[0]!) !== box.get(medal))
      fail(`${medal} ${box.get(medal)} is not the sole rank ${i + 1}`);
    if (!/^[A-Z]{3}$/.test(box.get(`${medal}noc`) ?? '')) fail(`${medal}noc missing`);
  }
  const winner = final.find((r) => r.cells.Rank === '1');
  const win = isMass ? winner?.cells.Total : winner?.cells.Time;
  if (box.get('Win Value') !== win) fail(`Win Value ${box.get('Win Value')} is not the winner's ${win}`);
  if ((box.get('Win Label') === 'Winning points') !== isMass) fail('Win Label only for points');
  const firstRound = results[0]!.rows.map(name);
  if (Number(box.get('Competitors')) !== new Set(firstRound).size)
    fail('Competitors != distinct skaters in the first round');
  if (new Set(firstRound).size !== firstRound.length) fail('a skater twice in the first round');
  if (!(Number(box.get('Nations')) >= 1 && Number(box.get('Nations')) <= firstRound.length))
    fail('Nations out of range');
  if (box.get('Games') !== `${year} Winter`) fail('Games');
  if (box.get('Event') !== `${gender} ${event}`) fail('Event');
  if (!/^\d{1,2} (?:and \d{1,2} )?February(?: \d{4})?$/.test(box.get('Date') ?? ''))
    fail(`Date ${box.get('Date')}`);
  return problems;
}

interface Census {
  rows: number;
  skaters: number;
  bytes: number;
  problems: string[];
}

function census(files: readonly CorpusFile[]): Census {
  const problems: string[] = [];
  const skaters = new Set<string>();
  const events = new Set<string>();
  let rows = 0;
  for (const f of files) {
    const doc = readDoc(f.file, f.text);
    problems.push(...checkDoc(doc));
    const t = TITLE.exec(doc.title);
    const key = `${t?.groups?.sport}/${t?.groups?.year}/${t?.groups?.gender}/${t?.groups?.event}`;
    if (events.has(key)) problems.push(`${f.file}: second article for ${key}`);
    events.add(key);
    for (const table of doc.tables.filter((x) => x.section === 'Results')) {
      rows += table.rows.length;
      for (const r of table.rows) skaters.add(name(r));
    }
  }
  const names = files.map((f) => f.file);
  if (!names.every((n) => /^g\d+_\d{6}\.txt$/.test(n))) problems.push('file names');
  if (names.join() !== [...names].sort().join()) problems.push('files not in name order');
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  return { rows, skaters: skaters.size, bytes, problems };
}

describe('bench/generate', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('generateCorpus', () => {
    it('is deterministic for a seed and differs between seeds', () => {
      const a = generateCorpus({ scale: 3, seed: 7 });
      expect(generateCorpus({ scale: 3, seed: 7 })).toStrictEqual(a);
      const b = generateCorpus({ scale: 3, seed: 8 });
      expect(b.map((f) => f.text)).not.toStrictEqual(a.map((f) => f.text));
    });

    it('rejects a scale that is not a positive integer or too large to keep ids distinct', () => {
      expect(() => generateCorpus({ scale: 0 })).toThrow(RangeError);
      expect(() => generateCorpus({ scale: 1.5 })).toThrow(RangeError);
      expect(() => generateCorpus({ scale: 5000 })).toThrow(RangeError);
    });

    it('at scale 1 is about the seeds: 3 events, ~100 skaters, ~160 rows, all facts hold', () => {
      const files = generateCorpus({ scale: 1 });
      const c = census(files);
      expect(c.problems).toStrictEqual([]);
      expect(files.map((f) => f.file)).toStrictEqual(['g1_000000.txt', 'g1_000001.txt', 'g1_000002.txt']);
      expect(c.skaters).toBeGreaterThanOrEqual(50);
      expect(c.skaters).toBeLessThanOrEqual(130);
      expect(c.rows).toBeGreaterThanOrEqual(90);
      expect(c.rows).toBeLessThanOrEqual(260);
      const kinds = files.map((f) =>
        f.text.includes('mass start') ? 'ms' : f.text.startsWith('= Short') ? 'st' : 'lt',
      );
      expect(kinds.sort()).toStrictEqual(['lt', 'ms', 'st']);
    });

    it.each([1, 2])('at scale 100 (seed %i) holds every fact in every article', (seed) => {
      const files = generateCorpus({ scale: 100, seed });
      const c = census(files);
      expect(c.problems).toStrictEqual([]);
      expect(files).toHaveLength(300);
      expect(c.rows).toBeGreaterThan(9_000);
      expect(c.rows).toBeLessThan(16_000);
      expect(c.skaters).toBeGreaterThan(2_500);
      expect(c.skaters).toBeLessThan(6_000);
      const years = new Set(files.map((f) => TITLE.exec(f.text.split('\n')[0]!)?.groups?.year));
      expect(years.size).toBeGreaterThanOrEqual(20);
    });

    it('at scale 100 exercises the forms DATA.md lists', () => {
      const text = generateCorpus({ scale: 100 })
        .map((f) => f.text)
        .join('\n');
      const forms: Record<string, RegExp> = {
        unspacedResults: /^==Results==$/m,
        spacedResults: /^== Results ==$/m,
        athleteHeader: /^\| Rank \|[^\n]*\| Athlete \|/m,
        rankNotFirst: /^\| Pair \| Lane \| (?:Name|Athlete) \|[^\n]*\| Rank \|/m,
        pointsHeader: /^\| S1 \| S2 \| S3 \| S4 \| Total \|/m,
        finalB: /^====\s?Final B\s?====$/m,
        quarterfinals: /^===\s?Quarterfinals\s?===$/m,
        threeSemis: /^\| \d+ \| 3 \|[^\n]*\| Q[AB] \|$/m,
        startLine: /^={3,4}[^\n]*\n\d{1,2} February \d{4}, \d{2}:\d{2}$/m,
        recordsTable: /^\| Date \| Athlete \| Time \| OR \| WR \|$/m,
        doubledComma: /^- Venue: [^\n]*,, /m,
        twoDays: /^- Date: \d+ and \d+ February$/m,
        tenths: /\| \d+:\d{2}\.\d \|/,
        hundredthsSeconds: /\| \d{2}\.\d{2} \|/,
        thousandths: /\| 1:\d{2}\.\d{3} \|/,
        tenThousand: /Men's 10,000 metres/,
        tie: /^\| (\d+) \|[^\n]*\n\| \1 \|/m,
        dashRank: /^\| – \|/m,
        statuses: /\| DQ \|[\s\S]*\| DNF \|[\s\S]*\| DNS \|/,
        notes: /\| q \|[\s\S]*\| ADV \|[\s\S]*\| PEN \|[\s\S]*\| qA \|[\s\S]*\| QB \|/,
        unknownNotes: /\| YC \|[\s\S]*\| DSQ \|[\s\S]*\| OR \|[\s\S]*\| WR \|/,
        particle: / van 't [A-Z]/,
        koreanHyphen: /\| [A-Z][a-z]+ [A-Z][a-z]+-[a-z]+ \|/,
        diacritics: /[éūņłěøäßő]/,
        prose: / of the Netherlands /,
      };
      const missing = Object.entries(forms)
        .filter(([, re]) => !re.test(text))
        .map(([k]) => k);
      expect(missing).toStrictEqual([]);
    });

    it('at scale 1000 finishes with ~3000 events, ~30k skaters, ~100k rows, all facts holding', () => {
      const files = generateCorpus({ scale: 1000 });
      const c = census(files);
      expect(c.problems).toStrictEqual([]);
      expect(files).toHaveLength(3000);
      expect(c.skaters).toBeGreaterThan(24_000);
      expect(c.skaters).toBeLessThan(40_000);
      expect(c.rows).toBeGreaterThan(80_000);
      expect(c.rows).toBeLessThan(130_000);
    }, 300_000);
  });

  describe('writeCorpus', () => {
    it('writes the files, replaces an earlier corpus, keeps other files and reports what the reader counts', () => {
      const dir = mkdtempSync(join(tmpdir(), 'synth-corpus-'));
      dirs.push(dir);
      writeCorpus(dir, { scale: 2 });
      writeFileSync(join(dir, 'notes.txt'), 'kept');
      const stats = writeCorpus(dir, { scale: 1 });
      const files = generateCorpus({ scale: 1 });
      expect(readdirSync(dir).sort()).toStrictEqual([...files.map((f) => f.file), 'notes.txt']);
      for (const f of files) expect(readFileSync(join(dir, f.file), 'utf8')).toBe(f.text);
      const c = census(files);
      expect(stats).toStrictEqual({ files: 3, events: 3, skaters: c.skaters, rows: c.rows, bytes: c.bytes });
    });
  });
});
