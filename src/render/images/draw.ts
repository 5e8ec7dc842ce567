import { createRequire } from 'node:module';
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

export type Medal = 'gold' | 'silver' | 'bronze';

export const MEDAL_COLORS: Record<Medal, string> = {
  gold: COLORS.gold,
  silver: COLORS.silver,
  bronze: COLORS.bronze,
};

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
  ctx.fontVariantNumeric = 'tabular-nums';
  const background = ctx.createLinearGradient(0, 0, 0, height);
  background.addColorStop(0, COLORS.backgroundTop);
  background.addColorStop(1, COLORS.backgroundBottom);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  drawMedalStripe(ctx, width);
  return { canvas, ctx };
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

export function encodePng(canvas: Canvas): Buffer {
  return canvas.toBuffer('image/png');
}

export function setFont(ctx: SKRSContext2D, weight: FontWeight, size: number, letterSpacing = 0): void {
  ctx.font = `${weight} ${size}px "${FONT_FAMILY}"`;
  ctx.letterSpacing = `${letterSpacing}px`;
}

export function measureText(
  ctx: SKRSContext2D,
  text: string,
  weight: FontWeight,
  size: number,
  letterSpacing = 0,
): number {
  setFont(ctx, weight, size, letterSpacing);
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

/** Every way to cut a name in two: at a space, or after a hyphen so the hyphen stays on the first line. */
function twoLineSplits(text: string): [string, string][] {
  const splits: [string, string][] = [];
  for (let index = 1; index < text.length - 1; index += 1) {
    const char = text[index];
    if (char === ' ') splits.push([text.slice(0, index), text.slice(index + 1)]);
    else if (char === '-') splits.push([text.slice(0, index + 1), text.slice(index + 1)]);
  }
  return splits;
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
  const splits = twoLineSplits(text);
  for (let size = maxSize; size >= minSize && splits.length > 0; size -= 1) {
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
    if (best) return { lines: best, size };
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

/** Title and subtitle of a chart; returns the y below them. */
export function drawChartHeader(ctx: SKRSContext2D, width: number, header: ChartHeader): number {
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
  return 128;
}
