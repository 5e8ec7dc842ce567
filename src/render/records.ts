import type { APIEmbedField } from 'discord.js';
import type { EventRecords, RecordCode } from '../domain/records.js';
import { hasRecords, recordCodes } from '../domain/records.js';
import type { ResultRow, StatedRecord } from '../model/schemas.js';
import { heatLabel } from '../domain/index.js';
import { clip, markText, mdSafe } from './format.js';

const KIND: Record<StatedRecord['kind'], string> = { world: 'World record', olympic: 'Olympic record' };
const CODE_NAME: Record<RecordCode, string> = { WR: 'world record', OR: 'Olympic record' };

function statedText(record: StatedRecord): string {
  const holder = record.holder ? mdSafe(record.holder) + (record.noc ? ` (${record.noc})` : '') : null;
  const where = [
    holder,
    record.place ? mdSafe(record.place) : null,
    record.date ? mdSafe(record.date) : null,
  ];
  const details = where.filter((part) => part !== null).join(', ');
  return `${KIND[record.kind]}: **${record.time.text}**${details ? ` — ${details}` : ''}`;
}

/** " · OR (Olympic record)" after a result the article marks as a record; empty for any other. */
export function recordMark(row: ResultRow): string {
  const codes = recordCodes(row);
  return codes.length > 0 ? ` · ${codes.join(' ')} (${codes.map((code) => CODE_NAME[code]).join(', ')})` : '';
}

/**
 * The records the article states: those standing before the competition, those set at it, and the
 * results marked WR or OR. Null when the article states none.
 */
export function recordsField(records: EventRecords): APIEmbedField | null {
  if (!hasRecords(records)) return null;
  const lines: string[] = [];
  if (records.before.length > 0) {
    lines.push('Before the competition:');
    for (const record of records.before) lines.push(statedText(record));
  }
  if (records.set.length > 0) {
    lines.push('Set here:');
    for (const record of records.set) lines.push(statedText(record));
  }
  // Marked in the results but missing from the Records tables (or the section lost its tables).
  const listed = new Set(records.set.map((r) => `${r.holder ?? ''}|${r.time.ms}`));
  for (const result of records.results) {
    if (listed.has(`${result.row.name}|${result.row.mark.kind === 'time' ? result.row.mark.time.ms : -1}`))
      continue;
    const names = result.codes.map((code) => CODE_NAME[code]).join(' and ');
    lines.push(
      `${mdSafe(result.row.name)} — ${markText(result.row.mark)}, ${names} (${mdSafe(heatLabel(result.round, result.heat))})`,
    );
  }
  return { name: 'Records', value: clip(lines.join('\n'), 1024) };
}
