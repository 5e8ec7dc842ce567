import { SlashCommandBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/app/command.js';
import { commandSpecs, optionReader, parseLine, usage } from '../../../src/hosts/console/line.js';
import type { OptionValue } from '../../../src/hosts/console/line.js';

const definitions = [
  new SlashCommandBuilder()
    .setName('heat')
    .setDescription('One race')
    .addStringOption((o) =>
      o.setName('event').setDescription('Event').setRequired(true).setAutocomplete(true),
    )
    .addStringOption((o) =>
      o.setName('round').setDescription('heat, quarterfinal or final').setRequired(true),
    )
    .addIntegerOption((o) => o.setName('n').setDescription('Heat number').setMinValue(1).setMaxValue(99)),
  new SlashCommandBuilder()
    .setName('athlete')
    .setDescription('A skater')
    .addStringOption((o) => o.setName('name').setDescription('Name').setRequired(true).setMaxLength(20)),
  new SlashCommandBuilder()
    .setName('podium')
    .setDescription('Medallists')
    .addStringOption((o) => o.setName('event').setDescription('Event').setRequired(true)),
  new SlashCommandBuilder()
    .setName('medals')
    .setDescription('Medal table')
    .addStringOption((o) =>
      o
        .setName('sort')
        .setDescription('Order')
        .addChoices({ name: 'Gold first', value: 'gold' }, { name: 'Total', value: 'total' }),
    )
    .addNumberOption((o) => o.setName('min').setDescription('Fewest medals')),
  new SlashCommandBuilder().setName('help').setDescription('What this bot can do'),
];
const specs = commandSpecs(new Map(definitions.map((data) => [data.name, { data }])));

function userError(line: string): { message: string; suggestions: readonly string[] } {
  try {
    parseLine(line, specs);
  } catch (error) {
    if (error instanceof UserError) return { message: error.message, suggestions: error.suggestions };
    throw error;
  }
  throw new Error(`${line} parsed`);
}

describe('console/line', () => {
  describe('parseLine', () => {
    it.each<[string, string, Record<string, OptionValue>]>([
      ['/heat event:1000m round:quarterfinal n:3', 'heat', { event: '1000m', round: 'quarterfinal', n: 3 }],
      ['/athlete name:Sun Long', 'athlete', { name: 'Sun Long' }],
      ['/podium event:"mass start men"', 'podium', { event: 'mass start men' }],
      ["/podium event:'mass start men'", 'podium', { event: 'mass start men' }],
      ['/podium event:mass start men', 'podium', { event: 'mass start men' }],
      ['  /podium   event:  mass start men   ', 'podium', { event: 'mass start men' }],
      ['heat round:final event:1000m', 'heat', { event: '1000m', round: 'final' }],
      ['/HEAT Event:1000m ROUND:final n:+2', 'heat', { event: '1000m', round: 'final', n: 2 }],
      ["/athlete name:Jens van 't Wout", 'athlete', { name: "Jens van 't Wout" }],
      ['/podium event:"round: final" ', 'podium', { event: 'round: final' }],
      ['/podium event:see https://en.wikipedia.org/x', 'podium', { event: 'see https://en.wikipedia.org/x' }],
      ['/heat event:1000m round:heat n:7 ', 'heat', { event: '1000m', round: 'heat', n: 7 }],
      ['/medals sort:Gold first', 'medals', { sort: 'gold' }],
      ['/medals sort:TOTAL min:2.5', 'medals', { sort: 'total', min: 2.5 }],
      ["/athlete name:'t Hooft", 'athlete', { name: "'t Hooft" }],
      ['/help', 'help', {}],
    ])('%s', (line, command, values) => {
      expect(parseLine(line, specs)).toStrictEqual({ command, values });
    });

    it.each<[string, string]>([
      ['', 'Type a command. `/help` lists them all.'],
      ['/podim event:x', 'There is no `/podim` command. `/help` lists them all.'],
      [
        '/heat evnt:1000m round:final',
        '`/heat` has no option `evnt`. Usage: `/heat event:… round:… [n:…]`\nA value with a colon in it goes in quotes.',
      ],
      [
        '/heat event:1000m round:final nn:2',
        '`/heat` has no option `nn`. Usage: `/heat event:… round:… [n:…]`\nA value with a colon in it goes in quotes.',
      ],
      ['/heat event:1000m round:final n:three', '`n` must be a whole number, not `three`.'],
      ['/heat event:1000m round:final n:2.5', '`n` must be a whole number, not `2.5`.'],
      ['/heat event:1000m round:final n:0', '`n` must be at least 1 and at most 99.'],
      ['/medals min:lots', '`min` must be a number, not `lots`.'],
      [
        '/heat event:1000m',
        '`/heat` needs `round` (heat, quarterfinal or final).\nUsage: `/heat event:… round:… [n:…]`',
      ],
      [
        '/heat n:1',
        '`/heat` needs `event` (Event) and `round` (heat, quarterfinal or final).\nUsage: `/heat event:… round:… [n:…]`',
      ],
      ['/heat event:1000m event:500m round:final', '`event` is given twice.'],
      ['/heat event: round:final', 'Give a value after `event:`.'],
      [
        '/athlete Sun Long',
        'Options are typed as `name:value`, so `Sun Long` is not understood. Usage: `/athlete name:…`',
      ],
      ['/help me', 'Options are typed as `name:value`, so `me` is not understood. `/help` takes no options.'],
      ['/podium event:"mass start', 'The value of `event` has no closing quote (").'],
      ['/podium event:"mass"start', 'Only a space may follow the closing quote of `event`.'],
      ['/athlete name:Someone With A Very Long Name', '`name` takes at most 20 characters.'],
      ['/medals sort:silver', '`sort` must be one of the listed choices.'],
    ])('rejects %j', (line, message) => {
      expect(userError(line).message).toBe(message);
    });

    it('suggests the closest commands, or all of them when none is close', () => {
      expect(userError('/podim').suggestions).toStrictEqual(['`/podium` — Medallists']);
      expect(userError('/xyzzy').suggestions).toHaveLength(5);
      expect(userError('/').suggestions[0]).toBe('`/athlete` — A skater');
    });

    it('suggests the closest option names and the choices', () => {
      expect(userError('/heat evnt:1000m').suggestions).toStrictEqual(['`event:`']);
      expect(userError('/medals sort:silver').suggestions).toStrictEqual([
        '`gold` — Gold first',
        '`total` — Total',
      ]);
    });
  });

  describe('usage', () => {
    it('marks optional options', () => {
      expect(usage(specs.get('heat')!)).toBe('/heat event:… round:… [n:…]');
    });
  });

  describe('optionReader', () => {
    it('reads strings as strings and integers as integers only', () => {
      const reader = optionReader({ event: '1000m', n: 3, min: 2.5 });
      expect([reader.getString('event'), reader.getInteger('event')]).toStrictEqual(['1000m', null]);
      expect([reader.getString('n'), reader.getInteger('n')]).toStrictEqual([null, 3]);
      expect([reader.getInteger('min'), reader.getString('missing')]).toStrictEqual([null, null]);
    });
  });
});
