import type { EventArticle, Heat, Round } from '../model/schemas.js';
import type { Resolution } from '../search/resolution.js';
import { LOCALIZED_ROUNDS, ROUND_WORDS, roundKey } from '../search/words.js';
import { BASE_LOCALE } from '../i18n/index.js';
import type { BotLocale } from '../i18n/index.js';

// What people type for a round, folded: singular or plural, with or without the hyphen, short forms.
const ROUND_ALIASES: Record<string, string> = {
  heat: 'heat',
  heats: 'heat',
  h: 'heat',
  round1: 'heat',
  firstround: 'heat',
  qf: 'quarterfinal',
  quarter: 'quarterfinal',
  quarters: 'quarterfinal',
  quarterfinal: 'quarterfinal',
  quarterfinals: 'quarterfinal',
  sf: 'semifinal',
  semi: 'semifinal',
  semis: 'semifinal',
  semifinal: 'semifinal',
  semifinals: 'semifinal',
  final: 'final',
  finals: 'final',
  finala: 'final',
  afinal: 'final',
  fa: 'final',
  a: 'final',
  finalb: 'final-b',
  bfinal: 'final-b',
  fb: 'final-b',
  b: 'final-b',
  finalc: 'final-c',
  finald: 'final-d',
  race: 'race',
};

/** The round id a folded word names: an English short form, or a round word of any bot locale. */
function aliasOf(key: string): string | undefined {
  return (Object.hasOwn(ROUND_ALIASES, key) ? ROUND_ALIASES[key] : undefined) ?? LOCALIZED_ROUNDS.get(key);
}

/** The round ids whose words start with a partly typed word ("kwartf" -> quarterfinal), in `words`. */
function idsStartingWith(key: string, words: ReadonlyMap<string, string>): Set<string> {
  const ids = new Set<string>();
  for (const [word, id] of words) if (word.startsWith(key)) ids.add(id);
  return ids;
}

/**
 * How well a round matches a typed word, best first: a word of the caller's language (0), an English word,
 * id or the article's heading (1), a word of another language (2), nothing (3). The same letters can
 * start round words in two languages ("se": Dutch "serie", English "semifinal").
 */
function roundRanker(query: string, locale: BotLocale): (round: Round) => number {
  const key = roundKey(query);
  const alias = aliasOf(key);
  // A word that is already an alias ("b") is not also read as the start of another language's word.
  const own =
    alias === undefined && locale !== BASE_LOCALE
      ? idsStartingWith(key, ROUND_WORDS.get(locale) ?? new Map())
      : new Set<string>();
  const localized = alias === undefined ? idsStartingWith(key, LOCALIZED_ROUNDS) : new Set<string>();
  return (r) => {
    if (own.has(r.id)) return 0;
    if (r.id === alias || roundKey(r.id).startsWith(key) || roundKey(r.label).startsWith(key)) return 1;
    return localized.has(r.id) ? 2 : 3;
  };
}

/** The event's rounds, those the typed word matches first (the caller's language before others), in order. */
export function rankRounds(event: EventArticle, query: string, locale: BotLocale = BASE_LOCALE): Round[] {
  if (roundKey(query) === '') return [...event.rounds];
  const rank = roundRanker(query, locale);
  return event.rounds
    .map((round, i) => ({ round, i, score: rank(round) }))
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .map(({ round }) => round);
}

/**
 * The round of an event that `query` names. With no query, an event with a single round resolves to it;
 * `final` also finds a single race (long-track distances have no rounds).
 */
export function resolveRound(event: EventArticle, query: string | null): Resolution<Round> {
  const rounds = event.rounds;
  if (query === null || query.trim() === '') {
    return rounds.length === 1 && rounds[0]
      ? { kind: 'found', value: rounds[0] }
      : { kind: 'missing', suggestions: rounds };
  }
  const key = roundKey(query);
  const id = aliasOf(key) ?? key;
  const found =
    rounds.find((round) => round.id === id || roundKey(round.id) === key || roundKey(round.label) === key) ??
    (id === 'final' || id === 'race' ? rounds.find((round) => round.kind === 'race') : undefined);
  return found ? { kind: 'found', value: found } : { kind: 'missing', suggestions: rounds };
}

/**
 * Autocomplete for rounds of one event: those a typed word starts, the caller's language first; every
 * round when it starts none.
 */
export function suggestRounds(event: EventArticle, query: string, locale: BotLocale = BASE_LOCALE): Round[] {
  if (roundKey(query) === '') return event.rounds;
  const rank = roundRanker(query, locale);
  const starts = rankRounds(event, query, locale).filter((round) => rank(round) < 3);
  return starts.length > 0 ? starts : event.rounds;
}

/** Heat `n` of a round; n may be omitted (or 1) when the round is a single race. */
export function resolveHeat(round: Round, n: number | null): Resolution<Heat> {
  if (round.heats.length === 1 && round.heats[0] && (n === null || n === 1 || round.heats[0].number === n)) {
    return { kind: 'found', value: round.heats[0] };
  }
  const heat = n === null ? undefined : round.heats.find((h) => h.number === n);
  return heat ? { kind: 'found', value: heat } : { kind: 'missing', suggestions: round.heats };
}

/** A round's display name with its heat, e.g. "Quarterfinals, heat 3". */
export function heatLabel(round: Round, heat: Heat): string {
  return heat.number === null || round.heats.length === 1
    ? round.label
    : `${round.label}, heat ${heat.number}`;
}
