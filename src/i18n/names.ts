import type { EventArticle, Heat, Round, Sport } from '../model/schemas.js';
import { distanceLabel } from '../domain/bests.js';
import { eventLabel } from '../search/events.js';
import { heatLabel as englishHeatLabel } from '../domain/rounds.js';
import type { Lang, ReplyKey } from './lang.js';
import { EN, capitalize } from './lang.js';
import { LocaleMemo } from './memo.js';

// English replies show the article's own words (the tests and the articles agree on them); every other
// language composes names from the event's structure, so no article needs translating.
const english = (lang: Lang) => lang.locale === EN.locale;

const DISCIPLINES: Record<string, ReplyKey> = {
  'mass-start': 'events.mass-start',
  'team-pursuit': 'events.team-pursuit',
  'team-sprint': 'events.team-sprint',
};
const GENDERS: Record<string, ReplyKey> = { men: 'events.men', women: 'events.women', mixed: 'events.mixed' };
const DISTANCE = /^(?<n>\d+)m(?<relay>-relay)?$/;

/** Whether the discipline is a distance ("500 metres"): a plural noun, where a language makes the gender agree. */
function isDistance(discipline: string): boolean {
  const distance = DISTANCE.exec(discipline)?.groups;
  return distance?.n !== undefined && distance.relay === undefined;
}

function disciplineName(discipline: string, lang: Lang): string | null {
  const key = DISCIPLINES[discipline];
  if (key) return lang.t(key);
  const distance = DISTANCE.exec(discipline)?.groups;
  if (!distance?.n) return null;
  const params = { n: distance.n, metres: lang.t('events.metres'), relay: lang.t('events.relay') };
  return lang.t(distance.relay ? 'names.relay' : 'names.distance', params);
}

const eventNames = new LocaleMemo<EventArticle, string>();
const gamesNames = new LocaleMemo<EventArticle, string>();

/** The event in the reader's language, e.g. nl "Massastart mannen", "1000 meter mannen (shorttrack)". */
export function eventName(event: EventArticle, lang: Lang = EN): string {
  if (english(lang)) return event.eventName;
  return eventNames.get(event, lang, () => composeEventName(event, lang));
}

function composeEventName(event: EventArticle, lang: Lang): string {
  const discipline = disciplineName(event.discipline, lang);
  // A discipline the bot has no words for is shown as the article names it.
  if (discipline === null) return event.eventName;
  const gender = event.gender ? GENDERS[event.gender] : undefined;
  const name = gender
    ? lang.t('names.event', {
        discipline,
        // Italian writes "500 metri maschili" but "partenza in linea maschile": the `distance` context
        // (events.men_distance) holds the form that agrees with a distance, in a locale that has one.
        gender: lang.t(gender, isDistance(event.discipline) ? { context: 'distance' } : undefined),
      })
    : lang.t('names.eventNoGender', { discipline });
  const full =
    event.sport === 'short-track'
      ? lang.t('names.shortTrack', { name, shortTrack: lang.t('events.short-track') })
      : name;
  return capitalize(full, lang);
}

/** The Games, e.g. "2026 Winter Olympics", nl "Olympische Winterspelen 2026". */
export function gamesName(event: EventArticle, lang: Lang = EN): string {
  if (english(lang)) return event.games.label;
  return gamesNames.get(event, lang, () =>
    lang.t(event.games.season === 'Winter' ? 'names.winterGames' : 'names.summerGames', {
      year: event.games.year,
    }),
  );
}

/** The sport in a few words: "short track" or "speed skating". */
export function sportWord(event: EventArticle, lang: Lang = EN): string {
  if (english(lang)) return event.sport === 'short-track' ? 'short track' : 'speed skating';
  return lang.t(event.sport === 'short-track' ? 'events.short-track' : 'events.long-track');
}

const FINALS: Record<string, ReplyKey> = {
  'final-b': 'rounds.final-b',
  'final-c': 'rounds.final-c',
  'final-d': 'rounds.final-d',
};

/** The word for a round: plural for a round of several heats ("Quarterfinals"), singular for one heat. */
function roundWord(round: Round, plural: boolean, lang: Lang): string | null {
  switch (round.kind) {
    case 'heat':
      return lang.t(plural ? 'rounds.heats' : 'rounds.heat');
    case 'quarterfinal':
      return lang.t(plural ? 'rounds.quarterfinals' : 'rounds.quarterfinal');
    case 'semifinal':
      return lang.t(plural ? 'rounds.semifinals' : 'rounds.semifinal');
    case 'final':
      if (/\bA$/.test(round.label)) return lang.t('rounds.final-a');
      return lang.t(/finals$/i.test(round.label) ? 'rounds.finals' : 'rounds.final');
    case 'race':
      return lang.t('rounds.race');
    case 'other':
      return null;
    default:
      return lang.t(FINALS[round.kind] ?? 'rounds.final');
  }
}

/** A round's heading, e.g. "Quarterfinals"; a round the bot has no word for keeps the article's heading. */
export function roundName(round: Round, lang: Lang = EN): string {
  if (english(lang)) return round.label;
  const word = roundWord(round, round.heats.length > 1, lang);
  return word === null ? round.label : capitalize(word, lang);
}

/** A round with its heat, e.g. "Quarterfinals, heat 3", nl "Kwartfinale 3", ko "준준결승 3조". */
export function heatName(round: Round, heat: Heat, lang: Lang = EN): string {
  if (english(lang)) return englishHeatLabel(round, heat);
  if (heat.number === null || round.heats.length === 1) return roundName(round, lang);
  const word = roundWord(round, false, lang);
  if (word === null) return lang.t('names.heat', { round: round.label, n: heat.number });
  return lang.t('names.heat', { round: capitalize(word, lang), n: heat.number });
}

/** The sport as the title writes it ("Short-track speed skating"), or in the reader's words. */
export function sportName(event: EventArticle, lang: Lang = EN): string {
  return english(lang) ? event.sportLabel : capitalize(sportWord(event, lang), lang);
}

/** A distance a skater has a best over, e.g. "1000 m (short track)", nl "1000 meter (shorttrack)". */
export function distanceName(sport: Sport, discipline: string, lang: Lang = EN): string {
  if (english(lang)) return distanceLabel(sport, discipline);
  const name = disciplineName(discipline, lang) ?? discipline;
  const full =
    sport === 'short-track'
      ? lang.t('names.shortTrack', { name, shortTrack: lang.t('events.short-track') })
      : name;
  return capitalize(full, lang);
}

/** An event in a list of suggestions, e.g. "2026 · Men's mass start (speed skating)". */
export function eventLine(event: EventArticle, lang: Lang = EN): string {
  if (english(lang)) return eventLabel(event);
  const sport = event.sport === 'short-track' ? '' : ` (${sportWord(event, lang)})`;
  return `${event.games.year} · ${eventName(event, lang)}${sport}`.slice(0, 100);
}
