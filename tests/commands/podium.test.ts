import { describe, expect, it } from 'vitest';
import podium from '../../commands/podium.js';
import { createApp } from '../../src/app/app.js';
import { contextFor, drawn, invoke, seedDataset, testPictures, typing, userErrorOf } from './factory.js';

const ctx = contextFor(await seedDataset());

describe('commands/podium', () => {
  describe('execute', () => {
    it('answers /podium event:mass-start-men with the medallists, their NOCs and points', async () => {
      const reply = podium.execute(invoke({ event: 'mass-start-men' }), ctx);
      expect(reply.ephemeral).toBeUndefined();
      const [embed] = reply.embeds ?? [];
      expect(embed?.title).toBe("Podium · Men's mass start · 2026 Winter Olympics");
      expect(embed?.description?.split('\n')).toStrictEqual([
        '🥇 **Jorrit Bergsma** 🇳🇱 NED — 68 pts',
        '🥈 **Viktor Hald Thorup** 🇩🇰 DEN — 47 pts',
        '🥉 **Andrea Giovannini** 🇮🇹 ITA — 21 pts',
      ]);
      expect(embed?.fields).toStrictEqual([
        { name: 'Winning points', value: '68 pts', inline: true },
        { name: 'Venue', value: 'Milano Speed Skating Stadium, Milan', inline: true },
        { name: 'Date', value: '21 February 2026', inline: true },
        {
          name: 'Places 4–8',
          value: [
            '```',
            '4th Jordan Stolz             10 pts',
            '5th Chung Jae-won             6 pts',
            '6th Antoine Gélinas-Beaulieu  3 pts',
            '7th Mathieu Belloir            1 pt',
            '8th Indra Médard               1 pt',
            '```',
          ].join('\n'),
        },
      ]);
      expect(embed?.footer).toStrictEqual({
        text: "Source: Wikipedia, “Speed skating at the 2026 Winter Olympics – Men's mass start” (000_1a0ef7e0fe2592fc.txt)",
      });
      // Text first: the card comes in a later edit of the same message, with the same embed.
      expect(reply.files).toBeUndefined();
      expect(embed?.image).toBeUndefined();
      const final = await drawn(reply);
      const [file] = final?.files ?? [];
      expect(final?.embeds).toStrictEqual([{ ...embed, image: { url: `attachment://${file?.name}` } }]);
      expect(file?.name).toBe('podium-mass-start-men-2026.png');
      expect(file?.data.subarray(0, 8)).toStrictEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect([file?.data.readUInt32BE(16), file?.data.readUInt32BE(20)]).toStrictEqual([1200, 675]);
      expect(file?.description).toBe(
        "Podium of Men's mass start: gold Jorrit Bergsma (NED), silver Viktor Hald Thorup (DEN), bronze Andrea Giovannini (ITA)",
      );
    });

    it('draws the card once, then the core attaches it to the first reply from the cache, with nothing later', async () => {
      const first = await drawn(podium.execute(invoke({ event: 'mass-start-women' }), ctx));
      const logger = { error: () => undefined, warn: () => undefined };
      const app = createApp({
        commands: new Map([['podium', podium]]),
        context: ctx,
        logger,
        pictures: testPictures(),
      });
      const caller = { userId: 'u', isAdmin: false, locale: 'en-US' };
      const { options } = invoke({ event: 'mass-start-women-2026' });
      const second = await app.handle({ kind: 'command', command: 'podium', options, caller });
      if (second.kind !== 'reply') throw new Error('expected a reply');
      expect(second.picture).toBeUndefined();
      expect(second.message.files[0]?.data).toBe(first?.files?.[0]?.data);
      expect(second.message.embeds).toStrictEqual(first?.embeds);
      expect(second.message.files).toStrictEqual(first?.files);
    });

    it('starts one draw for a burst of the same podium', async () => {
      const replies = Array.from({ length: 5 }, () => podium.execute(invoke({ event: '1000m' }), ctx));
      const finals = await Promise.all(replies.map((reply) => drawn(reply)));
      const pictures = new Set(finals.map((reply) => reply?.files?.[0]?.data));
      expect(pictures.size).toBe(1);
    });

    it('adds the year to dates that leave it out, and takes places 6–8 from Final B', () => {
      const reply = podium.execute(invoke({ event: '1000m' }), ctx);
      expect(reply.embeds?.[0]?.description?.split('\n')).toStrictEqual([
        "🥇 **Jens van 't Wout** 🇳🇱 NED — 1:24.537",
        '🥈 **Sun Long** 🇨🇳 CHN — 1:24.565',
        '🥉 **Rim Jong-un** 🇰🇷 KOR — 1:24.611',
      ]);
      expect(reply.embeds?.[0]?.fields).toStrictEqual([
        { name: 'Winning time', value: '1:24.537', inline: true },
        { name: 'Venue', value: 'Forum di Milano, Milan', inline: true },
        { name: 'Date', value: '10 and 12 February 2026', inline: true },
        {
          name: 'Places 4–8',
          value: [
            '```',
            '4th William Dandjinou 1:24.671',
            '5th Roberts Krūzbergs 1:24.681',
            '6th Shaoang Liu       1:27.211',
            '7th Teun Boer         1:27.267',
            '8th Shin Dong-min     1:27.453',
            '```',
          ].join('\n'),
        },
      ]);
    });

    it.each([
      [
        'an ambiguous short form',
        'mass start',
        '`mass start` matches 2 events. Pick one:',
        [
          "`mass-start-men-2026` — 2026 · Men's mass start (speed skating)",
          "`mass-start-women-2026` — 2026 · Women's mass start (speed skating)",
        ],
      ],
      [
        'an unknown event',
        '500m',
        'No event matches `500m`.',
        [
          "`short-track-1000m-men-2026` — 2026 · Men's 1000 metres (short track)",
          "`mass-start-men-2026` — 2026 · Men's mass start (speed skating)",
          "`mass-start-women-2026` — 2026 · Women's mass start (speed skating)",
        ],
      ],
      ['a blank value', '   ', 'Please give a value for `event`.', []],
    ])('explains %s privately, with what to pick', async (_, event, message, suggestions) => {
      expect(await userErrorOf(() => podium.execute(invoke({ event }), ctx))).toStrictEqual({
        message,
        suggestions,
      });
    });
  });

  describe('autocomplete', () => {
    it('offers every event for an empty option, at most 25', () => {
      const choices = podium.autocomplete(typing('event', ''), ctx);
      expect(choices.map((c) => c.value)).toStrictEqual([
        'short-track-1000m-men-2026',
        'mass-start-men-2026',
        'mass-start-women-2026',
      ]);
    });

    it('ranks the event a prefix names before the near misses', () => {
      expect(podium.autocomplete(typing('event', 'mass-start-w'), ctx)).toStrictEqual([
        { name: "2026 · Women's mass start (speed skating)", value: 'mass-start-women-2026' },
        { name: "2026 · Men's mass start (speed skating)", value: 'mass-start-men-2026' },
      ]);
    });
  });
});
