import type { EventArticle, Heat, Round } from '../model/schemas.js';
import type { Choice } from './types.js';
import type { Athlete } from '../search/index.js';
import { MAX_CHOICES, eventLabel } from '../search/index.js';
import { clip, nocLabel } from '../render/format.js';
import type { Dataset } from '../domain/dataset.js';
import { UserError } from '../domain/errors.js';
import { rankRounds, resolveHeat, resolveRound, suggestRounds } from '../domain/rounds.js';
import { eventLine, eventName, heatName, roundName } from '../i18n/names.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

const shown = (text: string) => `\`${clip(text.replace(/`/g, "'"), 80)}\``;

/** The event an option names, or a UserError listing the candidates or closest matches. */
export function resolveEventOption(data: Dataset, text: string): EventArticle {
  const result = data.events.resolve(text);
  if (result.kind === 'found') return result.value;
  if (result.kind === 'ambiguous') {
    const { candidates } = result;
    throw UserError.localized((lang) => ({
      message: lang.t('errors.eventAmbiguous', { text: shown(text), count: candidates.length }),
      suggestions: candidates.map((e) => `\`${e.id}\` — ${eventLine(e, lang)}`),
    }));
  }
  const suggestions = result.suggestions.length > 0 ? result.suggestions : data.events.suggest('', 5);
  throw UserError.localized((lang) => ({
    message: lang.t('errors.eventUnknown', { text: shown(text) }),
    suggestions: suggestions.map((e) => `\`${e.id}\` — ${eventLine(e, lang)}`),
  }));
}

export function resolveRoundOption(event: EventArticle, text: string | null): Round {
  const result = resolveRound(event, text);
  if (result.kind === 'found') return result.value;
  const needed = text === null || text.trim() === '';
  throw UserError.localized((lang) => ({
    message: needed
      ? lang.t('errors.roundNeeded', { event: eventName(event, lang) })
      : lang.t('errors.roundUnknown', { event: eventName(event, lang), text: shown(text) }),
    // The rounds the typed word starts come first, in the caller's language before others.
    suggestions: rankRounds(event, text ?? '', lang.locale).map((r) => `\`${r.id}\` — ${roundName(r, lang)}`),
  }));
}

export function resolveHeatOption(round: Round, n: number | null): Heat {
  const result = resolveHeat(round, n);
  if (result.kind === 'found') return result.value;
  const numbers = round.heats.map((h) => h.number).filter((x): x is number => x !== null);
  throw UserError.localized((lang) => {
    const range =
      numbers.length > 0
        ? lang.t('errors.heats', { numbers: numbers.join(', ') })
        : lang.t('errors.singleRace');
    const name = roundName(round, lang);
    return {
      message:
        n === null
          ? lang.t('errors.heatNeeded', { round: name, range })
          : lang.t('errors.heatUnknown', { round: name, n, range }),
      suggestions: numbers.map((x) => `\`n:${x}\``),
    };
  });
}

export function resolveAthleteOption(data: Dataset, text: string): Athlete {
  const result = data.athletes.resolve(text);
  if (result.kind === 'found') return result.value;
  const describe = (a: Athlete, lang: Lang) => {
    const event = a.appearances[0]?.event;
    return `${a.name}${a.noc ? ` (${nocLabel(a.noc)})` : ''} — ${event ? eventName(event, lang) : ''}`;
  };
  if (result.kind === 'ambiguous') {
    const { candidates } = result;
    throw UserError.localized((lang) => ({
      message: lang.t('errors.athleteAmbiguous', { text: shown(text), count: candidates.length }),
      suggestions: candidates.map((a) => describe(a, lang)),
    }));
  }
  throw UserError.localized((lang) => ({ message: lang.t('errors.athleteUnknown', { text: shown(text) }) }));
}

/** Choices name events in the caller's language; the values stay canonical ids, whatever was typed. */
export function eventChoices(data: Dataset, typed: string, lang: Lang = EN): Choice[] {
  return data.events
    .suggest(typed, MAX_CHOICES, lang.locale)
    .map((e) => ({ name: lang.locale === EN.locale ? eventLabel(e) : eventLine(e, lang), value: e.id }));
}

function roundChoiceName(round: Round, lang: Lang): string {
  const count = round.heats.length;
  if (lang.locale === EN.locale) return `${round.label} (${count === 1 ? 'one race' : `${count} heats`})`;
  const size = count === 1 ? lang.t('errors.singleRace') : lang.t('replies.results.heats', { count });
  return `${roundName(round, lang)} (${size})`;
}

function eventFrom(data: Dataset, text: string | null): EventArticle | null {
  if (text === null || text.trim() === '') return null;
  const result = data.events.resolve(text);
  return result.kind === 'found' ? result.value : null;
}

/** Rounds of the chosen event only; nothing while the event is not yet clear. */
export function roundChoices(
  data: Dataset,
  eventText: string | null,
  typed: string,
  lang: Lang = EN,
): Choice[] {
  const event = eventFrom(data, eventText);
  if (!event) return [];
  return suggestRounds(event, typed, lang.locale)
    .slice(0, MAX_CHOICES)
    .map((r) => ({ name: clip(roundChoiceName(r, lang), 100), value: r.id }));
}

/** Heats of the chosen round only. */
export function heatChoices(
  data: Dataset,
  eventText: string | null,
  roundText: string | null,
  typed: string,
  lang: Lang = EN,
): Choice[] {
  const event = eventFrom(data, eventText);
  if (!event) return [];
  const round = resolveRound(event, roundText);
  if (round.kind !== 'found') return [];
  return round.value.heats
    .filter((h) => h.number !== null && String(h.number).startsWith(typed.trim()))
    .slice(0, MAX_CHOICES)
    .map((h) => {
      const names = h.rows
        .slice(0, 3)
        .map((r) => r.name)
        .join(', ');
      return { name: clip(`${heatName(round.value, h, lang)} — ${names}`, 100), value: h.number ?? 1 };
    });
}

/**
 * Skaters with their events in the caller's language; events that would not fit a choice's 100 characters
 * are counted ("+2 events") rather than cut off mid-name.
 */
export function athleteChoices(data: Dataset, typed: string, lang: Lang = EN): Choice[] {
  return data.athletes.suggest(typed, MAX_CHOICES).map((a) => {
    const events = [...new Set(a.appearances.map((x) => eventName(x.event, lang)))];
    const head = `${a.name}${a.noc ? ` (${a.noc})` : ''} — `;
    let shown = events.length;
    const label = () => {
      const rest = events.length - shown;
      const more = rest > 0 ? lang.t('replies.choices.moreEvents', { count: rest }) : '';
      return `${head}${[...events.slice(0, shown), ...(more ? [more] : [])].join(', ')}`;
    };
    while (shown > 1 && label().length > 100) shown--;
    return { name: clip(label(), 100), value: clip(a.id, 100) };
  });
}
