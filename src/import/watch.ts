import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import type { ReloadReport } from '../load/store.js';
import { readSourceRevision } from './convert.js';
import { FetchError, WikipediaClient, isEventTitle } from './fetch.js';
import { eventLinks } from './links.js';
import { describeOutcome, importPage } from './pipeline.js';
import { describeChanges, fileNameFor } from './write.js';
import { publishWatchStatus } from './watch-status.js';
import type { WatchStatus, WatchedArticle } from './watch-status.js';

/** The part of a pino logger the watcher uses; the console passes a plain stand-in. */
export interface WatchLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface WatcherOptions {
  client: WikipediaClient;
  /** WATCH_WIKIPEDIA: titles separated by `|`, or one overview article. */
  watch: string;
  dir: string;
  intervalMs: number;
  /** Called after a poll wrote files, so the bot serves them (DataStore.reload). */
  reload: () => Promise<ReloadReport>;
  log: WatchLog;
}

/**
 * Polls the revision ids of the watched articles (one light query for up to 50 titles), imports those that
 * changed through the same converter and writer as `npm run import`, and reloads. A poll that fails writes
 * nothing: the files, and so the data served, stay as they were.
 */
export class WikipediaWatcher {
  private readonly overview: string | null;
  private titles: string[];
  private overviewRevid: number | null = null;
  private readonly articles = new Map<string, WatchedArticle>();
  /** The revision last tried per title, so a refused revision is not fetched again on every poll. */
  private readonly tried = new Map<string, number>();
  private lastPoll: Date | null = null;
  private lastError: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(private readonly options: WatcherOptions) {
    const names = options.watch
      .split('|')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    this.overview = names.length === 1 && !isEventTitle(names[0]!) ? names[0]! : null;
    this.titles = this.overview ? [] : names;
  }

  status(): WatchStatus {
    return {
      source: this.overview ? `overview: ${this.overview}` : this.titles.join(' | '),
      intervalSeconds: this.options.intervalMs / 1000,
      lastPoll: this.lastPoll,
      lastError: this.lastError,
      articles: [...this.articles.values()],
    };
  }

  /** Polls now and then every interval (measured from the end of a poll, so polls never overlap). */
  start(): void {
    const loop = () => {
      this.running = this.poll().finally(() => {
        this.running = null;
        if (!this.stopped) {
          this.timer = setTimeout(loop, this.options.intervalMs);
          this.timer.unref();
        }
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One poll; never throws. */
  async poll(): Promise<void> {
    const { client, log } = this.options;
    let wrote = false;
    /** News of each file written, logged once the reload serves it. */
    const served: Array<() => void> = [];
    try {
      const asked = this.overview ? [this.overview, ...this.titles] : this.titles;
      let revisions = await client.revisions(asked);
      if (this.overview) {
        const overview = revisions[0];
        if (overview?.kind !== 'page')
          throw new Error(`the overview ${this.overview} is missing on the wiki`);
        if (overview.revid !== this.overviewRevid) {
          const page = await client.parsePage(this.overview, { expectEvent: false });
          const titles = eventLinks(page.html, page.title);
          if (titles.length === 0) throw new Error(`the overview ${page.title} links to no event article`);
          const added = titles.filter((t) => !this.titles.includes(t));
          this.titles = titles;
          this.overviewRevid = page.revid;
          revisions = [
            ...revisions.slice(1).filter((r) => titles.includes(r.requested)),
            ...(added.length > 0 ? await client.revisions(added) : []),
          ];
        } else revisions = revisions.slice(1);
      }
      for (const info of revisions) {
        const entry = await this.entry(info.title);
        if (info.kind === 'missing') {
          entry.problem = 'no such page on the wiki';
          continue;
        }
        if (info.revid === entry.revid) {
          entry.problem = null;
          continue;
        }
        if (this.tried.get(info.title) === info.revid) continue;
        this.tried.set(info.title, info.revid);
        let outcome;
        try {
          outcome = await importPage(await client.parsePage(info.requested), this.options.dir);
        } catch (error) {
          if (!(error instanceof FetchError)) throw error;
          this.tried.delete(info.title);
          entry.problem = error.message;
          continue;
        }
        const lines = describeOutcome(outcome);
        if (outcome.kind === 'imported' || outcome.kind === 'updated') {
          wrote = true;
          entry.revid = outcome.revid;
          entry.updatedAt = new Date();
          entry.problem = null;
          served.push(() =>
            log.info(
              {
                title: outcome.title,
                file: outcome.file,
                revid: outcome.revid,
                changes: outcome.kind === 'updated' ? describeChanges(outcome.changes) : [],
              },
              `wikipedia: ${lines[0]}`,
            ),
          );
        } else if (outcome.kind === 'unchanged') {
          entry.revid = outcome.revid;
          entry.problem = null;
        } else {
          entry.problem = lines.slice(1).join('\n').trim() || lines[0]!;
          log.warn(
            { title: outcome.title, revid: outcome.revid, problems: outcome.problems },
            `wikipedia: ${lines[0]}`,
          );
        }
      }
      this.lastError = null;
    } catch (error) {
      this.lastError = error instanceof Error ? error.message : String(error);
      log.error({ err: error }, 'wikipedia: poll failed; what is served stays as it was');
    } finally {
      this.lastPoll = new Date();
    }
    // Files written before a later step failed are whole (written atomically) and are served too.
    if (wrote) {
      try {
        await this.options.reload();
        for (const news of served) news();
      } catch (error) {
        log.error({ err: error }, 'wikipedia: reload after an import failed');
      }
    }
  }

  /** The entry of a title, first seen: the revision its file on disk was converted from. */
  private async entry(title: string): Promise<WatchedArticle> {
    let entry = this.articles.get(title);
    if (entry) return entry;
    const file = fileNameFor(title);
    const text = await readFile(join(this.options.dir, file), 'utf8').catch(() => null);
    entry = {
      title,
      file,
      revid: text === null ? null : readSourceRevision(text),
      updatedAt: null,
      problem: null,
    };
    this.articles.set(title, entry);
    return entry;
  }
}

/** Without a logger (the local console): problems on stderr, routine news not at all, to keep the prompt clean. */
const CONSOLE_LOG: WatchLog = {
  info: () => undefined,
  warn: (_, message) => console.error(message),
  error: (_, message) => console.error(message),
};

/**
 * Starts the watcher when WATCH_WIKIPEDIA is set, publishing its state for /status; returns its stop
 * function (a no-op when nothing is watched).
 */
export function startWikipediaWatch(
  config: Config,
  store: { reload(): Promise<ReloadReport> },
  log: WatchLog = CONSOLE_LOG,
): () => Promise<void> {
  if (!config.WATCH_WIKIPEDIA) return () => Promise.resolve();
  const watcher = new WikipediaWatcher({
    client: new WikipediaClient({ api: config.WIKIPEDIA_API, contact: config.WIKIPEDIA_CONTACT }),
    watch: config.WATCH_WIKIPEDIA,
    dir: config.SEEDS_DIR,
    intervalMs: config.WATCH_INTERVAL * 1000,
    reload: () => store.reload(),
    log,
  });
  publishWatchStatus(() => watcher.status());
  watcher.start();
  log.info({ watch: config.WATCH_WIKIPEDIA, intervalSeconds: config.WATCH_INTERVAL }, 'watching Wikipedia');
  return async () => {
    await watcher.stop();
    publishWatchStatus(null);
  };
}
