import type { SKRSContext2D } from '@napi-rs/canvas';
import { CHART_MARGIN, COLORS, createSurface, encodePng, fillRoundRect, fitLine, setFont } from './draw.js';

/** Which side a mark belongs to: `a` is drawn on the left and in the first colour. */
export type Side = 'a' | 'b';

export interface HeadToHeadSkater {
  name: string;
  /** Only where an article states it. */
  noc: string | null;
}

/** One skater's line in a race: the place and the Time cell as the article wrote them. */
export interface HeadToHeadMark {
  rank: number | null;
  /** The time, or the status word (DQ, DNF, PEN); null for an empty cell. */
  text: string | null;
  /** Sprint points in a points race, already worded ("60 pts"). */
  points: string | null;
}

/** A race both skated. */
export interface HeadToHeadRace {
  /** e.g. "Quarterfinals, heat 3". */
  race: string;
  /** e.g. "2026 · Men's 1000 metres". */
  event: string;
  a: HeadToHeadMark;
  b: HeadToHeadMark;
  /** Who finished ahead; null for a tie or when neither has a place. */
  ahead: Side | null;
}

/** Both skaters' best times over one distance; null where one has no time over it. */
export interface HeadToHeadBest {
  distance: string;
  a: string | null;
  b: string | null;
  faster: Side | null;
}

/** The words the picture draws besides names, times and distances, in the reader's language. */
export interface HeadToHeadLabels {
  headToHead: string;
  /** Between the two names: "vs", "gegen", "대". */
  versus: string;
  racesWon: string;
  race: string;
  /** Under the tally when some races had nobody ahead. */
  neither: string;
  neverMet: string;
  /** Where no skater has a time at all. */
  noTime: string;
  /** "…and 3 more races", when there are more races than rows. */
  moreRaces: string | null;
  /** The heading over the best times: over the same distance when they met, every distance otherwise. */
  bests: string;
}

export interface HeadToHeadInput {
  a: HeadToHeadSkater;
  b: HeadToHeadSkater;
  /** The races drawn, at most MAX_RACE_ROWS; `wins` counts every race. */
  races: HeadToHeadRace[];
  /** Every race they met in, with who was ahead in how many. */
  wins: { a: number; b: number; total: number };
  bests: HeadToHeadBest[];
  labels: HeadToHeadLabels;
}

export const HEAD_TO_HEAD_WIDTH = 1200;
export { MAX_RACE_ROWS } from './sizes.js';

export const SIDE_COLORS: Record<Side, string> = { a: '#38bdf8', b: '#fb923c' };

const LEFT = CHART_MARGIN;
const RIGHT = HEAD_TO_HEAD_WIDTH - CHART_MARGIN;
const CENTER = HEAD_TO_HEAD_WIDTH / 2;
const COLUMN_WIDTH = 220;
const COLUMN_GAP = 20;
const COLUMN_RIGHT: Record<Side, number> = { a: RIGHT - COLUMN_WIDTH - COLUMN_GAP, b: RIGHT };
const LABEL_WIDTH = COLUMN_RIGHT.a - COLUMN_WIDTH - COLUMN_GAP - LEFT;
/** Space kept clear on each side of the word between the names. */
const VERSUS_PADDING = 28;

const HEADER_HEIGHT = 168;
const TALLY_HEIGHT = 92;
/** Room under the tally for the count of races nobody was ahead in. */
const NEITHER_LINE = 28;
const NEVER_HEIGHT = 96;
const SECTION_HEADING = 44;
const RACE_ROW = 64;
const MORE_ROW = 36;
const BEST_ROW = 48;
const SECTION_GAP = 20;
const BOTTOM_PADDING = 40;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where each part of the picture goes; the drawing and the tests read the same plan. */
export interface HeadToHeadLayout {
  height: number;
  names: Box;
  /** The won-count bar when they met, else the "never met" line. */
  tally: Box;
  races: Box[];
  more: Box | null;
  bests: Box[];
}

