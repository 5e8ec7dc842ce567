import type { EventArticle, Heat, Round } from '../model/schemas.js';
import type { Choice } from '../app/types.js';
import type { Athlete } from '../search/index.js';
import { MAX_CHOICES, eventLabel } from '../search/index.js';
import { clip, nocLabel } from '../render/format.js';
import type { Dataset } from './dataset.js';
import { UserError } from './errors.js';
import { heatLabel, resolveHeat, resolveRound, suggestRounds } from './rounds.js';

const shown = (text: string) => `\`${clip(text.replace(/`/g, "'"), 80)}\``;

/** The event an option names, or a UserError listing the candidates or closest matches. */
export function resolveEventOption(data: Dataset, text: string): EventArticle {
  const result = data.events.resolve(text);
  if (result.kind === 'found') return result.value;
  if (result.kind === 'ambiguous') {
    throw new UserError(
      `${shown(text)} matches ${result.candidates.length} events. Pick one:`,
      result.candidates.map((e) => `\`${e.id}\` — ${eventLabel(e)}`),
    );
  }
  const suggestions = result.suggestions.length > 0 ? result.suggestions : data.events.suggest('', 5);
  throw new UserError(
    `No event matches ${shown(text)}.`,
    suggestions.map((e) => `\`${e.id}\` — ${eventLabel(e)}`),
  );
}

export function resolveRoundOption(event: EventArticle, text: string | null): Round {
  const result = resolveRound(event, text);
  if (result.kind === 'found') return result.value;
  const rounds = event.rounds.map((r) => `\`${r.id}\` — ${r.label}`);
  if (text === null || text.trim() === '')
    throw new UserError(`${event.eventName} has several rounds; choose one with \`round\`.`, rounds);
  throw new UserError(`${event.eventName} has no round ${shown(text)}.`, rounds);
}

export function resolveHeatOption(round: Round, n: number | null): Heat {
  const result = resolveHeat(round, n);
  if (result.kind === 'found') return result.value;
  const numbers = round.heats.map((h) => h.number).filter((x): x is number => x !== null);
  const range = numbers.length > 0 ? `heats ${numbers.join(', ')}` : 'a single race';
  const asked =
    n === null
      ? `${round.label} has ${range}; choose one with \`n\`.`
      : `${round.label} has no heat ${n}; it has ${range}.`;
  throw new UserError(
    asked,
    numbers.map((x) => `\`n:${x}\``),
  );
}

export function resolveAthleteOption(data: Dataset, text: string): Athlete {
  const result = data.athletes.resolve(text);
  if (result.kind === 'found') return result.value;
  const describe = (a: Athlete) =>
    `${a.name}${a.noc ? ` (${nocLabel(a.noc)})` : ''} — ${a.appearances[0]?.event.eventName ?? ''}`;
  if (result.kind === 'ambiguous') {
    throw new UserError(
      `${shown(text)} matches ${result.candidates.length} skaters. Which one?`,
      result.candidates.map(describe),
    );
  }
  throw new UserError(
    `No skater matches ${shown(text)}. Try a surname, or pick from the suggestions as you type.`,
  );
}

export function eventChoices(data: Dataset, typed: string): Choice[] {
  return data.events.suggest(typed, MAX_CHOICES).map((e) => ({ name: eventLabel(e), value: e.id }));
}

function eventFrom(data: Dataset, text: string | null): EventArticle | null {
  if (text === null || text.trim() === '') return null;
  const result = data.events.resolve(text);
  return result.kind === 'found' ? result.value : null;
}

/** Rounds of the chosen event only; nothing while the event is not yet clear. */
export function roundChoices(data: Dataset, eventText: string | null, typed: string): Choice[] {
  const event = eventFrom(data, eventText);
  if (!event) return [];
  return suggestRounds(event, typed)
    .slice(0, MAX_CHOICES)
    .map((r) => ({
      name: clip(`${r.label} (${r.heats.length === 1 ? 'one race' : `${r.heats.length} heats`})`, 100),
      value: r.id,
    }));
}

/** Heats of the chosen round only. */
export function heatChoices(
  data: Dataset,
  eventText: string | null,
  roundText: string | null,
  typed: string,
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
      return { name: clip(`${heatLabel(round.value, h)} — ${names}`, 100), value: h.number ?? 1 };
    });
}

export function athleteChoices(data: Dataset, typed: string): Choice[] {
  return data.athletes.suggest(typed, MAX_CHOICES).map((a) => {
    const events = new Set(a.appearances.map((x) => x.event.eventName));
    const noc = a.noc ? ` (${a.noc})` : '';
    return { name: clip(`${a.name}${noc} — ${[...events].join(', ')}`, 100), value: clip(a.id, 100) };
  });
}
