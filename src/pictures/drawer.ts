import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { drawHere } from './requests.js';
import type { DrawRequest, WorkerRequest, WorkerResponse } from './requests.js';

/** The part of a pino logger the drawer uses, so this module does not load pino. */
export interface DrawerLog {
  debug(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

// The worker sits next to this file in both builds: dist/src/pictures/ (tsc) and dist/bundle/ (the
// esbuild entry `picture-worker`, next to the chunk this code lands in). Run from source (tsx, vitest)
// there is only the .ts file, which a worker cannot load, so pictures are drawn in-thread instead.
const WORKER_FILE = fileURLToPath(new URL('./picture-worker.js', import.meta.url));
// Two threads keep a burst of different pictures from queueing behind one draw, and leave a core free.
const MAX_WORKERS = Math.max(1, Math.min(2, availableParallelism() - 1));
// A worker that keeps dying (a broken native module, say) is given up on; drawing in-thread still works.
const MAX_CRASHES = 3;

interface Pending {
  resolve(png: Buffer): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

export interface Drawer {
  /** Draws a picture as a PNG, off the main thread where a worker can run. */
  draw(request: DrawRequest): Promise<Buffer>;
  /** How pictures are drawn: in a worker thread, or on the main thread when no worker can run. */
  mode(): 'worker' | 'in-thread';
  /** Stops the worker threads; pictures asked for afterwards start new ones. */
  stop(): Promise<void>;
}

const SILENT: DrawerLog = { debug: () => undefined, error: () => undefined };

/** A pool of picture worker threads, started as pictures are asked for. */
export function createDrawer(log: DrawerLog = SILENT): Drawer {
  const threads: Thread[] = [];
  let nextId = 0;
  let crashes = 0;
  let mode: 'worker' | 'in-thread' | null = null;

  const drawMode = () => (mode ??= existsSync(WORKER_FILE) ? 'worker' : 'in-thread');

  function startThread(): Thread {
    const worker = new Worker(WORKER_FILE);
    const thread: Thread = { worker, pending: new Map() };
    // An idle worker must not keep the process alive; one with work must (see draw()).
    worker.unref();
    worker.on('message', (response: WorkerResponse) => {
      const waiting = thread.pending.get(response.id);
      if (!waiting) return;
      thread.pending.delete(response.id);
      if (thread.pending.size === 0) worker.unref();
      if ('png' in response)
        waiting.resolve(Buffer.from(response.png.buffer, response.png.byteOffset, response.png.byteLength));
      else waiting.reject(new Error(`picture worker: ${response.error}`));
    });
    const fail = (error: Error) => {
      const index = threads.indexOf(thread);
      if (index === -1) return;
      threads.splice(index, 1);
      crashes++;
      log.error({ err: error, crashes }, 'picture worker stopped');
      if (crashes >= MAX_CRASHES) mode = 'in-thread';
      for (const waiting of thread.pending.values()) waiting.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`picture worker exited with code ${code}`)));
    threads.push(thread);
    log.debug({ file: WORKER_FILE, threads: threads.length }, 'picture worker started');
    return thread;
  }

  /** The least busy thread, starting another while there is room and every thread has work. */
  function pickThread(): Thread {
    let best = threads[0];
    for (const thread of threads) if (best && thread.pending.size < best.pending.size) best = thread;
    if (!best || (best.pending.size > 0 && threads.length < MAX_WORKERS)) return startThread();
    return best;
  }

  return {
    mode: drawMode,
    draw(request) {
      if (drawMode() === 'in-thread') return drawHere(request);
      const thread = pickThread();
      const id = ++nextId;
      return new Promise<Buffer>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ ...request, id } satisfies WorkerRequest);
      });
    },
    async stop() {
      const stopping = threads.splice(0);
      for (const thread of stopping) {
        for (const waiting of thread.pending.values()) waiting.reject(new Error('picture drawing stopped'));
        thread.pending.clear();
      }
      await Promise.all(stopping.map((thread) => thread.worker.terminate()));
    },
  };
}
