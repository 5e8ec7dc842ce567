// Pure builders and validators for the Discord stand-in: data in, Discord-shaped JSON out, no I/O.
// Types come from discord.js (which re-exports discord-api-types) and are erased at run time.
import type {
  APIApplication,
  APIApplicationCommand,
  APIAttachment,
  APITextChannel,
  APIGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIRole,
  APIUser,
  GatewayGuildCreateDispatchData,
  Locale,
} from 'discord.js';

const DISCORD_EPOCH = 1_420_070_400_000n;
let snowflakeIncrement = 0n;

/** A snowflake for the current time, so discord.js derives a sensible `createdAt` from it. */
export function makeSnowflake(now = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  return (((BigInt(now) - DISCORD_EPOCH) << 22n) | snowflakeIncrement).toString();
}

const PERMISSION_BITS = {
  addReactions: 1n << 6n,
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  attachFiles: 1n << 15n,
  readMessageHistory: 1n << 16n,
  useExternalEmojis: 1n << 18n,
  useApplicationCommands: 1n << 31n,
};
/** What an ordinary member (and the bot) may do in the test channel, as Discord's decimal string. */
export const DEFAULT_PERMISSIONS = Object.values(PERMISSION_BITS)
  .reduce((all, bit) => all | bit, 0n)
  .toString();

export const MESSAGE_FLAG = { ephemeral: 1 << 6, loading: 1 << 7, componentsV2: 1 << 15 } as const;
// discord-api-types models bitfields as enums without a 0 member.
const NO_FLAGS = 0 as never;

export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;
export const LOCALE = 'en-US' as Locale;

export function buildUser(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    global_name: bot ? null : username,
    discriminator: '0',
    avatar: null,
    bot,
    public_flags: NO_FLAGS,
    avatar_decoration_data: null,
  };
}

export function buildTextChannel(id: string, guildId: string): APITextChannel {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name: 'general',
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    parent_id: null,
    rate_limit_per_user: 0,
    flags: NO_FLAGS,
  };
}

export function buildMember(user: APIUser, permissions: string): APIInteractionGuildMember {
  return { ...buildGuildMember(user), permissions };
}

function buildGuildMember(user: APIUser): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: [],
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_FLAGS,
    pending: false,
    communication_disabled_until: null,
  };
}

export interface GuildIds {
  guildId: string;
  channelId: string;
  ownerId: string;
  bot: APIUser;
}

