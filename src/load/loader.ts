import { createHash } from 'node:crypto';
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

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Parses every file; a file that fails is reported and skipped, the rest load. Two files with the
 * same event id: the first (in name order) is kept, the second reported.
 */
export function loadSources(sources: readonly SourceFile[]): LoadResult {
  const articles: EventArticle[] = [];
  const files: FileReport[] = [];
  const ids = new Map<string, string>();
  for (const { file, text } of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const report: FileReport = { file, hash: hashText(text), eventId: null, diagnostics: [] };
    files.push(report);
    try {
      const { article, warnings } = parseArticle(text, file);
      report.diagnostics.push(...warnings);
      const holder = ids.get(article.id);
      if (holder !== undefined) {
        report.diagnostics.push({
          severity: 'error',
          message: `event ${article.id} is already loaded from ${holder}; this file is skipped`,
          position: { source: file, line: 1, column: 1, text: text.split('\n', 1)[0] ?? '' },
        });
        continue;
      }
      ids.set(article.id, file);
      report.eventId = article.id;
      articles.push(article);
    } catch (error) {
      if (!(error instanceof ArticleParseError)) throw error;
      report.diagnostics.push(error.toDiagnostic());
    }
  }
  return { articles, files };
}

/** Reads every `*.txt` in `dir`. */
export async function readSources(dir: string): Promise<SourceFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })));
}

export async function loadDirectory(dir: string): Promise<LoadResult> {
  return loadSources(await readSources(dir));
}
