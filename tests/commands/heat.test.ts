import { describe, expect, it } from 'vitest';
import heat from '../../commands/heat.js';
import { renderHeat } from '../../src/render/heat.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import { contextFor, drawn, invoke, seedDataset, typing, userErrorOf } from './factory.js';

const ctx = contextFor(await seedDataset());

describe('commands/heat', () => {
  it('lays a heat out once per heat object: the same reply again, a changed copy its own', () => {
    const first = heat.execute(invoke({ event: '1000m', round: 'quarterfinal', n: 3 }), ctx);
    // The embed, that is: the reply's picture job is made anew each time.
    expect(heat.execute(invoke({ event: '1000m', round: 'quarterfinal', n: 3 }), ctx).embeds).toStrictEqual(
      first.embeds,
    );
    const event = structuredClone(ctx.data.events.get('short-track-1000m-men-2026')!);
    const round = event.rounds.find((r) => r.id === 'quarterfinal')!;
    const copy = round.heats.find((h) => h.number === 3)!;
    copy.rows[0]!.name = 'Renamed Skater';
    expect(renderHeat(event, round, copy).embeds?.[0]?.description).toContain('Renamed Skater');
    expect(first.embeds?.[0]?.description).not.toContain('Renamed Skater');
  });

  describe('execute', () => {
    it('answers /heat event:1000m round:quarterfinal n:3 with the exact table', async () => {
      const reply = heat.execute(invoke({ event: '1000m', round: 'quarterfinal', n: 3 }), ctx);
      const [embed] = reply.embeds ?? [];
      expect(embed?.title).toBe("Short track · Men's 1000 metres · 2026 Winter Olympics");
      expect(embed?.description?.split('\n')).toStrictEqual([
        '**Quarterfinals, heat 3** · <t:1770924840:f> (<t:1770924840:R>)',
        '```',
        '# Name                  Time     Gap',
        '1 Sun Long          1:26.563         Q',
        '2 Roberts Krūzbergs 1:27.133  +0.570 Q',
        '3 Michał Niewiński  1:46.369 +19.806 ADV',
        '  Pietro Sighel            –         PEN',
        '  Quentin Fercoq           –         PEN',
        '```',
      ]);
      expect(embed?.fields).toStrictEqual([
        {
          name: 'Notes',
          value: '**Q** qualified by place · **ADV** advanced by the referee · **PEN** penalty',
        },
        { name: 'Other heats', value: '1, 2, 4 — `/heat` with `n`' },
      ]);
      expect(checkReplyLimits(reply)).toStrictEqual([]);
      // Text first: the chart comes in a later edit of the same message, with the same embed.
      expect(reply.files).toBeUndefined();
      expect(embed?.image).toBeUndefined();
      const final = await drawn(reply);
      const [file] = final?.files ?? [];
      expect(file?.name).toBe('short-track-1000m-men-2026-quarterfinal-3.png');
      expect(file?.description).toBe(
        "Times and gaps to the winner, Men's 1000 metres · Quarterfinals, heat 3",
      );
      expect(final?.embeds).toStrictEqual([{ ...embed, image: { url: `attachment://${file?.name}` } }]);
      expect(checkReplyLimits(final!)).toStrictEqual([]);
    });

    it('attaches a chart of sprint points to a mass-start race', async () => {
      const reply = await drawn(heat.execute(invoke({ event: 'mass-start-women', round: 'final' }), ctx));
      const [file] = reply?.files ?? [];
      expect(file?.name).toBe('mass-start-women-2026-final.png');
      expect(file?.description).toBe("Sprint points per skater, Women's mass start · Final");
      expect(file?.data.subarray(1, 4).toString()).toBe('PNG');
      // 16 skaters: the chart grows with the rows (196 + 40 per row + 56).
      expect([file?.data.readUInt32BE(16), file?.data.readUInt32BE(20)]).toStrictEqual([1200, 892]);
    });

    it('says the lap count once and leaves out what does not fit a phone', () => {
      const reply = heat.execute(invoke({ event: 'mass-start-men', round: 'semifinal', n: 1 }), ctx);
      const lines = reply.embeds?.[0]?.description?.split('\n') ?? [];
      expect(lines.slice(0, 5)).toStrictEqual([
        '**Semifinals, heat 1** · 16 laps',
        '```',
        ' # Name                  S1 S2 S3 S4 Pts',
        ' 1 Antoine Gélinas-Beau…          60  60 Q',
        ' 2 Shomu Sasaki                   40  40 Q',
      ]);
      expect(lines.at(-1)).toBe('-# Time left out to fit a phone screen.');
    });

    it.each([
      [
        'an unknown round',
        { event: '1000m', round: 'repechage', n: 1 },
        "Men's 1000 metres has no round `repechage`.",
        [
          '`heat` — Heats',
          '`quarterfinal` — Quarterfinals',
          '`semifinal` — Semifinals',
          '`final-b` — Final B',
          '`final` — Final A',
        ],
      ],
      [
        'a heat out of range',
        { event: '1000m', round: 'quarterfinal', n: 9 },
        'Quarterfinals has no heat 9; it has heats 1, 2, 3, 4.',
        ['`n:1`', '`n:2`', '`n:3`', '`n:4`'],
      ],
      [
        'a missing heat number in a round of several heats',
        { event: '1000m', round: 'semifinal' },
        'Semifinals has heats 1, 2; choose one with `n`.',
        ['`n:1`', '`n:2`'],
      ],
      ['a blank round', { event: '1000m', round: ' ', n: 1 }, 'Please give a value for `round`.', []],
      [
        'an ambiguous event',
        { event: 'mass start', round: 'final' },
        '`mass start` matches 2 events. Pick one:',
        [
          "`mass-start-men-2026` — 2026 · Men's mass start (speed skating)",
          "`mass-start-women-2026` — 2026 · Women's mass start (speed skating)",
        ],
      ],
    ])('explains %s', async (_, values, message, suggestions) => {
      expect(await userErrorOf(() => heat.execute(invoke(values), ctx))).toStrictEqual({
        message,
        suggestions,
      });
    });
  });

  describe('autocomplete', () => {
    it('offers the rounds of the chosen event only', () => {
      expect(heat.autocomplete(typing('round', '', { event: 'mass-start-men' }), ctx)).toStrictEqual([
        { name: 'Semifinals (2 heats)', value: 'semifinal' },
        { name: 'Final (one race)', value: 'final' },
      ]);
      expect(heat.autocomplete(typing('round', 'fin', { event: '1000m' }), ctx)).toStrictEqual([
        { name: 'Final B (one race)', value: 'final-b' },
        { name: 'Final A (one race)', value: 'final' },
      ]);
    });

    it('offers no rounds while the event is unclear', () => {
      expect(heat.autocomplete(typing('round', '', { event: 'mass start' }), ctx)).toStrictEqual([]);
      expect(heat.autocomplete(typing('round', '', {}), ctx)).toStrictEqual([]);
    });

    it('offers the heats of the chosen round with who raced in them', () => {
      const choices = heat.autocomplete(typing('n', '', { event: '1000m', round: 'semifinal' }), ctx);
      expect(choices).toStrictEqual([
        { name: 'Semifinals, heat 1 — William Dandjinou, Sun Long, Roberts Krūzbergs', value: 1 },
        { name: "Semifinals, heat 2 — Rim Jong-un, Jens van 't Wout, Michał Niewiński", value: 2 },
      ]);
    });
  });
});
