import { describe, expect, it } from 'vitest';
import { snippet } from '../../src/render/search.js';

const TEXT =
  'The defending champion, Bart Swings, qualified for the event, as did the 2022 silver medalist, Chung Jae-won. The bronze medalist, Lee Seung-hoon, did not qualify. Before the Olympics, Jorrit Bergsma was leading the mass-start standings of the 2025–26 ISU Speed Skating World Cup.';

describe('render/search', () => {
  describe('snippet', () => {
    it.each([
      [
        'a word at the start',
        'defending',
        'The **defending** champion, Bart Swings, qualified for the event, as did the 2022 silver medalist, Chung Jae-won. The bronze medalist, Lee Seung-hoon, did not qualify. Before the Olympics, Jorrit Bergsma was leading the mass…',
      ],
      [
        'a word later on, with the text before it cut at a word',
        'Bergsma',
        '…Seung-hoon, did not qualify. Before the Olympics, Jorrit **Bergsma** was leading the mass-start standings of the 2025–26 ISU Speed Skating World Cup.',
      ],
      [
        'adjacent words as one run, across a hyphen',
        'mass start',
        '…Before the Olympics, Jorrit Bergsma was leading the **mass-start** standings of the 2025–26 ISU Speed Skating World Cup.',
      ],
      [
        'a prefix and a typo, as the index matches them',
        'qualif swingz',
        'The defending champion, Bart **Swings**, **qualified** for the event, as did the 2022 silver medalist, Chung Jae-won. The bronze medalist, Lee Seung-hoon, did not **qualify**. Before the Olympics, Jorrit Bergsma was leading the mass…',
      ],
      [
        'a name typed without its hyphen',
        'jae won',
        '…for the event, as did the 2022 silver medalist, Chung **Jae-won**. The bronze medalist, Lee Seung-hoon, did not qualify. Before the Olympics, Jorrit Bergsma was leading the mass-start standings of the 2025–26 ISU Speed…',
      ],
    ])('bolds %s', (_, query, expected) => {
      expect(snippet(TEXT, query)).toBe(expected);
    });

    it('bolds a word typed without its accents, whether the text composes them or not', () => {
      expect(snippet('Metoděj Jílek was sixth.', 'jilek')).toBe('Metoděj **Jílek** was sixth.');
      expect(snippet('Metoděj Jílek was sixth.'.normalize('NFD'), 'jilek')).toBe(
        `Metoděj **${'Jílek'.normalize('NFD')}** was sixth.`.normalize('NFD'),
      );
    });

    it('escapes markdown in the article text, inside and outside the bold', () => {
      expect(snippet('A *star* and the_underscore_man ~~won~~ `x`', 'star')).toBe(
        'A \\***star**\\* and the\\_underscore\\_man \\~\\~won\\~\\~ \\`x\\`',
      );
    });

    it('keeps a paragraph with line breaks on one line', () => {
      expect(snippet('First line\nsecond  line with Bergsma\n', 'bergsma')).toBe(
        'First line second line with **Bergsma**',
      );
    });

    it('shows the start of the text when the match is only in a folded form the words do not show', () => {
      expect(snippet('Short text.', 'zzz')).toBe('Short text.');
    });
  });
});
