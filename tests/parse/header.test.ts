import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/parse/article.js';
import { ArticleParseError } from '../../src/parse/errors.js';

const BODY = [
  "= Speed skating at the 1976 Winter Olympics – Men's 500 metres =",
  '',
  '== Results ==',
  '| Rank | Name | Country | Time |',
  '| 1 | Yevgeny Kulikov | URS | 39.17 |',
];

describe('parse/article', () => {
  describe('parseArticle (an imported file’s header)', () => {
    it('skips the `#` lines before the title and keeps every line number', () => {
      const header = ['# Source: a title', '#Revision: 594499653', '', '  # Licence: CC BY-SA 4.0'];
      const { article, warnings } = parseArticle([...header, ...BODY].join('\n'), 'a.txt');
      expect(warnings.map((w) => [w.message, w.position.line])).toStrictEqual([
        ['article has no Infobox', 5],
      ]);
      expect(article.title).toBe("Speed skating at the 1976 Winter Olympics – Men's 500 metres");
      expect(article.rounds[0]?.heats[0]?.rows[0]?.line).toBe(9);
      expect(article.nocs).toStrictEqual({ 'kulikov-yevgeny': 'URS' });
    });

    it('reads a `#` line after the title as prose, not as a header', () => {
      const text = [BODY[0], '', '# not a header', ...BODY.slice(1)].join('\n');
      expect(parseArticle(text, 'a.txt').article.sections).toStrictEqual([
        { heading: null, level: 1, line: 1, paragraphs: ['# not a header'] },
      ]);
    });

    it('a file of header lines only is an empty article', () => {
      expect(() => parseArticle('# Source: a title\n# Revision: 1\n', 'a.txt')).toThrow(
        new ArticleParseError('empty article', {
          source: 'a.txt',
          line: 1,
          column: 1,
          text: '# Source: a title',
        }),
      );
    });
  });
});
