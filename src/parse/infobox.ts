import type { Diagnostic, Infobox, Medal, Medallist, WinValue } from '../model/schemas.js';
import { athleteKey } from '../model/names.js';
import { parseDateList } from './dates.js';
import type { SourceText } from './errors.js';
import { isDigits, wholeNumber } from './numbers.js';
import type { InfoboxEntry } from './structure.js';
import { parseRaceTime } from './time.js';

const NOC = /^[A-Z]{3}$/;
// The dump doubles the comma where a link separated venue and city.
// (?<!\s): a match may only start where a run of spaces starts, or a long run is scanned from each space.
const DOUBLED_COMMA = /(?<!\s)\s*,(?:\s*,)+\s*/g;

/** Reads the infobox's entries (starting at `line`) into the event's facts; odd values become warnings. */
export function readInfobox(
  text: SourceText,
  entries: readonly InfoboxEntry[],
  line: number,
  year: number,
  warnings: Diagnostic[],
): Infobox {
  // A Map, not `key in {}`: keys such as "constructor" or "__proto__" are inherited by every object.
  const kept = new Map<string, string>();
  const lines = new Map<string, number>();
  for (const entry of entries) {
    if (kept.has(entry.key))
      warnings.push(text.warning(entry.line, `infobox key "${entry.key}" repeated; the first is kept`));
    // zod drops a "__proto__" key when it validates (one could replace an object's prototype), so it is
    // dropped here, said, rather than vanishing between parse and model.
    else if (entry.key === '__proto__')
      warnings.push(text.warning(entry.line, 'infobox key "__proto__" is not kept'));
    else {
      kept.set(entry.key, entry.value);
      lines.set(entry.key.toLowerCase(), entry.line);
    }
  }
  const raw: Record<string, string> = Object.fromEntries(kept);
  // Keys match whatever their case; the first key of each spelling in lower case answers.
  const byLowerKey = new Map<string, string>();
  for (const [key, value] of kept)
    if (!byLowerKey.has(key.toLowerCase())) byLowerKey.set(key.toLowerCase(), value);
  const get = (key: string): string | null => {
    const value = byLowerKey.get(key);
    return value === undefined || value === '' ? null : value;
  };
  const lineOf = (key: string) => lines.get(key) ?? line;
  const count = (key: string): number | null => {
    const value = get(key);
    if (value === null) return null;
    const number = wholeNumber(/^(\d+)/.exec(value)?.[1] ?? '');
    if (number === null) warnings.push(text.warning(lineOf(key), `infobox ${key} is not a number`, value));
    return number;
  };

  const venue = get('venue')?.replace(DOUBLED_COMMA, ', ') ?? null;
  const dateText = get('date');
  let dates: string[] = [];
  if (dateText !== null) {
    const parsed = parseDateList(dateText, year);
    if (parsed === null) warnings.push(text.warning(lineOf('date'), 'infobox date not understood', dateText));
    dates = parsed ?? [];
  }

  let win: WinValue | null = null;
  const winText = get('win value');
  const winLabel = get('win label');
  if (winText !== null) {
    const time = parseRaceTime(winText);
    if (
      (winLabel !== null && /point/i.test(winLabel)) ||
      (isDigits(winText) && winLabel === null && !time?.decimals)
    ) {
      const points = wholeNumber(winText);
      if (points !== null) win = { kind: 'points', points, label: winLabel ?? 'Winning points' };
      else warnings.push(text.warning(lineOf('win value'), 'winning points are not a whole number', winText));
    } else if (time) {
      win = { kind: 'time', time, label: winLabel ?? 'Winning time' };
    } else {
      warnings.push(text.warning(lineOf('win value'), 'winning value is neither points nor a time', winText));
    }
  }

  const medallists: Medallist[] = [];
  for (const medal of ['gold', 'silver', 'bronze'] as const satisfies readonly Medal[]) {
    const name = get(medal);
    if (name === null) continue;
    const noc = get(`${medal}noc`);
    if (noc !== null && !NOC.test(noc))
      warnings.push(text.warning(lineOf(`${medal}noc`), 'NOC is not a three-letter code', noc));
    const athleteId = athleteKey(name);
    // A name of punctuation alone names nobody; the schema would refuse the whole article for it.
    if (athleteId === '') {
      warnings.push(text.warning(lineOf(medal), `infobox ${medal} names no skater`, name));
      continue;
    }
    medallists.push({ medal, name, athleteId, noc: noc !== null && NOC.test(noc) ? noc : null });
  }

  return {
    raw,
    line,
    event: get('event'),
    venue,
    dates,
    dateText,
    competitors: count('competitors'),
    nations: count('nations'),
    win,
    medallists,
    prev: get('prev'),
    next: get('next'),
  };
}
