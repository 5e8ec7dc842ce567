// The core's contract (src/app/types.ts) over today's command modules, until src/app/ lands: the HTTP host
// is written against `App` and needs nothing from here once createApp exists.
import type { Logger } from 'pino';
import type { CommandModule, Context } from '../../bot/command.js';
import { UserError } from '../../bot/command.js';
import { renderApology, renderUserError } from '../../render/errors.js';
import { checkReplyLimits } from '../../render/limits.js';
import type { Reply } from '../../render/reply.js';
import type { App, AppHooks, Message, Outcome, PictureJob } from '../../app/types.js';

const DEFER_AFTER_MS = 2_000;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const withoutBidi = (text: string) => text.replace(BIDI_CONTROLS, '');

function toMessage(reply: Reply): Message {
  return {
    content: withoutBidi(reply.content ?? ''),
    embeds: JSON.parse(withoutBidi(JSON.stringify(reply.embeds ?? []))) as Message['embeds'],
    components: reply.components ?? [],
    files: reply.files ?? [],
    ephemeral: reply.ephemeral ?? false,
    allowedMentions: { parse: [] },
  };
}

/** The reply's `later` (the picture step) carried as the job's request. */
export async function addLegacyPicture(_message: Message, job: PictureJob): Promise<Message | null> {
  const next = await (job.request as unknown as () => Promise<Reply | null>)();
  return next && toMessage(next);
}

export function createLegacyApp(
  commands: ReadonlyMap<string, CommandModule>,
  context: Context,
  logger: Logger,
): App {
  async function run(handler: () => Reply | Promise<Reply>, hooks: AppHooks | undefined): Promise<Reply> {
    const deferral: { pending?: Promise<void> } = {};
    const timer = setTimeout(() => {
      deferral.pending = hooks?.defer();
    }, DEFER_AFTER_MS);
    try {
      return await handler();
    } finally {
      clearTimeout(timer);
      await deferral.pending;
    }
  }

  function outcome(kind: 'reply' | 'update', reply: Reply): Outcome {
    if (checkReplyLimits(reply, { phoneWidth: false }).length > 0)
      return { kind: 'reply', message: toMessage(renderApology()), error: 'internal' } as Outcome;
    const message = toMessage(reply);
    const as = message.ephemeral ? 'reply' : kind;
    if (!reply.later) return { kind: as, message };
    const picture = { key: '', name: '', description: '', request: reply.later } as unknown as PictureJob;
    return { kind: as, message, picture };
  }

  function failed(error: unknown, where: object): Outcome {
    if (error instanceof UserError)
      return {
        kind: 'reply',
        message: toMessage(renderUserError(error.message, error.suggestions)),
        error: 'user',
      } as Outcome;
    logger.error({ err: error, ...where }, 'handler failed');
    return { kind: 'reply', message: toMessage(renderApology()), error: 'internal' } as Outcome;
  }

  return {
    async handle(request, hooks) {
      const isAdmin = request.caller.isAdmin;
      if (request.kind === 'autocomplete') {
        try {
          const found = commands.get(request.command)?.autocomplete?.({ ...request, isAdmin }, context) ?? [];
          return { kind: 'choices', choices: found.slice(0, 25) };
        } catch (error) {
          logger.error({ err: error }, 'autocomplete failed');
          return { kind: 'choices', choices: [] };
        }
      }
      if (request.kind === 'command') {
        try {
          const command = commands.get(request.command);
          if (!command) throw new UserError(`\`/${request.command}\` is not a command of this bot any more.`);
          if (command.adminOnly && !isAdmin) throw new UserError('This command is for server managers only.');
          return outcome(
            'reply',
            await run(() => command.execute({ options: request.options, isAdmin }, context), hooks),
          );
        } catch (error) {
          return failed(error, { command: request.command });
        }
      }
      try {
        const command = commands.get(request.customId.split(':', 1)[0] ?? '');
        const button = command?.button?.bind(command);
        if (!button) throw new UserError('This button no longer works; run the command again.');
        return outcome('update', await run(() => button(request.customId, context), hooks));
      } catch (error) {
        return failed(error, { button: request.customId });
      }
    },
  };
}
