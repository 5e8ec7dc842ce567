import type { AnyNode, Element } from 'domhandler';
import { ArticleParseError } from '../parse/errors.js';
import { parseArticle } from '../parse/index.js';
import { EVENT_TITLE } from '../parse/title.js';
import { descendants, hasClass, isElement, isHidden, oneLine, visibleText } from './dom.js';
import { loadHtml } from './html.js';
import { convertInfobox } from './infobox.js';
import { convertTable } from './tables.js';
import type { ConvertProblem, ConvertResult, SourcePage } from './types.js';

const GAMES_TITLE = /^(?<sport>.+?) at the \d{4} (?:Winter|Summer)(?: Youth)? Olympics$/;
const SKATING_SPORT = /^(?:short[- ]?track )?speed skating$/i;
const RESULTS_HEADING = /^results?$/i;
const ROUND_HEADING =
  /^(?:(?:heats?|races?|quarter-?finals?|semi-?finals?|finals?|first round|second round|round \d+)(?:\s+(?:\d+|[a-d]))?|[a-d] final|final round)$/i;

// Sections after the article proper: nothing in them is the event's prose or results.
const END_MATTER =
  /^(?:references?|notes?|footnotes|citations|sources|bibliography|see also|external links|further reading)$/i;

const SKIPPED_CLASSES = [
  'navbox',
  'reflist',
  'references',
  'mw-references-wrap',
  'hatnote',
  'toc',
  'thumb',
  'mw-editsection',
  'metadata',
  'sistersitebox',
  'shortdescription',
  'mw-empty-elt',
  'sortkey',
  'reference',
  'noprint',
];

interface Section {
  heading: string | null;
  level: number;
  paragraphs: string[];
  tables: Element[];
}

/** The dump-format header lines: where the text came from, which revision, when, and under what licence. */
export function formatSourceHeader(page: SourcePage): string[] {
  const url = `https://en.wikipedia.org/wiki/${encodeURIComponent(page.title.replace(/ /g, '_'))}`;
  return [
    `# Source: ${oneLine(page.title)} (${url})`,
    `# Revision: ${page.revid ?? 'unknown'}`,
    `# Retrieved: ${page.retrieved.toISOString()}`,
    '# Licence: text from Wikipedia, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); ' +
      `authors in the page history (${url}?action=history)`,
  ];
}

/** The revision an imported file's header names, or null (no header, or "unknown"). */
export function readSourceRevision(text: string): number | null {
  for (const line of text.split(/\r?\n/, 8)) {
    if (!line.startsWith('#')) break;
    const match = /^# Revision: (?<revid>\d+)\s*$/.exec(line);
    if (match?.groups) return Number(match.groups.revid);
  }
  return null;
}

/** Splits the page into the infobox, and sections of prose and tables in page order. */
function readPage(roots: readonly AnyNode[]): { infobox: Element | null; sections: Section[] } {
  const sections: Section[] = [{ heading: null, level: 1, paragraphs: [], tables: [] }];
  let infobox: Element | null = null;
  const current = () => sections[sections.length - 1] as Section;
  const walk = (node: AnyNode): void => {
    if (!isElement(node)) return;
    const name = node.name.toLowerCase();
    if (name === 'style' || name === 'script' || isHidden(node) || hasClass(node, SKIPPED_CLASSES)) return;
    if (node.attribs.id === 'toc') return;
    const heading = /^h(?<level>[1-6])$/.exec(name)?.groups?.level;
    if (heading !== undefined) {
      const text = visibleText(node);
      if (text !== '') sections.push({ heading: text, level: Number(heading), paragraphs: [], tables: [] });
      return;
    }
    if (name === 'p') {
      const text = visibleText(node);
      if (text !== '') current().paragraphs.push(text);
      return;
    }
    if (name === 'table') {
      if (hasClass(node, ['infobox'])) {
        infobox ??= node;
        return;
      }
      if (hasClass(node, ['wikitable'])) {
        current().tables.push(node);
        return;
      }
      // A layout table (heats side by side) holds wikitables in its cells; a sidebar holds none.
      for (const inner of descendants(node))
        if (inner.name === 'table' && hasClass(inner, ['wikitable'])) current().tables.push(inner);
      return;
    }
    if (name === 'ul' || name === 'ol' || name === 'dl' || name === 'figure') return;
    for (const child of node.children) walk(child);
  };
  for (const root of roots) walk(root);
  // A wikitable nested in another is reached through its parent's cells only once.
  for (const section of sections) section.tables = [...new Set(section.tables)];
  return { infobox, sections };
}

/**
 * Older articles put their rounds at the top ("== Heats ==", "== Final =="); the dump format reads rounds
 * under a Results heading, so one is put above the first round and the rounds go one level down.
 */
