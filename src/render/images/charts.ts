import type { SKRSContext2D } from '@napi-rs/canvas';
import {
  CHART_MARGIN,
  COLORS,
  createSurface,
  drawChartHeader,
  encodePng,
  fillRoundRect,
  fitLine,
  measureText,
  setFont,
} from './draw.js';
import { formatDuration } from '../../parse/time.js';

export type SprintPoints = [number | null, number | null, number | null, number | null];

export interface SprintChartRow {
  rank: number | null;
  name: string;
  /** S1-S3 intermediate sprints, S4 the final sprint; null where the skater scored nothing. */
  sprints: SprintPoints;
  total: number;
  time: string | null;
}

/** The words a chart draws besides names and times, in the reader's language. */
export interface ChartLabels {
  skater: string;
  points: string;
  time: string;
  gap: string;
  /** The three intermediate sprints and the final sprint. */
  sprints: [string, string, string, string];
  winner: string;
  noTime: string;
  noResults: string;
  penalised: string;
  didNotFinish: string;
  didNotStart: string;
  disqualified: string;
}

export const ENGLISH_CHART_LABELS: ChartLabels = {
  skater: 'Skater',
  points: 'Points',
  time: 'Time',
  gap: 'Gap to winner',
  sprints: ['Sprint 1', 'Sprint 2', 'Sprint 3', 'Final sprint'],
  winner: 'Winner',
  noTime: 'No time',
  noResults: 'No results yet',
  penalised: 'Penalised',
  didNotFinish: 'Did not finish',
  didNotStart: 'Did not start',
  disqualified: 'Disqualified',
};

export interface SprintChartInput {
  title: string;
  subtitle: string;
  rows: SprintChartRow[];
  /** English when absent. */
  labels?: ChartLabels;
}

export interface TimeChartRow {
  rank: number | null;
  name: string;
  /** The time as the results print it, e.g. "1:26.563". */
  timeText: string | null;
  ms: number | null;
  /** e.g. "Q", "ADV", "PEN". */
  note: string | null;
}

export interface TimeChartInput {
  title: string;
  subtitle: string;
  rows: TimeChartRow[];
  /** English when absent. */
  labels?: ChartLabels;
}

export const CHART_WIDTH = 1200;

const ROW_HEIGHT = 40;
const BAR_HEIGHT = 22;
const BOTTOM_PADDING = 56;
const MIN_HEIGHT = 360;
const RANK_RIGHT = CHART_MARGIN + 30;
const NAME_LEFT = CHART_MARGIN + 46;
const NAME_WIDTH = 270;
const BAR_LEFT = NAME_LEFT + NAME_WIDTH + 24;
const RIGHT = CHART_WIDTH - CHART_MARGIN;
const SPRINT_ROWS_TOP = 196;
const TIME_ROWS_TOP = 168;

const SPRINT_COLORS = ['#2dd4bf', '#38bdf8', '#818cf8', '#fb923c'] as const;
const BAR_COLOR = '#38bdf8';
const ON_BAR_TEXT = '#0b1020';

/** Height for a chart of this many rows, so 3 rows and 16 rows are both drawn without empty space. */
function chartHeight(rowCount: number, rowsTop: number): number {
  return Math.max(MIN_HEIGHT, rowsTop + Math.max(rowCount, 1) * ROW_HEIGHT + BOTTOM_PADDING);
}

export function sprintChartHeight(rowCount: number): number {
  return chartHeight(rowCount, SPRINT_ROWS_TOP);
}

export function timeChartHeight(rowCount: number): number {
  return chartHeight(rowCount, TIME_ROWS_TOP);
}