export function headToHeadLayout(input: HeadToHeadInput): HeadToHeadLayout {
  const names = { x: LEFT, y: 24, width: RIGHT - LEFT, height: HEADER_HEIGHT - 36 };
  const met = input.wins.total > 0;
  const neither = input.wins.total > input.wins.a + input.wins.b;
  const tallyHeight = met ? TALLY_HEIGHT + (neither ? NEITHER_LINE : 0) : NEVER_HEIGHT;
  const tally = { x: LEFT, y: HEADER_HEIGHT, width: RIGHT - LEFT, height: tallyHeight };
  let y = tally.y + tally.height + SECTION_GAP;
  const row = (height: number): Box => {
    const box = { x: LEFT - 12, y, width: RIGHT - LEFT + 24, height };
    y += height;
    return box;
  };
  const races: Box[] = [];
  let more: Box | null = null;
  if (input.races.length > 0) {
    y += SECTION_HEADING;
    for (let index = 0; index < input.races.length; index += 1) races.push(row(RACE_ROW));
    if (input.labels.moreRaces !== null) more = row(MORE_ROW);
    y += SECTION_GAP;
  }
  y += SECTION_HEADING;
  // With no best at all, one row says so.
  const bests = Array.from({ length: Math.max(1, input.bests.length) }, () => row(BEST_ROW));
  return { height: y + BOTTOM_PADDING, names, tally, races, more, bests };
}

export function renderHeadToHead(input: HeadToHeadInput): Buffer {
  const layout = headToHeadLayout(input);
  const { canvas, ctx } = createSurface(HEAD_TO_HEAD_WIDTH, layout.height);
  drawNames(ctx, input);
  if (input.wins.total > 0) drawTally(ctx, layout.tally, input);
  else drawNeverMet(ctx, layout.tally, input.labels.neverMet);

  const firstRace = layout.races[0];
  if (firstRace) drawSectionHeading(ctx, firstRace.y - 14, input.labels.race, input);
  layout.races.forEach((box, index) => {
    const race = input.races[index];
    if (race) drawRace(ctx, box, race, index);
  });
  if (layout.more && input.labels.moreRaces !== null) {
    setFont(ctx, 500, 16);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = COLORS.textMuted;
    ctx.fillText(input.labels.moreRaces, LEFT, layout.more.y + layout.more.height / 2);
  }

  const firstBest = layout.bests[0];
  if (firstBest) drawSectionHeading(ctx, firstBest.y - 14, input.labels.bests, input);
  if (input.bests.length === 0 && firstBest) {
    setFont(ctx, 500, 18);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = COLORS.textMuted;
    ctx.fillText(input.labels.noTime, LEFT, firstBest.y + firstBest.height / 2);
  }
  layout.bests.forEach((box, index) => {
    const best = input.bests[index];
    if (best) drawBest(ctx, box, best, index);
  });
  return encodePng(canvas);
}

function drawNames(ctx: SKRSContext2D, input: HeadToHeadInput): void {
  ctx.textBaseline = 'alphabetic';
  setFont(ctx, 700, 13, 1.5);
  ctx.textAlign = 'center';
  ctx.fillStyle = COLORS.textMuted;
  ctx.fillText(input.labels.headToHead.toUpperCase(), CENTER, 48);

  setFont(ctx, 600, 20);
  ctx.fillText(input.labels.versus, CENTER, 98);
  const nameWidth = CENTER - LEFT - ctx.measureText(input.labels.versus).width / 2 - VERSUS_PADDING;
  for (const side of ['a', 'b'] as const) {
    const skater = input[side];
    const x = side === 'a' ? LEFT : RIGHT;
    const fitted = fitLine(ctx, skater.name, { weight: 800, maxSize: 38, minSize: 22, maxWidth: nameWidth });
    setFont(ctx, 800, fitted.size);
    ctx.textAlign = side === 'a' ? 'left' : 'right';
    ctx.fillStyle = SIDE_COLORS[side];
    ctx.fillText(fitted.text, x, 100);
    // A bar in the skater's colour under the name ties the columns below to it.
    const width = Math.min(nameWidth, ctx.measureText(fitted.text).width);
    fillRoundRect(ctx, side === 'a' ? x : x - width, 114, width, 4, 2);
    if (skater.noc !== null) {
      setFont(ctx, 600, 18, 1);
      ctx.fillStyle = COLORS.textSecondary;
      ctx.fillText(skater.noc, x, 146);
    }
  }
}

