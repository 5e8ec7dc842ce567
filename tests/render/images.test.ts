import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it, vi } from 'vitest';
import { timeDecimals } from '../../src/render/images/charts.js';
import { formatDuration } from '../../src/parse/time.js';
import { createSurface, fitLine, wrapName } from '../../src/render/images/draw.js';
import {
  CHART_WIDTH,
  HEAD_TO_HEAD_WIDTH,
  headToHeadLayout,
  renderHeadToHead,
  type HeadToHeadInput,
  PODIUM_CARD_HEIGHT,
  PODIUM_CARD_WIDTH,
  renderPodiumCard,
  renderSprintChart,
  renderTimeChart,
  sprintChartHeight,
  timeChartHeight,
  type PodiumCardInput,
} from '../../src/render/images/index.js';
import { createImageCache } from '../../src/pictures/cache.js';
import { SIDE_COLORS, type Box } from '../../src/render/images/head-to-head.js';
import { parseColor } from '../../src/render/images/draw.js';
import {
  bergsmaVsSunLong,
  crowdedHeadToHead,
  mensMassStartPodium,
  shortTrackQuarterfinal3,
  sunLongVsKruzbergs,
  womensMassStartFinal,
} from './images.inputs.js';

// UPDATE_IMAGES=1 npx vitest run tests/render/images.test.ts rewrites the references; look at them before committing.
const UPDATE = process.env.UPDATE_IMAGES === '1';
const REFERENCE_DIR = fileURLToPath(new URL('../fixtures/images/', import.meta.url));
/** A channel may differ by this much (edge anti-aliasing between builds) before the pixel counts as changed. */
const CHANNEL_TOLERANCE = 16;
/**
 * One changed digit of one time changes about 0.009% of the sprint chart's pixels. The renderer draws
 * text the same way on every OS, so a limit this strict does not fail on another machine.
 */
