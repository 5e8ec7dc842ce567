import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic, EventArticle } from '../model/schemas.js';
import { Dataset } from '../domain/dataset.js';
import {
  decodeSources,
  dropDuplicates,
  endsWithLineBreak,
  hashText,
  parseSource,
  readSourceBytes,
  readSourceBytesSync,
  readSourcesSync,
  stampSources,
} from './loader.js';
import type { FileReport, SourceFile } from './loader.js';
import { parseOffThread } from './parse-thread.js';
import { readSnapshot, refreshStamps, sourceStates, whenRead, writeSnapshot } from './snapshot/index.js';
import type { Snapshot } from './snapshot/index.js';

/** How many reloads in a row a new, empty file is waited for before it is reported as empty. */
const EMPTY_RETRIES = 3;

/** What a reload changed. */
export interface ReloadReport {
  at: Date;
  durationMs: number;
  added: string[];
  updated: string[];
  removed: string[];
  /** Files that failed to parse; where an earlier version parsed, that version is still served. */
  failed: Array<{ file: string; keptPrevious: boolean }>;
}

export interface StatusReport {
  dir: string;
  events: number;
  athletes: number;
  files: FileReport[];
  lastReload: ReloadReport | null;
}

interface FileState {
  report: FileReport;
  /** The last version of this file that parsed, served while a newer version is broken. */
  article: EventArticle | null;
  /** Whether the served version ended with a line break (see cutShort). */
  endsWithBreak: boolean;
}

/** A diagnostic on the last line of `text`: where a file caught part-way through being written stops. */
function partial(file: string, text: string, message: string): Diagnostic {
  const lines = text.split(/\r\n|\n|\r/);
  const last = lines.at(-1) ?? '';
  return {
    severity: 'error',
    message,
    position: {
      source: file,
      line: lines.length,
      column: last.length + 1,
      text: last.length > 200 ? `${last.slice(0, 200)}…` : last,
    },
  };
}

/**
 * A version that stops mid-line, of a file whose served version ended with a line break, is taken as
 * caught half-way through being written (an editor or a copy); it may well parse, as an article with
 * rows missing, so it is reported instead of served.
 */
function cutShort(file: string, text: string): Diagnostic {
  return partial(
    file,
    text,
    'the file stops mid-line, as one still being written does; the last complete version is served',
  );
}

/**
 * A file whose size on disk, once parsed, is not the size read is still being written, even where the
 * read stopped at a line break (and so reads as a complete, shorter article).
 */
function stillWritten(file: string, text: string): Diagnostic {
  return partial(
    file,
    text,
    'the file was still being written when it was read; the last complete version is served',
  );
}

/**
 * Owns the current dataset. A reload re-reads the folder, re-parses only changed files, keeps the last
 * good version of a file that is broken or half-written, and swaps the whole dataset at once.
 */
export class DataStore {
  private files = new Map<string, FileState>();
  private current: Dataset = new Dataset([]);
  private last: ReloadReport | null = null;
  /** The reload under way, and the one waiting for it to end (see reload). */
  private running: Promise<ReloadReport> | null = null;
  private next: Promise<ReloadReport> | null = null;
  /**
   * Files the last reload held back as not yet written (new and empty, or still growing), with how many
   * reloads in a row have found a new one empty: the watcher reads them again after its debounce.
   */
  private waiting = new Map<string, number>();

  private constructor(readonly dir: string) {}

  /**
   * Loads `dir`. With `snapshotDir`, the parsed articles and what the Dataset makes of them are cached
   * there, checked against the files' stamps (and, where a stamp cannot tell, their content) and the
   * code, so an unchanged folder starts without parsing or indexing.
   */
  static async open(dir: string, options: { snapshotDir?: string } = {}): Promise<DataStore> {
    const store = new DataStore(dir);
    const { snapshotDir } = options;
    if (!snapshotDir) {
      await store.doReload(readSourcesSync(dir));
      store.last = null;
      return store;
    }
    // Before the first stat: a file changed after this moment is never trusted by its stamp alone.
    const readAt = Date.now();
    const stamps = stampSources(dir);
    const snapshot = readSnapshot(snapshotDir, { dir, stamps });
    if (snapshot && store.restore(snapshot)) {
      await whenRead(snapshot);
      // Only now: the full-text index's first step reads every article, which would otherwise run while
      // the read is waited for.
      void store.current.warmText();
      // A cache: failing to update it costs the next start some time, nothing more.
      void refreshStamps(snapshotDir, snapshot, { dir, stamps }, readAt).catch(() => undefined);
      return store;
    }
    const bytes = readSourceBytesSync(dir);
    const sources = decodeSources(bytes);
    await store.doReload(sources);
    store.last = null;
    const states = [...store.files.values()];
    // A cache: failing to write it costs the next start some time, nothing more.
    await writeSnapshot(snapshotDir, {
      readAt,
      sources: sourceStates(sources, stamps, readAt),
      files: states.map((s) => s.report),
      articles: store.current.articles as EventArticle[],
      parts: store.current.parts(),
    }).catch(() => undefined);
    return store;
  }

  /** Serves `snapshot`; false when what it holds does not fit together, and nothing was changed. */
  private restore(snapshot: Snapshot): boolean {
    let data: Dataset;
    try {
      data = new Dataset(snapshot.articles, snapshot.parts);
    } catch {
      return false;
    }
    const byFile = new Map(snapshot.articles.map((a) => [a.source, a]));
    const endsWithBreak = new Map(snapshot.sources.map((s) => [s.file, s.endsWithBreak]));
    for (const report of snapshot.files) {
      this.files.set(report.file, {
        report,
        article: byFile.get(report.file) ?? null,
        endsWithBreak: endsWithBreak.get(report.file) ?? false,
      });
    }
    this.current = data;
    return true;
  }