function gatherRounds(sections: Section[]): Section[] {
  if (sections.some((s) => s.heading !== null && RESULTS_HEADING.test(s.heading))) return sections;
  const first = sections.findIndex((s) => s.heading !== null && ROUND_HEADING.test(s.heading));
  if (first < 0) return sections;
  const base = (sections[first] as Section).level;
  const gathered: Section[] = [{ heading: 'Results', level: base, paragraphs: [], tables: [] }];
  let end = first;
  for (; end < sections.length; end++) {
    const section = sections[end] as Section;
    if (section.level <= base && !ROUND_HEADING.test(section.heading ?? '')) break;
    gathered.push({ ...section, level: section.level + 1 });
  }
  return [...sections.slice(0, first), ...gathered, ...sections.slice(end)];
}

/** Prose safe to write as one line: nothing the dump format would read as a table, heading or title. */
function proseLine(text: string): string {
  return oneLine(text)
    .replace(/^[|=\s]+/, '')
    .replace(/=+$/, '');
}

function headingLine(text: string, level: number): string {
  const marks = '='.repeat(Math.min(Math.max(level, 2), 6));
  const clean =
    oneLine(text)
      .replace(/^=+|=+$/g, '')
      .trim() || 'Section';
  return `${marks} ${clean} ${marks}`;
}

/** Converts one article's HTML to the dump format, or refuses it with the reasons. Pure: no I/O. */
export function convertArticle(page: SourcePage): ConvertResult {
  const title = oneLine(page.title);
  const refuse = (message: string, where = 'title'): ConvertResult => ({
    kind: 'refused',
    problems: [{ message, where }],
  });
  const parts = EVENT_TITLE.exec(title)?.groups;
  if (!parts) {
    if (GAMES_TITLE.test(title))
      return refuse(
        `"${title}" is an overview of a sport at one Games, not one event's results; import its events with --all`,
      );
    return refuse(
      `"${title}" is not an Olympic event article ("<sport> at the <year> Winter Olympics – <event>")`,
    );
  }
  const sport = (parts.sport ?? '').trim();
  if (!SKATING_SPORT.test(sport))
    return refuse(
      `"${title}" is not a speed-skating event (its sport is ${sport}); only speed skating and short-track speed skating are imported`,
    );
  const info = {
    sport,
    year: Number(parts.year),
    season: parts.season ?? 'Winter',
    event: (parts.event ?? '').trim(),
  };

  const $ = loadHtml(page.html);
  // A saved whole page has the article in .mw-parser-output; a fragment is the article itself.
  const content = $('.mw-parser-output').get(0);
  const { infobox, sections } = readPage(content ? [content] : $.root().contents().get());
  const warnings: ConvertProblem[] = [];

  const lines = [...formatSourceHeader({ ...page, title }), '', `= ${title} =`, ''];
  if (infobox) {
    lines.push('Infobox');
    for (const [key, value] of convertInfobox(infobox, info).entries)
      lines.push(`- ${key}: ${oneLine(value)}`);
    lines.push('');
  }

  let tableNumber = 0;
  let resultsLevel: number | null = null;
  let skipBelow: number | null = null;
  let resultTables = 0;
  for (const section of gatherRounds(sections)) {
    if (section.heading !== null) {
      if (skipBelow !== null && section.level > skipBelow) continue;
      skipBelow = null;
      if (resultsLevel !== null && section.level <= resultsLevel) resultsLevel = null;
      if (END_MATTER.test(section.heading)) {
        skipBelow = section.level;
        continue;
      }
      if (resultsLevel === null && RESULTS_HEADING.test(section.heading)) resultsLevel = section.level;
      lines.push(headingLine(section.heading, section.level));
    }
    for (const paragraph of section.paragraphs) {
      const line = proseLine(paragraph);
      if (line !== '') lines.push(line);
    }
    for (const table of section.tables) {
      tableNumber++;
      if (resultsLevel === null) continue;
      const converted = convertTable(table, tableNumber, warnings);
      if (converted === null) {
        warnings.push({
          message: 'not a results table (no Rank and Name columns); left out',
          where: `table ${tableNumber}`,
        });
        continue;
      }
      resultTables++;
      lines.push('', ...converted.lines);
    }
    lines.push('');
  }
  if (resultTables === 0)
    return {
      kind: 'refused',
      problems: [
        {
          message: 'no results table (Rank and Name columns) under a Results heading',
          where: 'section Results',
        },
        ...warnings,
      ],
    };

  const text = `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
  const converted = (line: number) => `converted text line ${line}`;
  try {
    const { article, warnings: parsed } = parseArticle(text, title);
    const rows = article.rounds.flatMap((round) => round.heats.flatMap((heat) => heat.rows));
    if (rows.length === 0) return refuse('no row of the results tables names a skater', 'section Results');
    for (const warning of parsed)
      warnings.push({ message: warning.message, where: converted(warning.position.line) });
    return {
      kind: 'converted',
      text,
      stats: {
        tables: resultTables,
        rows: rows.length,
        rowsWithNoc: rows.filter((row) => row.country !== null && /^[A-Z]{3}$/.test(row.country)).length,
      },
      warnings,
    };
  } catch (error) {
    if (!(error instanceof ArticleParseError)) throw error;
    return refuse(`the converted text does not parse: ${error.reason}`, converted(error.position.line));
  }
}
