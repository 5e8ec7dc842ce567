import { describe, expect, it } from 'vitest';
import type { EventArticle, Round } from '../../src/model/schemas.js';
import { formatLine, renderEvent } from '../../src/render/event.js';
import { clipWords, competitionDates } from '../../src/render/format.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import { Dataset } from '../../src/domain/index.js';
import { seedDataset } from '../commands/factory.js';
import { stressArticles } from './stress-articles.js';

const seeds = await seedDataset();
const shortTrack = seeds.events.get('short-track-1000m-men-2026')!;
const heatOf = shortTrack.rounds[0]!.heats[0]!;

function round(kind: Round['kind'], label: string, heats = 1): Round {
  return {
    id: kind,
    kind,
    label,
    line: 1,
    start: null,
    heats: Array.from({ length: heats }, (_, i) => ({ ...heatOf, number: heats > 1 ? i + 1 : null })),
  };
}

describe('render/event', () => {
  describe('formatLine', () => {
    it.each([
      [
        'short track with two finals',
        [
          round('heat', 'Heats', 8),
          round('quarterfinal', 'Quarterfinals', 4),
          round('semifinal', 'Semifinals', 2),
          round('final-b', 'Final B'),
          round('final', 'Final A'),
        ],
        'Heats (8) → Quarterfinals (4) → Semifinals (2) → Final B, Final A',
      ],
      [
        'a mass start',
        [round('semifinal', 'Semifinals', 2), round('final', 'Final')],
        'Semifinals (2) → Final',
      ],
      ['a long-track distance', [round('race', 'Race')], 'A single race'],
      ['an article without tables', [], 'No results tables in the article'],
      [
        'a round of another kind between',
        [round('heat', 'Heats', 3), round('other', 'Repechage', 2), round('final', 'Final')],
        'Heats (3) → Repechage (2) → Final',
      ],
    ])('describes %s', (_, rounds, expected) => {
      expect(formatLine(rounds)).toBe(expected);
    });
  });

  describe('renderEvent', () => {
    it('cuts long prose at a word to fit one message', () => {
      const [proseHeavy] = stressArticles(shortTrack);
      const data = new Dataset([proseHeavy!]);
      const reply = renderEvent(data.podium(proseHeavy!));
      expect(checkReplyLimits(reply)).toStrictEqual([]);
      const embed = reply.embeds![0]!;
      const background = embed.fields?.find((f) => f.name === 'Background')?.value ?? '';
      expect(background.length).toBeLessThanOrEqual(1024);
      expect(background).toMatch(/\S…$/);
      expect(embed.description).toMatch(/…\n\n-# More: `\/podium event:prose-heavy-2030`/);
    });

    it('falls back to the results where the infobox is missing', () => {
      const bare: EventArticle = { ...shortTrack, infobox: null };
      const embed = renderEvent(new Dataset([bare]).podium(bare)).embeds![0]!;
      expect(
        embed.fields?.filter((f) => ['Competitors', 'Winner', 'Dates', 'Venue'].includes(f.name)),
      ).toStrictEqual([
        { name: 'Competitors', value: '32 skaters', inline: true },
        { name: 'Winner', value: "🥇 **Jens van 't Wout** 🇳🇱 NED\nWinning time: **1:24.537**", inline: true },
      ]);
    });

    it('says when no winner is stated', () => {
      const none: EventArticle = { ...shortTrack, infobox: null, rounds: [] };
      const embed = renderEvent(new Dataset([none]).podium(none)).embeds![0]!;
      expect(embed.fields?.find((f) => f.name === 'Winner')?.value).toBe('Not stated in the article');
    });
  });

  describe('clipWords', () => {
    it.each([
      ['short text', 'Short text.', 20, 'Short text.'],
      ['at a word', 'one two three four', 12, 'one two…'],
      ['one long word', 'x'.repeat(30), 10, `${'x'.repeat(9)}…`],
      ['without leaving an escape dangling', `${'a'.repeat(10)}\\*bb`, 12, `${'a'.repeat(10)}…`],
    ])('cuts %s', (_, text, max, expected) => {
      expect(clipWords(text, max)).toBe(expected);
      expect(clipWords(text, max).length).toBeLessThanOrEqual(max);
    });
  });

  describe('competitionDates', () => {
    it.each([
      ['10 and 12 February', ['2026-02-10', '2026-02-12'], '10 and 12 February 2026'],
      ['21 February 2026', ['2026-02-21'], '21 February 2026'],
      ['to be decided', [], 'to be decided'],
    ])('shows %s', (dateText, dates, expected) => {
      const event = { ...shortTrack, infobox: { ...shortTrack.infobox!, dateText, dates } };
      expect(competitionDates(event)).toBe(expected);
    });
  });
});
