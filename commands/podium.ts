import { pickedOption, readCommand } from '../src/app/builders.js';
import type { CommandModule, Context, Invocation, AutocompleteInvocation } from '../src/app/command.js';
import { requireString } from '../src/app/command.js';
import { eventChoices, resolveEventOption } from '../src/app/options.js';
import { renderPodium } from '../src/render/podium.js';
import { podiumPicture } from '../src/render/pictures.js';
import type { Reply } from '../src/render/reply.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = readCommand(
  'podium',
  'Medallists of an event, with the winning value and places 4–8',
).addStringOption(pickedOption('event', 'Event, e.g. mass-start-men or 1000m'));
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const event = resolveEventOption(dataset, requireString(invocation.options, 'event'));
  const podium = dataset.podium(event);
  // The card is a bonus: the text podium is the whole answer.
  return { ...renderPodium(podium, invocation.lang), picture: podiumPicture(podium, invocation.lang) };
}

export function autocomplete(invocation: AutocompleteInvocation, ctx: Context) {
  return eventChoices(ctx.data, invocation.focused.value, invocation.lang);
}

export default { data, execute, autocomplete } satisfies CommandModule;
