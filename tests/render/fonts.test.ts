import { describe, expect, it } from 'vitest';
import { createSurface, setFont, type FontWeight } from '../../src/render/images/draw.js';
import { LOCALES, RESOURCES } from '../../src/i18n/index.js';
import { langFor } from '../../src/i18n/lang.js';
import { Dataset } from '../../src/domain/index.js';
import type { EventArticle, Heat, Round } from '../../src/model/schemas.js';
import { drawHere } from '../../src/pictures/requests.js';
import { eventName } from '../../src/i18n/names.js';
import { headToHeadPicture, heatPicture, podiumPicture } from '../../src/render/pictures.js';
import { headToHead } from '../../src/domain/compare.js';
import { resolveAthleteOption } from '../../src/app/options.js';
import { loadSeeds } from '../search/helpers.js';

const SIZE = 48;

/** One glyph drawn alone on a fresh surface, as the pixels a picture would hold. */
function glyph(text: string, weight: FontWeight = 400): string {
  const { ctx } = createSurface(SIZE + 16, SIZE + 16);
  ctx.clearRect(0, 0, SIZE + 16, SIZE + 16);
  setFont(ctx, weight, SIZE);
  ctx.fillStyle = '#ffffff';
  ctx.fillText(text, 4, SIZE);
  return Buffer.from(ctx.getImageData(0, 0, SIZE + 16, SIZE + 16).data).toString('base64');
}

// A code point no font has: what a missing glyph looks like (the .notdef box, or nothing).
const MISSING = glyph('\u{10FFFD}');
const MISSING_BOLD = glyph('\u{10FFFD}', 700);

/** Every letter of the round and event words a locale's pictures may show. */
function lettersOf(locale: (typeof LOCALES)[number]): string[] {
  const words = ['rounds', 'events'].flatMap((section) =>
    Object.values(RESOURCES[locale][section] as Record<string, string>),
  );
  return [...new Set([...words.join('')].filter((c) => /\p{L}/u.test(c)))];
}

describe('render/fonts: every locale’s script is drawn, not boxes', () => {
  it.each([
    ['ko', '준준결승 매스스타트 남자 여자'],
    ['ja', 'マススタート 準々決勝 男子 女子 ショートトラック'],
    ['zh-CN', '集体出发 四分之一决赛 男子 女子 短道速滑'],
    ['pl', 'ćwierćfinał mężczyźni'],
  ])('%s: %s', (_locale, text) => {
    const letters = [...text].filter((c) => c !== ' ');
    for (const letter of letters) {
      expect(glyph(letter), letter).not.toBe(MISSING);
      expect(glyph(letter, 700), letter).not.toBe(MISSING_BOLD);
    }
    // Distinct letters draw distinct shapes (a fallback drawing one box for all would fail here).
    const shapes = new Set(letters.map((letter) => glyph(letter)));
    expect(shapes.size).toBe(new Set(letters).size);
  });

  it.each(LOCALES)('%s: every letter of its round and event words has a glyph', (locale) => {
    for (const letter of lettersOf(locale)) expect(glyph(letter), `${locale} ${letter}`).not.toBe(MISSING);
  });
});

const seeds = await loadSeeds();

describe('render/pictures: a picture in the reader’s language', () => {
  const data = new Dataset(seeds);
  const event = seeds.find((e) => e.id === 'short-track-1000m-men-2026') as EventArticle;
  const round = event.rounds.find((r) => r.id === 'quarterfinal') as Round;
  const heat = round.heats.find((h) => h.number === 3) as Heat;
  const massStart = data.podium(seeds.find((e) => e.id === 'mass-start-men-2026') as EventArticle);

  it('keeps English jobs as they were: no labels, the article’s words, the English key', () => {
    const job = heatPicture(event, round, heat);
    expect(job?.request.input).not.toHaveProperty('labels');
    expect(job?.request.kind === 'times' && job.request.input.title).toBe(
      `${event.eventName} · Quarterfinals, heat 3`,
    );
    expect(job?.key).not.toMatch(/:en-US$/);
  });

  it.each([
    ['ko', '준준결승 3조', '선수', '금'],
    ['nl', 'Kwartfinale 3', 'Schaatser', 'goud'],
    ['zh-CN', '四分之一决赛第3组', '选手', '金牌'],
  ])(
    '%s: the heat chart and podium card carry the translated words as data, and draw',
    async (locale, heading, skater, gold) => {
      const lang = langFor(locale);
      const job = heatPicture(event, round, heat, lang);
      if (job?.request.kind !== 'times') throw new Error('expected a times chart');
      expect(job.request.input.title).toBe(`${eventName(event, lang)} · ${heading}`);
      expect(job.request.input.labels?.skater).toBe(skater);
      expect(job.key).toMatch(new RegExp(`:${locale}$`));
      // Plain data, as a worker thread receives it.
      expect(structuredClone(job.request)).toStrictEqual(job.request);
      const english = heatPicture(event, round, heat);
      if (!english) throw new Error('expected an English chart');
      expect(Buffer.compare(await drawHere(job.request), await drawHere(english.request))).not.toBe(0);

      const card = podiumPicture(massStart, lang);
      if (card?.request.kind !== 'podium') throw new Error('expected a podium card');
      expect(card.request.input.medalLabels?.gold).toBe(gold);
      expect(card.request.input.eventName).toBe(eventName(massStart.event, lang));
      expect(card.request.input.medallists[0]?.name).toBe('Jorrit Bergsma');
      expect((await drawHere(card.request)).subarray(1, 4).toString()).toBe('PNG');
    },
  );

  it.each([
    ['ko', '맞대결', '준준결승 3조'],
    ['ja', '直接対決', '準々決勝 第3組'],
    ['zh-CN', '交手记录', '四分之一决赛第3组'],
  ])(
    '%s: the head-to-head picture carries its words as data and draws every letter of them',
    async (locale, kicker, race) => {
      const lang = langFor(locale);
      const h = headToHead(
        data,
        resolveAthleteOption(data, 'Sun Long'),
        resolveAthleteOption(data, 'Roberts Krūzbergs'),
      );
      const job = headToHeadPicture(h, lang);
      if (job?.request.kind !== 'headToHead') throw new Error('expected a head-to-head picture');
      const { labels, races, bests } = job.request.input;
      expect(labels.headToHead).toBe(kicker);
      expect(races[1]?.race).toBe(race);
      expect(job.description).toContain(
        lang.t('replies.compare.title', { a: 'Sun Long', b: 'Roberts Krūzbergs' }),
      );
      const words = [
        ...Object.values(labels).filter((word): word is string => word !== null),
        ...races.flatMap((r) => [r.race, r.event]),
        ...bests.map((b) => b.distance),
      ];
      const letters = [...new Set([...words.join('')].filter((c) => /\p{L}/u.test(c)))];
      expect(letters.some((c) => /[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]/u.test(c))).toBe(true);
      for (const letter of letters) {
        expect(glyph(letter), `${locale} ${letter}`).not.toBe(MISSING);
        expect(glyph(letter, 700), `${locale} ${letter}`).not.toBe(MISSING_BOLD);
      }
      const english = headToHeadPicture(h);
      if (!english) throw new Error('expected an English picture');
      expect(Buffer.compare(await drawHere(job.request), await drawHere(english.request))).not.toBe(0);
    },
  );
});
