import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ButtonStyle, ComponentType, SlashCommandBuilder } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import athlete from '../../../commands/athlete.js';
import heat from '../../../commands/heat.js';
import podium from '../../../commands/podium.js';
import { UserError } from '../../../src/app/command.js';
import type { CommandModule, Context } from '../../../src/app/command.js';
import { storeContext } from '../../../src/app/context.js';
import { createSession } from '../../../src/hosts/console/session.js';
import type { ConsoleSession, SessionOptions } from '../../../src/hosts/console/session.js';
import { DataStore } from '../../../src/load/store.js';
import type { Reply } from '../../../src/render/reply.js';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'seeds');
const render = { color: false, locale: 'en-GB', timeZone: 'UTC', now: new Date('2026-02-15T19:34:00Z') };

/** A command with two pages and Prev/Next buttons, like /results. */
const pages: CommandModule = {
  data: new SlashCommandBuilder().setName('pages').setDescription('Two pages'),
  execute: () => page(1),
  button: (customId) => page(Number(customId.split(':')[1])),
};
function page(n: number): Reply {
  const button = (id: string, label: string, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    custom_id: id,
    label,
    disabled,
  });
  return {
    content: `page ${n}`,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          button(`pages:${n - 1}`, '◀ Prev', n === 1),
          button(`pages:${n + 1}`, 'Next ▶', n === 2),
        ],
      },
    ],
  };
}
const boom: CommandModule = {
  data: new SlashCommandBuilder().setName('boom').setDescription('Fails'),
  execute: () => {
    throw new Error('disk on fire');
  },
};
const picture: CommandModule = {
  data: new SlashCommandBuilder().setName('picture').setDescription('Sends a picture'),
  execute: () => ({
    embeds: [{ title: 'Podium', image: { url: 'attachment://podium-mass-start-men-2026.png' } }],
    files: [{ name: 'podium-mass-start-men-2026.png', data: Buffer.from('png'), description: 'podium' }],
  }),
};
const commands = new Map<string, CommandModule>([
  ['podium', podium],
  ['athlete', athlete],
  ['heat', heat],
  ['pages', pages],
  ['boom', boom],
  ['picture', picture],
]);

let ctx: Context;
let pictureDir = '';
const session = (options: Partial<SessionOptions> = {}): ConsoleSession =>
  createSession({ commands, ctx, render, pictureDir, logError: () => undefined, ...options });

beforeAll(async () => {
  ctx = storeContext(await DataStore.open(SEEDS));
  pictureDir = await mkdtemp(join(tmpdir(), 'console-session-'));
});
afterAll(async () => {
  await rm(pictureDir, { recursive: true, force: true });
});

