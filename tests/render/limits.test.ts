import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import athlete from '../../commands/athlete.js';
import eventCommand from '../../commands/event.js';
import heat from '../../commands/heat.js';
import help from '../../commands/help.js';
import medals from '../../commands/medals.js';
import podium from '../../commands/podium.js';
import results from '../../commands/results.js';
import search from '../../commands/search.js';
import { UserError } from '../../src/app/command.js';
import type { Context } from '../../src/app/command.js';
import type { ReloadReport, StatusReport } from '../../src/load/store.js';
import { renderUserError } from '../../src/render/errors.js';
import { checkReplyLimits } from '../../src/render/limits.js';
import type { Reply } from '../../src/render/reply.js';
import { renderReload, renderStatus } from '../../src/render/status.js';
import { renderMedals } from '../../src/render/medals.js';
import { Dataset } from '../../src/domain/index.js';
import { contextFor, invoke, seedDataset } from '../commands/factory.js';
import { stressArticles } from './stress-articles.js';

const seeds = await seedDataset();

/** A reply, or the private error reply the dispatcher would send for a UserError. */
async function answer(run: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) return renderUserError(error.message, error.suggestions);
    throw error;
  }
}

/** Every reply the commands can give over `data`, labelled, with every page of every paged reply. */
async function everyReply(data: Dataset): Promise<Array<[string, Reply]>> {
  const ctx: Context = contextFor(data);
  const out: Array<[string, Reply]> = [];
  const add = async (label: string, run: () => Reply | Promise<Reply>) => {
    out.push([label, await answer(run)]);
  };
  for (const event of data.articles) {
    await add(`/podium ${event.id}`, () => podium.execute(invoke({ event: event.id }), ctx));
    await add(`/event ${event.id}`, () => eventCommand.execute(invoke({ event: event.id }), ctx));
    for (const round of event.rounds) {
      for (const h of round.heats) {
        const values = { event: event.id, round: round.id, n: h.number };
        await add(`/heat ${event.id} ${round.id} ${h.number}`, () => heat.execute(invoke(values), ctx));
      }
    }
    for (const round of [null, ...event.rounds]) {
      let reply = await answer(() => results.execute(invoke({ event: event.id, round: round?.id }), ctx));
      for (let page = 1; ; page++) {
        out.push([`/results ${event.id} ${round?.id ?? '*'} page ${page}`, reply]);
        const next = reply.components?.[0]?.components[2];
        if (!next || !('custom_id' in next) || next.disabled) break;
        reply = await answer(() => results.button(next.custom_id, ctx));
      }
    }
  }
  for (const skater of data.athletes.athletes) {
    await add(`/athlete ${skater.id}`, () => athlete.execute(invoke({ name: skater.id }), ctx));
  }
  const words = new Set<string>(['xyzzy', 'mass start', 'champion', '*', '`']);
  for (const skater of data.athletes.athletes) words.add(skater.name);
  for (const event of data.articles) {
    words.add(event.id);
    for (const section of event.sections) {
      for (const word of section.paragraphs.join(' ').match(/[\p{L}\p{N}]{3,}/gu) ?? []) words.add(word);
    }
  }
  for (const query of words) await add(`/search ${query}`, () => search.execute(invoke({ query }), ctx));
  await add('/medals', () => medals.execute(invoke(), ctx));
  await add('/help', () => help.execute(invoke(), ctx));
  await add('/help (manager)', () => help.execute(invoke({}, true), ctx));
  for (const event of ['mass start', 'curling', 'men', '']) {
    await add(`/podium ${event}`, () => podium.execute(invoke({ event }), ctx));
  }
  return out;
}

function violations(replies: Array<[string, Reply]>): string[] {
  return replies.flatMap(([label, reply]) => checkReplyLimits(reply).map((v) => `${label}: ${v}`));
}

