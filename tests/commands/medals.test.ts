import { describe, expect, it } from 'vitest';
import medals from '../../commands/medals.js';
import { Dataset } from '../../src/domain/index.js';
import { contextFor, invoke, seedDataset } from './factory.js';

const seeds = await seedDataset();

describe('commands/medals', () => {
  describe('execute', () => {
    it('ranks the NOCs the articles state by gold, silver, bronze, with flags and shared ranks', () => {
      const reply = medals.execute(invoke(), contextFor(seeds));
      expect(reply.embeds).toStrictEqual([
        {
          title: 'Medal table · 2026 Winter Olympics',
          description: [
            '**1** 🇳🇱 **NED** Netherlands — 🥇 3 · 🥈 0 · 🥉 0 · total **3**',
            '**2** 🇨🇦 **CAN** Canada — 🥇 0 · 🥈 1 · 🥉 0 · total **1**',
            '**2** 🇨🇳 **CHN** China — 🥇 0 · 🥈 1 · 🥉 0 · total **1**',
            '**2** 🇩🇰 **DEN** Denmark — 🥇 0 · 🥈 1 · 🥉 0 · total **1**',
            '**5** 🇮🇹 **ITA** Italy — 🥇 0 · 🥈 0 · 🥉 1 · total **1**',
            '**5** 🇰🇷 **KOR** South Korea — 🥇 0 · 🥈 0 · 🥉 1 · total **1**',
            '**5** 🇺🇸 **USA** United States — 🥇 0 · 🥈 0 · 🥉 1 · total **1**',
            '',
            '-# 9 medals in 3 events loaded.',
            '-# Every medallist’s NOC is stated in the articles.',
          ].join('\n'),
          color: 0x2b6cb0,
        },
      ]);
    });

    it('counts medals whose NOC no article states apart instead of guessing', () => {
      const withoutNocs = new Dataset(
        seeds.articles.map((a) => (a.id === 'short-track-1000m-men-2026' ? { ...a, nocs: {} } : a)),
      );
      const reply = medals.execute(invoke(), contextFor(withoutNocs));
      const lines = reply.embeds?.[0]?.description?.split('\n') ?? [];
      expect(lines.slice(0, 2)).toStrictEqual([
        '**1** 🇳🇱 **NED** Netherlands — 🥇 2 · 🥈 0 · 🥉 0 · total **2**',
        '**2** 🇨🇦 **CAN** Canada — 🥇 0 · 🥈 1 · 🥉 0 · total **1**',
      ]);
      expect(lines.slice(-2)).toStrictEqual([
        '-# 9 medals in 3 events loaded.',
        '-# 3 medals have no NOC stated in the articles and are not counted above.',
      ]);
    });

    it('says so when nothing is loaded', () => {
      const reply = medals.execute(invoke(), contextFor(new Dataset([])));
      expect(reply.embeds?.[0]?.description?.split('\n')).toStrictEqual([
        'No events are loaded.',
        '',
        '-# 0 medals in 0 events loaded.',
      ]);
    });
  });
});
