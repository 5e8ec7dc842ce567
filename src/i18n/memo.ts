import type { BotLocale } from './index.js';
import type { Lang } from './lang.js';

/**
 * Values worked out once per data object and language. The data is never changed in place (a reload makes
 * new objects, and the old ones drop out with their entries), so what a reply shows of an object in one
 * language can be laid out once and handed out again; the locale is part of the key, so one language's
 * text never reaches a reader of another.
 */
export class LocaleMemo<K extends object, V> {
  private readonly byObject = new WeakMap<K, Map<BotLocale, V>>();

  get(object: K, lang: Lang, build: () => V): V {
    let byLocale = this.byObject.get(object);
    if (!byLocale) {
      byLocale = new Map();
      this.byObject.set(object, byLocale);
    }
    let value = byLocale.get(lang.locale);
    if (value === undefined) {
      value = build();
      byLocale.set(lang.locale, value);
    }
    return value;
  }
}
