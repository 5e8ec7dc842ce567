import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isResultRow, parseEventArticle } from '../../src/model/rows.js';
import { EventArticle, ResultRow } from '../../src/model/schemas.js';
import { parseArticle } from '../../src/parse/article.js';

// Values zod gets wrong most easily: the edges of each check, and things of the wrong type.
const junk = fc.oneof(
  fc.constantFrom(0, -0, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), '', 'x', true, null),
  fc.constant(undefined),
  fc.constant([]),
  fc.constant({}),
  fc.anything(),
);
const maybe = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, junk);
const int = (min: number) =>
  fc.oneof(fc.integer({ min, max: 10 }), fc.integer({ min, max: Number.MAX_SAFE_INTEGER }));
const nullableString = maybe(fc.option(fc.string()));

const time = fc.record({
  text: maybe(fc.string({ minLength: 1 })),
  ms: maybe(int(0)),
  decimals: maybe(fc.integer({ min: -1, max: 4 })),
});
const mark = fc.oneof(
  fc.record({ kind: fc.constant('time'), time: maybe(time) }),
  fc.record({ kind: fc.constant('status'), text: maybe(fc.string()) }),
  fc.record({ kind: fc.constant('none') }),
  fc.record({ kind: maybe(fc.constantFrom('time', 'status', 'none', 'other')), text: fc.string() }),
);
function holes<T>(values: T[], at: number): T[] {
  const out = [...values];
  out.length = Math.max(out.length, at + 1);
  Reflect.deleteProperty(out, at);
  return out;
}
const sprints = fc.oneof(
  fc.tuple(...[0, 1, 2, 3].map(() => maybe(fc.option(int(0))))),
  fc.array(fc.option(int(0)), { maxLength: 6 }),
  // Arrays with holes: `in`, not `length`, tells a hole from a value.
  fc.constant(holes([0, 1, 2, 3], 3)),
  fc.constant(holes([0, 1, 2, 3], 4)),
);
const points = fc.option(fc.record({ sprints: maybe(sprints), total: maybe(int(0)) }));
const notes = fc.oneof(
  fc.array(maybe(fc.string({ minLength: 1 })), { maxLength: 3 }),
  fc.constant(holes(['Q', 'q', 'q'], 1)),
);

const fields = {
  line: maybe(int(1)),
  rank: maybe(fc.option(int(1))),
  name: maybe(fc.string({ minLength: 1 })),
  athleteId: maybe(fc.string({ minLength: 1 })),
  country: nullableString,
  pair: maybe(fc.option(int(1))),
  lane: nullableString,
  laps: maybe(fc.option(int(0))),
  points: maybe(points),
  mark: maybe(mark),
  behind: nullableString,
  notes: maybe(notes),
};

/** Rows as the parser writes them, every field valid (structuredClone: with a prototype throughout). */
const validRow = fc
  .record({
    line: int(1),
    rank: fc.option(int(1)),
    name: fc.string({ minLength: 1 }),
    athleteId: fc.string({ minLength: 1 }),
    country: fc.option(fc.string()),
    pair: fc.option(int(1)),
    lane: fc.option(fc.string()),
    laps: fc.option(int(0)),
    points: fc.option(
      fc.record({ sprints: fc.tuple(...[0, 1, 2, 3].map(() => fc.option(int(0)))), total: int(0) }),
    ),
    mark: fc.oneof(
      fc.record({
        kind: fc.constant('time'),
        time: fc.record({
          text: fc.string({ minLength: 1 }),
          ms: int(0),
          decimals: fc.integer({ min: 0, max: 3 }),
        }),
      }),
      fc.record({ kind: fc.constant('status'), text: fc.string({ minLength: 1 }) }),
      fc.record({ kind: fc.constant('none') }),
    ),
    behind: fc.option(fc.string()),
    notes: fc.array(fc.string({ minLength: 1 }), { maxLength: 3 }),
  })
  .map(structuredClone);

