import { describe, expect, it } from 'vitest';
import athlete from '../../commands/athlete.js';
import search from '../../commands/search.js';
import { athleteChoices } from '../../src/app/options.js';
import { LOCALES } from '../../src/i18n/index.js';
import { EN, langFor } from '../../src/i18n/lang.js';
import { heatPicture, podiumPicture } from '../../src/render/pictures.js';
import { renderSearch } from '../../src/render/search.js';
import type { TextHit } from '../../src/search/index.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import { contextFor, invoke, seedDataset } from '../commands/factory.js';

const seeds = await seedDataset();
const ctx = contextFor(seeds);
const nl = langFor('nl');
const ko = langFor('ko');
const massStart = seeds.byId.get('mass-start-men-2026')!;
const shortTrack = seeds.byId.get('short-track-1000m-men-2026')!;
const quarterfinal = shortTrack.rounds.find((r) => r.kind === 'quarterfinal')!;

describe('i18n: /search, picture alt text and skater choices', () => {
  describe('/search', () => {
    it('answers a Dutch reader in Dutch, with names and the article’s prose as written', () => {
      const embed = search.execute(invoke({ query: 'Sun Long' }, false, nl), ctx).embeds?.[0];
      expect(embed?.title).toBe('Zoeken · Sun Long');
      expect(embed?.description?.split('\n').slice(0, 3)).toStrictEqual([
        '👤 **Sun Long** 🇨🇳 CHN — 1000 meter mannen (shorttrack)',
        '→ `/athlete name:Sun Long`',
        '',
      ]);
      expect(embed?.description).toContain('📄 **1000 meter mannen (shorttrack)** · 2026\n');
      expect(embed?.description).toContain('**Sun Long** of China won the silver medal');
    });

    it('says privately in Korean that nothing matches, with the skaters whose names come close', () => {
      const reply = search.execute(invoke({ query: 'Sun Lonk zzz' }, false, ko), ctx);
      expect(reply.ephemeral).toBe(true);
      expect(reply.embeds?.[0]?.title).toBe('결과 없음');
      expect(reply.embeds?.[0]?.description?.split('\n')).toStrictEqual([
        '`Sun Lonk zzz`와(과) 일치하는 항목이 없습니다.',
        '선수의 성, `1000m`나 `mass start` 같은 종목, 또는 기사(영어)의 단어로 검색해 보세요. 악센트 기호는 생략해도 됩니다.',
        '',
        '이름이 비슷한 선수:',
        '• `/athlete name:Sun Long`',
      ]);
    });

    it('keeps the English replies as they were', () => {
      const embed = search.execute(invoke({ query: 'Sun Long' }), ctx).embeds?.[0];
      expect(embed?.title).toBe('Search · Sun Long');
      expect(embed?.description).toContain("📄 **Men's 1000 metres** · 2026 · short track\n");
      expect(search.execute(invoke({ query: 'Sun Lonk zzz' }), ctx).embeds?.[0]?.title).toBe('No matches');
    });

    it.each([
      ['pl', 1, 'Nie pokazano 1 wyniku; dodaj słowo, aby zawęzić wyszukiwanie.'],
      ['pl', 3, 'Nie pokazano 3 wyników; dodaj słowo, aby zawęzić wyszukiwanie.'],
      ['de', 1, '1 weiterer Treffer nicht angezeigt; füge ein Wort hinzu, um die Suche einzugrenzen.'],
      ['en-US', 2, '2 more not shown; add a word to narrow the search.'],
    ])('%s counts %i hits left out with the locale’s plural', (locale, count, text) => {
      expect(langFor(locale).t('replies.search.more', { count })).toBe(text);
    });

    it.each(LOCALES)('%s: a search too long for one message leaves hits out and says how many', (locale) => {
      const paragraph = 'Sun Long skated. '.repeat(40);
      const hits: TextHit[] = Array.from({ length: 12 }, (_, i) => ({
        kind: 'prose' as const,
        event: shortTrack,
        heading: `Section ${i}`,
        paragraph,
        score: 12 - i,
      }));
      const reply = renderSearch('Sun Long', hits, [], langFor(locale));
      const text = reply.embeds?.[0]?.description ?? '';
      const left = 12 - (text.match(/^📄/gmu)?.length ?? 0);
      expect(left).toBeGreaterThan(0);
      expect(text.split('\n').at(-1)).toBe(`-# ${langFor(locale).t('replies.search.more', { count: left })}`);
      expect(checkReplyLimits(reply)).toStrictEqual([]);
    });
  });

  describe('picture alt text', () => {
    it('describes the podium card and the heat chart in the reader’s language', () => {
      expect(podiumPicture(seeds.podium(massStart), nl)?.description).toBe(
        'Podium van Massastart mannen: goud Jorrit Bergsma (NED), zilver Viktor Hald Thorup (DEN), brons Andrea Giovannini (ITA)',
      );
      expect(podiumPicture(seeds.podium(massStart), ko)?.description).toBe(
        '남자 매스스타트 시상대: 금 Jorrit Bergsma (NED), 은 Viktor Hald Thorup (DEN), 동 Andrea Giovannini (ITA)',
      );
      const heat3 = quarterfinal.heats.find((h) => h.number === 3)!;
      expect(heatPicture(shortTrack, quarterfinal, heat3, nl)?.description).toBe(
        'Tijden en achterstand op de winnaar, 1000 meter mannen (shorttrack) · Kwartfinale 3',
      );
      expect(heatPicture(shortTrack, quarterfinal, heat3, EN)?.description).toBe(
        "Times and gaps to the winner, Men's 1000 metres · Quarterfinals, heat 3",
      );
      const race = massStart.rounds.find((r) => r.kind === 'final')!;
      expect(heatPicture(massStart, race, race.heats[0]!, ko)?.description).toMatch(
        /^선수별 스프린트 포인트, 남자 매스스타트 · /,
      );
    });
  });

  describe('skater choices', () => {
    it('name the events in the caller’s language', () => {
      const choices = athlete.autocomplete(
        { ...invoke({}, false, ko), focused: { name: 'name', value: 'sun lo' } },
        ctx,
      );
      expect(choices).toStrictEqual([{ name: 'Sun Long (CHN) — 남자 1000m (쇼트트랙)', value: 'long-sun' }]);
    });

    it('count the events that do not fit, with the locale’s plural', () => {
      const many = seeds.athletes.athletes.find((a) => a.appearances.length > 0)!;
      const events = Array.from({ length: 12 }, (_, i) => ({
        ...shortTrack,
        discipline: `${500 + i * 100}m`,
        eventName: `Men's ${500 + i * 100} metres`,
      }));
      const skater = { ...many, appearances: events.map((event) => ({ ...many.appearances[0]!, event })) };
      const data = { athletes: { suggest: () => [skater] } } as unknown as Parameters<
        typeof athleteChoices
      >[0];
      for (const [locale, more] of [
        ['pl', /, \+(\d+) konkurencj[ei]$/],
        ['en-US', /, \+(\d+) events$/],
        ['ja', /, ほか (\d+) 種目$/],
      ] as const) {
        const [choice] = athleteChoices(data, 'x', langFor(locale));
        expect(choice?.name.length, locale).toBeLessThanOrEqual(100);
        const count = Number(more.exec(choice?.name ?? '')?.[1]);
        const shown = (choice?.name ?? '').split(' — ')[1]?.split(', ').length ?? 0;
        expect(count + shown - 1, locale).toBe(12);
      }
    });
  });
});
