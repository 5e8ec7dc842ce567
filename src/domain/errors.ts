/** A mistake the user made; its message is safe to show them, with the closest matches. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly suggestions: readonly string[] = [],
  ) {
    super(message);
  }
}
