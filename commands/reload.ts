import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import type { Reply } from '../src/render/reply.js';
import { renderReload } from '../src/render/status.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = new SlashCommandBuilder()
  .setName('reload')
  .setDescription('Read the articles folder again and report what changed')
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);
localizeCommand(data);

export async function execute(invocation: Invocation, ctx: Context): Promise<Reply> {
  const report = await ctx.reload();
  return renderReload(report, ctx.status(), invocation.lang);
}

export default { data, execute, adminOnly: true } satisfies CommandModule;
