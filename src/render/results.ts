import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIActionRowComponent, APIButtonComponent, APIEmbedField } from 'discord.js';
import type { EventArticle, ResultRow, Round } from '../model/schemas.js';
import { resultColumns, sharedLaps } from './columns.js';
import type { HeatRow } from './columns.js';
import { BRAND_COLOUR, clip, discordTime, eventTitle, mdSafe, noteLegend, sourceFooter } from './format.js';
import type { Reply } from './reply.js';
import { codeBlock, renderTable } from './table.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { roundName } from '../i18n/names.js';
import { LocaleMemo } from '../i18n/memo.js';

/** Lines of code per page (round headings, table headers, rows, gaps between heats): a phone screen or so. */
export const PAGE_LINES = 28;
const BLOCK_HEAD = 2;

/** One round's share of a page: its table header and the rows that fit. */
export interface ResultsBlock {
  round: Round;
  continued: boolean;
  header: string;
  lines: string[];
  rows: ResultRow[];
  dropped: string[];
}

function roundRows(round: Round): HeatRow[] {
  return round.heats.flatMap((heat) => heat.rows.map((row) => ({ row, heat: heat.number })));
}

/** One round's share of a page, before any table is drawn: which of its rows go there, and the blank lines. */
interface PlannedBlock {
  round: Round;
  continued: boolean;
  /** Row numbers of the round (heat after heat), or null for the blank line between two heats. */
  lines: Array<number | null>;
}

/**
 * Splits the rounds into pages of at most PAGE_LINES lines. A heat moves whole to the next page when
 * it does not fit; only a heat longer than a page is cut. Only row counts matter here, so no table is
 * drawn: a reply draws the tables of the rounds on the page it shows.
 */
function planPages(rounds: readonly Round[]): PlannedBlock[][] {
  const pages: PlannedBlock[][] = [[]];
  let used = 0;
  for (const round of rounds) {
    let block: PlannedBlock | null = null;
    let started = false;
    const newPage = () => {
      pages.push([]);
      used = 0;
      block = null;
    };
    const ensureBlock = (): PlannedBlock => {
      if (block) return block;
      const fresh: PlannedBlock = { round, continued: started, lines: [] };
      started = true;
      pages.at(-1)?.push(fresh);
      used += BLOCK_HEAD;
      block = fresh;
      return fresh;
    };
    let at = 0;
    for (const heat of round.heats) {
      const count = heat.rows.length;
      const current = block as PlannedBlock | null;
      const cost = (current ? 1 : BLOCK_HEAD) + count;
      if (used > 0 && used + cost > PAGE_LINES) newPage();
      for (let i = 0; i < count; i++) {
        let target = ensureBlock();
        if (i === 0 && target.lines.length > 0) {
          target.lines.push(null);
          used++;
        } else if (used >= PAGE_LINES && target.lines.length > 0) {
          newPage();
          target = ensureBlock();
        }
        target.lines.push(at + i);
        used++;
      }
      at += count;
    }
  }
  // A page is opened only for a row about to go on it, so only the first can be empty (no rows at all).
  return pages;
}

interface RoundTable {
  rows: HeatRow[];
  header: string;
  body: string[];
  dropped: string[];
}

// Keyed by the round object itself: a round's table is laid out once per language, not on every page turn
// or repeated /results.
const roundTables = new LocaleMemo<Round, RoundTable>();

/** A round's whole table, laid out once, so its columns line up from page to page. */
function roundTable(round: Round, lang: Lang): RoundTable {
  return roundTables.get(round, lang, () => {
    const rows = roundRows(round);
    const laps = sharedLaps(rows.map(({ row }) => row));
    const columns = resultColumns(rows, { heat: round.heats.length > 1, laps: laps === null }, lang);
    const rendered = renderTable(rows, columns);
    const [header = '', ...body] = rendered.lines;
    return { rows, header, body, dropped: rendered.dropped };
  });
}

