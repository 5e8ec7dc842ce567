import type { StartTime } from '../model/schemas.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DATE_TOKEN =
  /(?<year>\d{4})|(?<day>\d{1,2})(?:st|nd|rd|th)?|(?<range>[–—-]|\bto\b)|(?<month>[A-Za-z]+)/g;
const START_LINE =
  /^(?<day>\d{1,2})\s+(?<month>[A-Za-z]+)\s+(?<year>\d{4}),?\s+(?:at\s+)?(?<hour>\d{1,2})[:.](?<minute>\d{2})\s*(?:\((?:UTC|GMT)?(?<offset>[+-]\d{1,2})\))?$/;

// Host time zones of the Winter Games, so a start time written in local time becomes an instant.
const WINTER_GAMES_ZONES: Record<number, string> = {
  2030: 'Europe/Paris',
  2026: 'Europe/Rome',
  2022: 'Asia/Shanghai',
  2018: 'Asia/Seoul',
  2014: 'Europe/Moscow',
  2010: 'America/Vancouver',
  2006: 'Europe/Rome',
  2002: 'America/Denver',
  1998: 'Asia/Tokyo',
  1994: 'Europe/Oslo',
  1992: 'Europe/Paris',
  1988: 'America/Edmonton',
  1984: 'Europe/Sarajevo',
  1980: 'America/New_York',
  1976: 'Europe/Vienna',
  1972: 'Asia/Tokyo',
  1968: 'Europe/Paris',
  1964: 'Europe/Vienna',
  1960: 'America/Los_Angeles',
  1956: 'Europe/Rome',
  1952: 'Europe/Oslo',
  1948: 'Europe/Zurich',
  1936: 'Europe/Berlin',
  1932: 'America/New_York',
  1928: 'Europe/Zurich',
  1924: 'Europe/Paris',
};

// An event lasts days; a longer range is a typo, and expanding one (9,999 years is 3.6 million days) would
// hold the parser up for seconds.
const MAX_RANGE_DAYS = 31;

function monthIndex(word: string): number {
  const lower = word.toLowerCase();
  if (lower.length < 3) return -1;
  return MONTHS.findIndex((month) => month.startsWith(lower));
}

function isoDate(year: number, month: number, day: number): string {
  // A typo'd year such as 0001 must still give a YYYY-MM-DD date.
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month && date.getUTCDate() === day;
}

/**
 * Reads an infobox date: `21 February 2026`, `10 and 12 February` (year taken from the Games),
 * `10–12 February 2026`, `29 January – 1 February`. Returns ISO dates in order, or null if unreadable.
 */
export function parseDateList(text: string, defaultYear: number): string[] | null {
  interface Pending {
    day: number;
    rangeFrom: boolean;
  }
  const dates: Array<{ year: number | null; month: number; day: number; rangeFrom: boolean }> = [];
  let pending: Pending[] = [];
  let rangeNext = false;
  // US order ("February 10, 2026") names the month first; days that follow belong to it.
  let monthFirst: number | null = null;
  for (const match of text.matchAll(DATE_TOKEN)) {
    const groups = match.groups ?? {};
    if (groups.year) {
      const year = Number(groups.year);
      for (const date of dates) if (date.year === null) date.year = year;
    } else if (groups.day) {
      if (monthFirst !== null)
        dates.push({ year: null, month: monthFirst, day: Number(groups.day), rangeFrom: rangeNext });
      else pending.push({ day: Number(groups.day), rangeFrom: rangeNext });
      rangeNext = false;
    } else if (groups.month) {
      const month = monthIndex(groups.month);
      if (month < 0) continue;
      if (pending.length === 0) {
        monthFirst = month;
        continue;
      }
      monthFirst = null;
      for (const p of pending) dates.push({ year: null, month, day: p.day, rangeFrom: p.rangeFrom });
      pending = [];
    } else if (groups.range) {
      rangeNext = true;
    }
  }
  if (pending.length > 0 || dates.length === 0) return null;
  const out: string[] = [];
  for (const date of dates) {
    const year = date.year ?? defaultYear;
    if (!isRealDate(year, date.month, date.day)) return null;
    if (date.rangeFrom && out.length > 0) {
      const last = out[out.length - 1] ?? '';
      const end = Date.UTC(year, date.month, date.day);
      const start = Date.parse(`${last}T00:00:00Z`);
      if (end - start > MAX_RANGE_DAYS * 86_400_000) return null;
      for (let t = start + 86_400_000; t < end; t += 86_400_000) {
        out.push(new Date(t).toISOString().slice(0, 10));
      }
    }
    const iso = isoDate(year, date.month, date.day);
    // Competition days only move forward; `12–10 February` is a typo, not two days.
    if (out.length > 0 && iso <= (out[out.length - 1] ?? '')) return null;
    out.push(iso);
  }
  return out;
}

// Building a DateTimeFormat costs far more than using one; there are few zones, so keep them.
const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneOffsetMinutes(zone: string, utcMs: number): number {
  let format = zoneFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    zoneFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - utcMs) / 60_000);
}

/** Reads a round's start line, `10 February 2026, 11:10`, written in the venue's local time. */
export function parseStartLine(line: string, gamesYear: number): StartTime | null {
  const match = START_LINE.exec(line.trim());
  if (!match?.groups) return null;
  const { day = '', month = '', year = '', hour = '', minute = '', offset } = match.groups;
  const m = monthIndex(month);
  if (m < 0 || !isRealDate(Number(year), m, Number(day)) || Number(hour) > 23 || Number(minute) > 59)
    return null;
  const local = `${isoDate(Number(year), m, Number(day))}T${hour.padStart(2, '0')}:${minute}`;
  const wallAsUtc = Date.UTC(Number(year), m, Number(day), Number(hour), Number(minute));
  const zone = WINTER_GAMES_ZONES[gamesYear];
  let unix: number | null = null;
  if (offset !== undefined) {
    unix = (wallAsUtc - Number(offset) * 3_600_000) / 1000;
  } else if (zone) {
    // The offset at the wall-clock instant is the offset at the true instant except within a DST switch hour.
    const guess = wallAsUtc - zoneOffsetMinutes(zone, wallAsUtc) * 60_000;
    unix = (wallAsUtc - zoneOffsetMinutes(zone, guess) * 60_000) / 1000;
  }
  return { text: line.trim(), local, unix };
}

/** True when a line looks like a round's start line, so it is not read as prose. */
export function isStartLine(line: string): boolean {
  return START_LINE.test(line.trim());
}
