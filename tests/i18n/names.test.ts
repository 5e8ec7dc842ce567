import { describe, expect, it } from 'vitest';
import { eventName } from '../../src/i18n/names.js';
import { LOCALES } from '../../src/i18n/index.js';
import { langFor } from '../../src/i18n/lang.js';
import { seedDataset } from '../commands/factory.js';

const seeds = await seedDataset();
const massStart = seeds.byId.get('mass-start-men-2026')!;
const shortTrack = seeds.byId.get('short-track-1000m-men-2026')!;
const it_ = langFor('it');

describe('i18n/names', () => {
  describe('eventName', () => {
    // Italian Wikipedia and CONI: "500 metri maschili", "1000 metri femminili", but "partenza in linea
    // maschile" and "staffetta 5000 metri maschile", where the adjective agrees with a singular noun.
    it.each([
      [shortTrack, '1000 metri maschili (short track)'],
      [{ ...shortTrack, gender: 'women' as const }, '1000 metri femminili (short track)'],
      [{ ...shortTrack, discipline: '5000m-relay' }, 'Staffetta 5000 metri maschile (short track)'],
      [
        { ...shortTrack, discipline: '2000m-relay', gender: 'mixed' as const },
        'Staffetta 2000 metri mista (short track)',
      ],
      [massStart, 'Mass start maschile'],
      [{ ...massStart, gender: 'women' as const }, 'Mass start femminile'],
      [{ ...massStart, discipline: '500m', sport: 'long-track' as const }, '500 metri maschili'],
    ])('Italian makes the gender agree with the discipline: %#', (event, name) => {
      expect(eventName(event, it_)).toBe(name);
    });

    it('leaves every other language’s gender word as it is for a distance', () => {
      for (const locale of LOCALES.filter((l) => l !== 'it' && l !== 'en-US')) {
        const lang = langFor(locale);
        const word = lang.t('events.men');
        expect(eventName(shortTrack, lang).toLocaleLowerCase(locale), locale).toContain(
          word.toLocaleLowerCase(locale),
        );
      }
    });
  });
});
