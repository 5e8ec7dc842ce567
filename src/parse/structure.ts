import type { Diagnostic } from '../model/schemas.js';
import { isStartLine } from './dates.js';
import type { SourceText } from './errors.js';
import { isTableRow, readTable } from './table.js';
import type { RawTable } from './table.js';

// Heading and infobox patterns capture untrimmed and the code trims: a lazy group next to `\s*`
// backtracks through every split of a run of spaces, which costs the square of the run's length.
const HEADING = /^(?<open>={2,6})(?!=)(?<title>.+?)(?<close>={2,6})$/;
const INFOBOX_START = /^infobox\b/i;
const INFOBOX_ENTRY = /^\s*[-*](?<key>[^:]+):(?<value>.*)$/;

/** A heading and what stands under it, up to the next heading. */
export interface RawSection {
  heading: string | null;
  level: number;
  line: number;
  paragraphs: string[];
  /** Line of each paragraph, so a warning about prose can point at it. */
  paragraphLines: number[];
  tables: RawTable[];
  start: { line: number; text: string } | null;
}

/** One `- Key: value` line of the infobox. */
export interface InfoboxEntry {
  key: string;
  value: string;
  line: number;
}

/** The article's body cut into its parts. */
export interface ArticleStructure {
  sections: RawSection[];
  infoboxEntries: InfoboxEntry[];
  /** Line of the `Infobox` marker, or null when the article has none. */
  infoboxLine: number | null;
}

function section(heading: string | null, level: number, line: number): RawSection {
  return { heading, level, line, paragraphs: [], paragraphLines: [], tables: [], start: null };
}

/** Splits the article from 0-based line `from` into its infobox, and sections with their prose, tables and start lines. */
export function readStructure(text: SourceText, from: number, warnings: Diagnostic[]): ArticleStructure {
  const sections: RawSection[] = [section(null, 1, from)];
  const infoboxEntries: InfoboxEntry[] = [];
  let infoboxLine: number | null = null;
  let i = from;
  while (i < text.lines.length) {
    const line = text.lines[i] ?? '';
    const trimmed = line.trim();
    const current = sections[sections.length - 1] as RawSection;
    if (trimmed === '') {
      i++;
      continue;
    }
    if (isTableRow(line)) {
      const { table, next } = readTable(text.lines, i);
      current.tables.push(table);
      i = next;
      continue;
    }
    const heading = HEADING.exec(trimmed);
    if (heading?.groups) {
      const open = heading.groups.open?.length ?? 2;
      const close = heading.groups.close?.length ?? 2;
      if (open !== close)
        warnings.push(text.warning(i + 1, `heading opens with ${open} "=" and closes with ${close}`));
      sections.push(section((heading.groups.title ?? '').trim(), Math.min(open, close), i + 1));
      i++;
      continue;
    }
    if (INFOBOX_START.test(trimmed) && infoboxLine === null && current.heading === null) {
      infoboxLine = i + 1;
      i++;
      while (i < text.lines.length) {
        const entry = INFOBOX_ENTRY.exec(text.lines[i] ?? '');
        if (!entry?.groups) break;
        infoboxEntries.push({
          key: (entry.groups.key ?? '').trim(),
          value: (entry.groups.value ?? '').trim(),
          line: i + 1,
        });
        i++;
      }
      continue;
    }
    // A round's start time sits right under its heading, before the table.
    if (
      current.heading !== null &&
      current.tables.length === 0 &&
      current.paragraphs.length === 0 &&
      current.start === null &&
      isStartLine(trimmed)
    ) {
      current.start = { line: i + 1, text: trimmed };
      i++;
      continue;
    }
    current.paragraphs.push(trimmed);
    current.paragraphLines.push(i + 1);
    i++;
  }
  return { sections, infoboxEntries, infoboxLine };
}
