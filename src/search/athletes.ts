import type { EventArticle, Heat, ResultRow, Round } from '../model/schemas.js';
import { foldName } from '../model/names.js';
import { MAX_CHOICES, Tier } from './resolution.js';
import type { Resolution } from './resolution.js';
import { TermIndex } from './terms.js';
import type { TermIndexParts } from './term-parts.js';
import type { TermSearchOptions } from './terms.js';

/** One row of one heat, seen from the skater's side. */
export interface Appearance {
  event: EventArticle;
  round: Round;
  heat: Heat;
  row: ResultRow;
}

/** A person: every row they appear in, across rounds and events. */
export interface Athlete {
  id: string;
  /** The spelling shown: the one with diacritics where articles differ. */
  name: string;
  /** The folded words of the name, in written order. */
  tokens: string[];
  /** IOC code where an article states it. */
  noc: string | null;
  appearances: Appearance[];
}

/** Runs of `min` or more adjacent words, joined: "van t wout" -> "vant", "vantwout", "twout", ... */
function runsOf(tokens: readonly string[], min: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Grown a word at a time: building the index makes these for every skater at every start.
    let run = '';
    for (let j = i; j < tokens.length; j++) {
      run += tokens[j]!;
      if (j - i + 1 >= min) out.push(run);
    }
  }
  return out;
}

/** Whether `compact` is some run of adjacent words of the name, joined ("vantwout", "houtte"). */
function isJoinedRun(tokens: readonly string[], compact: string): boolean {
  for (let i = 0; i < tokens.length; i++) {
    let at = 0;
    for (let j = i; j < tokens.length && at < compact.length; j++) {
      const word = tokens[j]!;
      if (!compact.startsWith(word, at)) break;
      at += word.length;
      if (at === compact.length) return true;
    }
  }
  return false;
}

/** The forms of a name that `matchOf` compares against, made once per skater on first use. */
interface Forms {
  written: string;
  reversed: string;
  compact: string;
  compactReversed: string;
}

function formsOf(athlete: Athlete): Forms {
  const reversed = [...athlete.tokens].reverse();
  return {
    written: athlete.tokens.join(' '),
    reversed: reversed.join(' '),
    compact: athlete.tokens.join(''),
    compactReversed: reversed.join(''),
  };
}

/** What `matchOf` needs from the query, computed once per query rather than once per candidate. */
interface Query {
  folded: string;
  tokens: string[];
  sorted: string;
  compact: string;
}

/** Packs a tier and a count of whole words into one number, so that ranking a candidate allocates nothing. */
function packed(tier: number, words: number): number {
  return tier * 0x10000 + words;
}

// Which words of the name `wordsStartWords` has taken, reused across calls so that ranking thousands of
// candidates allocates nothing for it.
let taken = new Uint8Array(32);

/** Whether each typed word starts a different word of the name, taking the first free one each time. */
function wordsStartWords(typed: readonly string[], name: readonly string[]): boolean {
  if (taken.length < name.length) taken = new Uint8Array(name.length);
  taken.fill(0, 0, name.length);
  for (const token of typed) {
    let at = 0;
    while (at < name.length && (taken[at] === 1 || !name[at]!.startsWith(token))) at++;
    if (at === name.length) return false;
    taken[at] = 1;
  }
  return true;
}

/**
 * How well `athlete` fits: the tier, and how many typed words are whole words of the name, so that
 * "Li" means Li Wenhao rather than Livio Wenger and "Li Wen" means Li Wenhao too. Packed by `packed`.
 */
function matchOf(athlete: Athlete, forms: Forms, query: Query): number {
  const { tokens, compact } = query;
  if (query.sorted === athlete.id || compact === forms.compact || compact === forms.compactReversed) {
    return packed(Tier.Exact, tokens.length);
  }
  // Spaces typed where the name has none, or left out where it has some: "Van Houtte", "vant wout".
  if (tokens.length > 1 && isJoinedRun(athlete.tokens, compact)) {
    return packed(Tier.Prefix, tokens.length);
  }
  let words = 0;
  for (const token of tokens) if (athlete.tokens.includes(token)) words++;
  if (forms.written.startsWith(query.folded) || forms.reversed.startsWith(query.folded)) {
    return packed(Tier.Prefix, words);
  }
  return packed(wordsStartWords(tokens, athlete.tokens) ? Tier.Prefix : Tier.Fuzzy, words);
}

export interface Ranked {
  athlete: Athlete;
  tier: number;
  /** Typed words that are whole words of the name; breaks ties within a tier. */
  words: number;
  score: number;
}

