import { describe, expect, it } from 'vitest';
import eventCommand from '../../commands/event.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import { contextFor, invoke, seedDataset, typing, userErrorOf } from './factory.js';

const ctx = contextFor(await seedDataset());

describe('commands/event', () => {
  describe('execute', () => {
    it('answers /event event:1000m with the facts, format, winner and prose', () => {
      const reply = eventCommand.execute(invoke({ event: '1000m' }), ctx);
      expect(reply.ephemeral).toBeUndefined();
      expect(reply.embeds).toStrictEqual([
        {
          title: "Short track · Men's 1000 metres · 2026 Winter Olympics",
          description: [
            "The men's 1000 metres competition in short-track speed skating at the 2026 Winter Olympics was held on 10 February (heats) and 12 February (finals), 2026 at the Forum di Milano in Milan. Jens van 't Wout of the Netherlands won the event. Sun Long of China won the silver medal and Rim Jong-un of South Korea bronze. For all of them, these were the first Olympic medals.",
            '',
            '-# More: `/podium event:short-track-1000m-men-2026` · `/results event:short-track-1000m-men-2026`',
          ].join('\n'),
          color: 0x2b6cb0,
          fields: [
            { name: 'Sport', value: 'Short-track speed skating', inline: true },
            { name: 'Games', value: '2026 Winter Olympics', inline: true },
            { name: 'Venue', value: 'Forum di Milano, Milan', inline: true },
            { name: 'Dates', value: '10 and 12 February 2026', inline: true },
            { name: 'Competitors', value: '32 skaters from 17 nations', inline: true },
            {
              name: 'Winner',
              value: "🥇 **Jens van 't Wout** 🇳🇱 NED\nWinning time: **1:24.537**",
              inline: true,
            },
            { name: 'Format', value: 'Heats (8) → Quarterfinals (4) → Semifinals (2) → Final B, Final A' },
            {
              name: 'Background',
              value:
                'The defending champion, Ren Ziwei, was not available to defend the title. The 2022 silver medalist, Li Wenlong, was selected for the Olympics but did not race 1000 m. The bronze medalist Shaoang Liu qualified, though he switched from representing Hungary to China. Before the Olympics, Pietro Sighel was leading the 2025–26 ISU Short Track World Tour 1000 m standings, and William Dandjinou led the overall standings. Steven Dubois was the 1000 m 2025 World champion.',
            },
          ],
          footer: {
            text: "Source: Wikipedia, “Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres” (002_719e20d4052c2932.txt)",
          },
        },
      ]);
    });

    it('gives a points race its winning points and both prose sections in article order', () => {
      const reply = eventCommand.execute(invoke({ event: 'mass-start-men' }), ctx);
      const fields = reply.embeds?.[0]?.fields ?? [];
      expect(fields.slice(3, 7)).toStrictEqual([
        { name: 'Dates', value: '21 February 2026', inline: true },
        { name: 'Competitors', value: '29 skaters from 17 nations', inline: true },
        { name: 'Winner', value: '🥇 **Jorrit Bergsma** 🇳🇱 NED\nWinning points: **68**', inline: true },
        { name: 'Format', value: 'Semifinals (2) → Final' },
      ]);
      expect(fields.slice(7).map((f) => f.name)).toStrictEqual(['Background', 'Summary']);
      expect(fields[8]?.value).toBe(
        'Bergsma and Thorup escaped, and at some point were half a lap ahead of the pursuit group, which did not manage to catch them. Two laps before the finish, Bergsma escaped from Thorup. Giovannini was the first at the finish from the pursuit group.',
      );
      expect(checkReplyLimits(reply)).toStrictEqual([]);
    });

    it.each([
      ['an unknown event', { event: 'curling' }, 'No event matches `curling`.'],
      ['an ambiguous event', { event: 'mass start' }, '`mass start` matches 2 events. Pick one:'],
      ['a missing event', {}, 'Please give a value for `event`.'],
    ])('explains %s', async (_, values, message) => {
      expect((await userErrorOf(() => eventCommand.execute(invoke(values), ctx))).message).toBe(message);
    });
  });

  describe('autocomplete', () => {
    it('offers events by short form', () => {
      expect(eventCommand.autocomplete(typing('event', '1000'), ctx)).toStrictEqual([
        { name: "2026 · Men's 1000 metres (short track)", value: 'short-track-1000m-men-2026' },
      ]);
    });
  });
});
