import { loadHtml } from './html.js';
import type { EventLinks } from './types.js';

// "/wiki/T", "//en.wikipedia.org/wiki/T", "https://…/wiki/T" and Parsoid's "./T".
const WIKI_PATH = /^(?:(?:https?:)?\/\/[^/]+)?\/wiki\/(?<title>[^?#]+)|^\.\/(?<relative>[^?#]+)/;
// A red link: "/w/index.php?title=T&action=edit&redlink=1".
const INDEX_PHP = /^(?:(?:https?:)?\/\/[^/]+)?\/w\/index\.php\?(?<query>[^#]*)/;
const EVENT_TITLE =
  /^(?<sport>.+?) at the (?<year>\d{4}) (?<season>Winter|Summer)(?: Youth)? Olympics\s*[–—-]+\s*(?<event>.+)$/;
const NAMESPACE = /^(?:File|Image|Category|Template|Template talk|Help|Wikipedia|Portal|Special|Talk|User):/i;

function decodeTitle(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const title = decoded.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

/** The article title an `href` points at (percent-decoded, underscores as spaces), or null for other links. */
export function linkTarget(href: string): string | null {
  const wiki = WIKI_PATH.exec(href)?.groups;
  if (wiki) return decodeTitle(wiki.title ?? wiki.relative ?? '');
  const query = INDEX_PHP.exec(href)?.groups?.query;
  if (query === undefined) return null;
  for (const part of query.split('&')) {
    if (part.startsWith('title=')) return decodeTitle(part.slice(6).replace(/\+/g, ' '));
  }
  return null;
}

/** The sport of an overview title ("Speed skating at the 1972 Winter Olympics"), to match its events. */
function overviewParts(title: string): { sport: string; year: string } | null {
  const match = /^(?<sport>.+?) at the (?<year>\d{4}) (?:Winter|Summer)(?: Youth)? Olympics$/.exec(
    title.replace(/_/g, ' ').trim(),
  );
  return match?.groups ? { sport: match.groups.sport ?? '', year: match.groups.year ?? '' } : null;
}

/**
 * The per-event articles an overview links, in page order and each once: links whose target is
 * "<sport> at the <year> … Olympics – <event>" for the overview's own sport and Games. Links to other
 * Games (the previous and next editions) and to other sports are not its events.
 */
export const eventLinks: EventLinks = (html, overviewTitle) => {
  const overview = overviewParts(overviewTitle);
  const $ = loadHtml(html);
  const seen = new Set<string>();
  const titles: string[] = [];
  $('a[href]').each((_, element) => {
    const target = linkTarget($(element).attr('href') ?? '');
    if (target === null || NAMESPACE.test(target)) return;
    const parts = EVENT_TITLE.exec(target)?.groups;
    // "– Qualification" names a page about quotas, not an event.
    if (!parts || /^qualification\b/i.test(parts.event ?? '')) return;
    if (
      overview &&
      (parts.sport?.toLowerCase() !== overview.sport.toLowerCase() || parts.year !== overview.year)
    )
      return;
    if (seen.has(target)) return;
    seen.add(target);
    titles.push(target);
  });
  return titles;
};
