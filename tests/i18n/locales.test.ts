import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { APIApplicationCommandBasicOption, LocalizationMap } from 'discord.js';
import { loadCommands } from '../../src/app/registry.js';
import { BASE_LOCALE, LOCALES, RESOURCES, resourceKeys, translator } from '../../src/i18n/index.js';
import type { BotLocale, Resource } from '../../src/i18n/index.js';
import { RoundKind } from '../../src/model/schemas.js';
import { OLYMPIC_NAME_CODES, olympicName } from '../../src/model/countries.js';

const LOCALES_DIR = new URL('../../src/i18n/locales/', import.meta.url);
// Discord's rule for command and option names (docs, "Application Command Naming"), with lower case
// required wherever a letter has a lower-case form.
const DISCORD_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
// Discord's locale list (discord-api-types `Locale`) holds each of ours.
const DISCORD_LOCALES = new Set([
  'id',
  'da',
  'de',
  'en-GB',
  'en-US',
  'es-ES',
  'es-419',
  'fr',
  'hr',
  'it',
  'lt',
  'hu',
  'nl',
  'no',
  'pl',
  'pt-BR',
  'ro',
  'fi',
  'sv-SE',
  'vi',
  'tr',
  'cs',
  'el',
  'bg',
  'ru',
  'uk',
  'hi',
  'th',
  'zh-CN',
  'ja',
  'zh-TW',
  'ko',
]);

const commands = await loadCommands();
const base = RESOURCES[BASE_LOCALE];
const baseKeys = resourceKeys(base).sort();