// Names are folded before indexing and querying. Fuzzy matching starts at four letters, one edit up to
// five letters and two from six; prefixes and typos weigh less than whole words.
const SEARCH: TermSearchOptions = {
  prefix: true,
  maxDistance: (term) => (term.length >= 4 ? Math.min(2, Math.round(term.length * 0.25)) : 0),
  weights: { fuzzy: 0.4, prefix: 0.7 },
};
/** The indexed fields: the name's words, weighed double, and its joined runs. */
const FIELD_BOOSTS = [2, 1];

// The order of `localeCompare` with no arguments, without setting up a collator on every call.
const collator = new Intl.Collator();

/**
 * Scores equal on paper can differ in the last bits depending on the order their parts were summed;
 * rounding makes such ties real, so the name decides them.
 */
function settle(score: number): number {
  return Math.round(score * 1e9) / 1e9;
}

/** The ranking order, on a candidate's parts, so a loser can be turned away before it is built. */
function compareTo(tier: number, words: number, score: number, name: string, b: Ranked): number {
  return (
    tier - b.tier ||
    b.words - words ||
    b.score - score ||
    (name === b.athlete.name ? 0 : collator.compare(name, b.athlete.name))
  );
}

function byRank(a: Ranked, b: Ranked): number {
  return compareTo(a.tier, a.words, a.score, a.athlete.name, b);
}

/** Finds skaters from what people type: no accents, typos, surname only, either order, particles. */
export class AthleteIndex {
  private readonly byId = new Map<string, Athlete>();
  private readonly terms: TermIndex;
  private readonly forms: Array<Forms | undefined>;

  /** `terms`: the parts of the index built before over the same skaters, in the same order (a snapshot's). */
  constructor(
    readonly athletes: readonly Athlete[],
    terms?: TermIndexParts,
  ) {
    for (const athlete of athletes) this.byId.set(athlete.id, athlete);
    // Joined runs of adjacent words, so "vant wout" and "vantwout" find "van 't Wout".
    this.terms = new TermIndex(terms ?? athletes.map((a) => [a.tokens, runsOf(a.tokens, 2)]), FIELD_BOOSTS);
    if (this.terms.documents !== athletes.length) throw new RangeError('the term index is of other skaters');
    this.forms = new Array<Forms | undefined>(athletes.length);
  }

  /** The name index as flat arrays, for a snapshot to store. */
  termParts(): TermIndexParts {
    return this.terms.parts();
  }

  get(id: string): Athlete | undefined {
    return this.byId.get(id);
  }

  /** Every candidate for `query`, best first. */
  rank(query: string, limit: number): Ranked[] {
    const folded = foldName(query);
    if (folded === '' || limit <= 0) return [];
    const tokens = folded.split(' ');
    const q: Query = { folded, tokens, sorted: [...tokens].sort().join('-'), compact: tokens.join('') };
    const hits = this.terms.searchAllElseAny(tokens, SEARCH);
    // Only the best `limit` are wanted: keep them sorted and let the rest fall through one comparison.
    const best: Ranked[] = [];
    for (let i = 0; i < hits.docs.length; i++) {
      const doc = hits.docs[i]!;
      const athlete = this.athletes[doc]!;
      const forms = (this.forms[doc] ??= formsOf(athlete));
      const match = matchOf(athlete, forms, q);
      const tier = Math.floor(match / 0x10000);
      const words = match % 0x10000;
      const score = settle(hits.scores[i]!);
      const worst = best.length === limit ? best[limit - 1]! : undefined;
      // Most candidates of a broad query lose to the current worst, and are dropped unbuilt.
      if (worst && compareTo(tier, words, score, athlete.name, worst) >= 0) continue;
      const ranked: Ranked = { athlete, tier, words, score };
      let at = best.length;
      while (at > 0 && byRank(ranked, best[at - 1]!) < 0) at--;
      best.splice(at, 0, ranked);
      if (best.length > limit) best.pop();
    }
    return best;
  }

  /** Ranked suggestions for autocomplete, at most 25. */
  suggest(query: string, limit = MAX_CHOICES): Athlete[] {
    if (query.trim() === '') return [];
    return this.rank(query, limit).map((r) => r.athlete);
  }

  /**
   * One skater when the text says who, candidates when several fit equally well. A typo is accepted
   * when one candidate clearly leads the rest.
   */
  resolve(query: string): Resolution<Athlete> {
    const byId = this.byId.get(query.trim());
    if (byId) return { kind: 'found', value: byId };
    const ranked = this.rank(query, 50);
    const best = ranked[0];
    if (!best) return { kind: 'missing', suggestions: [] };
    const sameTier = ranked.filter((r) => r.tier === best.tier && r.words === best.words);
    if (sameTier.length === 1) return { kind: 'found', value: best.athlete };
    const second = sameTier[1];
    if (best.tier === Tier.Fuzzy && second && best.score >= 2 * second.score)
      return { kind: 'found', value: best.athlete };
    return { kind: 'ambiguous', candidates: sameTier.slice(0, 10).map((r) => r.athlete) };
  }
}
