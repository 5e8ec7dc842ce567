import { pickedOption, readCommand } from '../src/app/builders.js';
import type { AutocompleteInvocation, CommandModule, Context, Invocation } from '../src/app/command.js';
import { requireString } from '../src/app/command.js';
import { athleteChoices, resolveAthleteOption } from '../src/app/options.js';
import { renderAthlete } from '../src/render/athlete.js';
import { personalBests } from '../src/domain/bests.js';
import type { Reply } from '../src/render/reply.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = readCommand(
  'athlete',
  "A skater's rounds, placings and medals across every event loaded",
).addStringOption(pickedOption('name', 'Name, surname, or either order; accents optional'));
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const athlete = resolveAthleteOption(dataset, requireString(invocation.options, 'name'));
  return renderAthlete(dataset.summary(athlete), personalBests(athlete), invocation.lang);
}

export function autocomplete(invocation: AutocompleteInvocation, ctx: Context) {
  return athleteChoices(ctx.data, invocation.focused.value, invocation.lang);
}

export default { data, execute, autocomplete } satisfies CommandModule;