export function renderSprintChart(input: SprintChartInput): Buffer {
  const height = sprintChartHeight(input.rows.length);
  const { canvas, ctx } = createSurface(CHART_WIDTH, height);
  drawChartHeader(ctx, CHART_WIDTH, input);
  const labels = input.labels ?? ENGLISH_CHART_LABELS;
  const timeHeading = labels.time.toUpperCase();
  drawSprintLegend(ctx, 140, labels.sprints);

  const timeWidth = Math.max(
    measureText(ctx, timeHeading, 700, 13, 1.5),
    ...input.rows.map((row) => measureTimeText(ctx, row.time)),
  );
  const totalRoom = measureText(ctx, '000', 700, 18) + 14;
  const barRight = RIGHT - timeWidth - 40 - totalRoom;
  const sums = input.rows.map((row) => row.sprints.reduce<number>((sum, points) => sum + (points ?? 0), 0));
  const axis = planAxis(Math.max(0, ...input.rows.map((row) => row.total), ...sums), 1);
  const scale = (barRight - BAR_LEFT) / (axis?.max ?? 1);

  drawColumnHeadings(ctx, SPRINT_ROWS_TOP - 14, labels.skater, labels.points, labels.time);
  drawRowStripes(ctx, SPRINT_ROWS_TOP, input.rows.length);
  drawGrid(ctx, SPRINT_ROWS_TOP, input.rows.length, axis, scale, (value) => value);

  input.rows.forEach((row, index) => {
    const middle = SPRINT_ROWS_TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    drawRankAndName(ctx, row.rank, row.name, middle);
    const barEnd = drawSprintBar(ctx, row.sprints, middle, scale);
    ctx.textAlign = 'left';
    setFont(ctx, 700, 18, 0, true);
    ctx.fillStyle = row.total > 0 ? COLORS.text : COLORS.textMuted;
    ctx.fillText(String(row.total), barEnd + 10, middle);
    drawTimeText(ctx, row.time, RIGHT, middle);
  });
  if (input.rows.length === 0) drawEmpty(ctx, SPRINT_ROWS_TOP, labels.noResults);
  return encodePng(canvas);
}

export function renderTimeChart(input: TimeChartInput): Buffer {
  const height = timeChartHeight(input.rows.length);
  const { canvas, ctx } = createSurface(CHART_WIDTH, height);
  drawChartHeader(ctx, CHART_WIDTH, input);
  const labels = input.labels ?? ENGLISH_CHART_LABELS;

  // Skaters without a time (a penalty, a fall) have no gap to show, so they go last.
  const timed = input.rows.filter((row): row is TimeChartRow & { ms: number } => row.ms !== null);
  const untimed = input.rows.filter((row) => row.ms === null);
  const decimals = timeDecimals(input.rows);
  const best = Math.min(...timed.map((row) => row.ms));
  const maxGap = Math.max(0, ...timed.map((row) => row.ms - best));

  const notes = input.rows.flatMap((row) => (row.note === null ? [] : [row.note]));
  const noteWidth = notes.length === 0 ? 0 : Math.max(...notes.map((note) => noteBadgeWidth(ctx, note))) + 20;
  const timeRight = RIGHT - noteWidth;
  const ordered = [...timed, ...untimed];
  const timeTexts = ordered.map(
    (row) => row.timeText ?? (row.ms === null ? null : formatDuration(row.ms, decimals)),
  );
  const timeWidth = Math.max(
    measureText(ctx, labels.time.toUpperCase(), 700, 13, 1.5),
    ...timeTexts.map((text) => measureTimeText(ctx, text)),
  );
  const labelRoom = measureText(ctx, `+${formatDuration(maxGap, decimals)}`, 700, 18, 0) + 14;
  const barRight = timeRight - timeWidth - 40 - labelRoom;
  const axis = planAxis(maxGap / 1000, 0.001);
  const scale = (barRight - BAR_LEFT) / (axis?.max ?? 1);

  drawColumnHeadings(ctx, TIME_ROWS_TOP - 14, labels.skater, labels.gap, labels.time, timeRight);
  drawRowStripes(ctx, TIME_ROWS_TOP, input.rows.length);
  drawGrid(ctx, TIME_ROWS_TOP, input.rows.length, axis, scale, (value) => `+${value}s`);

  ordered.forEach((row, index) => {
    const middle = TIME_ROWS_TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    drawRankAndName(ctx, row.rank, row.name, middle);
    if (row.ms === null) {
      setFont(ctx, 500, 16);
      ctx.textAlign = 'left';
      ctx.fillStyle = COLORS.textMuted;
      ctx.fillText(describeMissingTime(row.note, labels), BAR_LEFT + 12, middle);
    } else {
      drawGapBar(ctx, row.ms - best, decimals, middle, scale * 0.001, labels.winner);
    }
    drawTimeText(ctx, timeTexts[index] ?? null, timeRight, middle);
    if (row.note !== null) drawNoteBadge(ctx, row.note, RIGHT, middle);
  });
  if (timed.length > 0 && untimed.length > 0) {
    ctx.fillStyle = COLORS.rule;
    ctx.fillRect(
      CHART_MARGIN - 12,
      TIME_ROWS_TOP + timed.length * ROW_HEIGHT - 1,
      RIGHT - CHART_MARGIN + 24,
      2,
    );
  }
  if (input.rows.length === 0) drawEmpty(ctx, TIME_ROWS_TOP, labels.noResults);
  return encodePng(canvas);
}

