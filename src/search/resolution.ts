/** The outcome of resolving what a user typed: one thing, several equally good things, or nothing. */
export type Resolution<T> =
  /** Exactly one match. */
  | { kind: 'found'; value: T }
  /** Several matches and no reason to prefer one; the user must choose. */
  | { kind: 'ambiguous'; candidates: T[] }
  /** No match; the closest things, best first (possibly none). */
  | { kind: 'missing'; suggestions: T[] };

/** Match quality for suggestions: exact beats prefix beats fuzzy. */
export const Tier = { Exact: 0, Prefix: 1, Fuzzy: 2 } as const;

/** Discord's cap on autocomplete choices. */
export const MAX_CHOICES = 25;
