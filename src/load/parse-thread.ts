import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EventArticle } from '../model/schemas.js';
import type { FileReport, SourceFile } from './loader.js';

/** A batch of files for the parse thread. */
export interface ParseRequest {
  id: number;
  sources: SourceFile[];
}

/** The parse thread's answer: each file's report and article, in the order asked, or why it failed. */
export type ParseResponse =
  | { id: number; parsed: Array<{ report: FileReport; article: EventArticle | null }>; error?: undefined }
  | { id: number; error: string; parsed?: undefined };

// The worker sits next to this module in both builds: dist/src/load/ (tsc) and dist/bundle/ (the esbuild
// entry `parse-worker`, next to the chunk this code lands in). From source (tsx, vitest) it is the .ts
// file, which the thread loads through tsx.
const BUILT = new URL('./parse-worker.js', import.meta.url);
const SOURCE = new URL('./parse-worker.ts', import.meta.url);
// Node 20 runs no module hooks in a worker, so from source the thread registers tsx's require hook
// and requires the TypeScript file; tsx is resolved here, as an eval'd thread resolves from the cwd.
const TSX_REQUIRE = () => createRequire(import.meta.url).resolve('tsx/cjs/api');

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (r: ParseResponse) => void; reject: (e: Error) => void }>();

function start(): Worker {
  if (worker) return worker;
  const built = existsSync(fileURLToPath(BUILT));
  const thread = built
    ? new Worker(BUILT)
    : new Worker(
        `require(${JSON.stringify(TSX_REQUIRE())}).register(); require(${JSON.stringify(fileURLToPath(SOURCE))});`,
        { eval: true },
      );
  // Idle, the thread must not keep the process alive; with work it must (see parseOffThread).
  thread.unref();
  thread.on('message', (response: ParseResponse) => {
    const waiting = pending.get(response.id);
    pending.delete(response.id);
    if (pending.size === 0) thread.unref();
    waiting?.resolve(response);
  });
  const fail = (error: Error) => {
    if (worker === thread) worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const w of waiting) w.reject(error);
  };
  thread.on('error', fail);
  thread.on('exit', (code) => fail(new Error(`parse thread exited with code ${code}`)));
  worker = thread;
  return thread;
}

/**
 * Parses `sources` (as parseSource does each) on a worker thread, so a long parse never holds up the
 * thread that answers. A thread that dies fails the batch; the next batch starts a new one.
 */
export async function parseOffThread(
  sources: SourceFile[],
): Promise<Array<{ report: FileReport; article: EventArticle | null }>> {
  if (sources.length === 0) return [];
  const thread = start();
  const id = nextId++;
  const response = await new Promise<ParseResponse>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, sources } satisfies ParseRequest);
  });
  if (response.error !== undefined) throw new Error(`parse thread: ${response.error}`);
  return response.parsed;
}

/** Stops the parse thread (at shutdown); a later parse starts a new one. */
export async function stopParseThread(): Promise<void> {
  const thread = worker;
  worker = null;
  if (thread) await thread.terminate();
}
