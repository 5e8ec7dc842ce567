import type { Diagnostic, Heat, ResultRow, Round, RoundKind, StartTime } from '../model/schemas.js';
import { parseStartLine } from './dates.js';
import type { SourceText } from './errors.js';
import { wholeNumber } from './numbers.js';
import { columnLayout, readRow } from './rows.js';
import type { RawSection } from './structure.js';
import { isRaceTable, readHeader } from './table.js';

const RESULTS_HEADING = /^results?$/i;
const NUMBERED = /^(heat|race|quarter[- ]?final|semi[- ]?final|final)\s+(\d+)$/;
const HEATS = /^(?:heats?|first round|round 1|round one|preliminar(?:y round|ies))$/;
const QUARTERFINALS = /^quarter[- ]?finals?$/;
const SEMIFINALS = /^semi[- ]?finals?$/;
const FINALS = /^(?:finals?|final a|a final|final round)$/;
const LETTERED_FINAL = /^(?:final ([b-d])|([b-d]) final)$/;
const RACE = /^(?:race|results?)$/;

interface RoundDraft {
  id: string;
  kind: RoundKind;
  label: string;
  line: number;
  start: StartTime | null;
  rows: Array<{ heat: number | null; row: ResultRow }>;
}

/** A heading above the current one within Results, so "Heat 2" can find the round it belongs to. */
interface Enclosing {
  level: number;
  kind: RoundKind;
  id: string;
  label: string;
  line: number;
  start: RawSection['start'];
}

function classifyHeading(heading: string): {
  kind: RoundKind;
  id: string;
  heatOf?: RoundKind;
  heatNumber?: number;
} {
  const h = heading.trim().toLowerCase().replace(/\s+/g, ' ');
  const numbered = NUMBERED.exec(h);
  if (numbered) {
    const word = numbered[1] ?? '';
    const of: RoundKind = word.startsWith('quarter')
      ? 'quarterfinal'
      : word.startsWith('semi')
        ? 'semifinal'
        : word === 'final'
          ? 'final'
          : 'heat';
    return { kind: of, id: of, heatOf: of, heatNumber: wholeNumber(numbered[2] ?? '') ?? 0 };
  }
  if (HEATS.test(h)) return { kind: 'heat', id: 'heat' };
  if (QUARTERFINALS.test(h)) return { kind: 'quarterfinal', id: 'quarterfinal' };
  if (SEMIFINALS.test(h)) return { kind: 'semifinal', id: 'semifinal' };
  if (FINALS.test(h)) return { kind: 'final', id: 'final' };
  const lettered = LETTERED_FINAL.exec(h);
  if (lettered) {
    const letter = lettered[1] ?? lettered[2] ?? 'b';
    const kind = `final-${letter}` as RoundKind;
    return { kind, id: kind };
  }
  if (RACE.test(h)) return { kind: 'race', id: 'race' };
  const slug = h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return { kind: 'other', id: slug || 'round' };
}

/** The nearest enclosing heading that `test` accepts; the stack is at most five headings deep. */
function nearest(stack: readonly Enclosing[], test: (entry: Enclosing) => unknown): Enclosing | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const entry = stack[i] as Enclosing;
    if (test(entry)) return entry;
  }
  return undefined;
}

/** Reads the results tables under the Results heading into rounds, each with its heats in article order. */
export function readRounds(
  text: SourceText,
  sections: readonly RawSection[],
  year: number,
  warnings: Diagnostic[],
): Round[] {
  const resultsIndex = sections.findIndex((s) => s.heading !== null && RESULTS_HEADING.test(s.heading));
  if (resultsIndex < 0) return [];
  const results = sections[resultsIndex] as RawSection;
  const drafts = new Map<string, RoundDraft>();
  const stack: Enclosing[] = [];

  for (let s = resultsIndex; s < sections.length; s++) {
    const section = sections[s] as RawSection;
    if (s > resultsIndex && section.level <= results.level) break;
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= section.level) stack.pop();
    const cls =
      s === resultsIndex ? { kind: 'race' as const, id: 'race' } : classifyHeading(section.heading ?? '');
    let roundId = cls.id;
    let kind = cls.kind;
    // A heading of only spaces or `=` marks has no title; a round still needs a label to show.
    let label = section.heading || 'Results';
    let line = section.line;
    let heatNumber: number | null = null;
    if ('heatOf' in cls && cls.heatNumber !== undefined) {
      const parent = nearest(stack, (entry) => entry.kind !== 'other' && entry.kind !== 'race');
      roundId = parent?.id ?? cls.id;
      kind = parent?.kind ?? cls.kind;
      label = parent?.label ?? label;
      line = parent?.line ?? line;
      // "Heat 0" names no heat; its rows keep the number their Heat cell gives, if any.
      if (cls.heatNumber > 0) heatNumber = cls.heatNumber;
      else
        warnings.push(
          text.warning(section.line, `heading "${section.heading ?? ''}" gives no positive heat number`),
        );
    }
    if (s > resultsIndex)
      stack.push({ level: section.level, kind, id: roundId, label, line, start: section.start });
    if (s === resultsIndex) label = 'Race';
    const startSource =
      section.start ?? (heatNumber !== null ? nearest(stack, (e) => e.start)?.start : null) ?? null;

    for (const table of section.tables) {
      const headed = readHeader(text, table, warnings);
      if (!headed || headed.rows.length === 0) continue;
      if (!isRaceTable(headed)) {
        warnings.push(text.warning(table.line, 'table has no Rank and Name columns; not read as results'));
        continue;
      }
      let draft = drafts.get(roundId);
      if (!draft) {
        const start = startSource ? parseStartLine(startSource.text, year) : null;
        if (startSource && !start)
          warnings.push(text.warning(startSource.line, `start time "${startSource.text}" not understood`));
        draft = { id: roundId, kind, label, line, start, rows: [] };
        drafts.set(roundId, draft);
      }
      const layout = columnLayout(headed);
      for (const raw of headed.rows) {
        const read = readRow(text, headed, layout, raw, warnings);
        if (read) draft.rows.push({ heat: read.heat ?? heatNumber, row: read.row });
      }
    }
  }

  const rounds: Round[] = [];
  for (const draft of drafts.values()) {
    const heats: Heat[] = [];
    const byNumber = new Map<number | null, Heat>();
    for (const { heat, row } of draft.rows) {
      let target = byNumber.get(heat);
      if (!target) {
        target = { number: heat, rows: [] };
        byNumber.set(heat, target);
        heats.push(target);
      }
      target.rows.push(row);
    }
    if (heats.length === 0) continue;
    if (byNumber.has(null) && heats.length > 1) {
      const first = draft.rows[0]?.row.line ?? draft.line;
      warnings.push(text.warning(first, `round "${draft.label}" mixes rows with and without a heat number`));
    }
    const { id, kind, label, line, start } = draft;
    rounds.push({ id, kind, label, line, start, heats });
  }
  return rounds;
}
