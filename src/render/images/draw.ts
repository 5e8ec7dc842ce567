import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';

/** Registered under a name no system font uses, so a missing file fails loudly instead of falling back. */
export const FONT_FAMILY = 'Skate Results Inter';

export type FontWeight = 400 | 500 | 600 | 700 | 800;

const FONT_FILES: Record<FontWeight, string> = {
  400: '400Regular/Inter_400Regular.ttf',
  500: '500Medium/Inter_500Medium.ttf',
  600: '600SemiBold/Inter_600SemiBold.ttf',
  700: '700Bold/Inter_700Bold.ttf',
  800: '800ExtraBold/Inter_800ExtraBold.ttf',
};

/**
 * Inter has no CJK. Noto Sans SC (simplified Chinese, with Japanese kana) comes next so Chinese shows
 * Chinese forms; Noto Sans KR adds the Hangul SC lacks. Regular and bold only: the CJK files are 6-10 MB
 * each, and a weight between them is drawn from the nearest of the two.
 */
const CJK_FAMILY = 'Skate Results Noto Sans SC';
const HANGUL_FAMILY = 'Skate Results Noto Sans KR';
const FALLBACK_FILES: ReadonlyArray<[string, string]> = [
  [CJK_FAMILY, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  [CJK_FAMILY, '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
  [HANGUL_FAMILY, '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf'],
  [HANGUL_FAMILY, '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf'],
];

/** The CSS font families every picture is drawn with, Inter first. */
export const FONT_STACK = [FONT_FAMILY, CJK_FAMILY, HANGUL_FAMILY].map((family) => `"${family}"`).join(', ');

let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  const require = createRequire(import.meta.url);
  for (const file of Object.values(FONT_FILES)) {
    const path = require.resolve(`@expo-google-fonts/inter/${file}`);
    if (GlobalFonts.registerFromPath(path, FONT_FAMILY) === null) {
      throw new Error(`Could not load the font ${path}`);
    }
  }
  for (const [family, file] of FALLBACK_FILES) {
    const path = require.resolve(file);
    if (GlobalFonts.registerFromPath(path, family) === null) {
      throw new Error(`Could not load the font ${path}`);
    }
  }
  fontsRegistered = true;
}

export const COLORS = {
  backgroundTop: '#141b2e',
  backgroundBottom: '#090c15',
  text: '#f5f7fb',
  textSecondary: '#aab3c5',
  textMuted: '#6f7890',
  rule: 'rgba(255, 255, 255, 0.10)',
  stripe: 'rgba(255, 255, 255, 0.035)',
  gold: '#f4c542',
  silver: '#cfd6e0',
  bronze: '#d98c55',
} as const;

export interface Surface {
  canvas: Canvas;
  ctx: SKRSContext2D;
}

/** A canvas with fonts loaded and the shared dark background painted. */
export function createSurface(width: number, height: number): Surface {
  registerFonts();
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  // A fixed language keeps text shaping, and so the pixels, independent of the host's locale.
  ctx.lang = 'en';
  fillVerticalGradient(
    ctx,
    0,
    0,
    width,
    height,
    parseColor(COLORS.backgroundTop),
    parseColor(COLORS.backgroundBottom),
  );
  drawMedalStripe(ctx, width);
  return { canvas, ctx };
}

export type Rgba = [number, number, number, number];

export function parseColor(hex: string, alpha = 1): Rgba {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

export function formatColor([red, green, blue, alpha]: Rgba): string {
  return `rgba(${red}, ${green}, ${blue}, ${alpha})`;
}

/**
 * A vertical gradient drawn as flat bands one colour level apart. It looks the same as Skia's
 * dithered gradient, whose noise makes the PNG several times larger and slower to encode.
 */
export function fillVerticalGradient(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  from: Rgba,
  to: Rgba,
): void {
  const levels = Math.max(
    Math.abs(to[0] - from[0]),
    Math.abs(to[1] - from[1]),
    Math.abs(to[2] - from[2]),
    Math.abs(to[3] - from[3]) * 255,
  );
  const bands = Math.max(1, Math.min(Math.round(height), Math.ceil(levels)));
  for (let band = 0; band < bands; band += 1) {
    const t = bands === 1 ? 0 : band / (bands - 1);
    const color = from.map((start, channel) => start + ((to[channel] ?? start) - start) * t);
    const [red = 0, green = 0, blue = 0, alpha = 1] = color;
    ctx.fillStyle = formatColor([
      Math.round(red),
      Math.round(green),
      Math.round(blue),
      Number(alpha.toFixed(3)),
    ]);
    const top = Math.round(y + (band * height) / bands);
    const bottom = Math.round(y + ((band + 1) * height) / bands);
    ctx.fillRect(x, top, width, bottom - top);
  }
}

/** The gold-silver-bronze band across the top edge that every picture carries. */
function drawMedalStripe(ctx: SKRSContext2D, width: number): void {
  const third = Math.round(width / 3);
  const colors = [COLORS.gold, COLORS.silver, COLORS.bronze];
  colors.forEach((color, index) => {
    ctx.fillStyle = color;
    const x = index * third;
    ctx.fillRect(x, 0, index === 2 ? width - x : third, 6);
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/**
 * Skia's PNG encoder tries every row filter at zlib level 6, which costs more than drawing the picture;
 * unfiltered rows at level 3 are several times cheaper for a file of much the same size.
 */
export function encodePng(canvas: Canvas): Buffer {
  const { width, height } = canvas;
  // Premultiplied bytes equal straight ones here: every surface starts with an opaque background.
  const pixels = canvas.data();
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 3 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Tabular figures keep columns of times aligned, but widen hyphens and colons in running text. */
export function setFont(
  ctx: SKRSContext2D,
  weight: FontWeight,
  size: number,
  letterSpacing = 0,
  tabular = false,
): void {
  ctx.font = `${weight} ${size}px ${FONT_STACK}`;
  ctx.letterSpacing = `${letterSpacing}px`;
  ctx.fontVariantNumeric = tabular ? 'tabular-nums' : 'normal';
}

export function measureText(
  ctx: SKRSContext2D,
  text: string,
  weight: FontWeight,
  size: number,
  letterSpacing = 0,
  tabular = false,
): number {
  setFont(ctx, weight, size, letterSpacing, tabular);
  return ctx.measureText(text).width;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Cuts text to fit with an ellipsis, never splitting a letter from its combining accent. */
export function ellipsize(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const parts = Array.from(graphemes.segment(text), (segment) => segment.segment);
  let low = 0;
  let high = parts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = `${parts.slice(0, mid).join('').trimEnd()}…`;
    if (ctx.measureText(candidate).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return `${parts.slice(0, low).join('').trimEnd()}…`;
}

export interface FitOptions {
  weight: FontWeight;
  maxSize: number;
  minSize: number;
  maxWidth: number;
  letterSpacing?: number;
}

export interface FittedLine {
  text: string;
  size: number;
}

/** The largest size between min and max at which the text fits; at the minimum, an ellipsis if need be. */
export function fitLine(ctx: SKRSContext2D, text: string, options: FitOptions): FittedLine {
  const { weight, maxSize, minSize, maxWidth, letterSpacing = 0 } = options;
  for (let size = maxSize; size > minSize; size -= 1) {
    if (measureText(ctx, text, weight, size, letterSpacing) <= maxWidth) return { text, size };
  }
  setFont(ctx, weight, minSize, letterSpacing);
  return { text: ellipsize(ctx, text, maxWidth), size: minSize };
}

export interface WrappedText {
  lines: string[];
  size: number;
}

/**
 * Ways to cut a name in two, best first: at a space, else after a hyphen (kept on the first line)
 * so that a double-barrelled surname stays whole when it can.
 */
function twoLineSplits(text: string): [string, string][][] {
  const atSpaces: [string, string][] = [];
  const atHyphens: [string, string][] = [];
  for (let index = 1; index < text.length - 1; index += 1) {
    const char = text[index];
    if (char === ' ') atSpaces.push([text.slice(0, index), text.slice(index + 1)]);
    else if (char === '-') atHyphens.push([text.slice(0, index + 1), text.slice(index + 1)]);
  }
  return [atSpaces, atHyphens].filter((group) => group.length > 0);
}

/** The most balanced split that fits, or null. */
function bestSplit(
  ctx: SKRSContext2D,
  splits: readonly [string, string][],
  weight: FontWeight,
  size: number,
  maxWidth: number,
): [string, string] | null {
  let best: [string, string] | null = null;
  let bestWidth = Infinity;
  for (const split of splits) {
    const width = Math.max(
      measureText(ctx, split[0], weight, size),
      measureText(ctx, split[1], weight, size),
    );
    if (width <= maxWidth && width < bestWidth) {
      best = split;
      bestWidth = width;
    }
  }
  return best;
}

/**
 * Fits a name in one line if it can stay large, else in two balanced lines, else shrinks and
 * ellipsizes: a long name keeps a readable size instead of turning tiny on one line.
 */
export function wrapName(
  ctx: SKRSContext2D,
  text: string,
  options: FitOptions & { singleLineMinSize: number },
): WrappedText {
  const { weight, maxSize, minSize, maxWidth, singleLineMinSize } = options;
  for (let size = maxSize; size >= singleLineMinSize; size -= 1) {
    if (measureText(ctx, text, weight, size) <= maxWidth) return { lines: [text], size };
  }
  const groups = twoLineSplits(text);
  for (let size = maxSize; size >= minSize && groups.length > 0; size -= 1) {
    for (const splits of groups) {
      const best = bestSplit(ctx, splits, weight, size, maxWidth);
      if (best) return { lines: best, size };
    }
  }
  const fitted = fitLine(ctx, text, { ...options, minSize });
  return { lines: [fitted.text], size: fitted.size };
}

export function fillRoundRect(
  ctx: SKRSContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number | number[],
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, radius);
  ctx.fill();
}

export interface ChartHeader {
  title: string;
  subtitle: string;
}

export const CHART_MARGIN = 56;

export function drawChartHeader(ctx: SKRSContext2D, width: number, header: ChartHeader): void {
  const maxWidth = width - 2 * CHART_MARGIN;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const title = fitLine(ctx, header.title, { weight: 800, maxSize: 40, minSize: 26, maxWidth });
  setFont(ctx, 800, title.size);
  ctx.fillStyle = COLORS.text;
  ctx.fillText(title.text, CHART_MARGIN, 70);
  const subtitle = fitLine(ctx, header.subtitle, { weight: 500, maxSize: 20, minSize: 15, maxWidth });
  setFont(ctx, 500, subtitle.size);
  ctx.fillStyle = COLORS.textSecondary;
  ctx.fillText(subtitle.text, CHART_MARGIN, 104);
}