describe('render/limits', () => {
  describe('checkReplyLimits', () => {
    const embed = (e: APIEmbed): Reply => ({ embeds: [e] });
    const button = (id: string) => ({ type: 2 as const, style: 2 as const, custom_id: id, label: 'x' });
    const row = (ids: string[]) => ({ type: 1 as const, components: ids.map(button) });
    it.each<[string, Reply, string[]]>([
      ['a reply within every limit', { content: 'ok', embeds: [{ title: 't', description: 'd' }] }, []],
      ['an empty reply', {}, ['the reply is empty']],
      ['long content', { content: 'x'.repeat(2001) }, ['content is 2001 characters (max 2000)']],
      ['a long title', embed({ title: 'x'.repeat(257) }), ['embeds[0].title is 257 characters (max 256)']],
      [
        'a long description',
        embed({ description: 'x'.repeat(4097) }),
        ['embeds[0].description is 4097 characters (max 4096)'],
      ],
      [
        'a long footer and author',
        embed({ footer: { text: 'x'.repeat(2049) }, author: { name: 'y'.repeat(257) } }),
        ['embeds[0].footer is 2049 characters (max 2048)', 'embeds[0].author is 257 characters (max 256)'],
      ],
      [
        '26 fields',
        embed({ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }),
        ['embeds[0] has 26 fields (max 25)'],
      ],
      [
        'a long or empty field',
        embed({
          fields: [
            { name: 'x'.repeat(257), value: 'y'.repeat(1025) },
            { name: ' ', value: '' },
          ],
        }),
        [
          'embeds[0].fields[0].name is 257 characters (max 256)',
          'embeds[0].fields[0].value is 1025 characters (max 1024)',
          'embeds[0].fields[1].name is empty',
          'embeds[0].fields[1].value is empty',
        ],
      ],
      [
        'more than 6000 characters across embeds',
        { embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] },
        ['embeds total 6001 characters (max 6000)'],
      ],
      ['11 embeds', { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) }, ['11 embeds (max 10)']],
      [
        'a code line too wide for a phone, counting wide characters double',
        embed({ description: `fine\n\`\`\`\n${'王'.repeat(22)}\nok\n\`\`\`\n${'x'.repeat(80)}` }),
        [`embeds[0].description has a code line 44 wide (max 42): ${'王'.repeat(22)}`],
      ],
      [
        'six action rows, six buttons in a row, a long or repeated custom_id',
        {
          content: 'x',
          components: [
            row(['a', 'b', 'c', 'd', 'e', 'f']),
            row(['x'.repeat(101)]),
            row(['a']),
            row(['g']),
            row(['h']),
            row(['i']),
          ],
        },
        [
          '6 action rows (max 5)',
          'components[0] has 6 components (max 5)',
          `components[1][0].custom_id is 101 characters (max 100): ${'x'.repeat(101)}`,
          'components[2][0].custom_id a is used twice',
        ],
      ],
    ])('reports %s', (_, reply, expected) => {
      expect(checkReplyLimits(reply)).toStrictEqual(expected);
    });
  });

  describe('every reply the seeds can produce', () => {
    it('stays within Discord’s limits and a phone’s width', async () => {
      const replies = await everyReply(seeds);
      const count = (prefix: string) => replies.filter(([label]) => label.startsWith(prefix)).length;
      // 3 events; 22 heats; 4 + 3 + 3 result pages per event and round; every skater.
      expect([count('/podium '), count('/event '), count('/heat '), count('/athlete ')]).toStrictEqual([
        3 + 4,
        3,
        8 + 4 + 2 + 1 + 1 + 2 + 1 + 2 + 1,
        seeds.athletes.athletes.length,
      ]);
      expect(count('/results ')).toBeGreaterThanOrEqual(3 + 2 + 1 + 1 + 1 + 1 + 3 + 2 + 1 + 3 + 2 + 1);
      expect(violations(replies)).toStrictEqual([]);
    });
  });

  describe('every reply over articles built to stress the layout', () => {
    it('stays within Discord’s limits and a phone’s width', async () => {
      const base = seeds.events.get('short-track-1000m-men-2026')!;
      const replies = await everyReply(new Dataset([...seeds.articles, ...stressArticles(base)]));
      expect(replies.length).toBeGreaterThan(500);
      expect(violations(replies)).toStrictEqual([]);
    });

    it('keeps the operator replies within limits however many files and problems there are', () => {
      const files = Array.from({ length: 400 }, (_, i) => ({
        file: `article-${i}-${'x'.repeat(60)}.txt`,
        hash: 'h',
        eventId: i % 3 === 0 ? null : `event-${i}`,
        diagnostics: Array.from({ length: 5 }, (_, j) => ({
          severity: j === 0 && i % 3 === 0 ? ('error' as const) : ('warning' as const),
          message: `problem ${j} *with* \`markdown\` ${'and a long explanation '.repeat(20)}`,
          position: { source: `article-${i}.txt`, line: j + 1, column: 1, text: '' },
        })),
      }));
      const names = files.map((f) => f.file);
      const report: ReloadReport = {
        at: new Date(0),
        durationMs: 5,
        added: names,
        updated: names,
        removed: names,
        failed: names.map((file, i) => ({ file, keptPrevious: i % 2 === 0 })),
      };
      const status: StatusReport = {
        dir: '/data/articles',
        events: 300,
        athletes: 9000,
        files,
        lastReload: report,
      };
      const rows = Array.from({ length: 250 }, (_, i) => ({
        noc: `N${String(i).padStart(2, '0')}`,
        gold: 250 - i,
        silver: 1,
        bronze: 0,
        total: 251 - i,
      }));
      const replies: Array<[string, Reply]> = [
        ['/status', renderStatus(status)],
        ['/reload', renderReload(report, status)],
        ['/medals', renderMedals({ rows, unstated: 12 }, seeds.articles)],
      ];
      expect(violations(replies)).toStrictEqual([]);
    });
  });
});
