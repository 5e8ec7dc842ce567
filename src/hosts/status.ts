// GET /metrics and GET /healthz, for every host that serves Discord: the HTTP host answers them on its own
// port, the gateway host on METRICS_PORT.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from '../metrics.js';

export interface StatusSource {
  metrics: Metrics;
  /** True once the articles are loaded and the process can answer; load balancers route by it. */
  ready(): boolean;
}

/** Answers the two status routes; returns false (having written nothing) for any other request. */
export async function serveStatus(
  request: IncomingMessage,
  response: ServerResponse,
  source: StatusSource,
): Promise<boolean> {
  const path = (request.url ?? '/').split('?', 1)[0];
  if (path !== '/metrics' && path !== '/healthz') return false;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  if (path === '/healthz') {
    const ready = source.ready();
    response
      .writeHead(ready ? 200 : 503, { 'content-type': 'text/plain; charset=utf-8' })
      .end(ready ? 'ok\n' : 'loading\n');
    return true;
  }
  const { contentType, body } = await source.metrics.render();
  response.writeHead(200, { 'content-type': contentType }).end(body);
  return true;
}

export interface StatusServer {
  readonly port: number;
  close(): Promise<void>;
}

/** A server of the status routes alone (404 for anything else), on `port` (0 picks a free one). */
export async function startStatusServer(
  port: number,
  host: string,
  source: StatusSource,
): Promise<StatusServer> {
  const server: Server = createServer((request, response) => {
    serveStatus(request, response, source).then(
      (served) => {
        if (!served) response.writeHead(404).end();
      },
      () => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
