import { AttachmentBuilder, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type {
  APIEmbed,
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
} from 'discord.js';
import type { Logger } from 'pino';
import { renderApology, renderUserError } from '../render/errors.js';
import { checkReplyLimits } from '../render/limits.js';
import type { Reply } from '../render/reply.js';
import { UserError } from './command.js';
import type { Choice, CommandModule, Context, Invocation } from './command.js';

/** Discord allows 3 s for the first answer; past this we defer and edit, which allows 15 minutes. */
export const DEFER_AFTER_MS = 2_000;
/** A handler still running after this is given up on, so the user gets an apology instead of nothing. */
export const HANDLER_TIMEOUT_MS = 30_000;

export interface DispatcherOptions {
  commands: ReadonlyMap<string, CommandModule>;
  context: Context;
  logger: Logger;
  deferAfterMs?: number;
  handlerTimeoutMs?: number;
}

// A right-to-left override or isolate typed into an option (and echoed back, even inside code) reverses
// the rest of its line; no message needs one, so none is sent.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const withoutBidi = (text: string) => text.replace(BIDI_CONTROLS, '');

function embedWithoutBidi(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (embed.title !== undefined) out.title = withoutBidi(embed.title);
  if (embed.description !== undefined) out.description = withoutBidi(embed.description);
  if (embed.footer) out.footer = { ...embed.footer, text: withoutBidi(embed.footer.text) };
  if (embed.author) out.author = { ...embed.author, name: withoutBidi(embed.author.name) };
  if (embed.fields)
    out.fields = embed.fields.map((f) => ({ ...f, name: withoutBidi(f.name), value: withoutBidi(f.value) }));
  return out;
}

/** The message body of a Reply; nothing it contains can ping anyone or reorder the text around it. */
export function toMessage(reply: Reply): InteractionEditReplyOptions {
  return {
    content: withoutBidi(reply.content ?? ''),
    embeds: (reply.embeds ?? []).map(embedWithoutBidi),
    components: reply.components ?? [],
    files: (reply.files ?? []).map(
      (f) => new AttachmentBuilder(f.data, { name: f.name, description: f.description }),
    ),
    allowedMentions: { parse: [] },
  };
}

function toReplyOptions(reply: Reply): InteractionReplyOptions {
  const { content, embeds, components, files, allowedMentions } = toMessage(reply);
  return {
    ...(content ? { content } : {}),
    embeds,
    components,
    files,
    allowedMentions,
    ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Turns any failure into what the user sees: their mistake privately explained, or a short apology. */
export function replyForError(error: unknown, logger: Logger, where: Record<string, unknown>): Reply {
  if (error instanceof UserError) return renderUserError(error.message, error.suggestions);
  logger.error({ err: error, ...where }, 'handler failed');
  return renderApology();
}

function sanitiseChoices(choices: Choice[]): Choice[] {
  return choices.slice(0, 25).map((c) => ({
    name: c.name.slice(0, 100) || String(c.value).slice(0, 100),
    value: typeof c.value === 'string' ? c.value.slice(0, 100) : c.value,
  }));
}

/**
 * The one place interactions are handled. It never rejects: whatever a handler does, the user gets an
 * answer and the bot keeps serving.
 */
export function createDispatcher({
  commands,
  context,
  logger,
  deferAfterMs = DEFER_AFTER_MS,
  handlerTimeoutMs = HANDLER_TIMEOUT_MS,
}: DispatcherOptions) {
  /**
   * Runs a handler; if it is still running after deferAfterMs, `defer` is called so Discord's 3 s cannot run
   * out, and after handlerTimeoutMs it is abandoned with an error (a hung handler would leave the user
   * looking at "thinking…" for 15 minutes). Resolves when any deferral has settled.
   */
  async function runHandler<T>(
    handler: () => T | Promise<T>,
    defer: () => Promise<unknown>,
    where: Record<string, unknown>,
  ): Promise<T> {
    const pending: { deferral: Promise<unknown> | null } = { deferral: null };
    const deferTimer = setTimeout(() => {
      pending.deferral = defer().catch((error: unknown) =>
        logger.warn({ err: error, ...where }, 'defer failed'),
      );
    }, deferAfterMs);
    let giveUp: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      giveUp = setTimeout(
        () => reject(new Error(`handler did not finish within ${handlerTimeoutMs} ms`)),
        handlerTimeoutMs,
      );
    });
    try {
      return await Promise.race([Promise.resolve().then(handler), deadline]);
    } finally {
      clearTimeout(deferTimer);
      clearTimeout(giveUp);
      if (pending.deferral) await pending.deferral;
    }
  }

  // The newest picture edit owed to each message, by the id of the command that made the message. A page
  // turn (any button press on it) replaces the message, so a picture still being drawn for the old content
  // would put it back: the press forgets the ticket and the late edit is dropped.
  const owed = new Map<string, symbol>();

  function messageKey(interaction: ButtonInteraction): string | undefined {
    const message = interaction.message as ButtonInteraction['message'] | undefined;
    return message?.interactionMetadata?.id ?? message?.id;
  }

  /**
   * Runs a reply's `later` once the reply is out and edits the message to what it gives. Never rejects: a
   * failure is logged and the text reply stays.
   */
  async function finishLater(
    reply: Reply,
    key: string | undefined,
    edit: (message: InteractionEditReplyOptions) => Promise<unknown>,
    where: Record<string, unknown>,
  ): Promise<void> {
    const later = reply.later;
    if (!later) return;
    const ticket = Symbol(key);
    if (key !== undefined) owed.set(key, ticket);
    const started = performance.now();
    let giveUp: NodeJS.Timeout | undefined;
    try {
      const next = await Promise.race([
        Promise.resolve().then(later),
        new Promise<never>((_, reject) => {
          giveUp = setTimeout(
            () => reject(new Error(`later did not finish within ${handlerTimeoutMs} ms`)),
            handlerTimeoutMs,
          );
        }),
      ]);
      if (key !== undefined && owed.get(key) !== ticket) {
        logger.debug(where, 'late edit dropped: the message changed meanwhile');
        return;
      }
      if (!next) return;
      const problems = checkReplyLimits(next, { phoneWidth: false });
      if (problems.length > 0) {
        logger.error({ problems, ...where }, 'late edit breaks Discord limits; the first reply stays');
        return;
      }
      await edit(toMessage(next));
      logger.debug({ ...where, ms: performance.now() - started }, 'late edit sent');
    } catch (error) {
      logger.error({ err: error, ...where }, 'late edit failed; the first reply stays');
    } finally {
      clearTimeout(giveUp);
      if (key !== undefined && owed.get(key) === ticket) owed.delete(key);
    }
  }

  // Discord rejects a message over its limits and the user would see "interaction failed"; an apology is better.
  function guardLimits(reply: Reply, where: Record<string, unknown>): Reply {
    const problems = checkReplyLimits(reply, { phoneWidth: false });
    if (problems.length === 0) return reply;
    logger.error({ problems, ...where }, 'reply breaks Discord limits');
    return renderApology();
  }

  /** Each run* answers one interaction and returns when its first answer went out (performance.now()). */
  async function runCommand(interaction: ChatInputCommandInteraction): Promise<number> {
    const command = commands.get(interaction.commandName);
    const where = {
      command: interaction.commandName,
      interaction: interaction.id,
      user: interaction.user.id,
    };
    const invocation: Invocation = {
      options: interaction.options,
      isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    };
    let reply: Reply;
    try {
      if (!command)
        throw new UserError(
          `\`/${interaction.commandName}\` is not a command of this bot any more. Try \`/help\`.`,
        );
      if (command.adminOnly && !invocation.isAdmin)
        throw new UserError('This command is for server managers only.');
      const answer = await runHandler(
        () => command.execute(invocation, context),
        () => interaction.deferReply(),
        where,
      );
      reply = guardLimits(answer, where);
    } catch (error) {
      reply = replyForError(error, logger, where);
    }
    let editable = true;
    if (interaction.deferred) {
      if (reply.ephemeral) {
        // A deferred answer is public; a private one has to be a follow-up.
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp(toReplyOptions(reply));
        editable = false;
      } else {
        await interaction.editReply(toMessage(reply));
      }
    } else {
      await interaction.reply(toReplyOptions(reply));
    }
    const repliedAt = performance.now();
    // A follow-up is not the original response, which editReply would change.
    if (editable) await finishLater(reply, interaction.id, (m) => interaction.editReply(m), where);
    return repliedAt;
  }

  async function runAutocomplete(interaction: AutocompleteInteraction): Promise<number> {
    const command = commands.get(interaction.commandName);
    let choices: Choice[] = [];
    try {
      const focused = interaction.options.getFocused(true);
      choices =
        command?.autocomplete?.(
          {
            options: interaction.options,
            isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
            focused: { name: focused.name, value: String(focused.value) },
          },
          context,
        ) ?? [];
    } catch (error) {
      logger.error({ err: error, command: interaction.commandName }, 'autocomplete failed');
    }
    await interaction.respond(sanitiseChoices(choices));
    return performance.now();
  }

  async function runButton(interaction: ButtonInteraction): Promise<number> {
    const name = interaction.customId.split(':', 1)[0] ?? '';
    const command = commands.get(name);
    const where = { button: interaction.customId, interaction: interaction.id };
    const key = messageKey(interaction);
    if (key !== undefined) owed.delete(key);
    let reply: Reply;
    try {
      const button = command?.button?.bind(command);
      if (!button) throw new UserError('This button no longer works; run the command again.');
      const answer = await runHandler(
        () => button(interaction.customId, context),
        () => interaction.deferUpdate(),
        where,
      );
      reply = guardLimits(answer, where);
    } catch (error) {
      reply = replyForError(error, logger, where);
    }
    // After deferUpdate the message with the button is edited; a private answer cannot replace it.
    if (interaction.deferred) {
      if (reply.ephemeral) await interaction.followUp(toReplyOptions(reply));
      else await interaction.editReply(toMessage(reply));
    } else if (reply.ephemeral) await interaction.reply(toReplyOptions(reply));
    else await interaction.update(toMessage(reply));
    const repliedAt = performance.now();
    // A private answer is a message of its own, not the one the button is on.
    if (!reply.ephemeral || !interaction.deferred)
      await finishLater(reply, reply.ephemeral ? undefined : key, (m) => interaction.editReply(m), where);
    return repliedAt;
  }

  return async function dispatch(interaction: Interaction): Promise<void> {
    const started = performance.now();
    try {
      let firstAt: number | undefined;
      if (interaction.isChatInputCommand()) firstAt = await runCommand(interaction);
      else if (interaction.isAutocomplete()) firstAt = await runAutocomplete(interaction);
      else if (interaction.isButton()) firstAt = await runButton(interaction);
      // ms: until everything was sent, late edits included; replyMs: until the first answer was.
      logger.debug(
        {
          interaction: interaction.id,
          type: interaction.type,
          ms: performance.now() - started,
          ...(firstAt === undefined ? {} : { replyMs: firstAt - started }),
        },
        'handled',
      );
    } catch (error) {
      // Sending failed (interaction expired, network): nothing more can reach this user; log and go on.
      logger.error({ err: error, interaction: interaction.id }, 'could not answer interaction');
    }
  };
}
