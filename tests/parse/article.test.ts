import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, Heat, Mark, Position, ResultRow, Round } from '../../src/model/schemas.js';
import { EventArticle } from '../../src/model/schemas.js';
import { parseArticle } from '../../src/parse/article.js';
import { ArticleParseError } from '../../src/parse/errors.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

function fixture(file: string): string {
  return readFileSync(new URL(file, FIXTURES), 'utf8');
}

function loadFixture(file: string) {
  return parseArticle(fixture(file), file);
}

const NONE: Mark = { kind: 'none' };
function time(text: string, ms: number, decimals: number): Mark {
  return { kind: 'time', time: { text, ms, decimals } };
}
function status(text: string): Mark {
  return { kind: 'status', text };
}

/** A result row with every column the table does not have left at null. */
function row(
  fields: Pick<ResultRow, 'line' | 'rank' | 'name' | 'athleteId' | 'mark'> & Partial<ResultRow>,
): ResultRow {
  return {
    country: null,
    pair: null,
    lane: null,
    laps: null,
    points: null,
    behind: null,
    notes: [],
    ...fields,
  };
}

function warning(source: string, line: number, column: number, text: string, message: string): Diagnostic {
  return { severity: 'warning', message, position: { source, line, column, text } };
}

function shape(rounds: Round[]) {
  return rounds.map((round) => [
    round.id,
    round.kind,
    round.label,
    round.line,
    round.heats.map((h) => [h.number, h.rows.length]),
  ]);
}

/** A one-table article in the short-track family, for heading and title variants. */
function smallArticle(title: string, results: string[]): string {
  return [`= ${title} =`, '', ...results, '| Rank | Name | Time |', '| 1 | Ari Eins | 40.100 |', ''].join(
    '\n',
  );
}

