// The thread pictures are drawn on (see drawer.ts): a 10-30 ms canvas draw here does not hold up the
// interactions the main thread is answering meanwhile.
import { parentPort } from 'node:worker_threads';
import { drawHere } from './requests.js';
import type { WorkerRequest, WorkerResponse } from './requests.js';

const port = parentPort;
if (!port) throw new Error('picture-worker.js runs as a worker thread only');

port.on('message', (request: WorkerRequest) => {
  drawHere(request).then(
    (png) => port.postMessage({ id: request.id, png } satisfies WorkerResponse),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies WorkerResponse),
  );
});
