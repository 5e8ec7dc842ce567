import type { Mark, RaceTime } from '../model/schemas.js';

const TIME = /^(?:(?:(?<h>\d{1,2}):)?(?<m>\d{1,2}):)?(?<s>\d{1,3})(?:[.,](?<f>\d{1,3}))?$/;
const STATUS = /^(?:DQ|DSQ|DNF|DNS|DNQ|NT|NR|NC|WDR|WD|PEN|RET|DQB)$/i;
const DASH = /^[-–—]$/;
const CODE_SPLIT = /[\s,;]+/;

/** True for a status word such as DQ, DNF or DNS. */
export function isStatusWord(text: string): boolean {
  return STATUS.test(text.trim());
}

/** Reads `7:42.49`, `1:24.537`, `39.17`, `2:22.4`, `1:02:03.4`; null when the text is not a time. */
export function parseRaceTime(text: string): RaceTime | null {
  const match = TIME.exec(text.trim());
  if (!match?.groups) return null;
  const { h, m, s = '0', f } = match.groups;
  const seconds = Number(s);
  // With minutes present, 75 seconds is a typo rather than a time.
  if (m !== undefined && seconds >= 60) return null;
  if (h !== undefined && Number(m) >= 60) return null;
  const fraction = f ?? '';
  const ms =
    ((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + seconds) * 1000 + Number(fraction.padEnd(3, '0') || '0');
  return { text: text.trim(), ms, decimals: fraction.length };
}

export interface MarkCell {
  mark: Mark;
  /** Codes that followed the time in the same cell (e.g. `1:23.456 OR`). */
  extraNotes: string[];
  ok: boolean;
}

/** Reads a Time cell: a time, a status word, empty, or a time followed by record codes. */
export function parseMarkCell(cell: string): MarkCell {
  const text = cell.trim();
  if (text === '' || DASH.test(text)) return { mark: { kind: 'none' }, extraNotes: [], ok: true };
  if (STATUS.test(text)) return { mark: { kind: 'status', text }, extraNotes: [], ok: true };
  const [head = '', ...rest] = text.split(/\s+/);
  const time = parseRaceTime(head);
  if (time) {
    // Codes after the time are listed like the Notes column's: `WR, OR` is two codes.
    const extraNotes = rest
      .join(' ')
      .split(CODE_SPLIT)
      .map((code) => code.replace(/^\(|\)$/g, ''))
      .filter((code) => code !== '');
    return { mark: { kind: 'time', time }, extraNotes, ok: true };
  }
  return { mark: { kind: 'status', text }, extraNotes: [], ok: false };
}

/** Formats a duration in ms with exactly `decimals` digits, in the article's style (`1:24.537`, `39.17`). */
export function formatDuration(ms: number, decimals: number): string {
  const scale = 10 ** (3 - decimals);
  const rounded = Math.round(ms / scale) * scale;
  const totalSeconds = Math.floor(rounded / 1000);
  const fraction =
    decimals > 0
      ? `.${String(rounded % 1000)
          .padStart(3, '0')
          .slice(0, decimals)}`
      : '';
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0)
    return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}${fraction}`;
  if (minutes > 0) return `${minutes}:${String(seconds).padStart(2, '0')}${fraction}`;
  return `${seconds}${fraction}`;
}
