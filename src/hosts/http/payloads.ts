// Discord's interaction JSON to the core's requests, and the core's messages to Discord's response JSON:
// the HTTP host's whole translation, with no discord.js client in between.
import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIApplicationCommandInteractionDataOption,
  APIInteraction,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { AppRequest, Caller, Message, OptionReader } from '../../app/types.js';

export { InteractionResponseType, InteractionType };

// Administrator implies every permission, as discord.js's `has()` treats it.
const ADMIN_BITS = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;

type Option = APIApplicationCommandInteractionDataOption;

/** The leaf options, looking through sub-commands and groups. */
function leaves(options: readonly Option[] | undefined): Option[] {
  return (options ?? []).flatMap((o) =>
    'options' in o && Array.isArray(o.options) ? leaves(o.options) : [o],
  );
}

function optionReader(options: readonly Option[]): OptionReader {
  const value = (name: string) => {
    const found = options.find((o) => o.name === name);
    return found && 'value' in found ? found.value : undefined;
  };
  return {
    getString: (name) => {
      const v = value(name);
      return typeof v === 'string' ? v : null;
    },
    // A focused integer option arrives as the text typed so far.
    getInteger: (name) => {
      const v = value(name);
      const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
      return typeof n === 'number' && Number.isInteger(n) ? n : null;
    },
  };
}

function callerOf(interaction: APIInteraction): Caller {
  const permissions = interaction.member?.permissions;
  return {
    userId: interaction.member?.user.id ?? interaction.user?.id ?? '',
    isAdmin: permissions !== undefined && (BigInt(permissions) & ADMIN_BITS) !== 0n,
    locale: ('locale' in interaction ? interaction.locale : undefined) ?? 'en-US',
  };
}

/** The core's request for an interaction, or null for a kind this bot does not handle (a modal, a PING). */
export function toAppRequest(interaction: APIInteraction): AppRequest | null {
  const caller = callerOf(interaction);
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      // User and message commands (right-click menus) are not part of this bot.
      if (interaction.data.type !== ApplicationCommandType.ChatInput) return null;
      const options = leaves(interaction.data.options);
      return { kind: 'command', command: interaction.data.name, options: optionReader(options), caller };
    }
    case InteractionType.ApplicationCommandAutocomplete: {
      const options = leaves(interaction.data.options);
      const focused = options.find((o) => 'focused' in o && o.focused === true);
      if (!focused || !('value' in focused)) return null;
      return {
        kind: 'autocomplete',
        command: interaction.data.name,
        options: optionReader(options),
        focused: { name: focused.name, value: String(focused.value) },
        caller,
      };
    }
    case InteractionType.MessageComponent:
      return { kind: 'component', customId: interaction.data.custom_id, caller };
    default:
      return null;
  }
}

/**
 * A message as Discord's JSON (without files, which go as multipart parts beside it): each file is listed
 * in `attachments` by its part's index, with its alt text.
 */
export function messageData(message: Message): APIInteractionResponseCallbackData {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: message.allowedMentions,
    attachments: message.files.map((file, id) => ({
      id,
      filename: file.name,
      description: file.description,
    })),
    ...(message.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** The files of a message as @discordjs/rest uploads them, in the order `messageData` lists them. */
export function messageFiles(message: Message) {
  return message.files.map((file) => ({ name: file.name, data: file.data, contentType: 'image/png' }));
}
