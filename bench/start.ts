// `npm run bench:start`: only the start figure of issue #14, "snapshot to ready at 1000x" against a bare
// `import('discord.js')`, each in a fresh process, interleaved so both see the same load on the machine.
// BENCH_START_RUNS sets the number of pairs (at least 10); BENCH_START_DIR keeps the corpus between runs.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './generate.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const RUNS = Math.max(10, Number(process.env.BENCH_START_RUNS ?? 10));
const SCALE = Number(process.env.BENCH_START_SCALE ?? 1000);

export interface StartFigures {
  snapshot: { p50: number; p99: number; n: number };
  bare: { p50: number; p99: number; n: number };
  ratio: number;
  /** The first questions asked right after ready (see load-child.ts), in the same runs. */
  firstAnswers: { p50: number; p99: number; n: number };
}

function stats(samples: number[]): { p50: number; p99: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { p50: Number(at(0.5).toFixed(1)), p99: Number(at(0.99).toFixed(1)), n: sorted.length };
}

/** Wall time of a fresh `node` importing discord.js and nothing else. */
function bareImport(): number {
  const t = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', "await import('discord.js')"], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (result.status !== 0) throw new Error(`bare import failed: ${String(result.stderr)}`);
  return performance.now() - t;
}

function child(dir: string, mode: string, snapshotDir: string): Record<string, number> {
  const out = execFileSync(process.execPath, [join(HERE, 'load-child.js'), dir, mode, snapshotDir], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

/**
 * Snapshot to ready against a bare import, `runs` interleaved pairs. "Ready" is DataStore.open resolved,
 * and every command except the full-text /search and an event's prose can then answer at its normal
 * speed: no index is built on the first question (the skaters, both indexes and the medal table are
 * restored before ready), and the parts of the snapshot left to first use (an article's rows, a skater's
 * appearances) are in memory by then. What is left (decoding the rows of the few articles a question
 * touches) is measured apart: the first questions, asked right after ready.
 */
export function measureStart(dir: string, snapshotDir: string, runs = RUNS): StartFigures {
  child(dir, 'snapshot-write', snapshotDir);
  // One of each first, so the file cache holds both the snapshot and discord.js.
  child(dir, 'snapshot-read', snapshotDir);
  bareImport();
  const bare: number[] = [];
  const snap: number[] = [];
  const first: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(bareImport());
    const run = child(dir, 'snapshot-read', snapshotDir);
    snap.push(run.totalMs!);
    first.push(run.firstAnswersMs!);
  }
  const s = stats(snap);
  const b = stats(bare);
  return { snapshot: s, bare: b, ratio: Number((s.p50 / b.p50).toFixed(2)), firstAnswers: stats(first) };
}

function main(): void {
  const kept = process.env.BENCH_START_DIR;
  const work = kept ?? mkdtempSync(join(tmpdir(), 'skate-start-'));
  const dir = join(work, `x${SCALE}`);
  try {
    if (!existsSync(dir)) writeCorpus(dir, { scale: SCALE, seed: 1 });
    const before = loadavg();
    const f = measureStart(dir, join(work, `snap${SCALE}`));
    const after = loadavg();
    console.log(
      `Machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores), Node ${process.version}, ` +
        `load average ${before[0]!.toFixed(2)} before, ${after[0]!.toFixed(2)} after`,
    );
    console.log(`| figure | ${SCALE}x, ms p50 / p99 (n) |`);
    console.log('| --- | --- |');
    console.log(`| snapshot to ready | ${f.snapshot.p50} / ${f.snapshot.p99} (${f.snapshot.n}) |`);
    console.log(`| bare import('discord.js') | ${f.bare.p50} / ${f.bare.p99} (${f.bare.n}) |`);
    console.log(`| ratio (target ≤ 1.0x) | ${f.ratio}x ${f.ratio <= 1 ? 'met' : 'missed'} |`);
    console.log(
      `| first questions right after ready (skater and event autocomplete, a podium, the medal table) | ${f.firstAnswers.p50} / ${f.firstAnswers.p99} (${f.firstAnswers.n}) |`,
    );
  } finally {
    if (!kept) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
