import { ComponentType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import results from '../../commands/results.js';
import type { Reply } from '../../src/render/reply.js';
import { checkReplyLimits, codeBlockLines } from '../../src/render/limits.js';
import { PAGE_LINES } from '../../src/render/results.js';
import { Dataset } from '../../src/domain/index.js';
import { contextFor, invoke, seedDataset, typing, userErrorOf } from './factory.js';

const seeds = await seedDataset();
const ctx = contextFor(seeds);
const shortTrack = seeds.events.get('short-track-1000m-men-2026')!;

function buttons(reply: Reply) {
  return (reply.components ?? []).flatMap((row) =>
    row.components.flatMap((c) =>
      c.type === ComponentType.Button && 'custom_id' in c
        ? [{ id: c.custom_id, label: c.label, disabled: c.disabled }]
        : [],
    ),
  );
}

/** Every page of a reply, reached by pressing Next until it is disabled. */
function allPages(first: Reply): Reply[] {
  const pages = [first];
  for (;;) {
    const next = buttons(pages.at(-1)!).find((b) => b.label === 'Next ▶');
    if (!next || next.disabled) return pages;
    pages.push(results.button(next.id, ctx));
  }
}

/** The result rows on a page: code lines other than table headers and the gaps between heats. */
function tableRows(reply: Reply): string[] {
  return codeBlockLines(reply.embeds?.[0]?.description ?? '').filter((l) => l !== '' && !/^ *# /.test(l));
}

describe('commands/results', () => {
  describe('execute', () => {
    it('shows a whole round with a heat column on one page when it fits', () => {
      const reply = results.execute(invoke({ event: '1000m', round: 'quarterfinals' }), ctx);
      const [embed] = reply.embeds ?? [];
      expect(embed?.title).toBe("Quarterfinals · Short track · Men's 1000 metres · 2026 Winter Olympics");
      expect(embed?.description?.split('\n')).toStrictEqual([
        '**Quarterfinals** · 4 heats · <t:1770924840:f>',
        '```',
        '# H Name                  Time     Gap',
        '1 1 Félix Roussel     1:24.227         Q',
        '2 1 Shaoang Liu       1:24.292  +0.065 Q',
        '3 1 Teun Boer         1:26.638  +2.411 ADV',
        '4 1 Thomas Nadalini   1:34.487 +10.260',
        '  1 Hwang Dae-heon           –         PEN',
        '',
        '1 2 William Dandjinou 1:23.781         Q',
        '2 2 Shin Dong-min     1:23.971  +0.190 Q',
        '3 2 Moon Won-jun      1:23.988  +0.207',
        '4 2 Kazuki Yoshinaga  1:24.079  +0.298',
        '5 2 Clayton DeClemen… 1:24.244  +0.463',
        '',
        '1 3 Sun Long          1:26.563         Q',
        '2 3 Roberts Krūzbergs 1:27.133  +0.570 Q',
        '3 3 Michał Niewiński  1:46.369 +19.806 ADV',
        '  3 Pietro Sighel            –         PEN',
        '  3 Quentin Fercoq           –         PEN',
        '',
        "1 4 Jens van 't Wout  1:25.199         Q",
        '2 4 Rim Jong-un       1:25.213  +0.014 Q',
        '3 4 Luca Spechenhaus… 1:25.260  +0.061',
        '4 4 Reinis Bērziņš    1:25.379  +0.180',
        '5 4 Lin Xiaojun       1:25.782  +0.583',
        '```',
      ]);
      expect(embed?.fields).toStrictEqual([
        {
          name: 'Notes',
          value: '**Q** qualified by place · **ADV** advanced by the referee · **PEN** penalty',
        },
      ]);
      expect(reply.components).toStrictEqual([]);
    });

    it('pages the whole event, every round in order, with Prev / page x of y / Next', () => {
      const first = results.execute(invoke({ event: '1000m' }), ctx);
      expect(buttons(first)).toStrictEqual([
        { id: 'results:short-track-1000m-men-2026:*:0', label: '◀ Prev', disabled: true },
        { id: 'results:short-track-1000m-men-2026:*:1', label: 'Page 1 of 4', disabled: true },
        { id: 'results:short-track-1000m-men-2026:*:2', label: 'Next ▶', disabled: false },
      ]);
      const pages = allPages(first);
      expect(pages).toHaveLength(4);
      expect(buttons(pages[3]!)).toStrictEqual([
        { id: 'results:short-track-1000m-men-2026:*:3', label: '◀ Prev', disabled: false },
        { id: 'results:short-track-1000m-men-2026:*:4', label: 'Page 4 of 4', disabled: true },
        { id: 'results:short-track-1000m-men-2026:*:5', label: 'Next ▶', disabled: true },
      ]);
      expect(pages.map((p) => p.embeds?.[0]?.description?.match(/^\*\*.+?\*\*.*$/gm))).toStrictEqual([
        ['**Heats** · 8 heats · <t:1770718200:f>'],
        ['**Heats** (continued)', '**Quarterfinals** · 4 heats · <t:1770924840:f>'],
        ['**Quarterfinals** (continued)', '**Semifinals** · 2 heats · <t:1770927120:f>'],
        ['**Semifinals** (continued)', '**Final B** · <t:1770929520:f>', '**Final A** · <t:1770929880:f>'],
      ]);
      // Every row of every round appears once, in article order, and no heat is cut between pages.
      const names = pages.flatMap(tableRows).map((line) =>
        line
          .replace(/^[ \d]+ /, '')
          .slice(0, 17)
          .trim(),
      );
      const expected = shortTrack.rounds.flatMap((r) =>
        r.heats.flatMap((h) => h.rows.map((row) => row.name)),
      );
      expect(names).toStrictEqual(expected.map((n) => (n.length > 17 ? `${n.slice(0, 16)}…` : n)));
      for (const page of pages) {
        expect(checkReplyLimits(page)).toStrictEqual([]);
        expect(codeBlockLines(page.embeds?.[0]?.description ?? '').length).toBeLessThanOrEqual(PAGE_LINES);
      }
    });

    it('says the lap count once for a mass start and notes the columns left out', () => {
      const reply = results.execute(invoke({ event: 'mass-start-women', round: 'semifinal' }), ctx);
      const lines = reply.embeds?.[0]?.description?.split('\n') ?? [];
      expect(lines.slice(0, 3)).toStrictEqual([
        '**Semifinals** · 2 heats · 16 laps',
        '```',
        ' # H Name                S1 S2 S3 S4 Pts',
      ]);
      expect(lines.at(-1)).toBe('-# Time left out to fit a phone screen.');
    });

    it.each([
      [
        'an unknown round',
        { event: 'mass-start-men', round: 'quarterfinal' },
        "Men's mass start has no round `quarterfinal`.",
        ['`semifinal` — Semifinals', '`final` — Final'],
      ],
      [
        'an ambiguous event',
        { event: 'mass start' },
        '`mass start` matches 2 events. Pick one:',
        [
          "`mass-start-men-2026` — 2026 · Men's mass start (speed skating)",
          "`mass-start-women-2026` — 2026 · Women's mass start (speed skating)",
        ],
      ],
      ['a blank event', { event: '' }, 'Please give a value for `event`.', []],
    ])('explains %s', async (_, values, message, suggestions) => {
      expect(await userErrorOf(() => results.execute(invoke(values), ctx))).toStrictEqual({
        message,
        suggestions,
      });
    });
  });

  describe('button', () => {
    it('turns to the page the custom_id names and clamps one out of range', () => {
      const third = results.button('results:short-track-1000m-men-2026:*:3', ctx);
      expect(buttons(third)[1]).toStrictEqual({
        id: 'results:short-track-1000m-men-2026:*:3',
        label: 'Page 3 of 4',
        disabled: true,
      });
      expect(results.button('results:short-track-1000m-men-2026:*:99', ctx)).toStrictEqual(
        results.button('results:short-track-1000m-men-2026:*:4', ctx),
      );
      expect(results.button('results:short-track-1000m-men-2026:*:0', ctx)).toStrictEqual(
        results.execute(invoke({ event: '1000m' }), ctx),
      );
    });

    it('keeps the round in the custom_id', () => {
      const first = results.execute(invoke({ event: '1000m', round: 'heats' }), ctx);
      expect(buttons(first).map((b) => b.id)).toStrictEqual([
        'results:short-track-1000m-men-2026:heat:0',
        'results:short-track-1000m-men-2026:heat:1',
        'results:short-track-1000m-men-2026:heat:2',
      ]);
      const second = results.button('results:short-track-1000m-men-2026:heat:2', ctx);
      expect(tableRows(second).at(-1)).toBe('  8 Brandon Kim              –         PEN');
    });

    it('draws the page from the data as it is now', () => {
      const heatsOnly = new Dataset([{ ...shortTrack, rounds: shortTrack.rounds.slice(0, 1) }]);
      const reply = results.button('results:short-track-1000m-men-2026:*:3', contextFor(heatsOnly));
      expect(buttons(reply)[1]).toMatchObject({ label: 'Page 2 of 2' });
    });

    it.each([
      ['an event no longer loaded', 'results:long-track-500m-men-2026:*:1'],
      ['a round no longer in the event', 'results:short-track-1000m-men-2026:repechage:1'],
      ['a custom_id of another shape', 'results:short-track-1000m-men-2026'],
    ])('explains %s', async (_, customId) => {
      expect(await userErrorOf(() => results.button(customId, ctx))).toStrictEqual({
        message: 'These results are no longer loaded; run `/results` again.',
        suggestions: [],
      });
    });

    it('falls back to short keys when an event id would not fit in 100 characters', () => {
      const longId = `short-track-1000m-men-2026-${'x'.repeat(80)}`;
      const long = new Dataset([{ ...shortTrack, id: longId }]);
      const longCtx = contextFor(long);
      const first = results.execute(invoke({ event: longId, round: 'heat' }), longCtx);
      const ids = buttons(first).map((b) => b.id);
      expect(ids.map((id) => id.replace(/[0-9a-f]{8}/g, 'HASH'))).toStrictEqual([
        'results:~HASH:~HASH:0',
        'results:~HASH:~HASH:1',
        'results:~HASH:~HASH:2',
      ]);
      const second = results.button(ids[2]!, longCtx);
      expect(buttons(second)[1]).toMatchObject({ label: 'Page 2 of 2' });
      expect(tableRows(second).at(-1)).toBe('  8 Brandon Kim              –         PEN');
    });
  });

  describe('autocomplete', () => {
    it('offers the rounds of the chosen event', () => {
      expect(results.autocomplete(typing('round', 'semi', { event: '1000m' }), ctx)).toStrictEqual([
        { name: 'Semifinals (2 heats)', value: 'semifinal' },
      ]);
    });

    it('offers events for the event option', () => {
      expect(results.autocomplete(typing('event', 'women'), ctx).map((c) => c.value)).toStrictEqual([
        'mass-start-women-2026',
      ]);
    });
  });
});
