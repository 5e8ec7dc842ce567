import { describe, expect, it } from 'vitest';
import { athleteKey, foldName, nameTokens } from '../../src/model/names.js';

describe('model/names', () => {
  describe('foldName', () => {
    it.each([
      ['Antoine Gélinas-Beaulieu', 'antoine gelinas beaulieu'],
      ['Roberts Krūzbergs', 'roberts kruzbergs'],
      ['Reinis Bērziņš', 'reinis berzins'],
      ['Michał Niewiński', 'michal niewinski'],
      ['Metoděj Jílek', 'metodej jilek'],
      ['Aurora Grinden Løvås', 'aurora grinden lovas'],
      ['Ramona Härdi', 'ramona hardi'],
      ['Étienne Bastier', 'etienne bastier'],
      ['Bence Nógrádi', 'bence nogradi'],
      ['Sigurd Holbø Dyrset', 'sigurd holbo dyrset'],
      ["Jens van 't Wout", 'jens van t wout'],
      ['Jens van ’t Wout', 'jens van t wout'],
      ['Rim Jong-un', 'rim jong un'],
      ['  Chung   Jae-won ', 'chung jae won'],
      ['STRAßE', 'strasse'],
      ['', ''],
    ])('%j -> %j', (name, folded) => {
      expect(foldName(name)).toBe(folded);
    });
  });

  describe('nameTokens', () => {
    it.each<[string, string[]]>([
      ["Jens van 't Wout", ['jens', 'van', 't', 'wout']],
      ['Gélinas-Beaulieu', ['gelinas', 'beaulieu']],
      ['', []],
      [' - ', []],
    ])('%j -> %j', (name, tokens) => {
      expect(nameTokens(name)).toStrictEqual(tokens);
    });
  });

  describe('athleteKey', () => {
    it.each([
      ['Antoine Gélinas-Beaulieu', 'antoine-beaulieu-gelinas'],
      ['Roberts Krūzbergs', 'kruzbergs-roberts'],
      ['Reinis Bērziņš', 'berzins-reinis'],
      ['Michał Niewiński', 'michal-niewinski'],
      ['Metoděj Jílek', 'jilek-metodej'],
      ['Aurora Grinden Løvås', 'aurora-grinden-lovas'],
      ['Ramona Härdi', 'hardi-ramona'],
      ["Jens van 't Wout", 'jens-t-van-wout'],
      ['Sun Long', 'long-sun'],
      ['Rim Jong-un', 'jong-rim-un'],
    ])('%j -> %j', (name, key) => {
      expect(athleteKey(name)).toBe(key);
    });

    it.each([
      ['Shaoang Liu', 'Liu Shaoang'],
      ['Sun Long', 'Long Sun'],
      ['Wu Yu', 'Yu Wu'],
      ['Rim Jong-un', 'Jong-un Rim'],
      ["Jens van 't Wout", "van 't Wout Jens"],
      ['Antoine Gélinas-Beaulieu', 'Gelinas-Beaulieu Antoine'],
      ['Roberts Krūzbergs', 'KRUZBERGS Roberts'],
      ['Reinis Bērziņš', 'Berzins, Reinis'],
      ['Michał Niewiński', 'Niewinski Michal'],
      ['Metoděj Jílek', 'jilek metodej'],
      ['Aurora Grinden Løvås', 'Lovas Aurora Grinden'],
      ['Ramona Härdi', 'Hardi Ramona'],
    ])('gives %j and %j the same key', (a, b) => {
      expect(athleteKey(b)).toBe(athleteKey(a));
    });

    it('tells different people apart', () => {
      expect(athleteKey('Li Wenhao')).not.toBe(athleteKey('Li Wenlong'));
    });
  });
});
