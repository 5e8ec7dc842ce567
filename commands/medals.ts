import { readCommand } from '../src/app/builders.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import { renderMedals } from '../src/render/medals.js';
import type { Reply } from '../src/render/reply.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = readCommand(
  'medals',
  'Medal table by nation over the events loaded, where the articles state the nation',
);
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  return renderMedals(dataset.medalTable(), dataset.articles, invocation.lang);
}

export default { data, execute } satisfies CommandModule;
