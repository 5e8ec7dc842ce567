import { pickedOption, readCommand } from '../src/app/builders.js';
import type { AutocompleteInvocation, CommandModule, Context, Invocation } from '../src/app/command.js';
import { UserError, requireString } from '../src/app/command.js';
import { eventChoices, resolveEventOption, resolveRoundOption, roundChoices } from '../src/app/options.js';
import type { Reply } from '../src/render/reply.js';
import { componentId, keyMatches, readComponentId } from '../src/app/custom-id.js';
import type { EventArticle, Round } from '../src/model/schemas.js';
import { renderResults } from '../src/render/results.js';
import type { Lang } from '../src/i18n/lang.js';
import { EN } from '../src/i18n/lang.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = readCommand('results', 'Every heat of a round, or every round of an event, page by page')
  .addStringOption(pickedOption('event', 'Event, e.g. 1000m or mass-start-women'))
  .addStringOption((o) =>
    o
      .setName('round')
      .setDescription('heat, quarterfinal, semifinal, final or final-b; leave out for the whole event')
      .setAutocomplete(true)
      .setMaxLength(40),
  );
localizeCommand(data);

/** `results:<event id>:<round id or *>:<page>`: everything needed to draw the page again. */
export function resultsButtonId(event: EventArticle, round: Round | null, page: number): string {
  return componentId('results', [event.id, round?.id ?? null], String(page));
}

/** The parts of a results button's custom_id, or null when it is not one. */
export function parseResultsButtonId(
  customId: string,
): { event: string; round: string | null; page: number } | null {
  const read = readComponentId(customId, 2);
  const [event, round = null] = read?.keys ?? [];
  if (!read || !customId.startsWith('results:') || !event || !/^\d{1,6}$/.test(read.tail)) return null;
  return { event, round, page: Number(read.tail) };
}

const show = (event: EventArticle, round: Round | null, page: number, lang: Lang) =>
  renderResults(event, round, page, (target) => resultsButtonId(event, round, target), lang);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const event = resolveEventOption(dataset, requireString(invocation.options, 'event'));
  const roundText = invocation.options.getString('round')?.trim() ?? '';
  const round = roundText === '' ? null : resolveRoundOption(event, roundText);
  return show(event, round, 1, invocation.lang);
}

export function autocomplete({ focused, options, lang }: AutocompleteInvocation, ctx: Context) {
  if (focused.name === 'round')
    return roundChoices(ctx.data, options.getString('event'), focused.value, lang);
  return eventChoices(ctx.data, focused.value, lang);
}

/** Page buttons: the page is drawn again from the data as it is now, so a reload shows at once. */
export function button(customId: string, ctx: Context, lang: Lang = EN): Reply {
  const stale = () => UserError.localized((l) => ({ message: l.t('errors.staleResults') }));
  const parsed = parseResultsButtonId(customId);
  if (!parsed) throw stale();
  const event = ctx.data.articles.find((e) => keyMatches(parsed.event, e.id));
  if (!event) throw stale();
  const round = parsed.round === null ? null : event.rounds.find((r) => keyMatches(parsed.round ?? '', r.id));
  if (round === undefined) throw stale();
  return show(event, round, parsed.page, lang);
}

export default { data, execute, autocomplete, button } satisfies CommandModule;
