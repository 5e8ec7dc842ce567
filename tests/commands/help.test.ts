import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import help, { HELP_ENTRIES } from '../../commands/help.js';
import type { CommandModule } from '../../src/app/command.js';
import { COMMANDS_DIR, contextFor, invoke, seedDataset } from './factory.js';

const ctx = contextFor(await seedDataset());
const files = readdirSync(COMMANDS_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

async function moduleOf(name: string): Promise<CommandModule> {
  return ((await import(pathToFileURL(join(COMMANDS_DIR, `${name}.ts`)).href)) as { default: CommandModule })
    .default;
}

/** `/heat event:1000m round:quarterfinal n:3` -> { event: '1000m', round: 'quarterfinal', n: '3' } */
function parseExample(example: string): { name: string; values: Record<string, string> } {
  const [, name = '', rest = ''] = /^\/(\S+)\s*(.*)$/.exec(example) ?? [];
  const values: Record<string, string> = {};
  for (const m of rest.matchAll(/(\w+):(.*?)(?=\s+\w+:|$)/g)) values[m[1]!] = m[2]!;
  return { name, values };
}

describe('commands/help', () => {
  it('lists exactly the commands in commands/', () => {
    expect(HELP_ENTRIES.map((e) => e.name).sort()).toStrictEqual(files);
  });

  it.each(HELP_ENTRIES.map((e) => [e.example, e] as const))(
    '%s names real options and runs',
    async (example, entry) => {
      const { name, values } = parseExample(example);
      expect(name).toBe(entry.name);
      const command = await moduleOf(name);
      expect(command.adminOnly === true).toBe(entry.admin === true);
      const options = command.data.toJSON().options ?? [];
      expect(Object.keys(values).every((key) => options.some((o) => o.name === key))).toBe(true);
      for (const option of options) if (option.required) expect(values).toHaveProperty(option.name);
      if (entry.admin) return;
      const typed = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, /^\d+$/.test(v) ? Number(v) : v]),
      );
      const reply = await command.execute(invoke(typed), ctx);
      expect(reply.embeds?.length).toBeGreaterThan(0);
    },
  );

  it('shows members the commands they can use, each with an example', () => {
    const reply = help.execute(invoke(), ctx);
    expect(reply.ephemeral).toBe(true);
    expect(reply.embeds?.[0]?.description?.split('\n')).toStrictEqual([
      '**/event** — an event at a glance: venue, dates, format, winner',
      '`/event event:1000m`',
      '**/podium** — the medallists, the winning value and places 4–8',
      '`/podium event:mass-start-men`',
      '**/results** — every heat of a round, or every round of an event, page by page',
      '`/results event:1000m round:quarterfinal`',
      '**/heat** — one race: times, points, notes and gaps',
      '`/heat event:1000m round:quarterfinal n:3`',
      "**/athlete** — a skater's rounds, placings and medals",
      '`/athlete name:Sun Long`',
      '**/search** — skaters, events and words in the articles',
      '`/search query:defending champion`',
      '**/medals** — the medal table by nation',
      '`/medals`',
      '**/help** — this list',
      '`/help`',
    ]);
  });

  it('adds the managers’ commands for a manager', () => {
    const reply = help.execute(invoke({}, true), ctx);
    expect(reply.embeds?.[0]?.description?.split('\n').slice(16)).toStrictEqual([
      '',
      '__For server managers__',
      '**/status** — articles loaded, warnings and the last reload',
      '`/status`',
      '**/reload** — read the articles folder again',
      '`/reload`',
    ]);
  });
});
