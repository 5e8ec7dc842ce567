import { LOCALES, RESOURCES } from '../i18n/index.js';
import type { BotLocale, Resource } from '../i18n/index.js';
import { foldName } from '../model/names.js';

// The words people type for rounds and events in every bot locale, read once from the resource files the
// replies are written from, so the words a reply shows are the words a user can type back. Every locale is
// read, not just the caller's: a Dutch client may be set to English, and an id is typed in any language.

function section(resource: Resource, name: string): Record<string, string> {
  const value = resource[name];
  if (typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The round id each `rounds.*` key stands for. */
const ROUND_OF_KEY: Record<string, string> = {
  heat: 'heat',
  heats: 'heat',
  quarterfinal: 'quarterfinal',
  quarterfinals: 'quarterfinal',
  semifinal: 'semifinal',
  semifinals: 'semifinal',
  final: 'final',
  finals: 'final',
  'final-a': 'final',
  'final-b': 'final-b',
  'final-c': 'final-c',
  'final-d': 'final-d',
  race: 'race',
};

/** The English words each `events.*` key stands for, as the event search reads English. */
const ENGLISH_OF_KEY: Record<string, string> = {
  men: 'men',
  women: 'women',
  mixed: 'mixed',
  'mass-start': 'mass start',
  'team-pursuit': 'team pursuit',
  'team-sprint': 'team sprint',
  relay: 'relay',
  metres: 'metres',
  'short-track': 'st',
  'long-track': 'lt',
};

/** A round word folded for comparison: "Quarter-finals" -> "quarterfinals", "준준결승" likewise folded. */
export function roundKey(text: string): string {
  return foldName(text).replace(/ /g, '');
}

/** Each locale's own round words (folded, spaces dropped) -> round id, to rank the caller's language first. */
export const ROUND_WORDS: ReadonlyMap<BotLocale, ReadonlyMap<string, string>> = new Map(
  LOCALES.map((locale) => {
    const words = new Map<string, string>();
    for (const [key, text] of Object.entries(section(RESOURCES[locale], 'rounds'))) {
      const id = ROUND_OF_KEY[key];
      const word = roundKey(text);
      if (id && word !== '' && !words.has(word)) words.set(word, id);
    }
    return [locale, words];
  }),
);

/**
 * Every locale's round words (folded, spaces dropped) -> round id. The first locale to claim a word keeps
 * it (English first), so one word never names two rounds.
 */
export const LOCALIZED_ROUNDS: ReadonlyMap<string, string> = (() => {
  const words = new Map<string, string>();
  for (const locale of LOCALES)
    for (const [word, id] of ROUND_WORDS.get(locale) ?? []) if (!words.has(word)) words.set(word, id);
  return words;
})();

/** Whether a folded phrase is written in words separated by spaces (Latin script), not CJK. */
const SPACED = /^[a-z0-9 ]+$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every locale's event words (gender, discipline, metres, sport), folded -> the English the index reads. */
export const LOCALIZED_EVENT_WORDS: ReadonlyMap<string, string> = (() => {
  const words = new Map<string, string>();
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(section(RESOURCES[locale], 'events'))) {
      // A context form ("men_distance", Italian "maschili") is typed for the same word.
      const english = ENGLISH_OF_KEY[key.replace(/_distance$/, '')];
      const word = foldName(text);
      if (english && word !== '' && !words.has(word)) words.set(word, english);
    }
  }
  return words;
})();

// One pass over a query: longest phrases first, so "halve finale" wins over "finale" and "준결승" over "결승".
// Spaced phrases match whole words only; CJK phrases match anywhere, as CJK is typed without spaces.
const EVENT_WORDS = new RegExp(
  [...LOCALIZED_EVENT_WORDS.keys()]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((word) => (SPACED.test(word) ? `(?<=^| )${escape(word)}(?= |$)` : escape(word)))
    .join('|'),
  'gu',
);

/** A folded query with each localized event word replaced by its English, e.g. "massastart mannen" -> "mass start men". */
export function englishEventWords(folded: string): string {
  return folded.replace(EVENT_WORDS, (word) => ` ${LOCALIZED_EVENT_WORDS.get(word) ?? word} `);
}
