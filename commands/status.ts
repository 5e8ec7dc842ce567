import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import type { CommandModule, Context, Invocation } from '../src/app/command.js';
import type { Reply } from '../src/render/reply.js';
import { wikipediaWatchStatus } from '../src/import/watch-status.js';
import { renderStatus } from '../src/render/status.js';
import { localizeCommand } from '../src/i18n/commands.js';

export const data = new SlashCommandBuilder()
  .setName('status')
  .setDescription('Articles loaded, parse warnings with file and line, and the last reload')
  .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);
localizeCommand(data);

export function execute(invocation: Invocation, ctx: Context): Reply {
  return renderStatus(ctx.status(), wikipediaWatchStatus(), ctx.shards?.(), invocation.lang);
}

export default { data, execute, adminOnly: true } satisfies CommandModule;
