import { describe, expect, it } from 'vitest';
import { LocaleMemo } from '../../src/i18n/memo.js';
import { renderPodium } from '../../src/render/podium.js';
import { renderEvent } from '../../src/render/event.js';
import { renderHeat } from '../../src/render/heat.js';
import { paginateResults, renderResults } from '../../src/render/results.js';
import { eventName, gamesName } from '../../src/i18n/names.js';
import { competitionDates } from '../../src/render/format.js';
import { EN, formatNumber, langFor } from '../../src/i18n/lang.js';
import { seedDataset } from '../commands/factory.js';

const seeds = await seedDataset();
const nl = langFor('nl');
const ko = langFor('ko');
const massStart = seeds.byId.get('mass-start-men-2026')!;
const shortTrack = seeds.byId.get('short-track-1000m-men-2026')!;
const quarterfinal = shortTrack.rounds.find((r) => r.kind === 'quarterfinal')!;
const heat3 = quarterfinal.heats.find((h) => h.number === 3)!;
const pageId = (n: number) => `results:x:${n}`;

describe('i18n/memo', () => {
  describe('LocaleMemo', () => {
    it('builds once per object and locale, and keeps locales and objects apart', () => {
      const memo = new LocaleMemo<object, string>();
      const a = {};
      const b = {};
      let builds = 0;
      const build = (text: string) => () => {
        builds++;
        return text;
      };
      expect(memo.get(a, nl, build('a nl'))).toBe('a nl');
      expect(memo.get(a, ko, build('a ko'))).toBe('a ko');
      expect(memo.get(a, nl, build('wrong'))).toBe('a nl');
      expect(memo.get(b, nl, build('b nl'))).toBe('b nl');
      expect(memo.get(a, ko, build('wrong'))).toBe('a ko');
      expect(builds).toBe(3);
    });

    it('keeps a null it built', () => {
      const memo = new LocaleMemo<object, string | null>();
      const a = {};
      let builds = 0;
      const build = () => {
        builds++;
        return null;
      };
      expect(memo.get(a, nl, build)).toBeNull();
      expect(memo.get(a, nl, build)).toBeNull();
      expect(builds).toBe(1);
    });
  });

  describe('localized replies', () => {
    it.each([
      ['/podium', () => renderPodium(seeds.podium(massStart), nl)],
      ['/event', () => renderEvent(seeds.podium(massStart), nl)],
      ['/heat', () => renderHeat(shortTrack, quarterfinal, heat3, nl)],
    ])('%s built twice is laid out once: the same fields, in a fresh embed', (_, build) => {
      const first = build();
      const second = build();
      expect(second).toStrictEqual(first);
      expect(second.embeds?.[0]).not.toBe(first.embeds?.[0]);
      expect(second.embeds?.[0]?.fields).toBe(first.embeds?.[0]?.fields);
    });

    it('/results lays out a round’s table once per language', () => {
      const [first] = paginateResults([quarterfinal], nl);
      const [second] = paginateResults([quarterfinal], nl);
      expect(second?.[0]?.header).toBe(first?.[0]?.header);
      expect(second?.[0]?.header).toBe('# Rit Naam               Tijd Verschil');
      expect(renderResults(shortTrack, quarterfinal, 1, pageId, nl)).toStrictEqual(
        renderResults(shortTrack, quarterfinal, 1, pageId, nl),
      );
    });

    it('never hands one language’s reply to another: nl, then ko, then nl again is Dutch', () => {
      const titles = [nl, ko, nl, EN, nl].map((lang) => renderPodium(seeds.podium(massStart), lang));
      const title = (i: number) => titles[i]?.embeds?.[0]?.title;
      expect(title(0)).toBe('Podium · Massastart mannen · Olympische Winterspelen 2026');
      expect(title(1)).toBe('시상대 · 남자 매스스타트 · 2026 동계 올림픽');
      expect(title(2)).toBe(title(0));
      expect(title(3)).toBe("Podium · Men's mass start · 2026 Winter Olympics");
      expect(title(4)).toBe(title(0));

      const heats = [nl, ko, nl].map((lang) => renderHeat(shortTrack, quarterfinal, heat3, lang));
      expect(heats[0]?.embeds?.[0]?.description).toContain('**Kwartfinale 3**');
      expect(heats[1]?.embeds?.[0]?.description).toContain('**준준결승 3조**');
      expect(heats[2]).toStrictEqual(heats[0]);

      const events = [nl, ko, nl].map((lang) => renderEvent(seeds.podium(shortTrack), lang));
      expect(events[0]?.embeds?.[0]?.fields?.[0]).toStrictEqual({
        name: 'Sport',
        value: 'Shorttrack',
        inline: true,
      });
      expect(events[1]?.embeds?.[0]?.fields?.[0]?.value).toBe('쇼트트랙');
      expect(events[2]).toStrictEqual(events[0]);
    });

    it('keeps composed names, dates and numbers per language', () => {
      const seq = [nl, ko, nl, EN].map((lang) => [
        eventName(shortTrack, lang),
        gamesName(shortTrack, lang),
        competitionDates(shortTrack, lang),
        formatNumber(12345, lang),
      ]);
      expect(seq[0]).toStrictEqual([
        '1000 meter mannen (shorttrack)',
        'Olympische Winterspelen 2026',
        '10–12 februari 2026',
        '12.345',
      ]);
      expect(seq[1]?.[0]).toBe('남자 1000m (쇼트트랙)');
      expect(seq[1]?.[2]).toBe('2026년 2월 10일~12일');
      expect(seq[1]?.[3]).toBe('12,345');
      expect(seq[2]).toStrictEqual(seq[0]);
      expect(seq[3]?.[0]).toBe(shortTrack.eventName);
    });
  });

  describe('Lang.t', () => {
    it('answers each call as i18next does, whatever was asked before in another locale', () => {
      const asked = [
        [nl, 'replies.common.points', { count: 1 }],
        [ko, 'replies.common.points', { count: 1 }],
        [nl, 'replies.common.points', { count: 2 }],
        [nl, 'replies.common.points', { count: 1 }],
        [EN, 'replies.common.points', { count: 1 }],
        [EN, 'replies.common.points', { count: 2 }],
      ] as const;
      expect(asked.map(([lang, key, params]) => lang.t(key, params))).toStrictEqual([
        '1 pt',
        '1점',
        '2 ptn',
        '1 pt',
        '1 pt',
        '2 pts',
      ]);
    });

    it('tells a number from the same digits in a string (only a number picks a plural form)', () => {
      expect(EN.t('replies.common.points', { count: 2 })).toBe('2 pts');
      expect(EN.t('replies.podium.title', { event: '2' })).toBe('Podium · 2');
      expect(EN.t('replies.podium.title', { event: 2 })).toBe('Podium · 2');
    });
  });
});
