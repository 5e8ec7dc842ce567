import { pickedOption, readCommand } from '../src/app/builders.js';
import type { AutocompleteInvocation, CommandModule, Context, Invocation } from '../src/app/command.js';
import { requireString } from '../src/app/command.js';
import {
  eventChoices,
  heatChoices,
  resolveEventOption,
  resolveHeatOption,
  resolveRoundOption,
  roundChoices,
} from '../src/app/options.js';
import { renderHeat } from '../src/render/heat.js';
import { heatPicture } from '../src/render/pictures.js';
import type { Reply } from '../src/render/reply.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = readCommand('heat', 'One race of a round: times, points, notes and gaps')
  .addStringOption(pickedOption('event', 'Event, e.g. 1000m or mass-start-women'))
  .addStringOption((o) =>
    o
      .setName('round')
      .setDescription('heat, quarterfinal, semifinal, final or final-b')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(40),
  )
  .addIntegerOption((o) =>
    o
      .setName('n')
      .setDescription('Heat number within the round (not needed for a single race)')
      .setMinValue(1)
      .setMaxValue(99)
      .setAutocomplete(true),
  );
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const event = resolveEventOption(dataset, requireString(invocation.options, 'event'));
  const round = resolveRoundOption(event, requireString(invocation.options, 'round'));
  const heat = resolveHeatOption(round, invocation.options.getInteger('n'));
  // The chart is a bonus: the table is the answer.
  return {
    ...renderHeat(event, round, heat, invocation.lang),
    picture: heatPicture(event, round, heat, invocation.lang),
  };
}

export function autocomplete({ focused, options, lang }: AutocompleteInvocation, ctx: Context) {
  const dataset = ctx.data;
  if (focused.name === 'round') return roundChoices(dataset, options.getString('event'), focused.value, lang);
  if (focused.name === 'n')
    return heatChoices(dataset, options.getString('event'), options.getString('round'), focused.value, lang);
  return eventChoices(dataset, focused.value, lang);
}

export default { data, execute, autocomplete } satisfies CommandModule;
