import { pickedOption, readCommand } from '../src/app/builders.js';
import type { AutocompleteInvocation, CommandModule, Context, Invocation } from '../src/app/command.js';
import { requireString } from '../src/app/command.js';
import { eventChoices, resolveEventOption } from '../src/app/options.js';
import { renderEvent } from '../src/render/event.js';
import type { Reply } from '../src/render/reply.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = readCommand(
  'event',
  'An event at a glance: venue, dates, format, winner and the story of the race',
).addStringOption(pickedOption('event', 'Event, e.g. 1000m or mass-start-men'));
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const event = resolveEventOption(dataset, requireString(invocation.options, 'event'));
  return renderEvent(dataset.podium(event), invocation.lang);
}

export function autocomplete(invocation: AutocompleteInvocation, ctx: Context) {
  return eventChoices(ctx.data, invocation.focused.value, invocation.lang);
}

export default { data, execute, autocomplete } satisfies CommandModule;
