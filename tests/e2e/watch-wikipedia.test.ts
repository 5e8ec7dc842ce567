// Live updates end to end: the built bot with WATCH_WIKIPEDIA pointing at the MediaWiki stand-in; an edit on
// the "wiki" reaches the bot's reply through the watcher, the writer and the store's reload.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaWikiStandin, fixturePage } from '../import/standin-mediawiki.js';
import { BotProcess, SEEDS_DIR, ensureBuilt } from './bot-process.js';
import { DiscordStandin } from './standin.js';
import { DEFAULT_PERMISSIONS } from './standin-payloads.js';

const MANAGER = (BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();
const SKATING_2006 = fixturePage('wtq_204-page_201');
const FILE_2006 = 'speed-skating-at-the-2006-winter-olympics-mens-1000-metres.txt';

let discord: DiscordStandin | undefined;
let wiki: MediaWikiStandin | undefined;
let seeds: string | undefined;

beforeAll(() => ensureBuilt(), 120_000);
afterAll(async () => {
  await Promise.all(BotProcess.all.map((bot) => bot.kill()));
  await discord?.close();
  await wiki?.close();
  if (seeds) rmSync(seeds, { recursive: true, force: true });
});

async function podium(event: string): Promise<APIEmbed> {
  const reply = await discord!
    .sendCommand({ name: 'podium', options: [{ name: 'event', value: event }] })
    .response();
  const embeds = (reply.data?.['embeds'] ?? []) as APIEmbed[];
  expect(embeds).toHaveLength(1);
  return embeds[0]!;
}

describe('watching Wikipedia (WATCH_WIKIPEDIA)', () => {
  it('imports the watched article, and an edit on the wiki reaches the reply of the running bot', async () => {
    discord = await DiscordStandin.start();
    wiki = await MediaWikiStandin.start();
    wiki.setPage(SKATING_2006);
    seeds = mkdtempSync(join(tmpdir(), 'skate-e2e-watch-'));
    cpSync(SEEDS_DIR, seeds, { recursive: true });
    const bot = BotProcess.start(discord, {
      seedsDir: seeds,
      env: { WATCH_WIKIPEDIA: SKATING_2006.title, WIKIPEDIA_API: wiki.api, WATCH_INTERVAL: '0.2' },
    });
    await bot.ready();
    const updated = (from: number) =>
      bot.waitForLog((line) => typeof line.msg === 'string' && line.msg.startsWith('wikipedia: '), {
        from,
        timeoutMs: 15_000,
      });

    const first = await updated(0);
    expect(first.msg).toBe(
      `wikipedia: imported ${FILE_2006} (${SKATING_2006.title}, revision 593081343): 41 rows, 41 with a country`,
    );
    expect(readdirSync(seeds)).toContain(FILE_2006);
    const before = JSON.stringify(await podium('1000m-men-2006'));
    expect(before).toContain('Shani Davis');
    expect(before).toContain('1:09.37');

    // An edit on the wiki: the 4th place time corrected.
    const mark = bot.logs().length;
    wiki.setPage({
      ...SKATING_2006,
      revid: 593081344,
      html: SKATING_2006.html.replace('<td>1:09.37</td>', '<td>1:09.38</td>'),
    });
    const second = await updated(mark);
    expect(second.msg).toBe(
      `wikipedia: updated ${FILE_2006} (${SKATING_2006.title}, revision 593081344): 41 rows, 41 with a country`,
    );
    expect(second['changes']).toStrictEqual([
      'revision 593081343 -> 593081344',
      '1 times corrected: Lee Kyou-hyuk (Race) 1:09.37 -> 1:09.38',
    ]);
    const after = JSON.stringify(await podium('1000m-men-2006'));
    expect(after).toContain('1:09.38');
    expect(after).not.toContain('1:09.37');

    const status = await discord.sendCommand({ name: 'status', memberPermissions: MANAGER }).response();
    const embed = ((status.data?.['embeds'] ?? []) as APIEmbed[])[0];
    expect(embed?.fields?.find((f) => f.name === 'Wikipedia')?.value).toMatch(
      new RegExp(`^Last poll <t:\\d+:R> · every 0.2 s\\n\`${FILE_2006}\` revision 593081344$`),
    );

    expect((await bot.stop('SIGTERM')).code).toBe(0);
    expect(bot.logs().filter((line) => line.level >= 50)).toStrictEqual([]);
    // Every request named the bot and was one of the two API calls the watcher makes.
    expect(new Set(wiki.requests.map((r) => r.action))).toStrictEqual(new Set(['query', 'parse']));
    expect(wiki.requests.every((r) => r.userAgent?.startsWith('skate-results-bot/'))).toBe(true);
  }, 60_000);
});
