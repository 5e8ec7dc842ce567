import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermissionFlagsBits } from 'discord.js';
import reload from '../../commands/reload.js';
import status from '../../commands/status.js';
import type { Context } from '../../src/app/command.js';
import { DataStore } from '../../src/load/store.js';
import { createApp } from '../../src/app/app.js';
import { SEEDS_DIR, invoke } from './factory.js';

const MASS_START_MEN = '000_1a0ef7e0fe2592fc.txt';
const MASS_START_WOMEN = '001_b655e7eba899887c.txt';
const BAD_TOTAL = ['| 60 | 60 | 7:42.49 | Q |', '| 60 | 61 | 7:42.49 | Q |'] as const;

let dir: string;
let store: DataStore;
let ctx: Context;

/** A context over a real store; the reload's duration is pinned so replies can be compared exactly. */
function storeContext(s: DataStore): Context {
  return {
    get data() {
      return s.data;
    },
    status: () => s.status(),
    reload: async () => ({ ...(await s.reload()), durationMs: 12.3 }),
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skate-admin-'));
  await cp(SEEDS_DIR, dir, { recursive: true });
  const men = await readFile(join(dir, MASS_START_MEN), 'utf8');
  // An article that was already loaded, with a warning: a 5000 m copy of the mass start whose total is off.
  await writeFile(
    join(dir, 'old-warning.txt'),
    men.replaceAll("Men's mass start", "Men's 5000 metres").replace(...BAD_TOTAL),
  );
  store = await DataStore.open(dir);
  ctx = storeContext(store);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('commands/reload and commands/status', () => {
  it.each([
    ['reload', reload],
    ['status', status],
  ] as const)(
    '/%s is hidden from members, unavailable in DMs, and refused to a member',
    async (name, command) => {
      expect(command.adminOnly).toBe(true);
      const json = command.data.toJSON();
      expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
      expect(json.contexts).toStrictEqual([0]);
      // The core refuses it before the handler runs (a server can override what Discord hides).
      const logger = { error: () => undefined, warn: () => undefined };
      const app = createApp({ commands: new Map([[name, command]]), context: ctx, logger });
      const caller = { userId: 'member', isAdmin: false, locale: 'en-US' };
      const outcome = await app.handle({ kind: 'command', command: name, options: invoke().options, caller });
      expect(outcome).toMatchObject({ kind: 'reply', error: 'user', message: { ephemeral: true } });
      const embeds = outcome.kind === 'reply' ? outcome.message.embeds : [];
      expect(embeds[0]?.description).toBe('This command is for server managers only.');
    },
  );

  it('/status after start: what is loaded, its warnings, and no reload yet', () => {
    const reply = status.execute(invoke({}, true), ctx);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds?.[0]?.description?.split('\n')).toStrictEqual([
      `**4 articles** loaded · ${store.data.athletes.athletes.length} skaters`,
      `4 files in \`${dir}\``,
      'No reload since the bot started.',
      '',
      '__0 errors, 1 warning__',
      '⚠️ `old-warning.txt:33` Total 61 is not S1+S2+S3+S4 = 60',
    ]);
  });

  it('/reload reports added, updated, removed and failed files, and /status puts the worst and newest first', async () => {
    const men = await readFile(join(dir, MASS_START_MEN), 'utf8');
    await writeFile(join(dir, MASS_START_MEN), men.replace(...BAD_TOTAL));
    await rm(join(dir, MASS_START_WOMEN));
    await writeFile(join(dir, 'broken.txt'), 'not an article\n');
    await writeFile(join(dir, 'zz-extra.txt'), men.replaceAll("Men's mass start", "Men's 10,000 metres"));

    const reply = await reload.execute(invoke({}, true), ctx);
    expect(reply.ephemeral).toBe(true);
    const athletes = store.data.athletes.athletes.length;
    expect(reply.embeds).toStrictEqual([
      {
        title: 'Reloaded',
        description: [
          '1 added · 1 updated · 1 removed · 1 failed · 12 ms',
          `Now serving **4 articles** (${athletes} skaters).`,
          '2 warnings; `/status` lists them with file and line.',
        ].join('\n'),
        color: 0xdd6b20,
        fields: [
          { name: 'Added', value: '`zz-extra.txt`' },
          { name: 'Updated', value: `\`${MASS_START_MEN}\`` },
          { name: 'Removed', value: `\`${MASS_START_WOMEN}\`` },
          {
            name: 'Failed',
            value:
              '`broken.txt` — not loaded\n↳ line 1: expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="',
          },
        ],
      },
    ]);

    const after = status.execute(invoke({}, true), ctx);
    const lines = after.embeds?.[0]?.description?.split('\n') ?? [];
    expect(lines[1]).toBe(`5 files in \`${dir}\` · **1 with errors**`);
    expect(lines[2]).toMatch(/^Last reload <t:\d+:R>: 1 added · 1 updated · 1 removed · 1 failed · \d+ ms$/);
    expect(lines.slice(3)).toStrictEqual([
      '',
      '__1 error, 2 warnings__',
      '⛔ `broken.txt:1` expected a title line: "= <sport> at the <year> Winter Olympics – <event> ="',
      `⚠️ \`${MASS_START_MEN}:33\` Total 61 is not S1+S2+S3+S4 = 60`,
      '⚠️ `old-warning.txt:33` Total 61 is not S1+S2+S3+S4 = 60',
    ]);
    expect(after.embeds?.[0]?.color).toBe(0xdd6b20);
  });

  it('/reload with nothing changed says so', async () => {
    const reply = await reload.execute(invoke({}, true), ctx);
    expect(reply.embeds?.[0]?.title).toBe('Reloaded: nothing changed');
    expect(reply.embeds?.[0]?.fields).toStrictEqual([]);
  });
});
