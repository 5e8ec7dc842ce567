import { describe, expect, it } from 'vitest';
import { ArticleParseError, SourceText } from '../../src/parse/errors.js';

describe('parse/errors', () => {
  describe('SourceText', () => {
    const text = new SourceText('doc.txt', '\uFEFFfirst\r\n  | 1 | Time | Time |\r\nlast');

    it('splits lines on any line ending and drops a byte-order mark', () => {
      expect(text.lines).toStrictEqual(['first', '  | 1 | Time | Time |', 'last']);
    });

    it.each([
      [2, undefined, undefined, 3],
      [2, 'Time', undefined, 9],
      [2, 'Time', 10, 16],
      [2, 'missing', undefined, 3],
      [1, undefined, undefined, 1],
    ])('at(%i, %j, %j) is column %i', (line, needle, from, column) => {
      expect(text.at(line, needle, from)).toStrictEqual({
        source: 'doc.txt',
        line,
        column,
        text: text.lines[line - 1],
      });
    });

    it('quotes at most 200 characters of a long line', () => {
      const long = new SourceText('long.txt', 'x'.repeat(1000));
      expect(long.at(1).text).toBe(`${'x'.repeat(200)}…`);
    });

    it('builds warnings and throws positioned errors', () => {
      expect(text.warning(2, 'duplicate', 'Time', 10)).toStrictEqual({
        severity: 'warning',
        message: 'duplicate',
        position: { source: 'doc.txt', line: 2, column: 16, text: '  | 1 | Time | Time |' },
      });
      expect(() => text.fail(3, 'bad', 'st')).toThrow(
        new ArticleParseError('bad', { source: 'doc.txt', line: 3, column: 3, text: 'last' }),
      );
    });
  });

  describe('ArticleParseError', () => {
    it('says where in its message and as a diagnostic', () => {
      const error = new ArticleParseError('empty article', { source: 'a.txt', line: 1, column: 1, text: '' });
      expect([error.name, error.message, error.toDiagnostic()]).toStrictEqual([
        'ArticleParseError',
        'a.txt:1:1: empty article\n  ',
        {
          severity: 'error',
          message: 'empty article',
          position: { source: 'a.txt', line: 1, column: 1, text: '' },
        },
      ]);
    });
  });
});