/** The won-count tally: a bar split by who finished ahead, the counts at its ends. */
function drawTally(ctx: SKRSContext2D, box: Box, input: HeadToHeadInput): void {
  const { a, b, total } = input.wins;
  const neither = total - a - b;
  setFont(ctx, 700, 13, 1.5);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = COLORS.textMuted;
  ctx.fillText(input.labels.racesWon.toUpperCase(), CENTER, box.y + 18);

  const barTop = box.y + 34;
  const barHeight = 36;
  const countRoom = 84;
  const barLeft = box.x + countRoom;
  const barWidth = box.width - 2 * countRoom;
  ctx.textBaseline = 'middle';
  setFont(ctx, 800, 40, 0, true);
  for (const side of ['a', 'b'] as const) {
    ctx.fillStyle = SIDE_COLORS[side];
    ctx.textAlign = side === 'a' ? 'left' : 'right';
    ctx.fillText(String(input.wins[side]), side === 'a' ? box.x : box.x + box.width, barTop + barHeight / 2);
  }
  ctx.fillStyle = 'rgba(255, 255, 255, 0.06)';
  fillRoundRect(ctx, barLeft, barTop, barWidth, barHeight, 8);
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(barLeft, barTop, barWidth, barHeight, 8);
  ctx.clip();
  const segments: [number, string][] = [
    [a, SIDE_COLORS.a],
    [neither, 'rgba(255, 255, 255, 0.28)'],
    [b, SIDE_COLORS.b],
  ];
  let x = barLeft;
  for (const [count, color] of segments) {
    if (count <= 0) continue;
    const width = (count / total) * barWidth;
    const isLast = x + width >= barLeft + barWidth - 0.5;
    ctx.fillStyle = color;
    // A 3 px gap keeps two segments from reading as one.
    ctx.fillRect(x, barTop, isLast ? width : width - 3, barHeight);
    x += width;
  }
  ctx.restore();
  if (neither > 0) {
    setFont(ctx, 500, 15);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = COLORS.textSecondary;
    ctx.fillText(`${input.labels.neither} ×${neither}`, CENTER, barTop + barHeight + 26);
  }
}

function drawNeverMet(ctx: SKRSContext2D, box: Box, text: string): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.06)';
  fillRoundRect(ctx, box.x, box.y + 8, box.width, box.height - 16, 12);
  const fitted = fitLine(ctx, text, { weight: 600, maxSize: 24, minSize: 16, maxWidth: box.width - 48 });
  setFont(ctx, 600, fitted.size);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = COLORS.text;
  ctx.fillText(fitted.text, CENTER, box.y + box.height / 2);
}

/** A section's heading on the left, and each skater's name over their column in their colour. */
function drawSectionHeading(ctx: SKRSContext2D, baseline: number, heading: string, input: HeadToHeadInput) {
  ctx.textBaseline = 'alphabetic';
  const title = fitLine(ctx, heading.toUpperCase(), {
    weight: 700,
    maxSize: 13,
    minSize: 11,
    maxWidth: LABEL_WIDTH,
    letterSpacing: 1.5,
  });
  setFont(ctx, 700, title.size, 1.5);
  ctx.textAlign = 'left';
  ctx.fillStyle = COLORS.textMuted;
  ctx.fillText(title.text, LEFT, baseline);
  for (const side of ['a', 'b'] as const) {
    const name = fitLine(ctx, input[side].name, {
      weight: 700,
      maxSize: 15,
      minSize: 12,
      maxWidth: COLUMN_WIDTH,
    });
    setFont(ctx, 700, name.size);
    ctx.textAlign = 'right';
    ctx.fillStyle = SIDE_COLORS[side];
    ctx.fillText(name.text, COLUMN_RIGHT[side], baseline);
  }
}

