import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, EventArticle } from '../model/schemas.js';
import { ArticleParseError, parseArticle } from '../parse/index.js';

/** How one file fared. */
export interface FileReport {
  file: string;
  /** sha256 of the file's bytes, to tell a changed file from an unchanged one. */
  hash: string;
  eventId: string | null;
  diagnostics: Diagnostic[];
}

export interface LoadResult {
  articles: EventArticle[];
  files: FileReport[];
}

/** A file's text and name, as read from disk (or made by a test). */
export interface SourceFile {
  file: string;
  text: string;
}

/** A file's bytes and name: what start-up reads, decoded only when the articles have to be parsed. */
export interface SourceBytes {
  file: string;
  bytes: Buffer;
}

/** Whether a file's text, or its bytes, end with a line break (LF or CR; the same code in both). */
export function endsWithLineBreak(content: string | Buffer): boolean {
  const last = typeof content === 'string' ? content.charCodeAt(content.length - 1) : content.at(-1);
  return last === 0x0a || last === 0x0d;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Parses one file into its report and, when it parsed, its article. */
export function parseSource({ file, text }: SourceFile): {
  report: FileReport;
  article: EventArticle | null;
} {
  const report: FileReport = { file, hash: hashText(text), eventId: null, diagnostics: [] };
  try {
    const { article, warnings } = parseArticle(text, file);
    // Not push(...spread): an article with 200,000 warnings would overflow the stack.
    for (const warning of warnings) report.diagnostics.push(warning);
    report.eventId = article.id;
    return { report, article };
  } catch (error) {
    if (!(error instanceof ArticleParseError)) throw error;
    report.diagnostics.push(error.toDiagnostic());
    return { report, article: null };
  }
}

/** Drops the second of two articles with one event id, reporting it on its file. */
export function dropDuplicates(
  parsed: Array<{ report: FileReport; article: EventArticle | null }>,
): EventArticle[] {
  const holders = new Map<string, string>();
  const articles: EventArticle[] = [];
  for (const { report, article } of parsed) {
    if (!article) continue;
    const holder = holders.get(article.id);
    if (holder !== undefined) {
      report.diagnostics.push({
        severity: 'error',
        message: `event ${article.id} is already loaded from ${holder}; this file is skipped`,
        position: { source: report.file, line: 1, column: 1, text: article.title },
      });
      report.eventId = null;
      continue;
    }
    holders.set(article.id, report.file);
    articles.push(article);
  }
  return articles;
}

/**
 * Parses every file; a file that fails is reported and skipped, the rest load. Two files with the
 * same event id: the first (in name order) is kept, the second reported.
 */
export function loadSources(sources: readonly SourceFile[]): LoadResult {
  // Code-unit order, as readSources sorts: localeCompare would make the kept duplicate depend on the locale.
  const parsed = [...sources]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(parseSource);
  const articles = dropDuplicates(parsed);
  return { articles, files: parsed.map((p) => p.report) };
}

/** Reads every `*.txt` in `dir`. */
export async function readSources(dir: string): Promise<SourceFile[]> {
  return decodeSources(await readSourceBytes(dir));
}

/** `readSources` without decoding: the bytes tell how much of a file was read. */
export async function readSourceBytes(dir: string): Promise<SourceBytes[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (file) => ({ file, bytes: await readFile(join(dir, file)) })));
}

/**
 * `readSources` without the event loop: at start nothing else is served, and many small files read
 * through promises cost more than their synchronous reads. Reloads, which run while serving, stay async.
 */
export function readSourcesSync(dir: string): SourceFile[] {
  return decodeSources(readSourceBytesSync(dir));
}

/** `readSourcesSync` without decoding: a start from a snapshot needs only the bytes, to key it. */
export function readSourceBytesSync(dir: string): SourceBytes[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  return names.map((file) => ({ file, bytes: readFileSync(join(dir, file)) }));
}

/**
 * What a file's metadata says of its version, without reading it: size, modification and change times
 * and inode. Any write changes the change time, and a rename into place (how editors and the importer
 * write) the inode too, so an equal stamp means the same bytes unless the file was written again within
 * one tick of the file system's clock; `changedMs` tells whether that could still happen (see
 * snapshot/stamps.ts). Times as ms with their fraction, not bigint ns: a double keeps well under a
 * microsecond of today's times, finer than the ticks the times are taken in, and a bigint stat costs ten
 * BigInts a file.
 */
export interface Stamp {
  stamp: string;
  /** The later of the modification and change times, in ms. */
  changedMs: number;
}

/** The stamp of every `*.txt` in `dir`, by name, in name order: one stat each, no read. */
export function stampSources(dir: string): Map<string, Stamp> {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const stamps = new Map<string, Stamp>();
  for (const file of names) {
    const stats = statSync(join(dir, file), { throwIfNoEntry: false });
    // Gone since the listing: left out, as a read of the folder now would leave it out.
    if (!stats) continue;
    stamps.set(file, {
      stamp: `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`,
      changedMs: Math.max(stats.mtimeMs, stats.ctimeMs),
    });
  }
  return stamps;
}

export function decodeSources(sources: readonly SourceBytes[]): SourceFile[] {
  return sources.map(({ file, bytes }) => ({ file, text: bytes.toString('utf8') }));
}

export async function loadDirectory(dir: string): Promise<LoadResult> {
  return loadSources(await readSources(dir));
}
