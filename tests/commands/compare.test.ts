import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import compare from '../../commands/compare.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import { Dataset } from '../../src/domain/index.js';
import { langFor } from '../../src/i18n/lang.js';
import { parseArticle } from '../../src/parse/index.js';
import type { PictureJob } from '../../src/pictures/requests.js';
import { contextFor, invoke, seedDataset, typing, userErrorOf } from './factory.js';

const ctx = contextFor(await seedDataset());

describe('commands/compare', () => {
  describe('execute', () => {
    it('puts Sun Long and Roberts Krūzbergs side by side in the four races where they met', () => {
      const reply = compare.execute(invoke({ a: 'Sun Long', b: 'Roberts Kruzbergs' }), ctx);
      expect(reply.ephemeral).toBeUndefined();
      expect(reply.embeds).toStrictEqual([
        {
          title: 'Sun Long vs Roberts Krūzbergs',
          description: [
            'Met in 4 races: Sun Long finished ahead 4×, Roberts Krūzbergs 0×.',
            "Both skated: 2026 · Men's 1000 metres (short track)",
            'Medals: Sun Long 🥈 ×1 · Roberts Krūzbergs no medals',
          ].join('\n'),
          color: 0x2b6cb0,
          fields: [
            {
              name: "2026 · Men's 1000 metres — Heats, heat 8",
              value:
                '▶ **Sun Long** — 2nd · 1:25.339 · Q\nRoberts Krūzbergs — 3rd · 1:25.341 · ADV\nSun Long finished ahead',
            },
            {
              name: "2026 · Men's 1000 metres — Quarterfinals, heat 3",
              value:
                '▶ **Sun Long** — 1st · 1:26.563 · Q\nRoberts Krūzbergs — 2nd · 1:27.133 · Q\nSun Long finished ahead',
            },
            {
              name: "2026 · Men's 1000 metres — Semifinals, heat 1",
              value:
                '▶ **Sun Long** — 2nd · 1:23.585 · QA\nRoberts Krūzbergs — 3rd · 1:23.700 · qA\nSun Long finished ahead',
            },
            {
              name: "2026 · Men's 1000 metres — Final A",
              value:
                '▶ **Sun Long** — 2nd · 1:24.565\nRoberts Krūzbergs — 5th · 1:24.681\nSun Long finished ahead',
            },
            {
              name: 'Best times over the same distance',
              value: '**1000 m (short track)**: Sun Long **1:23.585** · Roberts Krūzbergs 1:23.700',
            },
          ],
        },
      ]);
      expect(checkReplyLimits(reply)).toStrictEqual([]);
    });

    it('turns the sides round when the names are given the other way', () => {
      const reply = compare.execute(invoke({ a: 'Krūzbergs', b: 'Long Sun' }), ctx);
      expect(reply.embeds?.[0]?.description?.split('\n')[0]).toBe(
        'Met in 4 races: Roberts Krūzbergs finished ahead 0×, Sun Long 4×.',
      );
      expect(reply.embeds?.[0]?.fields?.[1]?.value).toBe(
        'Roberts Krūzbergs — 2nd · 1:27.133 · Q\n▶ **Sun Long** — 1st · 1:26.563 · Q\nSun Long finished ahead',
      );
    });

    it('says when two skaters of different events never met, and still shows their best marks', () => {
      const reply = compare.execute(invoke({ a: 'Jorrit Bergsma', b: 'Sun Long' }), ctx);
      expect(reply.embeds?.[0]?.description).toBe(
        [
          'They never met in a race in the loaded events.',
          'No event in common.',
          'Medals: Jorrit Bergsma 🥇 ×1 · Sun Long 🥈 ×1',
        ].join('\n'),
      );
      expect(reply.embeds?.[0]?.fields).toStrictEqual([
        {
          name: 'Best times: Jorrit Bergsma',
          value: '**mass start**: 7:47.81 — Semifinals, heat 1, 2026',
        },
        {
          name: 'Best times: Sun Long',
          value: '**1000 m (short track)**: 1:23.585 — Semifinals, heat 1, 2026',
        },
      ]);
    });

    it('says when two skaters of one event were never in the same heat', () => {
      // Hwang Dae-heon went out in quarterfinal 1, Pietro Sighel in quarterfinal 3.
      const reply = compare.execute(invoke({ a: 'Hwang Dae-heon', b: 'Pietro Sighel' }), ctx);
      expect(reply.embeds?.[0]?.description?.split('\n')).toStrictEqual([
        'They never met in a race in the loaded events.',
        "Both skated: 2026 · Men's 1000 metres (short track)",
        'Medals: Hwang Dae-heon no medals · Pietro Sighel no medals',
      ]);
      expect(reply.embeds?.[0]?.fields).toStrictEqual([
        {
          name: 'Best times over the same distance',
          value: '**1000 m (short track)**: Hwang Dae-heon **1:24.133** · Pietro Sighel 1:25.740',
        },
      ]);
    });

    it.each([
      ['the same spelling', 'Sun Long', 'Sun Long'],
      ['another spelling of the same skater', 'Sun Long', 'long sun'],
    ])('refuses one skater against herself or himself (%s)', async (_, a, b) => {
      expect(await userErrorOf(() => compare.execute(invoke({ a, b }), ctx))).toStrictEqual({
        message: 'Both options name Sun Long. Pick two different skaters to compare.',
        suggestions: [],
      });
    });

    it('explains an unknown name', async () => {
      expect(
        await userErrorOf(() => compare.execute(invoke({ a: 'Sun Long', b: 'Zzyzx Qwvbk' }), ctx)),
      ).toStrictEqual({
        message: 'No skater matches `Zzyzx Qwvbk`. Try a surname, or pick from the suggestions as you type.',
        suggestions: [],
      });
    });

    it('lists the candidates for a name several skaters share', async () => {
      const error = await userErrorOf(() => compare.execute(invoke({ a: 'Kim', b: 'Sun Long' }), ctx));
      expect(error.message).toMatch(/^`Kim` matches \d+ skaters\. Which one\?$/);
      expect(error.suggestions.length).toBeGreaterThan(1);
      for (const line of error.suggestions) expect(line).toMatch(/\bKim\b/);
    });

    it('asks for a blank option', async () => {
      expect(await userErrorOf(() => compare.execute(invoke({ a: 'Sun Long', b: ' ' }), ctx))).toStrictEqual({
        message: 'Please give a value for `b`.',
        suggestions: [],
      });
    });
  });

  describe('the head-to-head picture', () => {
    const ENGLISH_LABELS = {
      headToHead: 'Head to head',
      versus: 'vs',
      racesWon: 'Races won',
      race: 'Race',
      neither: 'Neither finished ahead',
      neverMet: 'They never met in a race in the loaded events.',
      noTime: 'No finishing time in the loaded events',
      moreRaces: null,
    };
    const race = (name: string, a: [number, string], b: [number, string]) => ({
      race: name,
      event: "2026 · Men's 1000 metres",
      a: { rank: a[0], text: a[1], points: null },
      b: { rank: b[0], text: b[1], points: null },
      ahead: 'a' as const,
    });

    it('is attached for Sun Long and Roberts Krūzbergs: the four races, the tally and the shared best', () => {
      const reply = compare.execute(invoke({ a: 'Sun Long', b: 'Roberts Kruzbergs' }), ctx);
      expect(reply.picture).toStrictEqual({
        key: expect.stringMatching(/^headToHead:\d+:\d+$/) as string,
        name: 'compare-sun-long-roberts-kruzbergs.png',
        description:
          'Sun Long vs Roberts Krūzbergs — Met in 4 races: Sun Long finished ahead 4×, Roberts Krūzbergs 0×. · ' +
          '1000 m (short track): Sun Long 1:23.585, Roberts Krūzbergs 1:23.700',
        request: {
          kind: 'headToHead',
          input: {
            // Sun Long's NOC is in the article (the podium); Krūzbergs's country cell names none.
            a: { name: 'Sun Long', noc: 'CHN' },
            b: { name: 'Roberts Krūzbergs', noc: null },
            races: [
              race('Heats, heat 8', [2, '1:25.339'], [3, '1:25.341']),
              race('Quarterfinals, heat 3', [1, '1:26.563'], [2, '1:27.133']),
              race('Semifinals, heat 1', [2, '1:23.585'], [3, '1:23.700']),
              race('Final A', [2, '1:24.565'], [5, '1:24.681']),
            ],
            wins: { a: 4, b: 0, total: 4 },
            bests: [{ distance: '1000 m (short track)', a: '1:23.585', b: '1:23.700', faster: 'a' }],
            labels: { ...ENGLISH_LABELS, bests: 'Best times over the same distance' },
          },
        },
      } satisfies PictureJob);
      // Plain data, as a worker thread receives it.
      expect(structuredClone(reply.picture)).toStrictEqual(reply.picture);
    });

    it('is the same picture (one cache key) when asked again, and another with the sides turned round', () => {
      const first = compare.execute(invoke({ a: 'Sun Long', b: 'Roberts Kruzbergs' }), ctx).picture;
      const again = compare.execute(invoke({ a: 'Long Sun', b: 'Krūzbergs' }), ctx).picture;
      const turned = compare.execute(invoke({ a: 'Krūzbergs', b: 'Sun Long' }), ctx).picture;
      expect(again?.key).toBe(first?.key);
      expect(turned?.key).not.toBe(first?.key);
      if (turned?.request.kind !== 'headToHead') throw new Error('expected a head-to-head picture');
      expect(turned.request.input.wins).toStrictEqual({ a: 0, b: 4, total: 4 });
      expect(turned.request.input.races.map((r) => r.ahead)).toStrictEqual(['b', 'b', 'b', 'b']);
    });

    it('is attached for two who never met: the never-met line and every best side by side', () => {
      const reply = compare.execute(invoke({ a: 'Jorrit Bergsma', b: 'Sun Long' }), ctx);
      expect(reply.picture?.description).toBe(
        'Jorrit Bergsma vs Sun Long — They never met in a race in the loaded events. · ' +
          'Mass start: Jorrit Bergsma 7:47.81 · 1000 m (short track): Sun Long 1:23.585',
      );
      expect(reply.picture?.request).toStrictEqual({
        kind: 'headToHead',
        input: {
          a: { name: 'Jorrit Bergsma', noc: 'NED' },
          b: { name: 'Sun Long', noc: 'CHN' },
          races: [],
          wins: { a: 0, b: 0, total: 0 },
          bests: [
            { distance: 'Mass start', a: '7:47.81', b: null, faster: null },
            { distance: '1000 m (short track)', a: null, b: '1:23.585', faster: null },
          ],
          labels: { ...ENGLISH_LABELS, bests: 'Best times in the loaded events' },
        },
      });
    });

    it('marks the faster best of two who skated the same event but never met', () => {
      const picture = compare.execute(invoke({ a: 'Hwang Dae-heon', b: 'Pietro Sighel' }), ctx).picture;
      if (picture?.request.kind !== 'headToHead') throw new Error('expected a head-to-head picture');
      expect(picture.request.input.races).toStrictEqual([]);
      expect(picture.request.input.bests).toStrictEqual([
        { distance: '1000 m (short track)', a: '1:24.133', b: '1:25.740', faster: 'a' },
      ]);
    });

    it('says when two long-track skaters raced in the same pair, as the text does', () => {
      const text = readFileSync(new URL('../fixtures/e2e/3000m-women-2026.txt', import.meta.url), 'utf8');
      const pairs = contextFor(new Dataset([parseArticle(text, '3000m-women-2026.txt').article]));
      const races = (a: string, b: string) => {
        const picture = compare.execute(invoke({ a, b }), pairs).picture;
        if (picture?.request.kind !== 'headToHead') throw new Error('expected a head-to-head picture');
        return picture.request.input.races.map((r) => [r.race, r.a.text, r.b.text, r.ahead]);
      };
      // Pair 2: Lindqvist and Halvorsen; pair 1: Okada.
      expect(races('Ada Lindqvist', 'Nora Halvorsen')).toStrictEqual([
        ['Race (same pair)', '3:58.12', '4:00.05', 'a'],
      ]);
      expect(races('Mei Okada', 'Ada Lindqvist')).toStrictEqual([['Race', '3:59.40', '3:58.12', 'b']]);
    });

    it('carries the words and the alt text in the reader’s language (ko), names and times as written', () => {
      const reply = compare.execute(
        invoke({ a: 'Sun Long', b: 'Roberts Kruzbergs' }, false, langFor('ko')),
        ctx,
      );
      const picture = reply.picture;
      if (picture?.request.kind !== 'headToHead') throw new Error('expected a head-to-head picture');
      expect(picture.key).toMatch(/:ko$/);
      expect(picture.description).toBe(
        'Sun Long 대 Roberts Krūzbergs — 4경기에서 만남: Sun Long 4회 앞섬, Roberts Krūzbergs 0회. · ' +
          '1000m (쇼트트랙): Sun Long 1:23.585, Roberts Krūzbergs 1:23.700',
      );
      const { labels, races } = picture.request.input;
      expect([labels.headToHead, labels.versus, labels.racesWon, labels.bests]).toStrictEqual([
        '맞대결',
        '대',
        '앞선 경기',
        '같은 거리 최고 기록',
      ]);
      expect(races[1]).toMatchObject({
        race: '준준결승 3조',
        a: { text: '1:26.563' },
        b: { text: '1:27.133' },
      });
    });
  });

  describe('autocomplete', () => {
    it.each(['a', 'b'])('suggests skaters for option %s as /athlete does', (option) => {
      const choices = compare.autocomplete(typing(option, 'kruz'), ctx);
      expect(choices[0]).toStrictEqual({
        name: "Roberts Krūzbergs — Men's 1000 metres",
        value: expect.any(String) as string,
      });
    });
  });
});
