import { pickedOption, readCommand } from '../src/app/builders.js';
import type { AutocompleteInvocation, CommandModule, Context, Invocation } from '../src/app/command.js';
import { UserError, requireString } from '../src/app/command.js';
import { athleteChoices, resolveAthleteOption } from '../src/app/options.js';
import { headToHead } from '../src/domain/compare.js';
import { localizeCommand } from '../src/i18n/commands.js';
import { renderCompare } from '../src/render/compare.js';
import { headToHeadPicture } from '../src/render/pictures.js';
import type { Reply } from '../src/render/reply.js';

export const data = readCommand(
  'compare',
  'Two skaters head to head: races where they met, best times and medals',
)
  .addStringOption(pickedOption('a', 'First skater: name, surname, or either order'))
  .addStringOption(pickedOption('b', 'Second skater: name, surname, or either order'));
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const a = resolveAthleteOption(dataset, requireString(invocation.options, 'a'));
  const b = resolveAthleteOption(dataset, requireString(invocation.options, 'b'));
  if (a.id === b.id)
    throw UserError.localized((lang) => ({ message: lang.t('errors.sameSkater', { name: a.name }) }));
  const h = headToHead(dataset, a, b);
  // The picture is a bonus: the text is the whole answer.
  return { ...renderCompare(h, invocation.lang), picture: headToHeadPicture(h, invocation.lang) };
}

export function autocomplete(invocation: AutocompleteInvocation, ctx: Context) {
  return athleteChoices(ctx.data, invocation.focused.value, invocation.lang);
}

export default { data, execute, autocomplete } satisfies CommandModule;