function drawBlocks(page: readonly PlannedBlock[], lang: Lang): ResultsBlock[] {
  return page.map(({ round, continued, lines }) => {
    const { rows, header, body, dropped } = roundTable(round, lang);
    const numbers = lines.filter((n): n is number => n !== null);
    return {
      round,
      continued,
      header,
      lines: lines.map((n) => (n === null ? '' : (body[n] ?? ''))),
      rows: numbers.map((n) => rows[n]?.row as ResultRow),
      dropped,
    };
  });
}

/** Every page of the rounds, each round's table laid out once so its columns line up from page to page. */
export function paginateResults(rounds: readonly Round[], lang: Lang = EN): ResultsBlock[][] {
  return planPages(rounds).map((page) => drawBlocks(page, lang));
}

function blockText(block: ResultsBlock, lang: Lang): string {
  const { round } = block;
  const head = [
    `**${mdSafe(roundName(round, lang))}**${block.continued ? lang.t('replies.results.continued') : ''}`,
  ];
  if (!block.continued) {
    if (round.heats.length > 1) head.push(lang.t('replies.results.heats', { count: round.heats.length }));
    const laps = sharedLaps(round.heats.flatMap((h) => h.rows));
    if (laps !== null) head.push(lang.t('replies.common.laps', { count: laps }));
    if (round.start?.unix != null) head.push(discordTime(round.start.unix, 'f'));
    else if (round.start) head.push(mdSafe(round.start.text));
  }
  return `${head.join(' · ')}\n${codeBlock([block.header, ...block.lines])}`;
}

/** The custom_id of the button that shows page `page`. */
export type PageId = (page: number) => string;

function pageButtons(pageId: PageId, page: number, pages: number, lang: Lang) {
  const button = (target: number, label: string, disabled: boolean): APIButtonComponent => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: pageId(target),
    label,
    disabled,
  });
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      button(page - 1, lang.t('replies.results.prev'), page <= 1),
      button(page, lang.t('replies.results.page', { page, pages }), true),
      button(page + 1, lang.t('replies.results.next'), page >= pages),
    ],
  };
  return [row];
}

/**
 * One page of a round (every heat, with a heat column) or of the whole event (every round in order).
 * A page number out of range is clamped, so an old button still lands somewhere sensible.
 */
export function renderResults(
  event: EventArticle,
  round: Round | null,
  page: number,
  pageId: PageId,
  lang: Lang = EN,
): Reply {
  const pages = planPages(round ? [round] : event.rounds);
  const count = pages.length;
  const number = Math.min(Math.max(1, Math.trunc(page) || 1), count);
  // Only the rounds on the page shown are drawn: a whole event at scale has hundreds of rows.
  const blocks = drawBlocks(pages[number - 1] ?? [], lang);
  const description = blocks.map((block) => blockText(block, lang));
  if (blocks.length === 0) description.push(lang.t('replies.results.none'));
  const dropped = [...new Set(blocks.flatMap((b) => b.dropped))];
  if (dropped.length > 0)
    description.push(`-# ${lang.t('replies.common.dropped', { columns: dropped.join(', ') })}`);
  const fields: APIEmbedField[] = [];
  const legend = noteLegend(
    blocks.flatMap((b) => b.rows),
    lang,
  );
  if (legend) fields.push({ name: lang.t('replies.common.notesField'), value: clip(legend, 1024) });
  const title = round
    ? lang.t('replies.results.roundTitle', { round: roundName(round, lang), event: eventTitle(event, lang) })
    : lang.t('replies.results.title', { event: eventTitle(event, lang) });
  return {
    embeds: [
      {
        title: clip(title, 256),
        description: clip(description.join('\n'), 4096),
        color: BRAND_COLOUR,
        fields,
        footer: sourceFooter(event, lang),
      },
    ],
    components: count > 1 ? pageButtons(pageId, number, count, lang) : [],
  };
}
