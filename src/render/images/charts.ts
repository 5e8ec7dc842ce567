import {
  CHART_MARGIN,
  COLORS,
  createSurface,
  drawChartHeader,
  encodePng,
  measureText,
  setFont,
} from './draw.js';
import { formatDuration } from '../../parse/time.js';
import {
  BAR_LEFT,
  CHART_WIDTH,
  RIGHT,
  ROW_HEIGHT,
  describeMissingTime,
  drawColumnHeadings,
  drawEmpty,
  drawGapBar,
  drawGrid,
  drawNoteBadge,
  drawRankAndName,
  drawRowStripes,
  drawSprintBar,
  drawSprintLegend,
  drawTimeText,
  measureTimeText,
  noteBadgeWidth,
  planAxis,
} from './chart-rows.js';

export { CHART_WIDTH };

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

const BOTTOM_PADDING = 56;
const MIN_HEIGHT = 360;
const SPRINT_ROWS_TOP = 196;
const TIME_ROWS_TOP = 168;

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
