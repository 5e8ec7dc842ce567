const INTEGER = /^\d+$/;
// No count, score or heat number comes near a billion; a larger one is a typo (and past 2^53 not an integer
// the schema accepts), so it is a warning rather than a reason to refuse the whole article.
const MAX_NUMBER = 999_999_999;

/** Whether `text` is a run of digits and nothing else. */
export function isDigits(text: string): boolean {
  return INTEGER.test(text);
}

/** The whole number `text` writes, or null when it is not one or is implausibly large. */
export function wholeNumber(text: string): number | null {
  if (!INTEGER.test(text)) return null;
  const value = Number(text);
  return value <= MAX_NUMBER ? value : null;
}
