import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, EventArticle, Mark, ResultRow } from '../model/schemas.js';
import { ArticleParseError, parseArticle } from '../parse/index.js';
import { readSourceRevision } from './convert.js';

// The header's retrieval time changes on every import; that line is left out when comparing two versions.
const RETRIEVED = /^#\s*Retrieved:/;

/** What became of one converted article. */
export type WriteOutcome =
  /** A new file. */
  | { kind: 'imported'; file: string; eventId: string; warnings: Diagnostic[] }
  /** The file was there with another revision (or another conversion) and is replaced. */
  | { kind: 'updated'; file: string; eventId: string; warnings: Diagnostic[]; changes: ChangeSummary }
  /** The file already holds this revision as converted now: nothing written. */
  | { kind: 'unchanged'; file: string; eventId: string }
  /** The project's parser rejected the text, or another file serves the event: nothing written. */
  | { kind: 'refused'; file: string; problems: string[] };

/** What differs between the served version of an article and the one replacing it. */
export interface ChangeSummary {
  fromRevision: number | null;
  toRevision: number | null;
  rowsAdded: RowChange[];
  rowsRemoved: RowChange[];
  timesCorrected: Array<RowChange & { from: string; to: string }>;
  ranksChanged: Array<RowChange & { from: number | null; to: number | null }>;
  countriesChanged: Array<RowChange & { from: string | null; to: string | null }>;
  /** Something outside the result rows changed: the infobox, the prose, the rounds' start times. */
  otherChanges: boolean;
}

export interface RowChange {
  round: string;
  heat: number | null;
  name: string;
}

/** The file an article is written to: its title in lower case ASCII words, so each title has one file. */
export function fileNameFor(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 150);
  return `${slug || 'article'}.txt`;
}

function comparable(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !RETRIEVED.test(line))
    .join('\n')
    .trimEnd();
}

function positioned(d: Diagnostic): string {
  const { source, line, column, text } = d.position;
  return `${source}:${line}:${column}: ${d.message}\n  ${text}`;
}

/** The event id a file's title line gives, without parsing the rest of it; null when it has none. */
function eventIdOfTitle(head: string): string | null {
  const lines = head.split(/\r\n|\n|\r/);
  // The title is the first line that is neither blank nor part of an imported file's `#` header.
  const title = lines.findIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (title < 0) return null;
  try {
    return parseArticle(lines.slice(0, title + 1).join('\n'), 'title').article.id;
  } catch {
    return null;
  }
}

/**
 * Writes `text` as `dir/<file>` when the project's parser accepts it, atomically (a temporary file in the
 * same folder, then a rename, so a reload never sees half a file). Nothing is written when the parser
 * refuses it, when another file already serves the same event, or when the file holds the same text.
 */
export async function writeArticle(text: string, title: string, dir: string): Promise<WriteOutcome> {
  const file = fileNameFor(title);
  let parsed: { article: EventArticle; warnings: Diagnostic[] };
  try {
    parsed = parseArticle(text, file);
  } catch (error) {
    if (!(error instanceof ArticleParseError)) throw error;
    return { kind: 'refused', file, problems: [positioned(error.toDiagnostic())] };
  }
  const { article, warnings } = parsed;
  await mkdir(dir, { recursive: true });
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt') && name !== file);
  for (const name of names) {
    if (eventIdOfTitle(await readHead(join(dir, name))) === article.id)
      return {
        kind: 'refused',
        file,
        problems: [
          `${file}: event ${article.id} is already served from ${name}; remove that file to import this article`,
        ],
      };
  }

  const path = join(dir, file);
  const before = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (
    before !== null &&
    readSourceRevision(before) === readSourceRevision(text) &&
    comparable(before) === comparable(text)
  )
    return { kind: 'unchanged', file, eventId: article.id };

  await writeAtomically(path, text);
  if (before === null) return { kind: 'imported', file, eventId: article.id, warnings };
  return {
    kind: 'updated',
    file,
    eventId: article.id,
    warnings,
    changes: compareArticles(before, article, text, file),
  };
}

/** The first 4 KB of a file: enough for its header and title line, without reading a whole folder of articles. */
async function readHead(path: string): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return '';
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  // Not *.txt: the loader reads every *.txt, and must never read this one.
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function markText(mark: Mark): string {
  return mark.kind === 'time' ? mark.time.text : mark.kind === 'status' ? mark.text : '';
}

