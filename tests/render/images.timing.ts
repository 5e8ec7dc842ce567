// Render timings, printed for a person: npx tsx tests/render/images.timing.ts [renders]
import {
  renderHeadToHead,
  renderPodiumCard,
  renderSprintChart,
  renderTimeChart,
} from '../../src/render/images/index.js';
import {
  bergsmaVsSunLong,
  crowdedHeadToHead,
  mensMassStartPodium,
  shortTrackQuarterfinal3,
  sunLongVsKruzbergs,
  womensMassStartFinal,
} from './images.inputs.js';

const renders = Number(process.argv[2] ?? 50);
const warmup = 5;

const pictures: [string, () => Buffer][] = [
  ['podium card', () => renderPodiumCard(mensMassStartPodium)],
  ['sprint chart (16 rows)', () => renderSprintChart(womensMassStartFinal)],
  ['time chart (5 rows)', () => renderTimeChart(shortTrackQuarterfinal3)],
  ['head to head (4 races)', () => renderHeadToHead(sunLongVsKruzbergs)],
  ['head to head (never met)', () => renderHeadToHead(bergsmaVsSunLong)],
  ['head to head (10 races)', () => renderHeadToHead(crowdedHeadToHead)],
];

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

for (const [name, render] of pictures) {
  for (let index = 0; index < warmup; index += 1) render();
  const times: number[] = [];
  // CPU time barely moves when other processes load the machine, so it is printed beside wall time.
  const cpuTimes: number[] = [];
  let bytes = 0;
  for (let index = 0; index < renders; index += 1) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    bytes = render().length;
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const wall = `median ${percentile(times, 0.5).toFixed(1)} ms  p99 ${percentile(times, 0.99).toFixed(1)} ms`;
  const cpu = `cpu median ${percentile(cpuTimes, 0.5).toFixed(1)} ms`;
  console.log(`${name.padEnd(24)} ${wall}  ${cpu}  (${renders} renders, ${bytes} bytes)`);
}
