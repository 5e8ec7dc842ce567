import { readFile, stat } from 'node:fs/promises';
import * as cheerio from 'cheerio';
import type { SourcePage } from './types.js';

// MediaWiki's page configuration, in a script of every saved page: "wgRevisionId":601935141.
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// A browser's title for an article: "<title> - Wikipedia".
const WIKIPEDIA_SUFFIX = / [-–—] Wikipedia$/;
const REVISION_ID = /"wgRevisionId"\s*:\s*(?<revid>\d+)/;

/** What one command-line argument names: an article to fetch, or a page already on disk. */
export type ImportInput =
  /** A title (given as such or as a Wikipedia URL), fetched through the API. */
  | { kind: 'title'; title: string }
  /** A saved file, read as it is. */
  | { kind: 'page'; page: SourcePage; path: string };

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** `https://en.wikipedia.org/wiki/Speed_skating_at_…` or `…/w/index.php?title=…` -> the title; null for anything else. */
export function titleFromUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const param = url.searchParams.get('title');
  const path = url.pathname.startsWith('/wiki/')
    ? decodeURIComponent(url.pathname.slice('/wiki/'.length))
    : null;
  const title = param ?? path;
  return title ? title.replace(/_/g, ' ').trim() : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads one argument: an existing file (an `action=parse` JSON answer, a saved HTML page or a bare
 * fragment), a Wikipedia URL, or else a title. `title` names the article of a fragment, which does not.
 */
export async function readInput(what: string, title?: string): Promise<ImportInput> {
  if (await isFile(what)) {
    const [text, info] = await Promise.all([readFile(what, 'utf8'), stat(what)]);
    return { kind: 'page', page: pageFromFile(what, text, info.mtime, title), path: what };
  }
  const fromUrl = titleFromUrl(what);
  if (fromUrl) return { kind: 'title', title: fromUrl };
  if (URL_SCHEME.test(what)) throw new InputError(`${what}: not a Wikipedia article URL (…/wiki/<title>)`);
  if (what.trim() === '') throw new InputError('an empty title');
  return { kind: 'title', title: what.trim() };
}

/** A page from a saved file; `retrieved` is the file's modification time, the best guess of when it was saved. */
export function pageFromFile(path: string, text: string, retrieved: Date, title?: string): SourcePage {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return pageFromParseJson(path, trimmed, retrieved, title);
  const $ = cheerio.load(text);
  const content = $('#mw-content-text .mw-parser-output').first();
  // A fragment has none of these; a page saved from the browser has them all.
  const isWholePage =
    $('#mw-content-text').length > 0 || $('link[rel="canonical"]').length > 0 || $('head > title').length > 0;
  if (isWholePage) {
    const canonical = $('link[rel="canonical"]').attr('href');
    const named =
      title ??
      (canonical ? titleFromUrl(new URL(canonical, 'https://en.wikipedia.org/').href) : null) ??
      ($('#firstHeading').text().trim() || null) ??
      $('head title').text().replace(WIKIPEDIA_SUFFIX, '').trim();
    if (!named) throw new InputError(`${path}: a saved page that names no article; give --title`);
    let revid: number | null = null;
    $('script').each((_, script) => {
      const match = REVISION_ID.exec($(script).text());
      if (match?.groups?.revid && revid === null) revid = Number(match.groups.revid);
    });
    const body = content.length > 0 ? content : $('#mw-content-text').first();
    const html = body.length > 0 ? ($.html(body) ?? '') : ($('body').html() ?? '');
    return { title: named, revid, html, retrieved };
  }
  if (!title)
    throw new InputError(
      `${path}: a bare HTML fragment does not say which article it is; give --title "<title>"`,
    );
  return { title, revid: revisionFromComment($), html: text, retrieved };
}

/** A fragment saved by `action=render` starts with a comment holding its URL, `oldid` included. */
function revisionFromComment($: cheerio.CheerioAPI): number | null {
  for (const node of $.root().contents().toArray()) {
    // 8: a comment node (DOM nodeType).
    if (node.nodeType !== 8) continue;
    const first = ((node as { data?: string }).data ?? '').trim().split(/\s+/)[0] ?? '';
    try {
      const oldid = new URL(decodeURIComponent(first)).searchParams.get('oldid');
      if (oldid && /^\d+$/.test(oldid)) return Number(oldid);
    } catch {
      // Not a URL: some other comment.
    }
  }
  return null;
}

function pageFromParseJson(path: string, text: string, retrieved: Date, title?: string): SourcePage {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: not complete JSON (${(error as Error).message})`);
  }
  const error = (body as { error?: { code?: string; info?: string } }).error;
  if (error)
    throw new InputError(`${path}: a saved API error: ${error.code ?? ''} ${error.info ?? ''}`.trim());
  const parse = (body as { parse?: Record<string, unknown> }).parse;
  // formatversion=2 gives text as a string, the default formatversion=1 as { "*": text }.
  const raw = parse?.['text'];
  const html = typeof raw === 'string' ? raw : (raw as { '*'?: unknown } | undefined)?.['*'];
  if (!parse || typeof html !== 'string')
    throw new InputError(`${path}: JSON without parse.text; save the answer of action=parse&prop=text|revid`);
  const named = title ?? (typeof parse['title'] === 'string' ? parse['title'] : null);
  if (!named) throw new InputError(`${path}: the answer has no parse.title; give --title`);
  return { title: named, revid: typeof parse['revid'] === 'number' ? parse['revid'] : null, html, retrieved };
}
