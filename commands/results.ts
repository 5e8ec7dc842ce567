import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { AutocompleteInvocation, CommandModule, Context, Invocation } from '../src/bot/command.js';
import { UserError, requireString } from '../src/bot/command.js';
import { eventChoices, resolveEventOption, resolveRoundOption, roundChoices } from '../src/bot/resolve.js';
import type { Reply } from '../src/render/reply.js';
import { keyMatches, parseResultsButtonId, renderResults } from '../src/render/results.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = new SlashCommandBuilder()
  .setName('results')
  .setDescription('Every heat of a round, or every round of an event, page by page')
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
  .setContexts(
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  )
  .addStringOption((o) =>
    o
      .setName('event')
      .setDescription('Event, e.g. 1000m or mass-start-women')
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .addStringOption((o) =>
    o
      .setName('round')
      .setDescription('heat, quarterfinal, semifinal, final or final-b; leave out for the whole event')
      .setAutocomplete(true)
      .setMaxLength(40),
  );
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const event = resolveEventOption(dataset, requireString(invocation.options, 'event'));
  const roundText = invocation.options.getString('round')?.trim() ?? '';
  const round = roundText === '' ? null : resolveRoundOption(event, roundText);
  return renderResults(event, round, 1);
}

export function autocomplete({ focused, options }: AutocompleteInvocation, ctx: Context) {
  if (focused.name === 'round') return roundChoices(ctx.data, options.getString('event'), focused.value);
  return eventChoices(ctx.data, focused.value);
}

/** Page buttons: the page is drawn again from the data as it is now, so a reload shows at once. */
export function button(customId: string, ctx: Context): Reply {
  const stale = 'These results are no longer loaded; run `/results` again.';
  const parsed = parseResultsButtonId(customId);
  if (!parsed) throw new UserError(stale);
  const event = ctx.data.articles.find((e) => keyMatches(parsed.event, e.id));
  if (!event) throw new UserError(stale);
  const round = parsed.round === null ? null : event.rounds.find((r) => keyMatches(parsed.round ?? '', r.id));
  if (round === undefined) throw new UserError(stale);
  return renderResults(event, round, parsed.page);
}

export default { data, execute, autocomplete, button } satisfies CommandModule;