describe('parse/article', () => {
  describe('parseArticle', () => {
    describe('a long-track single race (500m-women-2022.txt)', () => {
      const { article, warnings } = loadFixture('500m-women-2022.txt');

      it('loads without warnings and validates', () => {
        expect(warnings).toStrictEqual([]);
        expect(EventArticle.parse(article)).toStrictEqual(article);
      });

      it('names the event', () => {
        expect([article.id, article.sport, article.gender, article.discipline, article.games]).toStrictEqual([
          '500m-women-2022',
          'long-track',
          'women',
          '500m',
          { year: 2022, season: 'Winter', label: '2022 Winter Olympics' },
        ]);
      });

      it('reads a seconds-only winning time', () => {
        expect(article.infobox?.win).toStrictEqual({
          kind: 'time',
          time: { text: '37.04', ms: 37_040, decimals: 2 },
          label: 'Winning time',
        });
        expect(article.infobox?.venue).toBe('National Speed Skating Oval, Beijing');
        expect(article.infobox?.dates).toStrictEqual(['2022-02-13']);
      });

      it('ignores the records table (Date | Athlete | Time | OR | WR)', () => {
        expect(article.sections.map((s) => [s.heading, s.line, s.paragraphs])).toStrictEqual([
          [
            null,
            1,
            [
              'This fixture is a hand-written long-track article with one race. Erin Walker of the United States won the event. Kim Seo-yeon of South Korea tied for bronze, and Femke de Boer of the Netherlands was sixth.',
            ],
          ],
          [
            'Records',
            23,
            ['Prior to this competition, the existing world and Olympic records were as follows.'],
          ],
        ]);
        expect(article.rounds.length).toBe(1);
      });

      it('reads the table directly under Results as one race, with Pair, Lane, Athlete, ties and status words', () => {
        expect(article.rounds).toStrictEqual<Round[]>([
          {
            id: 'race',
            kind: 'race',
            label: 'Race',
            line: 28,
            start: { text: '13 February 2022, 21:56', local: '2022-02-13T21:56', unix: 1_644_760_560 },
            heats: [{ number: null, rows: RACE_500M_ROWS }],
          },
        ]);
      });

      it('takes NOCs from the infobox, a "(NED)" name cell and "X of Country" prose only', () => {
        expect(article.nocs).toStrictEqual({
          'erin-walker': 'USA',
          'miho-tanaka': 'JPN',
          'alina-petrova': 'ROC',
          'lotte-vermeer': 'NED',
          'kim-seo-yeon': 'KOR',
          'boer-de-femke': 'NED',
        });
      });
    });

    describe('an article with no infobox and tenths (5000m-men-1964.txt)', () => {
      const { article, warnings } = loadFixture('5000m-men-1964.txt');

      it('loads with one warning for the missing infobox', () => {
        expect(warnings).toStrictEqual([
          warning(
            '5000m-men-1964.txt',
            1,
            1,
            "= Speed skating at the 1964 Winter Olympics – Men's 5000 metres =",
            'article has no Infobox',
          ),
        ]);
        expect(article.infobox).toBeNull();
        expect(article.id).toBe('5000m-men-1964');
      });

      it('reads tenths, a tie with the next rank skipped, and a DNF with no rank', () => {
        expect(article.rounds).toStrictEqual<Round[]>([
          {
            id: 'race',
            kind: 'race',
            label: 'Race',
            line: 5,
            start: { text: '4 February 1964, 10:00', local: '1964-02-04T10:00', unix: -186_418_800 },
            heats: [{ number: null, rows: RACE_1964_ROWS }],
          },
        ]);
      });

      it('takes a NOC from prose when there is no infobox', () => {
        expect(article.nocs).toStrictEqual({ 'knut-solberg': 'NOR' });
      });
    });

    describe('a short-track event with heat subheadings and Finals A and B (short-track-500m-women-2026.txt)', () => {
      const { article, warnings } = loadFixture('short-track-500m-women-2026.txt');

      it('loads without warnings and validates', () => {
        expect(warnings).toStrictEqual([]);
        expect(EventArticle.parse(article)).toStrictEqual(article);
        expect(article.id).toBe('short-track-500m-women-2026');
      });

      it('reads a date range in the infobox', () => {
        expect(article.infobox?.dates).toStrictEqual(['2026-02-10', '2026-02-11', '2026-02-12']);
        expect(article.infobox?.win).toStrictEqual({
          kind: 'time',
          time: { text: '42.118', ms: 42_118, decimals: 3 },
          label: 'Winning time',
        });
      });

      it('reads the rounds in article order, the heat subheadings as heats of one round', () => {
        expect(shape(article.rounds)).toStrictEqual([
          [
            'heat',
            'heat',
            'Heats',
            24,
            [
              [1, 4],
              [2, 4],
              [3, 4],
              [4, 4],
            ],
          ],
          [
            'semifinal',
            'semifinal',
            'Semifinals',
            55,
            [
              [1, 3],
              [2, 3],
              [3, 4],
            ],
          ],
          ['final-b', 'final-b', 'Final B', 71, [[null, 4]]],
          ['final', 'final', 'Final A', 79, [[null, 5]]],
        ]);
      });

      it('gives the heats the start line under their round heading, and each final its own', () => {
        expect(article.rounds.map((r) => r.start)).toStrictEqual([
          { text: '10 February 2026, 19:00', local: '2026-02-10T19:00', unix: 1_770_746_400 },
          { text: '12 February 2026, 20:15', local: '2026-02-12T20:15', unix: 1_770_923_700 },
          { text: '12 February 2026, 20:40', local: '2026-02-12T20:40', unix: 1_770_925_200 },
          { text: '12 February 2026, 20:46', local: '2026-02-12T20:46', unix: 1_770_925_560 },
        ]);
      });

      it('reads every heat row, with DNF, DQ and DNS and blank or dash ranks, and unknown codes as written', () => {
        expect(article.rounds[0]?.heats).toStrictEqual<Heat[]>([
          { number: 1, rows: HEAT_1_ROWS },
          { number: 2, rows: HEAT_2_ROWS },
          { number: 3, rows: HEAT_3_ROWS },
          { number: 4, rows: HEAT_4_ROWS },
        ]);
      });

      it('reads three semifinal heats from the Heat column, with an empty time and a DSQ note', () => {
        expect(article.rounds[1]?.heats).toStrictEqual<Heat[]>([
          { number: 1, rows: SEMI_1_ROWS },
          { number: 2, rows: SEMI_2_ROWS },
          { number: 3, rows: SEMI_3_ROWS },
        ]);
      });

      it('reads Final B with ranks continuing after Final A, and Final A', () => {
        expect(article.rounds.slice(2).map((r) => r.heats)).toStrictEqual<Heat[][]>([
          [{ number: null, rows: FINAL_B_ROWS }],
          [{ number: null, rows: FINAL_A_ROWS }],
        ]);
      });

      it('does not read a race-like table outside Results', () => {
        expect(article.sections.map((s) => [s.heading, s.level, s.line])).toStrictEqual([
          [null, 1, 1],
          ['See also', 2, 88],
        ]);
        const names = article.rounds.flatMap((r) => r.heats.flatMap((h) => h.rows.map((x) => x.name)));
        expect(names).not.toContain('Nobody');
      });

      it('takes NOCs from the infobox and prose only', () => {
        expect(article.nocs).toStrictEqual({
          'lotte-vermeer': 'NED',
          'ana-slezak': 'POL',
          'li-mei': 'CHN',
          'chloe-girard': 'FRA',
        });
      });
    });

    describe('event ids from titles', () => {
      it.each([
        ["Speed skating at the 2026 Winter Olympics – Men's mass start", 'mass-start-men-2026', 'men'],
        [
          "Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres",
          'short-track-1000m-men-2026',
          'men',
        ],
        ["Speed skating at the 2022 Winter Olympics – Women's 500 metres", '500m-women-2022', 'women'],
        ["Speed skating at the 2022 Winter Olympics – Men's team pursuit", 'team-pursuit-men-2022', 'men'],
        [
          'Short-track speed skating at the 2022 Winter Olympics – Mixed 2000 metre relay',
          'short-track-2000m-relay-mixed-2022',
          'mixed',
        ],
        [
          "Short track speed skating at the 2018 Winter Olympics – Ladies' 500 metres",
          'short-track-500m-women-2018',
          'women',
        ],
        ["Speed skating at the 1964 Winter Olympics — Men's 5,000 metres", '5000m-men-1964', 'men'],
        ["Speed skating at the 1924 Winter Olympics - Men's all-round", 'all-round-men-1924', 'men'],
        ['Speed skating at the 1924 Winter Olympics – 500 metres', '500m-1924', null],
      ])('%j -> %j', (title, id, gender) => {
        const { article } = parseArticle(smallArticle(title, ['== Results ==']), 'title.txt');
        expect([article.id, article.gender]).toStrictEqual([id, gender]);
      });
    });

    describe('round headings', () => {
      it.each([
        ['Heats', 'heat', 'heat'],
        ['Heat', 'heat', 'heat'],
        ['Quarterfinals', 'quarterfinal', 'quarterfinal'],
        ['Quarter-finals', 'quarterfinal', 'quarterfinal'],
        ['Semi finals', 'semifinal', 'semifinal'],
        ['Quarter finals', 'quarterfinal', 'quarterfinal'],
        ['Semifinal', 'semifinal', 'semifinal'],
        ['Semi-finals', 'semifinal', 'semifinal'],
        ['Final', 'final', 'final'],
        ['Finals', 'final', 'final'],
        ['Final A', 'final', 'final'],
        ['Final B', 'final-b', 'final-b'],
        ['B Final', 'final-b', 'final-b'],
        ['Final C', 'final-c', 'final-c'],
        ['Race', 'race', 'race'],
        ['Classification round', 'classification-round', 'other'],
      ])('%j -> id %j, kind %j', (heading, id, kind) => {
        const text = smallArticle(
          "Short-track speed skating at the 2026 Winter Olympics – Men's 500 metres",
          ['== Results ==', `=== ${heading} ===`],
        );
        const { article } = parseArticle(text, 'round.txt');
        expect(article.rounds.map((r) => [r.id, r.kind, r.label, r.line])).toStrictEqual([
          [id, kind, heading, 4],
        ]);
      });

      it.each([
        ['==Results==', '===Heats==='],
        ['== Results ==', '=== Heats ==='],
        ['==  Results  ==', '===  Heats  ==='],
        ['===Results===', '====Heats===='],
        ['=== Results ===', '==== Heats ===='],
        ['== Results ==', '====Heats===='],
      ])('reads %j then %j (levels 2 to 4, with or without inner spaces)', (results, round) => {
        const text = smallArticle(
          "Short-track speed skating at the 2026 Winter Olympics – Men's 500 metres",
          [results, round],
        );
        const { article, warnings } = parseArticle(text, 'headings.txt');
        expect(article.rounds.map((r) => [r.id, r.label, r.line, r.heats.length])).toStrictEqual([
          ['heat', 'Heats', 4, 1],
        ]);
        expect(warnings.map((w) => w.message)).toStrictEqual(['article has no Infobox']);
      });
    });
  });

  describe('parseArticle (broken inputs)', () => {
    // A short-track article that loads cleanly; each case below changes a line or two of it.
    const SHORT = [
      "= Short-track speed skating at the 2026 Winter Olympics – Women's 1500 metres =", //  1
      '', //  2
      'Infobox', //  3
      "- Event: Women's 1500 metres", //  4
      '- Games: 2026 Winter', //  5
      '- Venue: Forum di Milano, Milan', //  6
      '- Date: 14 February 2026', //  7
      '- Competitors: 4', //  8
      '- Win Value: 2:20.001', //  9
      '- Gold: Ari Eins', // 10
      '- Goldnoc: NED', // 11
      '- Silver: Ben Zwei', // 12
      '- Bronze: Cas Drei', // 13
      '', // 14
      'Ari Eins of the Netherlands won the event.', // 15
      '', // 16
      '== Results ==', // 17
      '=== Heats ===', // 18
      '| Rank | Heat | Name | Country | Time | Notes |', // 19
      '| 1 | 1 | Ari Eins | | 2:25.100 | Q |', // 20
      '| 2 | 1 | Ben Zwei | | 2:25.200 | Q |', // 21
      '| 1 | 2 | Cas Drei | | 2:26.100 | Q |', // 22
      '| 2 | 2 | Dan Vier | | 2:26.200 | |', // 23
      '', // 24
      '=== Final ===', // 25
      '| Rank | Name | Country | Time | Notes |', // 26
      '| 1 | Ari Eins | | 2:20.001 | |', // 27
      '| 2 | Ben Zwei | | 2:20.002 | |', // 28
      '| 3 | Cas Drei | | 2:20.003 | |', // 29
    ];
    // A mass-start final that loads cleanly.
    const MASS = [
      "= Speed skating at the 2026 Winter Olympics – Men's mass start =", //  1
      '', //  2
      'Infobox', //  3
      '- Competitors: 3', //  4
      '- Win Value: 63', //  5
      '- Win Label: Winning points', //  6
      '- Gold: Ari Eins', //  7
      '', //  8
      '==Results==', //  9
      '===Final===', // 10
      '| Rank | Name | Country | Laps | Points | Time | | | | |', // 11
      '| S1 | S2 | S3 | S4 | Total | | | | | |', // 12
      '| 1 | Ari Eins | | 16 | 3 | | | 60 | 63 | 7:55.50 |', // 13
      '| 2 | Ben Zwei | | 16 | | 3 | | 40 | 43 | 8:00.52 |', // 14
      '| 3 | Cas Drei | | 16 | | | | 20 | 20 | 8:04.42 |', // 15
    ];
    const RACE = fixture('5000m-men-1964.txt').split('\n');

    /** The lines with 1-based line numbers replaced. */
    function edit(lines: string[], changes: Record<number, string>): string {
      return lines.map((line, i) => changes[i + 1] ?? line).join('\n');
    }

    it.each([
      ['short-track base', SHORT],
      ['mass-start base', MASS],
    ])('the %s loads without warnings', (_, lines) => {
      expect(parseArticle(lines.join('\n'), 'base.txt').warnings).toStrictEqual([]);
    });

    it.each<[string, string, Omit<Position, 'source'> & { reason: string }]>([
      ['an empty file', '', { reason: 'empty article', line: 1, column: 1, text: '' }],
      ['a file of blank lines', '  \n\n', { reason: 'empty article', line: 1, column: 1, text: '  ' }],
      [
        'no title line',
        edit(SHORT, { 1: '' }),
        {
          reason: 'expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="',
          line: 3,
          column: 1,
          text: 'Infobox',
        },
      ],
      [
        'a level-2 heading for a title',
        edit(SHORT, { 1: "== Speed skating at the 2026 Winter Olympics – Men's mass start ==" }),
        {
          reason: 'expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="',
          line: 1,
          column: 1,
          text: "== Speed skating at the 2026 Winter Olympics – Men's mass start ==",
        },
      ],
      [
        'a title with no Games',
        edit(SHORT, { 1: "= Women's 1500 metres =" }),
        {
          reason: 'title does not name "<sport> at the <year> <season> Olympics – <event>"',
          line: 1,
          column: 1,
          text: "= Women's 1500 metres =",
        },
      ],
      [
        'a title with no year',
        edit(SHORT, { 1: "= Speed skating at the Winter Olympics – Women's 1500 metres =" }),
        {
          reason: 'title does not name "<sport> at the <year> <season> Olympics – <event>"',
          line: 1,
          column: 1,
          text: "= Speed skating at the Winter Olympics – Women's 1500 metres =",
        },
      ],
      [
        'a title with no event',
        edit(SHORT, { 1: '= Speed skating at the 2026 Winter Olympics =' }),
        {
          reason: 'title does not name "<sport> at the <year> <season> Olympics – <event>"',
          line: 1,
          column: 1,
          text: '= Speed skating at the 2026 Winter Olympics =',
        },
      ],
    ])('throws for %s', (_, text, { reason, ...at }) => {
      const error = (() => {
        try {
          parseArticle(text, 'broken.txt');
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ArticleParseError);
      const parseError = error as ArticleParseError;
      expect([parseError.reason, parseError.position]).toStrictEqual([
        reason,
        { source: 'broken.txt', ...at },
      ]);
      expect(parseError.message).toBe(`broken.txt:${at.line}:${at.column}: ${reason}\n  ${at.text}`);
      expect(parseError.toDiagnostic()).toStrictEqual({
        severity: 'error',
        message: reason,
        position: { source: 'broken.txt', ...at },
      });
    });

    const w = (line: number, column: number, text: string, message: string) =>
      warning('broken.txt', line, column, text, message);

    it.each<[string, string, Diagnostic[]]>([
      [
        'a heat number of 0',
        edit(SHORT, { 20: '| 1 | 0 | Ari Eins | | 2:25.100 | Q |' }),
        [
          w(20, 7, '| 1 | 0 | Ari Eins | | 2:25.100 | Q |', 'heat "0" is not a positive number'),
          w(
            20,
            1,
            '| 1 | 0 | Ari Eins | | 2:25.100 | Q |',
            'round "Heats" mixes rows with and without a heat number',
          ),
          w(21, 1, '| 2 | 1 | Ben Zwei | | 2:25.200 | Q |', 'ranks 2 in heat 1 are not 1..1'),
        ],
      ],
      ['DNF in the Rank column', edit(SHORT, { 23: '| DNF | 2 | Dan Vier | | | |' }), []],
      [
        'a non-numeric rank',
        edit(SHORT, { 21: '| 2nd | 1 | Ben Zwei | | 2:25.200 | Q |' }),
        [
          w(21, 3, '| 2nd | 1 | Ben Zwei | | 2:25.200 | Q |', 'rank "2nd" is not a number'),
          w(21, 1, '| 2nd | 1 | Ben Zwei | | 2:25.200 | Q |', 'heat 1 has 1 ranked skaters but 2 times'),
        ],
      ],
      [
        'a bad time cell',
        edit(SHORT, { 23: '| 2 | 2 | Dan Vier | | 2:75.200 | |' }),
        [
          w(23, 24, '| 2 | 2 | Dan Vier | | 2:75.200 | |', 'time "2:75.200" not understood; kept as written'),
          w(23, 1, '| 2 | 2 | Dan Vier | | 2:75.200 | |', 'heat 2 has 2 ranked skaters but 1 times'),
        ],
      ],
      [
        'an infobox Competitors that is not a number',
        edit(SHORT, { 8: '- Competitors: about thirty' }),
        [w(8, 16, '- Competitors: about thirty', 'infobox competitors is not a number')],
      ],
      [
        'an unreadable date',
        edit(SHORT, { 7: '- Date: sometime in February' }),
        [w(7, 9, '- Date: sometime in February', 'infobox date not understood')],
      ],
      [
        'a date range running backwards',
        edit(SHORT, { 7: '- Date: 14–12 February 2026' }),
        [w(7, 9, '- Date: 14–12 February 2026', 'infobox date not understood')],
      ],
      [
        'more cells than the header',
        edit(SHORT, { 20: '| 1 | 1 | Ari Eins | | 2:25.100 | Q | extra |' }),
        [
          w(
            20,
            39,
            '| 1 | 1 | Ari Eins | | 2:25.100 | Q | extra |',
            'row has 7 cells, the header 6; extra cells ignored',
          ),
        ],
      ],
      [
        'fewer cells than the header',
        edit(SHORT, { 20: '| 1 | 1 | Ari Eins | | 2:25.100 |' }),
        [
          w(
            20,
            1,
            '| 1 | 1 | Ari Eins | | 2:25.100 |',
            'row has 5 cells, the header 6; the missing ones read as empty',
          ),
        ],
      ],
      [
        'a table without Rank and Name under Results',
        edit(SHORT, { 19: '| # | Heat | Competitor | Country | Time | Notes |' }),
        [
          w(
            19,
            1,
            '| # | Heat | Competitor | Country | Time | Notes |',
            'table has no Rank and Name columns; not read as results',
          ),
          w(8, 16, '- Competitors: 4', 'infobox gives 4 competitors; Final has 3 skaters'),
        ],
      ],
      [
        'a row with no name',
        edit(SHORT, { 23: '| 2 | 2 | | | 2:26.200 | |' }),
        [
          w(23, 1, '| 2 | 2 | | | 2:26.200 | |', 'row has no skater name; skipped'),
          w(8, 16, '- Competitors: 4', 'infobox gives 4 competitors; Heats has 3 skaters'),
        ],
      ],
      [
        'short-track ranks that are not 1..n',
        edit(SHORT, { 23: '| 3 | 2 | Dan Vier | | 2:26.200 | |' }),
        [w(23, 1, '| 3 | 2 | Dan Vier | | 2:26.200 | |', 'ranks 1, 3 in heat 2 are not 1..2')],
      ],
      [
        'an infobox gold who is not rank 1 of the final',
        edit(SHORT, { 10: '- Gold: Ben Zwei' }),
        [w(10, 9, '- Gold: Ben Zwei', 'infobox gold Ben Zwei is not ranked 1 in Final')],
      ],
      [
        "a winning time that is not the winner's",
        edit(SHORT, { 9: '- Win Value: 2:20.101' }),
        [w(9, 14, '- Win Value: 2:20.101', "infobox winning value 2:20.101 is not the winner's (Ari Eins)")],
      ],
      [
        'a winning value that is neither points nor a time',
        edit(SHORT, { 9: '- Win Value: fast' }),
        [w(9, 14, '- Win Value: fast', 'winning value is neither points nor a time')],
      ],
      [
        'competitors that are not the skaters of the first round',
        edit(SHORT, { 8: '- Competitors: 5' }),
        [w(8, 16, '- Competitors: 5', 'infobox gives 5 competitors; Heats has 4 skaters')],
      ],
      [
        'a repeated infobox key',
        edit(SHORT, { 13: '- Gold: Cas Drei' }),
        [w(13, 1, '- Gold: Cas Drei', 'infobox key "Gold" repeated; the first is kept')],
      ],
      [
        'a medallist NOC that is not a code',
        edit(SHORT, { 11: '- Goldnoc: Netherlands' }),
        [w(11, 12, '- Goldnoc: Netherlands', 'NOC is not a three-letter code')],
      ],
      [
        'prose that gives a medallist another NOC than the infobox',
        edit(SHORT, { 15: 'The winner, Ari Eins of Poland, led from the start.' }),
        [
          w(
            15,
            13,
            'The winner, Ari Eins of Poland, led from the start.',
            'prose gives Ari Eins as POL, the infobox as NED; the infobox is kept',
          ),
        ],
      ],
      [
        'a heading whose marks do not match',
        edit(SHORT, { 25: '=== Final ====' }),
        [w(25, 1, '=== Final ====', 'heading opens with 3 "=" and closes with 4')],
      ],
      [
        'a start line that is not a real date',
        edit(SHORT, { 24: '=== Final ===', 25: '31 February 2026, 21:00' }),
        [w(25, 1, '31 February 2026, 21:00', 'start time "31 February 2026, 21:00" not understood')],
      ],
      [
        'no Results heading',
        edit(SHORT, { 17: '== Standings ==' }),
        [
          w(
            1,
            1,
            "= Short-track speed skating at the 2026 Winter Olympics – Women's 1500 metres =",
            'article has no results tables under a Results heading',
          ),
        ],
      ],
      [
        'Total that is not S1+S2+S3+S4',
        edit(MASS, { 14: '| 2 | Ben Zwei | | 16 | | 3 | | 40 | 44 | 8:00.52 |' }),
        [w(14, 1, '| 2 | Ben Zwei | | 16 | | 3 | | 40 | 44 | 8:00.52 |', 'Total 44 is not S1+S2+S3+S4 = 43')],
      ],
      [
        'a sprint cell that is not a number',
        edit(MASS, { 13: '| 1 | Ari Eins | | 16 | x | | | 60 | 63 | 7:55.50 |' }),
        [
          w(13, 25, '| 1 | Ari Eins | | 16 | x | | | 60 | 63 | 7:55.50 |', 'S1 "x" is not a whole number'),
          w(13, 1, '| 1 | Ari Eins | | 16 | x | | | 60 | 63 | 7:55.50 |', 'Total 63 is not S1+S2+S3+S4 = 60'),
        ],
      ],
      [
        'mass-start ranks out of points order',
        edit(MASS, {
          14: '| 3 | Ben Zwei | | 16 | | 3 | | 40 | 43 | 8:00.52 |',
          15: '| 2 | Cas Drei | | 16 | | | | 20 | 20 | 8:04.42 |',
        }),
        [
          w(
            15,
            1,
            '| 2 | Cas Drei | | 16 | | | | 20 | 20 | 8:04.42 |',
            'rank 2 (20 points) is out of order after rank 3 (43 points)',
          ),
        ],
      ],
      [
        'mass-start ranks out of time order on equal points',
        edit(MASS, {
          14: '| 2 | Ben Zwei | | 16 | | | | 20 | 20 | 8:05.00 |',
          15: '| 3 | Cas Drei | | 16 | | | | 20 | 20 | 8:04.42 |',
        }),
        [
          w(
            15,
            1,
            '| 3 | Cas Drei | | 16 | | | | 20 | 20 | 8:04.42 |',
            'rank 3 (20 points) is out of order after rank 2 (20 points)',
          ),
        ],
      ],
      [
        "winning points that are not the winner's",
        edit(MASS, { 5: '- Win Value: 60' }),
        [w(5, 14, '- Win Value: 60', "infobox winning value 60 is not the winner's (Ari Eins)")],
      ],
      [
        'a single-race rank that does not follow the times',
        edit(RACE, { 11: '| 4 | 5 | Nils Aas | 7:42.0 | WR |' }),
        [
          w(
            1,
            1,
            "= Speed skating at the 1964 Winter Olympics – Men's 5000 metres =",
            'article has no Infobox',
          ),
          w(
            11,
            1,
            '| 4 | 5 | Nils Aas | 7:42.0 | WR |',
            'rank 5 does not match the time 7:42.0 (expected 4)',
          ),
        ],
      ],
    ])('warns about %s and still loads', (_, text, expected) => {
      const { article, warnings } = parseArticle(text, 'broken.txt');
      expect(warnings).toStrictEqual(expected);
      expect(EventArticle.parse(article)).toStrictEqual(article);
    });

    it('keeps infobox keys that every object inherits, once each, without calling them repeated', () => {
      const extra = ['- constructor: a', '- toString: b', '- __proto__: c', '- hasOwnProperty: d'];
      const text = edit(SHORT, { 13: ['- Bronze: Cas Drei', ...extra].join('\n') });
      const { article, warnings } = parseArticle(text, 'broken.txt');
      expect(warnings).toStrictEqual([w(16, 1, '- __proto__: c', 'infobox key "__proto__" is not kept')]);
      const raw = article.infobox?.raw ?? {};
      expect(Object.entries(raw).slice(-3)).toStrictEqual([
        ['constructor', 'a'],
        ['toString', 'b'],
        ['hasOwnProperty', 'd'],
      ]);
      expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
      expect(EventArticle.parse(article)).toStrictEqual(article);
    });
  });
});

// prettier-ignore
const RACE_500M_ROWS: ResultRow[] = [
  row({ line: 31, rank: 1, name: 'Erin Walker', athleteId: 'erin-walker', pair: 7, lane: 'i', mark: time('37.04', 37_040, 2), notes: ['OR'] }),
  row({ line: 32, rank: 2, name: 'Miho Tanaka', athleteId: 'miho-tanaka', pair: 5, lane: 'o', mark: time('37.12', 37_120, 2), behind: '+0.08' }),
  row({ line: 33, rank: 3, name: 'Alina Petrova', athleteId: 'alina-petrova', pair: 4, lane: 'i', mark: time('37.21', 37_210, 2), behind: '+0.17' }),
  row({ line: 34, rank: 3, name: 'Kim Seo-yeon', athleteId: 'kim-seo-yeon', pair: 6, lane: 'o', mark: time('37.21', 37_210, 2), behind: '+0.17' }),
  row({ line: 35, rank: 5, name: 'Lotte Vermeer', athleteId: 'lotte-vermeer', country: 'NED', pair: 2, lane: 'i', mark: time('37.26', 37_260, 2), behind: '+0.22' }),
  row({ line: 36, rank: 6, name: 'Femke de Boer', athleteId: 'boer-de-femke', pair: 1, lane: 'o', mark: time('37.30', 37_300, 2), behind: '+0.26', notes: ['PB'] }),
  row({ line: 37, rank: null, name: 'Marta Ślęzak', athleteId: 'marta-slezak', pair: 3, lane: 'i', mark: status('DQ') }),
  row({ line: 38, rank: null, name: 'Julie Moreau', athleteId: 'julie-moreau', pair: 3, lane: 'o', mark: status('DNF') }),
  row({ line: 39, rank: null, name: 'Hanna Berg', athleteId: 'berg-hanna', pair: 8, lane: 'i', mark: status('DNS') }),
];

// prettier-ignore
const RACE_1964_ROWS: ResultRow[] = [
  row({ line: 8, rank: 1, name: 'Knut Solberg', athleteId: 'knut-solberg', pair: 1, mark: time('7:38.4', 458_400, 1), notes: ['OR'] }),
  row({ line: 9, rank: 2, name: 'Per Haugen', athleteId: 'haugen-per', pair: 2, mark: time('7:38.6', 458_600, 1) }),
  row({ line: 10, rank: 2, name: 'Fred Maurer', athleteId: 'fred-maurer', pair: 3, mark: time('7:38.6', 458_600, 1) }),
  row({ line: 11, rank: 4, name: 'Nils Aas', athleteId: 'aas-nils', pair: 4, mark: time('7:42.0', 462_000, 1), notes: ['WR'] }),
  row({ line: 12, rank: null, name: 'Jan Smit', athleteId: 'jan-smit', pair: 5, mark: status('DNF') }),
];

// prettier-ignore
const HEAT_1_ROWS: ResultRow[] = [
  row({ line: 29, rank: 1, name: 'Lotte Vermeer', athleteId: 'lotte-vermeer', mark: time('42.501', 42_501, 3), notes: ['Q'] }),
  row({ line: 30, rank: 2, name: 'Chloé Girard', athleteId: 'chloe-girard', mark: time('42.650', 42_650, 3), notes: ['Q'] }),
  row({ line: 31, rank: 3, name: 'Emma Koch', athleteId: 'emma-koch', mark: time('43.1', 43_100, 1) }),
  row({ line: 32, rank: null, name: 'Sara Lund', athleteId: 'lund-sara', mark: status('DNF') }),
];

// prettier-ignore
const HEAT_2_ROWS: ResultRow[] = [
  row({ line: 36, rank: 1, name: 'Ana Ślęzak', athleteId: 'ana-slezak', mark: time('42.700', 42_700, 3), notes: ['Q'] }),
  row({ line: 37, rank: 2, name: 'Mia Rossi', athleteId: 'mia-rossi', mark: time('42.810', 42_810, 3), notes: ['Q'] }),
  row({ line: 38, rank: null, name: 'Eva Novak', athleteId: 'eva-novak', mark: status('DQ'), notes: ['YC'] }),
  row({ line: 39, rank: null, name: 'Ida Holm', athleteId: 'holm-ida', mark: status('DNS') }),
];

// prettier-ignore
const HEAT_3_ROWS: ResultRow[] = [
  row({ line: 43, rank: 1, name: 'Li Mei', athleteId: 'li-mei', mark: time('42.555', 42_555, 3), notes: ['Q'] }),
  row({ line: 44, rank: 2, name: 'Zoe Clark', athleteId: 'clark-zoe', mark: time('42.600', 42_600, 3), notes: ['Q'] }),
  row({ line: 45, rank: 3, name: 'Kaja Horvat', athleteId: 'horvat-kaja', mark: time('42.900', 42_900, 3) }),
  row({ line: 46, rank: 4, name: 'Rin Sato', athleteId: 'rin-sato', mark: time('43.000', 43_000, 3) }),
];

// prettier-ignore
const HEAT_4_ROWS: ResultRow[] = [
  row({ line: 50, rank: 1, name: 'Nora Dahl', athleteId: 'dahl-nora', mark: time('42.480', 42_480, 3), notes: ['Q'] }),
  row({ line: 51, rank: 2, name: 'Lea Meier', athleteId: 'lea-meier', mark: time('42.620', 42_620, 3), notes: ['Q'] }),
  row({ line: 52, rank: 3, name: 'Ona Vidal', athleteId: 'ona-vidal', mark: time('42.700', 42_700, 3), notes: ['q'] }),
  row({ line: 53, rank: 4, name: 'Aiko Mori', athleteId: 'aiko-mori', mark: time('43.200', 43_200, 3) }),
];

// prettier-ignore
const SEMI_1_ROWS: ResultRow[] = [
  row({ line: 58, rank: 1, name: 'Lotte Vermeer', athleteId: 'lotte-vermeer', mark: time('42.300', 42_300, 3), notes: ['QA'] }),
  row({ line: 59, rank: 2, name: 'Mia Rossi', athleteId: 'mia-rossi', mark: time('42.400', 42_400, 3), notes: ['QB'] }),
  row({ line: 60, rank: null, name: 'Lea Meier', athleteId: 'lea-meier', mark: NONE, notes: ['DSQ'] }),
];

// prettier-ignore
const SEMI_2_ROWS: ResultRow[] = [
  row({ line: 61, rank: 1, name: 'Ana Ślęzak', athleteId: 'ana-slezak', mark: time('42.350', 42_350, 3), notes: ['QA'] }),
  row({ line: 62, rank: 2, name: 'Chloé Girard', athleteId: 'chloe-girard', mark: time('42.420', 42_420, 3), notes: ['QB'] }),
  row({ line: 63, rank: 3, name: 'Ona Vidal', athleteId: 'ona-vidal', mark: time('42.800', 42_800, 3), notes: ['QB'] }),
];

// prettier-ignore
const SEMI_3_ROWS: ResultRow[] = [
  row({ line: 64, rank: 1, name: 'Li Mei', athleteId: 'li-mei', mark: time('42.390', 42_390, 3), notes: ['QA'] }),
  row({ line: 65, rank: 2, name: 'Nora Dahl', athleteId: 'dahl-nora', mark: time('42.410', 42_410, 3), notes: ['QA'] }),
  row({ line: 66, rank: 3, name: 'Zoe Clark', athleteId: 'clark-zoe', mark: time('42.500', 42_500, 3), notes: ['qA'] }),
  row({ line: 67, rank: 4, name: 'Emma Koch', athleteId: 'emma-koch', mark: time('42.900', 42_900, 3), notes: ['QB'] }),
];

// prettier-ignore
const FINAL_B_ROWS: ResultRow[] = [
  row({ line: 74, rank: 6, name: 'Chloé Girard', athleteId: 'chloe-girard', mark: time('43.001', 43_001, 3) }),
  row({ line: 75, rank: 7, name: 'Mia Rossi', athleteId: 'mia-rossi', mark: time('43.050', 43_050, 3) }),
  row({ line: 76, rank: 8, name: 'Ona Vidal', athleteId: 'ona-vidal', mark: time('43.200', 43_200, 3) }),
  row({ line: 77, rank: 9, name: 'Emma Koch', athleteId: 'emma-koch', mark: time('43.300', 43_300, 3) }),
];

// prettier-ignore
const FINAL_A_ROWS: ResultRow[] = [
  row({ line: 82, rank: 1, name: 'Lotte Vermeer', athleteId: 'lotte-vermeer', mark: time('42.118', 42_118, 3), notes: ['OR'] }),
  row({ line: 83, rank: 2, name: 'Ana Ślęzak', athleteId: 'ana-slezak', mark: time('42.200', 42_200, 3) }),
  row({ line: 84, rank: 3, name: 'Li Mei', athleteId: 'li-mei', mark: time('42.250', 42_250, 3) }),
  row({ line: 85, rank: 4, name: 'Nora Dahl', athleteId: 'dahl-nora', mark: time('42.300', 42_300, 3) }),
  row({ line: 86, rank: 5, name: 'Zoe Clark', athleteId: 'clark-zoe', mark: time('42.450', 42_450, 3) }),
];
