import { describe, expect, it } from 'vitest';
import compare from '../../commands/compare.js';
import { checkReplyLimits } from '../../src/render/limits.js';
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
