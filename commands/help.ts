import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import { renderHelp } from '../src/render/help.js';
import type { HelpEntry } from '../src/render/help.js';
import type { Reply } from '../src/render/reply.js';

/** Kept in step with the files in commands/ by tests/commands/help.test.ts. */
export const HELP_ENTRIES: readonly HelpEntry[] = [
  {
    name: 'event',
    summary: 'an event at a glance: venue, dates, format, winner',
    example: '/event event:1000m',
  },
  {
    name: 'podium',
    summary: 'the medallists, the winning value and places 4–8',
    example: '/podium event:mass-start-men',
  },
  {
    name: 'results',
    summary: 'every heat of a round, or every round of an event, page by page',
    example: '/results event:1000m round:quarterfinal',
  },
  {
    name: 'heat',
    summary: 'one race: times, points, notes and gaps',
    example: '/heat event:1000m round:quarterfinal n:3',
  },
  { name: 'athlete', summary: "a skater's rounds, placings and medals", example: '/athlete name:Sun Long' },
  {
    name: 'search',
    summary: 'skaters, events and words in the articles',
    example: '/search query:defending champion',
  },
  { name: 'medals', summary: 'the medal table by nation', example: '/medals' },
  { name: 'help', summary: 'this list', example: '/help' },
  {
    name: 'status',
    summary: 'articles loaded, warnings and the last reload',
    example: '/status',
    admin: true,
  },
  { name: 'reload', summary: 'read the articles folder again', example: '/reload', admin: true },
];

export const data = new SlashCommandBuilder()
  .setName('help')
  .setDescription('What this bot can do, with examples');

export function execute(invocation: Invocation, _ctx: Context): Reply {
  return renderHelp(HELP_ENTRIES, invocation.isAdmin);
}

export default { data, execute } satisfies CommandModule;
