import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/domain/dataset.js';
import type { TextHit } from '../../src/search/fulltext.js';
import { loadSeeds } from './helpers.js';

const { text } = new Dataset(await loadSeeds());

/** A hit reduced to what it points at. */
function target(hit: TextHit): Array<string | null> {
  switch (hit.kind) {
    case 'athlete':
      return ['athlete', hit.athlete.name];
    case 'event':
      return ['event', hit.event.id];
    case 'prose':
      return ['prose', hit.event.id, hit.heading];
  }
}

describe('search/fulltext', () => {
  describe('TextIndex.query', () => {
    it.each([
      [
        'defending champion',
        [
          ['prose', 'mass-start-men-2026', 'Background'],
          ['prose', 'short-track-1000m-men-2026', 'Background'],
        ],
      ],
      [
        'Bergsma',
        [
          ['athlete', 'Jorrit Bergsma'],
          ['prose', 'mass-start-men-2026', 'Summary'],
          ['prose', 'mass-start-men-2026', null],
          ['prose', 'mass-start-men-2026', 'Background'],
        ],
      ],
      [
        'Milan',
        [
          ['event', 'mass-start-men-2026'],
          ['event', 'mass-start-women-2026'],
          ['event', 'short-track-1000m-men-2026'],
          ['prose', 'mass-start-men-2026', null],
          ['prose', 'mass-start-women-2026', null],
          ['prose', 'short-track-1000m-men-2026', null],
        ],
      ],
      [
        'Forum di Milano',
        [
          ['event', 'short-track-1000m-men-2026'],
          ['prose', 'short-track-1000m-men-2026', null],
        ],
      ],
      ['Jilek', [['athlete', 'Metoděj Jílek']]],
      [
        'World Tour',
        [
          ['prose', 'short-track-1000m-men-2026', 'Qualification'],
          ['prose', 'short-track-1000m-men-2026', 'Background'],
        ],
      ],
      ['xyzzy', []],
      ['', []],
    ])('%j -> %j', (query, expected) => {
      expect(text.query(query, 10).map(target)).toStrictEqual(expected);
    });

    it('stops at the limit', () => {
      expect(text.query('Milan', 2).map(target)).toStrictEqual([
        ['event', 'mass-start-men-2026'],
        ['event', 'mass-start-women-2026'],
      ]);
    });

    it('returns the paragraph that matched', () => {
      const [hit] = text.query('defending champion Swings', 1);
      expect(hit?.kind === 'prose' ? hit.paragraph.slice(0, 50) : hit).toBe(
        'The defending champion, Bart Swings, qualified for',
      );
    });
  });
});
