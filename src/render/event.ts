import type { APIEmbed, APIEmbedField } from 'discord.js';
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
import { recordsField } from './records.js';
import { eventRecords } from '../domain/records.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { gamesName, roundName, sportName } from '../i18n/names.js';
import { winLabel } from './podium.js';
import { LocaleMemo } from '../i18n/memo.js';

const PROSE_SECTIONS = /^(?:background|summary)$/i;
const MAX_LEAD = 2048;

function isFinal(round: Round): boolean {
  return round.kind === 'final' || round.kind.startsWith('final-');
}

/** "Heats (8) → Quarterfinals (4) → Semifinals (2) → Final B, Final A": finals raced side by side share a step. */
export function formatLine(rounds: readonly Round[], lang: Lang = EN): string {
  if (rounds.length === 0) return lang.t('replies.event.noTables');
  if (rounds.length === 1 && rounds[0]?.kind === 'race') return lang.t('replies.event.singleRace');
  const steps: string[][] = [];
  rounds.forEach((round, i) => {
    const name = roundName(round, lang);
    const label = round.heats.length > 1 ? `${name} (${round.heats.length})` : name;
    const previous = rounds[i - 1];
    const step = steps.at(-1);
    if (step && previous && isFinal(previous) && isFinal(round)) step.push(label);
    else steps.push([label]);
  });
  return steps.map((step) => step.join(', ')).join(' → ');
}

function competitorsLine(event: EventArticle, lang: Lang): string | null {
  const first = event.rounds[0];
  const counted = first ? new Set(first.heats.flatMap((h) => h.rows.map((r) => r.athleteId))).size : null;
  const skaters = event.infobox?.competitors ?? counted;
  if (skaters === null || skaters === 0) return null;
  const nations = event.infobox?.nations;
  const people = lang.t('replies.event.skaters', { count: skaters });
  return nations ? lang.t('replies.event.fromNations', { people, count: nations }) : people;
}

function winningValue({ win }: Podium, lang: Lang): string | null {
  if (!win || win.value.kind === 'other') return null;
  const label = winLabel(win, lang);
  if (win.value.kind === 'points') return `${label}: **${win.value.points}**`;
  return `${label}: **${win.from === 'infobox' ? mdSafe(win.value.text) : win.value.text}**`;
}

function winnerField(podium: Podium, lang: Lang): APIEmbedField {
  const golds = podium.places.filter((place) => place.medal === 'gold');
  const first = golds[0];
  if (!first)
    return { name: lang.t('replies.event.winner'), value: lang.t('replies.event.noWinner'), inline: true };
  const names = golds.map((place) => {
    const noc = nocLabel(place.noc);
    return `${MEDAL_EMOJI.gold} **${mdSafe(place.name)}**${noc ? ` ${noc}` : ''}`;
  });
  const value = winningValue(podium, lang);
  return {
    name: lang.t(golds.length > 1 ? 'replies.event.winners' : 'replies.event.winner'),
    value: clip([...names, ...(value ? [value] : [])].join('\n'), 1024),
    inline: true,
  };
}

/**
 * An event at a glance: where and when, who took part, how the rounds ran, who won and with what, and
 * the article's lead, Background and Summary prose cut to fit one message.
 */
export function renderEvent(podium: Podium, lang: Lang = EN): Reply {
  return { embeds: [{ ...embeds.get(podium.event, lang, () => eventEmbed(podium, lang)) }] };
}

// Keyed by the event, which the podium is worked out from: the prose alone takes most of the time to make
// safe for markdown, so the reply is laid out once per language.
const embeds = new LocaleMemo<EventArticle, APIEmbed>();

function eventEmbed(podium: Podium, lang: Lang): APIEmbed {
  const { event } = podium;
  const fields: APIEmbedField[] = [
    { name: lang.t('replies.event.sport'), value: mdSafe(sportName(event, lang)), inline: true },
    { name: lang.t('replies.event.games'), value: mdSafe(gamesName(event, lang)), inline: true },
  ];
  if (event.infobox?.venue)
    fields.push({ name: lang.t('replies.common.venue'), value: mdSafe(event.infobox.venue), inline: true });
  const dates = competitionDates(event, lang);
  if (dates) fields.push({ name: lang.t('replies.event.dates'), value: mdSafe(dates), inline: true });
  const competitors = competitorsLine(event, lang);
  if (competitors)
    fields.push({ name: lang.t('replies.event.competitors'), value: competitors, inline: true });
  fields.push(winnerField(podium, lang));
  fields.push({
    name: lang.t('replies.event.format'),
    value: clip(mdSafe(formatLine(event.rounds, lang)), 1024),
  });
  const records = recordsField(eventRecords(event), lang);
  if (records) fields.push(records);
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
  const commands = `\`/podium event:${event.id}\` · \`/results event:${event.id}\``;
  const more = `-# ${lang.t('replies.event.more', { commands })}`;
  const title = clip(eventTitle(event, lang), 256);
  const footer = sourceFooter(event, lang);
  // The lead takes what the other parts leave of the 6000 characters a message may carry.
  const room = Math.min(MAX_LEAD, 6000 - embedLength({ title, fields, footer }) - more.length - 2);
  const description = lead === '' ? more : `${clipWords(mdSafe(lead), Math.max(1, room))}\n\n${more}`;
  return { title, description, color: BRAND_COLOUR, fields, footer };
}