  get data(): Dataset {
    return this.current;
  }

  /**
   * Reloads from disk. Calls share a run that has not yet read the folder; a call made while a run is
   * reading gets the next run (shared with every call made meanwhile), as the running one may have read
   * the folder before the change the call is about.
   */
  reload(): Promise<ReloadReport> {
    this.next ??= (this.running ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        const run = this.doReload().finally(() => {
          if (this.running === run) this.running = null;
        });
        this.running = run;
        return run;
      });
    return this.next;
  }

  private async doReload(preloaded?: SourceFile[]): Promise<ReloadReport> {
    const started = performance.now();
    const bytes = preloaded ? null : await readSourceBytes(this.dir);
    const sources = preloaded ?? decodeSources(bytes ?? []);
    const readSize = new Map(bytes?.map((source) => [source.file, source.bytes.length]));
    const next = new Map<string, FileState>();
    const report: ReloadReport = {
      at: new Date(),
      durationMs: 0,
      added: [],
      updated: [],
      removed: [],
      failed: [],
    };
    const waiting = new Map<string, number>();
    const changed: SourceFile[] = [];
    for (const source of sources) {
      const previous = this.files.get(source.file);
      // Unchanged files keep their parse: a reload after one edit should cost one article, not all of them.
      if (previous && previous.report.hash === hashText(source.text)) {
        next.set(source.file, previous);
        continue;
      }
      // A file is created empty and then written: a new, empty file is read again after the debounce
      // rather than reported, until it has stayed empty for a few reloads.
      const tries = (this.waiting.get(source.file) ?? 0) + 1;
      if (!previous && source.text === '' && tries < EMPTY_RETRIES) {
        waiting.set(source.file, tries);
        continue;
      }
      changed.push(source);
    }
    // At start nothing is served yet and a thread would only add its start-up; a reload runs beside
    // the answers, so it parses on the parse thread.
    const parsedFiles = preloaded ? changed.map(parseSource) : await parseOffThread(changed);
    const sizes = preloaded ? null : await this.sizesOnDisk(changed);
    for (const [index, source] of changed.entries()) {
      const parsed = parsedFiles[index] as { report: FileReport; article: EventArticle | null };
      const previous = this.files.get(source.file);
      const endsWithBreak = endsWithLineBreak(source.text);
      const size = sizes?.[index];
      if (size !== undefined && size !== readSize.get(source.file)) {
        waiting.set(source.file, 0);
        if (!previous) continue;
        parsed.report.diagnostics = [stillWritten(source.file, source.text)];
        parsed.report.eventId = null;
        parsed.article = null;
      } else if (parsed.article && previous?.article && previous.endsWithBreak && !endsWithBreak) {
        parsed.report.diagnostics = [cutShort(source.file, source.text)];
        parsed.report.eventId = null;
        parsed.article = null;
      }
      if (parsed.article) {
        (previous ? report.updated : report.added).push(source.file);
        next.set(source.file, { ...parsed, endsWithBreak });
      } else {
        report.failed.push({ file: source.file, keptPrevious: previous?.article != null });
        next.set(source.file, {
          report: parsed.report,
          article: previous?.article ?? null,
          endsWithBreak: previous?.article ? previous.endsWithBreak : endsWithBreak,
        });
      }
    }
    for (const file of this.files.keys()) if (!next.has(file)) report.removed.push(file);
    const states = [...next.values()];
    const articles = dropDuplicates(states.map((s) => ({ report: s.report, article: s.article })));
    this.files = next;
    this.waiting = waiting;
    this.current = new Dataset(articles);
    void this.current.warmText();
    report.durationMs = performance.now() - started;
    this.last = report;
    return report;
  }

  /** Each file's size now, in bytes (undefined when it is gone), to tell a file still being written. */
  private sizesOnDisk(sources: readonly SourceFile[]): Promise<Array<number | undefined>> {
    return Promise.all(
      sources.map((source) =>
        stat(join(this.dir, source.file)).then(
          (stats) => stats.size,
          () => undefined,
        ),
      ),
    );
  }

  status(): StatusReport {
    return {
      dir: this.dir,
      events: this.current.articles.length,
      athletes: this.current.athletes.athletes.length,
      files: [...this.files.values()].map((s) => s.report),
      lastReload: this.last,
    };
  }

  /** Reloads when the folder changes, after `debounceMs` of quiet (editors write files in several steps). */
  watch(onReload: (report: ReloadReport | Error) => void, debounceMs = 300): () => void {
    let timer: NodeJS.Timeout | undefined;
    let closed = false;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A change that lands while a reload runs must get a reload of its own, not join the running one.
        const after = this.running?.catch(() => undefined) ?? Promise.resolve();
        after
          .then(() => this.reload())
          .then(
            (report) => {
              onReload(report);
              // A file held back as not yet written is read again after the same quiet time.
              if (!closed && this.waiting.size > 0) schedule();
            },
            (error: unknown) => onReload(error instanceof Error ? error : new Error(String(error))),
          );
      }, debounceMs);
    };
    const watcher: FSWatcher = watch(this.dir, schedule);
    watcher.on('error', (error) => onReload(error));
    return () => {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    };
  }
}
