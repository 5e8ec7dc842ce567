import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/domain/index.js';
import { ROW_LAYOUT, SNAPSHOT_FORMAT, readSnapshot, writeSnapshot } from '../../src/load/snapshot/index.js';
import { ROW_CHECKS, isResultRow } from '../../src/model/rows.js';
import { ResultRow } from '../../src/model/schemas.js';
import type { EventArticle } from '../../src/model/schemas.js';
import { parseArticle } from '../../src/parse/article.js';
import { SEEDS } from '../fuzz/arbitraries.js';

// The zod schema is the one statement of a row. These fail when a field is added to (or dropped from)
// the schema without the hand guard (model/rows.ts) and the snapshot layout (load/snapshot/layout.ts)
// following.

const schemaFields = Object.keys(ResultRow.shape).sort();

/** A row with every field filled, of each kind of mark. */
const FULL: ResultRow[] = [
  {
    line: 7,
    rank: 3,
    name: 'Ari Eins',
    athleteId: 'ari eins',
    country: 'NED',
    pair: 2,
    lane: 'i',
    laps: 16,
    points: { sprints: [1, null, 3, 60], total: 64 },
    mark: { kind: 'time', time: { text: '7:42.49', ms: 462_490, decimals: 2 } },
    behind: '+0.12',
    notes: ['Q', 'PEN'],
  },
  {
    line: 8,
    rank: null,
    name: 'Bo Zwei',
    athleteId: 'bo zwei',
    country: null,
    pair: null,
    lane: null,
    laps: null,
    points: null,
    mark: { kind: 'status', text: 'DNF' },
    behind: null,
    notes: [],
  },
  {
    line: 9,
    rank: 4,
    name: 'Cy Drei',
    athleteId: 'cy drei',
    country: null,
    pair: null,
    lane: null,
    laps: null,
    points: null,
    mark: { kind: 'none' },
    behind: null,
    notes: [],
  },
];

describe('the result row shape', () => {
  it('has a guard check for every field of the schema, and no other', () => {
    expect(Object.keys(ROW_CHECKS).sort()).toStrictEqual(schemaFields);
  });

  it('has a place in the snapshot layout for every field of the schema, and no other', () => {
    expect(Object.keys(ROW_LAYOUT).sort()).toStrictEqual(schemaFields);
  });

  it('lays the fields over the snapshot row without gaps or overlaps', () => {
    const offsets = Object.values(ROW_LAYOUT)
      .flatMap((parts) => Object.values(parts))
      .sort((a, b) => a - b);
    expect(offsets).toStrictEqual(offsets.map((_, i) => i));
  });

  it('the filled rows are rows the schema accepts unchanged, and so does the guard', () => {
    for (const row of FULL) {
      expect(ResultRow.parse(row)).toStrictEqual(row);
      expect(isResultRow(row)).toBe(true);
      expect(Object.keys(row).sort()).toStrictEqual(schemaFields);
    }
  });

  it('the guard refuses a row with a field the schema does not have, or without one it has', () => {
    const [row] = FULL as [ResultRow];
    expect(isResultRow({ ...row, extra: 1 })).toBe(false);
    for (const field of schemaFields) {
      const without: Record<string, unknown> = { ...row };
      delete without[field];
      expect(isResultRow(without)).toBe(false);
    }
  });

  it('a snapshot gives back every field of every row', async () => {
    const { article } = parseArticle(SEEDS[0]!.text, SEEDS[0]!.file);
    const withRows: EventArticle = {
      ...article,
      rounds: [{ ...article.rounds[0]!, heats: [{ number: null, rows: FULL }] }],
    };
    const dir = await mkdtemp(join(tmpdir(), 'skate-row-shape-'));
    try {
      // No sources: the snapshot is read as one of an empty folder.
      const snapshot = {
        readAt: 0,
        sources: [],
        files: [],
        articles: [withRows],
        parts: new Dataset([withRows]).parts(),
      };
      await writeSnapshot(dir, snapshot);
      expect(readSnapshot(dir, { dir, stamps: new Map() })).toStrictEqual(snapshot);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('numbers the snapshot format from the layout, as a whole number the header can carry', () => {
    expect(Number.isSafeInteger(SNAPSHOT_FORMAT)).toBe(true);
  });
});
