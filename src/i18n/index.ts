import i18next from 'i18next';
import type { i18n } from 'i18next';
import de from './locales/de.json' with { type: 'json' };
import enUS from './locales/en-US.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import it from './locales/it.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import ko from './locales/ko.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };
import no from './locales/no.json' with { type: 'json' };
import pl from './locales/pl.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };

/** The base locale: every key is written here first, and every other locale falls back to it. */
export const BASE_LOCALE = 'en-US';

/** The locales with a resource file of their own, as Discord names them. */
export const LOCALES = ['en-US', 'nl', 'de', 'it', 'fr', 'no', 'pl', 'ja', 'ko', 'zh-CN'] as const;
export type BotLocale = (typeof LOCALES)[number];

/** The shape of a resource file: nested objects of strings (see locales/en-US.json). */
export interface Resource {
  [key: string]: string | Resource;
}

/** Each locale's resource file. `en-GB` has none: Discord and i18next fall back to the base for it. */
export const RESOURCES: Readonly<Record<BotLocale, Resource>> = {
  'en-US': enUS,
  nl,
  de,
  it,
  fr,
  no,
  pl,
  ja,
  ko,
  'zh-CN': zhCN,
};

let instance: i18n | undefined;

/**
 * The translator, initialised once and synchronously (the resources are bundled, nothing to fetch).
 * A string missing in a locale comes from the base, so a gap shows English rather than a key.
 */
export function translator(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    resources: Object.fromEntries(
      Object.entries(RESOURCES).map(([locale, resource]) => [locale, { translation: resource }]),
    ),
    lng: BASE_LOCALE,
    supportedLngs: [...LOCALES, 'en-GB'],
    fallbackLng: { 'en-GB': [BASE_LOCALE], default: [BASE_LOCALE] },
    // zh-CN is a locale of its own here, not a region of zh.
    load: 'currentOnly',
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  instance = created;
  return created;
}

/** Every key of a resource as a dotted path, e.g. `commands.heat.options.round.name`. */
export function resourceKeys(resource: Resource, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : resourceKeys(value, `${prefix}${key}.`),
  );
}
