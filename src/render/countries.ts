import { nocByCode, olympicName } from '../model/countries.js';
import type { Lang, ReplyKey } from '../i18n/lang.js';
import { EN, regionName } from '../i18n/lang.js';

/**
 * A NOC's name in the reader's language: the Olympic name of a historic or special NOC from the resource
 * files (`countries.URS`), a country's everyday name from the CLDR names Intl carries, and the code itself
 * for a NOC no table knows. English keeps the names the model states.
 */
export function countryName(code: string, lang: Lang = EN): string {
  const noc = nocByCode(code);
  if (lang.locale === EN.locale) return noc.name;
  if (olympicName(noc.code) !== undefined) return lang.t(`countries.${noc.code}` as ReplyKey);
  return (noc.region !== null ? regionName(noc.region, lang) : undefined) ?? noc.name;
}
