// Articles an operator might add that the seeds do not exercise: long prose, a field of 60 in one race,
// 30 heats, very long names and ids. Replies built from them must still fit Discord and a phone.
import type { EventArticle, Heat, ResultRow, Round } from '../../src/model/schemas.js';
import { athleteKey } from '../../src/model/names.js';
import { formatDuration } from '../../src/parse/time.js';

const NAMES = [
  'Wolfgang Amadeus Theophilus Gottlieb von Hohenzollern-Sigmaringen-Veringen',
  '王 小明 *bold* _it_ ~~s~~ `tick` ||spoiler||',
  'Ørjan Ødegård-Ødegaard',
  "Jens van 't Wout",
  'Лидия Скобликова',
  'A',
];

function row(i: number, decimals: number): ResultRow {
  const name = `${NAMES[i % NAMES.length]} ${i}`;
  const ms = 80_000 + i * 137;
  const penalised = i % 11 === 10;
  return {
    line: 100 + i,
    rank: penalised ? null : i + 1,
    name,
    athleteId: athleteKey(name),
    country: null,
    pair: i + 1,
    lane: i % 2 === 0 ? 'i' : 'o',
    laps: 16,
    points: i % 3 === 0 ? { sprints: [i % 4, null, 3, 60], total: (i % 4) + 63 } : null,
    mark: penalised
      ? { kind: 'status', text: 'DNF' }
      : { kind: 'time', time: { text: formatDuration(ms, decimals), ms, decimals } },
    behind: null,
    notes: penalised ? ['PEN', 'YC'] : i % 4 === 0 ? ['Q', 'WR', 'ZZTOP'] : [],
  };
}

function heat(number: number | null, size: number, offset: number): Heat {
  return { number, rows: Array.from({ length: size }, (_, i) => row(offset + i, 3)) };
}

function round(id: string, kind: Round['kind'], label: string, heats: Heat[]): Round {
  return {
    id,
    kind,
    label,
    line: 50,
    start: { text: '1 January 2030, 10:00', local: '2030-01-01T10:00', unix: 1893488400 },
    heats,
  };
}

const LONG_TEXT = 'The *field* was _fast_ and `close`; ||nobody|| expected > 30 records. '.repeat(80);

/** Variants of `base` built to break limits if anything can. */
export function stressArticles(base: EventArticle): EventArticle[] {
  const longId = `long-track-${'ten-thousand-metres-'.repeat(4)}men-2030`;
  return [
    {
      ...base,
      id: 'prose-heavy-2030',
      title: `Speed skating at the 2030 Winter Olympics – ${'Very long event name '.repeat(15)}`,
      eventName: 'Very long event name '.repeat(15).trim(),
      sections: [
        { heading: null, level: 1, line: 3, paragraphs: [LONG_TEXT, LONG_TEXT] },
        { heading: 'Background', level: 2, line: 5, paragraphs: [LONG_TEXT] },
        { heading: 'Summary', level: 2, line: 7, paragraphs: [LONG_TEXT, LONG_TEXT] },
      ],
    },
    {
      ...base,
      id: 'big-single-race-2030',
      rounds: [round('race', 'race', 'Race', [heat(null, 60, 0)])],
    },
    {
      ...base,
      id: longId,
      rounds: [
        round(
          'heat',
          'heat',
          'Heats',
          Array.from({ length: 30 }, (_, i) => heat(i + 1, 10, i * 10)),
        ),
        round(`${'repechage-'.repeat(6)}round`, 'other', `Repechage ${'round '.repeat(40)}`, [
          heat(1, 35, 400),
        ]),
        round('final', 'final', 'Final A', [heat(null, 8, 500)]),
      ],
    },
  ];
}
