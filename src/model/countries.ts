import { createRequire } from 'node:module';

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cioc?: string;
  flag: string;
  altSpellings: string[];
}

/** A National Olympic Committee as the bot shows it. */
export interface Noc {
  code: string;
  name: string;
  /** Flag emoji; null where the team has none (neutral athletes, historical NOCs, Chinese Taipei's Olympic flag). */
  flag: string | null;
  /**
   * The ISO 3166 region whose everyday name is the NOC's name (for the name in other languages); null for
   * a NOC whose Olympic name differs (OLYMPIC_NAME_CODES) or that no table knows.
   */
  region: string | null;
}

// Prose may set the apostrophe typographically: "Côte d’Ivoire".
const TYPOGRAPHIC_APOSTROPHE = /[’ʼ]/g;

// Olympic usage differs from the everyday country name for a few NOCs, and some NOCs are not countries.
// The historic NOCs (no longer in world-countries) follow the IOC's list as given in Wikipedia's "List of
// IOC country codes", section "Historic NOCs and teams".
const OLYMPIC_NAMES: Record<string, { name: string; flag?: null; aliases?: string[] }> = {
  GBR: { name: 'Great Britain' },
  TPE: { name: 'Chinese Taipei', flag: null },
  CZE: { name: 'Czech Republic', aliases: ['Czechia'] },
  KOR: { name: 'South Korea', aliases: ['Korea'] },
  RUS: { name: 'Russia' },
  TUR: { name: 'Türkiye', aliases: ['Turkey'] },
  HKG: { name: 'Hong Kong', aliases: ['Hong Kong, China'] },
  AIN: { name: 'Individual Neutral Athletes', flag: null },
  ROC: { name: 'ROC', flag: null, aliases: ['Russian Olympic Committee'] },
  OAR: { name: 'Olympic Athletes from Russia', flag: null },
  URS: { name: 'Soviet Union', flag: null, aliases: ['USSR'] },
  EUN: { name: 'Unified Team', flag: null },
  GDR: { name: 'East Germany', flag: null, aliases: ['German Democratic Republic'] },
  FRG: { name: 'West Germany', flag: null },
  TCH: { name: 'Czechoslovakia', flag: null },
  YUG: { name: 'Yugoslavia', flag: null, aliases: ['Kingdom of Yugoslavia', 'FR Yugoslavia'] },
  SCG: { name: 'Serbia and Montenegro', flag: null },
  EUA: { name: 'United Team of Germany', flag: null },
  SAA: { name: 'Saar', flag: null },
  ANZ: { name: 'Australasia', flag: null },
  BOH: { name: 'Bohemia', flag: null },
  RU1: { name: 'Russian Empire', flag: null },
  IOP: { name: 'Independent Olympic Participants', flag: null },
  IOA: { name: 'Independent Olympic Athletes', flag: null },
};

/** The NOCs whose Olympic name is not the everyday name of a country today: each has its name per locale. */
export const OLYMPIC_NAME_CODES: readonly string[] = Object.keys(OLYMPIC_NAMES);

/** The English Olympic name of each of OLYMPIC_NAME_CODES. */
export function olympicName(code: string): string | undefined {
  return Object.hasOwn(OLYMPIC_NAMES, code) ? OLYMPIC_NAMES[code]?.name : undefined;
}

function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(TYPOGRAPHIC_APOSTROPHE, "'")
    .toLowerCase()
    .replace(/^the\s+/, '')
    .trim();
}

let tables: { byCode: Map<string, Noc>; byName: Map<string, string> } | null = null;

/** Built on first use: a start from a snapshot may never need a country name. */
function lookup(): { byCode: Map<string, Noc>; byName: Map<string, string> } {
  if (tables) return tables;
  // The package's ESM entry imports JSON without an import attribute, which Node 20 rejects.
  const countries = createRequire(import.meta.url)('world-countries/countries.json') as WorldCountry[];
  const byCode = new Map<string, Noc>();
  const byName = new Map<string, string>();
  for (const country of countries) {
    if (!country.cioc) continue;
    byCode.set(country.cioc, {
      code: country.cioc,
      name: country.name.common,
      flag: country.flag,
      region: country.cca2,
    });
    for (const name of [country.name.common, country.name.official, ...country.altSpellings]) {
      if (name.length > 3) byName.set(nameKey(name), country.cioc);
    }
  }
  for (const [code, extra] of Object.entries(OLYMPIC_NAMES)) {
    const known = byCode.get(code);
    byCode.set(code, {
      code,
      name: extra.name,
      flag: extra.flag === null ? null : (known?.flag ?? null),
      region: null,
    });
    for (const name of [extra.name, ...(extra.aliases ?? [])]) byName.set(nameKey(name), code);
  }
  tables = { byCode, byName };
  return tables;
}

/** The NOC for an IOC code, or a bare entry (code only) for a code no table knows. */
export function nocByCode(code: string): Noc {
  const upper = code.toUpperCase();
  return lookup().byCode.get(upper) ?? { code: upper, name: upper, flag: null, region: null };
}

/** True when a table knows `code` as an IOC code, current or historic. */
export function isKnownNoc(code: string): boolean {
  return lookup().byCode.has(code);
}

/** IOC code for a country name as prose writes it ("the Netherlands", "South Korea"), or null. */
export function nocFromCountryName(name: string): string | null {
  return lookup().byName.get(nameKey(name)) ?? null;
}

/** The IOC code a results row's Country cell gives: the code as written, or the country it names; else null. */
export function nocOfCountryCell(cell: string | null): string | null {
  if (cell === null || cell === '') return null;
  return /^[A-Z]{3}$/.test(cell) ? cell : nocFromCountryName(cell);
}

/** Every country name that `nocFromCountryName` recognises, longest first (for prose matching). */
export function knownCountryNames(): string[] {
  return [...lookup().byName.keys()].sort((a, b) => b.length - a.length);
}
