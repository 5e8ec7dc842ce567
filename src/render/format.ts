import { escapeMarkdown } from 'discord.js';
import stringWidth from 'string-width';
import type { EventArticle, Mark, Medal, ResultRow } from '../model/schemas.js';
import { nocByCode } from '../model/countries.js';
import { formatDuration } from '../parse/time.js';
import type { Lang, ReplyKey } from '../i18n/lang.js';
import { EN, formatDates } from '../i18n/lang.js';
import { eventName, gamesName } from '../i18n/names.js';
import { LocaleMemo } from '../i18n/memo.js';

export const MEDAL_EMOJI: Record<Medal, string> = { gold: '🥇', silver: '🥈', bronze: '🥉' };
export const MEDAL_COLOUR: Record<Medal, number> = { gold: 0xd4af37, silver: 0xa8a9ad, bronze: 0xcd7f32 };
export const BRAND_COLOUR = 0x2b6cb0;

/** The resource key of each note code's meaning, for the legend under a table. */
const NOTE_KEYS: Record<string, ReplyKey> = {
  Q: 'notes.Q',
  q: 'notes.q',
  ADV: 'notes.ADV',
  PEN: 'notes.PEN',
  QA: 'notes.QA',
  qA: 'notes.qA',
  QB: 'notes.QB',
  qB: 'notes.qB',
  DNF: 'notes.DNF',
  DNS: 'notes.DNS',
  DSQ: 'notes.DSQ',
  DQ: 'notes.DQ',
  YC: 'notes.YC',
  OR: 'notes.OR',
  WR: 'notes.WR',
  TR: 'notes.TR',
  NR: 'notes.NR',
  PB: 'notes.PB',
};

/** What a note code means in the reader's language; null for a code the bot does not know. */
export function noteMeaning(code: string, lang: Lang = EN): string | null {
  const key = Object.hasOwn(NOTE_KEYS, code) ? NOTE_KEYS[code] : undefined;
  return key ? lang.t(key) : null;
}

const widthCache = new Map<string, number>();
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Printable ASCII only: one column and one grapheme a character, so width and cutting are simple. */
export function isPrintableAscii(text: string): boolean {
  return PRINTABLE_ASCII.test(text);
}

/** Display width in a monospace font: wide (CJK) characters and emoji count double. */
export function displayWidth(text: string): number {
  // Nearly every cell (times, ranks, most names) is printable ASCII, one column a character: a regex test
  // is far cheaper than string-width, and keeps the cache for the names that need it.
  if (isPrintableAscii(text)) return text.length;
  // Table layout measures the same cells many times over while it tries narrower layouts.
  let width = widthCache.get(text);
  if (width === undefined) {
    if (widthCache.size >= 10_000) widthCache.clear();
    width = stringWidth(text);
    widthCache.set(text, width);
  }
  return width;
}

const CODE_UNSAFE = /[`\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

/** Text for inside a code block: a backtick would close the block, so it becomes a look-alike. */
export function codeSafe(text: string): string {
  // Nearly every cell needs neither change; one test is cheaper than two replaces that find nothing.
  if (!CODE_UNSAFE.test(text)) return text;
  return text.replace(/`/g, 'ˋ').replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

// escapeMarkdown's defaults only ever act on these characters. Its look-behind regexes cost a tenth of an
// HTTP replica's CPU, and most names contain none of them.
const MARKDOWN_CHARS = /[\\`*_~|]/;

/** Text for ordinary markdown: `*`, `_`, `~`, `|`, `>` and friends in a name cannot format anything. */
export function mdSafe(text: string): string {
  const plain = text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  return MARKDOWN_CHARS.test(plain) ? escapeMarkdown(plain) : plain;
}

/** "NED 🇳🇱" where the article states a NOC; empty otherwise. */
export function nocLabel(noc: string | null, withFlag = true): string {
  if (noc === null) return '';
  const entry = nocByCode(noc);
  return withFlag && entry.flag ? `${entry.flag} ${entry.code}` : entry.code;
}

/** A Time cell as the article wrote it: the time, the status word, or a dash. */
export function markText(mark: Mark): string {
  if (mark.kind === 'time') return mark.time.text;
  if (mark.kind === 'status') return mark.text;
  return '–';
}

/** A place: "1st", nl "1e", de "1.", ko "1위". */
export function ordinal(n: number, lang: Lang = EN): string {
  if (lang.locale !== EN.locale) return n === 1 ? lang.t('names.placeFirst') : lang.t('names.place', { n });
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** Gap to the winner with the same number of decimals the article used, e.g. `+0.570`. */
export function gapText(row: ResultRow, winner: ResultRow | undefined): string {
  if (row.mark.kind !== 'time' || winner?.mark.kind !== 'time' || row === winner) return '';
  const gap = row.mark.time.ms - winner.mark.time.ms;
  if (gap < 0) return '';
  const decimals = Math.max(row.mark.time.decimals, winner.mark.time.decimals);
  return `+${formatDuration(gap, decimals)}`;
}

export function pointsText(points: number, lang: Lang = EN): string {
  return lang.t('replies.common.points', { count: points });
}

/** "Men's mass start · 2026 Winter Olympics" with the sport where it is not long-track. */
export function eventTitle(event: EventArticle, lang: Lang = EN): string {
  // Other languages name the sport inside the event's name: "1000 meter mannen (shorttrack)".
  const sport = event.sport === 'short-track' && lang.locale === EN.locale ? 'Short track · ' : '';
  return `${sport}${eventName(event, lang)} · ${gamesName(event, lang)}`;
}

/** Footer citing the article the reply came from. */
export function sourceFooter(event: EventArticle, lang: Lang = EN): { text: string } {
  return {
    text: lang.t('replies.common.source', { title: event.title, source: event.source }).slice(0, 2048),
  };
}

/** A Discord timestamp that each reader sees in their own time zone. */
export function discordTime(unix: number, style: 'f' | 'F' | 'R' | 't' | 'd' = 'f'): string {
  return `<t:${unix}:${style}>`;
}

/** Legend for the note codes present, e.g. "Q qualified by place · PEN penalty". */
export function noteLegend(rows: readonly ResultRow[], lang: Lang = EN): string {
  const codes = [...new Set(rows.flatMap((row) => row.notes))];
  return codes
    .map((code) => `**${mdSafe(code)}** ${noteMeaning(code, lang) ?? lang.t('notes.unknown')}`)
    .join(' · ');
}

/** Cuts text to `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Prose cut at a word boundary to at most `max` characters, ending with an ellipsis when cut. */
export function clipWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  // A trailing backslash would escape the ellipsis instead of the character it was written for.
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd().replace(/\\+$/, '')}…`;
}

// A date range costs ICU far more than a lookup, and every reply about an event shows it.
const localDates = new LocaleMemo<EventArticle, string | null>();

/** The competition dates as the infobox writes them, with the year from the Games where it is left out. */
export function competitionDates(event: EventArticle, lang: Lang = EN): string | null {
  const { infobox } = event;
  if (!infobox?.dateText) return null;
  // Another language gets the parsed days as its own calendar writes them; text that did not parse stays.
  if (lang.locale !== EN.locale)
    return localDates.get(event, lang, () => formatDates(infobox.dates, lang) ?? infobox.dateText);
  const text = infobox.dateText;
  // Only add the year to text that parsed as dates; anything else is shown as written.
  return infobox.dates.length === 0 || /\d{4}/.test(text) ? text : `${text} ${event.games.year}`;
}
