import { SlashCommandBuilder } from 'discord.js';
import type { AutocompleteInvocation, CommandModule, Context, Invocation } from '../src/app/command.js';
import { requireString } from '../src/app/command.js';
import { athleteChoices, resolveAthleteOption } from '../src/domain/options.js';
import { renderAthlete } from '../src/render/athlete.js';
import type { Reply } from '../src/render/reply.js';

export const data = new SlashCommandBuilder()
  .setName('athlete')
  .setDescription("A skater's rounds, placings and medals across every event loaded")
  .addStringOption((o) =>
    o
      .setName('name')
      .setDescription('Name, surname, or either order; accents optional')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  );

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const athlete = resolveAthleteOption(dataset, requireString(invocation.options, 'name'));
  return renderAthlete(dataset.summary(athlete));
}

export function autocomplete(invocation: AutocompleteInvocation, ctx: Context) {
  return athleteChoices(ctx.data, invocation.focused.value);
}

export default { data, execute, autocomplete } satisfies CommandModule;
