// What one cell says beyond its text: the country it shows, the place a medal icon stands for.
import type { Element } from 'domhandler';
import { descendants, hasClass, oneLine, textOf, visibleText } from './dom.js';
import { linkTarget } from './links.js';
import { nocFromFlagFile, nocFromName, nocFromTeamArticle, nocFromText } from './nocs.js';

export const MEDAL = /\b(?<medal>gold|silver|bronze)[ _]medal/i;
const MEDAL_RANK: Record<string, string> = { gold: '1', silver: '2', bronze: '3' };
const LEADING_NUMBER = /^\s*(?<n>\d{1,4})\b/;
export const NAME_NOC = /\s*\((?<code>[A-Z]{3})\)\s*$/;

/** The file a flag image shows: "Flag_of_X.svg" from a thumbnail URL, a file link, or the image's own name. */
export function flagNoc(element: Element): string | null {
  for (const node of [element, ...descendants(element)]) {
    if (node.name === 'img') {
      for (const segment of (node.attribs.src ?? '').split('/').reverse()) {
        let file: string;
        try {
          file = decodeURIComponent(segment)
            .replace(/^\d+px-/, '')
            .replace(/\.svg\.png$/i, '.svg');
        } catch {
          continue;
        }
        const noc = nocFromFlagFile(file);
        if (noc) return noc;
      }
    }
    if (node.name === 'a') {
      const target = linkTarget(node.attribs.href ?? '');
      if (target?.startsWith('File:')) {
        const noc = nocFromFlagFile(target.slice(5));
        if (noc) return noc;
      }
    }
  }
  return null;
}

/** The IOC code of the country a cell shows: a team link, then "(NED)" text, then the name, then the flag. */
export function countryNoc(cell: Element, text: string): string | null {
  const links = descendants(cell).filter((node) => node.name === 'a');
  for (const link of links) {
    const target = linkTarget(link.attribs.href ?? '');
    const noc = target === null ? null : nocFromTeamArticle(target);
    if (noc) return noc;
  }
  const written = nocFromText(text) ?? nocFromName(text.replace(NAME_NOC, ''));
  if (written) return written;
  for (const link of links) {
    const target = linkTarget(link.attribs.href ?? '');
    const noc = target === null || target.includes(':') ? null : nocFromName(target);
    if (noc) return noc;
  }
  return flagNoc(cell);
}

export function teamLinkNoc(cell: Element): string | null {
  for (const link of descendants(cell)) {
    if (link.name !== 'a') continue;
    const target = linkTarget(link.attribs.href ?? '');
    const noc = target === null ? null : nocFromTeamArticle(target);
    if (noc) return noc;
  }
  return null;
}

/** A rank cell shown as a medal icon reads as its place: the hidden sort key, else the icon's medal. */
export function rankText(cell: Element): string {
  const text = visibleText(cell);
  if (text !== '') return text;
  const all = descendants(cell);
  const icon = all.find(
    (node) => node.name === 'img' && MEDAL.test(`${node.attribs.alt ?? ''} ${node.attribs.src ?? ''}`),
  );
  if (!icon) return '';
  const key = all.find(
    (node) => hasClass(node, ['sortkey']) || node.attribs['data-sort-value'] !== undefined,
  );
  const sortValue =
    cell.attribs['data-sort-value'] ?? (key ? (key.attribs['data-sort-value'] ?? textOf(key)) : '');
  const fromKey = LEADING_NUMBER.exec(sortValue)?.groups?.n;
  if (fromKey !== undefined && Number(fromKey) >= 1 && Number(fromKey) <= 3) return String(Number(fromKey));
  const medal = MEDAL.exec(`${icon.attribs.alt ?? ''} ${icon.attribs.src ?? ''}`)?.groups?.medal ?? '';
  return MEDAL_RANK[medal.toLowerCase()] ?? '';
}

/** A cell's text made safe for a pipe row: no pipes, no line breaks. */
export function cellText(text: string): string {
  return oneLine(text.replace(/\|/g, '/'));
}
