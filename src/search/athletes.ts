import MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import type { EventArticle, Heat, ResultRow, Round } from '../model/schemas.js';
import { foldName } from '../model/names.js';
import { MAX_CHOICES, Tier } from './resolution.js';
import type { Resolution } from './resolution.js';

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

interface AthleteDoc {
  id: string;
  name: string;
  /** Joined runs of adjacent words, so "vant wout" and "vantwout" find "van 't Wout". */
  joined: string;
}

/** Runs of `min` or more adjacent words, joined: "van t wout" -> "vant", "vantwout", "twout", ... */
function runsOf(tokens: string[], min: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + min; j <= tokens.length; j++) out.push(tokens.slice(i, j).join(''));
  }
  return out;
}

/**
 * How well `athlete` fits: the tier, and how many typed words are whole words of the name, so that
 * "Li" means Li Wenhao rather than Livio Wenger and "Li Wen" means Li Wenhao too.
 */
function matchOf(athlete: Athlete, query: string, queryTokens: string[]): { tier: number; words: number } {
  const sortedQuery = [...queryTokens].sort().join('-');
  const compact = queryTokens.join('');
  const written = athlete.tokens.join(' ');
  const reversed = [...athlete.tokens].reverse().join(' ');
  if (
    sortedQuery === athlete.id ||
    compact === athlete.tokens.join('') ||
    compact === [...athlete.tokens].reverse().join('')
  ) {
    return { tier: Tier.Exact, words: queryTokens.length };
  }
  // Spaces typed where the name has none, or left out where it has some: "Van Houtte", "vant wout".
  if (queryTokens.length > 1 && runsOf(athlete.tokens, 1).includes(compact)) {
    return { tier: Tier.Prefix, words: queryTokens.length };
  }
  const words = queryTokens.filter((token) => athlete.tokens.includes(token)).length;
  if (written.startsWith(query) || reversed.startsWith(query)) return { tier: Tier.Prefix, words };
  const free = [...athlete.tokens];
  const allPrefix = queryTokens.every((token) => {
    const at = free.findIndex((word) => word.startsWith(token));
    if (at < 0) return false;
    free.splice(at, 1);
    return true;
  });
  return { tier: allPrefix ? Tier.Prefix : Tier.Fuzzy, words };
}

export interface Ranked {
  athlete: Athlete;
  tier: number;
  /** Typed words that are whole words of the name; breaks ties within a tier. */
  words: number;
  score: number;
}

/** Finds skaters from what people type: no accents, typos, surname only, either order, particles. */
export class AthleteIndex {
  private readonly byId = new Map<string, Athlete>();
  private readonly search: MiniSearch<AthleteDoc>;

  constructor(readonly athletes: readonly Athlete[]) {
    for (const athlete of athletes) this.byId.set(athlete.id, athlete);
    this.search = new MiniSearch<AthleteDoc>({
      fields: ['name', 'joined'],
      // Names are folded before indexing and querying, so the default lower-casing is all that is left to do.
      processTerm: (term) => term || null,
      searchOptions: { boost: { name: 2 } },
    });
    this.search.addAll(
      athletes.map((a) => ({ id: a.id, name: a.tokens.join(' '), joined: runsOf(a.tokens, 2).join(' ') })),
    );
  }

  get(id: string): Athlete | undefined {
    return this.byId.get(id);
  }

  /** Every candidate for `query`, best first. */
  rank(query: string, limit: number): Ranked[] {
    const folded = foldName(query);
    if (folded === '') return [];
    const tokens = folded.split(' ');
    const options = {
      prefix: true,
      fuzzy: (term: string) => (term.length >= 4 ? 0.25 : false),
      maxFuzzy: 2,
      weights: { fuzzy: 0.4, prefix: 0.7 },
    } as const;
    let hits: SearchResult[] = this.search.search(folded, { ...options, combineWith: 'AND' });
    if (hits.length === 0) hits = this.search.search(folded, { ...options, combineWith: 'OR' });
    const ranked: Ranked[] = [];
    for (const hit of hits) {
      const athlete = this.byId.get(String(hit.id));
      if (athlete) ranked.push({ athlete, ...matchOf(athlete, folded, tokens), score: hit.score });
    }
    ranked.sort(
      (a, b) =>
        a.tier - b.tier ||
        b.words - a.words ||
        b.score - a.score ||
        a.athlete.name.localeCompare(b.athlete.name),
    );
    return ranked.slice(0, limit);
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
