import { watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import type { Diagnostic, EventArticle } from '../model/schemas.js';
import { Dataset } from '../domain/dataset.js';
import {
  decodeSources,
  dropDuplicates,
  hashText,
  parseSource,
  readSourceBytesSync,
  readSources,
} from './loader.js';
import type { FileReport, SourceFile } from './loader.js';
import { readSnapshot, snapshotKey, writeSnapshot } from './snapshot.js';

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

/** Whether a file's text, or its bytes, end with a line break (LF or CR; the same code in both). */
function endsWithLineBreak(content: string | Buffer): boolean {
  const last = typeof content === 'string' ? content.charCodeAt(content.length - 1) : content.at(-1);
  return last === 0x0a || last === 0x0d;
}

/**
 * A version that stops mid-line, of a file whose served version ended with a line break, is taken as
 * caught half-way through being written (an editor or a copy); it may well parse, as an article with
 * rows missing, so it is reported instead of served.
 */
function cutShort(file: string, text: string): Diagnostic {
  const lines = text.split(/\r\n|\n|\r/);
  const last = lines.at(-1) ?? '';
  return {
    severity: 'error',
    message: 'the file stops mid-line, as one still being written does; the last complete version is served',
    position: {
      source: file,
      line: lines.length,
      column: last.length + 1,
      text: last.length > 200 ? `${last.slice(0, 200)}…` : last,
    },
  };
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

  private constructor(readonly dir: string) {}

  /**
   * Loads `dir`. With `snapshotDir`, parsed articles are cached there keyed by the sources' content and
   * the parser's code, so an unchanged folder starts without parsing.
   */
  static async open(dir: string, options: { snapshotDir?: string } = {}): Promise<DataStore> {
    const store = new DataStore(dir);
    const bytes = readSourceBytesSync(dir);
    const key = options.snapshotDir ? snapshotKey(bytes) : null;
    const snapshot = options.snapshotDir && key ? readSnapshot(options.snapshotDir, key) : null;
    if (snapshot) {
      const byFile = new Map(snapshot.articles.map((a) => [a.source, a]));
      const contents = new Map(bytes.map((s) => [s.file, s.bytes]));
      for (const report of snapshot.files) {
        const content = contents.get(report.file);
        store.files.set(report.file, {
          report,
          article: byFile.get(report.file) ?? null,
          endsWithBreak: content !== undefined && endsWithLineBreak(content),
        });
      }
      store.current = new Dataset(snapshot.articles);
      void store.current.warmText();
      return store;
    }
    await store.doReload(decodeSources(bytes));
    store.last = null;
    if (options.snapshotDir && key) {
      const states = [...store.files.values()];
      // A cache: failing to write it costs the next start some time, nothing more.
      await writeSnapshot(options.snapshotDir, {
        key,
        files: states.map((s) => s.report),
        articles: store.current.articles as EventArticle[],
      }).catch(() => undefined);
    }
    return store;
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
    const sources = preloaded ?? (await readSources(this.dir));
    const next = new Map<string, FileState>();
    const report: ReloadReport = {
      at: new Date(),
      durationMs: 0,
      added: [],
      updated: [],
      removed: [],
      failed: [],
    };
    for (const source of sources) {
      const previous = this.files.get(source.file);
      // Unchanged files keep their parse: a reload after one edit should cost one article, not all of them.
      if (previous && previous.report.hash === hashText(source.text)) {
        next.set(source.file, previous);
        continue;
      }
      const parsed = parseSource(source);
      const endsWithBreak = endsWithLineBreak(source.text);
      if (parsed.article && previous?.article && previous.endsWithBreak && !endsWithBreak) {
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
    this.current = new Dataset(articles);
    void this.current.warmText();
    report.durationMs = performance.now() - started;
    this.last = report;
    return report;
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
    const watcher: FSWatcher = watch(this.dir, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A change that lands while a reload runs must get a reload of its own, not join the running one.
        const after = this.running?.catch(() => undefined) ?? Promise.resolve();
        after
          .then(() => this.reload())
          .then(onReload, (error: unknown) =>
            onReload(error instanceof Error ? error : new Error(String(error))),
          );
      }, debounceMs);
    });
    watcher.on('error', (error) => onReload(error));
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }
}
