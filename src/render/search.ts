import type { EventArticle } from '../model/schemas.js';
import { foldName } from '../model/names.js';
import type { Athlete, TextHit } from '../search/index.js';
import { BRAND_COLOUR, clip, mdSafe, nocLabel } from './format.js';
import type { Reply } from './reply.js';
import { editDistance } from '../search/distance.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { eventName, sportWord } from '../i18n/names.js';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 220;

/** A value for an inline code span: a backtick would end it early. */
function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, 'ˋ').replace(/\s+/g, ' ')}\``;
}

/** Whether a word of the text is one the search matched: the same rules as the index (prefix from 3, typos from 5). */
function wordMatches(word: string, terms: readonly string[]): boolean {
  const folded = foldName(word);
  return terms.some(
    (term) =>
      folded === term ||
      (term.length >= 3 && folded.startsWith(term)) ||
      (term.length >= 5 && editDistance(folded, term) <= Math.round(term.length * 0.2)),
  );
}

/** Up to SNIPPET_LENGTH characters around the first matched word, matches in bold, everything else escaped. */
export function snippet(paragraph: string, query: string): string {
  // One line, so the whole snippet stays inside the quote it is shown in.
  const text = paragraph.replace(/\s+/g, ' ').trim();
  const terms = foldName(query).split(' ').filter(Boolean);
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const hits: Array<{ start: number; end: number }> = [];
  for (const word of words.filter((w) => wordMatches(text.slice(w.start, w.end), terms))) {
    const previous = hits.at(-1);
    // "Sun Long", "mass-start": one bold run reads better than two touching ones.
    if (previous && /^[\s-]{1,2}$/.test(text.slice(previous.end, word.start))) previous.end = word.end;
    else hits.push({ ...word });
  }
  const anchor = hits[0]?.start ?? 0;
  const from = words.find((w) => w.start >= anchor - SNIPPET_BEFORE)?.start ?? 0;
  const last = words.filter((w) => w.end <= from + SNIPPET_LENGTH).at(-1);
  const to = last && text.length > from + SNIPPET_LENGTH ? last.end : text.length;
  let out = '';
  let at = from;
  for (const hit of hits) {
    if (hit.start < from || hit.end > to) continue;
    out += `${mdSafe(text.slice(at, hit.start))}**${mdSafe(text.slice(hit.start, hit.end))}**`;
    at = hit.end;
  }
  out += mdSafe(text.slice(at, to));
  return `${from > 0 ? '…' : ''}${out.trim()}${to < text.length ? '…' : ''}`;
}

function eventLine(event: EventArticle, lang: Lang): string {
  // Other languages name short track inside the event's name: "1000 meter mannen (shorttrack)".
  const sport =
    lang.locale !== EN.locale && event.sport === 'short-track' ? '' : ` · ${sportWord(event, lang)}`;
  return `**${mdSafe(eventName(event, lang))}** · ${event.games.year}${sport}`;
}

function hitText(hit: TextHit, query: string, lang: Lang): string {
  if (hit.kind === 'athlete') {
    const { athlete } = hit;
    const noc = nocLabel(athlete.noc);
    const events = [...new Set(athlete.appearances.map((a) => eventName(a.event, lang)))].join(', ');
    return [
      `👤 **${mdSafe(athlete.name)}**${noc ? ` ${noc}` : ''} — ${mdSafe(events)}`,
      `→ ${inlineCode(`/athlete name:${athlete.name}`)}`,
    ].join('\n');
  }
  const more = `→ ${inlineCode(`/event event:${hit.event.id}`)}`;
  if (hit.kind === 'event') return `🏟️ ${eventLine(hit.event, lang)}\n${more}`;
  const where = hit.heading === null ? '' : ` › ${mdSafe(hit.heading)}`;
  return `📄 ${eventLine(hit.event, lang)}${where}\n> ${snippet(hit.paragraph, query)}\n${more}`;
}

/**
 * Search hits, best first, each saying which command shows more. With no hit the reply is private,
 * with a hint and any skaters whose names come close. The articles' prose and headings stay as written.
 */
export function renderSearch(
  query: string,
  hits: readonly TextHit[],
  nearNames: readonly Athlete[] = [],
  lang: Lang = EN,
): Reply {
  const shown = inlineCode(clip(query, 100));
  if (hits.length === 0) {
    const lines = [lang.t('replies.search.nothing', { query: shown }), lang.t('replies.search.hint')];
    if (nearNames.length > 0) {
      lines.push('', lang.t('replies.search.similar'));
      lines.push(...nearNames.map((a) => `• ${inlineCode(`/athlete name:${a.name}`)}`));
    }
    return {
      embeds: [
        { title: lang.t('replies.search.noMatches'), description: lines.join('\n'), color: BRAND_COLOUR },
      ],
      ephemeral: true,
    };
  }
  const blocks: string[] = [];
  let length = 0;
  for (const hit of hits) {
    const text = hitText(hit, query, lang);
    // Room is kept for the "more" line; a hit that does not fit is left for a narrower search.
    if (length + text.length + 2 > 3900) break;
    blocks.push(text);
    length += text.length + 2;
  }
  if (blocks.length < hits.length) {
    blocks.push(`-# ${lang.t('replies.search.more', { count: hits.length - blocks.length })}`);
  }
  return {
    embeds: [
      {
        title: clip(lang.t('replies.search.title', { query: mdSafe(query.replace(/\s+/g, ' ')) }), 256),
        description: blocks.join('\n\n'),
        color: BRAND_COLOUR,
      },
    ],
  };
}
