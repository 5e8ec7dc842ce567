// `npm run bench:import`: the converter's time per article and per 100 KB of HTML over the real fixtures, and a
// whole `--all` run against the local MediaWiki stand-in with simulated latency and a 429; writes
// bench/IMPORT-RESULTS.md with the machine it ran on.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runImport } from '../src/import/cli.js';
import { convertArticle } from '../src/import/convert.js';
import { eventLinks } from '../src/import/links.js';
import { MediaWikiStandin, WIKI_FIXTURES, fixturePage } from '../tests/import/standin-mediawiki.js';

const OUT = fileURLToPath(new URL('IMPORT-RESULTS.md', import.meta.url));
const MIN_SAMPLES = Number(process.env.BENCH_IMPORT_SAMPLES ?? 1000);
const ALL_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 5);
/** Round-trip time the stand-in adds to every answer, as a distant API would. */
const LATENCY_MS = 100;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

interface Fixture {
  name: string;
  title: string;
  bytes: number;
  outcome: string;
  samples: number[];
}

function measureConversion(): Fixture[] {
  const names = readdirSync(WIKI_FIXTURES)
    .filter((f) => f.startsWith('wtq_') && f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, ''))
    .sort();
  const fixtures: Fixture[] = names.map((name) => {
    const page = fixturePage(name);
    const result = convertArticle({ ...page, retrieved: new Date(0) });
    return {
      name,
      title: page.title,
      bytes: Buffer.byteLength(page.html),
      outcome: result.kind === 'converted' ? `${result.stats.rows} rows` : 'refused',
      samples: [],
    };
  });
  const pages = names.map((name) => ({ ...fixturePage(name), retrieved: new Date(0) }));
  // Warm-up: the first calls compile the converter and cheerio's parser.
  for (let i = 0; i < 3; i++) for (const page of pages) convertArticle(page);
  // Refusals cost next to nothing; the samples that matter are those of articles that convert.
  const converting = fixtures.filter((f) => f.outcome !== 'refused').length;
  const rounds = Math.max(20, Math.ceil(MIN_SAMPLES / Math.max(1, converting)));
  for (let r = 0; r < rounds; r++) {
    for (const [i, page] of pages.entries()) {
      const started = performance.now();
      convertArticle(page);
      fixtures[i]!.samples.push(performance.now() - started);
    }
  }
  return fixtures;
}

async function measureAll(): Promise<{
  runs: number[];
  events: number;
  requests: number;
  maxInFlight: number;
  retries: number;
}> {
  const overview = fixturePage('wtq_204-page_216');
  const titles = eventLinks(overview.html, overview.title);
  // The stand-in has no 1972 event pages; the two real skating pages stand in for them, for timing only.
  const bodies = [fixturePage('wtq_204-page_201'), fixturePage('wtq_204-page_912')];
  const runs: number[] = [];
  let requests = 0;
  let maxInFlight = 0;
  let retries = 0;
  for (let run = 0; run < ALL_RUNS; run++) {
    const standin = await MediaWikiStandin.start();
    standin.latencyMs = LATENCY_MS;
    standin.setPage(overview);
    titles.forEach((title, i) => standin.setPage({ ...bodies[i % 2]!, title }));
    standin.fault(titles[3]!, { kind: 'status', status: 429, retryAfter: '1' });
    const dir = mkdtempSync(join(tmpdir(), 'skate-bench-import-'));
    const out = new PassThrough();
    let stdout = '';
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const started = performance.now();
    const code = await runImport(['--out', dir, '--all', overview.title], {
      env: { WIKIPEDIA_API: standin.api, WIKIPEDIA_CONTACT: 'bench@localhost' },
      out,
      err: new PassThrough(),
      isTTY: false,
    });
    runs.push(performance.now() - started);
    if (code !== 0) throw new Error(`the --all run failed:\n${stdout}`);
    requests = standin.requests.length;
    maxInFlight = Math.max(maxInFlight, standin.maxInFlight);
    retries = stdout.split('\n').filter((line) => line.startsWith('waiting ')).length;
    await standin.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { runs, events: titles.length, requests, maxInFlight, retries };
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  node: process.version,
  loadAverage: loadavg().map((l) => round(l)),
};
const fixtures = measureConversion();
const all = await measureAll();

const converted = fixtures.filter((f) => f.outcome !== 'refused');
const perArticle = converted.flatMap((f) => f.samples).sort((a, b) => a - b);
const per100k = converted
  .flatMap((f) => f.samples.map((ms) => (ms * 102_400) / f.bytes))
  .sort((a, b) => a - b);
const allSorted = [...all.runs].sort((a, b) => a - b);

const lines = [
  '# Importer benchmark',
  '',
  `Written by \`npm run bench:import\` (bench/import.ts) on ${new Date().toISOString().slice(0, 10)}.`,
  '',
  `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')} ` +
    '(shared with other work; compare figures of one run).',
  '',
  '## Conversion (convertArticle, HTML string in, dump text out, run in process after 3 warm-up rounds)',
  '',
  `${fixtures.length} real fixtures (tests/fixtures/wiki); the figures are over the ${converted.length} that convert`,
  `(${perArticle.length} conversions). The others are refused before their tables are read; their times are in the`,
  'table below.',
  '',
  '| figure | median | p99 |',
  '|---|---|---|',
  `| ms per article | ${round(quantile(perArticle, 0.5))} | ${round(quantile(perArticle, 0.99))} |`,
  `| ms per 100 KB of HTML | ${round(quantile(per100k, 0.5))} | ${round(quantile(per100k, 0.99))} |`,
  '',
  '| fixture | KB | outcome | median ms | p99 ms |',
  '|---|---|---|---|---|',
  ...fixtures.map((f) => {
    const sorted = [...f.samples].sort((a, b) => a - b);
    return `| ${f.name} (${f.title}) | ${round(f.bytes / 1024, 1)} | ${f.outcome} | ${round(quantile(sorted, 0.5))} | ${round(quantile(sorted, 0.99))} |`;
  }),
  '',
  '## A whole `--all` run against the local stand-in',
  '',
  `\`runImport --all "Speed skating at the 1972 Winter Olympics"\`: the overview and its ${all.events} linked`,
  `event articles (the two real skating pages served under the eight 1972 titles, for timing), every answer`,
  `${LATENCY_MS} ms late, and one 429 with \`Retry-After: 1\`; at most 3 requests in flight. ${all.runs.length} runs.`,
  '',
  '| figure | value |',
  '|---|---|',
  `| wall time, median | ${Math.round(quantile(allSorted, 0.5))} ms |`,
  `| wall time, slowest | ${Math.round(allSorted.at(-1) ?? NaN)} ms |`,
  `| requests per run | ${all.requests} (1 overview + ${all.events} events + 1 retried after the 429) |`,
  `| most in flight | ${all.maxInFlight} |`,
  `| retries waited out per run | ${all.retries} |`,
  '',
  'The run is bound by the etiquette, not by conversion: the 429 holds every request of the client for its',
  'Retry-After second, and with three in flight the nine requests take three round trips besides.',
  '',
];
writeFileSync(OUT, lines.join('\n'));
console.log(lines.join('\n'));
