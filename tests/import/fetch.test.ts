import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BOT_NAME,
  BOT_VERSION,
  FetchError,
  WikipediaClient,
  isEventTitle,
  parseRetryAfter,
  userAgent,
} from '../../src/import/fetch.js';
import type { ClientOptions, RetryNotice } from '../../src/import/fetch.js';
import { MediaWikiStandin, fixturePage } from './standin-mediawiki.js';

const SKATING_2006 = fixturePage('wtq_204-page_201');
const SKATING_1976 = fixturePage('wtq_204-page_912');
const OVERVIEW_1972 = fixturePage('wtq_204-page_216');

let standin: MediaWikiStandin;
let notices: RetryNotice[];

beforeEach(async () => {
  standin = await MediaWikiStandin.start();
  for (const page of [SKATING_2006, SKATING_1976, OVERVIEW_1972]) standin.setPage(page);
  notices = [];
});
afterEach(() => standin.close());

function client(options: ClientOptions = {}): WikipediaClient {
  return new WikipediaClient({
    api: standin.api,
    contact: 'ops@example.org',
    timeoutMs: 1_000,
    baseDelayMs: 20,
    maxDelayMs: 2_000,
    retries: 3,
    onRetry: (notice) => notices.push(notice),
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('fetch', () => {
  describe('userAgent', () => {
    it('names the bot, its version (as package.json has it), the contact and the runtime', () => {
      const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
      expect([BOT_NAME, BOT_VERSION]).toStrictEqual([pkg.name, pkg.version]);
      expect(userAgent('ops@example.org')).toBe(
        `skate-results-bot/${pkg.version} (ops@example.org) node/${process.versions.node}`,
      );
      expect(userAgent(undefined)).toMatch(/^skate-results-bot\/\S+ \(WIKIPEDIA_CONTACT not set\) node\//);
    });
  });

  describe('parseRetryAfter', () => {
    it.each([
      ['120', 120_000],
      ['0', 0],
      ['Sun, 06 Dec 2026 18:00:30 GMT', 30_000],
      ['Sun, 06 Dec 2026 17:59:00 GMT', 0],
      ['soon', null],
      ['', null],
      [null, null],
    ])('%s -> %s ms', (value, ms) => {
      expect(parseRetryAfter(value, Date.parse('2026-12-06T18:00:00Z'))).toBe(ms);
    });
  });

  describe('isEventTitle', () => {
    it.each([
      ["Speed skating at the 2006 Winter Olympics – Men's 1000 metres", true],
      ['Short-track speed skating at the 2026 Winter Olympics – Mixed 2000 metre relay', true],
      ['Speed skating at the 1972 Winter Olympics', false],
      ['Ard Schenk', false],
    ])('%s: %s', (title, expected) => expect(isEventTitle(title)).toBe(expected));
  });

  describe('WikipediaClient.parsePage', () => {
    it('gets a page with its title, revision and HTML, sending the etiquette parameters and User-Agent', async () => {
      const page = await client().parsePage(SKATING_2006.title);
      expect({
        title: page.title,
        revid: page.revid,
        html: page.html,
        redirectedFrom: page.redirectedFrom,
      }).toStrictEqual({
        title: SKATING_2006.title,
        revid: 593081343,
        html: SKATING_2006.html,
        redirectedFrom: null,
      });
      const [request] = standin.requests;
      expect(request?.params).toStrictEqual({
        action: 'parse',
        page: SKATING_2006.title,
        prop: 'text|revid|displaytitle',
        redirects: '1',
        format: 'json',
        formatversion: '2',
        maxlag: '5',
      });
      expect(request?.userAgent).toBe(
        `skate-results-bot/${BOT_VERSION} (ops@example.org) node/${process.versions.node}`,
      );
    });

    it('follows a redirect to an event article and says where it came from', async () => {
      standin.redirect('Speed skating at the 2006 Winter Olympics - Men 1000m', SKATING_2006.title);
      const page = await client().parsePage('Speed skating at the 2006 Winter Olympics - Men 1000m');
      expect([page.title, page.redirectedFrom]).toStrictEqual([
        SKATING_2006.title,
        'Speed skating at the 2006 Winter Olympics - Men 1000m',
      ]);
    });

    it('refuses a redirect to a page that is not an event article', async () => {
      standin.redirect("Speed skating at the 1972 Winter Olympics – Men's 500 m", OVERVIEW_1972.title);
      const error = await failure(
        client().parsePage("Speed skating at the 1972 Winter Olympics – Men's 500 m"),
      );
      expect([error.kind, error.message]).toStrictEqual([
        'not-event',
        'Speed skating at the 1972 Winter Olympics – Men\'s 500 m: redirects to "Speed skating at the 1972 Winter Olympics", which is not an event article ("<sport> at the <year> Winter Olympics – <event>")',
      ]);
    });

    it('says a missing page is missing, without retrying', async () => {
      const error = await failure(client().parsePage('No such article'));
      expect([error.kind, error.message]).toStrictEqual([
        'missing',
        'No such article: no such page on ' + new URL(standin.api).host,
      ]);
      expect(standin.requests).toHaveLength(1);
    });

    it('waits out a 429 for its Retry-After seconds, then gets the page', async () => {
      standin.fault(SKATING_2006.title, { kind: 'status', status: 429, retryAfter: '1' });
      const page = await client().parsePage(SKATING_2006.title);
      expect(page.revid).toBe(593081343);
      expect(standin.requests.map((r) => r.outcome)).toStrictEqual(['429', 'ok']);
      const gap = standin.requests[1]!.at - standin.requests[0]!.at;
      expect(gap).toBeGreaterThanOrEqual(950);
      expect(notices).toStrictEqual([
        { title: SKATING_2006.title, attempt: 1, waitMs: 1_000, reason: '429 Too Many Requests' },
      ]);
    });

    it('honours a Retry-After given as an HTTP date on a 503', async () => {
      const at = new Date(Date.now() + 1_500).toUTCString();
      standin.fault(SKATING_2006.title, { kind: 'status', status: 503, retryAfter: at });
      await client().parsePage(SKATING_2006.title);
      expect(standin.requests.map((r) => r.outcome)).toStrictEqual(['503', 'ok']);
      // HTTP dates have whole seconds: the wait is what is left of the second named.
      expect(standin.requests[1]!.at - standin.requests[0]!.at).toBeGreaterThanOrEqual(400);
    });

    it('a 429 holds back every request of the client, not only the one that got it', async () => {
      standin.fault(SKATING_2006.title, { kind: 'status', status: 429, retryAfter: '1' });
      const c = client();
      const first = c.parsePage(SKATING_2006.title);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = c.parsePage(SKATING_1976.title);
      await Promise.all([first, second]);
      const [rejected, ...rest] = standin.requests;
      for (const request of rest) expect(request.at - rejected!.at).toBeGreaterThanOrEqual(950);
    });

    it('backs off exponentially on a 503 without Retry-After, and gives up with a clear error', async () => {
      standin.fault(SKATING_2006.title, { kind: 'status', status: 503 }, 4);
      const error = await failure(client().parsePage(SKATING_2006.title));
      expect([error.kind, error.message]).toStrictEqual([
        'unreachable',
        `${SKATING_2006.title}: 503 Service Unavailable (gave up after 4 attempts)`,
      ]);
      expect(notices.map((n) => n.waitMs)).toStrictEqual([20, 40, 80]);
    });

    it('gives up at once when Retry-After asks for longer than the longest wait, rather than come back early', async () => {
      standin.fault(SKATING_2006.title, { kind: 'status', status: 429, retryAfter: '3600' });
      const error = await failure(client({ maxDelayMs: 2_000 }).parsePage(SKATING_2006.title));
      expect([error.kind, error.message]).toStrictEqual([
        'unreachable',
        `${SKATING_2006.title}: 429 Too Many Requests, and asked to wait 3600 s, longer than the 2 s this run waits; try again later`,
      ]);
      expect(standin.requests).toHaveLength(1);
      expect(notices).toStrictEqual([]);
    });

    it('waits when the wiki lags (maxlag) and then gets the page', async () => {
      standin.fault(SKATING_2006.title, { kind: 'maxlag', retryAfter: '1' });
      const page = await client().parsePage(SKATING_2006.title);
      expect(page.revid).toBe(593081343);
      expect(notices.map((n) => [n.waitMs, n.reason])).toStrictEqual([
        [1_000, 'the wiki is lagging (maxlag)'],
      ]);
    });

    it('times out a slow answer and retries', async () => {
      standin.fault(SKATING_2006.title, { kind: 'slow', delayMs: 1_500 });
      const page = await client({ timeoutMs: 300 }).parsePage(SKATING_2006.title);
      expect(page.html).toBe(SKATING_2006.html);
      expect(notices.map((n) => n.reason)).toStrictEqual(['no complete answer within 0.3 s']);
    });

    it('gives up on an answer that never comes in time', async () => {
      standin.fault(SKATING_2006.title, { kind: 'slow', delayMs: 1_000 }, 2);
      const error = await failure(client({ timeoutMs: 200, retries: 1 }).parsePage(SKATING_2006.title));
      expect([error.kind, error.message]).toStrictEqual([
        'unreachable',
        `${SKATING_2006.title}: no complete answer within 0.2 s (gave up after 2 attempts)`,
      ]);
    });

    it('retries a truncated body, and reports invalid JSON when it stays truncated', async () => {
      standin.fault(SKATING_2006.title, { kind: 'truncated' });
      expect((await client().parsePage(SKATING_2006.title)).html).toBe(SKATING_2006.html);

      standin.fault(SKATING_1976.title, { kind: 'truncated' }, 4);
      const error = await failure(client().parsePage(SKATING_1976.title));
      expect(error.kind).toBe('invalid');
      expect(error.message).toMatch(
        /: the answer is not complete JSON \(\d+ characters\) \(gave up after 4 attempts\)$/,
      );
    });

    it('reports a server that cannot be reached', async () => {
      const api = standin.api;
      await standin.close();
      const error = await failure(client({ api, retries: 1 }).parsePage(SKATING_2006.title));
      expect(error.kind).toBe('unreachable');
      expect(error.message).toMatch(/not reachable \(ECONNREFUSED\) \(gave up after 2 attempts\)$/);
      standin = await MediaWikiStandin.start();
    });

    it('retries a dropped connection', async () => {
      standin.fault(SKATING_2006.title, { kind: 'reset' });
      expect((await client().parsePage(SKATING_2006.title)).revid).toBe(593081343);
    });

    it('keeps at most three requests in flight, even when asked for more', async () => {
      standin.latencyMs = 100;
      const c = client({ concurrency: 10 });
      const titles = Array.from({ length: 9 }, (_, i) =>
        i % 2 === 0 ? SKATING_2006.title : SKATING_1976.title,
      );
      await Promise.all(titles.map((t) => c.parsePage(t)));
      expect(standin.requests).toHaveLength(9);
      expect(standin.maxInFlight).toBe(3);
    });
  });

  describe('WikipediaClient.revisions', () => {
    it('asks for many titles at once, following normalisation and redirects, and names the missing ones', async () => {
      standin.redirect('Men 1000 (2006)', SKATING_2006.title);
      const revisions = await client().revisions([SKATING_1976.title, 'men 1000 (2006)', 'Nowhere']);
      expect(revisions).toStrictEqual([
        { kind: 'page', requested: SKATING_1976.title, title: SKATING_1976.title, revid: 594499653 },
        { kind: 'page', requested: 'men 1000 (2006)', title: SKATING_2006.title, revid: 593081343 },
        { kind: 'missing', requested: 'Nowhere', title: 'Nowhere' },
      ]);
      expect(standin.requests).toHaveLength(1);
      expect(standin.requests[0]?.params).toMatchObject({
        action: 'query',
        prop: 'revisions',
        rvprop: 'ids',
      });
    });

    it('splits 120 titles into requests of at most 50', async () => {
      const titles = Array.from({ length: 120 }, (_, i) => `Title ${i}`);
      const revisions = await client().revisions(titles);
      expect(revisions.map((r) => r.requested)).toStrictEqual(titles);
      expect(standin.requests.map((r) => r.titles.length)).toStrictEqual([50, 50, 20]);
    });
  });
});
