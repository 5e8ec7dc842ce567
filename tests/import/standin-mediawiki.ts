// A local stand-in for the MediaWiki Action API (action=parse and the revisions query) on loopback, serving
// pages from the fixtures, with the faults a client must survive; it records every request.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WIKI_FIXTURES = fileURLToPath(new URL('../fixtures/wiki/', import.meta.url));

/** A real page from tests/fixtures/wiki (WikiTableQuestions' copy of Wikipedia, CC BY-SA; see SOURCES.md there). */
export function fixturePage(name: string): { title: string; revid: number; html: string } {
  const meta = JSON.parse(readFileSync(join(WIKI_FIXTURES, `${name}.json`), 'utf8')) as {
    title: string;
    revision: number;
  };
  return {
    title: meta.title,
    revid: meta.revision,
    html: readFileSync(join(WIKI_FIXTURES, `${name}.html`), 'utf8'),
  };
}

/** What the stand-in does to the next request for a title instead of answering it. */
export type Fault =
  /** 429 or 503, with a Retry-After header when given (seconds or an HTTP date). */
  | { kind: 'status'; status: 429 | 503; retryAfter?: string }
  /** Answers only after `delayMs` (past the client's timeout, for the timeout case). */
  | { kind: 'slow'; delayMs: number }
  /** Sends the first part of the JSON body and ends the response cleanly. */
  | { kind: 'truncated' }
  /** The API's maxlag error (HTTP 200, error code maxlag, Retry-After). */
  | { kind: 'maxlag'; retryAfter: string }
  /** Closes the connection without an answer. */
  | { kind: 'reset' };

export interface RecordedRequest {
  at: number;
  action: string | null;
  /** `page` of action=parse, or each of `titles` of the revisions query. */
  titles: string[];
  params: Record<string, string>;
  userAgent: string | undefined;
  /** Requests being answered when this one arrived, itself included. */
  inFlight: number;
  /** What was done: 'ok', 'missing', or the fault's kind and status. */
  outcome: string;
}

interface Page {
  title: string;
  revid: number;
  html: string;
}

/** MediaWiki's title normalisation as far as the tests need it: underscores are spaces, the first letter upper case. */
function normalise(title: string): string {
  const spaced = title.replace(/_/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export class MediaWikiStandin {
  readonly requests: RecordedRequest[] = [];
  /** The most requests answered at once. */
  maxInFlight = 0;
  /** Every answer waits this long first, so that parallel requests overlap and can be counted. */
  latencyMs = 0;
  private readonly pages = new Map<string, Page>();
  private readonly redirects = new Map<string, string>();
  private readonly faults = new Map<string, Fault[]>();
  private inFlight = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly api: string,
  ) {}

  static async start(): Promise<MediaWikiStandin> {
    const holder: { standin?: MediaWikiStandin } = {};
    const server = createServer((req, res) => void holder.standin?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const standin = new MediaWikiStandin(server, `http://127.0.0.1:${port}/w/api.php`);
    holder.standin = standin;
    server.on('connection', (socket) => {
      standin.sockets.add(socket);
      socket.on('close', () => standin.sockets.delete(socket));
    });
    return standin;
  }

  /** Serves `html` as the current revision `revid` of `title` (a new revid is an edit). */
  setPage(page: Page): void {
    this.pages.set(normalise(page.title), { ...page, title: normalise(page.title) });
  }

  redirect(from: string, to: string): void {
    this.redirects.set(normalise(from), normalise(to));
  }

  /** The next `times` requests naming `title` get `fault`; faults queue up in the order given. */
  fault(title: string, fault: Fault, times = 1): void {
    const list = this.faults.get(normalise(title)) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(normalise(title), list);
  }

  /** Requests of one action, e.g. the titles action=parse was asked for, in order. */
  parsed(): string[] {
    return this.requests.filter((r) => r.action === 'parse').flatMap((r) => r.titles);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = Object.fromEntries(url.searchParams);
    const action = url.searchParams.get('action');
    const raw =
      action === 'parse' ? [params['page'] ?? ''] : (params['titles'] ?? '').split('|').filter((t) => t);
    const titles = raw.map(normalise);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const record: RecordedRequest = {
      at: Date.now(),
      action,
      titles,
      params,
      userAgent: req.headers['user-agent'],
      inFlight: this.inFlight,
      outcome: 'ok',
    };
    this.requests.push(record);
    try {
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      const fault = titles.map((t) => this.faults.get(t)?.shift()).find((f) => f !== undefined);
      if (fault) {
        record.outcome = fault.kind === 'status' ? String(fault.status) : fault.kind;
        await this.applyFault(fault, res, () => this.answer(action, raw, params));
        return;
      }
      const body = this.answer(action, raw, params);
      if ('error' in body) record.outcome = String((body.error as { code: string }).code);
      this.send(res, 200, body);
    } finally {
      this.inFlight--;
    }
  }

  private async applyFault(fault: Fault, res: ServerResponse, answer: () => object): Promise<void> {
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, {
          'content-type': 'text/html',
          ...(fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : {}),
        });
        res.end(`<html><body>${fault.status}</body></html>`);
        return;
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (!res.destroyed) this.send(res, 200, answer());
        return;
      case 'truncated': {
        const text = JSON.stringify(answer());
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(text.slice(0, Math.floor(text.length / 2)));
        return;
      }
      case 'maxlag':
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'retry-after': fault.retryAfter,
        });
        res.end(
          JSON.stringify({
            error: { code: 'maxlag', info: 'Waiting for a database server: 7 seconds lagged.', lag: 7 },
          }),
        );
        return;
      case 'reset':
        res.socket?.destroy();
        return;
    }
  }

  private send(res: ServerResponse, status: number, body: object): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }

  private answer(action: string | null, raw: string[], params: Record<string, string>): object {
    const titles = raw.map(normalise);
    if (params['format'] !== 'json' || params['formatversion'] !== '2')
      return { error: { code: 'badformat', info: 'the stand-in speaks format=json&formatversion=2 only' } };
    if (action === 'parse') {
      const requested = titles[0] ?? '';
      const target = params['redirects'] ? (this.redirects.get(requested) ?? requested) : requested;
      const page = this.pages.get(target);
      if (!page) return { error: { code: 'missingtitle', info: "The page you specified doesn't exist." } };
      return {
        parse: {
          title: page.title,
          pageid: 1,
          revid: page.revid,
          redirects: target !== requested ? [{ from: requested, to: target }] : [],
          text: page.html,
          displaytitle: page.title,
        },
      };
    }
    if (action === 'query' && params['prop'] === 'revisions') {
      const redirects = titles
        .filter((t) => this.redirects.has(t))
        .map((t) => ({ from: t, to: this.redirects.get(t)! }));
      const pages = [...new Set(titles.map((t) => this.redirects.get(t) ?? t))].map((title) => {
        const page = this.pages.get(title);
        return page
          ? { pageid: 1, ns: 0, title, revisions: [{ revid: page.revid, parentid: page.revid - 1 }] }
          : { ns: 0, title, missing: true };
      });
      const normalized = raw.filter((t) => normalise(t) !== t).map((t) => ({ from: t, to: normalise(t) }));
      return {
        batchcomplete: true,
        query: {
          ...(normalized.length ? { normalized } : {}),
          ...(redirects.length ? { redirects } : {}),
          pages,
        },
      };
    }
    return { error: { code: 'badvalue', info: `the stand-in does not answer action=${action}` } };
  }
}
