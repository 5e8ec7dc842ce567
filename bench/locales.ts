// Handler time per locale (issue 15): the same commands over the seeds answered in English and in other
// locales, interleaved call by call so that a noisy machine weighs on every locale alike.
// `npm run bench:locales`; figures to bench/LOCALES-RESULTS.md.
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDirectory } from '../src/load/loader.js';
import { Dataset } from '../src/domain/index.js';
import { loadCommands } from '../src/app/registry.js';
import type { Context, OptionReader } from '../src/app/command.js';
import { langFor } from '../src/i18n/lang.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOCALES = ['en-US', 'nl', 'ko', 'de', 'ja', 'zh-CN', 'pl'];
const ROUNDS = Number(process.env.BENCH_LOCALE_ROUNDS ?? 300);
/** The 1x handler target of bench/RESULTS.md. */
const TARGET_P99_MS = 2;

const options = (input: Record<string, string | number>): OptionReader => ({
  getString: (name) => (typeof input[name] === 'string' ? input[name] : null),
  getInteger: (name) => (typeof input[name] === 'number' ? input[name] : null),
});

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

const { articles } = await loadDirectory(join(ROOT, 'seeds'));
const data = new Dataset(articles);
const commands = await loadCommands();
const ctx = {
  data,
  status: () => ({}) as never,
  reload: () => Promise.reject(new Error('bench')),
} as Context;

const inputs: Array<[string, Record<string, string | number>]> = [
  ['podium', { event: 'mass-start-men' }],
  ['athlete', { name: 'Sun Long' }],
  ['heat', { event: '1000m', round: 'quarterfinal', n: 3 }],
  ['event', { event: 'short-track-1000m-men-2026' }],
  ['results', { event: 'short-track-1000m-men-2026' }],
  ['medals', {}],
  ['help', {}],
  ['compare', { a: 'Sun Long', b: 'Roberts Krūzbergs' }],
];

const samples = new Map<string, number[]>(LOCALES.map((l) => [l, []]));
const byCommand = new Map<string, number[]>();
const langs = LOCALES.map((l) => [l, langFor(l)] as const);
for (let r = 0; r < ROUNDS + 20; r++) {
  for (const [name, input] of inputs) {
    const command = commands.get(name)!;
    // The first call after a change of command pays for the switch; the locale that goes first turns
    // round by round, so that cost is not always charged to the same one.
    for (let i = 0; i < langs.length; i++) {
      const [locale, lang] = langs[(i + r) % langs.length]!;
      const t = performance.now();
      await command.execute({ options: options(input), isAdmin: false, lang }, ctx);
      const ms = performance.now() - t;
      // The first rounds warm the code and the per-object layouts; they are not counted.
      if (r < 20) continue;
      samples.get(locale)!.push(ms);
      const key = `${name} ${locale === 'en-US' ? 'en-US' : 'other'}`;
      let list = byCommand.get(key);
      if (!list) byCommand.set(key, (list = []));
      list.push(ms);
    }
  }
}

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()
  .map((n) => n.toFixed(2))
  .join(' ')}`;
const en = [...samples.get('en-US')!].sort((a, b) => a - b);
const lines = [
  '# Handlers per locale (`npm run bench:locales`)',
  '',
  `Machine: ${machine}; ${new Date().toISOString()}.`,
  `Every call of ${inputs.map(([n]) => `/${n}`).join(', ')} over the seeds, ${ROUNDS} rounds after 20 of warm-up, locales interleaved call by call.`,
  'Times in ms to the first payload (p50 / p99), one run on a shared machine.',
  '',
  '| locale | p50 | p99 | p99 vs en-US | target p99 ≤ 2 |',
  '|---|---|---|---|---|',
];
for (const locale of LOCALES) {
  const s = [...samples.get(locale)!].sort((a, b) => a - b);
  const p99 = quantile(s, 0.99);
  lines.push(
    `| ${locale} | ${round3(quantile(s, 0.5))} | ${round3(p99)} | ${(p99 / quantile(en, 0.99)).toFixed(2)}x | ${p99 <= TARGET_P99_MS ? 'met' : 'missed'} |`,
  );
}
lines.push(
  '',
  'Per command, English against the other locales together:',
  '',
  '| command | en-US p50 | en-US p99 | others p50 | others p99 |',
  '|---|---|---|---|---|',
);
for (const [name] of inputs) {
  const figures = ['en-US', 'other'].flatMap((group) => {
    const s = [...(byCommand.get(`${name} ${group}`) ?? [])].sort((a, b) => a - b);
    return [round3(quantile(s, 0.5)), round3(quantile(s, 0.99))];
  });
  lines.push(`| /${name} | ${figures.join(' | ')} |`);
}
const text = `${lines.join('\n')}\n`;
writeFileSync(join(ROOT, 'bench', 'LOCALES-RESULTS.md'), text);
console.log(text);
