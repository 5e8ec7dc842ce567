import { describe, expect, it } from 'vitest';
import { countryName } from '../../src/render/countries.js';
import { renderMedals } from '../../src/render/medals.js';
import { podiumPicture } from '../../src/render/pictures.js';
import { EN, langFor } from '../../src/i18n/lang.js';
import { seedDataset } from '../commands/factory.js';

const seeds = await seedDataset();

describe('render/countries', () => {
  describe('countryName', () => {
    it.each([
      ['nl', 'NED', 'Nederland'],
      ['de', 'NED', 'Niederlande'],
      ['it', 'NED', 'Paesi Bassi'],
      ['fr', 'NED', 'Pays-Bas'],
      ['no', 'DEN', 'Danmark'],
      ['pl', 'ITA', 'Włochy'],
      ['ja', 'NED', 'オランダ'],
      ['ko', 'CHN', '중국'],
      ['zh-CN', 'LAT', '拉脱维亚'],
      // Olympic names, not the everyday ones.
      ['nl', 'GBR', 'Groot-Brittannië'],
      ['de', 'TPE', 'Chinesisch Taipeh'],
      ['zh-CN', 'TPE', '中华台北'],
      ['ko', 'KOR', '대한민국'],
      // Historic NOCs.
      ['nl', 'URS', 'Sovjet-Unie'],
      ['de', 'GDR', 'DDR'],
      ['de', 'FRG', 'BR Deutschland'],
      ['pl', 'TCH', 'Czechosłowacja'],
      ['ja', 'EUN', '統一チーム'],
      ['fr', 'YUG', 'Yougoslavie'],
      ['it', 'XYZ', 'XYZ'],
    ])('%s %s is %s', (locale, code, name) => {
      expect(countryName(code, langFor(locale))).toBe(name);
    });

    it('keeps the model’s English names', () => {
      expect(['NED', 'GBR', 'URS', 'XYZ'].map((code) => countryName(code, EN))).toStrictEqual([
        'Netherlands',
        'Great Britain',
        'Soviet Union',
        'XYZ',
      ]);
    });
  });

  it('names the nations of the medal table and of the podium card in the reader’s language', () => {
    const nl = langFor('nl');
    const medals = renderMedals(seeds.medalTable(), seeds.articles, nl).embeds?.[0]?.description ?? '';
    expect(medals).toContain('**NED** Nederland');
    expect(medals).not.toContain('Netherlands');
    const card = podiumPicture(seeds.podium(seeds.byId.get('mass-start-men-2026')!), langFor('ko'));
    const input = card?.request.kind === 'podium' ? card.request.input : null;
    expect(input?.medallists.map((m) => m.countryName)).toStrictEqual(['네덜란드', '덴마크', '이탈리아']);
  });
});
