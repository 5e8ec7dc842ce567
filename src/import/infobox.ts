// The infobox as dump-format entries.
import type { Element } from 'domhandler';
import { EVENT_TITLE } from '../parse/title.js';
import { MEDAL, flagNoc, teamLinkNoc } from './cells.js';
import { descendants, visibleText } from './dom.js';
import { linkTarget } from './links.js';
import { nocFromName, nocFromTeamArticle } from './nocs.js';
import { ownCells } from './tables.js';

const COMPETITORS =
  /(?<competitors>\d+)\s*(?:athletes?|competitors?|skaters?)?\s*from\s*(?<nations>\d+)\s*nations?/i;

const NUMBER = /^\d+$/;
const WIN_TOKEN = /^(?:\d{1,2}:)?\d{1,2}(?:[.,]\d{1,3})?$|^\d+$/;

interface InfoboxDraft {
  entries: Array<[string, string]>;
}

/** The infobox as dump-format entries: venue, date, counts, winning value, medallists, previous and next. */
export function convertInfobox(
  infobox: Element,
  title: { sport: string; year: number; season: string; event: string },
): InfoboxDraft {
  const entries: Array<[string, string]> = [
    ['Event', title.event],
    ['Games', `${title.year} ${title.season}`],
  ];
  const rows = descendants(infobox).filter((node) => node.name === 'tr');
  const medals = new Map<string, { name: string; noc: string | null }>();
  const years: number[] = [];
  for (const row of rows) {
    const cells = ownCells(row);
    const label = cells[0]?.name === 'th' ? visibleText(cells[0]).toLowerCase() : '';
    const valueCell = cells[0]?.name === 'th' && cells.length === 2 ? cells[1] : undefined;
    const value = valueCell ? visibleText(valueCell) : '';
    if (valueCell && value !== '') {
      if (/^venues?$/.test(label)) entries.push(['Venue', value]);
      else if (/^dates?$/.test(label)) entries.push(['Date', value]);
      else if (/^competitors$/.test(label)) {
        const counts = COMPETITORS.exec(value)?.groups;
        if (counts)
          entries.push(['Competitors', counts.competitors ?? ''], ['Nations', counts.nations ?? '']);
        else if (NUMBER.test(value.split(' ')[0] ?? ''))
          entries.push(['Competitors', value.split(' ')[0] ?? '']);
      } else if (/^nations$/.test(label) && NUMBER.test(value.split(' ')[0] ?? ''))
        entries.push(['Nations', value.split(' ')[0] ?? '']);
      else if (/^winning\s/.test(label)) {
        const token = value.split(' ').find((word) => WIN_TOKEN.test(word));
        if (token !== undefined) {
          entries.push(['Win Value', token.replace(',', '.')]);
          if (/point/.test(label)) entries.push(['Win Label', visibleText(cells[0] as Element)]);
        }
      }
    }
    if (descendants(row).some((node) => node.name === 'tr')) continue;
    const icon = descendants(row).find(
      (node) => node.name === 'img' && MEDAL.test(`${node.attribs.alt ?? ''} ${node.attribs.src ?? ''}`),
    );
    const medal = icon
      ? MEDAL.exec(`${icon.attribs.alt ?? ''} ${icon.attribs.src ?? ''}`)?.groups?.medal?.toLowerCase()
      : undefined;
    if (medal !== undefined && !medals.has(medal)) {
      const person = medallistName(row);
      if (person !== null) medals.set(medal, { name: person, noc: teamLinkNoc(row) ?? flagNoc(row) });
    }
  }
  for (const link of descendants(infobox)) {
    if (link.name !== 'a') continue;
    const parts = EVENT_TITLE.exec(linkTarget(link.attribs.href ?? '') ?? '')?.groups;
    if (
      parts &&
      parts.sport?.toLowerCase() === title.sport.toLowerCase() &&
      parts.event?.toLowerCase() === title.event.toLowerCase() &&
      Number(parts.year) !== title.year
    )
      years.push(Number(parts.year));
  }
  for (const medal of ['gold', 'silver', 'bronze']) {
    const found = medals.get(medal);
    if (!found) continue;
    const key = medal[0]?.toUpperCase() + medal.slice(1);
    entries.push([key, found.name]);
    if (found.noc) entries.push([`${key}noc`, found.noc]);
  }
  const prev = Math.max(...years.filter((year) => year < title.year));
  const next = Math.min(...years.filter((year) => year > title.year));
  if (Number.isFinite(prev)) entries.push(['Prev', String(prev)]);
  if (Number.isFinite(next)) entries.push(['Next', String(next)]);
  return { entries };
}

/** The medallist a medal row names: its first link to a person (not a file, a team or a country). */
function medallistName(row: Element): string | null {
  for (const link of descendants(row)) {
    if (link.name !== 'a') continue;
    const target = linkTarget(link.attribs.href ?? '');
    if (target === null || target.includes(':')) continue;
    if (nocFromTeamArticle(target) !== null || nocFromName(target) !== null) continue;
    const name = visibleText(link);
    if (name !== '') return name;
  }
  return null;
}
