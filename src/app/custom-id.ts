/**
 * The custom_id of a component: `<command>:<key>:…:<tail>`. The command routes the press; the keys name
 * the data (ids, or `*` for none) and the tail says what to show, so a button keeps working after
 * Discord's 15 minutes and across restarts. Keys that would take the id past Discord's 100 characters
 * are replaced by a short hash that `keyMatches` recognises.
 */
const MAX_CUSTOM_ID = 100;
const NONE = '*';

/** A stable short stand-in for an id too long for a custom_id (FNV-1a, 32 bits). */
export function shortKey(id: string): string {
  let hash = 0x811c9dc5;
  for (const char of id) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `~${hash.toString(16).padStart(8, '0')}`;
}

/** Whether `key` from a custom_id names `id`, spelled out or as its short stand-in. */
export function keyMatches(key: string, id: string): boolean {
  return key === id || (key.startsWith('~') && key === shortKey(id));
}

/** The custom_id for a component of `command`; a null key is written `*`. */
export function componentId(command: string, keys: ReadonlyArray<string | null>, tail: string): string {
  const full = [command, ...keys.map((k) => k ?? NONE), tail].join(':');
  if (full.length <= MAX_CUSTOM_ID) return full;
  return [command, ...keys.map((k) => (k === null ? NONE : shortKey(k))), tail].join(':');
}

/** The command a custom_id belongs to. */
export function componentCommand(customId: string): string {
  return customId.split(':', 1)[0] ?? '';
}

/**
 * The keys and tail of a custom_id made by `componentId` with `keyCount` keys, or null when it is not
 * one. Every key but the last stops at a colon; the last runs to the tail, so it may contain colons.
 */
export function readComponentId(
  customId: string,
  keyCount: number,
): { keys: Array<string | null>; tail: string } | null {
  const parts = customId.split(':');
  const tail = parts.pop();
  const fixed = parts.slice(1, keyCount);
  const last = parts.slice(keyCount).join(':');
  if (tail === undefined || fixed.length !== keyCount - 1 || last === '' || fixed.includes('')) return null;
  return { keys: [...fixed, last].map((k) => (k === NONE ? null : k)), tail };
}
