import type { LocalizationMap } from 'discord.js';
import { BASE_LOCALE, LOCALES, translator } from './index.js';

/** What a command or option builder offers for localization (SlashCommandBuilder and its option builders). */
interface Localizable {
  readonly name: string;
  readonly description: string;
  setNameLocalizations(map: LocalizationMap | null): unknown;
  setDescriptionLocalizations(map: LocalizationMap | null): unknown;
}

interface OptionLike extends Localizable {
  readonly choices?: Array<{
    name: string;
    value: string | number;
    name_localizations?: LocalizationMap | null;
  }>;
}

interface CommandLike extends Localizable {
  readonly options: readonly unknown[];
}

/**
 * `key` in every locale but the base, leaving out a value equal to the default: Discord shows the default
 * for a locale without one, and drops such a value, so the registered set would never look current.
 */
function localizations(key: string, fallback: string): LocalizationMap {
  const t = translator();
  const map: LocalizationMap = {};
  for (const locale of LOCALES) {
    if (locale === BASE_LOCALE) continue;
    // The resource as written: command words have no interpolation or plurals, and a lookup is a
    // fraction of what t() costs for the ~1,500 of them read at every start.
    const value: unknown = t.getResource(locale, 'translation', key);
    if (typeof value === 'string' && value !== fallback) map[locale] = value;
  }
  return map;
}

function localize(item: Localizable, key: string): void {
  item.setNameLocalizations(localizations(`${key}.name`, item.name));
  item.setDescriptionLocalizations(localizations(`${key}.description`, item.description));
}

/**
 * Sets the name and description of the command, of each option and of each choice in every locale, from
 * the resource files (`commands.<command>.options.<option>.choices.<value>`). Returns the builder.
 */
export function localizeCommand<T extends CommandLike>(command: T): T {
  const key = `commands.${command.name}`;
  localize(command, key);
  for (const option of command.options as OptionLike[]) {
    const optionKey = `${key}.options.${option.name}`;
    localize(option, optionKey);
    for (const choice of option.choices ?? [])
      choice.name_localizations = localizations(`${optionKey}.choices.${String(choice.value)}`, choice.name);
  }
  return command;
}
