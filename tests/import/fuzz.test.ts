import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertArticle } from '../../src/import/convert.js';
import type { SourcePage } from '../../src/import/types.js';
import { parseArticle } from '../../src/parse/index.js';

/** Mutated pages per CI run: about 3 s here. */
const RUNS = 200;

const WIKI = new URL('../fixtures/wiki/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, WIKI), 'utf8');

// Whole pages in today's markup, and the results section of each real skating page (the whole real pages
// are 40-60 KB, too slow to convert hundreds of times in a unit test).
function resultsOf(html: string): string {
  const start = html.indexOf('<h2><span class="mw-headline" id="Results">');
  return html.slice(start, html.indexOf('<h2><span class="mw-headline" id="References">', start));
}
const BASES: Array<{ title: string; html: string }> = [
  {
    title: "Short-track speed skating at the 2026 Winter Olympics – Men's 1000 metres",
    html: read('hand-short-track-1000m-men-2026.html'),
  },
  {
    title: "Speed skating at the 2026 Winter Olympics – Women's mass start",
    html: read('hand-mass-start-women-2026.html'),
  },
  {
    title: "Speed skating at the 2006 Winter Olympics – Men's 1000 metres",
    html: resultsOf(read('wtq_204-page_201.html')),
  },
  {
    title: "Speed skating at the 1976 Winter Olympics – Men's 500 metres",
    html: resultsOf(read('wtq_204-page_912.html')),
  },
];

/** Pieces that have broken converters: spans out of range, stray table parts, text the dump format reads as syntax. */
const PIECES = [
  '<td rowspan="0">',
  '<td rowspan="100000">x</td>',
  '<th colspan="99999">Points</th>',
  '<td colspan="-3">',
  '<td rowspan="abc">',
  '</table>',
  '<table class="wikitable">',
  '<table class="wikitable"><tr><th>Rank</th><th>Name</th></tr><tr><td>1</td><td>|</td></tr></table>',
  '<tr>',
  '</tr>',
  '<th>',
  '</td>',
  '<h2>Results</h2>',
  '<h3>Heat 0</h3>',
  '<div class="mw-heading mw-heading3"><h3 id="Final">Final</h3></div>',
  '<h2>References</h2>',
  '<p>| a | b |</p>',
  '<p>== Results ==</p>',
  "<p>= Speed skating at the 2026 Winter Olympics – Men's 500 metres =</p>",
  '<p>Infobox</p>',
  '<p>- Gold: Someone</p>',
  '<p># Revision: 1</p>',
  '<p>10 February 2026, 99:99</p>',
  '<sup class="reference">[1]</sup>',
  '<span class="sortkey" style="display:none">1 !</span>',
  '<img alt="Gold medal" src="//x/Gold_medal_icon.svg/16px-Gold_medal_icon.svg.png">',
  '<img src="//x/Flag_of_%E2%80.svg/22px-Flag_of_%E2%80.svg.png">',
  '<img src="//x/Flag_of_the_Soviet_Union.svg/22px-Flag_of_the_Soviet_Union.svg.png">',
  '<a href="/wiki/%">x</a>',
  '<a href="/wiki/Atlantis_at_the_2026_Winter_Olympics">Atlantis</a>',
  '<a href="/wiki/East_Germany_at_the_1976_Winter_Olympics">East Germany</a>',
  '(NED)',
  '(XYZ)',
  '&#124;',
  '&nbsp;',
  '\n',
  '\r',
  '\u2028',
  'DNF',
  '1:2',
  '–',
  '<!--',
  '<script>',
  '<style>',
  '<table class="infobox"><tr><th>Winning points</th><td>99999999999999999999</td></tr></table>',
];

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number }
  | { kind: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 2000 }),
    to: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'binary' }) },
    ),
  }),
);

function mutate(html: string, mutations: Mutation[]): string {
  let out = html;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else {
      const to = out.length === 0 ? 0 : m.to % out.length;
      out = out.slice(0, to) + out.slice(at, at + m.length) + out.slice(to);
    }
  }
  return out;
}

const page: fc.Arbitrary<SourcePage> = fc
  .record({
    base: fc.constantFrom(...BASES),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
    suffix: fc.oneof(
      fc.constant(''),
      fc.constantFrom(' =', '\n== x ==', ' |', '#'),
      fc.string({ maxLength: 6 }),
    ),
    revid: fc.option(fc.nat(), { nil: null }),
  })
  .map(({ base, mutations, suffix, revid }) => ({
    title: base.title + suffix,
    revid,
    html: mutate(base.html, mutations),
    retrieved: new Date(0),
  }));

describe('import/convert (fuzz)', () => {
  it('never throws, places every problem, and writes only text the parser accepts', () => {
    const tally = { converted: 0, refused: 0 };
    fc.assert(
      fc.property(page, (input) => {
        const result = convertArticle(input);
        if (result.kind === 'refused') {
          tally.refused++;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.where).not.toBe('');
            // The converter's own check caught text it wrote wrong: a converter bug, not a refusal.
            expect(problem.message).not.toMatch(/^the converted text does not parse/);
          }
          return;
        }
        tally.converted++;
        for (const warning of result.warnings) expect(warning.where).not.toBe('');
        // Throws (failing the property) if the parser rejects the text.
        const { article } = parseArticle(result.text, 'fuzz.txt');
        const rows = article.rounds.flatMap((round) => round.heats.flatMap((heat) => heat.rows));
        expect(result.stats.rows).toBe(rows.length);
        expect(result.stats.rowsWithNoc).toBe(rows.filter((row) => row.country !== null).length);
      }),
      { numRuns: RUNS },
    );
    // Both outcomes must be exercised, or the mutations are too gentle (or too harsh) to test anything.
    expect(tally.converted).toBeGreaterThan(RUNS / 10);
    expect(tally.refused).toBeGreaterThan(0);
  });
});
