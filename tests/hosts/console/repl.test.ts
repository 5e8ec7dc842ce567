import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import heat from '../../../commands/heat.js';
import podium from '../../../commands/podium.js';
import type { CommandModule } from '../../../src/app/command.js';
import { startConsole } from '../../../src/hosts/console/repl.js';
import { DataStore } from '../../../src/load/store.js';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'seeds');
const commands = new Map<string, CommandModule>([
  ['podium', podium],
  ['heat', heat],
]);

async function session(lines: string[], options: { banner?: string } = {}): Promise<string> {
  const store = await DataStore.open(SEEDS);
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const done = startConsole({ store, commands, input, output, color: false, ...options });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return text;
}

describe('console/repl', () => {
  describe('startConsole', () => {
    it('greets with what is loaded, answers, and leaves on /quit', async () => {
      const text = await session(['/podium event:mass-start-men', 'next', '/quit', '/podium event:1000m']);
      const lines = text.split('\n');
      expect(lines.slice(0, 2)).toStrictEqual([
        `Skate console · 3 events, 88 skaters from ${SEEDS} (0 warnings)`,
        'Try commands: /podium /heat or /podium event:mass-start-men. TAB completes, next/prev turn pages, /quit leaves.',
      ]);
      expect(lines).toContain("skate> Podium · Men's mass start · 2026 Winter Olympics");
      expect(lines).toContain('🥇 Jorrit Bergsma 🇳🇱 NED — 68 pts');
      expect(lines).toContain('skate> The last reply has no pages to turn.');
      expect(text).not.toContain("Men's 1000 metres");
    });

    it('shows the banner it is given and ends with the input', async () => {
      const text = await session([''], { banner: '3 events from seeds' });
      expect(text).toBe(
        'Skate console · 3 events from seeds\nTry commands: /podium /heat or /podium event:mass-start-men. TAB completes, next/prev turn pages, /quit leaves.\nskate> skate> ',
      );
    });
  });
});
