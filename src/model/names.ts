// Letters that NFKD does not decompose into a base letter plus a combining mark.
const FOLD: Record<string, string> = {
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
  þ: 'th',
  Þ: 'th',
};
const FOLDABLE = /[łŁøØđĐðßæÆœŒıþÞ]/g;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ`´]/g;
const NON_ALNUM = /[^\p{L}\p{N}]+/gu;
const PLAIN = /^[\x20-\x7e]*$/;
const ASCII_NON_ALNUM = /[^a-z0-9]+/g;

/** Folds a name to plain lower-case ASCII-ish words: "Jílek" -> "jilek", "van 't Wout" -> "van t wout". */
export function foldName(name: string): string {
  // Most names and nearly all prose are plain ASCII; Unicode normalisation is the expensive step.
  if (PLAIN.test(name))
    return name.toLowerCase().replace(APOSTROPHES, '').replace(ASCII_NON_ALNUM, ' ').trim();
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(FOLDABLE, (c) => FOLD[c] ?? c)
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NON_ALNUM, ' ')
    .trim();
}

/** The words of a folded name. */
export function nameTokens(name: string): string[] {
  const folded = foldName(name);
  return folded === '' ? [] : folded.split(' ');
}

// A skater's name recurs in every round and event they race, and folding is the costly part of reading a
// row, so each name is folded once.
const keys = new Map<string, string>();
const MAX_KEYS = 100_000;

/**
 * Identity of a skater across rounds and articles. Word order is ignored because articles write
 * East Asian names in either order ("Liu Shaoang", "Shaoang Liu").
 */
export function athleteKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = nameTokens(name).sort().join('-');
    // Bounded so that a long-running bot reloading ever-new names cannot grow it without end.
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(name, key);
  }
  return key;
}
