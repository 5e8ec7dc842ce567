import { readCommand } from '../src/app/builders.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import { renderHelp } from '../src/render/help.js';
import type { HelpEntry } from '../src/render/help.js';
import type { Reply } from '../src/render/reply.js';
import { localizeCommand } from '../src/i18n/commands.js';

/** Kept in step with the files in commands/ by tests/commands/help.test.ts. */
export const HELP_ENTRIES: readonly HelpEntry[] = [
  {
    name: 'event',
    summary: 'an event at a glance: venue, dates, format, winner',
    summaryKey: 'help.event',
    example: '/event event:1000m',
  },
  {
    name: 'podium',
    summary: 'the medallists, the winning value and places 4–8',
    summaryKey: 'help.podium',
    example: '/podium event:mass-start-men',
  },
  {
    name: 'results',
    summary: 'every heat of a round, or every round of an event, page by page',
    summaryKey: 'help.results',
    example: '/results event:1000m round:quarterfinal',
  },
  {
    name: 'heat',
    summary: 'one race: times, points, notes and gaps',
    summaryKey: 'help.heat',
    example: '/heat event:1000m round:quarterfinal n:3',
  },
  {
    name: 'athlete',
    summary: "a skater's rounds, placings, medals and best times",
    summaryKey: 'help.athlete',
    example: '/athlete name:Sun Long',
  },
  {
    name: 'compare',
    summary: 'two skaters head to head: races where they met, best times, medals',
    summaryKey: 'help.compare',
    example: '/compare a:Sun Long b:Roberts Krūzbergs',
  },
  {
    name: 'search',
    summary: 'skaters, events and words in the articles',
    summaryKey: 'help.search',
    example: '/search query:defending champion',
  },
  { name: 'medals', summary: 'the medal table by nation', summaryKey: 'help.medals', example: '/medals' },
  { name: 'help', summary: 'this list', summaryKey: 'help.help', example: '/help' },
  {
    name: 'status',
    summary: 'articles loaded, warnings and the last reload',
    summaryKey: 'help.status',
    example: '/status',
    admin: true,
  },
  {
    name: 'reload',
    summary: 'read the articles folder again',
    summaryKey: 'help.reload',
    example: '/reload',
    admin: true,
  },
];

export const data = readCommand('help', 'What this bot can do, with examples');
localizeCommand(data);

export function execute(invocation: Invocation, _ctx: Context): Reply {
  return renderHelp(HELP_ENTRIES, invocation.isAdmin, invocation.lang);
}

export default { data, execute } satisfies CommandModule;