function drawStripe(ctx: SKRSContext2D, box: Box, index: number): void {
  if (index % 2 !== 0) return;
  ctx.fillStyle = COLORS.stripe;
  fillRoundRect(ctx, box.x, box.y, box.width, box.height, 6);
}

/** The one ahead gets a tinted pill in their colour and a pointer; the other stays plain. */
function drawAheadPill(ctx: SKRSContext2D, side: Side, middle: number, height: number): void {
  const right = COLUMN_RIGHT[side] + 10;
  const left = right - COLUMN_WIDTH - 10;
  ctx.fillStyle = `${SIDE_COLORS[side]}2e`;
  fillRoundRect(ctx, left, middle - height / 2, right - left, height, height / 2);
  ctx.fillStyle = SIDE_COLORS[side];
  ctx.beginPath();
  ctx.moveTo(left + 14, middle - 8);
  ctx.lineTo(left + 27, middle);
  ctx.lineTo(left + 14, middle + 8);
  ctx.closePath();
  ctx.fill();
}

function drawRace(ctx: SKRSContext2D, box: Box, race: HeadToHeadRace, index: number): void {
  drawStripe(ctx, box, index);
  const middle = box.y + box.height / 2;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const title = fitLine(ctx, race.race, { weight: 600, maxSize: 20, minSize: 15, maxWidth: LABEL_WIDTH });
  setFont(ctx, 600, title.size);
  ctx.fillStyle = COLORS.text;
  ctx.fillText(title.text, LEFT, middle - 4);
  const event = fitLine(ctx, race.event, { weight: 500, maxSize: 15, minSize: 12, maxWidth: LABEL_WIDTH });
  setFont(ctx, 500, event.size);
  ctx.fillStyle = COLORS.textSecondary;
  ctx.fillText(event.text, LEFT, middle + 19);

  if (race.ahead !== null) drawAheadPill(ctx, race.ahead, middle, 48);
  for (const side of ['a', 'b'] as const) {
    const mark = race[side];
    const ahead = race.ahead === side;
    const right = COLUMN_RIGHT[side];
    const timeMiddle = mark.points === null ? middle : middle - 8;
    setFont(ctx, ahead ? 700 : 500, 22, 0, true);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = mark.text === null ? COLORS.textMuted : ahead ? SIDE_COLORS[side] : COLORS.textSecondary;
    ctx.fillText(mark.text ?? '—', right, timeMiddle);
    const timeWidth = ctx.measureText(mark.text ?? '—').width;
    if (mark.points !== null) {
      setFont(ctx, 500, 14, 0, true);
      ctx.fillStyle = COLORS.textSecondary;
      ctx.fillText(mark.points, right, middle + 15);
    }
    if (mark.rank !== null) {
      setFont(ctx, 600, 16, 0, true);
      ctx.fillStyle = COLORS.textMuted;
      ctx.fillText(`#${mark.rank}`, right - timeWidth - 12, timeMiddle);
    }
  }
}

function drawBest(ctx: SKRSContext2D, box: Box, best: HeadToHeadBest, index: number): void {
  drawStripe(ctx, box, index);
  const middle = box.y + box.height / 2;
  const distance = fitLine(ctx, best.distance, {
    weight: 600,
    maxSize: 20,
    minSize: 15,
    maxWidth: LABEL_WIDTH,
  });
  setFont(ctx, 600, distance.size);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = COLORS.text;
  ctx.fillText(distance.text, LEFT, middle);
  if (best.faster !== null) drawAheadPill(ctx, best.faster, middle, 38);
  for (const side of ['a', 'b'] as const) {
    const text = best[side];
    const faster = best.faster === side;
    setFont(ctx, faster ? 700 : 500, 22, 0, true);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = text === null ? COLORS.textMuted : faster ? SIDE_COLORS[side] : COLORS.textSecondary;
    ctx.fillText(text ?? '—', COLUMN_RIGHT[side], middle);
  }
}
