import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import event from '../../commands/event.js';
import podium from '../../commands/podium.js';
import { eventRecords } from '../../src/domain/records.js';
import { parseArticle } from '../../src/parse/index.js';
import type { Reply } from '../../src/render/reply.js';
import { Dataset } from '../../src/domain/index.js';
import { contextFor, invoke, seedDataset } from '../commands/factory.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const fixtures = ['500m-men-1976.txt', '500m-women-2022.txt'].map(
  (file) => parseArticle(readFileSync(new URL(file, FIXTURES), 'utf8'), file).article,
);
const seeds = await seedDataset();
const ctx = contextFor(new Dataset([...seeds.articles, ...fixtures]));

const KULIKOV_1976 = [
  'Before the competition:',
  'World record: **36.17** — Yevgeny Kulikov (URS), Alma-Ata, Kazakh SSR, Soviet Union, 29 March 1975',
  'Olympic record: **39.44** — Erhard Keller (FRG), Sapporo, Japan, 5 February 1972',
  'Set here:',
  'Olympic record: **39.17** — Yevgeny Kulikov (URS), 10 February',
].join('\n');

/** A reply that is not waiting for its picture (tests run without the card cached, so it may be). */
async function settled(reply: Reply | Promise<Reply>): Promise<Reply> {
  return await reply;
}

const recordsOf = (reply: Reply) => reply.embeds?.[0]?.fields?.filter((f) => f.name === 'Records') ?? [];

describe('records on /podium and /event', () => {
  it('/podium shows the records the 1976 article states and marks the gold as an Olympic record', async () => {
    const reply = await settled(podium.execute(invoke({ event: '500m-men-1976' }), ctx));
    expect(reply.embeds?.[0]?.description?.split('\n')[0]).toBe(
      '🥇 **Yevgeny Kulikov** URS — 39.17 · OR (Olympic record)',
    );
    expect(reply.embeds?.[0]?.description?.split('\n').slice(1)).toStrictEqual([
      '🥈 **Valery Muratov** URS — 39.25',
      '🥉 **Dan Immerfall** 🇺🇸 USA — 39.54',
    ]);
    expect(recordsOf(reply)).toStrictEqual([{ name: 'Records', value: KULIKOV_1976 }]);
  });

  it('/event shows the same records', () => {
    const reply = event.execute(invoke({ event: '500m-men-1976' }), ctx);
    expect(recordsOf(reply)).toStrictEqual([{ name: 'Records', value: KULIKOV_1976 }]);
  });

  it('/podium of the 2022 women’s 500 m: the record set, as its table states it', async () => {
    const reply = await settled(podium.execute(invoke({ event: '500m-women-2022' }), ctx));
    expect(reply.embeds?.[0]?.description?.split('\n')[0]).toBe(
      '🥇 **Erin Walker** 🇺🇸 USA — 37.04 · OR (Olympic record)',
    );
    expect(recordsOf(reply)).toStrictEqual([
      { name: 'Records', value: 'Set here:\nOlympic record: **37.04** — Erin Walker, 13 February 2022' },
    ]);
  });

  it('lists a result marked OR that the Records tables do not give', async () => {
    const [article] = fixtures;
    const withoutTables = { ...article!, id: 'no-tables-500m-men-1976', records: undefined };
    const only = contextFor(new Dataset([withoutTables]));
    const reply = await settled(podium.execute(invoke({ event: 'no-tables-500m-men-1976' }), only));
    expect(recordsOf(reply)).toStrictEqual([
      { name: 'Records', value: 'Yevgeny Kulikov — 39.17, Olympic record (Race)' },
    ]);
  });

  it.each(seeds.articles.map((a) => [a.id, a] as const))(
    '%s states no record, and shows none',
    async (id, article) => {
      expect(eventRecords(article)).toStrictEqual({ before: [], set: [], results: [] });
      expect(recordsOf(await settled(podium.execute(invoke({ event: id }), ctx)))).toStrictEqual([]);
      expect(recordsOf(event.execute(invoke({ event: id }), ctx))).toStrictEqual([]);
    },
  );
});