function lookup(resource: Resource, key: string): string | undefined {
  let node: string | Resource | undefined = resource;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The keys the commands need: each command's, option's and choice's name and description. */
function keysUsedByCommands(): string[] {
  return [...commands.values()].flatMap((command) => {
    const json = command.data.toJSON();
    const key = `commands.${json.name}`;
    const options = (json.options ?? []) as APIApplicationCommandBasicOption[];
    return [
      `${key}.name`,
      `${key}.description`,
      ...options.flatMap((option) => {
        const optionKey = `${key}.options.${option.name}`;
        const choices = 'choices' in option ? (option.choices ?? []) : [];
        return [
          `${optionKey}.name`,
          `${optionKey}.description`,
          ...choices.map((c) => `${optionKey}.choices.${String(c.value)}`),
        ];
      }),
    ];
  });
}

const PLURAL = /_(?:zero|one|two|few|many|other)$/;
/**
 * The i18next contexts a locale may add to a word of en-US's where its grammar needs another form (Italian
 * "500 metri maschili" against "partenza in linea maschile"); a locale without one uses the word itself.
 */
const CONTEXT = /_distance$/;
const CONTEXT_WORDS = ['events.men', 'events.women', 'events.mixed'];

/**
 * The keys a locale must have: en-US's, with each plural key (`laps_one`, `laps_other`) in exactly the
 * forms the locale's plural rules use (Polish four, Japanese one).
 */
function expectedKeys(locale: BotLocale): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const plurals = new Set(baseKeys.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')));
  return [
    ...baseKeys.filter((key) => !PLURAL.test(key)),
    ...[...plurals].flatMap((key) => categories.map((category) => `${key}_${category}`)),
  ].sort();
}

/** Every quoted string in the code under `dir` (src/, commands/), where reply keys are written out whole. */
function quotedStrings(dir: URL): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/(['"`])([\w.-]+)\1/g)) if (match[2]) found.add(match[2]);
  }
  return found;
}

describe('i18n', () => {
  describe('resource files', () => {
    it('has one file per locale, and no file the code does not load', () => {
      const files = readdirSync(LOCALES_DIR).sort();
      expect(files).toStrictEqual(LOCALES.map((locale) => `${locale}.json`).sort());
      for (const locale of LOCALES) expect(DISCORD_LOCALES.has(locale), locale).toBe(true);
    });

    it.each(LOCALES.filter((l) => l !== BASE_LOCALE))('%s has exactly the keys of en-US', (locale) => {
      const all = resourceKeys(RESOURCES[locale]).sort();
      const contexts = all.filter((key) => CONTEXT.test(key));
      expect(contexts.filter((key) => !CONTEXT_WORDS.includes(key.replace(CONTEXT, '')))).toStrictEqual([]);
      const keys = all.filter((key) => !CONTEXT.test(key));
      const expected = expectedKeys(locale);
      const missing = expected.filter((key) => !keys.includes(key));
      const unknown = keys.filter((key) => !expected.includes(key));
      expect({ missing, unknown }).toStrictEqual({ missing: [], unknown: [] });
      for (const key of keys) expect(lookup(RESOURCES[locale], key)?.trim(), `${locale} ${key}`).not.toBe('');
    });

    it.each(LOCALES)('%s is the file on disk, parsed', (locale) => {
      const text = readFileSync(new URL(`${locale}.json`, LOCALES_DIR), 'utf8');
      expect(JSON.parse(text)).toStrictEqual(RESOURCES[locale]);
    });

    it('uses every key outside `commands` in the code, written out whole (a key no reply reads fails)', () => {
      const quoted = new Set([
        ...quotedStrings(new URL('../../src/', import.meta.url)),
        ...quotedStrings(new URL('../../commands/', import.meta.url)),
      ]);
      // `countries.*` is read as `countries.${code}`: the next test holds it to the model's codes.
      const replyKeys = new Set(
        baseKeys
          .filter((key) => !key.startsWith('commands.') && !key.startsWith('countries.'))
          .map((key) => key.replace(PLURAL, '')),
      );
      expect([...replyKeys].filter((key) => !quoted.has(key))).toStrictEqual([]);
      expect(replyKeys.size).toBeGreaterThan(100);
    });

    it('names exactly the NOCs whose Olympic name is not a country’s, in en-US as the model states them', () => {
      const countries = baseKeys.filter((key) => key.startsWith('countries.')).map((key) => key.slice(10));
      expect(countries.sort()).toStrictEqual([...OLYMPIC_NAME_CODES].sort());
      for (const code of countries) expect(lookup(base, `countries.${code}`), code).toBe(olympicName(code));
    });

    it.each(LOCALES)('%s keeps every {{placeholder}} of en-US in each reply string', (locale) => {
      const placeholders = (text: string | undefined) =>
        [...(text ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const key of expectedKeys(locale)) {
        if (key.startsWith('commands.')) continue;
        const english = lookup(base, PLURAL.test(key) ? key.replace(PLURAL, '_other') : key);
        const own = placeholders(lookup(RESOURCES[locale], key));
        // Only the words a locale leaves out may go (ko writes "1000m" without the word for metres).
        const optional = new Set(['metres', 'relay', 'count']);
        const required = placeholders(english).filter((name) => !optional.has(name!));
        for (const name of required) expect(own, `${locale} ${key}`).toContain(name);
        for (const name of own) expect(placeholders(english), `${locale} ${key}`).toContain(name);
      }
    });

    it('has a command key for every command, option and choice, and none for anything else', () => {
      const commandKeys = baseKeys.filter((key) => key.startsWith('commands.'));
      expect(commandKeys).toStrictEqual(keysUsedByCommands().sort());
    });

    it('states in en-US exactly the English each command registers', () => {
      for (const command of commands.values()) {
        const json = command.data.toJSON();
        const key = `commands.${json.name}`;
        expect(lookup(base, `${key}.name`)).toBe(json.name);
        expect(lookup(base, `${key}.description`)).toBe(json.description);
        for (const option of (json.options ?? []) as APIApplicationCommandBasicOption[]) {
          expect(lookup(base, `${key}.options.${option.name}.name`)).toBe(option.name);
          expect(lookup(base, `${key}.options.${option.name}.description`)).toBe(option.description);
        }
      }
    });

    it('names every round kind a user can type, in singular and plural', () => {
      const kinds = RoundKind.options.filter((k) => k !== 'other');
      const rounds = baseKeys.filter((key) => key.startsWith('rounds.')).map((key) => key.slice(7));
      for (const kind of kinds) {
        const word = kind === 'final' ? 'final-a' : kind;
        expect(rounds, kind).toContain(word);
      }
      for (const plural of ['heats', 'quarterfinals', 'semifinals', 'finals'])
        expect(rounds).toContain(plural);
    });

    it('uses the sport’s own words', () => {
      const t = translator();
      expect(t.t('rounds.quarterfinal', { lng: 'nl' })).toBe('kwartfinale');
      expect(t.t('events.mass-start', { lng: 'nl' })).toBe('massastart');
      expect(t.t('rounds.quarterfinal', { lng: 'ko' })).toBe('준준결승');
      expect(t.t('rounds.quarterfinal', { lng: 'ja' })).toBe('準々決勝');
      expect(t.t('rounds.quarterfinal', { lng: 'zh-CN' })).toBe('四分之一决赛');
    });

    it('falls back to en-US for en-GB and for a locale it does not have', () => {
      const t = translator();
      expect(t.t('rounds.semifinals', { lng: 'en-GB' })).toBe('semifinals');
      expect(t.t('rounds.semifinals', { lng: 'sv-SE' })).toBe('semifinals');
    });
  });

  describe('localized command definitions', () => {
    const table = [...commands.values()].map((c) => [c.data.name, c.data.toJSON()] as const);

    /** The locales whose resource gives `key` a value other than the English default. */
    function differing(key: string, english: string): string[] {
      return LOCALES.filter((l) => l !== BASE_LOCALE && lookup(RESOURCES[l], key) !== english).sort();
    }

    interface Localized {
      name: string;
      description: string;
      name_localizations?: LocalizationMap | null;
      description_localizations?: LocalizationMap | null;
    }

    function expectLocalized(what: string, key: string, item: Localized) {
      const names = item.name_localizations;
      const descriptions = item.description_localizations;
      // A value equal to the default is left out: Discord shows the default for that locale anyway.
      expect(Object.keys(names ?? {}).sort(), `${what} names`).toStrictEqual(
        differing(`${key}.name`, item.name),
      );
      expect(Object.keys(descriptions ?? {}).sort(), `${what} descriptions`).toStrictEqual(
        differing(`${key}.description`, item.description),
      );
      for (const [locale, name] of Object.entries(names ?? {})) {
        expect(name, `${what} ${locale}`).toBe(lookup(RESOURCES[locale as BotLocale], `${key}.name`));
        expect(name, `${what} ${locale}`).toMatch(DISCORD_NAME);
        expect(name, `${what} ${locale} is lower case`).toBe(name!.toLocaleLowerCase(locale));
      }
      for (const [locale, description] of Object.entries(descriptions ?? {})) {
        expect(description!.length, `${what} ${locale}`).toBeGreaterThan(0);
        expect(description!.length, `${what} ${locale}`).toBeLessThanOrEqual(100);
      }
    }

    it.each(table)('/%s has a valid name and description in every locale', (name, json) => {
      expectLocalized(`/${name}`, `commands.${name}`, json);
      const options = (json.options ?? []) as APIApplicationCommandBasicOption[];
      for (const option of options)
        expectLocalized(`/${name} ${option.name}`, `commands.${name}.options.${option.name}`, option);
      // Two options of one command must not share a name in any locale.
      for (const locale of LOCALES.filter((l) => l !== BASE_LOCALE)) {
        const localized = options.map((o) => o.name_localizations?.[locale] ?? o.name);
        expect(new Set(localized).size, `/${name} in ${locale}`).toBe(localized.length);
      }
    });

    it('gives no two commands the same name in any locale', () => {
      for (const locale of LOCALES.filter((l) => l !== BASE_LOCALE)) {
        const names = table.map(([, json]) => json.name_localizations?.[locale] ?? json.name);
        expect(new Set(names).size, locale).toBe(names.length);
      }
    });
  });
});