/** Rows as the parser writes them, and near misses: any field may be junk, missing, or one too many. */
const rowLike = fc
  .tuple(
    fc.record(fields, { requiredKeys: [] }),
    fc.record(fields),
    fc.option(fc.tuple(fc.constantFrom('extra', 'toString', 'line'), fc.anything())),
    fc.boolean(),
  )
  .map(([partial, full, extra, complete]) => {
    const row: Record<string, unknown> = complete ? { ...full } : { ...partial };
    if (extra) row[extra[0]] = extra[1];
    return row;
  });
const PATHS: ReadonlyArray<ReadonlyArray<string | number>> = [
  ...Object.keys(fields).map((key) => [key]),
  ['mark', 'kind'],
  ['mark', 'text'],
  ['mark', 'time'],
  ['mark', 'time', 'text'],
  ['mark', 'time', 'ms'],
  ['mark', 'time', 'decimals'],
  ['mark', 'time', 'extra'],
  ['points', 'sprints'],
  ['points', 'sprints', 0],
  ['points', 'sprints', 3],
  ['points', 'sprints', 4],
  ['points', 'total'],
  ['points', 'extra'],
  ['notes', 0],
  ['notes', 1],
];

/** A valid row with one thing wrong, or maybe wrong: a value replaced, a key deleted or added. */
const nearMiss = fc
  .tuple(validRow, fc.constantFrom(...PATHS), junk, fc.boolean())
  .map(([row, path, value, remove]) => {
    let node: unknown = row;
    for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown> | null)?.[key];
    if (node === null || typeof node !== 'object') return row;
    const last = path.at(-1)!;
    if (remove) delete (node as Record<string | number, unknown>)[last];
    else (node as Record<string | number, unknown>)[last] = value;
    return row;
  });

const anyRow = fc.oneof(rowLike, validRow, nearMiss);

/** What zod does with a row, compared as the fast path needs it: accepted, and returned unchanged. */
function zodKeeps(value: unknown): boolean {
  const result = ResultRow.safeParse(value);
  return result.success && isDeepStrictEqual(result.data, value);
}

describe('model/rows', () => {
  it('isResultRow accepts exactly the rows zod accepts and returns unchanged', () => {
    fc.assert(
      fc.property(anyRow, (row) => {
        expect(isResultRow(row)).toBe(zodKeeps(row));
      }),
      { numRuns: 20_000 },
    );
  });

  it('accepts every row as the parser writes it', () => {
    fc.assert(
      fc.property(validRow, (row) => {
        expect(zodKeeps(row)).toBe(true);
        expect(isResultRow(row)).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('never accepts what is not a plain object', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        if (isResultRow(value)) expect(zodKeeps(value)).toBe(true);
      }),
    );
    expect(isResultRow(Object.assign(Object.create({ extra: 1 }) as object, { line: 1 }))).toBe(false);
  });

  describe('parseEventArticle', () => {
    const seeds = readdirSync('seeds')
      .filter((f) => f.endsWith('.txt'))
      .map((f) => parseArticle(readFileSync(join('seeds', f), 'utf8'), f).article);

    it('gives what EventArticle.safeParse gives, for seeds with one row or field replaced', () => {
      fc.assert(
        fc.property(
          fc.nat({ max: seeds.length - 1 }),
          fc.nat(),
          fc.oneof(anyRow, fc.constant(undefined)),
          fc.option(fc.constantFrom('id', 'rounds', 'nocs', 'infobox'), { nil: undefined }),
          junk,
          (which, at, row, field, value) => {
            const draft = structuredClone(seeds[which]!);
            const rows = draft.rounds.flatMap((r) => r.heats.map((h) => h.rows));
            const heat = rows[at % rows.length]!;
            if (row !== undefined) heat[at % heat.length] = row as ResultRow;
            if (field !== undefined) (draft as Record<string, unknown>)[field] = value;
            const ours = parseEventArticle(draft);
            const zods = EventArticle.safeParse(draft);
            expect(ours.success).toBe(zods.success);
            if (ours.success) expect(ours.data).toStrictEqual(zods.data);
            else expect(ours.error?.issues).toStrictEqual(zods.error?.issues);
          },
        ),
        { numRuns: 2_000 },
      );
    });

    it('passes the seeds through unchanged', () => {
      for (const article of seeds)
        expect(parseEventArticle(article)).toStrictEqual(EventArticle.safeParse(article));
    });
  });
});
