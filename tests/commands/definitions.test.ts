import { describe, expect, it } from 'vitest';
import type { APIApplicationCommandBasicOption } from 'discord.js';
import { loadCommands } from '../../src/app/registry.js';
import { Dataset } from '../../src/domain/index.js';
import { stressArticles } from '../render/stress-articles.js';
import { contextFor, seedDataset, typing } from './factory.js';

const commands = await loadCommands();
const seeds = await seedDataset();
const stress = stressArticles(seeds.events.get('short-track-1000m-men-2026')!);
const contexts = [contextFor(seeds), contextFor(new Dataset([...seeds.articles, ...stress]))];
const EVENTS = [null, '1000m', 'mass start', 'mass-start-men', ...stress.map((a) => a.id)];
// Options that name something in the data: Discord shows suggestions as they are typed.
const NAMING_OPTIONS = new Set(['event', 'round', 'n', 'name']);
const ODD_INPUT = ['', ' ', 'a', 'mass', '1000m', 'heat', '9', 'ł', '`*_~|>', '\u202e', 'x'.repeat(100)];

const table = [...commands.values()].map((command) => [command.data.name, command] as const);

describe('commands/', () => {
  it.each(table)('/%s has a valid definition', (name, command) => {
    const json = command.data.toJSON();
    expect(json.name).toMatch(/^[a-z0-9_-]{1,32}$/);
    expect(json.description.length).toBeGreaterThan(0);
    expect(json.description.length).toBeLessThanOrEqual(100);
    const options = (json.options ?? []) as APIApplicationCommandBasicOption[];
    expect(options.length).toBeLessThanOrEqual(25);
    for (const option of options) {
      expect(option.name, `/${name} ${option.name}`).toMatch(/^[a-z0-9_-]{1,32}$/);
      expect(option.description.length, `/${name} ${option.name}`).toBeLessThanOrEqual(100);
      const autocompleted = 'autocomplete' in option && option.autocomplete === true;
      expect(autocompleted, `/${name} ${option.name} autocomplete`).toBe(NAMING_OPTIONS.has(option.name));
    }
    const autocompleted = options.some((o) => 'autocomplete' in o && o.autocomplete);
    expect(typeof command.autocomplete === 'function').toBe(autocompleted);
  });

  it.each(table)('/%s autocomplete answers at most 25 short choices and never throws', (_, command) => {
    const options = (command.data.toJSON().options ?? []) as APIApplicationCommandBasicOption[];
    for (const option of options.filter((o) => 'autocomplete' in o && o.autocomplete)) {
      for (const ctx of contexts) {
        for (const typed of ODD_INPUT) {
          for (const event of EVENTS) {
            const values = { event, round: option.name === 'n' ? 'heat' : 'semifinal' };
            const choices = command.autocomplete!(typing(option.name, typed, values), ctx);
            expect(choices.length).toBeLessThanOrEqual(25);
            for (const choice of choices) {
              expect(choice.name.length).toBeGreaterThan(0);
              expect(choice.name.length).toBeLessThanOrEqual(100);
              expect(String(choice.value).length).toBeLessThanOrEqual(100);
            }
          }
        }
      }
    }
  });
});