/** GUILD_CREATE as Discord sends it to a bot with the Guilds intent: the bot's own member, no presences. */
export function buildGuildCreate({
  guildId,
  channelId,
  ownerId,
  bot,
}: GuildIds): GatewayGuildCreateDispatchData {
  const everyone: APIRole = {
    id: guildId,
    name: '@everyone',
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: 0,
    permissions: DEFAULT_PERMISSIONS,
    managed: false,
    mentionable: false,
    flags: NO_FLAGS,
  };
  return {
    id: guildId,
    name: 'Stand-in Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyone],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: channelId,
    system_channel_flags: NO_FLAGS,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: LOCALE,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [buildGuildMember(bot)],
    channels: [buildTextChannel(channelId, guildId)],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** `install_params` is left out on purpose: discord.js reads `install_params.scopes` when the key exists. */
export function buildApplication(id: string, bot: APIUser, owner: APIUser): APIApplication {
  return {
    id,
    name: bot.username,
    icon: null,
    description: 'Local stand-in application',
    rpc_origins: [],
    bot_public: false,
    bot_require_code_grant: false,
    bot,
    owner,
    verify_key: '0'.repeat(64),
    team: null,
    flags: NO_FLAGS,
    flags_new: '0',
    approximate_guild_count: 1,
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    summary: '',
  };
}

export interface StoredCommandContext {
  applicationId: string;
  guildId: string | undefined;
  previous: readonly APIApplicationCommand[];
}

/** Bulk overwrite keeps a command's id when its name and type survive, as Discord does. */
export function storeCommands(
  body: readonly Record<string, unknown>[],
  { applicationId, guildId, previous }: StoredCommandContext,
): APIApplicationCommand[] {
  return body.map((input) => {
    const type = typeof input['type'] === 'number' ? input['type'] : 1;
    const kept = previous.find((command) => command.name === input['name'] && Number(command.type) === type);
    const stored = {
      ...input,
      id: kept?.id ?? makeSnowflake(),
      application_id: applicationId,
      version: makeSnowflake(),
      type,
      description: typeof input['description'] === 'string' ? input['description'] : '',
      default_member_permissions: input['default_member_permissions'] ?? null,
      nsfw: input['nsfw'] ?? false,
      integration_types: input['integration_types'] ?? [0],
      contexts: input['contexts'] ?? null,
      ...(guildId === undefined ? { dm_permission: input['dm_permission'] ?? true } : { guild_id: guildId }),
    };
    return stored as unknown as APIApplicationCommand;
  });
}

export interface MessageInit {
  id: string;
  channelId: string;
  author: APIUser;
  applicationId: string;
  /** 20 is a reply to a slash command, 0 anything else. */
  type: number;
  body: Record<string, unknown>;
  attachments: APIAttachment[];
  flags: number;
  interactionMetadata: APIMessage['interaction_metadata'];
  interaction: APIMessage['interaction'];
}

export function buildMessage(init: MessageInit): APIMessage {
  const { body } = init;
  return {
    id: init.id,
    channel_id: init.channelId,
    author: init.author,
    content: typeof body['content'] === 'string' ? body['content'] : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: body['tts'] === true,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: init.attachments,
    embeds: Array.isArray(body['embeds']) ? (body['embeds'] as APIMessage['embeds']) : [],
    pinned: false,
    type: init.type,
    flags: init.flags,
    components: Array.isArray(body['components']) ? (body['components'] as APIMessage['components']) : [],
    webhook_id: init.applicationId,
    application_id: init.applicationId,
    position: 0,
    ...(init.interactionMetadata ? { interaction_metadata: init.interactionMetadata } : {}),
    ...(init.interaction ? { interaction: init.interaction } : {}),
  };
}

export interface UploadedFile {
  /** The multipart field, e.g. `files[0]`. */
  field: string;
  name: string;
  size: number;
  contentType: string;
  data: Buffer;
}

/**
 * The attachments a message ends up with. A body `attachments` array is the full list to keep: existing
 * ones by snowflake, new uploads by the index in their `files[n]` field; without it uploads are appended.
 */
export function resolveAttachments(
  body: Record<string, unknown>,
  files: readonly UploadedFile[],
  existing: readonly APIAttachment[],
  channelId: string,
): APIAttachment[] {
  const upload = (file: UploadedFile, described: Record<string, unknown> | undefined): APIAttachment => {
    const id = makeSnowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${encodeURIComponent(file.name)}`;
    return {
      id,
      filename: file.name,
      size: file.size,
      url,
      proxy_url: url.replace('cdn.discordapp.com', 'media.discordapp.net'),
      content_type: file.contentType,
      ...(typeof described?.['description'] === 'string' ? { description: described['description'] } : {}),
    };
  };
  const indexOf = (file: UploadedFile): string =>
    /\[(?<index>\d+)\]$/.exec(file.field)?.groups?.['index'] ?? '';
  const listed = body['attachments'];
  if (!Array.isArray(listed)) return [...existing, ...files.map((file) => upload(file, undefined))];
  const entries = listed.filter(isRecord);
  const kept = existing.filter((attachment) =>
    entries.some((entry) => String(entry['id']) === attachment.id),
  );
  const added = files.map((file) =>
    upload(
      file,
      entries.find((entry) => String(entry['id']) === indexOf(file)),
    ),
  );
  return [...kept, ...added];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type ErrorPath = readonly (string | number)[];
interface ErrorNode {
  _errors?: { code: string; message: string }[];
  [key: string]: ErrorNode | { code: string; message: string }[] | undefined;
}

/** Collects problems in Discord's 50035 "Invalid Form Body" shape: `{ a: { 0: { _errors: [...] } } }`. */
export class FormErrors {
  private readonly root: ErrorNode = {};
  private count = 0;

  add(path: ErrorPath, code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const next = node[String(key)];
      node = next && !Array.isArray(next) ? next : (node[String(key)] = {});
    }
    (node._errors ??= []).push({ code, message });
    this.count += 1;
  }

  maxLength(path: ErrorPath, value: unknown, max: number): void {
    const length = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    if (length > max) this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
  }

  length(path: ErrorPath, value: unknown, min: number, max: number): void {
    const length = typeof value === 'string' ? [...value].length : -1;
    if (length < min || length > max) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }

  get empty(): boolean {
    return this.count === 0;
  }

  get errors(): ErrorNode {
    return this.root;
  }
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const SUBCOMMAND_TYPES = new Set([1, 2]);

function validateOptions(options: unknown, path: ErrorPath, errors: FormErrors): void {
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    errors.add(path, 'BASE_TYPE_ARRAY', 'Must be an array.');
    return;
  }
  errors.maxLength(path, options, 25);
  let optionalSeen = false;
  options.forEach((option: unknown, index) => {
    const at = [...path, index];
    if (!isRecord(option)) {
      return errors.add(at, 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used in a ModelType');
    }
    validateName(option['name'], [...at, 'name'], true, errors);
    errors.length([...at, 'description'], option['description'], 1, 100);
    if (option['required'] === true && optionalSeen) {
      errors.add(
        at,
        'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
        'Required options must be placed before non-required options',
      );
    }
    if (option['required'] !== true && !SUBCOMMAND_TYPES.has(Number(option['type']))) optionalSeen = true;
    const choices = option['choices'];
    if (Array.isArray(choices)) {
      errors.maxLength([...at, 'choices'], choices, 25);
      if (option['autocomplete'] === true) {
        errors.add(
          [...at, 'autocomplete'],
          'AUTOCOMPLETE_CHOICES',
          'Autocomplete cannot be set with choices',
        );
      }
      choices.forEach((choice: unknown, choiceIndex) => {
        if (!isRecord(choice)) return;
        errors.length([...at, 'choices', choiceIndex, 'name'], choice['name'], 1, 100);
        if (typeof choice['value'] === 'string') {
          errors.maxLength([...at, 'choices', choiceIndex, 'value'], choice['value'], 100);
        }
      });
    }
    validateOptions(option['options'], [...at, 'options'], errors);
  });
}

function validateName(name: unknown, path: ErrorPath, chatInput: boolean, errors: FormErrors): void {
  if (typeof name !== 'string') return errors.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
  if (
    chatInput ? !COMMAND_NAME.test(name) || name !== name.toLowerCase() : name.length < 1 || name.length > 32
  ) {
    errors.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

export function validateCommands(body: unknown, errors: FormErrors): body is Record<string, unknown>[] {
  if (!Array.isArray(body)) {
    errors.add([], 'BASE_TYPE_ARRAY', 'Must be an array.');
    return false;
  }
  errors.maxLength([], body, 100);
  const seen = new Set<string>();
  body.forEach((command: unknown, index) => {
    if (!isRecord(command)) return errors.add([index], 'MODEL_TYPE_CONVERT', 'Only dictionaries may be used');
    const chatInput = command['type'] === undefined || command['type'] === 1;
    validateName(command['name'], [index, 'name'], chatInput, errors);
    if (chatInput) errors.length([index, 'description'], command['description'], 1, 100);
    const key = JSON.stringify([command['type'] ?? 1, command['name']]);
    if (seen.has(key)) {
      errors.add(
        [index, 'name'],
        'APPLICATION_COMMANDS_DUPLICATE_NAME',
        'Application command names must be unique',
      );
    }
    seen.add(key);
    validateOptions(command['options'], [index, 'options'], errors);
  });
  return errors.empty;
}

function embedText(embed: Record<string, unknown>): number {
  const text = (value: unknown): number => (typeof value === 'string' ? value.length : 0);
  const footer = isRecord(embed['footer']) ? text(embed['footer']['text']) : 0;
  const author = isRecord(embed['author']) ? text(embed['author']['name']) : 0;
  const fields = Array.isArray(embed['fields'])
    ? embed['fields']
        .filter(isRecord)
        .reduce((sum, field) => sum + text(field['name']) + text(field['value']), 0)
    : 0;
  return text(embed['title']) + text(embed['description']) + footer + author + fields;
}

/** Discord's limits on message content, embeds and classic components. */
export function validateMessage(
  body: Record<string, unknown>,
  errors: FormErrors,
  path: ErrorPath = [],
): void {
  errors.maxLength([...path, 'content'], body['content'], 2000);
  const embeds = Array.isArray(body['embeds']) ? body['embeds'] : [];
  errors.maxLength([...path, 'embeds'], embeds, 10);
  embeds.forEach((embed: unknown, index) => {
    if (!isRecord(embed)) return;
    const at = [...path, 'embeds', index];
    errors.maxLength([...at, 'title'], embed['title'], 256);
    errors.maxLength([...at, 'description'], embed['description'], 4096);
    if (isRecord(embed['footer'])) errors.maxLength([...at, 'footer', 'text'], embed['footer']['text'], 2048);
    if (isRecord(embed['author'])) errors.maxLength([...at, 'author', 'name'], embed['author']['name'], 256);
    const fields = Array.isArray(embed['fields']) ? embed['fields'] : [];
    errors.maxLength([...at, 'fields'], fields, 25);
    fields.forEach((field: unknown, fieldIndex) => {
      if (!isRecord(field)) return;
      errors.length([...at, 'fields', fieldIndex, 'name'], field['name'], 1, 256);
      errors.length([...at, 'fields', fieldIndex, 'value'], field['value'], 1, 1024);
    });
  });
  const total = embeds.filter(isRecord).reduce((sum, embed) => sum + embedText(embed), 0);
  if (total > 6000) {
    errors.add([...path, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  const flags = typeof body['flags'] === 'number' ? body['flags'] : 0;
  if (flags & MESSAGE_FLAG.componentsV2) return;
  const rows = Array.isArray(body['components']) ? body['components'] : [];
  errors.maxLength([...path, 'components'], rows, 5);
  rows.forEach((row: unknown, rowIndex) => {
    if (!isRecord(row) || !Array.isArray(row['components'])) return;
    const at = [...path, 'components', rowIndex, 'components'];
    errors.maxLength(at, row['components'], 5);
    row['components'].forEach((component: unknown, index) => {
      if (!isRecord(component)) return;
      errors.maxLength([...at, index, 'custom_id'], component['custom_id'], 100);
      errors.maxLength([...at, index, 'label'], component['label'], 80);
    });
  });
}

export function validateChoices(data: unknown, errors: FormErrors): void {
  const choices = isRecord(data) && Array.isArray(data['choices']) ? data['choices'] : [];
  errors.maxLength(['data', 'choices'], choices, 25);
  choices.forEach((choice: unknown, index) => {
    if (!isRecord(choice)) return;
    errors.length(['data', 'choices', index, 'name'], choice['name'], 1, 100);
    if (typeof choice['value'] === 'string') {
      errors.maxLength(['data', 'choices', index, 'value'], choice['value'], 100);
    }
  });
}

export function isEmptyMessage(body: Record<string, unknown>, files: readonly UploadedFile[]): boolean {
  const filled = (key: string): boolean => {
    const value = body[key];
    return Array.isArray(value)
      ? value.length > 0
      : typeof value === 'string'
        ? value.length > 0
        : value !== null && value !== undefined;
  };
  return files.length === 0 && !['content', 'embeds', 'components', 'sticker_ids', 'poll'].some(filled);
}
