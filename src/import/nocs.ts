import { isKnownNoc, nocFromCountryName } from '../model/countries.js';

// "Netherlands at the 2026 Winter Olympics", "Soviet Union at the 1976 Winter Olympics".
const TEAM_ARTICLE = /^(?<country>.+?) at the \d{4} (?:Winter|Summer)(?: Youth)? Olympics$/;
// "Flag_of_the_Soviet_Union_(1955-1980).svg", "Flag of Chinese Taipei for Olympic games.svg".
const FLAG_FILE = /^Flag[ _]of[ _](?<country>.+?)\.(?:svg|png|gif)$/i;
const FLAG_QUALIFIER = /\s*\([^)]*\)\s*$/;
const OLYMPIC_FLAG_SUFFIX = /\s+for\s+Olympic\s+games$/i;
const CODE = /^[A-Z]{3}$/;
const CODE_IN_BRACKETS = /\((?<code>[A-Z]{3})\)/;

/** The IOC code when `code` is one a table knows (current or historic); null for any other three letters. */
export function knownNoc(code: string): string | null {
  return CODE.test(code) && isKnownNoc(code) ? code : null;
}

/** IOC code for a country as a page names it ("Netherlands", "the People's Republic of China"). */
export function nocFromName(name: string): string | null {
  const clean = name.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  return nocFromCountryName(clean) ?? knownNoc(clean);
}

/** IOC code from a link target to a team article ("Netherlands at the 2006 Winter Olympics"), else null. */
export function nocFromTeamArticle(target: string): string | null {
  const country = TEAM_ARTICLE.exec(target.replace(/_/g, ' ').trim())?.groups?.country;
  return country === undefined ? null : nocFromName(country);
}

/** IOC code from a flag image's file name ("Flag_of_the_United_States.svg"), else null. */
export function nocFromFlagFile(file: string): string | null {
  const country = FLAG_FILE.exec(file.replace(/_/g, ' ').trim())?.groups?.country;
  if (country === undefined) return null;
  return nocFromName(country.replace(FLAG_QUALIFIER, '').replace(OLYMPIC_FLAG_SUFFIX, ''));
}

/** IOC code written as text: "NED" alone or "(NED)" in a cell, when it is a code a table knows. */
export function nocFromText(text: string): string | null {
  const trimmed = text.trim();
  const code = CODE.test(trimmed) ? trimmed : (CODE_IN_BRACKETS.exec(trimmed)?.groups?.code ?? null);
  return code === null ? null : knownNoc(code);
}
