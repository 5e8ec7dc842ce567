import type enUS from './locales/en-US.json';
import { BASE_LOCALE, LOCALES, translator } from './index.js';
import type { BotLocale } from './index.js';

/** Dotted paths to the strings of a resource, e.g. `replies.podium.title`. */
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A plural key without its `_one`/`_other` suffix: i18next picks the form from `count`. */
type Unplural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

/** The keys a reply may use (the command definitions read theirs in src/i18n/commands.ts). */
export type ReplyKey = Unplural<Exclude<Paths<typeof enUS>, `commands.${string}`>>;

export type Params = Record<string, string | number>;

/** One reader's language: the locale every reply is written in, and its translator. */
export interface Lang {
  readonly locale: BotLocale;
  t(key: ReplyKey, params?: Params): string;
}

const langs = new Map<BotLocale, Lang>();

/** Past this many distinct translations a locale's memo starts again, so odd params cannot grow it forever. */
const MEMO_LIMIT = 20_000;

/**
 * The memo's key for one call: the key alone, or the key with each param (numbers marked, since i18next
 * picks a plural form only for a number).
 */
function memoKey(key: string, params: Params | undefined): string {
  if (params === undefined) return key;
  let out = key;
  for (const name in params) {
    const value = params[name];
    out += typeof value === 'number' ? `\u0000${name}\u0001${value}` : `\u0000${name}\u0002${value}`;
  }
  return out;
}

/**
 * A locale's translator with every answer kept: the resources never change while the bot runs, and one
 * i18next call copies its whole options object, which made translating the larger part of a localized
 * reply's time and of its garbage.
 */
function memoisedT(locale: BotLocale): Lang['t'] {
  const fixed = translator().getFixedT(locale);
  const memo = new Map<string, string>();
  return (key, params) => {
    const id = memoKey(key, params);
    let text = memo.get(id);
    if (text === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      text = fixed(key, params ?? {});
      memo.set(id, text);
    }
    return text;
  };
}

/** The locale a Discord tag is answered in: one of ours, else English (en-GB included). */
export function botLocale(tag: string | null | undefined): BotLocale {
  return LOCALES.find((locale) => locale === tag) ?? BASE_LOCALE;
}

/** The language for a Discord locale tag; en-GB and any locale without a file are answered in en-US. */
export function langFor(tag: string | null | undefined): Lang {
  const locale = botLocale(tag);
  let lang = langs.get(locale);
  if (!lang) {
    lang = { locale, t: memoisedT(locale) };
    langs.set(locale, lang);
  }
  return lang;
}

/** English, the default of every renderer and the language of the logs. */
export const EN: Lang = langFor(BASE_LOCALE);

/** The first letter in upper case, as a heading starts (a no-op in scripts without case). */
export function capitalize(text: string, lang: Lang): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase(lang.locale) + text.slice(head.length);
}

/**
 * One Intl formatter per locale and kind: building one costs far more than formatting with it (ICU loads
 * the locale's patterns each time), so a reply never builds its own.
 */
function cachedFormatter<F>(build: (locale: BotLocale) => F): (lang: Lang) => F {
  const byLocale = new Map<BotLocale, F>();
  return (lang) => {
    let formatter = byLocale.get(lang.locale);
    if (formatter === undefined) {
      formatter = build(lang.locale);
      byLocale.set(lang.locale, formatter);
    }
    return formatter;
  };
}

const numberFormat = cachedFormatter((locale) => new Intl.NumberFormat(locale));
const dateFormat = cachedFormatter(
  (locale) =>
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

const regionNames = cachedFormatter((locale) => new Intl.DisplayNames(locale, { type: 'region' }));

/** A country or territory (ISO 3166 region code) as the locale names it, from the CLDR data Intl carries. */
export function regionName(region: string, lang: Lang): string | undefined {
  return regionNames(lang).of(region);
}

/** A whole number as the locale writes it (grouping included). */
export function formatNumber(n: number, lang: Lang): string {
  return numberFormat(lang).format(n);
}

/** Competition days (ISO dates) as the locale writes a date or a range of dates, in the venue's calendar. */
export function formatDates(isoDates: readonly string[], lang: Lang): string | null {
  const first = isoDates[0];
  const last = isoDates.at(-1);
  if (!first || !last) return null;
  const format = dateFormat(lang);
  const from = new Date(`${first}T00:00:00Z`);
  return first === last ? format.format(from) : format.formatRange(from, new Date(`${last}T00:00:00Z`));
}
