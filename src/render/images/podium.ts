import type { SKRSContext2D } from '@napi-rs/canvas';
import {
  COLORS,
  createSurface,
  encodePng,
  fillRoundRect,
  fillVerticalGradient,
  fitLine,
  formatColor,
  measureText,
  parseColor,
  setFont,
  wrapName,
} from './draw.js';
import type { Medal } from '../../model/schemas.js';

export interface PodiumMedallist {
  medal: Medal;
  name: string;
  noc: string | null;
  countryName: string | null;
  /** Flags are drawn as NOC badges: flag emoji do not render reliably in a canvas. */
  flagPng?: never;
}

export interface PodiumCardInput {
  eventName: string;
  /** e.g. "2026 Winter Olympics" */
  gamesLabel: string;
  venue: string | null;
  date: string | null;
  sportLabel: string;
  medallists: PodiumMedallist[];
  /** e.g. "68 pts" or "1:24.537"; shown under the gold medallist. */
  winValue: string | null;
  /** The medal words in the reader's language; English when absent. */
  medalLabels?: Record<Medal, string>;
}

export const PODIUM_CARD_WIDTH = 1200;
export const PODIUM_CARD_HEIGHT = 675;

const MARGIN = 64;
const FLOOR_Y = 590;
const COLUMN_GAP = 20;
const MAX_COLUMN_WIDTH = 304;

const MEDALS: readonly Medal[] = ['gold', 'silver', 'bronze'];
export const ENGLISH_MEDAL_LABELS: Record<Medal, string> = {
  gold: 'Gold',
  silver: 'Silver',
  bronze: 'Bronze',
};
const STEP_HEIGHT: Record<Medal, number> = { gold: 236, silver: 182, bronze: 142 };

interface Slot {
  medal: Medal;
  place: number;
  medallist: PodiumMedallist | null;
}

/**
 * Orders the medallists by medal and adds an empty step for a medal that should exist but is
 * missing; a tie takes the next place, so two golds mean no silver step.
 */
function planSlots(medallists: readonly PodiumMedallist[]): Slot[] {
  const slots: Slot[] = [];
  let place = 1;
  MEDALS.forEach((medal, index) => {
    const holders = medallists.filter((medallist) => medallist.medal === medal);
    if (holders.length === 0) {
      if (place === index + 1) {
        slots.push({ medal, place, medallist: null });
        place += 1;
      }
      return;
    }
    for (const medallist of holders) slots.push({ medal, place, medallist });
    place += holders.length;
  });
  return slots;
}

/** Best in the middle, then alternating left and right, as on a real podium. */
function arrangeColumns(slots: readonly Slot[]): Slot[] {
  const columns: Slot[] = [];
  slots.forEach((slot, index) => {
    if (index % 2 === 1) columns.unshift(slot);
    else columns.push(slot);
  });
  return columns;
}

export function renderPodiumCard(input: PodiumCardInput): Buffer {
  const { canvas, ctx } = createSurface(PODIUM_CARD_WIDTH, PODIUM_CARD_HEIGHT);
  const columns = arrangeColumns(planSlots(input.medallists));
  const columnWidth = Math.min(
    MAX_COLUMN_WIDTH,
    (PODIUM_CARD_WIDTH - 2 * MARGIN - (columns.length - 1) * COLUMN_GAP) / columns.length,
  );
  const totalWidth = columns.length * columnWidth + (columns.length - 1) * COLUMN_GAP;
  const left = (PODIUM_CARD_WIDTH - totalWidth) / 2;

  drawTitle(ctx, input);
  ctx.fillStyle = COLORS.rule;
  ctx.fillRect(MARGIN, FLOOR_Y, PODIUM_CARD_WIDTH - 2 * MARGIN, 2);
  const medalLabels = input.medalLabels ?? ENGLISH_MEDAL_LABELS;
  columns.forEach((slot, index) => {
    const x = left + index * (columnWidth + COLUMN_GAP);
    drawColumn(ctx, slot, x, columnWidth, input.winValue, medalLabels[slot.medal]);
  });
  drawFooter(ctx, input);
  return encodePng(canvas);
}

function drawTitle(ctx: SKRSContext2D, input: PodiumCardInput): void {
  const maxWidth = PODIUM_CARD_WIDTH - 2 * MARGIN;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  const kicker = fitLine(ctx, `${input.sportLabel} · ${input.gamesLabel}`.toUpperCase(), {
    weight: 700,
    maxSize: 17,
    minSize: 12,
    maxWidth,
    letterSpacing: 2.5,
  });
  setFont(ctx, 700, kicker.size, 2.5);
  ctx.fillStyle = COLORS.gold;
  ctx.fillText(kicker.text, MARGIN, 66);
  const title = fitLine(ctx, input.eventName, { weight: 800, maxSize: 50, minSize: 30, maxWidth });
  setFont(ctx, 800, title.size);
  ctx.fillStyle = COLORS.text;
  ctx.fillText(title.text, MARGIN, 122);
}

