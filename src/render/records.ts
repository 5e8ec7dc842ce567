import type { APIEmbedField } from 'discord.js';
import type { EventRecords, RecordCode } from '../domain/records.js';
import { hasRecords, recordCodes } from '../domain/records.js';
import type { ResultRow, StatedRecord } from '../model/schemas.js';
import type { Lang, ReplyKey } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';
import { heatName } from '../i18n/names.js';
import { clip, markText, mdSafe } from './format.js';

const KIND: Record<StatedRecord['kind'], ReplyKey> = {
  world: 'replies.records.world',
  olympic: 'replies.records.olympic',
};
const CODE_NAME: Record<RecordCode, ReplyKey> = { WR: 'notes.WR', OR: 'notes.OR' };

function statedText(record: StatedRecord, lang: Lang): string {
  const holder = record.holder ? mdSafe(record.holder) + (record.noc ? ` (${record.noc})` : '') : null;
  const where = [
    holder,
    record.place ? mdSafe(record.place) : null,
    record.date ? mdSafe(record.date) : null,
  ];
  const details = where.filter((part) => part !== null).join(', ');
  return `${lang.t(KIND[record.kind])}: **${record.time.text}**${details ? ` — ${details}` : ''}`;
}

/** " · OR (Olympic record)" after a result the article marks as a record; empty for any other. */
export function recordMark(row: ResultRow, lang: Lang = EN): string {
  const codes = recordCodes(row);
  const names = codes.map((code) => lang.t(CODE_NAME[code]));
  return codes.length > 0 ? ` · ${codes.join(' ')} (${names.join(', ')})` : '';
}

/**
 * The records the article states: those standing before the competition, those set at it, and the
 * results marked WR or OR. Null when the article states none.
 */
export function recordsField(records: EventRecords, lang: Lang = EN): APIEmbedField | null {
  if (!hasRecords(records)) return null;
  const lines: string[] = [];
  if (records.before.length > 0) {
    lines.push(lang.t('replies.records.before'));
    for (const record of records.before) lines.push(statedText(record, lang));
  }
  if (records.set.length > 0) {
    lines.push(lang.t('replies.records.set'));
    for (const record of records.set) lines.push(statedText(record, lang));
  }
  // Marked in the results but missing from the Records tables (or the section lost its tables).
  const listed = new Set(records.set.map((r) => `${r.holder ?? ''}|${r.time.ms}`));
  for (const result of records.results) {
    if (listed.has(`${result.row.name}|${result.row.mark.kind === 'time' ? result.row.mark.time.ms : -1}`))
      continue;
    const names = result.codes.map((code) => lang.t(CODE_NAME[code])).join(lang.t('replies.records.and'));
    lines.push(
      `${mdSafe(result.row.name)} — ${markText(result.row.mark)}, ${names} (${mdSafe(heatName(result.round, result.heat, lang))})`,
    );
  }
  return { name: lang.t('replies.records.field'), value: clip(lines.join('\n'), 1024) };
}
