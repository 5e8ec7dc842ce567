import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDrawer } from '../../src/pictures/drawer.js';
import { renderHeadToHead, renderPodiumCard } from '../../src/render/images/index.js';
import { mensMassStartPodium, sunLongVsKruzbergs } from '../render/images.inputs.js';

const ROOT = join(import.meta.dirname, '..', '..');
// tsc's output (`npm run build`, which `npm test` runs first); the bundle's worker is checked end to end.
const COMPILED = join(ROOT, 'dist', 'src', 'pictures', 'drawer.js');

describe('pictures/drawer', () => {
  it('draws on the calling thread when run from source, where there is no worker file to start', async () => {
    const drawer = createDrawer();
    expect(drawer.mode()).toBe('in-thread');
    const png = await drawer.draw({ kind: 'podium', input: mensMassStartPodium });
    expect(png.equals(renderPodiumCard(mensMassStartPodium))).toBe(true);
    const h2h = await drawer.draw({ kind: 'headToHead', input: sunLongVsKruzbergs });
    expect(h2h.equals(renderHeadToHead(sunLongVsKruzbergs))).toBe(true);
  });

  it.skipIf(!existsSync(COMPILED))('draws in a worker thread once compiled, the same picture', () => {
    const script = `
      const { createDrawer } = await import(${JSON.stringify(pathToFileURL(COMPILED).href)});
      const started = [];
      const drawer = createDrawer({ debug: (fields, msg) => started.push(msg), error: (fields, msg) => started.push(msg) });
      const png = await drawer.draw({ kind: 'podium', input: ${JSON.stringify(mensMassStartPodium)} });
      const h2h = await drawer.draw({ kind: 'headToHead', input: ${JSON.stringify(sunLongVsKruzbergs)} });
      process.stdout.write(JSON.stringify({
        mode: drawer.mode(), started, png: png.toString('base64'), h2h: h2h.toString('base64'),
      }));
    `;
    const file = join(mkdtempSync(join(tmpdir(), 'drawer-')), 'draw.mjs');
    writeFileSync(file, script);
    const run = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    rmSync(dirname(file), { recursive: true, force: true });
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { mode: string; started: string[]; png: string; h2h: string };
    expect(out.mode).toBe('worker');
    expect(out.started).toStrictEqual(['picture worker started']);
    expect(Buffer.from(out.png, 'base64').equals(renderPodiumCard(mensMassStartPodium))).toBe(true);
    expect(Buffer.from(out.h2h, 'base64').equals(renderHeadToHead(sunLongVsKruzbergs))).toBe(true);
    // The worker is unreferenced when idle: the process above ended on its own.
    expect(run.status).toBe(0);
  });
});