function drawColumn(
  ctx: SKRSContext2D,
  slot: Slot,
  x: number,
  width: number,
  winValue: string | null,
  medalWord: string,
): void {
  const color = COLORS[slot.medal];
  const centerX = x + width / 2;
  const stepTop = FLOOR_Y - STEP_HEIGHT[slot.medal];
  drawStep(ctx, slot, x, width, stepTop, slot.medal === 'gold' ? winValue : null);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  let y = stepTop - 22;
  const medallist = slot.medallist;
  if (medallist && (medallist.noc !== null || medallist.countryName !== null)) {
    drawNation(ctx, medallist, centerX, y, width - 16);
    y -= 42;
  }

  const name = wrapName(ctx, medallist?.name ?? '—', {
    weight: 700,
    maxSize: 30,
    singleLineMinSize: 24,
    minSize: 20,
    maxWidth: width - 16,
  });
  setFont(ctx, 700, name.size);
  ctx.fillStyle = medallist ? COLORS.text : COLORS.textMuted;
  const lineHeight = Math.round(name.size * 1.2);
  const firstBaseline = y - (name.lines.length - 1) * lineHeight;
  name.lines.forEach((line, index) => ctx.fillText(line, centerX, firstBaseline + index * lineHeight));
  drawMedalLabel(
    ctx,
    medalWord,
    medallist ? color : withAlpha(color, 0.5),
    centerX,
    firstBaseline - Math.round(name.size * 0.75) - 16,
  );
}

function drawStep(
  ctx: SKRSContext2D,
  slot: Slot,
  x: number,
  width: number,
  top: number,
  winValue: string | null,
): void {
  const color = COLORS[slot.medal];
  const height = FLOOR_Y - top;
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(x, top, width, height, [12, 12, 0, 0]);
  ctx.clip();
  fillVerticalGradient(
    ctx,
    x,
    top,
    width,
    height,
    parseColor(color, slot.medallist ? 0.3 : 0.12),
    parseColor(color, 0.04),
  );
  ctx.restore();
  ctx.fillStyle = slot.medallist ? color : withAlpha(color, 0.4);
  fillRoundRect(ctx, x, top, width, 6, [12, 12, 0, 0]);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  setFont(ctx, 800, 72);
  ctx.fillStyle = slot.medallist ? color : withAlpha(color, 0.4);
  ctx.fillText(String(slot.place), x + width / 2, top + 98);
  if (winValue !== null && slot.medallist) {
    const value = fitLine(ctx, winValue, { weight: 700, maxSize: 34, minSize: 18, maxWidth: width - 32 });
    setFont(ctx, 700, value.size);
    ctx.fillStyle = COLORS.text;
    ctx.fillText(value.text, x + width / 2, top + 162);
  }
}

function drawMedalLabel(ctx: SKRSContext2D, word: string, color: string, centerX: number, y: number): void {
  const label = word.toUpperCase();
  const textWidth = measureText(ctx, label, 700, 14, 3) - 3;
  const dot = 10;
  const gap = 8;
  const start = centerX - (dot + gap + textWidth) / 2;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.arc(start + dot / 2, y - 5, dot / 2, 0, Math.PI * 2);
  ctx.fill();
  ctx.textAlign = 'left';
  ctx.fillText(label, start + dot + gap, y);
  ctx.textAlign = 'center';
}

function drawNation(
  ctx: SKRSContext2D,
  medallist: PodiumMedallist,
  centerX: number,
  baseline: number,
  maxWidth: number,
): void {
  const badgeHeight = 28;
  const badgePadding = 10;
  const gap = 10;
  const badgeWidth =
    medallist.noc === null ? 0 : measureText(ctx, medallist.noc, 700, 15, 1.5) - 1.5 + 2 * badgePadding;
  let country = '';
  let countrySize = 18;
  if (medallist.countryName !== null) {
    const room = maxWidth - (badgeWidth > 0 ? badgeWidth + gap : 0);
    const fitted = fitLine(ctx, medallist.countryName, {
      weight: 500,
      maxSize: 18,
      minSize: 14,
      maxWidth: room,
    });
    country = fitted.text;
    countrySize = fitted.size;
  }
  const countryWidth = country === '' ? 0 : measureText(ctx, country, 500, countrySize);
  const total = badgeWidth + countryWidth + (badgeWidth > 0 && countryWidth > 0 ? gap : 0);
  let x = centerX - total / 2;

  ctx.textAlign = 'left';
  if (medallist.noc !== null) {
    const top = baseline - 20;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.12)';
    fillRoundRect(ctx, x, top, badgeWidth, badgeHeight, 6);
    setFont(ctx, 700, 15, 1.5);
    ctx.fillStyle = COLORS.text;
    ctx.fillText(medallist.noc, x + badgePadding, baseline);
    x += badgeWidth + gap;
  }
  if (country !== '') {
    setFont(ctx, 500, countrySize);
    ctx.fillStyle = COLORS.textSecondary;
    ctx.fillText(country, x, baseline);
  }
  ctx.textAlign = 'center';
}

function drawFooter(ctx: SKRSContext2D, input: PodiumCardInput): void {
  const baseline = 636;
  const maxWidth = PODIUM_CARD_WIDTH - 2 * MARGIN;
  ctx.textBaseline = 'alphabetic';
  let dateWidth = 0;
  if (input.date !== null) {
    const date = fitLine(ctx, input.date, { weight: 600, maxSize: 18, minSize: 14, maxWidth: maxWidth / 2 });
    setFont(ctx, 600, date.size);
    ctx.fillStyle = COLORS.textSecondary;
    ctx.textAlign = 'right';
    ctx.fillText(date.text, PODIUM_CARD_WIDTH - MARGIN, baseline);
    dateWidth = ctx.measureText(date.text).width + 32;
  }
  if (input.venue !== null) {
    const venue = fitLine(ctx, input.venue, {
      weight: 500,
      maxSize: 18,
      minSize: 14,
      maxWidth: maxWidth - dateWidth,
    });
    setFont(ctx, 500, venue.size);
    ctx.fillStyle = COLORS.textSecondary;
    ctx.textAlign = 'left';
    ctx.fillText(venue.text, MARGIN, baseline);
  }
}

function withAlpha(hex: string, alpha: number): string {
  return formatColor(parseColor(hex, alpha));
}