function rowsOf(article: EventArticle | null): Map<string, { change: RowChange; row: ResultRow }> {
  const rows = new Map<string, { change: RowChange; row: ResultRow }>();
  for (const round of article?.rounds ?? [])
    for (const heat of round.heats)
      for (const row of heat.rows)
        rows.set(`${round.id}\u0000${heat.number ?? ''}\u0000${row.athleteId}`, {
          change: { round: round.label, heat: heat.number, name: row.name },
          row,
        });
  return rows;
}

/** Everything but the rows and the positions, to tell whether anything else changed. */
function outline(article: EventArticle | null): string {
  if (!article) return '';
  const { infobox, sections, rounds } = article;
  return JSON.stringify({
    infobox: infobox ? { ...infobox, line: 0 } : null,
    sections: sections.map((s) => ({ ...s, line: 0 })),
    rounds: rounds.map((r) => ({ id: r.id, label: r.label, start: r.start, heats: r.heats.length })),
  });
}

/** What changed from the served file (`beforeText`) to the new article. */
export function compareArticles(
  beforeText: string,
  after: EventArticle,
  afterText: string,
  file: string,
): ChangeSummary {
  let before: EventArticle | null = null;
  try {
    before = parseArticle(beforeText, file).article;
  } catch (error) {
    // A served file that no longer parses (edited by hand): every new row counts as added.
    if (!(error instanceof ArticleParseError)) throw error;
  }
  const old = rowsOf(before);
  const now = rowsOf(after);
  const summary: ChangeSummary = {
    fromRevision: readSourceRevision(beforeText),
    toRevision: readSourceRevision(afterText),
    rowsAdded: [],
    rowsRemoved: [],
    timesCorrected: [],
    ranksChanged: [],
    countriesChanged: [],
    otherChanges: outline(before) !== outline(after),
  };
  for (const [key, { change, row }] of now) {
    const was = old.get(key);
    if (!was) {
      summary.rowsAdded.push(change);
      continue;
    }
    const [from, to] = [markText(was.row.mark), markText(row.mark)];
    if (from !== to) summary.timesCorrected.push({ ...change, from, to });
    if (was.row.rank !== row.rank) summary.ranksChanged.push({ ...change, from: was.row.rank, to: row.rank });
    if (was.row.country !== row.country)
      summary.countriesChanged.push({ ...change, from: was.row.country, to: row.country });
  }
  for (const [key, { change }] of old) if (!now.has(key)) summary.rowsRemoved.push(change);
  return summary;
}

function where(change: RowChange): string {
  return `${change.name} (${change.round}${change.heat !== null ? ` heat ${change.heat}` : ''})`;
}

/** One line per kind of change, for the terminal and the log. */
export function describeChanges(changes: ChangeSummary): string[] {
  const lines: string[] = [];
  const revisions = `revision ${changes.fromRevision ?? '?'} -> ${changes.toRevision ?? '?'}`;
  const list = (items: readonly string[]) =>
    items.length > 5 ? `${items.slice(0, 5).join(', ')} and ${items.length - 5} more` : items.join(', ');
  if (changes.rowsAdded.length > 0)
    lines.push(`${changes.rowsAdded.length} rows added: ${list(changes.rowsAdded.map(where))}`);
  if (changes.rowsRemoved.length > 0)
    lines.push(`${changes.rowsRemoved.length} rows removed: ${list(changes.rowsRemoved.map(where))}`);
  if (changes.timesCorrected.length > 0)
    lines.push(
      `${changes.timesCorrected.length} times corrected: ${list(
        changes.timesCorrected.map((c) => `${where(c)} ${c.from || '(none)'} -> ${c.to || '(none)'}`),
      )}`,
    );
  if (changes.ranksChanged.length > 0)
    lines.push(
      `${changes.ranksChanged.length} ranks changed: ${list(
        changes.ranksChanged.map((c) => `${where(c)} ${c.from ?? '-'} -> ${c.to ?? '-'}`),
      )}`,
    );
  if (changes.countriesChanged.length > 0)
    lines.push(
      `${changes.countriesChanged.length} countries changed: ${list(
        changes.countriesChanged.map((c) => `${where(c)} ${c.from ?? '-'} -> ${c.to ?? '-'}`),
      )}`,
    );
  if (changes.otherChanges) lines.push('infobox, prose or round details changed');
  if (lines.length === 0) lines.push('no change to the results');
  return [revisions, ...lines];
}
