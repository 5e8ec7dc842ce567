// The pieces both charts are drawn from: column headings and stripes, the axis and its grid, and a row's
// rank, name, bar, time and note.
import type { SKRSContext2D } from '@napi-rs/canvas';
import { CHART_MARGIN, COLORS, fillRoundRect, fitLine, measureText, setFont } from './draw.js';
import { formatDuration } from '../../parse/time.js';
import type { ChartLabels, SprintPoints } from './charts.js';

export const CHART_WIDTH = 1200;

export const ROW_HEIGHT = 40;
const BAR_HEIGHT = 22;
const RANK_RIGHT = CHART_MARGIN + 30;
const NAME_LEFT = CHART_MARGIN + 46;
const NAME_WIDTH = 270;
export const BAR_LEFT = NAME_LEFT + NAME_WIDTH + 24;
export const RIGHT = CHART_WIDTH - CHART_MARGIN;

const SPRINT_COLORS = ['#2dd4bf', '#38bdf8', '#818cf8', '#fb923c'] as const;
const BAR_COLOR = '#38bdf8';
const ON_BAR_TEXT = '#0b1020';

export function drawSprintLegend(ctx: SKRSContext2D, baseline: number, sprints: readonly string[]): void {
  let x = CHART_MARGIN;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  sprints.forEach((label, index) => {
    ctx.fillStyle = SPRINT_COLORS[index] ?? COLORS.text;
    fillRoundRect(ctx, x, baseline - 12, 14, 14, 3);
    setFont(ctx, 600, 15);
    ctx.fillStyle = COLORS.textSecondary;
    ctx.fillText(label, x + 22, baseline);
    x += 22 + ctx.measureText(label).width + 26;
  });
}

export function drawColumnHeadings(
  ctx: SKRSContext2D,
  baseline: number,
  skaterHeading: string,
  barHeading: string,
  timeHeading: string,
  timeRight = RIGHT,
): void {
  setFont(ctx, 700, 13, 1.5);
  ctx.fillStyle = COLORS.textMuted;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'right';
  ctx.fillText('#', RANK_RIGHT + 1.5, baseline);
  ctx.textAlign = 'left';
  ctx.fillText(skaterHeading.toUpperCase(), NAME_LEFT, baseline);
  ctx.fillText(barHeading.toUpperCase(), BAR_LEFT, baseline);
  ctx.textAlign = 'right';
  // letterSpacing also pads after the last letter; shifting by it lines the heading up with the column.
  ctx.fillText(timeHeading.toUpperCase(), timeRight + 1.5, baseline);
}

export function drawRowStripes(ctx: SKRSContext2D, top: number, rowCount: number): void {
  ctx.fillStyle = COLORS.stripe;
  for (let index = 0; index < rowCount; index += 2) {
    fillRoundRect(ctx, CHART_MARGIN - 12, top + index * ROW_HEIGHT, RIGHT - CHART_MARGIN + 24, ROW_HEIGHT, 6);
  }
}

interface Axis {
  step: number;
  max: number;
  /** Decimals that tell the gridline labels apart. */
  decimals: number;
}

/**
 * The longest bar spans the whole area, which leaves the narrow one-point sprints as wide as
 * they can be; gridlines fall at 1, 2 or 5 times a power of ten, at most five of them.
 * Null when there is nothing to measure.
 */
export function planAxis(maxValue: number, minStep: number): Axis | null {
  if (!(maxValue > 0)) return null;
  const rough = Math.max(maxValue / 5, minStep);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough - 1e-12) ??
    power * 10;
  return { step, max: maxValue, decimals: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
}

