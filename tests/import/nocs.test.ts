import { describe, expect, it } from 'vitest';
import {
  knownNoc,
  nocFromFlagFile,
  nocFromName,
  nocFromTeamArticle,
  nocFromText,
} from '../../src/import/nocs.js';

describe('import/nocs', () => {
  describe('nocFromTeamArticle', () => {
    it.each<[string, string | null]>([
      ['Netherlands at the 2026 Winter Olympics', 'NED'],
      ['Netherlands_at_the_2006_Winter_Olympics', 'NED'],
      ['Soviet Union at the 1976 Winter Olympics', 'URS'],
      ['West Germany at the 1976 Winter Olympics', 'FRG'],
      ['East Germany at the 1976 Winter Olympics', 'GDR'],
      ['Unified Team at the 1992 Winter Olympics', 'EUN'],
      ['Czechoslovakia at the 1988 Winter Olympics', 'TCH'],
      ['Yugoslavia at the 1984 Winter Olympics', 'YUG'],
      ['Serbia and Montenegro at the 2006 Winter Olympics', 'SCG'],
      ['United Team of Germany at the 1964 Winter Olympics', 'EUA'],
      ['Individual Neutral Athletes at the 2026 Winter Olympics', 'AIN'],
      ['ROC at the 2022 Winter Olympics', 'ROC'],
      ['Olympic Athletes from Russia at the 2018 Winter Olympics', 'OAR'],
      ['Great Britain at the 1976 Winter Olympics', 'GBR'],
      ['Chinese Taipei at the 2022 Winter Olympics', 'TPE'],
      ['South Korea at the 2006 Winter Olympics', 'KOR'],
      ['Kenya at the 2010 Summer Youth Olympics', 'KEN'],
      ['Netherlands', null],
      ['Atlantis at the 2026 Winter Olympics', null],
      ['Speed skating at the 2026 Winter Olympics', null],
    ])('%s', (target, noc) => {
      expect(nocFromTeamArticle(target)).toBe(noc);
    });
  });

  describe('nocFromFlagFile', () => {
    it.each<[string, string | null]>([
      ['Flag_of_the_Netherlands.svg', 'NED'],
      ['Flag_of_the_Soviet_Union_(1955-1980).svg', 'URS'],
      ['Flag_of_the_Soviet_Union.svg', 'URS'],
      ["Flag_of_the_People's_Republic_of_China.svg", 'CHN'],
      ['Flag of East Germany.svg', 'GDR'],
      ['Flag_of_Germany.svg', 'GER'],
      ['Flag_of_the_United_Kingdom.svg', 'GBR'],
      ['Flag_of_the_United_States.svg', 'USA'],
      ['Flag_of_South_Korea.svg', 'KOR'],
      ['Flag_of_Chinese_Taipei_for_Olympic_games.svg', 'TPE'],
      ['Flag_of_Belgium_(civil).svg', 'BEL'],
      ['Flag_of_Czechoslovakia.svg', 'TCH'],
      ['Olympic_flag.svg', null],
      ['Gold_medal_icon.svg', null],
      ['Flag_of_Atlantis.svg', null],
    ])('%s', (file, noc) => {
      expect(nocFromFlagFile(file)).toBe(noc);
    });
  });

  describe('nocFromText', () => {
    it.each<[string, string | null]>([
      ['NED', 'NED'],
      ['(URS)', 'URS'],
      ['Yevgeny Kulikov (URS)', 'URS'],
      [' FRG ', 'FRG'],
      ['ROC', 'ROC'],
      ['XYZ', null],
      ['ned', null],
      ['Netherlands', null],
    ])('%j', (text, noc) => {
      expect(nocFromText(text)).toBe(noc);
    });
  });

  describe('nocFromName and knownNoc', () => {
    it.each<[string, string | null]>([
      ['the Netherlands', 'NED'],
      ['Turkey', 'TUR'],
      ['Türkiye', 'TUR'],
      ['West Germany', 'FRG'],
      ['USSR', 'URS'],
      ['United_States', 'USA'],
      ['EUN', 'EUN'],
      ['', null],
      ['Nowhere', null],
    ])('%j', (name, noc) => {
      expect(nocFromName(name)).toBe(noc);
    });

    it('knows current and historic codes, and no other three letters', () => {
      expect(['NED', 'URS', 'GDR', 'AIN', 'ROC', 'XYZ', 'NE'].map(knownNoc)).toStrictEqual([
        'NED',
        'URS',
        'GDR',
        'AIN',
        'ROC',
        null,
        null,
      ]);
    });
  });
});
