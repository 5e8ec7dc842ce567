import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Edition, OlympicRecord, Result } from './synth/article.js';
import { renderArticle } from './synth/article.js';
import { chooseSlots, eraFactor, slotKey, timeDecimals, venueFor } from './synth/calendar.js';
import type { Slot } from './synth/calendar.js';
import { draftFields } from './synth/careers.js';
import type { Skater } from './synth/careers.js';
import { NamePool } from './synth/names.js';
import { runMassStart, runShortTrack, runSingle } from './synth/races.js';
import { Random } from './synth/random.js';

export interface CorpusOptions {
  /** 1 is about the seeds' size (3 events); each unit adds 3 events. A positive integer, at most ~1090. */
  scale: number;
  /** Any 32-bit integer; default 1. */
  seed?: number;
}

export interface CorpusFile {
  file: string;
  text: string;
}

export interface CorpusStats {
  files: number;
  events: number;
  /** Distinct skaters in results tables (names in prose or records tables only are not counted). */
  skaters: number;
  /** Data rows of results tables. */
  rows: number;
  /** UTF-8 bytes of all articles. */
  bytes: number;
}

const FILE_NAME = /^g\d+_\d{6}\.txt$/;

function buildCorpus(options: CorpusOptions): { files: CorpusFile[]; stats: CorpusStats } {
  const { scale } = options;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`scale must be a positive integer, got ${scale}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);

  const slots = chooseSlots(new Random(seed, 'slots'), scale * 3);
  const sizes = slots.map((slot) => new Random(seed, `field/${slotKey(slot)}`).int(...slot.discipline.field));
  const fields = draftFields(
    slots,
    sizes,
    new Random(seed, 'careers'),
    new NamePool(new Random(seed, 'names')),
  );

  const editionYears = new Map<string, number[]>();
  for (const slot of slots) {
    const key = editionKey(slot);
    editionYears.set(key, [...(editionYears.get(key) ?? []), slot.year]);
  }
  const editions = new Map<string, Edition>();
  const records = new Map<string, OlympicRecord>();
  const seen = new Set<number>();
  let rows = 0;

  const files = slots.map((slot, index): CorpusFile => {
    const key = editionKey(slot);
    const rng = new Random(seed, `race/${slotKey(slot)}`);
    const field = fields[index]!;
    const decimals = timeDecimals(slot.year, slot.discipline);
    const ctx = {
      baseMs:
        slot.discipline.base[slot.gender === 'men' ? 0 : 1] * 1000 * eraFactor(slot.year, slot.discipline),
      decimals,
    };
    const day = rng.int(6, 22);
    let result: Result;
    let medallists: Skater[];
    let priorRecord: OlympicRecord | null = null;
    let newRecord: OlympicRecord | null = null;
    let finalsDay: number | null = null;

    if (slot.discipline.format === 'single') {
      const spread = (slot.discipline.metres ?? 0) >= 3000 ? 0.12 : 0.08;
      const raced = runSingle(rng, field, ctx, spread);
      result = { format: 'single', rows: raced };
      medallists = raced.slice(0, 3).map((r) => r.skater);
      rows += raced.length;
      const winner = raced[0]!;
      priorRecord = records.get(key) ?? null;
      const mark: OlympicRecord = {
        name: winner.skater.name,
        ms: winner.ms!,
        decimals,
        day,
        year: slot.year,
        world: rng.chance(0.25),
      };
      if (!priorRecord) records.set(key, { ...mark, world: false });
      else if (winner.ms! < priorRecord.ms) {
        winner.note = mark.world ? 'WR' : 'OR';
        newRecord = mark;
        records.set(key, mark);
      }
    } else if (slot.discipline.format === 'mass-start') {
      const { semis, final } = runMassStart(rng, field, ctx);
      result = { format: 'mass-start', semis, final };
      medallists = final.slice(0, 3).map((r) => r.skater);
      rows += semis.length + final.length;
    } else {
      const rounds = runShortTrack(rng, field, ctx);
      result = { format: 'short-track', rounds };
      const finalA = rounds.find((r) => r.name === 'Final A')!.heats[0]!;
      medallists = finalA.slice(0, 3).map((r) => r.skater);
      if (finalA[0]!.note === '' && rng.chance(0.05)) finalA[0]!.note = 'OR';
      rows += rounds.reduce((n, r) => n + r.heats.flat().length, 0);
      if (rng.chance(0.7)) finalsDay = day + rng.int(1, 3);
    }
    for (const s of field) seen.add(s.id);

    const years = editionYears.get(key)!;
    const at = years.indexOf(slot.year);
    const text = renderArticle(
      {
        slot,
        venue: venueFor(slot.year, slot.discipline.sport),
        decimals,
        day,
        finalsDay,
        result,
        medallists,
        firstRound: field,
        prev: years[at - 1] ?? null,
        next: years[at + 1] ?? (slot.year === 2026 ? 2030 : null),
        defending: editions.get(key) ?? null,
        priorRecord,
        newRecord,
      },
      new Random(seed, `text/${slotKey(slot)}`),
    );
    editions.set(key, { year: slot.year, medallists });
    medallists.forEach((s, i) => {
      s.medals++;
      if (i === 0) s.golds++;
    });
    return { file: `g${scale}_${String(index).padStart(6, '0')}.txt`, text };
  });

  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text, 'utf8'), 0);
  return { files, stats: { files: files.length, events: slots.length, skaters: seen.size, rows, bytes } };
}

function editionKey(slot: Slot): string {
  return `${slot.discipline.sport}/${slot.discipline.slug}/${slot.gender}`;
}

/** Synthetic articles in the seeds' format; the same options always give the same files, byte for byte. */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  return buildCorpus(options).files;
}

/**
 * Writes the corpus into `dir` (created if missing), first removing any earlier generated corpus there
 * (files named like `g100_000042.txt`); other files are left alone.
 */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusStats {
  const { files, stats } = buildCorpus(options);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (FILE_NAME.test(name)) rmSync(join(dir, name));
  for (const f of files) writeFileSync(join(dir, f.file), f.text);
  return stats;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { scale: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  if (values.scale === undefined || values.out === undefined) {
    console.error('usage: node dist/bench/generate.js --scale N --out DIR [--seed N]');
    process.exitCode = 2;
    return;
  }
  const started = performance.now();
  const stats = writeCorpus(values.out, { scale: Number(values.scale), seed: Number(values.seed ?? 1) });
  const ms = Math.round(performance.now() - started);
  for (const [k, v] of Object.entries({ ...stats, ms })) console.log(`${k.padEnd(8)} ${v}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