function drawSprintLegend(ctx: SKRSContext2D, baseline: number, sprints: readonly string[]): void {
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

function drawColumnHeadings(
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

function drawRowStripes(ctx: SKRSContext2D, top: number, rowCount: number): void {
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
function planAxis(maxValue: number, minStep: number): Axis | null {
  if (!(maxValue > 0)) return null;
  const rough = Math.max(maxValue / 5, minStep);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step =
    [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough - 1e-12) ??
    power * 10;
  return { step, max: maxValue, decimals: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
}

function drawGrid(
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

function drawRankAndName(ctx: SKRSContext2D, rank: number | null, name: string, middle: number): void {
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

function measureTimeText(ctx: SKRSContext2D, text: string | null): number {
  return measureText(ctx, text ?? '—', 500, 17, 0, true);
}

function drawTimeText(ctx: SKRSContext2D, text: string | null, right: number, middle: number): void {
  setFont(ctx, 500, 17, 0, true);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = text === null ? COLORS.textMuted : COLORS.textSecondary;
  ctx.fillText(text ?? '—', right, middle);
}

/** Draws the stacked segments and returns where the bar ends. */
function drawSprintBar(ctx: SKRSContext2D, sprints: SprintPoints, middle: number, scale: number): number {
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

function drawGapBar(
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

function noteBadgeWidth(ctx: SKRSContext2D, note: string): number {
  return Math.max(44, measureText(ctx, note, 700, 13, 1) - 1 + 20);
}

function drawNoteBadge(ctx: SKRSContext2D, note: string, right: number, middle: number): void {
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

function describeMissingTime(note: string | null, labels: ChartLabels): string {
  const key = MISSING_TIME.find(([pattern]) => note !== null && pattern.test(note))?.[1];
  const label = key === undefined ? labels.noTime : labels[key];
  return typeof label === 'string' ? label : labels.noTime;
}

function drawEmpty(ctx: SKRSContext2D, top: number, noResults: string): void {
  setFont(ctx, 500, 17);
  ctx.fillStyle = COLORS.textMuted;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(noResults, NAME_LEFT, top + ROW_HEIGHT / 2);
}

const DECIMALS = /[.,](?<fraction>\d+)\s*$/;

/** Gaps are shown as precisely as the times were timed: thousandths in short track, hundredths on the oval. */
export function timeDecimals(rows: readonly Pick<TimeChartRow, 'timeText'>[]): number {
  let decimals = 0;
  for (const row of rows) {
    const fraction = row.timeText === null ? undefined : DECIMALS.exec(row.timeText)?.groups?.fraction;
    if (fraction !== undefined) decimals = Math.max(decimals, Math.min(fraction.length, 3));
  }
  return decimals === 0 ? 2 : decimals;
}
