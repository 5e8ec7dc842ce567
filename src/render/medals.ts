import type { EventArticle } from '../model/schemas.js';
import type { MedalRow } from '../domain/index.js';
import { nocByCode } from '../model/countries.js';
import { BRAND_COLOUR, MEDAL_EMOJI, clip, mdSafe } from './format.js';
import type { Reply } from './reply.js';
import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { gamesName } from '../i18n/names.js';
import { countryName } from './countries.js';

const MAX_DESCRIPTION = 4096;

/** Standard medal-table ranks: nations level on gold, silver and bronze share a rank. */
function ranks(rows: readonly MedalRow[]): number[] {
  return rows.map((row, i) => {
    const first = rows.findIndex(
      (r) => r.gold === row.gold && r.silver === row.silver && r.bronze === row.bronze,
    );
    return (first < 0 ? i : first) + 1;
  });
}

/**
 * Medals by NOC over the loaded events, sorted by gold, then silver, then bronze. Only NOCs the
 * articles state are counted; the rest are reported as a number, never guessed.
 */
export function renderMedals(
  table: { rows: readonly MedalRow[]; unstated: number },
  articles: readonly EventArticle[],
  lang: Lang = EN,
): Reply {
  const { rows, unstated } = table;
  const events = articles.length;
  const games = [...new Set(articles.map((a) => gamesName(a, lang)))];
  const rank = ranks(rows);
  const lines = rows.map((row, i) => {
    const noc = nocByCode(row.noc);
    const flag = noc.flag ? `${noc.flag} ` : '';
    const counts = `${MEDAL_EMOJI.gold} ${row.gold} · ${MEDAL_EMOJI.silver} ${row.silver} · ${MEDAL_EMOJI.bronze} ${row.bronze}`;
    return `**${rank[i]}** ${flag}**${mdSafe(noc.code)}** ${mdSafe(countryName(noc.code, lang))} — ${counts} · ${lang.t('replies.medals.total', { total: row.total })}`;
  });
  const stated = rows.reduce((sum, row) => sum + row.total, 0);
  const all = stated + unstated;
  const medals = lang.t('replies.medals.medals', { count: all });
  const notes = [`-# ${lang.t('replies.medals.count', { medals, count: events })}`];
  if (unstated > 0) notes.push(`-# ${lang.t('replies.medals.unstated', { count: unstated })}`);
  else if (all > 0) notes.push(`-# ${lang.t('replies.medals.allStated')}`);
  const body: string[] = [];
  let length = notes.join('\n').length + 60;
  for (const [i, line] of lines.entries()) {
    if (length + line.length + 1 > MAX_DESCRIPTION) {
      body.push(lang.t('replies.medals.more', { count: lines.length - i }));
      break;
    }
    body.push(line);
    length += line.length + 1;
  }
  if (body.length === 0) body.push(lang.t(events === 0 ? 'replies.medals.noEvents' : 'replies.medals.noNoc'));
  return {
    embeds: [
      {
        title: clip(`${lang.t('replies.medals.title')}${games.length === 1 ? ` · ${games[0]}` : ''}`, 256),
        description: [...body, '', ...notes].join('\n'),
        color: BRAND_COLOUR,
      },
    ],
  };
}
