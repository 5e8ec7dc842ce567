import type { SourcePage } from './types.js';

/** The bot's name and version as its User-Agent gives them; a test checks them against package.json. */
export const BOT_NAME = 'skate-results-bot';
export const BOT_VERSION = '0.1.0';
export const DEFAULT_API = 'https://en.wikipedia.org/w/api.php';

// Wikimedia's API etiquette asks for no more than a few parallel requests from one client.
const MAX_IN_FLIGHT = 3;
// The revisions query takes at most 50 titles for a client without the apihighlimits right.
const TITLES_PER_QUERY = 50;
// A URL longer than this is refused by some proxies in front of the API; long titles make a smaller batch.
const MAX_TITLES_LENGTH = 4_000;
// "<sport> at the <year> <season> Olympics – <event>", the title every event article of this family has.
const EVENT_TITLE = /^.+ at the \d{4} (?:Winter|Summer)(?: Youth)? Olympics\s*[–—-]+\s*\S.*$/;

/** Whether a title names one event of a Games (and not an overview, a country or a venue). */
export function isEventTitle(title: string): boolean {
  return EVENT_TITLE.test(title.trim());
}

/** Why a fetch failed, for the summary and the exit code. */
export type FetchFailure =
  /** The wiki has no page of that title. */
  | 'missing'
  /** The title redirects to a page that is not an event article (an overview, a country, a person). */
  | 'not-event'
  /** No answer: refused connection, DNS, timeouts and 5xx after every retry. */
  | 'unreachable'
  /** An answer that is not the JSON the API gives: cut short, HTML error page, wrong shape. */
  | 'invalid'
  /** The API answered with an error of its own (invalid title, blocked, ...). */
  | 'api';

export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly kind: FetchFailure,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

/** Told before each wait, so a terminal can show that the run is waiting and not stuck. */
export interface RetryNotice {
  title: string;
  attempt: number;
  waitMs: number;
  reason: string;
}

export interface ClientOptions {
  /** The Action API endpoint, e.g. https://en.wikipedia.org/w/api.php. */
  api?: string;
  /** Who runs this copy of the bot: an email address or a URL (Wikimedia blocks clients it cannot reach). */
  contact?: string;
  timeoutMs?: number;
  /** Attempts after the first one. */
  retries?: number;
  baseDelayMs?: number;
  /** No single wait (backoff or Retry-After) is longer than this. */
  maxDelayMs?: number;
  /** In flight at once; at most 3 whatever is asked. */
  concurrency?: number;
  /** Sent as `maxlag`: the API asks us to wait when its replicas lag more than this many seconds. */
  maxlag?: number;
  onRetry?: (notice: RetryNotice) => void;
}

/** A page as `action=parse` gave it, with the redirect that led there, if any. */
export interface FetchedPage extends SourcePage {
  requested: string;
  redirectedFrom: string | null;
}

/** What the revisions query says of one requested title. */
export type RevisionInfo =
  | { kind: 'page'; requested: string; title: string; revid: number }
  | { kind: 'missing'; requested: string; title: string };

interface ApiError {
  code?: string;
  info?: string;
}

