// The live watcher's state as /status shows it. A module of its own, with no imports, so /status does not load
// the importer (cheerio) into a bot that watches nothing.

/** One watched article: the revision served from disk and what became of the last one seen on the wiki. */
export interface WatchedArticle {
  title: string;
  file: string;
  /** The revision the served file was converted from; null before anything was imported. */
  revid: number | null;
  /** When this article's file was last written by the watcher. */
  updatedAt: Date | null;
  /** Why the wiki's current revision is not served (refused by the converter or the parser, missing, ...). */
  problem: string | null;
}

export interface WatchStatus {
  /** What WATCH_WIKIPEDIA names: the titles, or the overview whose event links are followed. */
  source: string;
  intervalSeconds: number;
  lastPoll: Date | null;
  /** Why the last poll failed (nothing is touched then), or null when it went through. */
  lastError: string | null;
  articles: WatchedArticle[];
}

let current: (() => WatchStatus) | null = null;

/** Called by the watcher when it starts (and with null when it stops). */
export function publishWatchStatus(source: (() => WatchStatus) | null): void {
  current = source;
}

/** The running watcher's state, or null when WATCH_WIKIPEDIA is not set. */
export function wikipediaWatchStatus(): WatchStatus | null {
  return current ? current() : null;
}
