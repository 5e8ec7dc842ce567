import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import type { Reply } from '../src/render/reply.js';
import { renderStatus } from '../src/render/status.js';

export const data = new SlashCommandBuilder()
  .setName('status')
  .setDescription('Articles loaded, parse warnings with file and line, and the last reload')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

export function execute(_invocation: Invocation, ctx: Context): Reply {
  return renderStatus(ctx.status(), ctx.shards?.());
}

export default { data, execute, adminOnly: true } satisfies CommandModule;