/** A failed attempt worth another try, and how long the server asked us to wait. */
class Retryable extends Error {
  constructor(
    message: string,
    readonly kind: FetchFailure,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

export function userAgent(contact: string | undefined): string {
  const who = contact?.trim() ? contact.trim() : 'WIKIPEDIA_CONTACT not set';
  return `${BOT_NAME}/${BOT_VERSION} (${who}) node/${process.versions.node}`;
}

/** `Retry-After` as milliseconds from `now`: either delay-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A client for the MediaWiki Action API that keeps Wikimedia's etiquette: a User-Agent naming the bot and a
 * contact, at most three requests in flight, `maxlag`, and 429/503 honoured for every request of the client
 * (not only the one that got them) with their `Retry-After`.
 */
export class WikipediaClient {
  readonly api: string;
  readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly concurrency: number;
  private readonly maxlag: number;
  private readonly onRetry: ((notice: RetryNotice) => void) | undefined;
  private inFlight = 0;
  private readonly queue: Array<() => void> = [];
  /** Set by a 429, a 503 or a maxlag answer: no request of this client starts before then. */
  private pausedUntil = 0;

  constructor(options: ClientOptions = {}) {
    this.api = options.api ?? DEFAULT_API;
    this.userAgent = userAgent(options.contact);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 4;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.concurrency = Math.max(1, Math.min(MAX_IN_FLIGHT, options.concurrency ?? MAX_IN_FLIGHT));
    this.maxlag = options.maxlag ?? 5;
    this.onRetry = options.onRetry;
  }

  /** The rendered article: `action=parse` with redirects followed. */
  async parsePage(title: string, options: { expectEvent?: boolean } = {}): Promise<FetchedPage> {
    const body = await this.request(title, {
      action: 'parse',
      page: title,
      prop: 'text|revid|displaytitle',
      redirects: '1',
    });
    const parse = body['parse'] as Record<string, unknown> | undefined;
    if (
      typeof parse !== 'object' ||
      parse === null ||
      typeof parse['title'] !== 'string' ||
      typeof parse['text'] !== 'string' ||
      typeof parse['revid'] !== 'number'
    )
      throw new FetchError('invalid', title, `${title}: the API's answer has no parse.title, text and revid`);
    const redirects = Array.isArray(parse['redirects'])
      ? (parse['redirects'] as Array<{ from?: unknown; to?: unknown }>)
      : [];
    const from = redirects[0]?.from;
    const landed = parse['title'];
    const redirectedFrom = redirects.length > 0 ? (typeof from === 'string' ? from : title) : null;
    if (redirectedFrom !== null && options.expectEvent !== false && !isEventTitle(landed))
      throw new FetchError(
        'not-event',
        title,
        `${title}: redirects to "${landed}", which is not an event article ("<sport> at the <year> Winter Olympics – <event>")`,
      );
    return {
      title: landed,
      revid: parse['revid'],
      html: parse['text'],
      retrieved: new Date(),
      requested: title,
      redirectedFrom,
    };
  }

  /** The current revision of each title (redirects followed), in batches of up to 50 titles a request. */
  async revisions(titles: readonly string[]): Promise<RevisionInfo[]> {
    const batches: string[][] = [];
    let batch: string[] = [];
    let length = 0;
    for (const title of titles) {
      if (
        batch.length === TITLES_PER_QUERY ||
        (batch.length > 0 && length + title.length > MAX_TITLES_LENGTH)
      ) {
        batches.push(batch);
        batch = [];
        length = 0;
      }
      batch.push(title);
      length += title.length + 1;
    }
    if (batch.length > 0) batches.push(batch);
    const answers = await Promise.all(batches.map((b) => this.revisionBatch(b)));
    return answers.flat();
  }

  private async revisionBatch(titles: string[]): Promise<RevisionInfo[]> {
    const label = titles.length === 1 ? titles[0]! : `${titles.length} titles`;
    const body = await this.request(label, {
      action: 'query',
      prop: 'revisions',
      rvprop: 'ids',
      titles: titles.join('|'),
      redirects: '1',
    });
    const query = body['query'] as
      | {
          normalized?: Array<{ from: string; to: string }>;
          redirects?: Array<{ from: string; to: string }>;
          pages?: Array<{
            title?: string;
            missing?: boolean;
            invalid?: boolean;
            revisions?: Array<{ revid?: number }>;
          }>;
        }
      | undefined;
    if (typeof query !== 'object' || query === null || !Array.isArray(query.pages))
      throw new FetchError('invalid', label, `${label}: the API's answer has no query.pages`);
    const pages = new Map(query.pages.map((page) => [page.title, page]));
    const step = (map: Array<{ from: string; to: string }> | undefined, title: string) =>
      map?.find((entry) => entry.from === title)?.to ?? title;
    return titles.map((requested): RevisionInfo => {
      const title = step(query.redirects, step(query.normalized, requested));
      const page = pages.get(title);
      const revid = page?.revisions?.[0]?.revid;
      if (!page || page.missing || page.invalid || typeof revid !== 'number')
        return { kind: 'missing', requested, title };
      return { kind: 'page', requested, title, revid };
    });
  }

  /** One API call with retries; resolves to the JSON body or throws a FetchError. */
  private async request(title: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const url = new URL(this.api);
    for (const [key, value] of Object.entries({
      ...params,
      format: 'json',
      formatversion: '2',
      maxlag: String(this.maxlag),
    }))
      url.searchParams.set(key, value);
    let last: Retryable | null = null;
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (last) {
        const backoff = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1));
        const waitMs = Math.min(this.maxDelayMs, Math.max(backoff, last.retryAfterMs ?? 0));
        if (last.retryAfterMs !== null)
          this.pausedUntil = Math.max(
            this.pausedUntil,
            Date.now() + Math.min(last.retryAfterMs, this.maxDelayMs),
          );
        this.onRetry?.({ title, attempt, waitMs, reason: last.message });
        await sleep(waitMs);
      }
      try {
        return await this.withSlot(() => this.attempt(title, url));
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        last = error;
        // Coming back before the server said would not honour it; waiting longer than the cap would stall the run.
        if (error.retryAfterMs !== null && error.retryAfterMs > this.maxDelayMs) {
          this.pausedUntil = Math.max(this.pausedUntil, Date.now() + this.maxDelayMs);
          throw new FetchError(
            error.kind,
            title,
            `${title}: ${error.message}, and asked to wait ${Math.ceil(error.retryAfterMs / 1000)} s, ` +
              `longer than the ${Math.round(this.maxDelayMs / 1000)} s this run waits; try again later`,
          );
        }
      }
    }
    throw new FetchError(
      last?.kind ?? 'unreachable',
      title,
      `${title}: ${last?.message ?? 'no answer'} (gave up after ${this.retries + 1} attempts)`,
    );
  }

  private async attempt(title: string, url: URL): Promise<Record<string, unknown>> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: {
          'User-Agent': this.userAgent,
          'Api-User-Agent': this.userAgent,
          Accept: 'application/json',
        },
        signal,
      });
      // The body is read under the same timeout: a server that stalls half-way counts as no answer.
      text = await response.text();
    } catch (error) {
      const reason = signal.aborted
        ? `no complete answer within ${this.timeoutMs / 1000} s`
        : `not reachable (${describeNetworkError(error)})`;
      throw new Retryable(reason, 'unreachable', null);
    }
    if (response.status === 429 || response.status === 503) {
      throw new Retryable(
        `${response.status} ${response.status === 429 ? 'Too Many Requests' : 'Service Unavailable'}`,
        'unreachable',
        parseRetryAfter(response.headers.get('retry-after')),
      );
    }
    if (response.status >= 500) throw new Retryable(`HTTP ${response.status}`, 'unreachable', null);
    if (!response.ok)
      throw new FetchError('unreachable', title, `${title}: HTTP ${response.status} from ${url.origin}`);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // A body cut short by a dropped connection reads as broken JSON; another try usually gets all of it.
      throw new Retryable(`the answer is not complete JSON (${text.length} characters)`, 'invalid', null);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new FetchError('invalid', title, `${title}: the API's answer is not a JSON object`);
    const error = (body as { error?: ApiError }).error;
    if (error) {
      if (error.code === 'maxlag')
        throw new Retryable(
          'the wiki is lagging (maxlag)',
          'unreachable',
          parseRetryAfter(response.headers.get('retry-after')) ?? 5_000,
        );
      if (error.code === 'missingtitle')
        throw new FetchError('missing', title, `${title}: no such page on ${url.host}`);
      throw new FetchError(
        'api',
        title,
        `${title}: the API refused: ${error.code ?? 'error'}: ${error.info ?? ''}`,
      );
    }
    return body as Record<string, unknown>;
  }

  private async withSlot<T>(run: () => Promise<T>): Promise<T> {
    for (;;) {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await sleep(wait);
      if (this.inFlight < this.concurrency) break;
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    this.inFlight++;
    try {
      return await run();
    } finally {
      this.inFlight--;
      this.queue.shift()?.();
    }
  }
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
