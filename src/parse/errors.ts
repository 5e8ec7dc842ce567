import type { Diagnostic, Position } from '../model/schemas.js';

/** A problem that stops one article from loading; it always says where. */
export class ArticleParseError extends Error {
  override readonly name = 'ArticleParseError';
  constructor(
    readonly reason: string,
    readonly position: Position,
  ) {
    super(`${position.source}:${position.line}:${position.column}: ${reason}\n  ${position.text}`);
  }

  toDiagnostic(): Diagnostic {
    return { severity: 'error', message: this.reason, position: this.position };
  }
}

/** The lines of one article and the helpers that turn a place in it into a Position. */
export class SourceText {
  readonly lines: string[];
  constructor(
    readonly source: string,
    text: string,
  ) {
    this.lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  }

  /** Position of 1-based `line`; the column is where `needle` starts (at or after `from`), or the first non-space. */
  at(line: number, needle?: string, from = 0): Position {
    const text = this.lines[line - 1] ?? '';
    let index = needle ? text.indexOf(needle, from) : -1;
    if (index < 0) index = Math.max(0, text.search(/\S/));
    // Positions in diagnostics quote the line; a 10 MB line would make every warning 10 MB.
    const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    return { source: this.source, line: Math.max(1, line), column: index + 1, text: shown };
  }

  fail(line: number, reason: string, needle?: string): never {
    throw new ArticleParseError(reason, this.at(line, needle));
  }

  warning(line: number, message: string, needle?: string, from?: number): Diagnostic {
    return { severity: 'warning', message, position: this.at(line, needle, from) };
  }
}
