import { describe, expect, it } from 'vitest';
import athlete from '../../commands/athlete.js';
import { contextFor, invoke, seedDataset, typing, userErrorOf } from './factory.js';

const ctx = contextFor(await seedDataset());

describe('commands/athlete', () => {
  describe('execute', () => {
    it('follows /athlete name:Sun Long from heat 8 to the silver medal', () => {
      const reply = athlete.execute(invoke({ name: 'Sun Long' }), ctx);
      expect(reply.embeds).toStrictEqual([
        {
          title: 'Sun Long',
          description: 'Representing 🇨🇳 CHN\n🥈 ×1\n1 event loaded',
          color: 0xa8a9ad,
          fields: [
            {
              name: "2026 · Men's 1000 metres (short track) — 🥈 2nd",
              value: [
                '**Heats, heat 8** — 2nd · 1:25.339 · Q',
                '**Quarterfinals, heat 3** — 1st · 1:26.563 · Q',
                '**Semifinals, heat 1** — 2nd · 1:23.585 · QA',
                '**Final A** — 2nd · 1:24.565',
              ].join('\n'),
            },
            {
              name: 'Best times in the loaded events',
              value: '**1000 m (short track)**: 1:23.585 — Semifinals, heat 1, 2026',
            },
          ],
        },
      ]);
    });

    it.each([
      ['without accents and in the other order', 'Long Sun', 'Sun Long'],
      ['by surname with a particle', "van 't wout", "Jens van 't Wout"],
      ['without diacritics', 'michal niewinski', 'Michał Niewiński'],
    ])('finds a skater typed %s', (_, name, title) => {
      const reply = athlete.execute(invoke({ name }), ctx);
      expect(reply.embeds?.[0]?.title).toBe(title);
    });

    it('says where a skater went out when they reached no final', () => {
      const reply = athlete.execute(invoke({ name: 'Brandon Kim' }), ctx);
      expect(reply.embeds?.[0]?.fields).toStrictEqual([
        {
          name: "2026 · Men's 1000 metres (short track) — out in heats",
          value: '**Heats, heat 8** — no rank · PEN',
        },
      ]);
    });

    it.each([
      [
        'a name several skaters share',
        'kim',
        '`kim` matches 2 skaters. Which one?',
        ["Kim Min-seok — Men's mass start", "Brandon Kim — Men's 1000 metres"],
      ],
      [
        'a name nobody has',
        'xqzt',
        'No skater matches `xqzt`. Try a surname, or pick from the suggestions as you type.',
        [],
      ],
      ['a blank name', '', 'Please give a value for `name`.', []],
    ])('explains %s', async (_, name, message, suggestions) => {
      expect(await userErrorOf(() => athlete.execute(invoke({ name }), ctx))).toStrictEqual({
        message,
        suggestions,
      });
    });
  });

  describe('autocomplete', () => {
    it('suggests skaters with their NOC and events', () => {
      expect(athlete.autocomplete(typing('name', 'sun'), ctx)).toStrictEqual([
        { name: "Sun Long (CHN) — Men's 1000 metres", value: 'long-sun' },
      ]);
    });

    it('stays within 25 choices and never throws on odd input', () => {
      for (const typed of ['', 'a', 'e', '`*_~|>', '\u202e', 'x'.repeat(200)]) {
        const choices = athlete.autocomplete(typing('name', typed), ctx);
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
      }
    });
  });
});
