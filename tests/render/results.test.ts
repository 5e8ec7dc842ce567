import { describe, expect, it } from 'vitest';
import type { EventArticle, Round } from '../../src/model/schemas.js';
import { codeBlockLines } from '../../src/render/limits.js';
import { keyMatches, shortKey } from '../../src/app/custom-id.js';
import { parseResultsButtonId, resultsButtonId } from '../../commands/results.js';
import { PAGE_LINES, paginateResults, renderResults } from '../../src/render/results.js';
import { seedDataset } from '../commands/factory.js';
import { stressArticles } from './stress-articles.js';

const seeds = await seedDataset();
const shortTrack = seeds.events.get('short-track-1000m-men-2026')!;
const [, bigRace, manyHeats] = stressArticles(shortTrack) as [EventArticle, EventArticle, EventArticle];
/** Page button ids as the caller (commands/results.ts) makes them; these tests are about the page. */
const ids = (page: number) => `results:test:*:${page}`;

describe('render/results', () => {
  describe('round tables, laid out once per round object', () => {
    it('gives the same reply when asked again, and a changed copy of a round its own table', () => {
      const first = renderResults(shortTrack, null, 2, ids);
      expect(renderResults(shortTrack, null, 2, ids)).toStrictEqual(first);
      // A reload makes new objects; the copy's table must not be the cached table of the original.
      const reloaded = structuredClone(shortTrack);
      const row = reloaded.rounds[0]!.heats[0]!.rows[0]!;
      row.name = 'Renamed Skater';
      expect(JSON.stringify(renderResults(reloaded, null, 1, ids))).toContain('Renamed Skater');
      expect(JSON.stringify(renderResults(shortTrack, null, 1, ids))).not.toContain('Renamed Skater');
    });
  });

  describe('paginateResults', () => {
    it('moves a heat whole to the next page rather than cut it', () => {
      const pages = paginateResults(shortTrack.rounds);
      const heatsPerBlock = pages.map((page) =>
        page.map((block) => `${block.round.id}:${block.lines.filter((l) => l === '').length + 1}`),
      );
      expect(heatsPerBlock).toStrictEqual([
        ['heat:5'],
        ['heat:3', 'quarterfinal:1'],
        ['quarterfinal:3', 'semifinal:1'],
        ['semifinal:1', 'final-b:1', 'final:1'],
      ]);
    });

    it('cuts only a race longer than a page, repeating the header and saying it continues', () => {
      const pages = paginateResults(bigRace.rounds);
      expect(pages.map((page) => page.map((b) => [b.continued, b.lines.length]))).toStrictEqual([
        [[false, PAGE_LINES - 2]],
        [[true, PAGE_LINES - 2]],
        [[true, 60 - 2 * (PAGE_LINES - 2)]],
      ]);
      const [first, second] = pages.map((page) => page[0]!);
      expect(second!.header).toBe(first!.header);
      expect(second!.lines[0]).toMatch(/^27 /);
    });

    it('fills no page beyond PAGE_LINES, and keeps every row once and in order', () => {
      for (const event of [shortTrack, bigRace, manyHeats, ...seeds.articles]) {
        const pages = paginateResults(event.rounds);
        for (const page of pages) {
          expect(page.reduce((n, b) => n + 2 + b.lines.length, 0)).toBeLessThanOrEqual(PAGE_LINES);
        }
        const rows = pages.flatMap((page) => page.flatMap((b) => b.rows));
        expect(rows).toStrictEqual(event.rounds.flatMap((r) => r.heats.flatMap((h) => h.rows)));
      }
    });
  });

  describe('renderResults', () => {
    it('says what a page leaves out and the codes on it, and nothing else', () => {
      const reply = renderResults(bigRace, bigRace.rounds[0]!, 2, ids);
      const embed = reply.embeds?.[0];
      expect(embed?.description?.split('\n')[0]).toBe('**Race** (continued)');
      expect(embed?.description?.split('\n').at(-1)).toBe('-# Pr, Ln, Time left out to fit a phone screen.');
      expect(embed?.fields).toStrictEqual([
        {
          name: 'Notes',
          value:
            '**Q** qualified by place · **WR** world record · **ZZTOP** (as in the article) · **PEN** penalty · **YC** yellow card',
        },
      ]);
      expect(codeBlockLines(embed?.description ?? '')).toHaveLength(PAGE_LINES - 1);
    });

    it('says so when an article has no results tables', () => {
      const reply = renderResults({ ...shortTrack, rounds: [] }, null, 1, ids);
      expect(reply.embeds?.[0]?.description).toBe('The article has no results tables.');
      expect(reply.components).toStrictEqual([]);
    });
  });

  describe('resultsButtonId', () => {
    const round: Round = shortTrack.rounds[1]!;

    it.each([
      [shortTrack, round, 3, 'results:short-track-1000m-men-2026:quarterfinal:3'],
      [shortTrack, null, 1, 'results:short-track-1000m-men-2026:*:1'],
    ] as const)('spells out ids that fit: %#', (event, r, page, id) => {
      expect(resultsButtonId(event, r, page)).toBe(id);
      expect(parseResultsButtonId(id)).toStrictEqual({ event: event.id, round: r?.id ?? null, page });
    });

    it('replaces ids that would pass 100 characters by short keys that still match', () => {
      const id = resultsButtonId(manyHeats, manyHeats.rounds[1]!, 12);
      expect(id.length).toBeLessThanOrEqual(100);
      const parsed = parseResultsButtonId(id)!;
      expect(parsed.page).toBe(12);
      expect(keyMatches(parsed.event, manyHeats.id)).toBe(true);
      expect(keyMatches(parsed.event, shortTrack.id)).toBe(false);
      expect(keyMatches(parsed.round!, manyHeats.rounds[1]!.id)).toBe(true);
    });

    it.each(['results:x', 'results:a:b:c', 'podium:a:*:1', 'results:a:*:1234567'])('rejects %s', (id) => {
      expect(parseResultsButtonId(id)).toBeNull();
    });

    it('gives different ids different short keys', () => {
      const keys = new Set(seeds.articles.flatMap((a) => [a.id, ...a.rounds.map((r) => r.id)]).map(shortKey));
      expect(keys.size).toBe(
        new Set(seeds.articles.flatMap((a) => [a.id, ...a.rounds.map((r) => r.id)])).size,
      );
      expect(shortKey('a')).toMatch(/^~[0-9a-f]{8}$/);
    });
  });
});
