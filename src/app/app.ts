import type { Reply } from '../render/reply.js';
import { UserError } from './command.js';
import type { CommandModule, Context } from './command.js';
import { componentCommand } from './custom-id.js';
import { apologyMessage, limitProblems, toMessage, userErrorMessage, withPicture } from './message.js';
import type { App, AppHooks, AppRequest, Choice, Outcome } from './types.js';
import type { Lang } from '../i18n/lang.js';
import { langFor } from '../i18n/lang.js';

/** Discord allows 3 s for the first answer; past this the host defers, which allows 15 minutes. */
export const DEFER_AFTER_MS = 2_000;
/** A handler still running after this is given up on, so the user gets an apology instead of nothing. */
export const HANDLER_TIMEOUT_MS = 30_000;
/** Discord's caps on autocomplete: 25 choices, names and values of at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_CHOICE_TEXT = 100;

/** The part of a pino logger the core uses, so hosts without pino can pass their own. */
export interface AppLog {
  error(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface AppOptions {
  commands: ReadonlyMap<string, CommandModule>;
  context: Context;
  logger: AppLog;
  /** Pictures drawn before: one found here goes out with the first message, so no edit follows. */
  pictures?: { cached(key: string): Buffer | undefined };
  deferAfterMs?: number;
  handlerTimeoutMs?: number;
}

type Where = Record<string, unknown>;

function sanitiseChoices(choices: Choice[]): Choice[] {
  return choices.slice(0, MAX_CHOICES).map((c) => ({
    name: c.name.slice(0, MAX_CHOICE_TEXT) || String(c.value).slice(0, MAX_CHOICE_TEXT),
    value: typeof c.value === 'string' ? c.value.slice(0, MAX_CHOICE_TEXT) : c.value,
  }));
}

/** The core: every host hands it requests and sends the outcomes it gets back. */
export function createApp({
  commands,
  context,
  logger,
  pictures,
  deferAfterMs = DEFER_AFTER_MS,
  handlerTimeoutMs = HANDLER_TIMEOUT_MS,
}: AppOptions): App {
  /** Their mistake explained privately, or, for anything else, logged and a short apology. */
  function failed(error: unknown, where: Where, lang: Lang): Outcome {
    const kind = 'reply';
    if (error instanceof UserError) return { kind, message: userErrorMessage(error, lang), error: 'user' };
    logger.error({ err: error, ...where }, 'handler failed');
    return { kind, message: apologyMessage(lang), error: 'internal' };
  }

  /**
   * Runs a handler; still running after deferAfterMs, it has the host defer, and after handlerTimeoutMs
   * it is abandoned with an error (a hung handler would leave the user looking at "thinking…" for 15
   * minutes). Resolves when any deferral has settled.
   */
  async function run(handler: () => Reply | Promise<Reply>, hooks: AppHooks | undefined, where: Where) {
    const pending: { deferral: Promise<void> | null } = { deferral: null };
    const deferTimer = setTimeout(() => {
      pending.deferral = (hooks?.defer() ?? Promise.resolve()).catch((error: unknown) =>
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

  /** A handler's reply as an outcome: within Discord's limits, its picture attached if drawn before. */
  function answer(kind: 'reply' | 'update', reply: Reply, where: Where, lang: Lang): Outcome {
    const { picture, ...rest } = reply;
    const message = toMessage(rest);
    const problems = limitProblems(message);
    if (problems.length > 0) {
      // Discord would refuse the message and the user would see "interaction failed".
      logger.error({ problems, ...where }, 'reply breaks Discord limits');
      return { kind: 'reply', message: apologyMessage(lang), error: 'internal' };
    }
    // A private answer to a button press is a message of its own; the one with the button stays.
    const as = message.ephemeral ? 'reply' : kind;
    if (!picture) return { kind: as, message };
    const png = pictures?.cached(picture.key);
    return png ? { kind: as, message: withPicture(message, picture, png) } : { kind: as, message, picture };
  }

  function choices(request: Extract<AppRequest, { kind: 'autocomplete' }>): Choice[] {
    try {
      const { options, focused, caller } = request;
      const found = commands
        .get(request.command)
        ?.autocomplete?.(
          { options, focused, isAdmin: caller.isAdmin, lang: langFor(caller.locale) },
          context,
        );
      return sanitiseChoices(found ?? []);
    } catch (error) {
      logger.error({ err: error, command: request.command }, 'autocomplete failed');
      return [];
    }
  }

  async function handle(request: AppRequest, hooks?: AppHooks): Promise<Outcome> {
    if (request.kind === 'autocomplete') return { kind: 'choices', choices: choices(request) };
    const { caller } = request;
    const lang = langFor(caller.locale);
    if (request.kind === 'command') {
      const where = { command: request.command, user: caller.userId };
      try {
        const command = commands.get(request.command);
        const name = request.command;
        if (!command)
          throw UserError.localized((l) => ({ message: l.t('errors.notACommand', { command: name }) }));
        // Discord hides admin commands from members, but a server can override that; this check cannot be.
        if (command.adminOnly && !caller.isAdmin)
          throw UserError.localized((l) => ({ message: l.t('errors.adminOnly') }));
        const invocation = { options: request.options, isAdmin: caller.isAdmin, lang };
        const reply = await run(() => command.execute(invocation, context), hooks, where);
        return answer('reply', reply, where, lang);
      } catch (error) {
        return failed(error, where, lang);
      }
    }
    const where = { button: request.customId, user: caller.userId };
    try {
      const command = commands.get(componentCommand(request.customId));
      const button = command?.button?.bind(command);
      if (!button) throw UserError.localized((l) => ({ message: l.t('errors.staleButton') }));
      const reply = await run(() => button(request.customId, context, lang), hooks, where);
      return answer('update', reply, where, lang);
    } catch (error) {
      return failed(error, where, lang);
    }
  }

  return { handle, choices };
}
