import { AttachmentBuilder, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
} from 'discord.js';
import type { Logger } from 'pino';
import { withPicture } from '../../app/message.js';
import type { App, AppRequest, Caller, Message, Outcome } from '../../app/types.js';
import type { Pictures } from '../../pictures/service.js';
import { componentCommand } from '../../app/custom-id.js';
import { outcomeLabel, requestName } from '../../metrics.js';
import type { Metrics } from '../../metrics.js';

export interface InteractionOptions {
  app: App;
  pictures: Pick<Pictures, 'draw'>;
  logger: Logger;
  metrics?: Metrics;
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction;

function callerOf(interaction: Interaction): Caller {
  return {
    userId: interaction.user.id,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    locale: interaction.locale ?? 'en-US',
  };
}

function editOptions(message: Message): InteractionEditReplyOptions {
  const { content, embeds, components, files, allowedMentions } = message;
  const attachments = files.map(
    (f) => new AttachmentBuilder(f.data, { name: f.name, description: f.description }),
  );
  return { content, embeds, components, files: attachments, allowedMentions };
}

function replyOptions(message: Message): InteractionReplyOptions {
  const { content, embeds, components, files, allowedMentions } = editOptions(message);
  const options: InteractionReplyOptions = { embeds, components, files, allowedMentions };
  if (content) options.content = content;
  if (message.ephemeral) options.flags = MessageFlags.Ephemeral;
  return options;
}

/** Sends an outcome the way Discord wants it; resolves to whether the message can be edited later. */
async function send(
  interaction: Answerable,
  outcome: Exclude<Outcome, { kind: 'choices' }>,
): Promise<boolean> {
  const { message } = outcome;
  if (!interaction.deferred) {
    if (outcome.kind === 'update' && interaction.isButton()) await interaction.update(editOptions(message));
    else await interaction.reply(replyOptions(message));
    return true;
  }
  if (!message.ephemeral) {
    await interaction.editReply(editOptions(message));
    return true;
  }
  // A deferred command answer is public, and after deferUpdate the message with the button is edited:
  // a private answer has to be a follow-up, which is a message of its own.
  if (interaction.isChatInputCommand()) await interaction.deleteReply().catch(() => undefined);
  await interaction.followUp(replyOptions(message));
  return false;
}

/** The gateway host: each interaction becomes a request to the core, and its outcome Discord calls. */
export function createInteractionHandler({ app, pictures, logger, metrics }: InteractionOptions) {
  // The newest picture edit owed to each message, by the id of the command that made it. A page turn
  // replaces the message, so a picture still being drawn for the old content would put it back: the
  // press forgets the ticket and the late edit is dropped.
  const owed = new Map<string, symbol>();
  const edits = new Set<Promise<void>>();

  async function addPicture(
    interaction: Answerable,
    outcome: Exclude<Outcome, { kind: 'choices' }>,
    key?: string,
  ) {
    const job = outcome.picture;
    if (!job) return;
    const ticket = Symbol(key);
    if (key !== undefined) owed.set(key, ticket);
    try {
      const png = await pictures.draw(job);
      if (key !== undefined && owed.get(key) !== ticket)
        logger.debug({ interaction: interaction.id }, 'late edit dropped: the message changed meanwhile');
      else if (png) {
        await interaction.editReply(editOptions(withPicture(outcome.message, job, png)));
        metrics?.countPicture('sent');
      } else metrics?.countPicture('failed');
    } catch (error) {
      metrics?.countPicture('failed');
      logger.error({ err: error, interaction: interaction.id }, 'late edit failed; the first reply stays');
    } finally {
      if (key !== undefined && owed.get(key) === ticket) owed.delete(key);
    }
  }

  async function answer(
    interaction: Answerable,
    request: AppRequest,
    defer: () => Promise<unknown>,
    key?: string,
  ) {
    const outcome = await app.handle(request, { defer: async () => void (await defer()) });
    if (outcome.kind === 'choices') return;
    const editable = await send(interaction, outcome);
    const repliedAt = performance.now();
    metrics?.countInteraction(request.kind, requestName(request), outcomeLabel(outcome));
    // A private answer to a button is a message of its own, not the one the button is on.
    if (editable && outcome.picture) {
      const edit = addPicture(
        interaction,
        outcome,
        outcome.kind === 'update' || interaction.isChatInputCommand() ? key : undefined,
      );
      edits.add(edit);
      await edit.finally(() => edits.delete(edit));
    }
    return repliedAt;
  }

  /** Waits up to `graceMs` for the pictures owed to messages already sent (at shutdown). */
  async function settle(graceMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...edits]), grace]);
    clearTimeout(timer);
  }

  async function dispatch(interaction: Interaction): Promise<void> {
    const started = performance.now();
    try {
      let firstAt: number | undefined;
      const caller = callerOf(interaction);
      if (interaction.isChatInputCommand()) {
        const request = {
          kind: 'command',
          command: interaction.commandName,
          options: interaction.options,
          caller,
        } as const;
        firstAt = await answer(interaction, request, () => interaction.deferReply(), interaction.id);
      } else if (interaction.isButton()) {
        const message = interaction.message as ButtonInteraction['message'] | undefined;
        const key = message?.interactionMetadata?.id ?? message?.id;
        if (key !== undefined) owed.delete(key);
        const request = { kind: 'component', customId: interaction.customId, caller } as const;
        firstAt = await answer(interaction, request, () => interaction.deferUpdate(), key);
      } else if (interaction.isAutocomplete()) {
        const focused = interaction.options.getFocused(true);
        const request = {
          kind: 'autocomplete',
          command: interaction.commandName,
          options: interaction.options,
          focused: { name: focused.name, value: String(focused.value) },
          caller,
        } as const;
        await interaction.respond(app.choices(request));
        firstAt = performance.now();
        metrics?.countInteraction('autocomplete', request.command, 'choices');
      }
      // ms: until everything was sent, late edits included; replyMs: until the first answer was.
      const replyMs = firstAt === undefined ? {} : { replyMs: firstAt - started };
      if (firstAt !== undefined && metrics) {
        const kind = interaction.isAutocomplete()
          ? 'autocomplete'
          : interaction.isButton()
            ? 'component'
            : 'command';
        metrics.observeFirstAnswer(kind, (firstAt - started) / 1000);
      }
      logger.debug(
        { interaction: interaction.id, type: interaction.type, ms: performance.now() - started, ...replyMs },
        'handled',
      );
    } catch (error) {
      // Sending failed (interaction expired, network): nothing more can reach this user; log and go on.
      logger.error({ err: error, interaction: interaction.id }, 'could not answer interaction');
      if (interaction.isChatInputCommand() || interaction.isAutocomplete())
        metrics?.countInteraction(
          interaction.isAutocomplete() ? 'autocomplete' : 'command',
          interaction.commandName,
          'failed',
        );
      else if (interaction.isButton())
        metrics?.countInteraction('component', componentCommand(interaction.customId), 'failed');
    }
  }

  return { dispatch, settle };
}
