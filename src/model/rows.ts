import { z } from 'zod';
import { EventArticle, Heat, Round } from './schemas.js';
import type { ResultRow } from './schemas.js';

// Result rows are ~95% of what an article holds, and running zod over each was ~25% of a parse at 1000x,
// half of it in copying. `isResultRow` checks a row by hand and keeps it as is; zod still checks the rest
// of the article, and decides (with its own message) whenever a row is not accepted here.
// tests/model/rows.test.ts checks that whatever this accepts, `ResultRow` accepts and returns unchanged.

const ROW_KEYS = new Set([
  'line',
  'rank',
  'name',
  'athleteId',
  'country',
  'pair',
  'lane',
  'laps',
  'points',
  'mark',
  'behind',
  'notes',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Own keys exactly `keys`: zod would drop any other, so a row with more is not the row zod returns. */
function hasKeys(value: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  const own = Object.keys(value);
  if (own.length !== keys.size) return false;
  for (const key of own) if (!keys.has(key)) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

function isInt(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

function isPositiveInt(value: unknown): boolean {
  return isInt(value) && value > 0;
}

function isNonNegativeInt(value: unknown): boolean {
  return isInt(value) && value >= 0;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isStringOrNull(value: unknown): boolean {
  return value === null || typeof value === 'string';
}

const POINTS_KEYS = new Set(['sprints', 'total']);
const TIME_KEYS = new Set(['text', 'ms', 'decimals']);
const MARK_TIME_KEYS = new Set(['kind', 'time']);
const MARK_STATUS_KEYS = new Set(['kind', 'text']);
const MARK_NONE_KEYS = new Set(['kind']);

function isPoints(value: unknown): boolean {
  if (!isPlainObject(value) || !hasKeys(value, POINTS_KEYS)) return false;
  const { sprints } = value;
  if (!Array.isArray(sprints) || sprints.length !== 4) return false;
  for (let i = 0; i < 4; i++) {
    if (!(i in sprints)) return false;
    const sprint: unknown = sprints[i];
    if (sprint !== null && !isNonNegativeInt(sprint)) return false;
  }
  return isNonNegativeInt(value.total);
}

function isMark(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  switch (value.kind) {
    case 'time': {
      if (!hasKeys(value, MARK_TIME_KEYS)) return false;
      const { time } = value;
      return (
        isPlainObject(time) &&
        hasKeys(time, TIME_KEYS) &&
        isText(time.text) &&
        isNonNegativeInt(time.ms) &&
        isInt(time.decimals) &&
        time.decimals >= 0 &&
        time.decimals <= 3
      );
    }
    case 'status':
      return hasKeys(value, MARK_STATUS_KEYS) && isText(value.text);
    case 'none':
      return hasKeys(value, MARK_NONE_KEYS);
    default:
      return false;
  }
}

function isNotes(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value) || !isText(value[i])) return false;
  return true;
}

/**
 * True only for a row `ResultRow` accepts and would return equal to itself; false may still be a valid
 * row (one with extra keys, say), which zod then judges.
 */
export function isResultRow(value: unknown): value is ResultRow {
  return (
    isPlainObject(value) &&
    hasKeys(value, ROW_KEYS) &&
    isPositiveInt(value.line) &&
    (value.rank === null || isPositiveInt(value.rank)) &&
    isText(value.name) &&
    isText(value.athleteId) &&
    isStringOrNull(value.country) &&
    (value.pair === null || isPositiveInt(value.pair)) &&
    isStringOrNull(value.lane) &&
    (value.laps === null || isNonNegativeInt(value.laps)) &&
    (value.points === null || isPoints(value.points)) &&
    isMark(value.mark) &&
    isStringOrNull(value.behind) &&
    isNotes(value.notes)
  );
}

/** `EventArticle` with the rows left unchecked (and uncopied), for `isResultRow` to check. */
export const EventArticleShell = EventArticle.extend({
  rounds: z.array(
    Round.extend({
      heats: z.array(Heat.extend({ rows: z.array(z.unknown()).min(1) })).min(1),
    }),
  ),
});

/**
 * `EventArticle.safeParse`, with rows checked by `isResultRow`. Whenever the fast path does not accept
 * the draft, zod parses all of it, so a refusal (and its message) is exactly zod's.
 */
export function parseEventArticle(draft: unknown): ReturnType<typeof EventArticle.safeParse> {
  const shell = EventArticleShell.safeParse(draft);
  if (shell.success) {
    let rowsOk = true;
    outer: for (const round of shell.data.rounds) {
      for (const heat of round.heats) {
        for (const row of heat.rows) {
          if (!isResultRow(row)) {
            rowsOk = false;
            break outer;
          }
        }
      }
    }
    if (rowsOk) return { success: true, data: shell.data as EventArticle };
  }
  return EventArticle.safeParse(draft);
}
