import { z } from 'zod';
import { EventArticle, Heat, Mark, RaceTime, ResultRow, Round, SprintPoints } from './schemas.js';

// Result rows are most of what an article holds, and running zod over each, copying as it goes, is a
// large share of a parse. `isResultRow` checks a row by hand and keeps it as is; zod still checks the
// rest of the article, and decides (with its own message) whenever a row is not accepted here.
// The schema in schemas.ts is the one statement of a row: the key sets below are read from it, the
// checks are typed by it (a row field without a check does not compile), and tests/model/row-shape.test.ts
// holds the guard and the snapshot's layout to its fields.

/** The own keys a zod object schema gives its output. */
function keysOf(schema: { shape: Record<string, unknown> }): ReadonlySet<string> {
  return new Set(Object.keys(schema.shape));
}

const ROW_KEYS = keysOf(ResultRow);
const POINTS_KEYS = keysOf(SprintPoints);
const TIME_KEYS = keysOf(RaceTime);
/** Each kind of Mark and the keys its object has. */
const MARK_KEYS = new Map(
  Mark.options.map((option) => [option.shape.kind.value as string, keysOf(option)] as const),
);

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
  const keys = typeof value.kind === 'string' ? MARK_KEYS.get(value.kind) : undefined;
  if (keys === undefined || !hasKeys(value, keys)) return false;
  switch (value.kind) {
    case 'time': {
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
      return isText(value.text);
    case 'none':
      return true;
    default:
      return false;
  }
}

function isNotes(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!(i in value) || !isText(value[i])) return false;
  return true;
}

/** What `ResultRow` demands of each field, one check per field of the schema (the type sees to it). */
export const ROW_CHECKS: { readonly [K in keyof ResultRow]-?: (value: unknown) => boolean } = {
  line: isPositiveInt,
  rank: (value) => value === null || isPositiveInt(value),
  name: isText,
  athleteId: isText,
  country: isStringOrNull,
  pair: (value) => value === null || isPositiveInt(value),
  lane: isStringOrNull,
  laps: (value) => value === null || isNonNegativeInt(value),
  points: (value) => value === null || isPoints(value),
  mark: isMark,
  behind: isStringOrNull,
  notes: isNotes,
};
const CHECKS = Object.entries(ROW_CHECKS);

/**
 * True only for a row `ResultRow` accepts and would return equal to itself; false may still be a valid
 * row (one with extra keys, say), which zod then judges.
 */
export function isResultRow(value: unknown): value is ResultRow {
  if (!isPlainObject(value) || !hasKeys(value, ROW_KEYS)) return false;
  for (const [key, check] of CHECKS) if (!check(value[key])) return false;
  return true;
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
