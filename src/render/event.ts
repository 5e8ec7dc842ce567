import type { APIEmbedField } from 'discord.js';
import type { EventArticle, Round } from '../model/schemas.js';
import type { Podium } from '../domain/index.js';
import { embedLength } from './limits.js';
import {
  BRAND_COLOUR,
  MEDAL_EMOJI,
  clip,
  clipWords,
  competitionDates,
  eventTitle,
  mdSafe,
  nocLabel,
  sourceFooter,
} from './format.js';
import type { Reply } from './reply.js';

const PROSE_SECTIONS = /^(?:background|summary)$/i;
const MAX_LEAD = 2048;

function isFinal(round: Round): boolean {
  return round.kind === 'final' || round.kind.startsWith('final-');
}

/** "Heats (8) → Quarterfinals (4) → Semifinals (2) → Final B, Final A": finals raced side by side share a step. */
export function formatLine(rounds: readonly Round[]): string {
  if (rounds.length === 0) return 'No results tables in the article';
  if (rounds.length === 1 && rounds[0]?.kind === 'race') return 'A single race';
  const steps: string[][] = [];
  rounds.forEach((round, i) => {
    const label = round.heats.length > 1 ? `${round.label} (${round.heats.length})` : round.label;
    const previous = rounds[i - 1];
    const step = steps.at(-1);
    if (step && previous && isFinal(previous) && isFinal(round)) step.push(label);
    else steps.push([label]);
  });
  return steps.map((step) => step.join(', ')).join(' → ');
}

function competitorsLine(event: EventArticle): string | null {
  const first = event.rounds[0];
  const counted = first ? new Set(first.heats.flatMap((h) => h.rows.map((r) => r.athleteId))).size : null;
  const skaters = event.infobox?.competitors ?? counted;
  if (skaters === null || skaters === 0) return null;
  const nations = event.infobox?.nations;
  const people = `${skaters} skater${skaters === 1 ? '' : 's'}`;
  return nations ? `${people} from ${nations} nation${nations === 1 ? '' : 's'}` : people;
}

function winningValue({ win }: Podium): string | null {
  if (!win || win.value.kind === 'other') return null;
  if (win.value.kind === 'points') return `${win.label}: **${win.value.points}**`;
  return `${win.label}: **${win.from === 'infobox' ? mdSafe(win.value.text) : win.value.text}**`;
}

function winnerField(podium: Podium): APIEmbedField {
  const golds = podium.places.filter((place) => place.medal === 'gold');
  const first = golds[0];
  if (!first) return { name: 'Winner', value: 'Not stated in the article', inline: true };
  const names = golds.map((place) => {
    const noc = nocLabel(place.noc);
    return `${MEDAL_EMOJI.gold} **${mdSafe(place.name)}**${noc ? ` ${noc}` : ''}`;
  });
  const value = winningValue(podium);
  return {
    name: golds.length > 1 ? 'Winners (tied)' : 'Winner',
    value: clip([...names, ...(value ? [value] : [])].join('\n'), 1024),
    inline: true,
  };
}

/**
 * An event at a glance: where and when, who took part, how the rounds ran, who won and with what, and
 * the article's lead, Background and Summary prose cut to fit one message.
 */
export function renderEvent(podium: Podium): Reply {
  const { event } = podium;
  const fields: APIEmbedField[] = [
    { name: 'Sport', value: mdSafe(event.sportLabel), inline: true },
    { name: 'Games', value: mdSafe(event.games.label), inline: true },
  ];
  if (event.infobox?.venue) fields.push({ name: 'Venue', value: mdSafe(event.infobox.venue), inline: true });
  const dates = competitionDates(event);
  if (dates) fields.push({ name: 'Dates', value: mdSafe(dates), inline: true });
  const competitors = competitorsLine(event);
  if (competitors) fields.push({ name: 'Competitors', value: competitors, inline: true });
  fields.push(winnerField(podium));
  fields.push({ name: 'Format', value: clip(mdSafe(formatLine(event.rounds)), 1024) });
  for (const section of event.sections) {
    const text = section.paragraphs.join('\n\n').trim();
    if (section.heading !== null && PROSE_SECTIONS.test(section.heading) && text !== '') {
      fields.push({ name: clip(mdSafe(section.heading), 256), value: clipWords(mdSafe(text), 1024) });
    }
  }

  const lead = event.sections
    .filter((section) => section.heading === null)
    .flatMap((section) => section.paragraphs)
    .join('\n\n')
    .trim();
  const more = `-# More: \`/podium event:${event.id}\` · \`/results event:${event.id}\``;
  const title = clip(eventTitle(event), 256);
  const footer = sourceFooter(event);
  // The lead takes what the other parts leave of the 6000 characters a message may carry.
  const room = Math.min(MAX_LEAD, 6000 - embedLength({ title, fields, footer }) - more.length - 2);
  const description = lead === '' ? more : `${clipWords(mdSafe(lead), Math.max(1, room))}\n\n${more}`;
  return { embeds: [{ title, description, color: BRAND_COLOUR, fields, footer }] };
}
