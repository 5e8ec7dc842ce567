import type { Lang } from '../i18n/lang.js';
import { EN } from '../i18n/lang.js';

/** A user error's text in one language: the message and the closest matches to try. */
export interface UserErrorText {
  message: string;
  suggestions?: readonly string[];
}

/** A mistake the user made; its message is safe to show them, with the closest matches. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly suggestions: readonly string[] = [],
    private readonly translate?: (lang: Lang) => UserErrorText,
  ) {
    super(message);
  }

  /** A user error written in every language; `message` and `suggestions` are the English. */
  static localized(translate: (lang: Lang) => UserErrorText): UserError {
    const english = translate(EN);
    return new UserError(english.message, english.suggestions ?? [], translate);
  }

  /** The text in the reader's language; an error made without translations stays as written. */
  textIn(lang: Lang): Required<UserErrorText> {
    const text = this.translate?.(lang);
    return text
      ? { message: text.message, suggestions: text.suggestions ?? [] }
      : { message: this.message, suggestions: this.suggestions };
  }
}
