import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';

/**
 * A command that only reads results: installable on a server and by a user, and usable in servers, in
 * the bot's DMs and in group DMs (where only a user install reaches).
 */
export function readCommand(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    );
}

/** A required text option with autocomplete: an event or a skater, typed or picked. */
export function pickedOption(name: string, description: string) {
  return (o: SlashCommandStringOption) =>
    o.setName(name).setDescription(description).setRequired(true).setAutocomplete(true).setMaxLength(100);
}
