import { readCommand } from '../src/app/builders.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import { requireString } from '../src/app/command.js';
import type { Reply } from '../src/render/reply.js';
import { renderSearch } from '../src/render/search.js';
import { localizeCommand } from '../src/i18n/commands.js';

const MAX_HITS = 10;

export const data = readCommand('search', 'Find skaters, events and words in the articles').addStringOption(
  (o) =>
    o
      .setName('query')
      .setDescription('Any words: a name, an event, a place, a phrase from the articles')
      .setRequired(true)
      .setMaxLength(100),
);
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  const query = requireString(invocation.options, 'query');
  const hits = dataset.text.query(query, MAX_HITS);
  return renderSearch(
    query,
    hits,
    hits.length === 0 ? dataset.athletes.suggest(query, 3) : [],
    invocation.lang,
  );
}

export default { data, execute } satisfies CommandModule;
