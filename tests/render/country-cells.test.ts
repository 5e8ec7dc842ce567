import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertArticle } from '../../src/import/convert.js';
import type { EventArticle } from '../../src/model/schemas.js';
import { parseArticle } from '../../src/parse/index.js';
import { renderAthlete } from '../../src/render/athlete.js';
import { renderHeat } from '../../src/render/heat.js';
import { renderMedals } from '../../src/render/medals.js';
import { heatPicture, podiumPicture } from '../../src/render/pictures.js';
import { renderResults } from '../../src/render/results.js';
import { Dataset } from '../../src/domain/dataset.js';

// A row's own Country cell is what the bot shows for that skater, everywhere it shows them.

/** Hand-written: the infobox says NED for the winner, her row says BEL; one row names its country in words. */
const DISAGREEING = [
  "= Speed skating at the 2026 Winter Olympics – Women's 500 metres =",
  '',
  'Infobox',
  "- Event: Women's 500 metres",
  '- Games: 2026 Winter',
  '- Gold: Ann One',
  '- Goldnoc: NED',
  '',
  'Cy Three of Denmark took bronze.',
  '',
  '== Results ==',
  '| Rank | Pair | Name | Country | Time |',
  '| 1 | 1 | Ann One | BEL | 37.00 |',
  '| 2 | 1 | Bo Two | Norway | 37.10 |',
  '| 3 | 2 | Cy Three | | 37.20 |',
  '| 4 | 2 | Di Four | | 37.30 |',
].join('\n');

function convertedShortTrack(): EventArticle {
  const html = readFileSync(
    new URL('../fixtures/wiki/hand-short-track-1000m-men-2026.html', import.meta.url),
    'utf8',
  );
  const title = "Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres";
  const result = convertArticle({ title, revid: 1, html, retrieved: new Date(0) });
  if (result.kind !== 'converted') throw new Error('refused');
  return parseArticle(result.text, 'short-track.txt').article;
}

/** The lines of the first code block in a text. */
function tableOf(text: string | undefined): string[] {
  const lines = (text ?? '').split('\n');
  const start = lines.indexOf('```');
  return lines.slice(start + 1, lines.indexOf('```', start + 1));
}

describe('a row’s own Country cell', () => {
  const disagreeing = parseArticle(DISAGREEING, 'w500.txt').article;
  const shortTrack = convertedShortTrack();
  const data = new Dataset([disagreeing, shortTrack]);

  it('wins over the infobox on the podium, in /medals and in /athlete; prose fills a row without one', () => {
    const podium = data.podium(disagreeing);
    expect(podium.places.map((p) => [p.medal, p.name, p.noc])).toStrictEqual([
      ['gold', 'Ann One', 'BEL'],
      ['silver', 'Bo Two', 'NOR'],
      ['bronze', 'Cy Three', 'DEN'],
    ]);
    expect(podiumPicture(podium)?.description).toBe(
      "Podium of Women's 500 metres: gold Ann One (BEL), silver Bo Two (NOR), bronze Cy Three (DEN)",
    );
    expect(data.athletes.get('ann-one')?.noc).toBe('BEL');
    expect(
      renderAthlete(data.summary(data.athletes.get('ann-one')!)).embeds?.[0]?.description?.split('\n')[0],
    ).toBe('Representing 🇧🇪 BEL');
    const alone = new Dataset([disagreeing]);
    const medals = renderMedals(alone.medalTable(), alone.articles).embeds?.[0]?.description ?? '';
    expect(medals.split('\n').slice(0, 3)).toStrictEqual([
      '**1** 🇧🇪 **BEL** Belgium — 🥇 1 · 🥈 0 · 🥉 0 · total **1**',
      '**2** 🇳🇴 **NOR** Norway — 🥇 0 · 🥈 1 · 🥉 0 · total **1**',
      '**3** 🇩🇰 **DEN** Denmark — 🥇 0 · 🥈 0 · 🥉 1 · total **1**',
    ]);
  });

  it('/heat and /results gain a NOC column when rows have countries, and every skater has one', () => {
    const heats = shortTrack.rounds[0]!;
    expect(tableOf(renderHeat(shortTrack, heats, heats.heats[0]!).embeds?.[0]?.description)).toStrictEqual([
      '# Name             NOC     Time    Gap',
      "1 Jens van 't Wout NED 1:25.237        Q",
      '2 Teun Boer        NED 1:25.741 +0.504 Q',
      '3 Roberts Krūzber… LAT 1:25.890 +0.653',
      '  Ivan Posashkov   AIN        –        PEN',
    ]);
    const results = tableOf(
      renderResults(shortTrack, heats, 1, (page) => `results:test:*:${page}`).embeds?.[0]?.description,
    );
    expect(results[0]).toMatch(/^# +H +Name +NOC +Time/);
    expect(
      results
        .slice(1)
        .filter((line) => line.trim() !== '')
        .map((line) => /\b[A-Z]{3}\b/.exec(line)?.[0]),
    ).toStrictEqual(['NED', 'NED', 'LAT', 'AIN', 'CHN', 'KOR', 'CAN', 'CHN']);
    // A table whose rows have no country (as in every seed) gets no empty column.
    const plain = parseArticle(
      DISAGREEING.replace(/ \| [A-Z]\w* \|( \d)/g, ' |$1').replace('Country | ', ''),
      'p.txt',
    ).article;
    expect(
      tableOf(renderHeat(plain, plain.rounds[0]!, plain.rounds[0]!.heats[0]!).embeds?.[0]?.description)[0],
    ).not.toMatch(/NOC/);
  });

  it('a non-medallist’s /athlete and the heat picture name the country', () => {
    expect(
      renderAthlete(data.summary(data.athletes.get('boer-teun')!)).embeds?.[0]?.description?.split('\n')[0],
    ).toBe('Representing 🇳🇱 NED');
    const heats = shortTrack.rounds[0]!;
    const request = heatPicture(shortTrack, heats, heats.heats[1]!)?.request;
    expect(request?.kind === 'times' ? request.input.rows.map((row) => row.name) : null).toStrictEqual([
      'Sun Long (CHN)',
      'Rim Jong-un (KOR)',
      'William Dandjinou (CAN)',
      'Shaoang Liu (CHN)',
    ]);
  });
});
