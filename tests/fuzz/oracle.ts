import type { ParsedArticle } from '../../src/parse/article.js';
import { parseArticle } from '../../src/parse/article.js';
import { ArticleParseError } from '../../src/parse/errors.js';
import { parseSource } from '../../src/load/loader.js';
import { Diagnostic, EventArticle, Position } from '../../src/model/schemas.js';

/** How the parser handled one document, when it handled it well. */
export interface Verdict {
  outcome: 'article' | 'error';
  /** The error's reason, or the warnings' messages. */
  messages: string[];
  warnings: number;
  ms: number;
}

/** A broken property: what was wrong, for the fuzz report. */
export class FuzzFailure extends Error {
  override readonly name = 'FuzzFailure';
}

/**
 * The time a document may take: 1 s plus 1 ms per 1000 characters (2 s for 1 MB). Parsing is linear and
 * takes a small fraction of this; the bound catches hangs (quadratic patterns, runaway loops), not speed.
 */
export function budgetMs(length: number): number {
  return 1_000 + length / 1_000;
}

/** The lines exactly as SourceText splits them, to check positions against. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
}

/** What a position quotes: the line, cut at 200 characters (see SourceText.at). */
function quoted(line: string): string {
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function checkPosition(position: unknown, lines: readonly string[], source: string, what: string): void {
  const parsed = Position.safeParse(position);
  if (!parsed.success) throw new FuzzFailure(`${what}: not a position: ${JSON.stringify(position)}`);
  const { line, column, text } = parsed.data;
  if (parsed.data.source !== source) throw new FuzzFailure(`${what}: source ${parsed.data.source}`);
  if (line > lines.length) throw new FuzzFailure(`${what}: line ${line} of ${lines.length}`);
  const actual = lines[line - 1] ?? '';
  if (column > actual.length + 1)
    throw new FuzzFailure(`${what}: column ${column} on line ${line} of ${actual.length} characters`);
  if (text !== quoted(actual))
    throw new FuzzFailure(
      `${what}: quotes ${JSON.stringify(text)}, line ${line} is ${JSON.stringify(quoted(actual))}`,
    );
}

/** Every `line` field in the article (rows, rounds, sections, infobox) is a line of the document. */
function checkLines(node: unknown, count: number, path: string): void {
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'line' && typeof value === 'number' && (value < 1 || value > count))
      throw new FuzzFailure(`${path}.line is ${value}; the document has ${count} lines`);
    checkLines(value, count, `${path}.${key}`);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}\n${error.stack ?? ''}`;
  return String(error);
}

/**
 * Parses `text` and checks the parser's contract: it returns an article that validates, with warnings
 * that each point at a real line of the document, or it throws an ArticleParseError positioned likewise;
 * never anything else, and never past the time budget. Throws FuzzFailure on a broken property.
 */
export function checkDocument(
  text: string,
  source = 'fuzz.txt',
  parse: (text: string, source: string) => ParsedArticle = parseArticle,
  budget: (length: number) => number = budgetMs,
): Verdict {
  const lines = splitLines(text);
  const run = () => {
    const started = performance.now();
    let result: ParsedArticle | ArticleParseError;
    try {
      result = parse(text, source);
    } catch (error) {
      if (!(error instanceof ArticleParseError))
        throw new FuzzFailure(`threw something other than ArticleParseError: ${describeError(error)}`);
      result = error;
    }
    return { result, ms: performance.now() - started };
  };
  let { result, ms } = run();
  // A pause of the whole machine (GC, a busy CI neighbour) can stretch one run; a hang stretches every run.
  if (ms > budget(text.length)) ({ result, ms } = run());
  if (ms > budget(text.length))
    throw new FuzzFailure(
      `took ${Math.round(ms)} ms for ${text.length} characters (budget ${budget(text.length)} ms)`,
    );

  if (result instanceof ArticleParseError) {
    checkPosition(result.position, lines, source, 'error position');
    const { line, column } = result.position;
    // "invalid …" is the schema's last-resort refusal: the parser built data it should have turned into a
    // warning, so one odd cell cost the whole article.
    if (result.reason.startsWith('invalid '))
      throw new FuzzFailure(`built an article the schema refuses: ${result.reason.slice(0, 300)}`);
    if (!result.message.startsWith(`${source}:${line}:${column}: `))
      throw new FuzzFailure(
        `error message does not start with its position: ${result.message.slice(0, 200)}`,
      );
    return { outcome: 'error', messages: [result.reason], warnings: 0, ms };
  }

  const valid = EventArticle.safeParse(result.article);
  if (!valid.success)
    throw new FuzzFailure(`returned an article that does not validate: ${valid.error.message.slice(0, 500)}`);
  if (result.article.source !== source) throw new FuzzFailure(`article source is ${result.article.source}`);
  checkLines(result.article, lines.length, 'article');
  result.warnings.forEach((warning, i) => {
    const diagnostic = Diagnostic.safeParse(warning);
    if (!diagnostic.success || warning.severity !== 'warning')
      throw new FuzzFailure(`warning ${i} is not a warning: ${JSON.stringify(warning).slice(0, 300)}`);
    checkPosition(warning.position, lines, source, `warning ${i} (${warning.message.slice(0, 80)})`);
  });
  return {
    outcome: 'article',
    messages: result.warnings.map((w) => w.message),
    warnings: result.warnings.length,
    ms,
  };
}

/** parseArticle as the loader runs it (parseSource), for documents that must also survive the loader. */
export function parseViaLoader(text: string, source: string): ParsedArticle {
  const { report, article } = parseSource({ file: source, text });
  const error = report.diagnostics.find((d) => d.severity === 'error');
  if (!article)
    throw new ArticleParseError(
      error?.message ?? 'no article and no error',
      error?.position ?? { source, line: 1, column: 1, text: '' },
    );
  return { article, warnings: report.diagnostics };
}
