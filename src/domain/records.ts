import type { EventArticle, Heat, ResultRow, Round, StatedRecord } from '../model/schemas.js';

/** The record codes the family of articles writes in a row's notes or after its time. */
export const RECORD_CODES = ['WR', 'OR'] as const;
export type RecordCode = (typeof RECORD_CODES)[number];

/** A result the article marks as having set a record. */
export interface RecordResult {
  round: Round;
  heat: Heat;
  row: ResultRow;
  codes: RecordCode[];
}

/** What an article states about records: the Records section's tables and the rows marked OR or WR. */
export interface EventRecords {
  /** Standing before the competition, as the Records section gives them. */
  before: StatedRecord[];
  /** Set at the competition, as the Records section's "records set" table gives them. */
  set: StatedRecord[];
  /** Results marked WR or OR, in article order. */
  results: RecordResult[];
}

/** The WR and OR codes in a row's notes, world first; nothing else counts (PB, NR are not records here). */
export function recordCodes(row: ResultRow): RecordCode[] {
  return RECORD_CODES.filter((code) => row.notes.includes(code));
}

/** Records as the article states them; empty lists where it states none. Nothing is derived from times. */
export function eventRecords(event: EventArticle): EventRecords {
  const stated = event.records ?? [];
  const results: RecordResult[] = [];
  for (const round of event.rounds)
    for (const heat of round.heats)
      for (const row of heat.rows) {
        const codes = recordCodes(row);
        if (codes.length > 0) results.push({ round, heat, row, codes });
      }
  return {
    before: stated.filter((r) => !r.setHere),
    set: stated.filter((r) => r.setHere),
    results,
  };
}

export function hasRecords(records: EventRecords): boolean {
  return records.before.length > 0 || records.set.length > 0 || records.results.length > 0;
}