const MAX_CHANGED_FRACTION = 0.00005;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toStrictEqual(PNG_SIGNATURE);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function decode(png: Buffer): Promise<{ width: number; height: number; pixels: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    pixels: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

/** The share of pixels where some channel differs by more than the tolerance. */
async function changedFraction(actual: Buffer, expected: Buffer): Promise<number> {
  const [a, b] = await Promise.all([decode(actual), decode(expected)]);
  expect({ width: a.width, height: a.height }).toStrictEqual({ width: b.width, height: b.height });
  let changed = 0;
  for (let index = 0; index < a.pixels.length; index += 4) {
    for (let channel = 0; channel < 4; channel += 1) {
      if (Math.abs((a.pixels[index + channel] ?? 0) - (b.pixels[index + channel] ?? 0)) > CHANNEL_TOLERANCE) {
        changed += 1;
        break;
      }
    }
  }
  return changed / (a.pixels.length / 4);
}

async function expectMatchesReference(png: Buffer, name: string): Promise<void> {
  const path = join(REFERENCE_DIR, name);
  if (UPDATE) {
    mkdirSync(REFERENCE_DIR, { recursive: true });
    writeFileSync(path, png);
    return;
  }
  if (!existsSync(path)) throw new Error(`No reference ${path}: run with UPDATE_IMAGES=1 to create it`);
  const fraction = await changedFraction(png, readFileSync(path));
  if (fraction >= MAX_CHANGED_FRACTION) {
    const actualPath = join(tmpdir(), `actual-${name}`);
    writeFileSync(actualPath, png);
    expect.fail(
      `${name}: ${(fraction * 100).toFixed(3)}% of pixels changed; see ${actualPath}, and if the change is ` +
        'intended, run with UPDATE_IMAGES=1',
    );
  }
}

const DIACRITIC_NAMES = [
  'Antoine Gélinas-Beaulieu',
  "Jens van 't Wout",
  'Roberts Krūzbergs',
  'Reinis Bērziņš',
  'Michał Niewiński',
  'Metoděj Jílek',
  'Aurora Grinden Løvås',
  'Ramona Härdi',
  'Bence Nógrádi',
  'Dávid Hőnig',
  'Étienne Bastier',
];

describe('render/images', () => {
  describe('renderPodiumCard', () => {
    it('renders a 1200x675 PNG', () => {
      expect(pngSize(renderPodiumCard(mensMassStartPodium))).toStrictEqual({
        width: PODIUM_CARD_WIDTH,
        height: PODIUM_CARD_HEIGHT,
      });
      expect({ width: PODIUM_CARD_WIDTH, height: PODIUM_CARD_HEIGHT }).toStrictEqual({
        width: 1200,
        height: 675,
      });
    });

    it('renders the same bytes for the same input', () => {
      expect(renderPodiumCard(mensMassStartPodium).equals(renderPodiumCard(mensMassStartPodium))).toBe(true);
    });

    it('matches the reference picture', async () => {
      await expectMatchesReference(renderPodiumCard(mensMassStartPodium), 'podium-mens-mass-start.png');
    });

    it('tells a one-letter change from the reference', async () => {
      const input = structuredClone(mensMassStartPodium);
      input.medallists[2]!.name = 'Andrea Giovanninu';
      const fraction = await changedFraction(
        renderPodiumCard(input),
        readFileSync(join(REFERENCE_DIR, 'podium-mens-mass-start.png')),
      );
      expect(fraction).toBeGreaterThan(MAX_CHANGED_FRACTION);
    });

    it.each(DIACRITIC_NAMES)('draws %s on every step', (name) => {
      const input: PodiumCardInput = {
        ...mensMassStartPodium,
        medallists: mensMassStartPodium.medallists.map((medallist) => ({ ...medallist, name })),
      };
      expect(pngSize(renderPodiumCard(input))).toStrictEqual({ width: 1200, height: 675 });
    });

    it.each<[string, PodiumCardInput['medallists']]>([
      [
        'a tie for gold',
        [
          { medal: 'gold', name: "Jens van 't Wout", noc: 'NED', countryName: 'Netherlands' },
          { medal: 'gold', name: 'Sun Long', noc: 'CHN', countryName: 'China' },
          { medal: 'bronze', name: 'Rim Jong-un', noc: 'KOR', countryName: 'South Korea' },
        ],
      ],
      [
        'a tie for bronze',
        [
          { medal: 'gold', name: 'Jorrit Bergsma', noc: 'NED', countryName: 'Netherlands' },
          { medal: 'silver', name: 'Viktor Hald Thorup', noc: 'DEN', countryName: 'Denmark' },
          { medal: 'bronze', name: 'Andrea Giovannini', noc: 'ITA', countryName: 'Italy' },
          { medal: 'bronze', name: 'Jordan Stolz', noc: 'USA', countryName: 'United States' },
        ],
      ],
      ['a missing bronze', mensMassStartPodium.medallists.slice(0, 2)],
      ['no medallists', []],
      ['no nations', [{ medal: 'gold', name: 'Jorrit Bergsma', noc: null, countryName: null }]],
    ])('renders %s', (_label, medallists) => {
      const png = renderPodiumCard({
        ...mensMassStartPodium,
        medallists,
        venue: null,
        date: null,
        winValue: null,
      });
      expect(pngSize(png)).toStrictEqual({ width: 1200, height: 675 });
    });
  });

  describe('renderSprintChart', () => {
    it('sizes the picture to its rows', () => {
      expect(pngSize(renderSprintChart(womensMassStartFinal))).toStrictEqual({
        width: CHART_WIDTH,
        height: sprintChartHeight(16),
      });
      expect([sprintChartHeight(16), sprintChartHeight(3), sprintChartHeight(0)]).toStrictEqual([
        892, 372, 360,
      ]);
    });

    it('renders the same bytes for the same input', () => {
      expect(renderSprintChart(womensMassStartFinal).equals(renderSprintChart(womensMassStartFinal))).toBe(
        true,
      );
    });

    it('matches the reference picture', async () => {
      await expectMatchesReference(
        renderSprintChart(womensMassStartFinal),
        'sprint-womens-mass-start-final.png',
      );
    });

    it('renders diacritics, unranked and empty rows', () => {
      const png = renderSprintChart({
        title: 'Ünïcödé — ěščřžýáíé',
        subtitle: 'ąćęłńóśźż · åæø · őű',
        rows: DIACRITIC_NAMES.map((name, index) => ({
          rank: index === 0 ? null : index,
          name,
          sprints: [index % 4 === 0 ? null : 1, null, 2, index === 1 ? 60 : null],
          total: 3,
          time: index === 2 ? null : '8:01.11',
        })),
      });
      expect(pngSize(png)).toStrictEqual({ width: 1200, height: sprintChartHeight(DIACRITIC_NAMES.length) });
      expect(pngSize(renderSprintChart({ title: 'Final', subtitle: '', rows: [] })).height).toBe(360);
    });
  });

  describe('renderTimeChart', () => {
    it('sizes the picture to its rows', () => {
      expect(pngSize(renderTimeChart(shortTrackQuarterfinal3))).toStrictEqual({
        width: CHART_WIDTH,
        height: timeChartHeight(5),
      });
    });

    it('renders the same bytes for the same input', () => {
      expect(renderTimeChart(shortTrackQuarterfinal3).equals(renderTimeChart(shortTrackQuarterfinal3))).toBe(
        true,
      );
    });

    it('matches the reference picture', async () => {
      await expectMatchesReference(
        renderTimeChart(shortTrackQuarterfinal3),
        'time-short-track-1000m-qf3.png',
      );
    });

    it('renders a race where nobody has a time', () => {
      const png = renderTimeChart({
        title: 'Heat',
        subtitle: '',
        rows: [{ rank: null, name: 'Pietro Sighel', timeText: null, ms: null, note: 'PEN' }],
      });
      expect(pngSize(png)).toStrictEqual({ width: 1200, height: timeChartHeight(1) });
    });
  });

  describe('renderHeadToHead', () => {
    type Decoded = Awaited<ReturnType<typeof decode>>;
    /** Pixels bright enough to be text, a bar or a marker: the background and row stripes stay far below. */
    function inkIn(image: Decoded, box: Box): number {
      let ink = 0;
      for (let y = Math.round(box.y); y < Math.round(box.y + box.height); y += 1) {
        for (let x = Math.round(box.x); x < Math.round(box.x + box.width); x += 1) {
          const at = (y * image.width + x) * 4;
          if (Math.max(image.pixels[at] ?? 0, image.pixels[at + 1] ?? 0, image.pixels[at + 2] ?? 0) > 90)
            ink += 1;
        }
      }
      return ink;
    }
    /** Pixels of one skater's colour (within a few levels: anti-aliased edges are not counted). */
    function colourIn(image: Decoded, box: Box, side: 'a' | 'b'): number {
      const [r, g, b] = parseColor(SIDE_COLORS[side]);
      let count = 0;
      for (let y = Math.round(box.y); y < Math.round(box.y + box.height); y += 1) {
        for (let x = Math.round(box.x); x < Math.round(box.x + box.width); x += 1) {
          const at = (y * image.width + x) * 4;
          const near = (channel: number, value: number) =>
            Math.abs((image.pixels[at + channel] ?? 0) - value) <= 6;
          if (near(0, r) && near(1, g) && near(2, b)) count += 1;
        }
      }
      return count;
    }
    const half = (box: Box, side: 'a' | 'b'): Box => ({
      ...box,
      x: side === 'a' ? box.x : box.x + box.width / 2,
      width: box.width / 2,
    });

    it.each<[string, HeadToHeadInput, number]>([
      ['four races and a shared best', sunLongVsKruzbergs, 732],
      ['two who never met', bergsmaVsSunLong, 464],
      ['ten races drawn of thirteen, a tie and no best', crowdedHeadToHead, 1180],
    ])('sizes the picture to its rows: %s', (_label, input, height) => {
      expect(headToHeadLayout(input).height).toBe(height);
      expect(pngSize(renderHeadToHead(input))).toStrictEqual({ width: HEAD_TO_HEAD_WIDTH, height });
    });

    it('renders the same bytes for the same input', () => {
      expect(renderHeadToHead(sunLongVsKruzbergs).equals(renderHeadToHead(sunLongVsKruzbergs))).toBe(true);
    });

    it('matches the reference picture', async () => {
      await expectMatchesReference(
        renderHeadToHead(sunLongVsKruzbergs),
        'head-to-head-sun-long-kruzbergs.png',
      );
    });

    it.each<[string, HeadToHeadInput]>([
      ['four races and a shared best', sunLongVsKruzbergs],
      ['two who never met', bergsmaVsSunLong],
      ['ten races drawn of thirteen, a tie and no best', crowdedHeadToHead],
    ])('draws something in every part of the plan, and nothing below it: %s', async (_label, input) => {
      const image = await decode(renderHeadToHead(input));
      const layout = headToHeadLayout(input);
      const boxes = [
        layout.names,
        layout.tally,
        ...layout.races,
        ...(layout.more ? [layout.more] : []),
        ...layout.bests,
      ];
      for (const [index, box] of boxes.entries())
        expect(inkIn(image, box), `box ${index}`).toBeGreaterThan(200);
      const last = boxes.at(-1)!;
      const below = {
        x: 0,
        y: last.y + last.height + 4,
        width: image.width,
        height: image.height - last.y - last.height - 4,
      };
      expect(below.height).toBeGreaterThan(0);
      expect(inkIn(image, below)).toBe(0);
    });

    it('draws each name in its own colour and the tally bar split by who finished ahead', async () => {
      const image = await decode(renderHeadToHead(crowdedHeadToHead));
      const { names, tally } = headToHeadLayout(crowdedHeadToHead);
      expect(colourIn(image, half(names, 'a'), 'a')).toBeGreaterThan(500);
      expect(colourIn(image, half(names, 'a'), 'b')).toBe(0);
      expect(colourIn(image, half(names, 'b'), 'b')).toBeGreaterThan(500);
      expect(colourIn(image, half(names, 'b'), 'a')).toBe(0);
      // 10 of 13 races to the left skater: about three quarters of the bar in the first colour.
      const bar = { ...tally, y: tally.y + 40, height: 20 };
      const a = colourIn(image, bar, 'a');
      const b = colourIn(image, bar, 'b');
      expect(a / b).toBeGreaterThan(3.5);
      expect(a / b).toBeLessThan(6.5);
    });

    it('marks who finished ahead in each race in that skater’s colour, on that skater’s side', async () => {
      const image = await decode(renderHeadToHead(crowdedHeadToHead));
      const { races } = headToHeadLayout(crowdedHeadToHead);
      const right = (box: Box, side: 'a' | 'b'): Box => {
        const column = half(half(box, 'b'), side);
        return side === 'a' ? { ...column, x: column.x - 40, width: column.width + 40 } : column;
      };
      crowdedHeadToHead.races.forEach((race, index) => {
        const box = races[index]!;
        for (const side of ['a', 'b'] as const) {
          const marked = colourIn(image, right(box, side), side);
          if (race.ahead === side) expect(marked, `race ${index} ${side}`).toBeGreaterThan(100);
          else expect(marked, `race ${index} ${side}`).toBe(0);
        }
      });
    });
  });

  describe('formatDuration', () => {
    it.each<[number, number, string]>([
      [28, 3, '0.028'],
      [570, 3, '0.570'],
      [19_806, 3, '19.806'],
      [390, 2, '0.39'],
      [13_370, 2, '13.37'],
      [62_345, 3, '1:02.345'],
      [0, 3, '0.000'],
      [86_563, 3, '1:26.563'],
    ])('formats %i ms with %i decimals as %s', (ms, decimals, expected) => {
      expect(formatDuration(ms, decimals)).toBe(expected);
    });
  });

  describe('timeDecimals', () => {
    it.each<[(string | null)[], number]>([
      [['1:26.563', '1:27.133', null], 3],
      [['8:34.70', '8:35.09'], 2],
      [['36.49'], 2],
      [[null], 2],
    ])('reads %j as %i decimals', (times, expected) => {
      expect(timeDecimals(times.map((timeText) => ({ timeText })))).toBe(expected);
    });
  });

  describe('text fitting', () => {
    const { ctx } = createSurface(10, 10);

    it('wraps a long double-barrelled name at the space, keeping the surname whole', () => {
      const wrapped = wrapName(ctx, 'Antoine Gélinas-Beaulieu', {
        weight: 700,
        maxSize: 30,
        singleLineMinSize: 24,
        minSize: 20,
        maxWidth: 288,
      });
      expect(wrapped).toStrictEqual({ lines: ['Antoine', 'Gélinas-Beaulieu'], size: 30 });
    });

    it.each(DIACRITIC_NAMES)('fits %s within 120 px', (name) => {
      const fitted = fitLine(ctx, name, { weight: 600, maxSize: 19, minSize: 15, maxWidth: 120 });
      ctx.font = `600 ${fitted.size}px "Skate Results Inter"`;
      expect(ctx.measureText(fitted.text).width).toBeLessThanOrEqual(120);
    });

    it('ends a name that cannot fit with an ellipsis', () => {
      const fitted = fitLine(ctx, 'Aurora Grinden Løvås', {
        weight: 600,
        maxSize: 19,
        minSize: 15,
        maxWidth: 90,
      });
      expect(fitted.size).toBe(15);
      expect(fitted.text.endsWith('…')).toBe(true);
    });
  });

  describe('createImageCache', () => {
    const png = (byte: number): Buffer => Buffer.from([byte]);

    it('draws once per key, also when asked again while the first draw is under way', async () => {
      const cache = createImageCache(4);
      let finish: (image: Buffer) => void = () => undefined;
      const draw = vi.fn(() => new Promise<Buffer>((resolve) => (finish = resolve)));
      const both = [cache.getOrDraw('ms-men/final', draw), cache.getOrDraw('ms-men/final', draw)];
      finish(png(1));
      const [first, second] = await Promise.all(both);
      expect(first).toStrictEqual(png(1));
      expect(second).toBe(first);
      expect(await cache.getOrDraw('ms-men/final', draw)).toBe(first);
      expect(draw).toHaveBeenCalledTimes(1);
    });

    it('draws again after a failed draw, and caches nothing for it', async () => {
      const cache = createImageCache(4);
      await expect(cache.getOrDraw('k', () => Promise.reject(new Error('canvas')))).rejects.toThrow('canvas');
      expect(cache.size).toBe(0);
      expect(await cache.getOrDraw('k', () => Promise.resolve(png(2)))).toStrictEqual(png(2));
    });

    it('evicts the least recently used entry', () => {
      const cache = createImageCache(2);
      cache.set('a', png(1));
      cache.set('b', png(2));
      expect(cache.get('a')).toStrictEqual(png(1));
      cache.set('c', png(3));
      expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toStrictEqual([
        png(1),
        undefined,
        png(3),
        2,
      ]);
      cache.clear();
      expect(cache.size).toBe(0);
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses %d entries', (maxEntries) => {
      expect(() => createImageCache(maxEntries)).toThrow(RangeError);
    });
  });
});
