import type { EventArticle, Heat, Medal, ResultRow, Round } from '../model/schemas.js';
import type { Athlete } from '../search/index.js';
import type { Dataset } from './dataset.js';
import { personalBests } from './bests.js';
import type { PersonalBest } from './bests.js';

/** Which of the two finished ahead in a race; null for a tie or when neither has a rank. */
export type Ahead = 'a' | 'b' | null;

/** One race both skated: the same heat (or pair) of the same round. */
export interface Meeting {
  event: EventArticle;
  round: Round;
  heat: Heat;
  a: ResultRow;
  b: ResultRow;
  ahead: Ahead;
  /** Long track: they skated in the same pair, not only the same race. */
  samePair: boolean;
}

/** The best times of both over one distance both have a time for. */
export interface SharedBest {
  key: string;
  a: PersonalBest;
  b: PersonalBest;
  /** The faster of the two; null when equal to the thousandth. */
  faster: Ahead;
}

export interface HeadToHead {
  a: Athlete;
  b: Athlete;
  /** Events both skated, in the order loaded. */
  sharedEvents: EventArticle[];
  meetings: Meeting[];
  wins: { a: number; b: number };
  sharedBests: SharedBest[];
  bests: { a: PersonalBest[]; b: PersonalBest[] };
  medals: { a: Record<Medal, number>; b: Record<Medal, number> };
}

/**
 * Ahead in a race: the better rank; a ranked skater is ahead of an unranked one (penalised,
 * disqualified, did not finish). Ranks are the article's, so a tie stays a tie.
 */
export function aheadOf(a: ResultRow, b: ResultRow): Ahead {
  if (a.rank !== null && b.rank !== null) return a.rank < b.rank ? 'a' : b.rank < a.rank ? 'b' : null;
  if (a.rank !== null) return 'a';
  if (b.rank !== null) return 'b';
  return null;
}

/** Two skaters side by side over every event loaded. Both must be different people. */
export function headToHead(data: Dataset, a: Athlete, b: Athlete): HeadToHead {
  if (a.id === b.id) throw new Error('headToHead needs two different skaters');
  const rowsOfB = new Map<Heat, ResultRow>();
  for (const appearance of b.appearances) rowsOfB.set(appearance.heat, appearance.row);
  const eventsOfB = new Set(b.appearances.map((x) => x.event));
  const sharedEvents: EventArticle[] = [];
  const meetings: Meeting[] = [];
  for (const { event, round, heat, row } of a.appearances) {
    if (eventsOfB.has(event) && !sharedEvents.includes(event)) sharedEvents.push(event);
    const other = rowsOfB.get(heat);
    if (!other) continue;
    meetings.push({
      event,
      round,
      heat,
      a: row,
      b: other,
      ahead: aheadOf(row, other),
      samePair: row.pair !== null && row.pair === other.pair,
    });
  }
  const bestsA = personalBests(a);
  const bestsB = personalBests(b);
  const sharedBests: SharedBest[] = [];
  for (const best of bestsA) {
    const other = bestsB.find((x) => x.key === best.key);
    if (!other) continue;
    const faster = best.time.ms < other.time.ms ? 'a' : other.time.ms < best.time.ms ? 'b' : null;
    sharedBests.push({ key: best.key, a: best, b: other, faster });
  }
  return {
    a,
    b,
    sharedEvents,
    meetings,
    wins: {
      a: meetings.filter((m) => m.ahead === 'a').length,
      b: meetings.filter((m) => m.ahead === 'b').length,
    },
    sharedBests,
    bests: { a: bestsA, b: bestsB },
    medals: { a: data.summary(a).medals, b: data.summary(b).medals },
  };
}