describe('hosts/console/session', () => {
  describe('runLine', () => {
    it('answers /podium event:mass-start-men with the medallists', async () => {
      const result = await session().runLine('/podium event:mass-start-men');
      const lines = result.output.split('\n');
      expect([result.isUserError, result.failed]).toStrictEqual([false, false]);
      expect(lines[0]).toBe("Podium · Men's mass start · 2026 Winter Olympics");
      expect(lines.slice(1, 4)).toStrictEqual([
        '🥇 Jorrit Bergsma 🇳🇱 NED — 68 pts',
        '🥈 Viktor Hald Thorup 🇩🇰 DEN — 47 pts',
        '🥉 Andrea Giovannini 🇮🇹 ITA — 21 pts',
      ]);
      expect(lines).toContain('Winning points: 68 pts');
    });

    it('answers /athlete name:Sun Long with his path through the rounds', async () => {
      const { output } = await session().runLine('/athlete name:Sun Long');
      const lines = output.split('\n');
      const start = lines.indexOf("2026 · Men's 1000 metres (short track) — 🥈 2nd");
      expect(lines.slice(0, 2)).toStrictEqual(['Sun Long', 'Representing 🇨🇳 CHN']);
      expect(lines.slice(start, start + 5)).toStrictEqual([
        "2026 · Men's 1000 metres (short track) — 🥈 2nd",
        'Heats, heat 8 — 2nd · 1:25.339 · Q',
        'Quarterfinals, heat 3 — 1st · 1:26.563 · Q',
        'Semifinals, heat 1 — 2nd · 1:23.585 · QA',
        'Final A — 2nd · 1:24.565',
      ]);
    });

    it('answers /heat event:1000m round:quarterfinal n:3 with every row of the heat', async () => {
      const { output } = await session().runLine('/heat event:1000m round:quarterfinal n:3');
      const lines = output.split('\n');
      const rows = lines
        .filter((l) => l.startsWith('│ ') && !l.startsWith('│ #'))
        .map((l) => l.replace(/ +/g, ' '));
      expect(lines.slice(0, 2)).toStrictEqual([
        "Short track · Men's 1000 metres · 2026 Winter Olympics",
        'Quarterfinals, heat 3 · 12 February 2026 at 19:34 (3 days ago)',
      ]);
      expect(rows).toStrictEqual([
        '│ 1 Sun Long 1:26.563 Q',
        '│ 2 Roberts Krūzbergs 1:27.133 +0.570 Q',
        '│ 3 Michał Niewiński 1:46.369 +19.806 ADV',
        '│ Pietro Sighel – PEN',
        '│ Quentin Fercoq – PEN',
      ]);
    });

    it("answers a handler's UserError privately", async () => {
      const result = await session().runLine('/heat event:1000m round:quarterfinal n:9');
      expect(result.isUserError).toBe(true);
      expect(result.reply.ephemeral).toBe(true);
      expect(result.output.split('\n')).toStrictEqual([
        'Quarterfinals has no heat 9; it has heats 1, 2, 3, 4.',
        '',
        'Did you mean',
        '• `n:1`',
        '• `n:2`',
        '• `n:3`',
        '• `n:4`',
        '(only you can see this)',
      ]);
    });

    it('answers a mistake in the line itself the same way', async () => {
      const result = await session().runLine('/heat event:1000m round:quarterfinal n:three');
      expect([result.isUserError, result.output]).toStrictEqual([
        true,
        '`n` must be a whole number, not `three`.\n(only you can see this)',
      ]);
    });

    it('logs an unexpected error and apologises', async () => {
      const logError = vi.fn();
      const result = await session({ logError }).runLine('/boom');
      expect([result.isUserError, result.failed]).toStrictEqual([false, true]);
      expect(result.output).toBe(
        'Sorry, something went wrong on our side. Please try again in a moment.\n(only you can see this)',
      );
      expect(logError).toHaveBeenCalledWith('/boom', new Error('disk on fire'));
    });

    it('writes pictures to the picture folder and prints the path', async () => {
      const { output } = await session().runLine('/picture');
      const path = join(pictureDir, 'podium-mass-start-men-2026.png');
      expect(output).toBe(`Podium\n\npicture: ${path}`);
      expect(existsSync(path)).toBe(true);
    });

    it('prints nothing for an empty line', async () => {
      expect((await session().runLine('   ')).output).toBe('');
    });
  });

  describe('button and turnPage', () => {
    it('turns pages through the command’s button handler', async () => {
      const s = session();
      expect((await s.turnPage('next')).output).toBe(
        'The last reply has no pages to turn.\n(only you can see this)',
      );
      expect((await s.runLine('/pages')).output).toBe('page 1\n\n[◀ Prev]  2 [Next ▶]');
      expect((await s.turnPage('prev')).output).toBe('This is the first page.\n(only you can see this)');
      expect((await s.turnPage('next')).output).toBe('page 2\n\n1 [◀ Prev]  [Next ▶]');
      expect((await s.turnPage('next')).output).toBe('This is the last page.\n(only you can see this)');
      // A mistake in between does not lose the pages.
      expect((await s.runLine('/nope')).isUserError).toBe(true);
      expect((await s.button(1)).output).toBe('page 1\n\n[◀ Prev]  2 [Next ▶]');
    });

    it('says which buttons exist', async () => {
      const s = session();
      await s.runLine('/pages');
      expect((await s.button(7)).output).toBe(
        'There is no button 7; they are numbered 1 to 2.\n(only you can see this)',
      );
      expect((await s.button(1)).output).toBe('Button 1 (◀ Prev) is switched off.\n(only you can see this)');
    });
  });

  describe('complete', () => {
    it.each<[string, string[], string]>([
      ['/po', ['/podium '], '/po'],
      ['po', ['/podium '], 'po'],
      ['/p', ['/pages ', '/picture ', '/podium '], '/p'],
      ['/heat e', ['event:'], 'e'],
      ['/heat ', ['event:', 'round:', 'n:'], ''],
      ['/heat event:1000m ', ['round:', 'n:'], ''],
      ['/heat event:1000m r', ['round:'], 'r'],
      ['/heat event:1000m round:q', ['quarterfinal '], 'q'],
      ['/heat event:1000m round:quarterfinal n:', ['1', '2', '3', '4'], ''],
      ['/heat event:1000m round:final n:', [], ''],
      ['/podium event:mass', ['mass-start-men-2026', 'mass-start-women-2026'], 'mass'],
      ['/podium event:"mass', ['mass-start-men-2026', 'mass-start-women-2026'], '"mass'],
      ['/athlete name:Sun L', ['long-sun '], 'Sun L'],
      ['/nope x', [], ''],
      ['/heat event:1000m round:final n:3 ', [], '3 '],
    ])('%j', (line, candidates, fragment) => {
      expect(session().complete(line)).toStrictEqual([candidates, fragment]);
    });

    it('offers the rounds of the event already typed', () => {
      const rounds = (line: string) => session().complete(line)[0].sort();
      expect(rounds('/heat event:1000m round:')).toStrictEqual([
        'final',
        'final-b',
        'heat',
        'quarterfinal',
        'semifinal',
      ]);
      expect(rounds('/heat event:mass-start-men round:')).toStrictEqual(['final', 'semifinal']);
      expect(rounds('/heat round:')).toStrictEqual([]);
    });

    it('survives an autocomplete handler that throws', () => {
      const logError = vi.fn();
      const broken: CommandModule = {
        ...podium,
        autocomplete: () => {
          throw new UserError('no');
        },
      };
      const s = session({ commands: new Map([['podium', broken]]), logError });
      expect(s.complete('/podium event:x')).toStrictEqual([[], 'x']);
      expect(logError).toHaveBeenCalledOnce();
    });
  });
});
