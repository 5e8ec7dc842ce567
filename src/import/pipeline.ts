import { convertArticle } from './convert.js';
import type { ConvertProblem, SourcePage } from './types.js';
import { describeChanges, fileNameFor, writeArticle } from './write.js';
import type { WriteOutcome } from './write.js';

/** One article's way from HTML to a served file, as the CLI and the watcher report it. */
export type ImportOutcome = (
  | WriteOutcome
  /** The converter found no event article it could write (or unreadable HTML). */
  | { kind: 'refused'; file: string; problems: string[] }
  /** The article could not be fetched or read. */
  | { kind: 'failed'; file: string; problems: string[] }
) & {
  title: string;
  revid: number | null;
  stats?: { tables: number; rows: number; rowsWithNoc: number };
  convertWarnings?: ConvertProblem[];
};

/** Converts a page and writes it through the writer; never throws for a problem of the page itself. */
export async function importPage(page: SourcePage, dir: string): Promise<ImportOutcome> {
  const converted = convertArticle(page);
  const base = { title: page.title, revid: page.revid };
  if (converted.kind === 'refused')
    return {
      ...base,
      kind: 'refused',
      file: fileNameFor(page.title),
      problems: converted.problems.map((p) => `${p.where}: ${p.message}`),
    };
  const written = await writeArticle(converted.text, page.title, dir);
  return { ...written, ...base, stats: converted.stats, convertWarnings: converted.warnings };
}

/** The lines that say what became of an article: a headline, then its details indented. */
export function describeOutcome(outcome: ImportOutcome): string[] {
  const rev = outcome.revid !== null ? `, revision ${outcome.revid}` : '';
  const stats = outcome.stats
    ? `: ${outcome.stats.rows} rows, ${outcome.stats.rowsWithNoc} with a country`
    : '';
  switch (outcome.kind) {
    case 'imported':
      return [`imported ${outcome.file} (${outcome.title}${rev})${stats}`, ...warningLines(outcome)];
    case 'updated':
      return [
        `updated ${outcome.file} (${outcome.title}${rev})${stats}`,
        ...describeChanges(outcome.changes).map((line) => `  ${line}`),
        ...warningLines(outcome),
      ];
    case 'unchanged':
      return [`unchanged ${outcome.file} (${outcome.title}${rev})`];
    case 'refused':
      return [`refused ${outcome.title}: nothing written`, ...outcome.problems.map((p) => `  ${indent(p)}`)];
    case 'failed':
      return [`failed ${outcome.title}`, ...outcome.problems.map((p) => `  ${indent(p)}`)];
  }
}

function warningLines(outcome: ImportOutcome): string[] {
  const lines: string[] = [];
  for (const w of outcome.convertWarnings ?? []) lines.push(`  warning: ${w.where}: ${w.message}`);
  if (outcome.kind === 'imported' || outcome.kind === 'updated')
    for (const d of outcome.warnings) {
      const { source, line, column } = d.position;
      lines.push(`  warning: ${source}:${line}:${column}: ${d.message}`);
    }
  return lines;
}

function indent(text: string): string {
  return text.replace(/\n/g, '\n  ');
}
