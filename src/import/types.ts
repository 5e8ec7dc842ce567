/** One article as fetched or read from disk, before conversion. */
export interface SourcePage {
  /** The article's title as Wikipedia gives it (after redirects), e.g. "Speed skating at the 1976 Winter Olympics – Men's 500 metres". */
  title: string;
  /** The revision the HTML comes from; null when a saved fragment does not say. */
  revid: number | null;
  /** The rendered article HTML (`action=parse` `text`, a saved page, or a fragment). */
  html: string;
  /** When the HTML was retrieved (written into the file's header). */
  retrieved: Date;
}

/** A problem found while converting, placed in the HTML where possible. */
export interface ConvertProblem {
  message: string;
  /** Where in the source: a table/section description such as "table 3, row 5" or "section Results". */
  where: string;
}

/** What the converter made of one page. */
export type ConvertResult =
  /** A file in the dump format that the project's own parser reads. */
  | {
      kind: 'converted';
      text: string;
      stats: { tables: number; rows: number; rowsWithNoc: number };
      warnings: ConvertProblem[];
    }
  /** Not an event article this bot can serve, or unreadable: nothing is written. */
  | { kind: 'refused'; problems: ConvertProblem[] };

/** Links of an overview article ("Speed skating at the 1972 Winter Olympics") to its per-event articles. */
export type EventLinks = (html: string, overviewTitle: string) => string[];
