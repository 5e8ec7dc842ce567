import { escapeMarkdown } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { mdSafe } from '../../src/render/format.js';

// A seeded generator, so a failure names a string that can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('mdSafe', () => {
  it('escapes exactly as discord.js escapeMarkdown does, for strings with and without markdown', () => {
    const alphabet = [
      'a',
      'Z',
      ' ',
      'ū',
      '高',
      '*',
      '_',
      '~',
      '|',
      '`',
      '\\',
      '#',
      '-',
      '>',
      '[',
      ']',
      '(',
      ')',
      '.',
      '1',
      ':',
      '/',
      '<',
      '@',
    ];
    const next = random(7);
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 12);
      const text = Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(mdSafe(text), JSON.stringify(text)).toBe(escapeMarkdown(text));
    }
  });

  it('returns a plain name unchanged, without bidi controls', () => {
    expect(mdSafe('Roberts Krūzbergs')).toBe('Roberts Krūzbergs');
    expect(mdSafe('\u202eevil\u202c name')).toBe('evil name');
    expect(mdSafe('a_b*c')).toBe('a\\_b\\*c');
  });
});
