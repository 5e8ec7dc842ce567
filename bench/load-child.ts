// Runs in a fresh process so peak RSS and cold timings belong to one load only.
// Usage: node dist/bench/load-child.js <seedsDir> <parse|snapshot-write|snapshot-read> [snapshotDir]
import { readSourcesSync, loadSources } from '../src/load/loader.js';
import { DataStore } from '../src/load/store.js';
import { Dataset } from '../src/domain/index.js';
import { athleteChoices, eventChoices } from '../src/app/options.js';

const [dir = 'seeds', mode = 'parse', snapshotDir = ''] = process.argv.slice(2);

async function main(): Promise<void> {
  const t0 = performance.now();
  if (mode === 'parse') {
    const sources = readSourcesSync(dir);
    const t1 = performance.now();
    const { articles } = loadSources(sources);
    const t2 = performance.now();
    const data = new Dataset(articles);
    const t3 = performance.now();
    await data.warmText();
    const t4 = performance.now();
    report({
      textIndexMs: t4 - t3,
      readMs: t1 - t0,
      parseMs: t2 - t1,
      indexMs: t3 - t2,
      totalMs: t3 - t0,
      events: data.articles.length,
      athletes: data.athletes.athletes.length,
    });
  } else {
    const store = await DataStore.open(dir, { snapshotDir });
    const ready = performance.now() - t0;
    // The first questions, asked at once: what a start leaves to first use (an article's rows, a skater's
    // appearances) shows here rather than in the ready figure.
    const data = store.data;
    const first = performance.now();
    athleteChoices(data, 'jan');
    eventChoices(data, 'mass strt');
    data.podium(data.articles[Math.floor(data.articles.length / 2)]!);
    data.medalTable();
    const firstAnswersMs = performance.now() - first;
    await store.data.warmText();
    report({
      totalMs: ready,
      firstAnswersMs,
      withTextMs: performance.now() - t0,
      events: store.data.articles.length,
    });
  }
}

function report(figures: Record<string, number>): void {
  // maxRSS is in kilobytes.
  const usage = process.resourceUsage();
  const peakRssMb = usage.maxRSS / 1024;
  // CPU time (user + system, all threads, in microseconds) beside wall time: on a busy machine wall time
  // drifts with the load, CPU time much less.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(`${JSON.stringify({ ...figures, cpuMs, peakRssMb })}\n`);
}

await main();
