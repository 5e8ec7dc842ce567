// The drawing library is native and large: only the picture workers (and a source run's in-thread drawer)
// load it. A value imported from src/render/images/ into a reply builder pulls it into every start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../e2e/bot-process.js';

const BUNDLE = join(import.meta.dirname, '..', '..', 'dist', 'bundle');
const STATIC = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"|(?:^|\n)\s*import\s*"\.\/([^"]+)"/g;
const DYNAMIC = /\bimport\(\s*"\.\/([^"]+)"\s*\)/g;

/** Every chunk `entry` loads, statically or by a dynamic import, except the edges `skip` refuses. */
function closure(entry: string, skip: (target: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(BUNDLE, file), 'utf8');
    for (const m of text.matchAll(STATIC)) stack.push((m[1] ?? m[2])!);
    for (const m of text.matchAll(DYNAMIC)) if (!skip(m[1]!)) stack.push(m[1]!);
  }
  return seen;
}

const drawing = (file: string) => readFileSync(join(BUNDLE, file), 'utf8').includes('@napi-rs/canvas');

describe('the main thread and the drawing library', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('loads no chunk that imports @napi-rs/canvas, up to the lazy import of the drawing code', () => {
    const answering = closure('main.js', (target) => target.startsWith('images-'));
    expect(answering.size).toBeGreaterThan(10);
    expect([...answering].filter(drawing)).toStrictEqual([]);
    // The check can fail: with that edge followed, the drawing code is reached.
    expect([...closure('main.js', () => false)].some(drawing)).toBe(true);
  });
});
