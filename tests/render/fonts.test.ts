import { describe, expect, it } from 'vitest';
import { createSurface, setFont, type FontWeight } from '../../src/render/images/draw.js';
import { LOCALES, RESOURCES } from '../../src/i18n/index.js';

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
