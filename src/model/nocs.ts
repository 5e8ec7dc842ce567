import { nocFromCountryName } from './countries.js';
import type { Diagnostic, Infobox, Position, Round } from './schemas.js';

const NOC = /^[A-Z]{3}$/;
const COUNTRY_WORDS =
  /^(?:the\s+)?((?:[\p{Lu}][\p{L}.'’-]*)(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|and|of|the)){0,4})/u;

type At = (line: number, needle?: string) => Position;

/** A paragraph of the article's prose and its line. */
export interface Paragraph {
  text: string;
  line: number;
}

/** The country that starts `text` ("the Netherlands won…" -> NED), trying the longest run of words first. */
function countryAtStart(text: string): string | null {
  const words = COUNTRY_WORDS.exec(text)?.[1]?.split(/\s+/) ?? [];
  for (let n = words.length; n > 0; n--) {
    const noc = nocFromCountryName(
      words
        .slice(0, n)
        .join(' ')
        .replace(/[.'’]+$/, ''),
    );
    if (noc) return noc;
  }
  return null;
}

/** `text` backwards by UTF-16 code unit, as a walk back through a string with charCodeAt reads it. */
function reverseUnits(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

/**
 * The skaters' names read backwards and sorted, so the names that end where " of " starts are found by
 * walking back from there once, narrowing the sorted range a character at a time, whatever the number
 * of skaters.
 */
class NameEndings {
  private readonly reversed: Array<{ key: string; order: number }>;
  constructor(names: readonly string[]) {
    this.reversed = names
      .map((name, order) => ({ key: reverseUnits(name), order }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The orders of the names that `text` ends with at `end` (as `text.endsWith(name, end)`), ascending. */
  endingAt(text: string, end: number): number[] {
    const found: number[] = [];
    const rev = this.reversed;
    let lo = 0;
    let hi = rev.length;
    // Invariant: rev[lo..hi) are the keys that begin with the `depth` code units before `end`, reversed.
    for (let depth = 0; lo < hi; depth++) {
      // A key no longer than the matched part is a whole name; it sorts before its longer neighbours.
      while (lo < hi && rev[lo]!.key.length === depth) found.push(rev[lo++]!.order);
      const i = end - 1 - depth;
      if (i < 0 || lo >= hi) break;
      const code = text.charCodeAt(i);
      let a = lo;
      let b = hi;
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (rev[mid]!.key.charCodeAt(depth) < code) a = mid + 1;
        else b = mid;
      }
      let c = a;
      b = hi;
      while (c < b) {
        const mid = (c + b) >>> 1;
        if (rev[mid]!.key.charCodeAt(depth) <= code) c = mid + 1;
        else b = mid;
      }
      lo = a;
      hi = c;
    }
    return found.length > 1 ? found.sort((x, y) => x - y) : found;
  }
}

/**
 * The NOCs the article states for its skaters: a Country cell holding a code or a country's name, the
 * infobox's medallists (which win over a cell), and prose like "X of Denmark" for a skater with none yet.
 * Prose that gives a skater another NOC than the one already known is a warning; the known one is kept.
 */
export function readNocs(
  infobox: Infobox | null,
  rounds: readonly Round[],
  paragraphs: readonly Paragraph[],
  at: At,
  warnings: Diagnostic[],
): Record<string, string> {
  const nocs: Record<string, string> = {};
  const ids = new Map<string, string>();
  for (const round of rounds) {
    for (const heat of round.heats) {
      for (const row of heat.rows) {
        ids.set(row.name, row.athleteId);
        if (row.country === null) continue;
        const noc = NOC.test(row.country) ? row.country : nocFromCountryName(row.country);
        if (noc && !Object.hasOwn(nocs, row.athleteId)) nocs[row.athleteId] = noc;
      }
    }
  }
  for (const medallist of infobox?.medallists ?? []) {
    if (medallist.noc) nocs[medallist.athleteId] = medallist.noc;
  }
  const names = [...ids];
  let endings: NameEndings | null = null;
  for (const paragraph of paragraphs) {
    const { text } = paragraph;
    // Look only where " of " stands and ask which skater's name ends there.
    for (let of = text.indexOf(' of '); of >= 0; of = text.indexOf(' of ', of + 1)) {
      const noc = countryAtStart(text.slice(of + 4));
      if (!noc) continue;
      endings ??= new NameEndings(names.map(([name]) => name));
      for (const order of endings.endingAt(text, of)) {
        const [name, id] = names[order] as [string, string];
        // Own keys only: a skater keyed `constructor` would otherwise already "have" Object's.
        if (!Object.hasOwn(nocs, id)) nocs[id] = noc;
        else if (nocs[id] !== noc)
          warnings.push({
            severity: 'warning',
            message: `prose gives ${name} as ${noc}, the infobox as ${nocs[id]}; the infobox is kept`,
            position: at(paragraph.line, `${name} of `),
          });
      }
    }
  }
  return nocs;
}
