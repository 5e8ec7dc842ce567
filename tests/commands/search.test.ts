import { describe, expect, it } from 'vitest';
import search from '../../commands/search.js';
import { contextFor, invoke, seedDataset, userErrorOf } from './factory.js';

const ctx = contextFor(await seedDataset());

describe('commands/search', () => {
  describe('execute', () => {
    it('finds a skater and the prose that names him, each with the command that shows more', () => {
      const reply = search.execute(invoke({ query: 'Sun Long' }), ctx);
      expect(reply.ephemeral).toBeUndefined();
      expect(reply.embeds).toStrictEqual([
        {
          title: 'Search · Sun Long',
          description: [
            "👤 **Sun Long** 🇨🇳 CHN — Men's 1000 metres",
            '→ `/athlete name:Sun Long`',
            '',
            "📄 **Men's 1000 metres** · 2026 · short track",
            "> …Milan. Jens van 't Wout of the Netherlands won the event. **Sun Long** of China won the silver medal and Rim Jong-un of South Korea bronze. For all of them, these were the first Olympic medals.",
            '→ `/event event:short-track-1000m-men-2026`',
          ].join('\n'),
          color: 0x2b6cb0,
        },
      ]);
    });

    // The ranking belongs to src/search; these check how each kind of hit is shown, wherever it ranks.
    it('points event hits at /event and names the section of a prose hit', () => {
      const reply = search.execute(invoke({ query: 'mass start' }), ctx);
      const blocks = reply.embeds?.[0]?.description?.split('\n\n') ?? [];
      expect(blocks).toContain(
        "🏟️ **Men's mass start** · 2026 · speed skating\n→ `/event event:mass-start-men-2026`",
      );
      expect(blocks).toContain(
        [
          "📄 **Women's mass start** · 2026 · speed skating › Background",
          '> …event. Before the Olympics, Mia Manganello was leading the **mass-start** standings of the 2025–26 ISU Speed Skating World Cup, closely followed by Marijke Groenewoud, who was also the 2025 World champion in **mass start**.',
          '→ `/event event:mass-start-women-2026`',
        ].join('\n'),
      );
    });

    it('bolds a misspelt word where the index matched it', () => {
      const reply = search.execute(invoke({ query: 'Bergsmaa' }), ctx);
      const blocks = reply.embeds?.[0]?.description?.split('\n\n') ?? [];
      expect(blocks).toContain(
        [
          "📄 **Men's mass start** · 2026 · speed skating › Summary",
          '> **Bergsma** and Thorup escaped, and at some point were half a lap ahead of the pursuit group, which did not manage to catch them. Two laps before the finish, **Bergsma** escaped from Thorup. Giovannini was the first at the…',
          '→ `/event event:mass-start-men-2026`',
        ].join('\n'),
      );
    });

    it('answers privately with a hint when nothing matches, and cannot be made to format', () => {
      const reply = search.execute(invoke({ query: 'xyzzy `**' }), ctx);
      expect(reply).toStrictEqual({
        embeds: [
          {
            title: 'No matches',
            description: [
              'Nothing matches `xyzzy ˋ**`.',
              "Try a skater's surname, an event such as `1000m` or `mass start`, or a word from the articles. Accents are optional.",
            ].join('\n'),
            color: 0x2b6cb0,
          },
        ],
        ephemeral: true,
      });
    });

    it('explains a blank query', async () => {
      expect(await userErrorOf(() => search.execute(invoke({ query: '  ' }), ctx))).toStrictEqual({
        message: 'Please give a value for `query`.',
        suggestions: [],
      });
    });
  });
});
