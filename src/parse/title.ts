import type { Gender, Sport } from '../model/schemas.js';
import type { SourceText } from './errors.js';

// Title patterns capture untrimmed and the code trims: a lazy group next to `\s*` backtracks through
// every split of a run of spaces, which costs the square of the run's length.
const TITLE_LINE = /^=(?!=)(?<title>.*)=$/;
/** `<sport> at the <year> <season> Olympics – <event>`: an event article's title, here and in the importer. */
export const EVENT_TITLE =
  /^(?<sport>.+?) at the (?<year>\d{4}) (?<season>Winter|Summer) Olympics\s*[–—-]+\s*(?<event>.+)$/;
// "Ladies'" carries its possessive after the s it already ends with.
const GENDER_PREFIX = /^(?<gender>men|women|ladies|mixed)(?:'s|’s|'|’)?\s+/i;
// Starts only where a run of digits and commas starts: tried from every digit, a long run would be quadratic.
// An imported file opens with `#` lines naming its source, revision and licence, before the title.
const HEADER_COMMENT = /^\s*#/;
const DISTANCE = /(?<![\d,])(?<lead>,*)(?<metres>\d[\d,]*)\s*(?:metres?|meters?|m)\b/g;

/** What the title line says: the event's identity. */
export interface ArticleTitle {
  /** 0-based index of the title line; the article's body starts after it. */
  index: number;
  /** 1-based line of the title, for positions. */
  line: number;
  id: string;
  title: string;
  sport: Sport;
  sportLabel: string;
  year: number;
  season: 'Winter' | 'Summer';
  eventName: string;
  gender: Gender | null;
  discipline: string;
}

/** Reads the first non-blank line that is not a `#` header line as `= <sport> at the <year> <season> Olympics – <event> =`; throws if it is not. */
export function readTitle(text: SourceText): ArticleTitle {
  const index = text.lines.findIndex((line) => line.trim() !== '' && !HEADER_COMMENT.test(line));
  const line = index + 1;
  const titleMatch = TITLE_LINE.exec(text.lines[index]?.trim() ?? '');
  if (index < 0) text.fail(1, 'empty article');
  if (!titleMatch?.groups)
    text.fail(line, 'expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="');
  const title = (titleMatch.groups.title ?? '').trim();
  const parts = EVENT_TITLE.exec(title)?.groups;
  if (!parts) text.fail(line, 'title does not name "<sport> at the <year> <season> Olympics – <event>"');
  const sportLabel = (parts.sport ?? '').trim();
  const year = Number(parts.year);
  const season = parts.season === 'Summer' ? 'Summer' : 'Winter';
  const eventName = (parts.event ?? '').trim();
  const sport = /short[\s-]*track/i.test(sportLabel) ? 'short-track' : 'long-track';
  const { gender, discipline } = readEventName(eventName);
  if (discipline === '') text.fail(line, 'title names no event', eventName);
  const id = [sport === 'short-track' ? 'short-track' : null, discipline, gender, String(year)]
    .filter((part) => part !== null)
    .join('-');
  return { index, line, id, title, sport, sportLabel, year, season, eventName, gender, discipline };
}

function readEventName(eventName: string): { gender: Gender | null; discipline: string } {
  const match = GENDER_PREFIX.exec(eventName);
  const word = match?.groups?.gender?.toLowerCase();
  const gender: Gender | null =
    word === 'men'
      ? 'men'
      : word === 'women' || word === 'ladies'
        ? 'women'
        : word === 'mixed'
          ? 'mixed'
          : null;
  const rest = match ? eventName.slice(match[0].length) : eventName;
  const discipline = rest
    .toLowerCase()
    .replace(DISTANCE, (_, lead: string, metres: string) => `${lead}${metres.replace(/,/g, '')}m`)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { gender, discipline };
}
