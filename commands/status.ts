import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { CommandModule, Context, Invocation } from '../src/bot/command.js';
import { UserError } from '../src/bot/command.js';
import type { Reply } from '../src/render/reply.js';
import { renderStatus } from '../src/render/status.js';

export const data = new SlashCommandBuilder()
  .setName('status')
  .setDescription('Articles loaded, parse warnings with file and line, and the last reload')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export function execute(invocation: Invocation, ctx: Context): Reply {
  // Discord hides the command from members, but a server can override that; the check here cannot be.
  if (!invocation.isAdmin) throw new UserError('`/status` is for server managers only.');
  return renderStatus(ctx.status(), ctx.shards?.());
}

export default { data, execute, adminOnly: true } satisfies CommandModule;
