import { parentPort } from 'node:worker_threads';
import { parseSource } from './loader.js';
import type { ParseRequest, ParseResponse } from './parse-thread.js';

// The thread that parses for DataStore.reload (see parse-thread.ts): sources in, reports and articles out.
const port = parentPort;
if (!port) throw new Error('parse-worker.ts runs as a worker thread');
port.on('message', ({ id, sources }: ParseRequest) => {
  let response: ParseResponse;
  try {
    response = { id, parsed: sources.map(parseSource) };
  } catch (error) {
    response = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});
