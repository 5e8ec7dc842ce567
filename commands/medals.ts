import { SlashCommandBuilder } from 'discord.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import { renderMedals } from '../src/render/medals.js';
import type { Reply } from '../src/render/reply.js';

export const data = new SlashCommandBuilder()
  .setName('medals')
  .setDescription('Medal table by nation over the events loaded, where the articles state the nation');

export function execute(_invocation: Invocation, ctx: Context): Reply {
  const dataset = ctx.data;
  return renderMedals(dataset.medalTable(), dataset.articles);
}

export default { data, execute } satisfies CommandModule;
