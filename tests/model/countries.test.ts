import { describe, expect, it } from 'vitest';
import type { Noc } from '../../src/model/countries.js';
import { knownCountryNames, nocByCode, nocFromCountryName } from '../../src/model/countries.js';

describe('model/countries', () => {
  describe('nocByCode', () => {
    it.each<[string, Noc]>([
      ['NED', { code: 'NED', name: 'Netherlands', flag: '🇳🇱', region: 'NL' }],
      ['ned', { code: 'NED', name: 'Netherlands', flag: '🇳🇱', region: 'NL' }],
      ['KOR', { code: 'KOR', name: 'South Korea', flag: '🇰🇷', region: null }],
      ['TPE', { code: 'TPE', name: 'Chinese Taipei', flag: null, region: null }],
      ['AIN', { code: 'AIN', name: 'Individual Neutral Athletes', flag: null, region: null }],
      ['ROC', { code: 'ROC', name: 'ROC', flag: null, region: null }],
      ['GBR', { code: 'GBR', name: 'Great Britain', flag: '🇬🇧', region: null }],
      ['USA', { code: 'USA', name: 'United States', flag: '🇺🇸', region: 'US' }],
      ['XYZ', { code: 'XYZ', name: 'XYZ', flag: null, region: null }],
    ])('%j', (code, noc) => {
      expect(nocByCode(code)).toStrictEqual(noc);
    });
  });

  describe('nocFromCountryName', () => {
    it.each([
      ['the Netherlands', 'NED'],
      ['The Netherlands', 'NED'],
      ['Netherlands', 'NED'],
      ['Holland', 'NED'],
      ['South Korea', 'KOR'],
      ['Korea', 'KOR'],
      ['North Korea', 'PRK'],
      ['United States', 'USA'],
      ['the United States', 'USA'],
      ['Chinese Taipei', 'TPE'],
      ['China', 'CHN'],
      ['Great Britain', 'GBR'],
      ['Czechia', 'CZE'],
      ['Czech Republic', 'CZE'],
      ['Côte d’Ivoire', 'CIV'],
      ['Denmark', 'DEN'],
      ['Italy', 'ITA'],
      ['Canada', 'CAN'],
    ])('%j -> %j', (name, code) => {
      expect(nocFromCountryName(name)).toBe(code);
    });

    it.each([['Atlantis'], ['Milan'], [''], ['the']])('%j -> null', (name) => {
      expect(nocFromCountryName(name)).toBeNull();
    });
  });

  describe('knownCountryNames', () => {
    it('lists folded names longest first, including the Olympic ones', () => {
      const names = knownCountryNames();
      expect(names).toContain('chinese taipei');
      expect(names).toContain('netherlands');
      expect(names.every((name, i) => i === 0 || (names[i - 1] ?? '').length >= name.length)).toBe(true);
    });
  });
});
