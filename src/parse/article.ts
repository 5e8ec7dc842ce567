import type { Diagnostic, EventArticle, Section } from '../model/schemas.js';
import { checkInvariants } from '../model/invariants.js';
import { readNocs } from '../model/nocs.js';
import { parseEventArticle } from '../model/rows.js';
import { SourceText } from './errors.js';
import { readInfobox } from './infobox.js';
import { readRecords } from './records.js';
import { readRounds } from './rounds.js';
import { readStructure } from './structure.js';
import type { RawSection } from './structure.js';
import type { RawTable } from './table.js';
import { readTitle } from './title.js';

/** What `parseArticle` returns: the validated article and the recoverable problems found on the way. */
export interface ParsedArticle {
  article: EventArticle;
  warnings: Diagnostic[];
}

/** Parses one article. Pure: text in, data out. Throws `ArticleParseError` (with position) when unusable. */
export function parseArticle(input: string, source: string): ParsedArticle {
  const text = new SourceText(source, input);
  const warnings: Diagnostic[] = [];
  const title = readTitle(text);
  const { year, season } = title;

  const { sections, infoboxEntries, infoboxLine } = readStructure(text, title.index + 1, warnings);
  const infobox =
    infoboxLine === null ? null : readInfobox(text, infoboxEntries, infoboxLine, year, warnings);
  if (infobox === null) warnings.push(text.warning(title.line, 'article has no Infobox'));
  const rounds = readRounds(text, sections, year, warnings);
  if (rounds.length === 0)
    warnings.push(text.warning(title.line, 'article has no results tables under a Results heading'));

  const proseSections: Section[] = sections
    .filter((section) => section.paragraphs.length > 0)
    .map(({ heading, level, line, paragraphs }) => ({ heading, level, line, paragraphs }));
  const paragraphs = sections.flatMap((section) =>
    section.paragraphs.map((paragraph, index) => ({
      text: paragraph,
      line: section.paragraphLines[index] ?? section.line,
    })),
  );
  const at = (line: number, needle?: string) => text.at(line, needle);
  const nocs = readNocs(infobox, rounds, paragraphs, at, warnings);
  const records = readRecords(recordTables(sections));

  const draft: EventArticle = {
    id: title.id,
    source,
    title: title.title,
    sport: title.sport,
    sportLabel: title.sportLabel,
    games: { year, season, label: `${year} ${season} Olympics` },
    eventName: title.eventName,
    gender: title.gender,
    discipline: title.discipline,
    infobox,
    sections: proseSections,
    rounds,
    nocs,
    ...(records.length > 0 ? { records } : {}),
  };
  const article = validate(text, draft);
  const keyLine = (key: string) =>
    infoboxEntries.find((entry) => entry.key.toLowerCase() === key)?.line ?? infoboxLine ?? title.line;
  // One push per warning, not push(...spread): an article can carry more warnings than a call has arguments.
  for (const warning of checkInvariants(article, at, keyLine)) warnings.push(warning);
  return { article, warnings };
}

/** Runs the schema over the assembled article; a refusal becomes an error at the line of the refused part. */
/** The tables of the Records section and of the sections beneath it. */
function recordTables(sections: RawSection[]): RawTable[] {
  const at = sections.findIndex((s) => s.heading !== null && /^records?$/i.test(s.heading));
  const records = sections[at];
  if (!records) return [];
  const end = sections.findIndex((s, i) => i > at && s.level <= records.level);
  return sections.slice(at, end < 0 ? undefined : end).flatMap((s) => s.tables);
}

function validate(text: SourceText, draft: EventArticle): EventArticle {
  const result = parseEventArticle(draft);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  let line = 1;
  let node: unknown = draft;
  for (const key of issue?.path ?? []) {
    if (node === null || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (node !== null && typeof node === 'object' && typeof (node as { line?: unknown }).line === 'number') {
      line = (node as { line: number }).line;
    }
  }
  return text.fail(
    line,
    `invalid ${issue?.path.join('.') ?? 'article'}: ${issue?.message ?? 'unknown problem'}`,
  );
}