export function drawGrid(
  ctx: SKRSContext2D,
  top: number,
  rowCount: number,
  axis: Axis | null,
  scale: number,
  label: (value: string) => string,
): void {
  if (rowCount === 0 || axis === null) return;
  const bottom = top + rowCount * ROW_HEIGHT;
  setFont(ctx, 500, 13, 0, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  const count = Math.floor(axis.max / axis.step + 1e-9);
  for (let index = 0; index <= count; index += 1) {
    const value = index * axis.step;
    const x = Math.round(BAR_LEFT + value * scale);
    ctx.fillStyle = index === 0 ? 'rgba(255, 255, 255, 0.22)' : 'rgba(255, 255, 255, 0.07)';
    ctx.fillRect(x, top, 1, bottom - top);
    ctx.fillStyle = COLORS.textMuted;
    ctx.fillText(index === 0 ? '0' : label(value.toFixed(axis.decimals)), x, bottom + 22);
  }
}

export function drawRankAndName(ctx: SKRSContext2D, rank: number | null, name: string, middle: number): void {
  ctx.textBaseline = 'middle';
  if (rank !== null) {
    setFont(ctx, 600, 17, 0, true);
    ctx.textAlign = 'right';
    ctx.fillStyle = COLORS.textSecondary;
    ctx.fillText(String(rank), RANK_RIGHT, middle);
  }
  const fitted = fitLine(ctx, name, { weight: 600, maxSize: 19, minSize: 15, maxWidth: NAME_WIDTH });
  setFont(ctx, 600, fitted.size);
  ctx.textAlign = 'left';
  ctx.fillStyle = COLORS.text;
  ctx.fillText(fitted.text, NAME_LEFT, middle);
}

export function measureTimeText(ctx: SKRSContext2D, text: string | null): number {
  return measureText(ctx, text ?? '—', 500, 17, 0, true);
}

export function drawTimeText(ctx: SKRSContext2D, text: string | null, right: number, middle: number): void {
  setFont(ctx, 500, 17, 0, true);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = text === null ? COLORS.textMuted : COLORS.textSecondary;
  ctx.fillText(text ?? '—', right, middle);
}

/** Draws the stacked segments and returns where the bar ends. */
export function drawSprintBar(
  ctx: SKRSContext2D,
  sprints: SprintPoints,
  middle: number,
  scale: number,
): number {
  const top = middle - BAR_HEIGHT / 2;
  const total = sprints.reduce<number>((sum, points) => sum + (points ?? 0), 0);
  if (total <= 0) return BAR_LEFT;
  const end = BAR_LEFT + total * scale;
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(BAR_LEFT, top, end - BAR_LEFT, BAR_HEIGHT, 4);
  ctx.clip();
  // A lone segment's points are the total printed beside the bar; labels only help a split bar.
  const labelled = sprints.filter((points) => points !== null && points > 0).length > 1;
  let x = BAR_LEFT;
  sprints.forEach((points, index) => {
    if (points === null || points <= 0) return;
    const width = points * scale;
    const isLast = x + width >= end - 0.5;
    ctx.fillStyle = SPRINT_COLORS[index] ?? COLORS.text;
    // A 2 px gap separates adjacent segments so two sprints never read as one.
    ctx.fillRect(x, top, isLast ? width : width - 2, BAR_HEIGHT);
    const label = String(points);
    setFont(ctx, 700, 12, 0, true);
    if (labelled && ctx.measureText(label).width + 6 <= width - 2) {
      ctx.fillStyle = ON_BAR_TEXT;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(label, x + (width - (isLast ? 0 : 2)) / 2, middle + 0.5);
    }
    x += width;
  });
  ctx.restore();
  return end;
}

export function drawGapBar(
  ctx: SKRSContext2D,
  gapMs: number,
  decimals: number,
  middle: number,
  scale: number,
  winner: string,
): void {
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  if (gapMs <= 0) {
    setFont(ctx, 600, 16);
    ctx.fillStyle = COLORS.gold;
    ctx.fillText(winner, BAR_LEFT + 12, middle);
    return;
  }
  // The smallest gaps would vanish beside a fall's, so a bar is always at least a sliver.
  const width = Math.max(4, gapMs * scale);
  ctx.fillStyle = BAR_COLOR;
  fillRoundRect(ctx, BAR_LEFT, middle - BAR_HEIGHT / 2, width, BAR_HEIGHT, [0, 4, 4, 0]);
  setFont(ctx, 700, 18, 0, true);
  ctx.fillStyle = COLORS.text;
  ctx.fillText(`+${formatDuration(gapMs, decimals)}`, BAR_LEFT + width + 10, middle);
}

const NOTE_COLORS: readonly [RegExp, string][] = [
  [/^q/i, '#34d399'],
  [/^adv/i, '#38bdf8'],
  [/^(pen|dnf|dns|dsq|dq|yc)/i, '#f87171'],
];

function noteColor(note: string): string {
  return NOTE_COLORS.find(([pattern]) => pattern.test(note))?.[1] ?? COLORS.textSecondary;
}

export function noteBadgeWidth(ctx: SKRSContext2D, note: string): number {
  return Math.max(44, measureText(ctx, note, 700, 13, 1) - 1 + 20);
}

export function drawNoteBadge(ctx: SKRSContext2D, note: string, right: number, middle: number): void {
  const width = noteBadgeWidth(ctx, note);
  const color = noteColor(note);
  ctx.fillStyle = `${color}2e`;
  fillRoundRect(ctx, right - width, middle - 12, width, 24, 12);
  setFont(ctx, 700, 13, 1);
  ctx.fillStyle = color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(note, right - width / 2 + 0.5, middle + 0.5);
}

const MISSING_TIME: readonly [RegExp, keyof ChartLabels][] = [
  [/^pen/i, 'penalised'],
  [/^dnf/i, 'didNotFinish'],
  [/^dns/i, 'didNotStart'],
  [/^(dsq|dq)/i, 'disqualified'],
];

export function describeMissingTime(note: string | null, labels: ChartLabels): string {
  const key = MISSING_TIME.find(([pattern]) => note !== null && pattern.test(note))?.[1];
  const label = key === undefined ? labels.noTime : labels[key];
  return typeof label === 'string' ? label : labels.noTime;
}

export function drawEmpty(ctx: SKRSContext2D, top: number, noResults: string): void {
  setFont(ctx, 500, 17);
  ctx.fillStyle = COLORS.textMuted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(noResults, NAME_LEFT, top + ROW_HEIGHT / 2);
}
